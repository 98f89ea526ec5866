"""The team KPI workbook in real Calc with the extension installed.

The example's KPI cells are recomputed here from the example's own input cells, in
Python, without tools/workbook.py; the template must be found where LibreOffice looks for
templates after installation, and open as a new document. Neither may show an error cell.
"""
import math
import os
import unittest

import uno
from com.sun.star.beans import Property
from com.sun.star.ucb import Command

from calc_support import OfficeTestCase
from office import formula_errors, named_cells

EXAMPLE = os.path.join(os.path.dirname(__file__), "..", "..", "examples", "team-kpis.fods")
TEMPLATE_GROUP = "Sales KPIs"
TEMPLATE_TITLE = "Team KPIs · Team-KPI's (saleskpi)"
SHEETS = ["Dashboard", "Activity", "Pipeline", "Economics", "Subscriptions"]


def row_labelled(rows, english):
    """The row of a label block whose English label (column A) is `english`."""
    for row in rows:
        if row[0].getString() == english:
            return row
    raise KeyError(english)


def approx_ceil(value):
    """The catalogue's rounding of counts asked for: 12 significant digits, then ceil."""
    return math.ceil(float(f"{value:.12g}"))


class Log:
    """The example's week-by-week inputs, summed per seller: calls, hours, leads, meetings,
    won, lost, revenue, quota."""
    FIELDS = ["calls", "hours", "leads", "meetings", "won", "lost", "revenue", "quota"]

    def __init__(self, doc):
        rows = named_cells(doc, "Activity_log")[1:]
        self.sellers = {}
        for row in rows:
            totals = self.sellers.setdefault(row[0].getString(), dict.fromkeys(self.FIELDS, 0.0))
            for field, cell in zip(self.FIELDS, row[2:10]):
                totals[field] += cell.getValue()
        self.team = {field: sum(s[field] for s in self.sellers.values()) for field in self.FIELDS}


class ExampleWorkbook(OfficeTestCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.doc = cls.office.load(EXAMPLE)
        cls.addClassCleanup(cls.doc.close, True)
        cls.doc.calculateAll()
        cls.log = Log(cls.doc)
        cls.sellers = named_cells(cls.doc, "Activity_sellers")

    def seller_row(self, name):
        return next(row for row in self.sellers[1:] if row[0].getString() == name)

    def assertClose(self, actual, expected, what):
        self.assertTrue(math.isclose(actual, expected, rel_tol=1e-9), f"{what}: {actual} != {expected}")

    def test_loads_with_every_sheet_and_no_error_cell(self):
        self.assertEqual(list(self.doc.Sheets.getElementNames()), SHEETS)
        count, errors = formula_errors(self.doc)
        self.assertGreater(count, 400)
        self.assertEqual(errors, [])

    def test_five_sellers_over_thirteen_weeks(self):
        self.assertEqual(len(self.log.sellers), 5)
        rows = named_cells(self.doc, "Activity_log")[1:]
        self.assertEqual(len(rows), 5 * 13)
        self.assertEqual(sorted({row[1].getValue() for row in rows}), list(range(1, 14)))

    def test_a_sellers_effectiveness_and_efficiency(self):
        name = "Anouk de Vries"
        s = self.log.sellers[name]
        row = self.seller_row(name)
        columns = {"K": s["leads"] / s["calls"], "L": s["meetings"] / s["leads"],
                   "M": s["won"] / s["meetings"], "O": s["calls"] / s["hours"],
                   "P": s["meetings"] / s["hours"]}
        for column, expected in columns.items():
            self.assertClose(row[ord(column) - ord("A")].getValue(), expected, f"{name} {column}")
        rates = s["leads"] / s["calls"] * (s["meetings"] / s["leads"]) * (s["won"] / s["meetings"])
        self.assertClose(row[ord("N") - ord("A")].getValue(), rates, "call -> deal")

    def test_funnel_needed_for_one_seller(self):
        name = "Daan Visser"
        s = self.log.sellers[name]
        row = self.seller_row(name)
        deals_needed = math.ceil(s["quota"] / (s["revenue"] / s["won"]))
        product = 1.0
        for rate in reversed([s["leads"] / s["calls"], s["meetings"] / s["leads"], s["won"] / s["meetings"]]):
            product *= rate
        calls_needed = approx_ceil(deals_needed / product)
        self.assertEqual(row[ord("R") - ord("A")].getValue(), deals_needed)
        self.assertEqual(row[ord("S") - ord("A")].getValue(), calls_needed)
        behind = s["calls"] - calls_needed
        self.assertEqual(row[ord("T") - ord("A")].getValue(), behind)
        self.assertLess(behind, 0, "the example's story: Daan is behind on calls")

    def test_team_quota_attainment_and_win_rate(self):
        team = self.log.team
        table = named_cells(self.doc, "Dashboard_sellers")
        team_row = row_labelled(table, "Team")
        self.assertClose(team_row[3].getValue(), team["revenue"] / team["quota"], "team attainment")
        self.assertClose(team_row[9].getValue(), team["won"] / (team["won"] + team["lost"]), "team win rate")

    def test_ltv_cac_and_the_one_third_rule(self):
        rows = named_cells(self.doc, "Economics_values")
        value = lambda label: row_labelled(rows, label)[2].getValue()
        team = self.log.team
        asp = team["revenue"] / team["won"]
        ltv = asp * value("Purchases per year") * value("Years as a customer")
        costs = [row[2].getValue() for row in rows
                 if row[2].CellStyle == "InputMoney"]  # the cost lines are the money inputs
        cac = sum(costs) / team["won"]
        self.assertEqual(len(costs), 6)
        self.assertClose(value("Customer lifetime value (LTV)"), ltv, "LTV")
        self.assertClose(value("Customer acquisition cost (CAC)"), cac, "CAC")
        self.assertClose(value("LTV:CAC"), ltv / cac, "LTV:CAC")
        self.assertClose(value("Most a customer may cost (CAC_MAX)"), ltv / 3, "CAC_MAX")
        margin = value("Gross margin")
        self.assertClose(value("CAC payback (months)"), cac / (asp / 12 * margin), "CAC payback")

    def test_nrr_grr_and_quick_ratio_of_the_quarter(self):
        rows = named_cells(self.doc, "Subscriptions_table")
        months = lambda label: [cell.getValue() for cell in row_labelled(rows, label)[2:5]]
        quarter = lambda label: row_labelled(rows, label)[5].getValue()
        start = months("MRR at the start")[0]
        new, expansion, reactivation = (sum(months(k)) for k in ("+ New", "+ Expansion", "+ Reactivation"))
        contraction, churned = (sum(months(k)) for k in ("− Contraction", "− Churned"))
        self.assertClose(quarter("Net revenue retention (NRR)"),
                         (start - churned - contraction + expansion) / start, "NRR")
        self.assertClose(quarter("Gross revenue retention (GRR)"), (start - churned - contraction) / start, "GRR")
        self.assertClose(quarter("SaaS quick ratio"),
                         (new + expansion + reactivation) / (churned + contraction), "quick ratio")
        end = start + new + expansion + reactivation - contraction - churned
        self.assertClose(quarter("ARR (annual recurring revenue)"), 12 * end, "ARR")

    def test_charts_and_conditional_formats(self):
        charts = {name: self.doc.Sheets.getByName(name).getCharts().getCount() for name in SHEETS}
        self.assertEqual(charts, {"Dashboard": 4, "Activity": 0, "Pipeline": 0, "Economics": 1,
                                  "Subscriptions": 0})
        flagged = {"Activity": ["T8", "T13"], "Pipeline": ["N8", "P13"], "Dashboard": ["A6", "D12", "G12", "K12"],
                   "Economics": ["C25"], "Subscriptions": ["C23", "F30"]}
        for sheet, cells in flagged.items():
            for cell in cells:
                with self.subTest(cell=f"{sheet}.{cell}"):
                    conditions = self.doc.Sheets.getByName(sheet).getCellRangeByName(cell).ConditionalFormat
                    self.assertGreaterEqual(conditions.getCount(), 2)


class Template(OfficeTestCase):
    """The .ots inside the .oxt, found through LibreOffice's own template machinery."""

    def template_entry(self):
        """The template's hierarchy URL and target, as File > New > Templates lists it."""
        templates = self.office.create("com.sun.star.frame.DocumentTemplates")
        files = self.office.create("com.sun.star.ucb.SimpleFileAccess")
        root = templates.getContent().getIdentifier().getContentIdentifier()
        groups = {uno.fileUrlToSystemPath("file:///" + url.rsplit("/", 1)[1]).lstrip("/"): url
                  for url in files.getFolderContents(root, True)}
        self.assertIn(TEMPLATE_GROUP, groups)
        entries = {uno.fileUrlToSystemPath("file:///" + url.rsplit("/", 1)[1]).lstrip("/"): url
                   for url in files.getFolderContents(groups[TEMPLATE_GROUP], True)}
        self.assertIn(TEMPLATE_TITLE, entries)
        return entries[TEMPLATE_TITLE], self.target_url(entries[TEMPLATE_TITLE])

    def target_url(self, hierarchy_url):
        broker = self.office.create("com.sun.star.ucb.UniversalContentBroker")
        content = broker.queryContent(broker.createContentIdentifier(hierarchy_url))
        wanted = Property()
        wanted.Name, wanted.Handle = "TargetURL", -1
        command = Command("getPropertyValues", -1, uno.Any("[]com.sun.star.beans.Property", (wanted,)))
        return content.execute(command, 0, None).getString(1)

    def test_template_folder_is_on_libreoffices_template_path(self):
        paths = self.office.create("com.sun.star.util.PathSettings").getPropertyValue("Template_internal")
        ours = [path for path in paths if path.endswith(".oxt/templates")]
        self.assertEqual(len(ours), 1, paths)
        files = self.office.create("com.sun.star.ucb.SimpleFileAccess")
        self.assertTrue(files.exists(ours[0] + "/saleskpi/saleskpi-team-kpis.ots"))

    def test_template_is_listed_and_opens_as_a_new_workbook(self):
        _, target = self.template_entry()
        self.assertTrue(target.endswith("/templates/saleskpi/saleskpi-team-kpis.ots"), target)
        doc = self.office.desktop.loadComponentFromURL(
            target, "_blank", 0, (uno.createUnoStruct("com.sun.star.beans.PropertyValue", "AsTemplate", 0, True, 0),
                                  uno.createUnoStruct("com.sun.star.beans.PropertyValue", "Hidden", 0, True, 0)))
        try:
            self.assertEqual(doc.getURL(), "", "a template opens as a new, untitled document")
            self.assertEqual(list(doc.Sheets.getElementNames()), SHEETS)
            doc.calculateAll()
            count, errors = formula_errors(doc)
            self.assertGreater(count, 400)
            self.assertEqual(errors, [])
            self.assertEqual(doc.Sheets.getByName("Dashboard").getCharts().getCount(), 4)
            log = named_cells(doc, "Activity_log")[1:]
            self.assertTrue(all(cell.getType().value == "EMPTY" for row in log for cell in row[2:10]),
                            "the template has no data")
            names = [row[0].getString() for row in named_cells(doc, "Activity_sellers")[1:6]]
            self.assertEqual(names, [f"Seller {n} / Verkoper {n}" for n in range(1, 6)])
            self.check_a_first_week_typed_in(doc, log)
        finally:
            doc.close(True)

    def check_a_first_week_typed_in(self, doc, log):
        """Two weeks of one seller, quota typed ahead for the whole quarter: the KPIs count
        the weeks entered only, and nothing shows an error."""
        for row in log[:13]:
            row[9].setValue(8000)                       # quota, typed ahead
        for row, week in zip(log[:2], ([60, 24, 10, 4, 1, 2, 9000], [50, 20, 8, 3, 1, 3, 7000])):
            for cell, value in zip(row[2:9], week):
                cell.setValue(value)
        doc.calculateAll()
        seller = named_cells(doc, "Activity_sellers")[1]
        column = lambda letter: seller[ord(letter) - ord("A")].getValue()
        self.assertEqual(column("B"), 2)                # weeks entered
        self.assertEqual(column("J"), 16000)            # the quota of those two weeks
        self.assertEqual(column("R"), math.ceil(16000 / 8000))
        self.assertEqual(column("S"), approx_ceil(2 / (18 / 110 * (7 / 18) * (2 / 7))))
        self.assertEqual(formula_errors(doc)[1], [])


if __name__ == "__main__":
    unittest.main()
