"""Unit economics: LTV, CAC and the 1/3 rule, from the team's deal results."""
from workbook.a1 import range_address
from workbook.odf.charts import Chart
from workbook.layout import C, Label, Row, SheetSpec, Table

from workbook.sheets.common import EXPLAINED_HEIGHT, SERIES, SHEET_NAMES, flag, percent_warning, section, subtitle, title
from workbook.sheets.data import COST_LINES


def economics_sheet(data):
    a = data["assumptions"]

    def value_row(key, label, cell, note=None):
        """The label, the value, and what it means (also the cell's note)."""
        cell.note = note
        cells = {"label": C(Label(*label), style="Label"), "value": cell}
        if note and key != "verdict":
            cells["explain"] = C(note, style="Explain")
        return Row(key, cells, height=EXPLAINED_HEIGHT if note and key != "verdict" else None)

    def calc(key, label, formula, style, note=None, **options):
        return value_row(key, label, C(formula=formula, style=style, **options), note)

    def given(key, label, value, style, note=None):
        percent = style == "InputPct"
        row = value_row(key, label, C(value, style=style, kind="percentage" if percent else None, percent=percent),
                        note)
        if percent:
            row.cells["explain"] = percent_warning()
        return row

    costs = [f"cost{n}" for n in range(len(COST_LINES))]
    rows = [
        title("title", Label("Unit economics", "Klantwaarde en wervingskosten")),
        subtitle("subtitle", Label("What a customer brings in (LTV), what winning one costs (CAC), and the 1/3 "
                                   "rule between them.", "Wat een klant oplevert (LTV), wat het werven kost (CAC), "
                                   "en de 1/3-regel daartussen.")),
        Row("blank0", {}, keyed=False),
        section("s_ltv", Label("Deal size and lifetime value", "Dealgrootte en klantwaarde"), span=3, height=0.8),
        calc("revenue", ("Revenue won this period", "Gewonnen omzet deze periode"), "={res.team.revenue}",
             "CalcMoney", Label("From the Sellers sheet (team).", "Van het blad Verkopers (team).")),
        calc("customers", ("New customers (deals won)", "Nieuwe klanten (gewonnen deals)"), "={res.team.won}",
             "CalcInt", Label("From the Sellers sheet (team).", "Van het blad Verkopers (team).")),
        calc("asp", ("Average deal size (ASP)", "Gemiddelde dealgrootte (ASP)"), "=ASP({revenue};{customers})",
             "CalcMoney", Label("ASP(revenue; deals): a first-year contract value.",
                          "ASP(omzet; deals): contractwaarde van het eerste jaar.")),
        given("purchases", ("Purchases per year", "Aankopen per jaar"), a["purchases_per_year"], "InputDec",
              Label("1 for an annual subscription.", "1 bij een jaarabonnement.")),
        given("years", ("Years as a customer", "Jaren als klant"), a["years"], "InputDec",
              Label("How long a customer stays; CUSTOMER_LIFETIME(annual churn) estimates it.",
              "Hoe lang een klant blijft; CUSTOMER_LIFETIME(jaarchurn) schat dat.")),
        calc("ltv", ("Customer lifetime value (LTV)", "Klantwaarde (LTV)"), "=LTV({asp};{purchases};{years})",
             "CalcMoney", Label("LTV(ASP; purchases per year; years): revenue over the customer's life.",
                          "LTV(ASP; aankopen per jaar; jaren): omzet over de hele klantrelatie.")),
        Row("blank1", {}, keyed=False),
        section("s_cac", Label("Acquisition cost (CAC)", "Wervingskosten (CAC)"), span=3, height=0.8),
        *(given(key, (en, nl), data["costs"][n] if data["costs"] else None, "InputMoney")
          for n, (key, ((en, nl), _)) in enumerate(zip(costs, COST_LINES))),
        calc("total", ("Sales and marketing cost this period", "Sales- en marketingkosten deze periode"),
             "=SUM({costs})", "CalcMoney", guard=False),
        calc("cac", ("Customer acquisition cost (CAC)", "Klantwervingskosten (CAC)"), "=CAC({costs};{customers})",
             "CalcMoney", Label("CAC(cost lines; new customers).", "CAC(kostenregels; nieuwe klanten).")),
        Row("blank2", {}, keyed=False),
        section("s_rule", Label("The 1/3 rule: CAC at most a third of LTV", "De 1/3-regel: CAC hooguit een derde van LTV"),
                span=3, height=0.8),
        given("ratio", ("Target LTV:CAC", "Beoogde LTV:CAC"), 3, "InputDec",
              Label("3 is the usual rule of thumb.", "3 is de gebruikelijke vuistregel.")),
        calc("cacmax", ("Most a customer may cost (CAC_MAX)", "Maximale CAC (CAC_MAX)"), "=CAC_MAX({ltv};{ratio})",
             "CalcMoney", Label("CAC_MAX(LTV; target ratio) = LTV / 3.", "CAC_MAX(LTV; beoogde verhouding) = LTV / 3.")),
        calc("ltvcac", ("LTV:CAC", "LTV:CAC"), "=LTV_CAC({ltv};{cac})", "CalcRatio",
             Label("LTV_CAC(LTV; CAC). Green at the target or above, red below 1.",
             "LTV_CAC(LTV; CAC). Groen op of boven het doel, rood onder 1.")),
        calc("share", ("CAC as a share of LTV", "CAC als deel van LTV"), "={cac}/{ltv}", "CalcPct",
             Label("At most 1 / target (33 %).", "Hooguit 1 / doel (33 %).")),
        calc("verdict", ("Verdict", "Oordeel"),
             Label('=IF({cac}<={cacmax};"✓ CAC within the 1/3 rule";"✗ CAC above CAC_MAX")',
                   '=IF({cac}<={cacmax};"✓ CAC binnen de 1/3-regel";"✗ CAC boven CAC_MAX")'),
             "Verdict", span=2, text=True),
        Row("blank3", {}, keyed=False),
        section("s_payback", Label("Payback", "Terugverdientijd"), span=3, height=0.8),
        given("margin", ("Gross margin", "Brutomarge"), a["gross_margin"], "InputPct"),
        calc("arpa", ("Monthly revenue of a new customer", "Maandomzet van een nieuwe klant"), "=ARR_TO_MRR({asp})",
             "CalcMoney", Label("ARR_TO_MRR(ASP): the first-year contract value per month.",
                          "ARR_TO_MRR(ASP): de contractwaarde van het eerste jaar per maand.")),
        calc("payback", ("CAC payback (months)", "Terugverdientijd CAC (maanden)"),
             "=CAC_PAYBACK({cac};{arpa};{margin})", "CalcDec",
             Label("CAC_PAYBACK(CAC; monthly revenue; gross margin). Green up to 12 months, amber up to 18.",
             "CAC_PAYBACK(CAC; maandomzet; brutomarge). Groen tot 12 maanden, oranje tot 18.")),
    ]
    values = Table("econ", ["label", "value", "explain"], rows)
    # The cost lines are one range: CAC takes them all.
    for row in rows:
        if row.key in costs:
            row.group = "costs"
    chart_rows = [Row("heading", {"label": C(Label("Chart data", "Grafiekgegevens"), style="Group", span=2)},
                      keyed=False)]
    chart_rows += [Row(key, {"label": C(label, style="Label"),
                             "value": C(formula=f"={{econ.{key}.value}}", style="CalcMoney")})
                   for label, key in (("LTV", "ltv"), ("CAC_MAX = LTV / 3", "cacmax"), ("CAC", "cac"))]
    chart = Table("econ_chart", ["label", "value"], chart_rows, at=("E", "econ", "s_rule"))
    spec = SheetSpec(SHEET_NAMES["Economics"], [7.4, 3.0, 11.0, 0.6, 4.2, 3.0], [values, chart],
                     tab_color="#bf9000")
    flag(spec, "econ.ltvcac.value", ">={econ.ratio.value}", watch=">=1", bad="<1")
    flag(spec, "econ.share.value", "<=1/{econ.ratio.value}", bad=">1/{econ.ratio.value}")
    flag(spec, "econ.verdict.value", "formula-is({econ.cac.value}<={econ.cacmax.value})", bad="formula-is({econ.cac.value}>{econ.cacmax.value})")
    flag(spec, "econ.payback.value", "<=12", watch="<=18", bad=">18")
    spec.charts.append(("E4", lambda layout: Chart(
        layout.text(Label("The 1/3 rule", "De 1/3-regel")), chart_range(layout, "econ_chart", "ltv", "cac", "label"),
        [{"values": chart_range(layout, "econ_chart", "ltv", "cac", "value"), "color": SERIES[0], "labels": True}],
        width_cm=7.2, height_cm=7.0, legend=False, name="OneThirdRule")))
    return spec


def chart_range(layout, table, first, last, column):
    """A chart's range from one row's cell to another's, as ODF writes it."""
    placed = layout.tables[table]
    letter = placed.column_letter(column)
    return range_address(layout.sheet_of(table),
                         f"{letter}{placed.row_number(first)}:{letter}{placed.row_number(last)}")
