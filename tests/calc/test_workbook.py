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
from office import formula_errors, keyed, keyed_column

EXAMPLE = os.path.join(os.path.dirname(__file__), "..", "..", "examples", "team-kpis.fods")
TEMPLATE_GROUP = "Sales KPIs"
TEMPLATE_TITLE = "Team KPIs · Team-KPI's (saleskpi)"
SHEETS = ["Dashboard", "Activity", "Pipeline", "Economics", "Subscriptions"]


SELLERS = [f"seller{n}" for n in range(1, 6)]
FIELDS = ["calls", "hours", "leads", "meetings", "won", "lost", "revenue", "quota"]


def approx_ceil(value):
    """The catalogue's rounding of counts asked for: 12 significant digits, then ceil."""
    return math.ceil(float(f"{value:.12g}"))


class Log:
    """The example's week-by-week inputs (the log's ranges per seller and field, by key),
    summed per seller name."""

    def __init__(self, doc):
        self.sellers = {}
        for seller in SELLERS:
            name = keyed(doc, f"sellers.{seller}.name").getString()
            self.sellers[name] = {field: sum(c.getValue() for c in keyed_column(doc, f"log.{seller}.{field}"))
                                  for field in FIELDS}
        self.keys = dict(zip(self.sellers, SELLERS))
        self.team = {field: sum(s[field] for s in self.sellers.values()) for field in FIELDS}


class ExampleWorkbook(OfficeTestCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.doc = cls.office.load(EXAMPLE)
        cls.addClassCleanup(cls.doc.close, True)
        cls.doc.calculateAll()
        cls.log = Log(cls.doc)

    def value(self, key):
        return keyed(self.doc, key).getValue()

    def assertClose(self, actual, expected, what):
        self.assertTrue(math.isclose(actual, expected, rel_tol=1e-9), f"{what}: {actual} != {expected}")

    def test_loads_with_every_sheet_and_no_error_cell(self):
        self.assertEqual(list(self.doc.Sheets.getElementNames()), SHEETS)
        count, errors = formula_errors(self.doc)
        self.assertGreater(count, 400)
        self.assertEqual(errors, [])

    def test_five_sellers_over_thirteen_weeks(self):
        self.assertEqual(len(self.log.sellers), 5)
        for seller in SELLERS:
            self.assertEqual(len(keyed_column(self.doc, f"log.{seller}.calls")), 13)
            self.assertEqual(self.value(f"sellers.{seller}.weeks"), 13)

    def test_a_sellers_effectiveness_and_efficiency(self):
        name = "Anouk de Vries"
        s, key = self.log.sellers[name], self.log.keys[name]
        expected = {"conv_lead": s["leads"] / s["calls"], "conv_meeting": s["meetings"] / s["leads"],
                    "conv_deal": s["won"] / s["meetings"], "calls_hour": s["calls"] / s["hours"],
                    "meetings_hour": s["meetings"] / s["hours"]}
        for column, value in expected.items():
            self.assertClose(self.value(f"sellers.{key}.{column}"), value, f"{name} {column}")
        rates = s["leads"] / s["calls"] * (s["meetings"] / s["leads"]) * (s["won"] / s["meetings"])
        self.assertClose(self.value(f"sellers.{key}.call_deal"), rates, "call -> deal")

    def test_funnel_needed_for_one_seller(self):
        name = "Daan Visser"
        s, key = self.log.sellers[name], self.log.keys[name]
        deals_needed = math.ceil(s["quota"] / (s["revenue"] / s["won"]))
        product = 1.0
        for rate in reversed([s["leads"] / s["calls"], s["meetings"] / s["leads"], s["won"] / s["meetings"]]):
            product *= rate
        calls_needed = approx_ceil(deals_needed / product)
        self.assertEqual(self.value(f"sellers.{key}.deals_needed"), deals_needed)
        self.assertEqual(self.value(f"sellers.{key}.calls_needed"), calls_needed)
        behind = s["calls"] - calls_needed
        self.assertEqual(self.value(f"sellers.{key}.ahead"), behind)
        self.assertEqual(self.value(f"dash.{key}.ahead"), behind)
        self.assertLess(behind, 0, "the example's story: Daan is behind on calls")

    def test_team_quota_attainment_and_win_rate(self):
        team = self.log.team
        self.assertClose(self.value("dash.team.attainment"), team["revenue"] / team["quota"], "team attainment")
        self.assertClose(self.value("dash.team.win_rate"), team["won"] / (team["won"] + team["lost"]),
                         "team win rate")
        self.assertClose(self.value("tiles.value.attainment"), team["revenue"] / team["quota"], "tile")

    def test_ltv_cac_and_the_one_third_rule(self):
        value = lambda key: self.value(f"econ.{key}.value")
        team = self.log.team
        asp = team["revenue"] / team["won"]
        ltv = asp * value("purchases") * value("years")
        costs = [cell.getValue() for cell in keyed_column(self.doc, "econ.costs.value")]
        cac = sum(costs) / team["won"]
        self.assertEqual(len(costs), 6)
        self.assertClose(value("ltv"), ltv, "LTV")
        self.assertClose(value("cac"), cac, "CAC")
        self.assertClose(value("ltvcac"), ltv / cac, "LTV:CAC")
        self.assertClose(value("cacmax"), ltv / 3, "CAC_MAX")
        self.assertClose(value("payback"), cac / (asp / 12 * value("margin")), "CAC payback")

    def test_nrr_grr_and_quick_ratio_of_the_quarter(self):
        months = lambda key: [self.value(f"subs.{key}.{m}") for m in ("m1", "m2", "m3")]
        quarter = lambda key: self.value(f"subs.{key}.quarter")
        start = months("mrr_start")[0]
        new, expansion, reactivation = (sum(months(k)) for k in ("new", "expansion", "reactivation"))
        contraction, churned = (sum(months(k)) for k in ("contraction", "churned"))
        self.assertClose(quarter("nrr"), (start - churned - contraction + expansion) / start, "NRR")
        self.assertClose(quarter("grr"), (start - churned - contraction) / start, "GRR")
        self.assertClose(quarter("quick"), (new + expansion + reactivation) / (churned + contraction), "quick ratio")
        end = start + new + expansion + reactivation - contraction - churned
        self.assertClose(quarter("arr"), 12 * end, "ARR")

    def test_charts_and_conditional_formats(self):
        charts = {name: self.doc.Sheets.getByName(name).getCharts().getCount() for name in SHEETS}
        self.assertEqual(charts, {"Dashboard": 4, "Activity": 0, "Pipeline": 0, "Economics": 1,
                                  "Subscriptions": 0})
        flagged = ["sellers.seller1.ahead", "sellers.team.ahead", "pipe.seller1.coverage", "pipe.team.attainment",
                   "tiles.value.attainment", "dash.seller1.attainment", "dash.seller1.ahead",
                   "dash.seller1.coverage", "econ.ltvcac.value", "subs.churn.m1", "subs.quick.quarter"]
        for key in flagged:
            with self.subTest(key=key):
                self.assertGreaterEqual(keyed(self.doc, key).ConditionalFormat.getCount(), 2)


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
            log = {field: keyed_column(doc, f"log.seller1.{field}") for field in FIELDS}
            self.assertTrue(all(cell.getType().value == "EMPTY" for seller in SELLERS for field in FIELDS
                                for cell in keyed_column(doc, f"log.{seller}.{field}")), "the template has no data")
            names = [keyed(doc, f"sellers.{seller}.name").getString() for seller in SELLERS]
            self.assertEqual(names, [f"Seller {n} / Verkoper {n}" for n in range(1, 6)])
            self.check_a_first_week_typed_in(doc, log)
        finally:
            doc.close(True)

    def check_a_first_week_typed_in(self, doc, log):
        """Two weeks of one seller, quota typed ahead for the whole quarter: the KPIs count
        the weeks entered only, and nothing shows an error."""
        for cell in log["quota"]:
            cell.setValue(8000)                         # quota, typed ahead
        for week, values in enumerate(([60, 24, 10, 4, 1, 2, 9000], [50, 20, 8, 3, 1, 3, 7000])):
            for field, value in zip(FIELDS, values):
                log[field][week].setValue(value)
        doc.calculateAll()
        value = lambda column: keyed(doc, f"sellers.seller1.{column}").getValue()
        self.assertEqual(value("weeks"), 2)             # weeks entered
        self.assertEqual(value("quota"), 16000)         # the quota of those two weeks
        self.assertEqual(value("deals_needed"), math.ceil(16000 / 8000))
        self.assertEqual(value("calls_needed"), approx_ceil(2 / (18 / 110 * (7 / 18) * (2 / 7))))
        self.assertEqual(keyed(doc, "sellers.seller2.asp").getString(), "", "a seller without weeks shows nothing")
        self.assertEqual(formula_errors(doc)[1], [])


if __name__ == "__main__":
    unittest.main()
