"""The team KPI workbook in real Calc with the extension installed.

Cells are found by key (tools/workbook/layout.py builds the same layout the generator wrote). The
example's KPI cells are recomputed here, in Python, from the example's own rows (deals,
subscriptions, weekly activity) without the generator's formulas; a copy of the example
with its tables' columns reordered must show the same figures under the same keys; the
template must be found where LibreOffice looks for templates after installation and open
as a new document. None may show an error cell.
"""
import math
import os
import sys
import tempfile
import unittest
from datetime import date, timedelta

import uno
from com.sun.star.beans import Property
from com.sun.star.ucb import Command

from workbook import generate
from workbook.sheets import mrr
from calc_support import OfficeTestCase, catalogue
from office.driver import Office, formula_errors, keyed, keyed_column

EXAMPLES = os.path.join(os.path.dirname(__file__), "..", "..", "examples")
EXAMPLE = os.path.join(EXAMPLES, generate.EXAMPLES["en"])
README = os.path.join(os.path.dirname(__file__), "..", "..", "README.md")
SCRIPTS = os.path.join(os.path.dirname(__file__), "..", "..", "scripts")
# Per UI language: the template groups File > New > Templates lists, each with its templates
# (title, language, file in the .oxt).
ENGLISH = ("Team KPIs", "en", "/templates/common/saleskpi/team-kpis.ots")
DUTCH = ("Team-KPI's", "nl", "/templates/nl/saleskpi/team-kpis-nl.ots")
TEMPLATE_GROUPS = {"en-US": {"Sales KPIs": [ENGLISH]},
                   "nl": {"Sales KPIs": [ENGLISH], "Verkoop-KPI's": [DUTCH]}}
SHEETS = generate.sheet_names("en")
SELLERS = [f"seller{n}" for n in range(1, 6)]
NULL_DATE = date(1899, 12, 30)


def approx_ceil(value):
    """The catalogue's rounding of counts asked for: 12 significant digits, then ceil."""
    return math.ceil(float(f"{value:.12g}"))


def rows_of(doc, layout, table, columns):
    """A data sheet's filled rows, as dicts by column key (one getDataArray per column)."""
    values = {}
    for column in columns:
        sheet, ref = layout.where[f"{table}.rows.{column}"]
        values[column] = [row[0] for row in doc.Sheets.getByName(sheet).getCellRangeByName(ref).getDataArray()]
    out = []
    for index in range(len(values[columns[0]])):
        row = {column: None if values[column][index] == "" else values[column][index] for column in columns}
        if any(value is not None for value in row.values()):
            out.append(row)
    return out


def row_cell(doc, layout, key, index):
    """The index-th cell of a data sheet's column range (deals.rows.amount)."""
    sheet, ref = layout.where[key]
    return doc.Sheets.getByName(sheet).getCellRangeByName(ref).getCellByPosition(0, index)


def mrr_at(rows, day):
    serial = (day - NULL_DATE).days
    return sum(r["mrr"] for r in rows if r["start"] <= serial and (r["end"] is None or serial < r["end"]))


class ExampleWorkbook(OfficeTestCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.layout = generate.build(catalogue(), generate.example_data()).layout
        cls.doc = cls.office.load(EXAMPLE)
        cls.addClassCleanup(cls.doc.close, True)
        cls.doc.calculateAll()
        cls.deals = rows_of(cls.doc, cls.layout, "deals",
                            ["owner", "stage", "status", "amount", "probability", "created", "closed"])
        cls.subs = rows_of(cls.doc, cls.layout, "subs", ["customer", "start", "end", "mrr"])
        cls.stages = [c.getString() for c in keyed_column(cls.doc, cls.layout, "setup.order.value")]
        cls.names = {seller: cls.cell(f"res.{seller}.name").getString() for seller in SELLERS}

    @classmethod
    def cell(cls, key):
        return keyed(cls.doc, cls.layout, key)

    def value(self, key):
        cell = self.cell(key)
        self.assertEqual(cell.getError(), 0, key)
        return cell.getValue()

    def assertClose(self, actual, expected, what):
        self.assertTrue(math.isclose(actual, expected, rel_tol=1e-9), f"{what}: {actual} != {expected}")

    def mine(self, seller):
        return [d for d in self.deals if d["owner"] == self.names[seller]]

    def test_loads_with_every_sheet_and_no_error_cell(self):
        self.assertEqual(list(self.doc.Sheets.getElementNames()), SHEETS)
        count, errors = formula_errors(self.doc)
        self.assertGreater(count, 700)
        self.assertEqual(errors, [])

    def test_rows_of_a_team_over_two_quarters_and_18_months_of_subscriptions(self):
        self.assertEqual(len(set(d["owner"] for d in self.deals)), 5)
        self.assertGreater(len(self.deals), 200)
        self.assertEqual(self.layout.where["deals.rows.owner"], ("Deals", "A5:A5004"))
        days = [d["created"] for d in self.deals]
        self.assertLess(max(days) - min(days), 190)
        customers = {r["customer"] for r in self.subs}
        self.assertGreater(len(customers), 200)
        self.assertEqual(self.value("res.unmatched.deals"), 0)

    def test_results_per_seller_from_the_deal_rows(self):
        for seller in SELLERS:
            with self.subTest(seller=seller):
                mine = self.mine(seller)
                won = [d for d in mine if d["status"] == "Won"]
                lost = [d for d in mine if d["status"] == "Lost"]
                revenue = sum(d["amount"] for d in won)
                self.assertEqual(self.value(f"res.{seller}.won"), len(won))
                self.assertEqual(self.value(f"res.{seller}.lost"), len(lost))
                self.assertClose(self.value(f"res.{seller}.win_rate"), len(won) / (len(won) + len(lost)), "win rate")
                self.assertClose(self.value(f"res.{seller}.asp"), revenue / len(won), "ASP")
                self.assertClose(self.value(f"res.{seller}.cycle"),
                                 sum(d["closed"] - d["created"] for d in won) / len(won), "cycle")
                self.assertClose(self.value(f"res.{seller}.attainment"),
                                 revenue / self.value(f"res.{seller}.quota"), "attainment")
                open_deals = [d for d in mine if d["status"] == "Open"]
                self.assertClose(self.value(f"pipe.{seller}.weighted"),
                                 sum(d["amount"] * d["probability"] for d in open_deals), "weighted")

    def stage_rates(self, deals):
        reached = [sum(1 for d in deals if self.stages.index(d["stage"]) >= k) for k in range(len(self.stages))]
        return [reached[k + 1] / reached[k] for k in range(len(self.stages) - 1)]

    def test_stage_rates_and_funnel_needed_per_seller(self):
        for seller in SELLERS + ["team"]:
            with self.subTest(seller=seller):
                deals = self.deals if seller == "team" else self.mine(seller)
                rates = self.stage_rates(deals)
                for k, rate in enumerate(rates, start=1):
                    self.assertClose(self.value(f"fun.{seller}.r{k}"), rate, f"stage rate {k}")
                needed = self.value(f"fun.{seller}.deals_needed")
                self.assertEqual(needed, math.ceil(self.value(f"res.{seller}.quota") / self.value(f"res.{seller}.asp")))
                self.assertEqual(self.value(f"fun.{seller}.qualified_needed"), approx_ceil(needed / math.prod(rates)))

    def test_calls_needed_and_the_story(self):
        key = "seller4"  # Daan: converts well, calls too little
        calls = sum(c.getValue() for c in keyed_column(self.doc, self.layout, f"week.weeks.{key}_calls"))
        self.assertEqual(self.value(f"fun.{key}.calls"), calls)
        start = self.value(f"fun.{key}.qualified_needed")
        rate = len(self.mine(key)) / calls
        self.assertEqual(self.value(f"fun.{key}.calls_needed"), approx_ceil(start / rate))
        self.assertLess(self.value(f"fun.{key}.ahead"), 0, "Daan is behind on calls")
        self.assertEqual(self.names[key], "Daan Visser")
        win = {s: self.value(f"res.{s}.win_rate") for s in SELLERS}
        self.assertEqual(max(win, key=win.get), "seller1", "Anouk converts best")
        self.assertEqual(min(win, key=win.get), "seller2", "Bram converts worst")
        asp = {s: self.value(f"res.{s}.asp") for s in SELLERS}
        self.assertEqual(max(asp, key=asp.get), "seller3", "Chris sells the biggest deals")
        self.assertGreaterEqual(self.value("res.seller1.attainment"), 1)

    def test_mrr_bridge_from_the_subscription_rows(self):
        for n in (1, 6, 12):
            with self.subTest(month=n):
                month = NULL_DATE + timedelta(days=self.value(f"mrr.m{n}.month"))
                end = date(month.year + month.month // 12, month.month % 12 + 1, 1) - timedelta(days=1)
                opening, closing = self.value(f"mrr.m{n}.opening"), self.value(f"mrr.m{n}.closing")
                self.assertAlmostEqual(closing, mrr_at(self.subs, end), places=6)
                self.assertAlmostEqual(opening, mrr_at(self.subs, month - timedelta(days=1)), places=6)
                flows = [self.value(f"mrr.m{n}.{k}") for k in ("new", "expansion", "reactivation",
                                                               "contraction", "churned")]
                self.assertAlmostEqual(closing - opening, flows[0] + flows[1] + flows[2] - flows[3] - flows[4], places=6)
        last = NULL_DATE + timedelta(days=self.value("mrr.m12.month"))
        self.assertEqual(last, date(2025, 6, 1))
        self.assertClose(self.value("mrr.m12.arr"), 12 * self.value("mrr.m12.closing"), "ARR")

    def test_retention_of_the_last_twelve_months(self):
        year = lambda key: self.value(f"mrr.year.{key}")
        opening = self.value("mrr.m1.opening")
        churned = sum(self.value(f"mrr.m{n}.churned") for n in range(1, 13))
        contraction = sum(self.value(f"mrr.m{n}.contraction") for n in range(1, 13))
        expansion = sum(self.value(f"mrr.m{n}.expansion") for n in range(1, 13))
        self.assertClose(year("nrr"), (opening - churned - contraction + expansion) / opening, "NRR")
        self.assertClose(year("grr"), (opening - churned - contraction) / opening, "GRR")
        self.assertClose(self.value("tiles.value.nrr"), year("nrr"), "tile")
        self.assertEqual(self.value("cohort.c1.k0"), 1)
        self.assertEqual(self.cell("cohort.c12.k1").getString(), "", "after the last month: empty")

    def test_printed_summary_is_the_readmes(self):
        """scripts/show_workbook.py (the main job's output) prints the stage rates from the
        deal rows and the MRR bridge from the subscription rows; README shows that output."""
        sys.path.insert(0, SCRIPTS)
        from show_workbook import summary
        lines = summary(self.doc, self.layout)
        text = "\n".join(lines)
        self.assertIn("Qual→Demo", text)
        self.assertIn(f"{self.cell('fun.seller2.r2').getString():>10}", lines[10])
        self.assertTrue(lines[10].startswith("Bram Jansen"))
        self.assertIn(self.cell("mrr.m12.closing").getString(), text)
        self.assertIn("Last 12 months", text)
        with open(README, encoding="utf-8") as f:
            readme = f.read()
        for line in lines:
            self.assertIn(line, readme, "README's sample output is stale")

    def test_charts_and_conditional_formats(self):
        charts = {name: self.doc.Sheets.getByName(name).getCharts().getCount() for name in SHEETS}
        self.assertEqual(charts, {"Dashboard": 4, "Sellers": 0, "Activity": 0, "Economics": 1, "MRR": 0,
                                  "Deals": 0, "Subscriptions": 0})
        for key in ["res.seller1.attainment", "fun.team.ahead", "pipe.seller3.coverage", "tiles.value.attainment",
                    "dash.seller1.ahead", "econ.ltvcac.value", "mrr.m5.churn", "mrr.year.nrr"]:
            with self.subTest(key=key):
                self.assertGreaterEqual(self.cell(key).ConditionalFormat.getCount(), 2)

    def test_reordered_columns_show_the_same_figures(self):
        """The columns of the Sellers and MRR tables reversed (the first stays first, the
        MRR_BRIDGE block keeps its order): each key must show what it shows in the example.
        Reversing the bridge's own columns must fail the build, not write a wrong array."""
        def reorder(reverse_bridge):
            specs = generate.describe(generate.example_data())
            for spec in specs:
                for table in spec.blocks if spec.name in ("Sellers", "MRR") else ():
                    if not table.keyed or len(table.columns) <= 2:
                        continue
                    if table.key == "cohort" and not reverse_bridge:
                        continue
                    if table.key == "mrr" and not reverse_bridge:
                        fixed = 1 + len(mrr.BRIDGE)
                        table.columns = table.columns[:fixed] + table.columns[:fixed - 1:-1]
                    else:
                        table.columns = table.columns[:1] + table.columns[:0:-1]
            return specs

        with self.assertRaisesRegex(ValueError, "closing is left of opening"):
            generate.build(catalogue(), generate.example_data(), specs=reorder(True))
        specs = reorder(False)
        book = generate.build(catalogue(), generate.example_data(), specs=specs)
        with tempfile.TemporaryDirectory() as folder:
            path = os.path.join(folder, "reordered.fods")
            with open(path, "w", encoding="utf-8") as f:
                f.write(book.flat_xml())
            doc = self.office.load(path)
            try:
                doc.calculateAll()
                self.assertEqual(formula_errors(doc)[1], [])
                compared = 0
                for key in self.layout.where:
                    if key.split(".")[0] in ("res", "fun", "pipe", "mrr", "cohort", "dash", "tiles") \
                            and ":" not in self.layout.where[key][1]:
                        self.assertEqual(keyed(doc, book.layout, key).getString(), self.cell(key).getString(), key)
                        compared += 1
                self.assertGreater(compared, 300)
                self.assertNotEqual(book.layout.where["res.seller1.cycle"], self.layout.where["res.seller1.cycle"])
            finally:
                doc.close(True)


class DutchExample(OfficeTestCase):
    """The Dutch example: the same rows, every figure under every key the English one shows,
    with Dutch sheet names and the CRM's Dutch stage and status words."""

    def test_shows_the_english_examples_figures(self):
        english, dutch = (generate.build(catalogue(), generate.example_data(language), language=language).layout
                          for language in ("en", "nl"))
        docs = [self.office.load(os.path.join(EXAMPLES, generate.EXAMPLES[language])) for language in ("en", "nl")]
        try:
            for doc in docs:
                doc.calculateAll()
            self.assertEqual(list(docs[1].Sheets.getElementNames()), generate.sheet_names("nl"))
            self.assertEqual(formula_errors(docs[1])[1], [])
            compared = 0
            for key, (_, ref) in english.where.items():
                if ":" in ref or key.split(".")[0] in ("deals", "subs", "setup"):
                    continue
                a, b = keyed(docs[0], english, key), keyed(docs[1], dutch, key)
                self.assertEqual((b.getValue(), b.getError()), (a.getValue(), a.getError()), key)
                compared += a.getValue() != 0
            self.assertGreater(compared, 500)
            self.assertEqual(keyed(docs[1], dutch, "setup.won.value").getString(), "Gewonnen")
            self.assertEqual(keyed(docs[1], dutch, "setup.s1.value").getString(), "Gekwalificeerd")
        finally:
            for doc in docs:
                doc.close(True)


class Templates(unittest.TestCase):
    """The .ots files inside the .oxt, found through LibreOffice's own template machinery in
    an English and a Dutch UI."""

    def test_each_ui_language_lists_its_templates_which_open_as_new_workbooks(self):
        """A UI language is $(vlang) in a path: both offices have the Dutch language pack
        (the system's from ensure-packages, 25.2's from fetch-office.sh)."""
        for ui_language in TEMPLATE_GROUPS:
            with self.subTest(ui=ui_language), Office(ui_language=ui_language) as office:
                self.office = office
                substitution = office.create("com.sun.star.util.PathSubstitution")
                vlang = substitution.substituteVariables("$(vlang)", True)
                self.assertEqual(vlang, ui_language)
                groups = TEMPLATE_GROUPS[vlang]
                self.assertEqual(self.template_groups(), {group: sorted(title for title, *_ in templates)
                                                          for group, templates in groups.items()})
                for group, templates in groups.items():
                    for title, language, path in templates:
                        with self.subTest(template=title):
                            self.check_template(self.template_url(group, title), language, path)

    def template_groups(self):
        """Our groups as File > New > Templates lists them: {group: [titles]}."""
        templates = self.office.create("com.sun.star.frame.DocumentTemplates")
        root = templates.getContent().getIdentifier().getContentIdentifier()
        return {group: sorted(self.children(url)) for group, url in self.children(root).items()
                if group in ("Sales KPIs", "Verkoop-KPI's")}

    def children(self, url):
        files = self.office.create("com.sun.star.ucb.SimpleFileAccess")
        return {uno.fileUrlToSystemPath("file:///" + child.rsplit("/", 1)[1]).lstrip("/"): child
                for child in files.getFolderContents(url, True)}

    def template_url(self, group, title):
        templates = self.office.create("com.sun.star.frame.DocumentTemplates")
        root = templates.getContent().getIdentifier().getContentIdentifier()
        hierarchy_url = self.children(self.children(root)[group])[title]
        broker = self.office.create("com.sun.star.ucb.UniversalContentBroker")
        content = broker.queryContent(broker.createContentIdentifier(hierarchy_url))
        wanted = Property()
        wanted.Name, wanted.Handle = "TargetURL", -1
        command = Command("getPropertyValues", -1, uno.Any("[]com.sun.star.beans.Property", (wanted,)))
        return content.execute(command, 0, None).getString(1)

    def check_template(self, target, language, path):
        self.assertTrue(target.endswith(path), target)
        doc = self.office.desktop.loadComponentFromURL(
            target, "_blank", 0, (uno.createUnoStruct("com.sun.star.beans.PropertyValue", "AsTemplate", 0, True, 0),
                                  uno.createUnoStruct("com.sun.star.beans.PropertyValue", "Hidden", 0, True, 0)))
        data = generate.template_data(language)
        layout = generate.build(catalogue(), data, language=language).layout
        try:
            self.assertEqual(doc.getURL(), "", "a template opens as a new, untitled document")
            self.assertEqual(list(doc.Sheets.getElementNames()), generate.sheet_names(language))
            doc.calculateAll()
            count, errors = formula_errors(doc)
            self.assertGreater(count, 700)
            self.assertEqual(errors, [])
            self.assertEqual(doc.Sheets.getByName("Dashboard").getCharts().getCount(), 4)
            self.assertEqual([rows_of(doc, layout, "deals", ["owner", "amount"]),
                              rows_of(doc, layout, "subs", ["customer", "mrr"])], [[], []], "the template has no data")
            self.assertEqual(keyed(doc, layout, "res.seller1.win_rate").getString(), "", "nothing yet")
            self.check_first_rows_typed_in(doc, layout, data)
        finally:
            doc.close(True)

    def check_first_rows_typed_in(self, doc, layout, data):
        """Three deals of one seller and one week of calls, in the template's CRM words: the
        KPIs follow, the other sellers stay empty, and nothing shows an error."""
        keyed(doc, layout, "res.seller1.name").setString("Ann")
        keyed(doc, layout, "res.seller1.quota").setValue(20000)
        stage, status = data["stages"], data["status_words"]
        rows = [("Ann", stage[4], status["won"], 10000, 1, 45700, 45730),
                ("Ann", stage[1], status["lost"], 8000, 0, 45701, 45720),
                ("Ann", stage[2], status["open"], 6000, 0.5, 45710, None)]
        columns = ["owner", "stage", "status", "amount", "probability", "created", "closed"]
        for index, values in enumerate(rows):
            for column, value in zip(columns, values):
                cell = row_cell(doc, layout, f"deals.rows.{column}", index)
                if isinstance(value, str):
                    cell.setString(value)
                elif value is not None:
                    cell.setValue(value)
        keyed(doc, layout, "week.w1.week_of").setValue(45698)
        keyed(doc, layout, "week.w1.seller1_calls").setValue(60)
        keyed(doc, layout, "week.w1.seller1_hours").setValue(20)
        doc.calculateAll()
        value = lambda key: keyed(doc, layout, key).getValue()
        self.assertEqual(value("res.seller1.win_rate"), 0.5)
        self.assertEqual(value("res.seller1.cycle"), 30)
        self.assertEqual(value("pipe.seller1.weighted"), 3000)
        # reached: Qualified 3, Demo 3, Proposal 2, Negotiation 1, Won 1
        self.assertEqual([value(f"fun.seller1.r{k}") for k in range(1, 5)], [1, 2 / 3, 0.5, 1])
        self.assertEqual(value("fun.seller1.qualified_needed"), approx_ceil(2 / (2 / 3 * 0.5)))
        self.assertEqual(value("fun.seller1.calls_needed"), approx_ceil(6 / (3 / 60)))
        self.assertEqual(keyed(doc, layout, "res.seller2.asp").getString(), "", "a seller without deals shows nothing")
        self.assertEqual(formula_errors(doc)[1], [])
        self.check_percent_input_as_typed(doc, layout)

    def check_percent_input_as_typed(self, doc, layout):
        """Gross margin, a percent input: what Calc makes of what a user types there (in a
        cell formatted as a percentage Calc adds the %, so typing "70%" leaves "70%%")."""
        keyed(doc, layout, "econ.cost0.value").setValue(5000)
        margin, warning = keyed(doc, layout, "econ.margin.value"), keyed(doc, layout, "econ.margin.explain")
        payback = keyed(doc, layout, "econ.payback.value")
        margin.setValue(0.7)
        doc.calculateAll()
        expected = payback.getValue()
        self.assertAlmostEqual(expected, 5000 / (10000 / 12 * 0.7))
        self.assertEqual(warning.getString(), "")
        read_as = "Read as 70%" if layout.language == "en" else "Gelezen als 70%"
        for typed in ("70%%", "70 %%", "70%"):
            with self.subTest(typed=typed):
                margin.setString(typed)
                doc.calculateAll()
                self.assertEqual((payback.getError(), payback.getValue()), (0, expected))
                self.assertEqual(warning.getString(), read_as)
        margin.setString("seventy")
        doc.calculateAll()
        self.assertTrue(warning.getString().startswith("⚠"), warning.getString())
        self.assertNotEqual(payback.getError(), 0, "no number from a word: an error, never a silent value")
        margin.setValue(0.7)


if __name__ == "__main__":
    unittest.main()
