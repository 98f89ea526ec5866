#!/usr/bin/env bash
# The main job: build the .oxt, install it into a throw-away LibreOffice profile, open the
# example KPI workbook headless, recalculate it, print every KPI and write build/*.pdf.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/ensure-packages.sh
ensure_packages

cmake -S . -B build -DCMAKE_BUILD_TYPE=Release
cmake --build build -j "$(nproc)"
SALESKPI_OXT=build/saleskpi.oxt PYTHONPATH=tools PYTHONDONTWRITEBYTECODE=1 \
    /usr/bin/python3 scripts/show_workbook.py examples/kpi-example.fods build/kpi-example.pdf
