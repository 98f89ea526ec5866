#!/usr/bin/env python3
"""The team KPI workbook: one description, two files.

    python3 -m workbook.generate CATALOGUE example LANG OUT.fods   the example: five sellers, two
                                                    quarters of deals, 18 months of subscriptions
                                                    (tools/workbook/sheets/data.py)
    python3 -m workbook.generate CATALOGUE template LANG OUT.ots   a template in the .oxt: same
                                                    layout, no data
    python3 -m workbook.generate CATALOGUE check LANG FODS         exit 1 when the committed
                                                    example is stale

with tools/ on PYTHONPATH (CMake runs it so).

LANG is en or nl: the whole workbook in that language (sheet names, labels, notes, text in
formulas and number formats), from the one description.

Sheets: Dashboard, Sellers, Activity, Economics, MRR, Deals, Subscriptions. A manager pastes
a CRM's deal export on Deals and a billing system's subscription export on Subscriptions
(docs/importing.md), types the sellers' names and quotas on Sellers and the weekly calls and
hours on Activity; every KPI follows. Yellow cells are inputs; a formula shows nothing until
its inputs are there. Every text is a layout.Label, rendered in the workbook's language.

The layout is data (tools/workbook/layout.py): every sheet is a stack of tables of rows, every
computed cell has a key (`res.seller1.win_rate`), formulas name cells by key, and every key
is found by the tests and scripts/show_workbook.py through the same layout. The sheets are described in
tools/workbook/sheets/. Formulas are written as an en-US user types them; tools/workbook/formula.py stores
them as ODF.
"""
import sys

from catalogue.model import load, stored_names
from catalogue.languages import LANGUAGES
from workbook.layout import Label, Layout, write
from workbook.formula import FormulaTranslator
from workbook.odf.document import Sheet, Workbook

from workbook.sheets import data as example
from workbook.sheets.activity import activity_sheet
from workbook.sheets.common import SHEET_NAMES, add_styles, write_flags
from workbook.sheets.dashboard import dashboard_sheet
from workbook.sheets.economics import economics_sheet
from workbook.sheets.mrr import mrr_sheet
from workbook.sheets.rows import deals_sheet, subscriptions_sheet
from workbook.sheets.sellers import sellers_sheet

TITLE = Label("Team KPIs", "Team-KPI's")  # the document's title: File > New > Templates lists it
# Where the generated files go: the example per language, the templates' folder per language
# (the Dutch one is only on a Dutch UI's template path; see packaging/Paths.xcu).
EXAMPLES = {code: f"team-kpis{language.suffix}.fods" for code, language in LANGUAGES.items()}


def sheet_names(language):
    """The sheets' names in a language, in the file's order."""
    return [name.render(language) for name in SHEET_NAMES.values()]


def example_data(language="en"):
    return example.example_data(language)


def template_data(language="en"):
    return example.template_data(language)


def describe(data):
    """The workbook as data: its sheets, in the order they are described (the dashboard
    last: it reads every other sheet), and the order of the file (SHEET_NAMES)."""
    return [deals_sheet(data), subscriptions_sheet(data), sellers_sheet(data), activity_sheet(data),
            economics_sheet(data), mrr_sheet(data), dashboard_sheet(data)]


def build(catalogue, data, specs=None, written=None, language="en"):
    """The workbook in `language`; `specs` overrides the description (the layout test
    reorders it), and `written` collects every formula as written, per (table, row, column)."""
    specs = specs or describe(data)
    layout = Layout(specs, language)
    book = Workbook(TITLE.render(language), FormulaTranslator(stored_names(catalogue)), language=language)
    add_styles(book, language)
    sheets = {}
    for spec in specs:
        sheet = Sheet(spec.name, spec.widths, page=spec.page, tab_color=spec.tab_color,
                      column_styles=spec.column_styles)
        sheets[spec.key] = sheet
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
    for key in SHEET_NAMES:
        book.add_sheet(sheets[key])
    for name, sheet, ref in layout.named_ranges():
        book.named_ranges.append((name, sheet, ref))
    book.layout = layout
    return book


def main(argv):
    if len(argv) != 5 or argv[2] not in ("example", "template", "check") or argv[3] not in LANGUAGES:
        print(__doc__, file=sys.stderr)
        return 2
    catalogue = load(argv[1])
    command, language, path = argv[2], argv[3], argv[4]
    if command == "template":
        with open(path, "wb") as f:
            f.write(build(catalogue, template_data(language), language=language).package())
        return 0
    text = build(catalogue, example_data(language), language=language).flat_xml()
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
