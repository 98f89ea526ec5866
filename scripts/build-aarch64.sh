#!/usr/bin/env bash
# The Linux aarch64 build, cross-compiled on x86-64: Debian's g++-aarch64-linux-gnu, the
# arm64 UNO libraries of LibreOffice 7.4 (scripts/fetch-uno-arm64.sh, private), GoogleTest
# built for arm64 from /usr/src/googletest. Then its unit tests under qemu-aarch64 and the
# library checks (readelf: machine, needed libraries, exports, RELRO; objdump -T: minimums).
# Result: build-aarch64/main/saleskpi.oxt, for scripts/merge-oxt.py.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/ensure-packages.sh
ensure_packages g++-aarch64-linux-gnu qemu-user googletest  # googletest: its sources, built for arm64

jobs=$(nproc)
out=$PWD/build-aarch64
toolchain=$PWD/cmake/aarch64-linux-gnu.cmake
bash scripts/fetch-uno-arm64.sh "$out/uno-arm64"
uno=$out/uno-arm64/root/usr/lib/libreoffice/program

if [ ! -e "$out/gtest-install/lib/libgtest.a" ]; then
    cmake -S /usr/src/googletest -B "$out/gtest" -DCMAKE_TOOLCHAIN_FILE="$toolchain" \
          -DCMAKE_BUILD_TYPE=Release -DBUILD_GMOCK=OFF -DCMAKE_INSTALL_PREFIX="$out/gtest-install"
    cmake --build "$out/gtest" -j "$jobs"
    cmake --install "$out/gtest"
fi

# The SDK's headers and tools are the host's; only the libraries are arm64. -rpath-link:
# the linker reads the UNO libraries' own dependencies (uno-libs-private) from there too.
cmake -S . -B "$out/main" -DCMAKE_TOOLCHAIN_FILE="$toolchain" -DCMAKE_BUILD_TYPE=Release \
      -DCMAKE_PREFIX_PATH="$out/gtest-install" \
      -DLIBREOFFICE_uno_sal_LIBRARY="$uno/libuno_sal.so.3" \
      -DLIBREOFFICE_uno_cppu_LIBRARY="$uno/libuno_cppu.so.3" \
      -DLIBREOFFICE_uno_cppuhelpergcc3_LIBRARY="$uno/libuno_cppuhelpergcc3.so.3" \
      -DCMAKE_MODULE_LINKER_FLAGS="-Wl,-rpath-link,$uno"
cmake --build "$out/main" -j "$jobs"
ctest --test-dir "$out/main" --output-on-failure -j "$jobs" -L unit
