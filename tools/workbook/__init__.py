"""The team KPI workbook generator: examples/team-kpis*.fods and the templates in the .oxt.

generate.py  the command line and build(): the sheets put together in one language
layout.py    the layout as data: labels, keyed tables of rows, cell references by key
formula.py   the strict formula tokenizer: a formula as a user types it -> OpenFormula or API syntax
odf/         the ODF writer: sheets, styles, charts, flat XML and zipped packages
a1.py        A1 cell addresses: column letters, cells, absolute references, ODF range addresses
sheets/      the sheets, one module each, and the example's data
"""
