"""What the example workbooks look like at 100 % zoom, measured by Calc itself: no header
breaks a word or needs more lines than its row has, and no text is cut off by a filled
neighbour. Calc measures each text with the cell's own style (the optimal width of a
column holding only that text, the optimal height of a row holding one line), so the
figures are the ones the window draws with; the screenshots (tools/office/screenshots.py) are
the eye check.
"""
import os
import unittest

import uno  # noqa: F401  (first: it makes the com.sun.star modules importable)
from com.sun.star.sheet.CellFlags import FORMULA, STRING
from com.sun.star.sheet.FormulaResult import STRING as TEXT_RESULT

from workbook import generate
from calc_support import OfficeTestCase

EXAMPLES = os.path.join(os.path.dirname(__file__), "..", "..", "examples")
WRAPPED = ("Header", "TileLabel", "TileNote", "Explain")  # the styles that wrap their text


class Measure:
    """Text widths and line heights in 1/100 mm, measured in a scratch sheet of `doc`.

    A column's optimal width is the text's width plus a constant Calc adds: 2 w("i") - w("ii")
    takes it off. A text fits a cell when it and MARGIN do: the cell's padding plus what the
    window's drawing differs by from these figures, calibrated on screenshots at 100 % (8 pt
    bold: 'Verkoopsnelheid' broke in 2.5 cm with 0.77 mm to spare by this measure,
    'Belpogingen' did not in 2.0 cm with 1.5 mm short), so a text needs 1.1 mm to spare."""

    MARGIN = 110

    def __init__(self, doc):
        doc.Sheets.insertNewByName("measure", doc.Sheets.getCount())
        self.sheet = doc.Sheets.getByName("measure")
        self.cell = self.sheet.getCellByPosition(0, 0)
        self.optimal, self.lines = {}, {}

    def optimal_width(self, style, text):
        if (style, text) not in self.optimal:
            self.cell.CellStyle = style
            self.cell.IsTextWrapped = False
            self.cell.setString(text)
            column = self.sheet.Columns.getByIndex(0)
            column.OptimalWidth = True
            self.optimal[(style, text)] = column.Width
        return self.optimal[(style, text)]

    def fits(self, style, text, room):
        extra = 2 * self.optimal_width(style, "i") - self.optimal_width(style, "ii")
        return self.optimal_width(style, text) - extra + self.MARGIN <= room

    def height(self, style, lines):
        """The height a cell of `style` needs for so many lines of text."""
        if (style, lines) not in self.lines:
            self.cell.CellStyle = style
            self.cell.IsTextWrapped = True
            self.cell.setString("\n".join(["Ag"] * lines))
            row = self.sheet.Rows.getByIndex(0)
            row.OptimalHeight = True
            self.lines[(style, lines)] = row.Height
        return self.lines[(style, lines)]

    def lines_needed(self, style, text, room):
        """How many lines `text` takes when wrapped at word boundaries within `room`."""
        lines = 0
        for paragraph in text.split("\n"):
            line = ""
            lines += 1
            for word in paragraph.split():
                candidate = f"{line} {word}" if line else word
                if line and not self.fits(style, candidate, room):
                    lines += 1
                    candidate = word
                line = candidate
        return lines


def extent(sheet, cell):
    """(width, height) of a cell, or of the merged area it starts, in 1/100 mm."""
    cursor = sheet.createCursorByRange(cell)
    cursor.collapseToMergedArea()
    columns, rows = cursor.getColumns(), cursor.getRows()
    return (sum(columns.getByIndex(i).Width for i in range(columns.getCount())),
            sum(rows.getByIndex(i).Height for i in range(rows.getCount())))


def text_cells(sheet):
    """Every cell that shows text, with its position (formulas that give text included)."""
    ranges = sheet.queryContentCells(STRING)
    for block in ranges.getRangeAddresses():
        for row in range(block.StartRow, block.EndRow + 1):
            for column in range(block.StartColumn, block.EndColumn + 1):
                yield column, row, sheet.getCellByPosition(column, row)
    for block in sheet.queryContentCells(FORMULA).getRangeAddresses():
        for row in range(block.StartRow, block.EndRow + 1):
            for column in range(block.StartColumn, block.EndColumn + 1):
                cell = sheet.getCellByPosition(column, row)
                if cell.FormulaResultType2 == TEXT_RESULT and cell.getString():
                    yield column, row, cell


class Looks(OfficeTestCase):
    maxDiff = None

    def check(self, language):
        doc = self.office.load(os.path.join(EXAMPLES, generate.EXAMPLES[language]))
        self.addCleanup(doc.close, True)
        doc.calculateAll()
        measure = Measure(doc)
        problems, checked = [], 0
        for name in generate.sheet_names(language):
            sheet = doc.Sheets.getByName(name)
            for column, row, cell in text_cells(sheet):
                text, style = cell.getString(), cell.CellStyle
                if self.covered(sheet, column, row):
                    continue
                width, height = extent(sheet, cell)
                where = f"{name}.{cell.AbsoluteName.split('.')[-1]} {text!r}"
                if style in WRAPPED:
                    checked += 1
                    for word in text.split():
                        if not measure.fits(style, word, width):
                            problems.append(f"{where}: the word {word!r} does not fit its column")
                    lines = measure.lines_needed(style, text, width)
                    if measure.height(style, lines) > height + 20:
                        problems.append(f"{where}: needs {lines} lines, the row has room for fewer")
                elif self.neighbour_filled(sheet, column, row, cell):
                    checked += 1
                    if not measure.fits(style, text, width):
                        problems.append(f"{where}: cut off by the filled cell beside it")
        self.assertGreater(checked, 150)
        self.assertEqual(problems, [])

    @staticmethod
    def covered(sheet, column, row):
        """A cell hidden under a merged area that starts elsewhere."""
        cursor = sheet.createCursorByRange(sheet.getCellByPosition(column, row))
        cursor.collapseToMergedArea()
        address = cursor.getRangeAddress()
        return (address.StartColumn, address.StartRow) != (column, row)

    @staticmethod
    def neighbour_filled(sheet, column, row, cell):
        cursor = sheet.createCursorByRange(cell)
        cursor.collapseToMergedArea()
        right = cursor.getRangeAddress().EndColumn + 1
        return sheet.getCellByPosition(right, row).getType().value != "EMPTY"

    def test_english_example(self):
        self.check("en")

    def test_dutch_example(self):
        self.check("nl")


if __name__ == "__main__":
    unittest.main()
