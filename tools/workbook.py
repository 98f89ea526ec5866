#!/usr/bin/env python3
"""The team KPI workbook: one description, two files.

    workbook.py CATALOGUE example OUT.fods   the example: five sellers, one quarter (13 weeks)
    workbook.py CATALOGUE template OUT.ots   the template in the .oxt: same layout, no data
    workbook.py CATALOGUE check FODS         exit 1 when the committed example is stale

Five sheets: Dashboard, Activity, Pipeline, Economics, Subscriptions. Yellow cells are
inputs. The template keeps the assumptions (stage probabilities, the 1/3 rule, purchases
per year...) and leaves every data cell empty; its formulas show nothing until their
inputs are there. Labels are English and Dutch side by side ("Calls / Belpogingen"): one
workbook for a mixed team, one set of formulas to keep right, and the KPI names are the
same in both languages anyway.

Formulas are written as an en-US user types them; tools/odf.py stores them as ODF.
"""
import json
import random
import re
import sys
from datetime import date

from layout import C, Layout, Row, SheetSpec, Table, write
from odf import Chart, FormulaTranslator, Sheet, Workbook, range_address

WEEKS = 13
SELLER_COUNT = 5
HEADER_HEIGHT = 1.45  # cm: four lines of a wrapped two-language column header
EXPLAINED_HEIGHT = 0.95  # cm: a row with an explanation beside it (three short lines)
TITLE = "Team KPIs · Team-KPI's (saleskpi)"

# Colours: inputs yellow, calculated white/grey, and the three flags of the legend.
NAVY, GREY, RULE = "#1f3864", "#595959", "#8eaadb"
INPUT_FILL, INPUT_BORDER = "#fff2cc", "0.75pt solid #bf9000"
HEADER_FILL, TEAM_FILL, TILE_FILL = "#dce6f2", "#eef3fa", "#f2f2f2"
GOOD, WATCH, BAD = ("#c6efce", "#006100"), ("#ffeb9c", "#7f6000"), ("#ffc7ce", "#9c0006")
SERIES = ["#2f5597", "#8faadc", "#f4b183", "#a9d18e", "#ffd966"]


def bi(en, nl):
    """A label in both languages, on one line."""
    return f"{en} / {nl}"


def head(en, nl):
    """A column header: English above Dutch."""
    return f"{en}\n{nl}"


# ====================================================================== example data
class Profile:
    """How one seller of the example works: per week and per stage of the funnel."""

    def __init__(self, name, hours, calls_per_hour, lead, meeting, win, lost_per_won,
                 deal_size, quota, weeks_off=()):
        self.name, self.hours, self.calls_per_hour = name, hours, calls_per_hour
        self.lead, self.meeting, self.win, self.lost_per_won = lead, meeting, win, lost_per_won
        self.deal_size, self.quota, self.weeks_off = deal_size, quota, set(weeks_off)


EXAMPLE_TEAM = "Inside Sales Benelux"
EXAMPLE_START = date(2025, 3, 31)          # Monday of ISO week 14: Q2 2025
PUBLIC_HOLIDAY_DAYS = {4: 1, 6: 1, 9: 2, 11: 1}   # Easter Monday, 5 May, Ascension (+ Friday), Whit Monday
EXAMPLE_SELLERS = [
    Profile("Anouk de Vries", 25, 2.5, 0.17, 0.42, 0.30, 2.0, 8900, 8500),
    Profile("Bram Jansen", 27, 3.0, 0.12, 0.36, 0.22, 2.9, 8200, 8500),
    Profile("Chris Bakker", 22, 2.1, 0.17, 0.40, 0.28, 2.0, 10400, 8500),
    Profile("Daan Visser", 23, 2.4, 0.15, 0.35, 0.25, 3.1, 7600, 8000),
    Profile("Eva Smit", 24, 2.6, 0.16, 0.38, 0.22, 2.7, 7800, 6000, weeks_off=[7]),
]
STAGES = [("Qualified", "Gekwalificeerd", 0.10), ("Demo", "Demo", 0.25),
          ("Proposal", "Offerte", 0.50), ("Negotiation", "Onderhandeling", 0.75)]
EXAMPLE_PIPELINE = [  # per stage (EUR), open opportunities, sales cycle in days, next quarter's quota
    ([190000, 130000, 85000, 40000], 48, 42, 114000),
    ([260000, 150000, 80000, 30000], 61, 51, 110500),
    ([120000, 90000, 60000, 35000], 29, 38, 114000),
    ([210000, 110000, 55000, 20000], 47, 56, 104000),
    ([190000, 115000, 70000, 25000], 40, 47, 91000),
]
COST_LINES = [("Sales salaries and commission", "Salarissen en provisie sales", 214000),
              ("Marketing team", "Marketingteam", 68000),
              ("Advertising and campaigns", "Advertenties en campagnes", 54000),
              ("Events and trade shows", "Evenementen en beurzen", 23500),
              ("Tools and data (CRM)", "Tools en data (CRM)", 12600),
              ("Other (travel, training)", "Overig (reizen, training)", 8400)]
EXAMPLE_ASSUMPTIONS = {"purchases_per_year": 1, "years": 3.5, "gross_margin": 0.8,
                       "churn_target": 0.2}
EXAMPLE_MONTHS = ["Apr 2025", "May 2025", "Jun 2025"]
EXAMPLE_MRR = {"start": 182400, "new": [13100, 14600, 13900], "expansion": [5800, 6900, 6200],
               "reactivation": [400, 950, 0], "contraction": [1700, 2300, 1450],
               "churned": [3900, 2950, 4600]}
EXAMPLE_CUSTOMERS = {"start": 412, "new": [17, 20, 18], "lost": [9, 7, 10]}


def example_weeks(profile, rng):
    """Thirteen weeks of one seller: calls, hours, leads, meetings, won, lost, revenue, quota."""
    def count(expected):  # a whole number whose average is `expected`
        return int(expected + rng.random())

    weeks = []
    for week in range(1, WEEKS + 1):
        days = 0 if week in profile.weeks_off else 5 - PUBLIC_HOLIDAY_DAYS.get(week, 0)
        hours = round(profile.hours * days / 5 * rng.uniform(0.9, 1.1))
        calls = count(hours * profile.calls_per_hour * rng.uniform(0.88, 1.12))
        leads = count(calls * profile.lead * rng.uniform(0.85, 1.15))
        meetings = count(leads * profile.meeting * rng.uniform(0.85, 1.15))
        won = count(meetings * profile.win)
        lost = count(won * profile.lost_per_won * rng.uniform(0.7, 1.3) + rng.uniform(0, 0.8))
        revenue = sum(round(profile.deal_size * rng.uniform(0.7, 1.4), -2) for _ in range(won))
        weeks.append([calls, hours, leads, meetings, won, lost, revenue, profile.quota])
    return weeks


def example_data():
    rng = random.Random(53)  # chosen for a clear story: one star, two near quota, two behind
    return {
        "team": EXAMPLE_TEAM,
        "start": EXAMPLE_START,
        "sellers": [p.name for p in EXAMPLE_SELLERS],
        "weeks": [example_weeks(p, rng) for p in EXAMPLE_SELLERS],
        "pipeline": EXAMPLE_PIPELINE,
        "costs": [amount for _, _, amount in COST_LINES],
        "assumptions": EXAMPLE_ASSUMPTIONS,
        "months": EXAMPLE_MONTHS,
        "mrr": EXAMPLE_MRR,
        "customers": EXAMPLE_CUSTOMERS,
    }


def template_data():
    """No data, only the layout's placeholders and the assumptions a team rarely changes."""
    return {
        "team": None, "start": None,
        "sellers": [bi(f"Seller {n}", f"Verkoper {n}") for n in range(1, SELLER_COUNT + 1)],
        "weeks": None, "pipeline": None, "costs": None,
        "assumptions": {"purchases_per_year": 1, "years": None, "gross_margin": None,
                        "churn_target": None},
        "months": [bi(f"Month {n}", f"Maand {n}") for n in range(1, 4)],
        "mrr": None, "customers": None,
    }


# ====================================================================== styles
def add_styles(book):
    book.number_style("Nint")
    book.number_style("Nmoney", prefix="€ ")
    book.number_style("Ndec1", decimals=1)
    book.number_style("Nratio", decimals=1, suffix="×")
    book.number_style("Nneed", decimals=1, prefix="need · nodig ", suffix="×")
    book.number_style("Ntarget", decimals=1, prefix="target · doel ≥ ", suffix="×")
    book.percent_style("Npct", 0)
    book.percent_style("Npct1", 1)
    book.date_style("Ndate")

    book.cell_style("Title", text={"fo:font-size": "18pt", "fo:font-weight": "bold", "fo:color": NAVY})
    book.cell_style("Subtitle", text={"fo:font-size": "9pt", "fo:font-style": "italic", "fo:color": GREY})
    book.cell_style("Section", text={"fo:font-size": "12pt", "fo:font-weight": "bold", "fo:color": NAVY},
                    cell={"fo:border-bottom": f"1.5pt solid {RULE}"})
    book.cell_style("Header", text={"fo:font-size": "8pt", "fo:font-weight": "bold", "fo:color": NAVY},
                    cell={"fo:background-color": HEADER_FILL, "fo:wrap-option": "wrap",
                          "style:vertical-align": "middle", "fo:border-bottom": f"0.75pt solid {RULE}"},
                    paragraph={"fo:text-align": "center"})
    book.cell_style("Group", text={"fo:font-size": "8pt", "fo:font-style": "italic", "fo:color": GREY},
                    paragraph={"fo:text-align": "center"},
                    cell={"fo:border-bottom": f"0.75pt solid {RULE}"})
    book.cell_style("Label", cell={"style:vertical-align": "middle"})
    book.cell_style("LabelNL", cell={"style:vertical-align": "middle"},
                    text={"fo:font-style": "italic", "fo:color": GREY})
    book.cell_style("Explain", text={"fo:font-size": "7pt", "fo:color": GREY},
                    cell={"fo:wrap-option": "wrap", "style:vertical-align": "middle"})

    inputs = {"fo:background-color": INPUT_FILL, "fo:border": INPUT_BORDER, "style:vertical-align": "middle"}
    for name, data_style in (("Input", None), ("InputInt", "Nint"), ("InputMoney", "Nmoney"),
                             ("InputPct", "Npct"), ("InputDec", "Ndec1"), ("InputDate", "Ndate")):
        book.cell_style(name, data_style=data_style,
                        cell=inputs, text={"fo:color": "#1f4e79"})
    for name, data_style in (("Calc", None), ("CalcInt", "Nint"), ("CalcMoney", "Nmoney"),
                             ("CalcPct", "Npct"), ("CalcPct1", "Npct1"), ("CalcDec", "Ndec1"),
                             ("CalcRatio", "Nratio"), ("CalcDate", "Ndate")):
        book.cell_style(name, data_style=data_style,
                        cell={"fo:border-bottom": "0.5pt solid #d9d9d9", "style:vertical-align": "middle"})
    for name, data_style in (("TeamText", None), ("TeamInt", "Nint"), ("TeamMoney", "Nmoney"),
                             ("TeamPct", "Npct"), ("TeamPct1", "Npct1"), ("TeamDec", "Ndec1"),
                             ("TeamRatio", "Nratio")):
        book.cell_style(name, data_style=data_style, text={"fo:font-weight": "bold"},
                        cell={"fo:background-color": TEAM_FILL, "fo:border-top": f"0.75pt solid {RULE}"})
    tile = {"fo:background-color": TILE_FILL, "fo:border-left": "0.5pt solid #ffffff",
            "fo:border-right": "0.5pt solid #ffffff"}
    book.cell_style("TileLabel", text={"fo:font-size": "8pt", "fo:font-weight": "bold", "fo:color": GREY},
                    cell={**tile, "fo:wrap-option": "wrap", "style:vertical-align": "bottom"},
                    paragraph={"fo:text-align": "center"})
    for name, data_style, size in (("TilePct", "Npct", 20), ("TileRatio", "Nratio", 20),
                                   ("TileDec", "Ndec1", 20), ("TileMoney", "Nmoney", 15)):
        book.cell_style(name, data_style=data_style,
                        text={"fo:font-size": f"{size}pt", "fo:font-weight": "bold", "fo:color": NAVY},
                        cell={**tile, "style:vertical-align": "middle"},
                        paragraph={"fo:text-align": "center"})
    for name, data_style in (("TileNote", None), ("TileNeed", "Nneed"), ("TileTarget", "Ntarget")):
        book.cell_style(name, data_style=data_style,
                        text={"fo:font-size": "7pt", "fo:color": GREY},
                        cell={**tile, "style:vertical-align": "top", "fo:wrap-option": "wrap"},
                        paragraph={"fo:text-align": "center"})
    # The flags: applied by conditional formats, so they set colours only.
    for name, (fill, ink) in (("OnTrack", GOOD), ("Watch", WATCH), ("Behind", BAD)):
        book.cell_style(name, cell={"fo:background-color": fill}, text={"fo:color": ink})
    book.cell_style("Verdict", text={"fo:font-weight": "bold"}, cell={"style:vertical-align": "middle"})


def flag(spec, key, good, watch=None, bad=None):
    """Conditional format of a KPI (a key, or 'first..last' keys): green, amber, red; the
    first matching rule wins. A rule compares the cell with a number or a key ('>=1',
    '<{pipe.seller1.needed}'), and matches only when the cell holds a number: a KPI that
    shows nothing yet (empty text) is not flagged."""
    spec.flags.append((key, [(rule, style) for rule, style in ((good, "OnTrack"), (watch, "Watch"),
                                                                (bad, "Behind")) if rule]))


def write_flags(spec, layout, sheet):
    for key, rules in spec.flags:
        first, _, last = key.partition("..")
        ref = layout.cell(first) + (":" + layout.cell(last) if last else "")
        cell = f"[.{ref.split(':')[0]}]"

        def condition(rule):
            rule, _ = layout.expand(rule, spec.name)
            return f"formula-is(AND(ISNUMBER({cell});{cell}{rule}))" if not rule.startswith("formula-is") else rule
        # Cells named in a rule are written [.C8]: conditional formats take ODF addresses.
        sheet.condition(ref, *((re.sub(r"(?<![\[.\w])(\$?[A-Z]+\$?\d+)", r"[.\1]", condition(rule)), style)
                               for rule, style in rules))


# Plain rows: a title, a subtitle, a section rule, an explanation.
def title(key, text, height=0.9, span=1):
    return Row(key, {"A": C(text, style="Title", span=span)}, height=height, keyed=False)


def subtitle(key, text, span=1, column="A"):
    return Row(key, {column: C(text, style="Subtitle", span=span)}, keyed=False)


def section(key, text, span, height=0.7, column="A"):
    return Row(key, {column: C(text, style="Section", span=span)}, height=height, keyed=False)


def explain(key, text, span):
    return Row(key, {"A": C(text, style="Explain", span=span)}, keyed=False)


def headers(key, first, columns, notes=None, height=HEADER_HEIGHT):
    """A header row: first column's (en, nl), then {column key: ((en, nl), note)}."""
    cells = {first[0]: C(head(*first[1]), style="Header", note=first[2] if len(first) > 2 else None)}
    for column, (label, note) in columns.items():
        cells[column] = C(head(*label), style="Header", note=note)
    return Row(key, cells, height=height, keyed=False)


def team_style(style):
    return style.replace("Calc", "Team")


# ====================================================================== Activity
SELLERS = [f"seller{n}" for n in range(1, SELLER_COUNT + 1)]
LOG_FIELDS = [  # key, header (en, nl), style, note
    ("calls", ("Calls", "Belpogingen"), "InputInt", None),
    ("hours", ("Hours selling", "Verkoopuren"), "InputInt", None),
    ("leads", ("Leads", "Leads"), "InputInt", None),
    ("meetings", ("Meetings", "Afspraken"), "InputInt", None),
    ("won", ("Deals won", "Deals gewonnen"), "InputInt", None),
    ("lost", ("Deals lost", "Deals verloren"), "InputInt", None),
    ("revenue", ("Revenue won (€)", "Gewonnen omzet (€)"), "InputMoney",
     "First-year contract value of the deals won.\nContractwaarde eerste jaar van de gewonnen deals."),
    ("quota", ("Quota (€)", "Quotum (€)"), "InputMoney",
     "The seller's quota for the week. In the totals, only weeks with calls filled in count.\n"
     "Het quotum van de verkoper voor de week. In de totalen tellen alleen weken met ingevulde belpogingen."),
]
SUMMARY_COLUMNS = [  # key, header (en, nl), style, note (en\nnl), formula
    ("conv_lead", ("Call → lead", "Belpoging → lead"), "CalcPct",
     "CONVERSION(leads; calls): leads per call.\nCONVERSION(leads; belpogingen): leads per belpoging.",
     "CONVERSION({leads};{calls})"),
    ("conv_meeting", ("Lead → meeting", "Lead → afspraak"), "CalcPct",
     "CONVERSION(meetings; leads).\nCONVERSION(afspraken; leads).", "CONVERSION({meetings};{leads})"),
    ("conv_deal", ("Meeting → deal", "Afspraak → deal"), "CalcPct",
     "CONVERSION(deals won; meetings).\nCONVERSION(gewonnen deals; afspraken).", "CONVERSION({won};{meetings})"),
    ("call_deal", ("Call → deal", "Belpoging → deal"), "CalcPct1",
     "FUNNEL_RATE of the three stages: deals per call.\nFUNNEL_RATE van de drie fasen: deals per belpoging.",
     "FUNNEL_RATE({rates})"),
    ("calls_hour", ("Calls per hour", "Belpogingen per uur"), "CalcDec",
     "Efficiency: ACTIVITY_RATE(calls; hours).\nEfficiëntie: ACTIVITY_RATE(belpogingen; uren).",
     "ACTIVITY_RATE({calls};{hours})"),
    ("meetings_hour", ("Meetings per hour", "Afspraken per uur"), "CalcDec",
     "Efficiency: ACTIVITY_RATE(meetings; hours).\nEfficiëntie: ACTIVITY_RATE(afspraken; uren).",
     "ACTIVITY_RATE({meetings};{hours})"),
    ("asp", ("Average deal (ASP)", "Gem. deal (ASP)"), "CalcMoney",
     "ASP(revenue; deals won).\nASP(omzet; gewonnen deals).", "ASP({revenue};{won})"),
    ("deals_needed", ("Deals needed for quota", "Deals nodig voor quotum"), "CalcInt",
     "Quota / ASP, rounded up.\nQuotum / ASP, naar boven afgerond.", "ROUNDUP({quota}/{asp};0)"),
    ("calls_needed", ("Calls needed for quota", "Belpogingen nodig voor quotum"), "CalcInt",
     "FUNNEL_NEEDED(deals needed; the three conversions): the calls this seller needs for the quota "
     "of the weeks entered, at their own conversion.\n"
     "FUNNEL_NEEDED(deals nodig; de drie conversies): de belpogingen die deze verkoper nodig heeft voor "
     "het quotum van de ingevulde weken, bij de eigen conversie.",
     "FUNNEL_NEEDED({deals_needed};{rates})"),
    ("ahead", ("Calls ahead (+) / behind (−)", "Belpogingen voor (+) / achter (−)"), "CalcInt",
     "Calls made − calls needed. Red: behind on activity.\n"
     "Gemaakte − benodigde belpogingen. Rood: achter op activiteit.", "{calls}-{calls_needed}"),
]
WEEKS_NOTE = "Weeks with calls filled in.\nWeken waarin belpogingen zijn ingevuld."


def activity_sheet(data):
    top = Table("act", ["label", "value"], [
        title("title", bi("Activity and funnel", "Activiteit en funnel")),
        subtitle("subtitle", "Enter one row per seller per week when the week is over; yellow cells are inputs. · "
                 "Vul per verkoper elke week één rij in als de week voorbij is; gele cellen zijn invoer."),
        Row("team", {"label": C(bi("Team name", "Teamnaam"), style="Label"),
                     "value": C(data["team"], style="Input", span=4, text=True)}),
        Row("start", {"label": C(bi("Quarter starts on", "Kwartaal begint op"), style="Label"),
                      "value": C(data["start"].isoformat() if data["start"] else None, kind="date",
                                 style="InputDate",
                                 note="The Monday of the quarter's first week.\n"
                                      "De maandag van de eerste week van het kwartaal.")}),
    ])
    fields = [key for key, *_ in LOG_FIELDS]
    kpis = [key for key, *_ in SUMMARY_COLUMNS]
    columns = ["name", "weeks", *fields, *kpis]

    def seller_row(key, index):
        team = index is None
        style = team_style if team else (lambda s: s)
        cells = {"name": C(data["sellers"][index], style="Input", text=True) if not team
                 else C("Team", style="TeamText", text=True)}
        cells["weeks"] = (C(formula="=MAX({seller.weeks})", style="TeamInt", guard=False) if team else
                          C(formula=f"=COUNT({{log.{key}.calls}})", style="CalcInt", guard=False))
        for field, *_ in LOG_FIELDS:
            total = f"SUM({{seller.{field}}})" if team else f"SUM({{log.{key}.{field}}})"
            if field == "quota" and not team:  # quota typed ahead for later weeks does not count yet
                total = f'SUMIF({{log.{key}.calls}};"<>";{{log.{key}.quota}})'
            cells[field] = C(formula="=" + total, style=style("CalcMoney" if field in ("revenue", "quota")
                                                              else "CalcInt"))
        for kpi, _, kpi_style, _, formula in SUMMARY_COLUMNS:
            cells[kpi] = C(formula="=" + formula, style=style(kpi_style))
        return Row(key, cells, group=None if team else "seller")

    group_row = {"weeks": C(bi("Totals of the weeks entered", "Totalen van de ingevulde weken"), style="Group",
                            span=("weeks", "quota")),
                 "conv_lead": C(bi("Effectiveness", "Effectiviteit"), style="Group", span=("conv_lead", "call_deal")),
                 "calls_hour": C(bi("Efficiency", "Efficiëntie"), style="Group", span=("calls_hour", "meetings_hour")),
                 "asp": C(bi("Needed for quota (FUNNEL_NEEDED)", "Nodig voor quotum"), style="Group",
                          span=("asp", "ahead"))}
    summary = Table("sellers", columns, [
        section("section", bi("Per seller: effectiveness beside efficiency, and the calls each needs for quota",
                              "Per verkoper: effectiviteit naast efficiëntie, en de belpogingen nodig voor het quotum"),
                span=len(columns)),
        Row("groups", group_row, keyed=False),
        headers("header", ("name", ("Seller", "Verkoper"),
                           "Type the sellers' names here; every sheet uses them.\n"
                           "Typ hier de namen van de verkopers; elk blad gebruikt ze."),
                {"weeks": (("Weeks entered", "Weken ingevuld"), WEEKS_NOTE),
                 **{key: (label, note) for key, label, _, note in LOG_FIELDS},
                 **{key: (label, note) for key, label, _, note, _ in SUMMARY_COLUMNS}}),
        *(seller_row(key, index) for index, key in enumerate(SELLERS)),
        seller_row("team", None),
        explain("explain", "Team: the sums of all sellers; its rates are Σ/Σ, not a mean of the sellers' rates. · "
                "Team: de sommen van alle verkopers; de ratio's zijn Σ/Σ, geen gemiddelde van de verkopers.",
                span=len(columns)),
    ], column_groups={"rates": ["conv_lead", "conv_meeting", "conv_deal"]})

    log_columns = ["seller", "week", *fields, "week_of"]
    rows = [section("section", bi("Week by week (inputs)", "Week per week (invoer)"), span=len(log_columns)),
            headers("header", ("seller", ("Seller", "Verkoper")),
                    {"week": (("Week", "Week"), None), **{key: (label, note) for key, label, _, note in LOG_FIELDS},
                     "week_of": (("Week of", "Week van"), None)})]
    for index, key in enumerate(SELLERS):
        for week in range(WEEKS):
            values = data["weeks"][index][week] if data["weeks"] else [None] * len(LOG_FIELDS)
            cells = {"seller": C(formula=f"={{$sellers.{key}.name}}", style="Calc", text=True),
                     "week": C(week + 1, style="CalcInt"),
                     **{field: C(value, style=style) for (field, _, style, _), value in zip(LOG_FIELDS, values)},
                     "week_of": C(formula="={$act.start.value}+7*({week}-1)", style="CalcDate")}
            rows.append(Row(f"{key}_week{week + 1}", cells, group=key, keyed=False))
    log = Table("log", log_columns, rows)
    spec = SheetSpec("Activity", [4.6, 1.6] + [2.0] * 6 + [2.4, 2.4, 2.4] + [2.0] * 6 + [2.4] * 3,
                     [top, summary, log], tab_color="#2f5597")
    flag(spec, "sellers.seller1.ahead..sellers.team.ahead", ">=0", bad="<0")
    return spec


# ====================================================================== Pipeline
STAGE_KEYS = ["qualified", "demo", "proposal", "negotiation"]
PIPE_INPUTS = [("opps", ("Open opportunities", "Open kansen"), "InputInt",
                "Number of open deals in the pipeline.\nAantal open deals in de pipeline."),
               ("cycle", ("Sales cycle (days)", "Verkoopcyclus (dagen)"), "InputInt",
                "Average days from first meeting to a won deal.\n"
                "Gemiddeld aantal dagen van eerste afspraak tot gewonnen deal."),
               ("quota_next", ("Quota next quarter (€)", "Quotum volgend kwartaal (€)"), "InputMoney", None)]
PIPE_COLUMNS = [  # key, header, style, note, formula
    ("open", ("Open pipeline (€)", "Open pipeline (€)"), "CalcMoney",
     "Sum of the stages.\nSom van de fasen.", "SUM({stages})"),
    ("weighted", ("Weighted pipeline (€)", "Gewogen pipeline (€)"), "CalcMoney",
     "WEIGHTED_PIPELINE(stages; chance to win): Σ amount × probability.\n"
     "WEIGHTED_PIPELINE(fasen; slaagkans): Σ bedrag × kans.", "WEIGHTED_PIPELINE({stages};{$prob.stages})"),
    ("win_rate", ("Win rate", "Winratio"), "CalcPct",
     "WIN_RATE(won; lost) this quarter (Activity).\nWIN_RATE(gewonnen; verloren) dit kwartaal (Activity).",
     "WIN_RATE({sellers.won};{sellers.lost})"),
    ("asp", ("Average deal (ASP)", "Gem. deal (ASP)"), "CalcMoney",
     "ASP from the Activity sheet.\nASP van het blad Activity.", "{sellers.asp}"),
    ("velocity", ("Sales velocity (€/day)", "Verkoopsnelheid (€/dag)"), "CalcMoney",
     "SALES_VELOCITY(open opportunities; ASP; win rate; cycle in days): revenue the pipeline makes per day.\n"
     "SALES_VELOCITY(open kansen; ASP; winratio; cyclus in dagen): omzet die de pipeline per dag oplevert.",
     "SALES_VELOCITY({opps};{asp};{win_rate};{cycle})"),
    ("coverage", ("Pipeline coverage", "Pipelinedekking"), "CalcRatio",
     "PIPELINE_COVERAGE(open pipeline; next quarter's quota). Red: below the coverage the win rate needs.\n"
     "PIPELINE_COVERAGE(open pipeline; quotum volgend kwartaal). Rood: lager dan de winratio vraagt.",
     "PIPELINE_COVERAGE({open};{quota_next})"),
    ("needed", ("Coverage needed", "Dekking nodig"), "CalcRatio",
     "REQUIRED_COVERAGE(win rate) = 1 / win rate.\nREQUIRED_COVERAGE(winratio) = 1 / winratio.",
     "REQUIRED_COVERAGE({win_rate})"),
    ("attainment", ("Attainment this quarter", "Realisatie dit kwartaal"), "CalcPct",
     "QUOTA_ATTAINMENT(revenue won; quota) over the weeks entered. Green ≥ 100 %, amber ≥ 90 %.\n"
     "QUOTA_ATTAINMENT(gewonnen omzet; quotum) over de ingevulde weken. Groen ≥ 100 %, oranje ≥ 90 %.",
     "QUOTA_ATTAINMENT({sellers.revenue};{sellers.quota})"),
]


def pipeline_sheet(data):
    columns = ["name", *STAGE_KEYS, *(k for k, *_ in PIPE_INPUTS), *(k for k, *_ in PIPE_COLUMNS)]

    def seller_row(key, index):
        team = index is None
        style = team_style if team else (lambda s: s)
        cells = {"name": C("Team", style="TeamText", text=True) if team else
                 C(formula="={sellers.name}", style="Calc", text=True)}
        if team:
            for column in [*STAGE_KEYS, "opps", "quota_next"]:
                cells[column] = C(formula=f"=SUM({{seller.{column}}})",
                                  style="TeamInt" if column == "opps" else "TeamMoney")
            cells["cycle"] = C(formula="=ROUND(SUMPRODUCT({seller.opps};{seller.cycle})/{opps};0)", style="TeamInt",
                               note="Average cycle, weighted by open opportunities.\n"
                                    "Gemiddelde cyclus, gewogen naar open kansen.")
        else:
            stages, opportunities, cycle, quota = (data["pipeline"][index] if data["pipeline"]
                                                   else ([None] * 4, None, None, None))
            cells.update({stage: C(amount, style="InputMoney") for stage, amount in zip(STAGE_KEYS, stages)})
            cells.update({column: C(value, style=input_style) for (column, _, input_style, _), value
                          in zip(PIPE_INPUTS, (opportunities, cycle, quota))})
        for column, _, kpi_style, _, formula in PIPE_COLUMNS:
            cells[column] = C(formula="=" + formula, style=style(kpi_style))
        return Row(key, cells, group=None if team else "seller")

    prob = {"name": C(bi("Chance to win", "Slaagkans"), style="Label",
                      note="Probability that a deal in this stage is won; used by WEIGHTED_PIPELINE.\n"
                           "Kans dat een deal in deze fase gewonnen wordt; gebruikt door WEIGHTED_PIPELINE.")}
    prob.update({stage: C(probability, kind="percentage", style="InputPct")
                 for stage, (_, _, probability) in zip(STAGE_KEYS, STAGES)})
    table = Table("pipe", columns, [
        section("section", bi("Pipeline per seller", "Pipeline per verkoper"), span=len(columns)),
        Row("groups", {STAGE_KEYS[0]: C(bi("Open pipeline by stage (€)", "Open pipeline per fase (€)"),
                                        style="Group", span=(STAGE_KEYS[0], STAGE_KEYS[-1])),
                       "opps": C(bi("Next quarter", "Volgend kwartaal"), style="Group", span=("opps", "quota_next")),
                       "open": C(bi("Pipeline KPIs", "Pipeline-KPI's"), style="Group", span=("open", "attainment"))},
            keyed=False),
        headers("header", ("name", ("Seller", "Verkoper")),
                {**{stage: ((en, nl), None) for stage, (en, nl, _) in zip(STAGE_KEYS, STAGES)},
                 **{key: (label, note) for key, label, _, note in PIPE_INPUTS},
                 **{key: (label, note) for key, label, _, note, _ in PIPE_COLUMNS}}),
        Row("prob", prob),
        *(seller_row(key, index) for index, key in enumerate(SELLERS)),
        seller_row("team", None),
        explain("explain", "Coverage is green when the open pipeline is at least the coverage the win rate needs "
                "(1 / win rate). · Dekking is groen als de open pipeline minstens de dekking is die de winratio "
                "vraagt (1 / winratio).", span=len(columns)),
    ], gap=2, column_groups={"stages": STAGE_KEYS})
    top = Table("pipe_title", ["text"], [
        title("title", bi("Pipeline and quota", "Pipeline en quotum")),
        subtitle("subtitle", "The open pipeline at the end of the quarter, stage by stage, against next quarter's "
                 "quota. · De open pipeline aan het eind van het kwartaal, per fase, tegenover het quotum van "
                 "volgend kwartaal.")], keyed=False)
    spec = SheetSpec("Pipeline", [5.4] + [2.3] * 4 + [2.0, 2.0, 2.4] + [2.6, 2.6] + [2.3] * 6,
                     [top, table], tab_color="#548235")
    flag(spec, "pipe.seller1.coverage..pipe.team.coverage", ">={pipe.seller1.needed}",
         bad="<{pipe.seller1.needed}")
    flag(spec, "pipe.seller1.attainment..pipe.team.attainment", ">=1", watch=">=0.9", bad="<0.9")
    return spec


# ====================================================================== Economics
def economics_sheet(data):
    a = data["assumptions"]

    def value_row(key, label, cell, note=None):
        """English label, Dutch label, the value, and what it means (also the cell's note)."""
        en, nl = label
        cell.note = note
        cells = {"label": C(en, style="Label"), "nl": C(nl, style="LabelNL"), "value": cell}
        if note and key != "verdict":
            cells["explain"] = C(note, style="Explain")
        return Row(key, cells, height=EXPLAINED_HEIGHT if note and key != "verdict" else None)

    def calc(key, label, formula, style, note=None, **options):
        return value_row(key, label, C(formula=formula, style=style, **options), note)

    def given(key, label, value, style, note=None):
        return value_row(key, label, C(value, style=style, kind="percentage" if style == "InputPct" else None), note)

    costs = [f"cost{n}" for n in range(len(COST_LINES))]
    rows = [
        title("title", bi("Unit economics", "Klantwaarde en wervingskosten")),
        subtitle("subtitle", "What a customer brings in (LTV), what winning one costs (CAC), and the 1/3 rule "
                 "between them. · Wat een klant oplevert (LTV), wat het werven kost (CAC), en de 1/3-regel "
                 "daartussen."),
        Row("blank0", {}, keyed=False),
        section("s_ltv", bi("Deal size and lifetime value", "Dealgrootte en klantwaarde"), span=4, height=0.8),
        calc("revenue", ("Revenue won this quarter", "Gewonnen omzet dit kwartaal"), "={sellers.team.revenue}",
             "CalcMoney", "From the Activity sheet (team).\nVan het blad Activity (team)."),
        calc("customers", ("New customers (deals won)", "Nieuwe klanten (gewonnen deals)"), "={sellers.team.won}",
             "CalcInt", "From the Activity sheet (team).\nVan het blad Activity (team)."),
        calc("asp", ("Average deal size (ASP)", "Gemiddelde dealgrootte (ASP)"), "=ASP({revenue};{customers})",
             "CalcMoney", "ASP(revenue; deals): a first-year contract value.\n"
                          "ASP(omzet; deals): contractwaarde van het eerste jaar."),
        given("purchases", ("Purchases per year", "Aankopen per jaar"), a["purchases_per_year"], "InputDec",
              "1 for an annual subscription.\n1 bij een jaarabonnement."),
        given("years", ("Years as a customer", "Jaren als klant"), a["years"], "InputDec",
              "How long a customer stays; CUSTOMER_LIFETIME(annual churn) estimates it.\n"
              "Hoe lang een klant blijft; CUSTOMER_LIFETIME(jaarchurn) schat dat."),
        calc("ltv", ("Customer lifetime value (LTV)", "Klantwaarde (LTV)"), "=LTV({asp};{purchases};{years})",
             "CalcMoney", "LTV(ASP; purchases per year; years): revenue over the customer's life.\n"
                          "LTV(ASP; aankopen per jaar; jaren): omzet over de hele klantrelatie."),
        Row("blank1", {}, keyed=False),
        section("s_cac", bi("Acquisition cost (CAC)", "Wervingskosten (CAC)"), span=4, height=0.8),
        *(given(key, (en, nl), data["costs"][n] if data["costs"] else None, "InputMoney")
          for n, (key, (en, nl, _)) in enumerate(zip(costs, COST_LINES))),
        calc("total", ("Sales and marketing cost this quarter", "Sales- en marketingkosten dit kwartaal"),
             "=SUM({costs})", "CalcMoney", guard=False),
        calc("cac", ("Customer acquisition cost (CAC)", "Klantwervingskosten (CAC)"), "=CAC({costs};{customers})",
             "CalcMoney", "CAC(cost lines; new customers).\nCAC(kostenregels; nieuwe klanten)."),
        Row("blank2", {}, keyed=False),
        section("s_rule", bi("The 1/3 rule: CAC at most a third of LTV", "De 1/3-regel: CAC hooguit een derde van LTV"),
                span=4, height=0.8),
        given("ratio", ("Target LTV:CAC", "Beoogde LTV:CAC"), 3, "InputDec",
              "3 is the usual rule of thumb.\n3 is de gebruikelijke vuistregel."),
        calc("cacmax", ("Most a customer may cost (CAC_MAX)", "Maximale CAC (CAC_MAX)"), "=CAC_MAX({ltv};{ratio})",
             "CalcMoney", "CAC_MAX(LTV; target ratio) = LTV / 3.\nCAC_MAX(LTV; beoogde verhouding) = LTV / 3."),
        calc("ltvcac", ("LTV:CAC", "LTV:CAC"), "=LTV_CAC({ltv};{cac})", "CalcRatio",
             "LTV_CAC(LTV; CAC). Green at the target or above, red below 1.\n"
             "LTV_CAC(LTV; CAC). Groen op of boven het doel, rood onder 1."),
        calc("share", ("CAC as a share of LTV", "CAC als deel van LTV"), "={cac}/{ltv}", "CalcPct",
             "At most 1 / target (33 %).\nHooguit 1 / doel (33 %)."),
        calc("verdict", ("Verdict", "Oordeel"),
             '=IF({cac}<={cacmax};"✓ CAC within the 1/3 rule · binnen de 1/3-regel";'
             '"✗ CAC above CAC_MAX · boven CAC_MAX")', "Verdict", span=2, text=True),
        Row("blank3", {}, keyed=False),
        section("s_payback", bi("Payback", "Terugverdientijd"), span=4, height=0.8),
        given("margin", ("Gross margin", "Brutomarge"), a["gross_margin"], "InputPct"),
        calc("arpa", ("Monthly revenue of a new customer", "Maandomzet van een nieuwe klant"), "=ARR_TO_MRR({asp})",
             "CalcMoney", "ARR_TO_MRR(ASP): the first-year contract value per month.\n"
                          "ARR_TO_MRR(ASP): de contractwaarde van het eerste jaar per maand."),
        calc("payback", ("CAC payback (months)", "Terugverdientijd CAC (maanden)"),
             "=CAC_PAYBACK({cac};{arpa};{margin})", "CalcDec",
             "CAC_PAYBACK(CAC; monthly revenue; gross margin). Green up to 12 months, amber up to 18.\n"
             "CAC_PAYBACK(CAC; maandomzet; brutomarge). Groen tot 12 maanden, oranje tot 18."),
    ]
    values = Table("econ", ["label", "nl", "value", "explain"], rows)
    # The cost lines are one range: CAC takes them all.
    for row in rows:
        if row.key in costs:
            row.group = "costs"
    chart_rows = [Row("heading", {"label": C(bi("Chart data", "Grafiekgegevens"), style="Group", span=2)},
                      keyed=False)]
    chart_rows += [Row(key, {"label": C(label, style="Label"),
                             "value": C(formula=f"={{econ.{key}.value}}", style="CalcMoney")})
                   for label, key in (("LTV", "ltv"), ("CAC_MAX = LTV / 3", "cacmax"), ("CAC", "cac"))]
    chart = Table("econ_chart", ["label", "value"], chart_rows, at=("F", "econ", "s_rule"))
    spec = SheetSpec("Economics", [7.0, 6.6, 3.0, 11.0, 0.6, 4.2, 3.0], [values, chart], tab_color="#bf9000")
    flag(spec, "econ.ltvcac.value", ">={econ.ratio.value}", watch=">=1", bad="<1")
    flag(spec, "econ.share.value", "<=1/{econ.ratio.value}", bad=">1/{econ.ratio.value}")
    flag(spec, "econ.verdict.value", "formula-is({econ.cac.value}<={econ.cacmax.value})", bad="formula-is({econ.cac.value}>{econ.cacmax.value})")
    flag(spec, "econ.payback.value", "<=12", watch="<=18", bad=">18")
    spec.charts.append(("F4", lambda layout: Chart(
        bi("The 1/3 rule", "De 1/3-regel"), chart_range(layout, "econ_chart", "ltv", "cac", "label"),
        [{"values": chart_range(layout, "econ_chart", "ltv", "cac", "value"), "color": SERIES[0], "labels": True}],
        width_cm=7.2, height_cm=7.0, legend=False, name="OneThirdRule")))
    return spec


def chart_range(layout, table, first, last, column):
    """A chart's range from one row's cell to another's, as ODF writes it."""
    placed = layout.tables[table]
    letter = placed.column_letter(column)
    sheet = next(spec.name for spec in layout.sheets if placed in spec.blocks)
    return range_address(sheet, f"{letter}{placed.row_number(first)}:{letter}{placed.row_number(last)}")


# ====================================================================== Subscriptions
MONTHS = ["m1", "m2", "m3"]


def subscriptions_sheet(data):
    mrr, customers = data["mrr"] or {}, data["customers"] or {}

    def flows(key, source):
        return [source[key][m] if source else None for m in range(3)]

    def label_cells(label):
        en, nl = label
        return {"label": C(en, style="Label"), "nl": C(nl, style="LabelNL")}

    def start(key, label, value, style, end):
        cells = label_cells(label)
        calculated = style.replace("Input", "Calc")
        cells.update({"m1": C(value, style=style), "m2": C(formula=f"={{{end}.m1}}", style=calculated),
                      "m3": C(formula=f"={{{end}.m2}}", style=calculated),
                      "quarter": C(formula="={m1}", style=calculated)})
        return Row(key, cells)

    def flow(key, label, values, style):
        cells = label_cells(label)
        cells.update({m: C(v, style=style) for m, v in zip(MONTHS, values)})
        cells["quarter"] = C(formula="=SUM({months})", style=style.replace("Input", "Calc"))
        return Row(key, cells)

    def every(key, label, formula, style, note=None, quarter=None):
        cells = label_cells(label)
        cells.update({m: C(formula="=" + formula, style=style, note=note if m == "m1" else None) for m in MONTHS})
        cells["quarter"] = C(formula="=" + (quarter or formula), style=style)
        if note:
            cells["explain"] = C(note, style="Explain")
        return Row(key, cells, height=EXPLAINED_HEIGHT if note else None)

    def single(key, label, cell, note):
        cells = label_cells(label)
        cell.note = note
        cells.update({"m1": cell, "explain": C(note, style="Explain")})
        return Row(key, cells, height=EXPLAINED_HEIGHT)

    month_row = {"label": C("Month", style="Header"), "nl": C("Maand", style="Header"),
                 **{m: C(name, style="Input", text=True,
                         note="The month's name, for your reading only.\nDe naam van de maand, alleen om te lezen.")
                    for m, name in zip(MONTHS, data["months"])},
                 "quarter": C(head("Quarter", "Kwartaal"), style="Header")}
    rows = [
        title("title", bi("Subscriptions", "Abonnementen")),
        subtitle("subtitle", "The MRR bridge of the quarter month by month, with churn and retention. Amounts in € "
                 "per month. · De MRR-brug van het kwartaal per maand, met churn en retentie. Bedragen in € per maand."),
        Row("blank0", {}, keyed=False),
        Row("month", month_row, height=0.9),
        section("s_bridge", bi("MRR bridge", "MRR-brug"), span=6, height=0.8),
        start("mrr_start", ("MRR at the start", "MRR aan het begin"), mrr.get("start"), "InputMoney", "mrr_end"),
        flow("new", ("+ New", "+ Nieuw"), flows("new", data["mrr"]), "InputMoney"),
        flow("expansion", ("+ Expansion", "+ Uitbreiding"), flows("expansion", data["mrr"]), "InputMoney"),
        flow("reactivation", ("+ Reactivation", "+ Reactivering"), flows("reactivation", data["mrr"]), "InputMoney"),
        flow("contraction", ("− Contraction", "− Krimp"), flows("contraction", data["mrr"]), "InputMoney"),
        flow("churned", ("− Churned", "− Opgezegd"), flows("churned", data["mrr"]), "InputMoney"),
        every("mrr_end", ("MRR at the end", "MRR aan het eind"),
              "{mrr_start}+{new}+{expansion}+{reactivation}-{contraction}-{churned}", "CalcMoney"),
        every("arr", ("ARR (annual recurring revenue)", "ARR (jaarlijks terugkerende omzet)"),
              "MRR_TO_ARR({mrr_end})", "CalcMoney",
              "MRR_TO_ARR(MRR at the end) = 12 × MRR.\nMRR_TO_ARR(MRR aan het eind) = 12 × MRR."),
        Row("blank1", {}, keyed=False),
        section("s_customers", bi("Customers", "Klanten"), span=6, height=0.8),
        start("cust_start", ("Customers at the start", "Klanten aan het begin"), customers.get("start"), "InputInt",
              "cust_end"),
        flow("cust_new", ("+ New customers", "+ Nieuwe klanten"), flows("new", data["customers"]), "InputInt"),
        flow("cust_lost", ("− Customers lost", "− Verloren klanten"), flows("lost", data["customers"]), "InputInt"),
        every("cust_end", ("Customers at the end", "Klanten aan het eind"), "{cust_start}+{cust_new}-{cust_lost}",
              "CalcInt"),
        every("arpa", ("ARPA (MRR per customer)", "ARPA (MRR per klant)"), "ARPA({mrr_end};{cust_end})", "CalcMoney",
              "ARPA(MRR at the end; customers at the end).\nARPA(MRR aan het eind; klanten aan het eind)."),
        Row("blank2", {}, keyed=False),
        section("s_churn", bi("Churn and retention", "Churn en retentie"), span=6, height=0.8),
        every("churn", ("Customer churn", "Klantchurn"), "CHURN_RATE({cust_lost};{cust_start};{cust_new})", "CalcPct1",
              "CHURN_RATE(lost; start; new). Months: red above the monthly churn that meets the target.\n"
              "CHURN_RATE(verloren; begin; nieuw). Maanden: rood boven de maandchurn die bij het doel past."),
        every("churn_year", ("The same churn for a year", "Dezelfde churn over een jaar"), "CHURN_ANNUAL({churn})",
              "CalcPct1", "CHURN_ANNUAL(monthly churn), not 12 × monthly; quarter: from the months' average.\n"
                          "CHURN_ANNUAL(maandchurn), niet 12 × maand; kwartaal: uit het gemiddelde van de maanden.",
              quarter="CHURN_ANNUAL(AVERAGE({churn.months}))"),
        single("target", ("Churn target for a year", "Churndoel per jaar"),
               C(data["assumptions"]["churn_target"], style="InputPct", kind="percentage"),
               "The most churn a year you accept.\nDe hoogste jaarchurn die u aanvaardt."),
        single("target_month", ("Monthly churn that meets it", "Maandchurn die daarbij past"),
               C(formula="=CHURN_MONTHLY({target})", style="CalcPct1"),
               "CHURN_MONTHLY(annual target) = 1 − (1 − annual)^(1/12), not annual / 12.\n"
               "CHURN_MONTHLY(jaardoel) = 1 − (1 − jaar)^(1/12), niet jaar / 12."),
        every("gross_churn", ("Gross MRR churn", "Bruto MRR-churn"), "GROSS_MRR_CHURN({mrr_start};{churned};{contraction})",
              "CalcPct1", "GROSS_MRR_CHURN(start MRR; churned; contraction).\n"
                          "GROSS_MRR_CHURN(begin-MRR; opgezegd; krimp)."),
        every("net_churn", ("Net MRR churn", "Netto MRR-churn"),
              "NET_MRR_CHURN({mrr_start};{churned};{contraction};{expansion};{reactivation})", "CalcPct1",
              "NET_MRR_CHURN(start; churned; contraction; expansion; reactivation); below 0 is good.\n"
              "NET_MRR_CHURN(begin; opgezegd; krimp; uitbreiding; reactivering); onder 0 is goed."),
        every("grr", ("Gross revenue retention (GRR)", "Bruto omzetretentie (GRR)"),
              "GRR({mrr_start};{churned};{contraction})", "CalcPct1",
              "GRR(start MRR; churned; contraction): what existing customers kept, at most 100 %.\n"
              "GRR(begin-MRR; opgezegd; krimp): wat bestaande klanten behielden, hooguit 100 %."),
        every("nrr", ("Net revenue retention (NRR)", "Netto omzetretentie (NRR)"),
              "NRR({mrr_start};{churned};{contraction};{expansion})", "CalcPct1",
              "NRR(start MRR; churned; contraction; expansion). Green from 100 %.\n"
              "NRR(begin-MRR; opgezegd; krimp; uitbreiding). Groen vanaf 100 %."),
        every("quick", ("SaaS quick ratio", "SaaS quick ratio"),
              "QUICK_RATIO({new};{expansion};{churned};{contraction};{reactivation})", "CalcDec",
              "QUICK_RATIO(new; expansion; churned; contraction; reactivation): MRR won per MRR lost; green from 4.\n"
              "QUICK_RATIO(nieuw; uitbreiding; opgezegd; krimp; reactivering): gewonnen per verloren MRR; "
              "groen vanaf 4."),
    ]
    table = Table("subs", ["label", "nl", *MONTHS, "quarter", "gap", "explain"], rows,
                  column_groups={"months": MONTHS})
    spec = SheetSpec("Subscriptions", [6.4, 6.0, 2.7, 2.7, 2.7, 2.9, 0.5, 14.0], [table], tab_color="#c55a11")
    # Churn per month against the monthly target (the quarter column is the quarter's churn).
    flag(spec, "subs.churn.m1..subs.churn.m3", "<={$subs.target_month.m1}", bad=">{$subs.target_month.m1}")
    flag(spec, "subs.nrr.m1..subs.nrr.quarter", ">=1", watch=">=0.9", bad="<0.9")
    flag(spec, "subs.quick.m1..subs.quick.quarter", ">=4", watch=">=1", bad="<1")
    return spec


# ====================================================================== Dashboard
CHART_ROWS, CHART_ROW_HEIGHT = 14, 0.5  # each row of charts: 14 rows of 0.5 cm, the charts 6.6 cm
DASH_COLUMNS = [  # key, header, style, source (a key of the seller's or the team's row)
    ("revenue", ("Revenue won", "Gewonnen omzet"), "Money", "sellers.revenue"),
    ("quota", ("Quota", "Quotum"), "Money", "sellers.quota"),
    ("attainment", ("Attainment", "Realisatie"), "Pct", "pipe.attainment"),
    ("calls", ("Calls", "Belpogingen"), "Int", "sellers.calls"),
    ("calls_needed", ("Calls needed", "Nodig"), "Int", "sellers.calls_needed"),
    ("ahead", ("Ahead / behind", "Voor / achter"), "Int", "sellers.ahead"),
    ("call_deal", ("Call → deal", "Belpoging → deal"), "Pct1", "sellers.call_deal"),
    ("calls_hour", ("Calls per hour", "Belpogingen per uur"), "Dec", "sellers.calls_hour"),
    ("win_rate", ("Win rate", "Winratio"), "Pct", "pipe.win_rate"),
    ("coverage", ("Coverage", "Dekking"), "Ratio", "pipe.coverage"),
    ("needed", ("Coverage needed", "Dekking nodig"), "Ratio", "pipe.needed"),
    ("weighted", ("Weighted pipeline", "Gewogen pipeline"), "Money", "pipe.weighted"),
]
TILES = [  # key, label, value key, style, note (text, or a key), note style, flag rules (good, watch, bad)
    ("attainment", bi("Quota attainment", "Quotumrealisatie"), "pipe.team.attainment", "TilePct",
     bi("revenue ÷ quota", "omzet ÷ quotum"), "TileNote", (">=1", ">=0.9", "<0.9")),
    ("win_rate", bi("Win rate", "Winratio"), "pipe.team.win_rate", "TilePct",
     bi("won ÷ closed", "gewonnen ÷ afgesloten"), "TileNote", None),
    ("coverage", bi("Pipeline coverage", "Pipelinedekking"), "pipe.team.coverage", "TileRatio",
     "pipe.team.needed", "TileNeed", (">={tiles.note.coverage}", None, "<{tiles.note.coverage}")),
    ("ltvcac", "LTV:CAC", "econ.ltvcac.value", "TileRatio", "econ.ratio.value", "TileTarget",
     (">={tiles.note.ltvcac}", ">=1", "<1")),
    ("payback", bi("CAC payback (months)", "Terugverdientijd (mnd)"), "econ.payback.value", "TileDec",
     bi("≤ 12 months is good", "≤ 12 maanden is goed"), "TileNote", ("<=12", "<=18", ">18")),
    ("nrr", bi("Net revenue retention", "Netto omzetretentie"), "subs.nrr.quarter", "TilePct",
     bi("this quarter", "dit kwartaal"), "TileNote", (">=1", ">=0.9", "<0.9")),
    ("arr", bi("ARR at the end", "ARR aan het eind"), "subs.arr.quarter", "TileMoney",
     bi("= 12 × MRR", "= 12 × MRR"), "TileNote", None),
]


def dashboard_sheet(data):
    top = Table("dash_top", ["label", "b", "value"], [
        Row("title", {"label": C(formula="=\"Team KPIs · Team-KPI's\"&IF({act.team.value}=\"\";\"\";\" — \""
                                         "&{act.team.value})", style="Title", span=9, guard=False, text=True)},
            height=1.0),
        Row("start", {"label": C(bi("Quarter starting", "Kwartaal vanaf"), style="Subtitle", span=2),
                      "value": C(formula="={act.start.value}", style="CalcDate", span=2)}),
        Row("legend", {"label": C(bi("Legend", "Legenda"), style="Subtitle"),
                       **{letter: C(text, style=style, span=2) for letter, text, style in (
                           ("B", bi("Input", "Invoer"), "Input"), ("D", bi("Calculated", "Berekend"), "Calc"),
                           ("F", bi("On track", "Op koers"), "OnTrack"), ("H", bi("Watch", "Let op"), "Watch"),
                           ("J", bi("Behind", "Achter"), "Behind"))}}, keyed=False),
    ])
    top.rows[1].cells["F"] = C("Figures of the weeks entered on the Activity sheet. · Cijfers van de ingevulde weken.",
                               style="Subtitle", span=8)
    # Tiles: the first spans one column, the others two (a key and its right half).
    tile_columns = [TILES[0][0]] + [c for key, *_ in TILES[1:] for c in (key, key + "_")]
    spans = {key: 1 if key == TILES[0][0] else (key, key + "_") for key, *_ in TILES}
    labels, values, notes = {}, {}, {}
    for key, label, source, style, note, note_style, _ in TILES:
        labels[key] = C(label, style="TileLabel", span=spans[key], text=True)
        values[key] = C(formula=f"={{{source}}}", style=style, span=spans[key],
                        note=f"From / van {source.split('.')[0]}")
        notes[key] = (C(note, style=note_style, span=spans[key], text=True) if note_style == "TileNote"
                      else C(formula=f"={{{note}}}", style=note_style, span=spans[key]))
    tiles = Table("tiles", tile_columns, [Row("label", labels, height=0.8),
                                          Row("value", values, height=1.2), Row("note", notes, height=0.6)])
    columns = ["name", *(key for key, *_ in DASH_COLUMNS)]

    def seller_row(key):
        team = key == "team"
        prefix = "Team" if team else "Calc"
        cells = {"name": C(formula="={sellers.name}", style="TeamText" if team else "Calc", text=True)}
        cells.update({column: C(formula=f"={{{source}}}", style=prefix + kind)
                      for column, _, kind, source in DASH_COLUMNS})
        return Row(key, cells, group=None if team else "seller")

    sellers = Table("dash", columns, [
        section("section", bi("Sellers", "Verkopers"), span=len(columns), height=0.8),
        headers("header", ("name", ("Seller", "Verkoper")),
                {key: (label, f"From / van {source.split('.')[0]}") for key, label, _, source in DASH_COLUMNS}),
        *(seller_row(key) for key in SELLERS), seller_row("team"),
    ], gap=2)
    # The charts' data, beside the printed dashboard. Charts read their own sheet: a chart on
    # the first sheet cannot name a sheet that is loaded after it.
    chart_columns = [("name", bi("Seller", "Verkoper"), "sellers.name"),
                     ("calls", bi("Calls", "Belpogingen"), "sellers.calls"),
                     ("calls_needed", bi("Needed for quota", "Nodig voor quotum"), "sellers.calls_needed"),
                     ("leads", "Leads", "sellers.leads"), ("meetings", bi("Meetings", "Afspraken"), "sellers.meetings"),
                     ("won", bi("Deals won", "Deals gewonnen"), "sellers.won")]
    chart_data = Table("chart", [key for key, *_ in chart_columns], [
        section("section", bi("Chart data (calculated)", "Grafiekgegevens (berekend)"), span=6, height=0.8,
                column="name"),
        Row("header", {key: C(label, style="Header") for key, label, _ in chart_columns}),
        *(Row(seller, {key: C(formula=f"={{{source}}}", style="Calc" if key == "name" else "CalcInt",
                              text=key == "name") for key, _, source in chart_columns}, group="seller")
          for seller in SELLERS)], at=("O", "dash", "section"))
    # The quarter's MRR movements as a waterfall: an invisible base under each step, up from
    # 0 to the net change (start and end MRR would dwarf the movements).
    q = lambda key: f"{{subs.{key}.quarter}}"
    gained = f"{q('new')}+{q('expansion')}+{q('reactivation')}"
    steps = [  # key, label, base, net, gain, loss
        ("new", head("New", "Nieuw"), "0", None, q("new"), None),
        ("expansion", head("Expansion", "Uitbreiding"), q("new"), None, q("expansion"), None),
        ("reactivation", head("Reactivation", "Reactivering"), f"{q('new')}+{q('expansion')}", None,
         q("reactivation"), None),
        ("contraction", head("Contraction", "Krimp"), f"{gained}-{q('contraction')}", None, None, q("contraction")),
        ("churned", head("Churned", "Opgezegd"), f"{gained}-{q('contraction')}-{q('churned')}", None, None,
         q("churned")),
        ("net", head("Net new MRR", "Netto nieuw"), None, f"{q('mrr_end')}-{q('mrr_start')}", None, None),
    ]
    bridge_columns = ["step", "base", "net", "gain", "loss"]
    bridge = Table("bridge", bridge_columns, [
        Row("header", {key: C(label, style="Header") for key, label in zip(bridge_columns, (
            bi("Step", "Stap"), bi("Base", "Basis"), bi("Net", "Netto"), bi("Gain", "Groei"),
            bi("Loss", "Verlies")))}, keyed=False),
        *(Row(key, {"step": C(label, style="Label", text=True),
                    **{column: C(formula="=" + value, style="CalcMoney")
                       for column, value in zip(bridge_columns[1:], values) if value is not None}})
          for key, label, *values in steps)], at=("O", "dash", "team", 2))
    charts = Table("charts", ["a"], [Row(f"r{n}", {}, height=CHART_ROW_HEIGHT, keyed=False)
                                     for n in range(2 * CHART_ROWS + 1)], gap=2, keyed=False)
    spec = SheetSpec("Dashboard", [4.6] + [2.1] * 12 + [0.8, 4.6] + [3.0] * 5,
                     [top, tiles, sellers, chart_data, bridge, charts], page="OnePage", tab_color=NAVY)
    for key, *_, rules in TILES:
        if rules:
            good, watch, bad = rules
            flag(spec, f"tiles.value.{key}", good, watch=watch, bad=bad)
    flag(spec, "dash.seller1.attainment..dash.team.attainment", ">=1", watch=">=0.9", bad="<0.9")
    flag(spec, "dash.seller1.ahead..dash.team.ahead", ">=0", bad="<0")
    flag(spec, "dash.seller1.coverage..dash.team.coverage", ">={dash.seller1.needed}", bad="<{dash.seller1.needed}")
    width, height = 14.2, 6.6

    def header(layout, table, column):
        return range_address("Dashboard", header_cell(layout, table, column))

    def values(layout, table, column):
        return range_address("Dashboard", layout.where[f"{table}.seller.{column}"][1])

    def series(layout, column, color, **options):
        return {"name": header(layout, "chart", column), "values": values(layout, "chart", column),
                "color": color, **options}

    spec.charts += [
        ("charts.r0.a", lambda layout: Chart(
            bi("Quota attainment", "Quotumrealisatie"), values(layout, "chart", "name"),
            [{"name": header(layout, "dash", "attainment"), "values": values(layout, "dash", "attainment"),
              "color": SERIES[0], "labels": True}],
            width, height, percent_axis=True, legend=False, name="Attainment")),
        ("charts.r0.G", lambda layout: Chart(
            bi("Calls made and needed for quota", "Belpogingen gemaakt en nodig"), values(layout, "chart", "name"),
            [series(layout, "calls", SERIES[0]), series(layout, "calls_needed", SERIES[2])], width, height,
            name="CallsNeeded")),
        (f"charts.r{CHART_ROWS}.a", lambda layout: Chart(
            bi("Funnel per seller", "Funnel per verkoper"), values(layout, "chart", "name"),
            [series(layout, "leads", SERIES[1]), series(layout, "meetings", SERIES[0]),
             series(layout, "won", NAVY, labels=True)], width, height, name="Funnel")),
        (f"charts.r{CHART_ROWS}.G", lambda layout: waterfall(layout, width, height)),
    ]
    spec.print_to = f"charts.r{2 * CHART_ROWS}"
    return spec


def header_cell(layout, table, column):
    """The header cell above a table's column (header rows are not keyed: they are text)."""
    spec_table = layout.tables[table]
    return f"{spec_table.column_letter(column)}{spec_table.row_number('header')}"


def waterfall(layout, width, height):
    colors = {"base": None, "net": SERIES[1], "gain": "#93c47d", "loss": "#ea9999"}  # light: dark labels stay legible
    table = layout.tables["bridge"]
    first, last = table.row_number("new"), table.row_number("net")
    column_range = lambda column: range_address(
        "Dashboard", f"{table.column_letter(column)}{first}:{table.column_letter(column)}{last}")
    steps = column_range("step")
    return Chart(
        bi("MRR bridge this quarter", "MRR-brug dit kwartaal"), steps,
        [{"name": range_address("Dashboard", header_cell(layout, "bridge", column)), "values": column_range(column),
          "color": color or "#ffffff", "hidden": color is None, "labels": color is not None}
         for column, color in colors.items()],
        width, height, stacked=True, legend=False, name="MrrBridge")


# ====================================================================== the workbook
def addin_names(catalogue):
    prefix = catalogue["service"].upper()
    return {f["name"]: f"{prefix}.{f['name'].replace('_', '')}" for f in catalogue["functions"]}


def describe(data):
    """The workbook as data: its sheets, in the order they are built (the dashboard last)."""
    return [activity_sheet(data), pipeline_sheet(data), economics_sheet(data), subscriptions_sheet(data),
            dashboard_sheet(data)]


def build(catalogue, data, specs=None, written=None):
    """The workbook; `specs` overrides the description (the layout test reorders it), and
    `written` collects every formula as written, per (table, row, column)."""
    specs = specs or describe(data)
    layout = Layout(specs)
    book = Workbook(TITLE, FormulaTranslator(addin_names(catalogue)))
    add_styles(book)
    sheets = {}
    for spec in specs:
        sheet = book.add_sheet(Sheet(spec.name, spec.widths, page=spec.page, tab_color=spec.tab_color))
        sheets[spec.name] = sheet
        formulas = write(spec, layout, sheet)
        if written is not None:
            written.extend(formulas)
        write_flags(spec, layout, sheet)
        for anchor, make in spec.charts:
            if "." in anchor:
                table, row, column = anchor.split(".")
                placed = layout.tables[table]
                letter = column if column not in placed.columns else placed.column_letter(column)
                anchor = f"{letter}{placed.row_number(row)}"
            sheet.chart(anchor, make(layout))
        if spec.print_to:
            table, row = spec.print_to.split(".")
            sheet.print_range = f"A1:M{layout.tables[table].row_number(row)}"
    for name, sheet, ref in layout.named_ranges():
        book.named_ranges.append((name, sheet, ref))
    # The dashboard comes first in the file (it opens and prints first) but is described last.
    dashboard = sheets["Dashboard"]
    book.sheets.remove(dashboard)
    book.sheets.insert(0, dashboard)
    book.layout = layout
    return book


def main(argv):
    if len(argv) != 4 or argv[2] not in ("example", "template", "check"):
        print(__doc__, file=sys.stderr)
        return 2
    with open(argv[1], encoding="utf-8") as f:
        catalogue = json.load(f)
    command, path = argv[2], argv[3]
    if command == "template":
        with open(path, "wb") as f:
            f.write(build(catalogue, template_data()).package())
        return 0
    text = build(catalogue, example_data()).flat_xml()
    if command == "example":
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
        return 0
    with open(path, encoding="utf-8") as f:
        if f.read() != text:
            print(f"{path} is stale: run `cmake --build build --target update-generated`", file=sys.stderr)
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
