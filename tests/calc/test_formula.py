"""tools/workbook/formula.py in real Calc: one formula, two ways in, one result.

Each formula below is written into a tiny .fods by tools/workbook/odf/ (OpenFormula) and typed
into a new document with setFormula (the API form), beside the same input sheets. Opened
and recalculated, both cells must hold the same formula (getFormula) and show the same
value, and that value must be the one worked out by hand. The cases are the ones the old
translator got wrong: an exponent (1E3), inline arrays (`{0.1;0.2;0.5}` is a column),
absolute and quoted sheet names, whole columns.
"""
import os
import tempfile
import unittest

from calc_support import OfficeTestCase, api_formula, catalogue, shown
from workbook.formula import FormulaTranslator
from workbook.odf.document import Sheet, Workbook
from catalogue.model import stored_names

INPUTS = {  # sheet -> {cell: value}
    "Data": {"A1": 1, "A2": 2, "A3": 3, "B1": 10, "B2": 20, "B3": 30},
    "Q1 sales": {"B2": 7, "C3": 5},
    "It's": {"A1": 4},
}
FORMULAS = [  # (formula as the project writes it, what the cell shows)
    ("=LTV(1E3;1;3)", 3000),
    ("=1.5e-3*1000", 1.5),
    ("=.5+1", 1.5),
    ("=50%*4", 2),
    ("=-2^2", 4),
    ("=ROWS({1;2;3})", 3),
    ("=COLUMNS({1;2;3})", 1),
    ("=COLUMNS({1,2})", 2),
    ("=INDEX({1,2;3,4};2;1)", 3),
    ("=FUNNEL_NEEDED(1;{0.1;0.2;0.5})", 100),
    ("=SUMPRODUCT(FUNNEL_PLAN(1;{0.1;0.2;0.5}))", 113),
    ("=ROWS(FUNNEL_PLAN(1;{0.1;0.2;0.5}))", 4),   # a column in, a column out
    ("=$Data.A2*10", 20),
    ("=Data.A3+$Data.$A$1", 4),
    ("=SUM(Data.A1:A3)", 6),
    ("=SUM($Data.$B:$B)", 60),
    ("='Q1 sales'.B2", 7),
    ("=SUM($'Q1 sales'.B2:C3)", 12),
    ("='It''s'.A1*2", 8),
    ('=LEN("a;b{1,2}""")', 9),
    ("=IF(Data.A1<>1;0;LOG10(100))", 2),
    ("=mrr_to_arr(10)", 120),
    ("=LTV_CHURN(100;0.05;;12)", 1200),
    ("=CAC_MAX(1200;0)", "Err:502"),
]
SHEET = "Formulas"


def fill_inputs(doc):
    sheets = doc.Sheets
    for index, (name, values) in enumerate(INPUTS.items()):
        sheets.insertNewByName(name, index + 1)
        for where, value in values.items():
            sheets.getByName(name).getCellRangeByName(where).setValue(value)


class SameFormulaBothWays(OfficeTestCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        folder = tempfile.TemporaryDirectory()
        cls.addClassCleanup(folder.cleanup)
        book = Workbook("formulas", FormulaTranslator(stored_names(catalogue())))
        formulas = book.add_sheet(Sheet(SHEET, [3]))
        for row, (formula, _) in enumerate(FORMULAS, start=1):
            formulas.set(f"A{row}", formula=formula)
        for name, values in INPUTS.items():
            sheet = book.add_sheet(Sheet(name, [3, 3, 3]))
            for where, value in values.items():
                sheet.set(where, value)
        path = os.path.join(folder.name, "formulas.fods")
        with open(path, "w", encoding="utf-8") as f:
            f.write(book.flat_xml())

        cls.from_file = cls.office.load(path)
        cls.addClassCleanup(cls.from_file.close, True)
        cls.from_file.calculateAll()

        cls.typed = cls.office.new_sheet_document()
        cls.addClassCleanup(cls.typed.close, True)
        cls.typed.Sheets.getByIndex(0).setName(SHEET)
        fill_inputs(cls.typed)
        sheet = cls.typed.Sheets.getByName(SHEET)
        for row, (formula, _) in enumerate(FORMULAS):
            sheet.getCellByPosition(0, row).setFormula(api_formula(formula))
        cls.typed.calculateAll()

    def test_same_formula_and_value_both_ways(self):
        file_sheet = self.from_file.Sheets.getByName(SHEET)
        typed_sheet = self.typed.Sheets.getByName(SHEET)
        for row, (formula, expected) in enumerate(FORMULAS):
            with self.subTest(formula):
                from_file = file_sheet.getCellByPosition(0, row)
                typed = typed_sheet.getCellByPosition(0, row)
                self.assertEqual(from_file.getFormula(), typed.getFormula())
                self.assertEqual(shown(from_file), shown(typed))
                if isinstance(expected, str):
                    self.assertEqual(shown(from_file), expected)
                else:
                    self.assertAlmostEqual(shown(from_file), expected, places=9)


if __name__ == "__main__":
    unittest.main()
