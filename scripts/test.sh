#!/usr/bin/env bash
# Every test: the aarch64 cross build and its unit tests under qemu; unit tests, the
# catalogue check, real headless Calc tests of the .oxt holding both platforms' libraries
# on LibreOffice 7.4 (the system's) and 25.2 (fetched into build/office-25.2), the .deb
# as a bundled extension, then the unit tests again under AddressSanitizer and
# UndefinedBehaviorSanitizer (the core's and the add-in's converters, tests/addin), then 60 s of libFuzzer on the core (built with clang).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/ensure-packages.sh
# libreoffice-l10n-nl: the system office's Dutch UI, which the Calc tests run (the Dutch
# template is found under $(vlang) = nl; without the pack the UI stays en-US). clang++ and its
# fuzzer/sanitizer runtimes, for build-fuzz; dpkg-dev and file for cpack -G DEB.
ensure_packages libreoffice-l10n-nl clang libclang-rt-dev dpkg-dev file

jobs=$(nproc)
# Linux aarch64, cross-compiled; its unit tests under qemu. Its .oxt is merged with this
# machine's, and the Calc tests below install the merged one.
bash scripts/build-aarch64.sh
bash scripts/fetch-office.sh  # cached: does nothing once build/office-25.2 is complete
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release -DSALESKPI_REQUIRE_OFFICE_25=ON \
      -DSALESKPI_MERGE_OXTS="$PWD/build-aarch64/main/saleskpi.oxt"
cmake --build build -j "$jobs"
ctest --test-dir build --output-on-failure -j "$jobs"

cmake -S . -B build-sanitize -DCMAKE_BUILD_TYPE=Debug -DSALESKPI_SANITIZE=ON
cmake --build build-sanitize -j "$jobs"
ctest --test-dir build-sanitize --output-on-failure -j "$jobs" -L unit

cmake -S . -B build-fuzz -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=RelWithDebInfo \
      -DSALESKPI_FUZZ=ON -DSALESKPI_BUILD_ADDIN=OFF -DSALESKPI_BUILD_TESTS=OFF -DSALESKPI_SANITIZE=ON
cmake --build build-fuzz -j "$jobs"
ctest --test-dir build-fuzz --output-on-failure -L fuzz
