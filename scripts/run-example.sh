#!/usr/bin/env bash
# The main job: build the .oxt, install it into a throw-away LibreOffice profile, open the
# team KPI workbook headless, recalculate it, print the KPIs per seller and for the team,
# and write build/team-kpis.pdf and build/team-kpis.png (the dashboard).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/ensure-packages.sh
ensure_packages poppler-utils

cmake -S . -B build -DCMAKE_BUILD_TYPE=Release
cmake --build build -j "$(nproc)"
SALESKPI_OXT=build/saleskpi.oxt PYTHONPATH=tools PYTHONDONTWRITEBYTECODE=1 \
    /usr/bin/python3 scripts/show_workbook.py examples/team-kpis.fods build/team-kpis.pdf build/team-kpis.png
