"""Every function through real Calc: the catalogue's examples, ranges, errors, ODS round trip."""
import os
import tempfile
import unittest
import zipfile

from calc_support import CalcTestCase, api_formula, catalogue, shown, stored_name
from office.driver import properties


class CatalogueExamples(CalcTestCase):
    def test_every_documented_example(self):
        cases = [(f["name"], e) for f in catalogue()["functions"] for e in f["examples"]]
        for row, (name, example) in enumerate(cases):
            if isinstance(example["result"], list):
                continue  # array results: see test_array_examples
            self.sheet.getCellByPosition(0, row).setFormula(api_formula("=" + example["formula"]))
        self.doc.calculateAll()
        for row, (name, example) in enumerate(cases):
            if isinstance(example["result"], list):
                continue
            with self.subTest(formula=example["formula"]):
                self.assertResult(shown(self.sheet.getCellByPosition(0, row)), example["result"],
                                  example["formula"])

    def test_array_examples(self):
        """Array results as array formulas: a list is a column, a list of rows a block; None
        is an empty cell (COHORT_TABLE leaves cells past the last month empty)."""
        arrays = [e for f in catalogue()["functions"] for e in f["examples"] if isinstance(e["result"], list)]
        left = 0
        for example in arrays:  # side by side: array blocks may not overlap
            rows = [r if isinstance(r, list) else [r] for r in example["result"]]
            with self.subTest(formula=example["formula"]):
                block = self.sheet.getCellRangeByPosition(left, 0, left + len(rows[0]) - 1, len(rows) - 1)
                block.setArrayFormula(api_formula("=" + example["formula"]))
                self.doc.calculateAll()
                for row, values in enumerate(rows):
                    for column, value in enumerate(values):
                        cell = self.sheet.getCellByPosition(left + column, row)
                        if value is None:
                            self.assertEqual(cell.getString(), "", example["formula"])
                        else:
                            self.assertResult(shown(cell), value, example["formula"])
            left += len(rows[0]) + 1

    def test_every_function_is_known_to_calc(self):
        for function in catalogue()["functions"]:
            with self.subTest(function=function["name"]):
                self.assertNotEqual(self.evaluate(f"={function['name']}()"), "#NAME?")


class DesignCard(CalcTestCase):
    """The four functions the product is known for, as a user types them."""

    def test_the_four_from_the_readme(self):
        self.fill("A1", [0.1, 0.2, 0.5])
        self.assertShows("=LTV(400;1;3)", 1200)
        self.assertShows("=CAC_MAX(1200)", 400)
        self.assertShows("=MRR_TO_ARR(25)", 300)
        self.assertShows("=FUNNEL_NEEDED(1;A1:A3)", 100)

    def test_lower_case_names_work(self):
        self.assertShows("=mrr_to_arr(10)", 120)

    def test_optional_argument_left_out_and_given(self):
        self.assertShows("=CAC_MAX(1200)", 400)
        self.assertShows("=CAC_MAX(1200;4)", 300)
        self.fill("B1", [0.3, 0.3])
        self.assertShows("=FUNNEL_NEEDED(1;B1:B2)", 12)
        self.assertShows("=FUNNEL_NEEDED(1;B1:B2;2)", 14)
        self.assertShows("=FUNNEL_NEEDED(1;B1:B2;0)", 1 / 0.09)

    def test_optional_argument_from_a_cell(self):
        self.fill("C1", [4])
        self.assertShows("=CAC_MAX(1200;C1)", 300)

    def test_range_with_blank_cell_is_skipped(self):
        self.fill("A1", [0.1, None, 0.2, 0.5])
        self.assertShows("=FUNNEL_NEEDED(1;A1:A4)", 100)

    def test_row_range_works_like_a_column(self):
        self.assertShows("=FUNNEL_NEEDED(1;{0.1,0.2,0.5})", 100)

    def test_single_number_is_a_one_stage_funnel(self):
        self.assertShows("=FUNNEL_NEEDED(3;0.25)", 12)

    def test_text_cell_in_range_is_err502(self):
        self.fill("A1", [0.1, "20%", 0.5])
        self.assertShows("=FUNNEL_NEEDED(1;A1:A3)", "Err:502")

    def test_empty_range_is_err502(self):
        self.assertShows("=FUNNEL_NEEDED(1;D1:D3)", "Err:502")

    def test_two_dimensional_rates_are_err502(self):
        self.assertShows("=FUNNEL_NEEDED(1;{0.1,0.2;0.5,0.5})", "Err:502")

    def test_invalid_values_are_err502(self):
        self.assertShows("=LTV(-400;1;3)", "Err:502")
        self.assertShows("=CAC_MAX(1200;0)", "Err:502")
        self.assertShows("=FUNNEL_NEEDED(1;{0.1;1.5})", "Err:502")
        self.assertShows("=FUNNEL_NEEDED(1;{0.1;0.5};3)", "Err:502")
        self.assertShows("=FUNNEL_NEEDED(-1;0.5)", "Err:502")

    def test_too_few_arguments_is_err504(self):
        self.assertShows("=LTV(400;1)", "Err:504")
        self.assertShows("=FUNNEL_NEEDED(1)", "Err:504")

    def test_text_for_a_number_is_value_error(self):
        self.assertShows('=LTV("x";1;3)', "#VALUE!")

    def test_error_argument_propagates(self):
        self.assertShows("=LTV(1/0;1;3)", "#DIV/0!")

    def test_overflow_is_num_error(self):
        self.assertShows("=LTV(1E300;1E300;1)", "#NUM!")


class DocumentRoundTrip(CalcTestCase):
    FORMULAS = {"B1": "=LTV(400;1;3)", "B2": "=CAC_MAX(B1)", "B3": "=MRR_TO_ARR(25)",
                "B4": "=FUNNEL_NEEDED(1;A1:A3)", "B5": "=FUNNEL_NEEDED(1;A1:A3;0)"}

    def test_ods_keeps_formulas_and_values(self):
        self.fill("A1", [0.1, 0.2, 0.5])
        for where, formula in self.FORMULAS.items():
            self.cell(where).setFormula(formula)
        self.doc.calculateAll()
        before = {w: (self.cell(w).getFormula(), shown(self.cell(w))) for w in self.FORMULAS}
        self.assertEqual(before["B2"][1], 400)

        with tempfile.TemporaryDirectory() as folder:
            path = os.path.join(folder, "kpis.ods")
            import uno
            self.doc.storeToURL(uno.systemPathToFileUrl(path), properties(FilterName="calc8"))
            with zipfile.ZipFile(path) as ods:
                content = ods.read("content.xml").decode("utf-8")
            # The permanent stored form that the README documents.
            self.assertIn(f"of:={stored_name('LTV')}(400;1;3)", content)
            self.assertIn(f"of:={stored_name('CAC_MAX')}([.B1])", content)

            reloaded = self.office.load(path)
            try:
                reloaded.calculateAll()
                sheet = reloaded.Sheets.getByIndex(0)
                after = {w: (sheet.getCellRangeByName(w).getFormula(), shown(sheet.getCellRangeByName(w)))
                         for w in self.FORMULAS}
            finally:
                reloaded.close(True)
        self.assertEqual(after, before)


if __name__ == "__main__":
    unittest.main(verbosity=2)
