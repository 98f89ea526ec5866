"""The import recipes of docs/importing.md, followed in real Calc.

Each sample export in examples/imports/ is opened the way the recipe says (Calc's CSV
import with the recipe's separator and language, special numbers detected), so text
amounts such as "$12,250.50" and "12.500,00" and the export's dates must arrive as
numbers; then the recipe's column mapping (RECIPES below, the same tables as the docs) is
pasted into the template: the stages into the Deals sheet's stage table, the owners onto
the Sellers sheet. Recalculated, the template must show no error cell and the figures the
sample's rows give by hand.
"""
import csv
import os
import tempfile
import unittest
from datetime import date

import uno

from workbook import generate
from calc_support import OfficeTestCase, catalogue
from office.driver import formula_errors, keyed, properties

IMPORTS = os.path.join(os.path.dirname(__file__), "..", "..", "examples", "imports")
EN_US, NL_NL = 1033, 1043
NULL_DATE = date(1899, 12, 30)


def column(name):
    return lambda row: row[name]


def mapped(name, table):
    """Find & Replace in the export: values of `table` replaced, others kept."""
    return lambda row: table.get(row[name], row[name])


def first_of(*names):
    return lambda row: next((row[n] for n in names if row[n] != ""), "")


def percent(name):
    """A 0-100 probability: Paste Special > Divide by 100."""
    return lambda row: row[name] / 100 if row[name] != "" else ""


def furthest(stages, base):
    """HubSpot: a lost deal's stage is the last stage with a 'Date entered' date."""
    return lambda row: next((stage for stage, entered in reversed(stages) if row[entered] != ""), base)


DATE_ENTERED = 'Date entered "{} (Sales Pipeline)"'
HUBSPOT_STAGES = ["Qualified To Buy", "Presentation Scheduled", "Decision Maker Bought-In", "Contract Sent", "Closed Won"]
RECIPES = {
    "hubspot-deals.csv": dict(
        separator=",", language=EN_US, stages=HUBSPOT_STAGES,
        owner=column("Deal owner"),
        stage=lambda row: (row["Deal Stage"] if row["Deal Stage"] != "Closed Lost" else furthest(
            [(s, DATE_ENTERED.format(s)) for s in HUBSPOT_STAGES[1:4]], HUBSPOT_STAGES[0])(row)).replace(
            "Appointment Scheduled", "Qualified To Buy"),
        status=mapped("Deal Stage", {"Closed Won": "Won", "Closed Lost": "Lost", **{
            s: "Open" for s in ["Appointment Scheduled"] + HUBSPOT_STAGES[:4]}}),
        amount=column("Amount"), probability=column("Deal probability"), created=column("Create Date"),
        closed=lambda row: row["Close Date"] if row["Deal Stage"] in ("Closed Won", "Closed Lost") else ""),
    "pipedrive-deals.csv": dict(
        separator=",", language=EN_US, stages=["Qualified", "Contact Made", "Demo Scheduled", "Proposal Made", "Won"],
        owner=column("Deal - Owner"),
        stage=lambda row: "Won" if row["Deal - Status"] == "Won" else mapped(
            "Deal - Stage", {"Negotiations Started": "Proposal Made"})(row),
        status=column("Deal - Status"), amount=column("Deal - Value"), probability=percent("Deal - Probability"),
        created=column("Deal - Deal created"), closed=first_of("Deal - Won time", "Deal - Lost time")),
    "salesforce-opportunities.csv": dict(
        separator=",", language=EN_US,
        stages=["Qualification", "Needs Analysis", "Proposal/Price Quote", "Negotiation/Review", "Closed Won"],
        owner=column("Opportunity Owner"), stage=mapped("Stage", {"Closed Lost": "Qualification"}),
        status=lambda row: {"Closed Won": "Won", "Closed Lost": "Lost"}.get(row["Stage"], "Open"),
        amount=column("Amount"), probability=percent("Probability (%)"), created=column("Created Date"),
        closed=lambda row: row["Close Date"] if row["Stage"].startswith("Closed") else ""),
    "teamleader-deals.csv": dict(
        separator=";", language=NL_NL,
        stages=["Nieuw", "Contact gelegd", "Offerte verstuurd", "Onderhandeling", "Gewonnen"],
        owner=column("Verantwoordelijke"),
        stage=lambda row: "Gewonnen" if row["Status"] == "gewonnen" else row["Fase"],
        status=mapped("Status", {"gewonnen": "Won", "verloren": "Lost", "open": "Open"}),
        amount=column("Bedrag"), probability=column("Kans op succes"), created=column("Aangemaakt op"),
        closed=column("Beslist op")),
    "odoo-opportunities.csv": dict(
        separator=",", language=EN_US, stages=["New", "Qualified", "Proposition", "Negotiation", "Won"],
        owner=column("Salesperson"), stage=column("Stage"),
        status=lambda row: "Won" if row["Stage"] == "Won" else "Lost" if row["Active"] in (False, "False") else "Open",
        amount=column("Expected Revenue"), probability=percent("Probability"), created=column("Created on"),
        closed=column("Closed Date")),
    "stripe-subscriptions.csv": dict(
        separator=",", language=EN_US, customer=column("Customer ID"), start=column("Start (UTC)"),
        end=column("Ended At (UTC)"),
        mrr=lambda row: row["Amount"] * row["Quantity"] / (12 if row["Interval"] == "year" else 1)),
    "chargebee-subscriptions.csv": dict(
        separator=",", language=EN_US, customer=column("subscription.customer_id"),
        start=column("subscription.started_at"), end=column("subscription.cancelled_at"),
        mrr=column("subscription.mrr")),
}
DEAL_COLUMNS = ["owner", "stage", "status", "amount", "probability", "created", "closed"]
SUBSCRIPTION_COLUMNS = ["customer", "start", "end", "mrr"]
NUMBERS = {"amount", "probability", "created", "closed", "start", "end", "mrr"}


class ImportRecipes(OfficeTestCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        folder = tempfile.TemporaryDirectory()
        cls.addClassCleanup(folder.cleanup)
        cls.template = os.path.join(folder.name, "team-kpis.ots")
        with open(cls.template, "wb") as f:
            f.write(generate.build(catalogue(), generate.template_data()).package())
        cls.layout = generate.build(catalogue(), generate.template_data()).layout

    def test_every_sample_has_a_recipe_and_a_dozen_rows(self):
        self.assertEqual(sorted(os.listdir(IMPORTS)), sorted(RECIPES))
        with open(os.path.join(os.path.dirname(__file__), "..", "..", "docs", "importing.md"), encoding="utf-8") as f:
            docs = f.read()
        for name in RECIPES:
            with self.subTest(name):
                with open(os.path.join(IMPORTS, name), encoding="utf-8") as f:
                    self.assertEqual(len(list(csv.reader(f, delimiter=RECIPES[name]["separator"]))), 13)
                self.assertIn(f"examples/imports/{name}", docs)
        # the cells the docs send the user to are where the layout puts them
        for key, text in (("setup.order.value", "J5:J9"), ("deals.rows.owner", "A5"),
                          ("setup.won.value", "J12:J14")):
            self.assertTrue(self.layout.where[key][1].startswith(text.split(":")[0]), key)
            self.assertIn(text, docs)

    def opened(self, name):
        """The export as Calc opens it: rows as dicts of what each cell holds."""
        recipe = RECIPES[name]
        options = f"{ord(recipe['separator'])},34,76,1,,{recipe['language']},false,true"
        doc = self.office.load(os.path.join(IMPORTS, name),
                               FilterName="Text - txt - csv (StarCalc)", FilterOptions=options)
        try:
            data = doc.Sheets.getByIndex(0).getCellRangeByName("A1:Z13").getDataArray()
        finally:
            doc.close(True)
        header = [h for h in data[0] if h != ""]
        return [dict(zip(header, row)) for row in data[1:]]

    def pasted(self, name, columns, table):
        recipe = RECIPES[name]
        rows = [[recipe[c](row) for c in columns] for row in self.opened(name)]
        for row in rows:
            for c, value in zip(columns, row):
                if c in NUMBERS and value != "":
                    self.assertIsInstance(value, float, f"{name}: {c} {value!r} arrived as text")
        doc = self.office.load(self.template, AsTemplate=True)
        self.addCleanup(doc.close, True)
        for c_index, c in enumerate(columns):
            sheet, ref = self.layout.where[f"{table}.rows.{c}"]
            cells = doc.Sheets.getByName(sheet).getCellRangeByName(ref)
            for index, row in enumerate(rows):
                value = row[c_index]
                if isinstance(value, str) and value != "":
                    cells.getCellByPosition(0, index).setString(value)
                elif value != "":
                    cells.getCellByPosition(0, index).setValue(value)
        return doc, rows

    def check_deals(self, name):
        doc, rows = self.pasted(name, DEAL_COLUMNS, "deals")
        stages = RECIPES[name]["stages"]
        for k, stage in enumerate(stages, start=1):
            keyed(doc, self.layout, f"setup.s{k}.value").setString(stage)
        owners = sorted({row[0] for row in rows})
        for n, owner in enumerate(owners, start=1):
            keyed(doc, self.layout, f"res.seller{n}.name").setString(owner)
            keyed(doc, self.layout, f"res.seller{n}.quota").setValue(50000)
            keyed(doc, self.layout, f"pipe.seller{n}.quota_next").setValue(30000)
            keyed(doc, self.layout, f"week.w1.seller{n}_calls").setValue(300)
            keyed(doc, self.layout, f"week.w1.seller{n}_hours").setValue(30)
        doc.calculateAll()
        self.assertEqual(formula_errors(doc)[1], [])
        value = lambda key: keyed(doc, self.layout, key).getValue()
        won = [row for row in rows if row[2] == "Won"]
        lost = [row for row in rows if row[2] == "Lost"]
        self.assertEqual(value("res.team.won"), len(won))
        self.assertAlmostEqual(value("res.team.revenue"), sum(row[3] for row in won), places=6)
        self.assertAlmostEqual(value("res.team.win_rate"), len(won) / (len(won) + len(lost)), places=12)
        self.assertEqual(value("res.unmatched.deals"), 0)
        reached = [sum(1 for row in rows if stages.index(row[1]) >= k) for k in range(5)]
        for k in range(4):
            self.assertAlmostEqual(value(f"fun.team.r{k + 1}"), reached[k + 1] / reached[k], places=12)
        for n in range(1, len(owners) + 1):
            self.assertGreater(value(f"fun.seller{n}.calls_needed"), 0)
        self.assertGreater(value("tiles.value.attainment"), 0)

    def check_subscriptions(self, name):
        doc, rows = self.pasted(name, SUBSCRIPTION_COLUMNS, "subs")
        doc.calculateAll()
        self.assertEqual(formula_errors(doc)[1], [])
        value = lambda key: keyed(doc, self.layout, key).getValue()
        last = NULL_DATE.toordinal() + int(value("mrr.m12.month"))
        month_end = date.fromordinal(last)
        month_end = date(month_end.year + month_end.month // 12, month_end.month % 12 + 1, 1).toordinal() - 1
        serial = month_end - NULL_DATE.toordinal()
        expected = sum(row[3] for row in rows if row[1] <= serial and (row[2] == "" or serial < row[2]))
        self.assertAlmostEqual(value("mrr.m12.closing"), expected, places=6)
        self.assertGreater(value("mrr.year.new"), 0)
        self.assertEqual(keyed(doc, self.layout, "mrr.m12.arr").getError(), 0)

    def test_hubspot(self):
        self.check_deals("hubspot-deals.csv")

    def test_pipedrive(self):
        self.check_deals("pipedrive-deals.csv")

    def test_salesforce_text_amounts_in_us_format(self):
        self.check_deals("salesforce-opportunities.csv")

    def test_teamleader_dutch_amounts_and_dates(self):
        self.check_deals("teamleader-deals.csv")

    def test_odoo(self):
        self.check_deals("odoo-opportunities.csv")

    def test_stripe(self):
        self.check_subscriptions("stripe-subscriptions.csv")

    def test_chargebee(self):
        self.check_subscriptions("chargebee-subscriptions.csv")


if __name__ == "__main__":
    unittest.main()
