"""A small writer for OpenDocument spreadsheets: cells, styles, notes, conditional formats,
charts and named ranges, written as flat XML (.fods) or as a zipped package (.ods/.ots).

Pure standard library. It knows only what tools/workbook/generate.py needs, and writes what
LibreOffice 7.4 reads back: charts are <draw:object> frames anchored to a cell (the chart
document inline in flat XML, in an "Object N/" folder in a package), conditional formats
are calcext:conditional-formats, notes are office:annotation. Formulas are written the way
a user types them in an en-US Calc (`=CONVERSION(D6;B6)`, `Activity.B6:B18`, `"text"`) and
translated by the Workbook's translator (workbook.formula.FormulaTranslator) to ODF's
OpenFormula (`of:=ORG.SALESKPI.FUNCTIONS.CONVERSION([.D6];[.B6])`).

elements.py  ODF's namespaces, elements, serialization and the zipped package
document.py  what a workbook is made of (Workbook, Sheet, Cell) and its two outputs
writer.py    a sheet as a table:table element, its automatic styles
charts.py    a chart (Chart) as a chart document
"""
