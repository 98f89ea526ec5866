#!/usr/bin/env python3
"""Opens the team KPI workbook in a private headless Calc with saleskpi installed,
recalculates it, prints the KPIs per seller, the funnel rates from the deal rows, the MRR
bridge from the subscription rows and the team's tiles, and writes a PDF of the workbook
and a PNG of its dashboard (the PDF's first page, with pdftoppm). Cells are found by key:
tools/workbook/generate.py builds the same layout it wrote.

    SALESKPI_OXT=build/saleskpi.oxt PYTHONPATH=tools python3 scripts/show_workbook.py WORKBOOK PDF PNG
Exit status 1 when any formula cell shows an error."""
import os
import subprocess
import sys

import uno

from catalogue.model import load_source, result_columns
from workbook import generate
from office.driver import Office, formula_errors, keyed, properties

ROWS = [f"seller{n}" for n in range(1, 6)] + ["team"]
# (key of the row's table and column, heading, width)
SELLER_COLUMNS = [("dash.name", "Seller", 16), ("dash.revenue", "Revenue", 10), ("dash.quota", "Quota", 10),
                  ("dash.attainment", "Attain.", 7), ("dash.win_rate", "Win rate", 8), ("dash.asp", "ASP", 9),
                  ("dash.cycle", "Cycle", 6), ("dash.calls", "Calls", 6), ("dash.calls_needed", "Needed", 6),
                  ("dash.ahead", "+/-", 5), ("dash.coverage", "Coverage", 8), ("dash.needed", "Required", 8)]
FUNNEL_COLUMNS = [("fun.name", "Stage rates (deal rows)", 23), ("fun.r1", "", 10), ("fun.r2", "", 10),
                  ("fun.r3", "", 10), ("fun.r4", "", 10), ("fun.deals_needed", "Deals", 6),
                  ("fun.qualified_needed", "To start", 8)]
# MRR_BRIDGE's columns in the catalogue's order, each with its heading and width.
BRIDGE_HEADINGS = {"opening": ("Opening", 10), "new": ("New", 8), "expansion": ("Expans.", 8),
                   "reactivation": ("Reactiv.", 8), "contraction": ("Contr.", 8), "churned": ("Churned", 8),
                   "closing": ("Closing", 10)}
BRIDGE_COLUMNS = ([("month", "MRR bridge (subscriptions)", 26)]
                  + [(key, *BRIDGE_HEADINGS[key]) for key in result_columns(load_source(), "MRR_BRIDGE")]
                  + [("nrr", "NRR", 7), ("quick", "Quick", 6)])
BRIDGE_ROWS = ["m7", "m8", "m9", "m10", "m11", "m12", "quarter", "year"]
TILES = ["attainment", "win_rate", "coverage", "ltvcac", "nrr", "quick", "arr"]


def table(doc, layout, columns, rows, key_of):
    line = lambda values: "  ".join(f"{value:<{width}}" if index == 0 else f"{value:>{width}}"
                                    for index, (value, (_, _, width)) in enumerate(zip(values, columns)))
    out = [line([heading for _, heading, _ in columns])]
    for row in rows:
        out.append(line([keyed(doc, layout, key_of(column, row)).getString() for column, _, _ in columns]))
    return out


def summary(doc, layout):
    """The printed tables, as lines: the sellers, the stage rates from the deal rows, the
    MRR bridge from the subscription rows, the team's tiles."""
    split = lambda column, row: "{}.{}.{}".format(column.split(".")[0], row, column.split(".", 1)[1])
    out = table(doc, layout, SELLER_COLUMNS, ROWS, split) + [""]
    # the stage names come from the Deals sheet: 'Qual→Demo'
    sheet, ref = layout.where["setup.order.value"]
    stages = [row[0] for row in doc.Sheets.getByName(sheet).getCellRangeByName(ref).getDataArray()]
    funnel = [(key, heading if not key.startswith("fun.r") else
               f"{stages[int(key[-1]) - 1][:4]}→{stages[int(key[-1])][:4]}", width)
              for key, heading, width in FUNNEL_COLUMNS]
    out += table(doc, layout, funnel, ROWS, split) + [""]
    out += table(doc, layout, BRIDGE_COLUMNS, BRIDGE_ROWS, lambda column, row: f"mrr.{row}.{column}") + [""]
    for tile in TILES:
        label, value, note = (keyed(doc, layout, f"tiles.{row}.{tile}") for row in ("label", "value", "note"))
        out.append(f"{label.getString():<28} {value.getString():>12}  ({note.getString()})")
    return out


def main(workbook_path, pdf, png):
    layout = generate.build(load_source(), generate.example_data()).layout
    with Office() as office:
        doc = office.load(workbook_path)
        try:
            doc.calculateAll()
            title = keyed(doc, layout, "dash_top.title.label").getString()
            print(f"{title}  ({workbook_path}, recalculated by LibreOffice with saleskpi)\n")
            print("\n".join(summary(doc, layout)))
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
