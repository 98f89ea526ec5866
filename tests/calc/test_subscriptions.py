"""The subscription and deal functions of docs/rules.md in real Calc, on a sheet of pasted rows.

Expected values come from a small pure-Python reading of docs/rules.md below (`Book`), not
from the C++ core: the test fails when the two readings disagree.
"""
import calendar
import datetime
import math
import os
import tempfile
import unittest

import uno
from com.sun.star.util import Date as UnoDate

from calc_support import CalcTestCase, catalogue, shown
from catalogue.model import result_columns
from office.driver import properties

# --- docs/rules.md in Python --------------------------------------------------------

# (customer, start, end or None, MRR, plan, region). Customer ids are exact ("acme" and
# "Acme" are two customers, 7 is a number); plans differ in case and accents on purpose.
D = datetime.date
ROWS = [
    ("acme", D(2024, 1, 1), D(2024, 3, 15), 100.0, "Pro", 1),      # Lago: upgraded on 15 March,
    ("acme", D(2024, 3, 15), D(2024, 6, 10), 200.0, "Pro", 1),     # terminated in June
    ("beta", D(2024, 1, 10), D(2024, 4, 5), 50.0, "basic", 2),     # churns in April
    ("cito", D(2024, 2, 1), None, 80.0, "Élite", 1),
    ("cito", D(2024, 2, 1), D(2024, 5, 20), 30.0, "Élite", 1),     # contraction in May
    ("dúo", D(2024, 1, 5), D(2024, 2, 10), 40.0, "élite", 2),      # churns in February,
    ("dúo", D(2024, 4, 1), None, 60.0, "élite", 2),                # reactivated in April
    (7, D(2024, 3, 1), None, 25.0, "PRO", 2),
    ("Acme", D(2024, 5, 1), None, 10.0, "basic", 1),
    ("eco", D(2024, 1, 1), D(2024, 3, 1), 0.1, "basic", 1),        # 0.1 + 0.2 against 0.3:
    ("eco", D(2024, 1, 1), D(2024, 3, 1), 0.2, "basic", 1),        # noise, no movement
    ("eco", D(2024, 3, 1), None, 0.3, "basic", 1),
    ("flash", D(2024, 2, 3), D(2024, 2, 20), 15.0, "Pro", 1),      # inside one month: never shows
    ("gone", D(2024, 3, 3), D(2024, 3, 3), 20.0, "Pro", 2),        # ends the day it starts
    ("free", D(2024, 2, 1), None, 0.0, "basic", 1),                # a free plan: not paying
]
MONTHS = [(2024, m) for m in range(1, 7)]
BRIDGE = result_columns(catalogue(), "MRR_BRIDGE")  # opening, the movements, closing
MOVEMENTS = [column for column in BRIDGE if column not in ("opening", "closing")]


def month_end(year, month):
    return D(year, month, calendar.monthrange(year, month)[1])


def add_months(year, month, k):
    index = year * 12 + month - 1 + k
    return index // 12, index % 12 + 1


def customer_key(customer):
    return ("number", float(customer)) if isinstance(customer, (int, float)) else ("text", customer)


def fold(value):
    return value.casefold() if isinstance(value, str) else value


class Book:
    """Month-end MRR per customer, movements and cohorts, straight from docs/rules.md."""

    def __init__(self, rows, plan=None):
        self.rows = {}
        for customer, start, end, amount, row_plan, _ in rows:
            if plan is not None and fold(row_plan) != fold(plan):
                continue
            self.rows.setdefault(customer_key(customer), []).append((start, end, amount))
        first = min(start for rs in self.rows.values() for start, _, _ in rs) if self.rows else D(2024, 1, 1)
        self.first_month = add_months(first.year, first.month, -1)

    def tolerance(self, key):
        return 1e-9 * (1 + max(amount for _, _, amount in self.rows[key]))

    def mrr(self, key, day):
        total = sum(a for s, e, a in self.rows[key] if s <= day and (e is None or day < e))
        return 0.0 if abs(total) <= self.tolerance(key) else total

    def at(self, day):
        return sum(self.mrr(key, day) for key in self.rows)

    def customers_at(self, day):
        return sum(1 for key in self.rows if self.mrr(key, day) > 0)

    def month_ends(self, year, month):
        """Month ends from before the first row up to (year, month), oldest first."""
        ends, ym = [], self.first_month
        while ym <= (year, month):
            ends.append(month_end(*ym))
            ym = add_months(*ym, 1)
        return ends

    def movements(self, year, month):
        result = dict.fromkeys(MOVEMENTS, 0.0)
        result["customers_new"] = result["customers_churned"] = 0
        ends = self.month_ends(year, month)
        for key in self.rows:
            p, v = self.mrr(key, ends[-2]), self.mrr(key, ends[-1])
            if p == 0 < v:
                if any(self.mrr(key, e) > 0 for e in ends[:-2]):
                    result["reactivation"] += v
                else:
                    result["new"] += v
                    result["customers_new"] += 1
            elif p > 0 == v:
                result["churned"] += p
                result["customers_churned"] += 1
            elif p > 0 and v - p > self.tolerance(key):
                result["expansion"] += v - p
            elif p > 0 and p - v > self.tolerance(key):
                result["contraction"] += p - v
        return result

    def bridge_row(self, year, month):
        m = self.movements(year, month)
        m["opening"] = self.at(month_end(*add_months(year, month, -1)))
        m["closing"] = self.at(month_end(year, month))
        return [m[column] for column in BRIDGE]

    def cohort(self, key):
        for end in self.month_ends(2030, 12):
            if self.mrr(key, end) > 0:
                return end.year, end.month
        return None

    def retention(self, year, month, k, revenue=False):
        """None for a cohort without customers."""
        members = [key for key in self.rows if self.cohort(key) == (year, month)]
        if not members:
            return None
        later_end = month_end(*add_months(year, month, k))
        if revenue:
            return (sum(self.mrr(key, later_end) for key in members)
                    / sum(self.mrr(key, month_end(year, month)) for key in members))
        return sum(1 for key in members if self.mrr(key, later_end) > 0) / len(members)


BOOK = Book(ROWS)

# Deals: the furthest stage each deal reached, its seller, created and closed dates.
DEALS = [("Lead", "Anouk", D(2024, 1, 2), None), ("lead", "Bram", D(2024, 1, 3), D(2024, 1, 20)),
         ("Meeting", "Anouk", D(2024, 1, 4), None), ("WON", "anouk", D(2024, 1, 5), D(2024, 2, 4)),
         ("Lead", "Bram", D(2024, 1, 6), D(2024, 1, 9)), ("Meeting", "Bram", D(2024, 1, 7), None),
         ("Won", "Bram", D(2024, 1, 8), D(2024, 1, 28)), ("Lead", "Anouk", D(2024, 1, 9), None),
         ("Lead", "Bram", D(2024, 1, 10), None), ("Meeting", "Anouk", D(2024, 1, 11), None)]
STAGES = ["Lead", "Meeting", "Won"]


def stage_rates(seller=None):
    order = [s.casefold() for s in STAGES]
    reached = [0] * len(order)
    for stage, who, _, _ in DEALS:
        if seller is None or who.casefold() == seller.casefold():
            for k in range(order.index(stage.casefold()) + 1):
                reached[k] += 1
    return [reached[k + 1] / reached[k] for k in range(len(order) - 1)]


def sales_cycle(seller=None):
    days = [(closed - created).days for _, who, created, closed in DEALS
            if closed and (seller is None or who.casefold() == seller.casefold())]
    return sum(days) / len(days)


# --- the sheet ------------------------------------------------------------------------

LAST = 200  # the formulas read rows 2..200: blank rows left for growth
A, B, C, Dc, E, F = (f"{c}2:{c}{LAST}" for c in "ABCDEF")
SUBS = f"{A};{B};{C};{Dc}"  # customers; starts; ends; amounts
MONTH_CELLS = "H2:H7"
DEAL_STAGES, DEAL_SELLERS, DEAL_CREATED, DEAL_CLOSED = "J2:J100", "K2:K100", "L2:L100", "M2:M100"
ORDER = "N2:N4"


def date_of(year, month, day=1):
    return f"DATE({year};{month};{day})"


def twelve_functions(month="DATE(2024;4;1)", subs=SUBS, extra=""):
    """One call of each subscription function over the same rows."""
    return {
        "MRR_AT": f"=MRR_AT({subs.split(';', 1)[1]};{month}{extra})",
        "CUSTOMERS_AT": f"=CUSTOMERS_AT({subs};{month}{extra})",
        "MRR_NEW": f"=MRR_NEW({subs};{month}{extra})",
        "MRR_EXPANSION": f"=MRR_EXPANSION({subs};{month}{extra})",
        "MRR_CONTRACTION": f"=MRR_CONTRACTION({subs};{month}{extra})",
        "MRR_CHURNED": f"=MRR_CHURNED({subs};{month}{extra})",
        "MRR_REACTIVATION": f"=MRR_REACTIVATION({subs};{month}{extra})",
        "CUSTOMERS_NEW": f"=CUSTOMERS_NEW({subs};{month}{extra})",
        "CUSTOMERS_CHURNED": f"=CUSTOMERS_CHURNED({subs};{month}{extra})",
        "MRR_BRIDGE": f"=INDEX(MRR_BRIDGE({subs};{month}{extra});1;7)",
        "COHORT_RETENTION": f"=COHORT_RETENTION({subs};DATE(2024;1;1);1;0{extra})",
        "COHORT_TABLE": f"=INDEX(COHORT_TABLE({subs};{MONTH_CELLS};0{extra});1;1)",
    }


class Subscriptions(CalcTestCase):
    def setUp(self):
        super().setUp()
        self.paste_rows(self.doc)

    # -- helpers ---------------------------------------------------------------------
    def paste_rows(self, doc):
        """The rows as a user pastes them: ids as text or numbers, dates typed as dates."""
        sheet = doc.Sheets.getByIndex(0)
        for i, (customer, start, end, amount, plan, region) in enumerate(ROWS, start=2):
            if isinstance(customer, str):
                sheet.getCellRangeByName(f"A{i}").setString(customer)
            else:
                sheet.getCellRangeByName(f"A{i}").setValue(customer)
            sheet.getCellRangeByName(f"B{i}").setFormula(start.isoformat())
            if end:
                sheet.getCellRangeByName(f"C{i}").setFormula(end.isoformat())
            sheet.getCellRangeByName(f"D{i}").setValue(amount)
            sheet.getCellRangeByName(f"E{i}").setString(plan)
            sheet.getCellRangeByName(f"F{i}").setValue(region)
        for i, (year, month) in enumerate(MONTHS, start=2):
            sheet.getCellRangeByName(f"H{i}").setFormula(D(year, month, 1 + 3 * i).isoformat())
        for i, (stage, seller, created, closed) in enumerate(DEALS, start=2):
            sheet.getCellRangeByName(f"J{i}").setString(stage)
            sheet.getCellRangeByName(f"K{i}").setString(seller)
            sheet.getCellRangeByName(f"L{i}").setFormula(created.isoformat())
            if closed:
                sheet.getCellRangeByName(f"M{i}").setFormula(closed.isoformat())
        for i, stage in enumerate(STAGES, start=2):
            sheet.getCellRangeByName(f"N{i}").setString(stage)

    def put(self, where, formula, sheet=None):
        (sheet or self.sheet).getCellRangeByName(where).setFormula(formula)

    def value(self, formula, where="Z1"):
        self.put(where, formula)
        self.doc.calculateAll()
        return shown(self.cell(where))

    def assertClose(self, actual, expected, label):
        self.assertIsInstance(actual, float, f"{label} shows {actual}")
        self.assertTrue(math.isclose(actual, expected, rel_tol=1e-9, abs_tol=1e-9),
                        f"{label}: {actual} != {expected}")

    def expected_cases(self):
        """(formula, expected) for each of the twelve functions, several months each."""
        cases = []
        for day in [D(2024, 1, 1), D(2024, 3, 14), D(2024, 3, 15), D(2024, 4, 10), D(2024, 6, 9),
                    D(2024, 6, 10), D(2023, 12, 31)]:
            date = date_of(day.year, day.month, day.day)
            cases.append((f"=MRR_AT({B};{C};{Dc};{date})", BOOK.at(day)))
            cases.append((f"=CUSTOMERS_AT({SUBS};{date})", BOOK.customers_at(day)))
        for year, month in MONTHS:
            m = BOOK.movements(year, month)
            date = date_of(year, month, 17)
            for name, key in [("MRR_NEW", "new"), ("MRR_EXPANSION", "expansion"),
                              ("MRR_CONTRACTION", "contraction"), ("MRR_CHURNED", "churned"),
                              ("MRR_REACTIVATION", "reactivation"), ("CUSTOMERS_NEW", "customers_new"),
                              ("CUSTOMERS_CHURNED", "customers_churned")]:
                cases.append((f"={name}({SUBS};{date})", m[key]))
        for k in range(4):
            for revenue in (0, 1):
                expected = BOOK.retention(2024, 1, k, bool(revenue))
                cases.append((f"=COHORT_RETENTION({SUBS};DATE(2024;1;20);{k};{revenue})", expected))
        return cases

    # -- the functions -------------------------------------------------------------------
    def test_the_rows_are_dates(self):
        self.assertEqual(self.cell("B2").getValue(), 45292)  # 2024-01-01 from 1899-12-30
        self.assertEqual(self.cell("A9").getType().value, "VALUE")  # customer 7 is a number

    def test_each_function(self):
        cases = self.expected_cases()
        for row, (formula, _) in enumerate(cases):
            self.sheet.getCellByPosition(25, row).setFormula(formula)
        self.doc.calculateAll()
        for row, (formula, expected) in enumerate(cases):
            with self.subTest(formula=formula):
                self.assertClose(shown(self.sheet.getCellByPosition(25, row)), expected, formula)

    def test_lago_worked_example(self):
        """docs/rules.md's worked example (Lago's), its numbers as the page gives them: 100 a month
        from 1 January, upgraded to 200 on 15 March, terminated on 10 April."""
        for row, values in enumerate([("acme", "2024-01-01", "2024-03-15", "100"),
                                      ("acme", "2024-03-15", "2024-04-10", "200")], start=2):
            for column, value in zip(("AB", "AC", "AD", "AE"), values):
                self.put(f"{column}{row}", value)
        lago = "AB2:AB9;AC2:AC9;AD2:AD9;AE2:AE9"
        dates = "AC2:AC9;AD2:AD9;AE2:AE9"
        for formula, expected in [(f"=MRR_NEW({lago};DATE(2024;1;20))", 100),
                                  (f"=MRR_EXPANSION({lago};DATE(2024;3;1))", 100),
                                  (f"=INDEX(MRR_BRIDGE({lago};DATE(2024;3;1));1;7)", 200),
                                  (f"=MRR_CHURNED({lago};DATE(2024;4;30))", 200),
                                  (f"=MRR_AT({dates};DATE(2024;3;14))", 100),
                                  (f"=MRR_AT({dates};DATE(2024;3;15))", 200),
                                  (f"=MRR_AT({dates};DATE(2024;4;10))", 0)]:
            with self.subTest(formula=formula):
                self.assertClose(self.value(formula), expected, formula)

    def test_the_book_has_every_movement(self):
        """The reference data must exercise what it tests."""
        for key in MOVEMENTS:
            self.assertTrue(any(BOOK.movements(*m)[key] > 0 for m in MONTHS), key)
        # The noise of eco's 0.1 + 0.2 against 0.3 in March is no movement.
        self.assertEqual(Book([r for r in ROWS if r[0] == "eco"]).movements(2024, 3)["expansion"], 0.0)

    def test_bridge_as_array_formula(self):
        block = self.sheet.getCellRangeByName("P2:V7")
        block.setArrayFormula(f"=MRR_BRIDGE({SUBS};{MONTH_CELLS})")
        self.doc.calculateAll()
        for i, month in enumerate(MONTHS):
            for j, expected in enumerate(BOOK.bridge_row(*month)):
                self.assertClose(shown(block.getCellByPosition(j, i)), expected, f"bridge {month} column {j}")
            row = BOOK.bridge_row(*month)
            self.assertTrue(math.isclose(row[6] - row[0], row[1] + row[2] + row[3] - row[4] - row[5], abs_tol=1e-9))

    def test_bridge_inside_index(self):
        for i, month in enumerate(MONTHS):
            for j, expected in enumerate(BOOK.bridge_row(*month)):
                with self.subTest(month=month, column=j):
                    self.assertClose(self.value(f"=INDEX(MRR_BRIDGE({SUBS};{MONTH_CELLS});{i + 1};{j + 1})"),
                                     expected, f"INDEX bridge {month} {j}")
        # One month as a date: one row of seven.
        self.assertClose(self.value(f"=INDEX(MRR_BRIDGE({SUBS};DATE(2024;3;31));1;3)"),
                         BOOK.bridge_row(2024, 3)[2], "expansion in March")
        self.assertClose(self.value(f"=SUM(MRR_BRIDGE({SUBS};{MONTH_CELLS}))"),
                         sum(sum(BOOK.bridge_row(*m)) for m in MONTHS), "SUM of the bridge")

    def expected_table(self, revenue):
        return [[None if m + k >= len(MONTHS) else BOOK.retention(*MONTHS[m], k, revenue)
                 for k in range(len(MONTHS))] for m in range(len(MONTHS))]

    def test_cohort_table_as_array_formula(self):
        for revenue in (0, 1):
            block = self.sheet.getCellRangeByName("P10:U15" if not revenue else "P20:U25")
            block.setArrayFormula(f"=COHORT_TABLE({SUBS};{MONTH_CELLS};{revenue})")
            self.doc.calculateAll()
            expected = self.expected_table(bool(revenue))
            self.assertIsNone(expected[3][0], "April has no cohort in the data")  # exercises empty rows
            for m, row in enumerate(expected):
                for k, value in enumerate(row):
                    cell = block.getCellByPosition(k, m)
                    with self.subTest(revenue=revenue, cohort=m, months_after=k):
                        if value is None:
                            self.assertEqual(cell.getString(), "")
                            self.assertEqual(cell.getError(), 0)
                        else:
                            self.assertClose(shown(cell), value, f"table {m} {k}")

    def test_cohort_table_inside_index(self):
        expected = self.expected_table(True)
        self.assertClose(self.value(f"=INDEX(COHORT_TABLE({SUBS};{MONTH_CELLS};1);1;4)"), expected[0][3],
                         "January cohort after 3 months")
        self.assertClose(self.value(f"=INDEX(COHORT_TABLE({SUBS};{MONTH_CELLS});2;2)"),
                         self.expected_table(False)[1][1], "February cohort after 1 month")

    def test_stage_rates_inside_funnel_needed(self):
        rates = stage_rates()
        needed = math.ceil(10 / math.prod(rates) - 1e-9)
        self.assertClose(self.value(f"=FUNNEL_NEEDED(10;STAGE_RATES({DEAL_STAGES};{ORDER}))"), needed,
                         "FUNNEL_NEEDED(STAGE_RATES)")
        self.assertClose(self.value(f"=INDEX(STAGE_RATES({DEAL_STAGES};{ORDER});2;1)"), rates[1], "rate 2")
        anouk = stage_rates("Anouk")
        self.assertClose(self.value(f"=FUNNEL_NEEDED(3;STAGE_RATES({DEAL_STAGES};{ORDER};{DEAL_SELLERS};\"ANOUK\");0)"),
                         3 / math.prod(anouk), "one seller, exact")
        self.assertClose(self.value(f"=SALES_CYCLE({DEAL_CREATED};{DEAL_CLOSED})"), sales_cycle(), "SALES_CYCLE")
        self.assertClose(self.value(f"=SALES_CYCLE({DEAL_CREATED};{DEAL_CLOSED};{DEAL_SELLERS};\"bram\")"),
                         sales_cycle("Bram"), "SALES_CYCLE of Bram")

    # -- criteria --------------------------------------------------------------------------
    def test_criteria_pairs(self):
        april, may = "DATE(2024;4;30)", "DATE(2024;5;1)"
        for plan in ["pro", "PRO", "Pro", "élite", "ÉLITE", "Élite", "basic", "nobody"]:
            book = Book(ROWS, plan=plan)
            with self.subTest(plan=plan):
                self.assertClose(self.value(f"=MRR_AT({B};{C};{Dc};{april};{E};\"{plan}\")"),
                                 book.at(D(2024, 4, 30)) if book.rows else 0.0, f"MRR_AT {plan}")
                self.assertClose(self.value(f"=MRR_CONTRACTION({SUBS};{may};{E};\"{plan}\")"),
                                 book.movements(2024, 5)["contraction"] if book.rows else 0.0, f"contraction {plan}")
                if book.rows:
                    self.assertClose(self.value(f"=INDEX(MRR_BRIDGE({SUBS};{MONTH_CELLS};{E};\"{plan}\");4;4)"),
                                     book.bridge_row(2024, 4)[3], f"reactivation in April, {plan}")
        # "É" is "é": both spellings select cito's and dúo's rows.
        self.assertEqual(len(Book(ROWS, plan="ÉLITE").rows), 2)
        # A criterion from a cell, and numbers by value: region 1.
        self.sheet.getCellRangeByName("Y1").setString("élite")
        self.assertClose(self.value(f"=MRR_AT({B};{C};{Dc};{april};{E};Y1;{F};2)"),
                         sum(r[3] for r in ROWS if fold(r[4]) == "élite" and r[5] == 2
                             and r[1] <= D(2024, 4, 30) and (r[2] is None or D(2024, 4, 30) < r[2])),
                         "élite in region 2")
        self.assertClose(self.value(f"=MRR_AT({B};{C};{Dc};{april};{F};1.0)"),
                         sum(r[3] for r in ROWS if r[5] == 1 and r[1] <= D(2024, 4, 30)
                             and (r[2] is None or D(2024, 4, 30) < r[2])), "region 1")
        self.assertClose(self.value(f"=COHORT_RETENTION({SUBS};DATE(2024;1;1);3;1;{E};\"pro\")"),
                         Book(ROWS, plan="pro").retention(2024, 1, 3, True), "cohort of pro")

    def test_odd_criteria_count(self):
        for formula in [f"=MRR_AT({B};{C};{Dc};DATE(2024;4;1);{E})",
                        f"=MRR_NEW({SUBS};DATE(2024;4;1);{E};\"pro\";{F})",
                        f"=INDEX(MRR_BRIDGE({SUBS};{MONTH_CELLS};{E});1;1)"]:
            with self.subTest(formula=formula):
                self.assertIn(self.value(formula), ("Err:502", "Err:504"))

    # -- the calendar and the file ---------------------------------------------------------
    def results_of(self, doc, cases):
        sheet = doc.Sheets.getByIndex(0)
        for row, (formula, _) in enumerate(cases):
            sheet.getCellByPosition(25, row).setFormula(formula)
        doc.calculateAll()
        return [shown(sheet.getCellByPosition(25, row)) for row in range(len(cases))]

    def test_1904_document_gives_the_same_calendar(self):
        cases = self.expected_cases()
        bridge = [(f"=INDEX(MRR_BRIDGE({SUBS};{MONTH_CELLS});{i};{j})", None) for i in (1, 4, 6) for j in (1, 4, 7)]
        ours = self.results_of(self.doc, cases + bridge)
        doc = self.office.new_sheet_document()
        try:
            doc.NullDate = UnoDate(1, 1, 1904)  # Day, Month, Year
            self.paste_rows(doc)
            sheet = doc.Sheets.getByIndex(0)
            # The same typed days are other numbers in this document.
            self.assertEqual(sheet.getCellRangeByName("B2").getValue(), 45292 - 1462)
            theirs = self.results_of(doc, cases + bridge)
            # Saved and opened again, the document keeps its null date and its answers.
            with tempfile.TemporaryDirectory() as folder:
                path = os.path.join(folder, "1904.ods")
                doc.storeToURL(uno.systemPathToFileUrl(path), properties(FilterName="calc8"))
                loaded = self.office.load(path)
                try:
                    null_date = loaded.NullDate
                    self.assertEqual((null_date.Year, null_date.Month, null_date.Day), (1904, 1, 1))
                    loaded.calculateAll()
                    sheet = loaded.Sheets.getByIndex(0)
                    reloaded = [shown(sheet.getCellByPosition(25, row)) for row in range(len(cases + bridge))]
                finally:
                    loaded.close(True)
        finally:
            doc.close(True)
        self.assertEqual(reloaded, theirs)
        for (formula, expected), a, b in zip(cases + bridge, ours, theirs):
            with self.subTest(formula=formula):
                self.assertEqual(a, b)
                if expected is not None:
                    self.assertClose(b, expected, formula)

    def test_ods_round_trip(self):
        cases = self.expected_cases()
        self.results_of(self.doc, cases)
        self.sheet.getCellRangeByName("P2:V7").setArrayFormula(f"=MRR_BRIDGE({SUBS};{MONTH_CELLS};{E};\"élite\")")
        self.put("Y2", f"=INDEX(COHORT_TABLE({SUBS};{MONTH_CELLS};1);1;3)")
        with tempfile.TemporaryDirectory() as folder:
            path = os.path.join(folder, "rows.ods")
            self.doc.storeToURL(uno.systemPathToFileUrl(path), properties(FilterName="calc8"))
            loaded = self.office.load(path)
            try:
                loaded.calculateAll()
                sheet = loaded.Sheets.getByIndex(0)
                self.assertIn("ORG.SALESKPI.", sheet.getCellRangeByName("Z1").getFormula().upper())
                for row, (formula, expected) in enumerate(cases):
                    with self.subTest(formula=formula):
                        self.assertClose(shown(sheet.getCellByPosition(25, row)), expected, formula)
                elite = Book(ROWS, plan="élite")
                for i, month in enumerate(MONTHS):
                    for j, expected in enumerate(elite.bridge_row(*month)):
                        self.assertClose(shown(sheet.getCellByPosition(15 + j, 1 + i)), expected, "élite bridge")
                self.assertClose(shown(sheet.getCellRangeByName("Y2")), BOOK.retention(2024, 1, 2, True), "Y2")
            finally:
                loaded.close(True)

    # -- bad rows ----------------------------------------------------------------------------
    def assertAllInvalid(self, label, functions=None):
        functions = functions or twelve_functions()
        for row, formula in enumerate(functions.values()):
            self.sheet.getCellByPosition(26, row).setFormula(formula)
        self.doc.calculateAll()
        for row, name in enumerate(functions):
            with self.subTest(rule=label, function=name):
                self.assertEqual(shown(self.sheet.getCellByPosition(26, row)), "Err:502")

    def test_the_twelve_work_before_the_bad_rows(self):
        functions = twelve_functions()
        for row, formula in enumerate(functions.values()):
            self.sheet.getCellByPosition(26, row).setFormula(formula)
        self.doc.calculateAll()
        for row, name in enumerate(functions):
            with self.subTest(function=name):
                self.assertIsInstance(shown(self.sheet.getCellByPosition(26, row)), float)

    def test_bad_rows(self):
        bad = 40  # a row in the blank room for growth
        good = ["zed", "2024-02-01", "", "10"]
        rules = {
            "text in amounts": ["zed", "2024-02-01", "", "ten"],
            "negative amount": ["zed", "2024-02-01", "", "-10"],
            "end before start": ["zed", "2024-02-01", "2024-01-31", "10"],
            "start but no amount": ["zed", "2024-02-01", "", ""],
            "amount but no start": ["zed", "", "", "10"],
            "text in starts": ["zed", "soon", "", "10"],
            "text in ends": ["zed", "2024-02-01", "later", "10"],
        }
        for label, values in rules.items():
            for column, value in zip("ABCD", values):
                cell = self.cell(f"{column}{bad}")
                if value in ("ten", "soon", "later"):
                    cell.setString(value)
                else:
                    cell.setFormula(value)
            self.assertAllInvalid(label)
            for column, value in zip("ABCD", good):
                self.cell(f"{column}{bad}").setFormula(value)
        # A start and an amount without a customer: invalid where the function takes customers.
        self.cell(f"A{bad}").setString("")
        without_mrr_at = dict(twelve_functions())
        del without_mrr_at["MRR_AT"]
        self.assertAllInvalid("no customer", without_mrr_at)
        self.assertIsInstance(self.value(f"=MRR_AT({B};{C};{Dc};DATE(2024;4;1))"), float)

    def test_ranges_of_different_shapes(self):
        shorter = f"{A};B2:B{LAST - 1};{C};{Dc}"
        self.assertAllInvalid("starts shorter", twelve_functions(subs=shorter))
        wider = f"{A};{B};{C};D2:E{LAST}"
        self.assertAllInvalid("amounts wider", twelve_functions(subs=wider))
        self.assertAllInvalid("criteria range shorter", twelve_functions(extra=f";E2:E{LAST - 1};\"pro\""))


if __name__ == "__main__":
    unittest.main()
