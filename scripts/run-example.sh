#!/usr/bin/env bash
# The main job: build the .oxt, install it into a throw-away LibreOffice profile, open the
# team KPI workbook headless, recalculate it, print the KPIs per seller and for the team,
# and write build/team-kpis.pdf and build/team-kpis.png (the dashboard).
# SALESKPI_OFFICE picks the office: 7.4 (the system's, default) or 25.2 (fetched by
# scripts/fetch-office.sh into build/office-25.2, beside the system one).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/ensure-packages.sh
ensure_packages poppler-utils

cmake -S . -B build -DCMAKE_BUILD_TYPE=Release
cmake --build build -j "$(nproc)"

pythonpath=tools
case "${SALESKPI_OFFICE:-7.4}" in
    7.4) program=/usr/lib/libreoffice/program ;;
    25.2)
        bash scripts/fetch-office.sh
        root=$PWD/build/office-25.2/root
        program=$root/usr/lib/libreoffice/program
        # The client's uno module must be the office's own version.
        pythonpath=$root/usr/lib/python3/dist-packages:$program:tools ;;
    *) echo "SALESKPI_OFFICE must be 7.4 or 25.2, not '$SALESKPI_OFFICE'" >&2; exit 2 ;;
esac
SALESKPI_OXT=build/saleskpi.oxt LIBREOFFICE_PROGRAM_DIR=$program PYTHONPATH=$pythonpath \
    PYTHONDONTWRITEBYTECODE=1 \
    /usr/bin/python3 scripts/show_workbook.py examples/team-kpis.fods build/team-kpis.pdf build/team-kpis.png
