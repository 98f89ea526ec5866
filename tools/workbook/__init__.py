"""The team KPI workbook generator: examples/team-kpis*.fods and the templates in the .oxt.

generate.py  the command line and build(): the sheets put together in one language
layout.py    the layout as data: labels, keyed tables of rows, cell references by key
formula.py   the strict formula tokenizer: a formula as a user types it -> OpenFormula or API syntax
odf.py       the ODF writer: sheets, styles, charts, flat XML and zipped packages
sheets/      the sheets, one module each, and the example's data
"""
