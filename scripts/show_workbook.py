#!/usr/bin/env python3
"""Opens the team KPI workbook in a private headless Calc with saleskpi installed,
recalculates it, prints the KPIs per seller and for the team, and writes a PDF of the
workbook and a PNG of its dashboard (the PDF's first page, with pdftoppm).

    SALESKPI_OXT=build/saleskpi.oxt python3 scripts/show_workbook.py WORKBOOK PDF PNG
Exit status 1 when any formula cell shows an error."""
import os
import subprocess
import sys

import uno
from com.sun.star.table.CellContentType import FORMULA as FORMULA_CELL

from office import Office, formula_errors, keyed, properties

# The dashboard's seller table to print: (column key, heading, width); rows by key.
SELLER_COLUMNS = [("name", "Seller", 16), ("revenue", "Revenue", 10), ("quota", "Quota", 10),
                  ("attainment", "Attain.", 7), ("calls", "Calls", 6), ("calls_needed", "Needed", 6),
                  ("ahead", "+/-", 5), ("win_rate", "Win rate", 8), ("coverage", "Coverage", 8),
                  ("needed", "Required", 8)]
SELLER_ROWS = [f"seller{n}" for n in range(1, 6)] + ["team"]
TILES = ["attainment", "win_rate", "coverage", "ltvcac", "payback", "nrr", "arr"]


def english(label):
    """'Win rate / Winratio' -> 'Win rate'; 'Calls\\nBelpogingen' -> 'Calls'."""
    return label.split("\n")[0].split(" / ")[0]


def print_sellers(doc):
    line = lambda values: "  ".join(f"{value:<{width}}" if index == 0 else f"{value:>{width}}"
                                    for index, (value, (_, _, width)) in enumerate(zip(values, SELLER_COLUMNS)))
    print(line([heading for _, heading, _ in SELLER_COLUMNS]))
    for row in SELLER_ROWS:
        print(line([keyed(doc, f"dash.{row}.{column}").getString() for column, _, _ in SELLER_COLUMNS]))


def print_team(doc):
    print()
    for tile in TILES:
        label, value, note = (keyed(doc, f"tiles.{row}.{tile}") for row in ("label", "value", "note"))
        extra = note.getString() if note.getType() == FORMULA_CELL else ""
        extra = f"  ({extra.replace('need · nodig', 'needs').replace('target · doel', 'target')})" if extra else ""
        print(f"{english(label.getString()):<28} {value.getString():>12}{extra}")


def main(workbook, pdf, png):
    with Office() as office:
        doc = office.load(workbook)
        try:
            doc.calculateAll()
            title = doc.Sheets.getByName("Dashboard").getCellRangeByName("A1").getString()
            print(f"{title}  ({workbook}, recalculated by LibreOffice with saleskpi)\n")
            print_sellers(doc)
            print_team(doc)
            count, errors = formula_errors(doc)
            print(f"\n{count} formula cells, {len(errors)} showing an error")
            for where, shown in errors[:20]:
                print(f"  {where}: {shown}")
            doc.storeToURL(uno.systemPathToFileUrl(os.path.abspath(pdf)),
                           properties(FilterName="calc_pdf_Export"))
        finally:
            doc.close(True)
    # The dashboard is the first sheet and prints on one page.
    subprocess.run(["pdftoppm", "-png", "-r", "110", "-f", "1", "-l", "1", "-singlefile",
                    pdf, os.path.splitext(png)[0]], check=True)
    print(f"PDF: {pdf}\nPNG: {png}")
    return 1 if errors else 0


if __name__ == "__main__":
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    sys.exit(main(*sys.argv[1:]))
