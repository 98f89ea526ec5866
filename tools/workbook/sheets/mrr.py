"""Recurring revenue from the subscription rows: the MRR bridge of the last twelve months
(one MRR_BRIDGE array), customers, churn, retention and quick ratio per month and over the
last three and twelve months, and a logo-retention cohort table (one COHORT_TABLE array)."""
from catalogue.model import load_source, result_columns
from workbook.layout import C, Label, Row, SheetSpec, Table

from workbook.sheets.common import SHEET_NAMES, flag, headers, percent_warning, section, subtitle, title

MONTHS = [f"m{n}" for n in range(1, 13)]
ROWS = "{subs.rows.customer};{subs.rows.start};{subs.rows.end};{subs.rows.mrr}"
BRIDGE = result_columns(load_source(), "MRR_BRIDGE")  # the array's columns, in its order
# key, header (en, nl), style, note, formula of a month, when
PER_MONTH = [
    ("customers", ("Customers", "Klanten"), "CalcInt", Label("CUSTOMERS_AT(...; month end).", "CUSTOMERS_AT(...; maandeinde)."),
     f"CUSTOMERS_AT({ROWS};EOMONTH({{month}};0))", None),
    ("cust_opening", ("Customers at the start", "Klanten aan het begin"), "CalcInt", None,
     f"CUSTOMERS_AT({ROWS};EOMONTH({{month}};-1))", None),
    ("cust_new", ("New customers", "Nieuwe klanten"), "CalcInt", None, f"CUSTOMERS_NEW({ROWS};{{month}})", None),
    ("cust_churned", ("Customers lost", "Verloren klanten"), "CalcInt", None, f"CUSTOMERS_CHURNED({ROWS};{{month}})", None),
    ("churn", ("Customer churn", "Klantchurn"), "CalcPct1",
     Label("CHURN_RATE(lost; customers at the start). Red above the monthly churn that meets the target.",
          "CHURN_RATE(verloren; klanten aan het begin). Rood boven de maandchurn die bij het doel past."),
     "CHURN_RATE({cust_churned};{cust_opening})", "{cust_opening}>0"),
    ("gross_churn", ("Gross MRR churn", "Bruto MRR-churn"), "CalcPct1",
     Label("GROSS_MRR_CHURN(opening; churned; contraction).", "GROSS_MRR_CHURN(begin; opgezegd; krimp)."),
     "GROSS_MRR_CHURN({opening};{churned};{contraction})", "{opening}>0"),
    ("grr", ("GRR", "GRR"), "CalcPct1",
     Label("GRR(opening; churned; contraction): what existing customers kept.",
          "GRR(begin; opgezegd; krimp): wat bestaande klanten behielden."),
     "GRR({opening};{churned};{contraction})", "{opening}>0"),
    ("nrr", ("NRR", "NRR"), "CalcPct1",
     Label("NRR(opening; churned; contraction; expansion). Green from 100 %.",
          "NRR(begin; opgezegd; krimp; uitbreiding). Groen vanaf 100 %."),
     "NRR({opening};{churned};{contraction};{expansion})", "{opening}>0"),
    ("quick", ("Quick ratio", "Quick ratio"), "CalcDec",
     Label("QUICK_RATIO(new; expansion; churned; contraction; reactivation): MRR won per MRR lost; green from 4.",
          "QUICK_RATIO(nieuw; uitbreiding; opgezegd; krimp; reactivering): gewonnen per verloren MRR; groen vanaf 4."),
     "QUICK_RATIO({new};{expansion};{churned};{contraction};{reactivation})", "{churned}+{contraction}>0"),
    ("arr", ("ARR", "ARR"), "CalcMoney", Label("MRR_TO_ARR(closing MRR).", "MRR_TO_ARR(MRR aan het eind)."),
     "MRR_TO_ARR({closing})", None),
    ("arpa", ("ARPA", "ARPA"), "CalcMoney", Label("ARPA(closing MRR; customers).", "ARPA(MRR aan het eind; klanten)."),
     "ARPA({closing};{customers})", "{customers}>0"),
]
HEADERS = {"month": ("Month", "Maand"), "opening": ("Opening MRR", "MRR begin"), "new": ("+ New", "+ Nieuw"),
           "expansion": ("+ Expansion", "+ Uitbreiding"), "reactivation": ("+ Reactivation", "+ Reactivering"),
           "contraction": ("− Contraction", "− Krimp"), "churned": ("− Churned", "− Opgezegd"),
           "closing": ("Closing MRR", "MRR eind")}
SUMMED = ["new", "expansion", "reactivation", "contraction", "churned", "cust_new", "cust_churned"]


def month_row(index):
    key = MONTHS[index]
    cells = {"month": C(formula=f"=EDATE({{$mrr_top.last.value}};{index - 11})", style="CalcMonth")}
    for column in BRIDGE:
        cells[column] = C(covered=True, style="CalcMoney")
    if index == 0:
        cells["opening"] = C(formula=f"=MRR_BRIDGE({ROWS};{{mrr.months.month}})", style="CalcMoney",
                             matrix=(MONTHS[-1], "closing"),
                             note=Label("MRR_BRIDGE(customers; starts; ends; MRR; months): one array, a row a month.",
                                       "MRR_BRIDGE(klanten; starts; eindes; MRR; maanden): één matrix, een rij per maand."))
    for column, _, style, _, formula, when in PER_MONTH:
        cells[column] = C(formula="=" + formula, style=style, when=when)
    return Row(key, cells, group="months")


def period_row(key, label, first):
    """The last 3 or 12 months: flows summed, opening of the first month, closing of the last."""
    cells = {"month": C(label, style="TeamText", text=True)}
    cells["opening"] = C(formula=f"={{{first}.opening}}", style="TeamMoney")
    cells["closing"] = C(formula="={m12.closing}", style="TeamMoney")
    cells["customers"] = C(formula="={m12.customers}", style="TeamInt")
    cells["cust_opening"] = C(formula=f"={{{first}.cust_opening}}", style="TeamInt")
    for column in SUMMED:
        style = "TeamInt" if column.startswith("cust") else "TeamMoney"
        cells[column] = C(formula=f"=SUM({{{first}.{column}}}:{{m12.{column}}})", style=style)
    for column, _, style, _, formula, when in PER_MONTH:
        if column not in cells:
            formula = ("CHURN_RATE({cust_churned};{cust_opening};{cust_new})" if column == "churn" else formula)
            cells[column] = C(formula="=" + formula, style=style.replace("Calc", "Team"), when=when)
    return Row(key, cells)


def mrr_sheet(data):
    target = data["assumptions"]["churn_target"]
    top = Table("mrr_top", ["label", "value", "warning"], [
        title("title", Label("Recurring revenue", "Terugkerende omzet")),
        subtitle("subtitle", Label("From the Subscriptions rows: the last twelve months up to the month of the latest "
                                "start. Amounts in € a month.",
                                "Uit de rijen van Abonnementen: de laatste twaalf maanden tot de maand van de laatste "
                                "start. Bedragen in € per maand.")),
        Row("last", {"label": C(Label("Last month", "Laatste maand"), style="Label"),
                     "value": C(formula="=DATE(YEAR(MAX({subs.rows.start}));MONTH(MAX({subs.rows.start}));1)",
                                style="CalcMonth")}),
        Row("target", {"label": C(Label("Churn target for a year", "Churndoel per jaar"), style="Label"),
                       "warning": percent_warning(),
                       "value": C(target, style="InputPct", kind="percentage", percent=True,
                                  note=Label("The most customer churn a year you accept.",
                                            "De hoogste klantchurn per jaar die u aanvaardt."))}),
        Row("target_month", {"label": C(Label("Monthly churn that meets it", "Maandchurn die daarbij past"), style="Label"),
                             "value": C(formula="=CHURN_MONTHLY({target})", style="CalcPct1",
                                        note=Label("CHURN_MONTHLY(annual) = 1 − (1 − annual)^(1/12), not annual / 12.",
                                                  "CHURN_MONTHLY(jaar) = 1 − (1 − jaar)^(1/12), niet jaar / 12."))}),
        Row("churn_year", {"label": C(Label("Churn of the last year", "Churn van het laatste jaar"), style="Label"),
                           "value": C(formula="=CHURN_ANNUAL(AVERAGE({mrr.months.churn}))", style="CalcPct1",
                                      note=Label("CHURN_ANNUAL(the months' average churn), not 12 × monthly.",
                                                "CHURN_ANNUAL(gemiddelde maandchurn), niet 12 × maand."))}),
    ])
    columns = ["month", *BRIDGE, *(c[0] for c in PER_MONTH)]
    header = {key: HEADERS[key] for key in ["month", *BRIDGE]}
    header.update({c[0]: ((c[1], c[3]) if c[3] else c[1]) for c in PER_MONTH})
    table = Table("mrr", columns, [
        section("section", Label("MRR bridge per month (MRR_BRIDGE) and what follows from it",
                              "MRR-brug per maand (MRR_BRIDGE) en wat eruit volgt"), span=len(columns)),
        headers("header", header),
        *(month_row(index) for index in range(12)),
        period_row("quarter", Label("Last 3 months", "Laatste 3 maanden"), "m10"),
        period_row("year", Label("Last 12 months", "Laatste 12 maanden"), "m1"),
    ], gap=1)
    cohort_columns = ["cohort", *(f"k{n}" for n in range(12))]
    cohort_rows = [section("section", Label("Logo retention by cohort (COHORT_TABLE): share of a month's new customers "
                                         "still paying k months later",
                                         "Klantretentie per cohort (COHORT_TABLE): deel van de nieuwe klanten van een "
                                         "maand dat k maanden later nog betaalt"), span=len(cohort_columns)),
                   headers("header", {"cohort": ("Cohort", "Cohort"),
                                      **{f"k{n}": (f"+{n}", f"+{n}") for n in range(12)}}, height=0.9)]
    for index in range(12):
        cells = {"cohort": C(formula=f"={{mrr.{MONTHS[index]}.month}}", style="CalcMonth")}
        cells.update({f"k{n}": C(covered=True, style="CalcPct") for n in range(12)})
        if index == 0:
            cells["k0"] = C(formula=f"=COHORT_TABLE({ROWS};{{mrr.months.month}})", style="CalcPct",
                            matrix=("c12", "k11"))
        cohort_rows.append(Row(f"c{index + 1}", cells, group="cohorts"))
    cohorts = Table("cohort", cohort_columns, cohort_rows, gap=2)
    spec = SheetSpec(SHEET_NAMES["MRR"], [6.4] + [2.4] * 19, [top, table, cohorts], tab_color="#c55a11")
    flag(spec, "mrr.m1.churn..mrr.m12.churn", "<={$mrr_top.target_month.value}", bad=">{$mrr_top.target_month.value}")
    flag(spec, "mrr.m1.nrr..mrr.year.nrr", ">=1", watch=">=0.9", bad="<0.9")
    flag(spec, "mrr.m1.quick..mrr.year.quick", ">=4", watch=">=1", bad="<1")
    return spec
