"""Range arguments through real Calc: blanks, text, shapes, inline arrays, array results."""
import unittest

from calc_support import CalcTestCase, shown


class Ranges(CalcTestCase):
    def test_sums_skip_blank_cells(self):
        self.fill("A1", [1, None, 2])        # leads
        self.fill("B1", [10, 5, None])       # calls
        self.assertShows("=CONVERSION(A1:A3;B1:B3)", 3 / 15)
        self.assertShows("=ACTIVITY_RATE(B1:B3;{1;0.5})", 10)

    def test_ratio_of_sums_not_mean_of_ratios(self):
        self.fill("A1", [1, 9])
        self.fill("B1", [10, 10])
        self.assertShows("=CONVERSION(A1:A2;B1:B2)", 0.5)
        self.fill("C1", [1, 9])
        self.fill("D1", [2, 90])
        self.assertShows("=CONVERSION(C1:C2;D1:D2)", 10 / 92)

    def test_text_cell_in_a_range_is_err502(self):
        self.fill("A1", [100, "200", 300])
        self.assertShows("=CAC(A1:A3;10)", "Err:502")
        self.assertShows("=PIPELINE_COVERAGE(A1:A3;100)", "Err:502")

    def test_all_blank_range_is_err502(self):
        self.assertShows("=CAC(A1:A3;10)", "Err:502")

    def test_pairs_need_the_same_shape(self):
        self.fill("A1", [100, 200, 300])
        self.fill("B1", [0.5, 0.25])
        self.assertShows("=WEIGHTED_PIPELINE(A1:A3;B1:B2)", "Err:502")
        self.assertShows("=WEIGHTED_PIPELINE(A1:A2;B1:B2)", 100)
        self.assertShows("=MRR(A1:A3;B1:B2)", "Err:502")

    def test_pairs_with_an_empty_side_are_skipped(self):
        self.fill("A1", [100, 200, None])
        self.fill("B1", [0.5, None, 1])
        self.assertShows("=WEIGHTED_PIPELINE(A1:A3;B1:B3)", 50)

    def test_inline_arrays(self):
        self.assertShows("=WEIGHTED_PIPELINE({100;200};{0.5;0.25})", 100)
        self.assertShows("=WEIGHTED_PIPELINE({100,200};{0.5,0.25})", 100)
        self.assertShows("=WEIGHTED_PIPELINE({100;200};{0.5,0.25})", "Err:502")
        self.assertShows("=FUNNEL_RATE({0.1;0.2;0.5})", 0.01)
        self.assertShows("=MRR({1200;300};{12;3})", 200)

    def test_mrr_months_one_value_for_all(self):
        self.fill("A1", [1200, 2400])
        self.assertShows("=MRR(A1:A2;12)", 300)
        self.assertShows("=MRR(A1:A2)", 3600)

    def test_win_rate_counts_ties_half(self):
        self.fill("A1", [10, 10])   # won
        self.fill("B1", [15, 15])   # lost
        self.assertShows("=WIN_RATE(A1:A2;B1:B2)", 0.4)
        self.assertShows("=WIN_RATE(A1:A2;B1:B2;10)", 25 / 60)

    def test_asp_mean_without_deals_skips_blanks(self):
        self.fill("A1", [100, None, 300])
        self.assertShows("=ASP(A1:A3)", 200)
        self.assertShows("=ASP(A1:A3;10)", 40)


class ArrayResults(CalcTestCase):
    def plan(self, formula, cells):
        block = self.sheet.getCellRangeByName(cells)
        block.setArrayFormula(formula)
        self.doc.calculateAll()
        return [shown(cell) for row in range(block.Rows.Count) for cell in
                [block.getCellByPosition(col, row) for col in range(block.Columns.Count)]]

    def test_funnel_plan_column_follows_column_rates(self):
        self.fill("A1", [0.1, 0.2, 0.5])
        self.assertEqual(self.plan("=FUNNEL_PLAN(1;A1:A3)", "C1:C4"), [100, 10, 2, 1])

    def test_funnel_plan_row_follows_row_rates(self):
        for column, rate in enumerate([0.1, 0.2, 0.5]):
            self.sheet.getCellByPosition(column, 9).setValue(rate)
        self.assertEqual(self.plan("=FUNNEL_PLAN(1;A10:C10)", "A12:D12"), [100, 10, 2, 1])

    def test_funnel_plan_modes(self):
        self.fill("A1", [0.3, 0.3])
        self.assertEqual(self.plan("=FUNNEL_PLAN(1;A1:A2;2)", "C1:C3"), [14, 4, 1])
        self.assertEqual(self.plan("=FUNNEL_PLAN(1;A1:A2)", "D1:D3"), [12, 4, 1])

    def test_funnel_plan_inside_index_and_sumproduct(self):
        self.fill("A1", [0.1, 0.2, 0.5])
        self.assertShows("=INDEX(FUNNEL_PLAN(1;A1:A3);1)", 100)
        self.assertShows("=INDEX(FUNNEL_PLAN(1;A1:A3);2)", 10)
        self.assertShows("=SUMPRODUCT(FUNNEL_PLAN(5;A1:A3))", 500 + 50 + 10 + 5)

    def test_funnel_plan_error_fills_the_block(self):
        self.assertEqual(self.plan("=FUNNEL_PLAN(1;{0.1;0})", "E1:E3"), ["Err:502"] * 3)


if __name__ == "__main__":
    unittest.main(verbosity=2)
