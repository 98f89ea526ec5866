#!/usr/bin/env python3
"""The team KPI workbook: one description, two files.

    workbook.py CATALOGUE example OUT.fods   the example: five sellers, two quarters of deals,
                                             18 months of subscriptions (tools/teambook/data.py)
    workbook.py CATALOGUE template OUT.ots   the template in the .oxt: same layout, no data
    workbook.py CATALOGUE check FODS         exit 1 when the committed example is stale

Sheets: Dashboard, Sellers, Activity, Economics, MRR, Deals, Subscriptions. A manager pastes
a CRM's deal export on Deals and a billing system's subscription export on Subscriptions
(docs/importing.md), types the sellers' names and quotas on Sellers and the weekly calls and
hours on Activity; every KPI follows. Yellow cells are inputs; a formula shows nothing until
its inputs are there. Labels are English and Dutch side by side for now: every label is a
layout.Label, rendered when the workbook is written.

The layout is data (tools/layout.py): every sheet is a stack of tables of rows, every
computed cell has a key (`res.seller1.win_rate`), formulas name cells by key, and every key
is found by the tests and scripts/show_workbook.py through the same layout. The sheets are described in
tools/teambook/. Formulas are written as an en-US user types them; tools/formula.py stores
them as ODF.
"""
import json
import sys

from catalogue_model import stored_names
from layout import Layout, write
from odf import FormulaTranslator, Sheet, Workbook

from teambook import data as example
from teambook.activity import activity_sheet
from teambook.common import add_styles, write_flags
from teambook.dashboard import dashboard_sheet
from teambook.economics import economics_sheet
from teambook.mrr import mrr_sheet
from teambook.rows import deals_sheet, subscriptions_sheet
from teambook.sellers import sellers_sheet

TITLE = "Team KPIs · Team-KPI's (saleskpi)"
SHEETS = ["Dashboard", "Sellers", "Activity", "Economics", "MRR", "Deals", "Subscriptions"]


def example_data():
    return example.example_data()


def template_data():
    return example.template_data()


def describe(data):
    """The workbook as data: its sheets, in the order they are described (the dashboard
    last: it reads every other sheet), and the order of the file (SHEETS)."""
    return [deals_sheet(data), subscriptions_sheet(data), sellers_sheet(data), activity_sheet(data),
            economics_sheet(data), mrr_sheet(data), dashboard_sheet(data)]


def build(catalogue, data, specs=None, written=None, language="both"):
    """The workbook; `specs` overrides the description (the layout test reorders it), and
    `written` collects every formula as written, per (table, row, column)."""
    specs = specs or describe(data)
    layout = Layout(specs)
    layout.language = language
    book = Workbook(TITLE, FormulaTranslator(stored_names(catalogue)))
    add_styles(book)
    sheets = {}
    for spec in specs:
        sheet = Sheet(spec.name, spec.widths, page=spec.page, tab_color=spec.tab_color,
                      column_styles=spec.column_styles)
        sheets[spec.name] = sheet
        formulas = write(spec, layout, sheet)
        if written is not None:
            written.extend(formulas)
        write_flags(spec, layout, sheet)
        for anchor, make in spec.charts:
            if "." in anchor:
                table, row, column = anchor.split(".")
                placed = layout.tables[table]
                letter = column if column not in placed.columns else placed.column_letter(column)
                anchor = f"{letter}{placed.row_number(row)}"
            sheet.chart(anchor, make(layout))
        if spec.print_to:
            table, row = spec.print_to.split(".")
            sheet.print_range = f"A1:M{layout.tables[table].row_number(row)}"
    for name in SHEETS:
        book.add_sheet(sheets[name])
    for name, sheet, ref in layout.named_ranges():
        book.named_ranges.append((name, sheet, ref))
    book.layout = layout
    return book


def main(argv):
    if len(argv) != 4 or argv[2] not in ("example", "template", "check"):
        print(__doc__, file=sys.stderr)
        return 2
    with open(argv[1], encoding="utf-8") as f:
        catalogue = json.load(f)
    command, path = argv[2], argv[3]
    if command == "template":
        with open(path, "wb") as f:
            f.write(build(catalogue, template_data()).package())
        return 0
    text = build(catalogue, example_data()).flat_xml()
    if command == "example":
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
        return 0
    with open(path, encoding="utf-8") as f:
        if f.read() != text:
            print(f"{path} is stale: run `cmake --build build --target update-generated`", file=sys.stderr)
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
