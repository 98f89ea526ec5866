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
import sys
from datetime import date

from catalogue_model import stored_names
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


def flag(sheet, ref, good, watch=None, bad=None):
    """Conditional format of a KPI: green, amber, red; the first matching rule wins. A rule
    compares the cell with a number or another cell ('>=1', '<[.O8]'), and matches only
    when the cell holds a number: a KPI that shows nothing yet (empty text) is not flagged."""
    cell = f"[.{ref.split(':')[0]}]"
    rules = [(rule, style) for rule, style in ((good, "OnTrack"), (watch, "Watch"), (bad, "Behind")) if rule]
    sheet.condition(ref, *((f"formula-is(AND(ISNUMBER({cell});{cell}{rule}))", style) for rule, style in rules))


def guard(test, formula):
    """Shows nothing until the inputs are there: =IF(test;"";formula)."""
    return f'=IF({test};"";{formula})'


# ====================================================================== Activity
ACT_SUMMARY_FIRST = 8            # first seller row of the per-seller table
ACT_TEAM = ACT_SUMMARY_FIRST + SELLER_COUNT
ACT_LOG_HEADER = 17
ACT_LOG_FIRST = ACT_LOG_HEADER + 1
LOG_FIELDS = [  # column, key, header (en, nl), style, note
    ("C", "calls", ("Calls", "Belpogingen"), "InputInt", None),
    ("D", "hours", ("Hours selling", "Verkoopuren"), "InputInt", None),
    ("E", "leads", ("Leads", "Leads"), "InputInt", None),
    ("F", "meetings", ("Meetings", "Afspraken"), "InputInt", None),
    ("G", "won", ("Deals won", "Deals gewonnen"), "InputInt", None),
    ("H", "lost", ("Deals lost", "Deals verloren"), "InputInt", None),
    ("I", "revenue", ("Revenue won (€)", "Gewonnen omzet (€)"), "InputMoney",
     "First-year contract value of the deals won.\nContractwaarde eerste jaar van de gewonnen deals."),
    ("J", "quota", ("Quota (€)", "Quotum (€)"), "InputMoney",
     "The seller's quota for the week. In the totals, only weeks with calls filled in count.\n"
     "Het quotum van de verkoper voor de week. In de totalen tellen alleen weken met ingevulde belpogingen."),
]


def log_rows(seller):
    first = ACT_LOG_FIRST + seller * WEEKS
    return first, first + WEEKS - 1


def activity_sheet(book, data):
    sheet = book.add_sheet(Sheet("Activity", [4.6, 1.6] + [2.0] * 6 + [2.4, 2.4, 2.4] + [2.0] * 6 + [2.4] * 3,
                                 tab_color="#2f5597"))
    sheet.set("A1", bi("Activity and funnel", "Activiteit en funnel"), style="Title")
    sheet.row_height(1, 0.9)
    sheet.set("A2", "Enter one row per seller per week when the week is over; yellow cells are inputs. · "
              "Vul per verkoper elke week één rij in als de week voorbij is; gele cellen zijn invoer.",
              style="Subtitle")
    sheet.set("A3", bi("Team name", "Teamnaam"), style="Label")
    sheet.set("B3", data["team"], style="Input", span=4)
    sheet.set("F3", bi("Quarter starts on", "Kwartaal begint op"), style="Label", span=3)
    sheet.set("I3", data["start"].isoformat() if data["start"] else None, kind="date", style="InputDate",
              note="The Monday of the quarter's first week.\nDe maandag van de eerste week van het kwartaal.")
    activity_summary(sheet, data)
    activity_log(sheet, data)
    book.named_range("Activity_sellers", sheet, f"A7:T{ACT_TEAM}")
    book.named_range("Activity_log", sheet, f"A{ACT_LOG_HEADER}:K{log_rows(SELLER_COUNT - 1)[1]}")
    return sheet


SUMMARY_COLUMNS = [  # column, header (en, nl), style, note (en\nnl), formula for row r (seller or team)
    ("B", ("Weeks entered", "Weken ingevuld"), "CalcInt",
     "Weeks with calls filled in.\nWeken waarin belpogingen zijn ingevuld.", None),
    ("K", ("Call → lead", "Belpoging → lead"), "CalcPct",
     "CONVERSION(leads; calls): leads per call.\nCONVERSION(leads; belpogingen): leads per belpoging.",
     "CONVERSION(E{r};C{r})"),
    ("L", ("Lead → meeting", "Lead → afspraak"), "CalcPct",
     "CONVERSION(meetings; leads).\nCONVERSION(afspraken; leads).", "CONVERSION(F{r};E{r})"),
    ("M", ("Meeting → deal", "Afspraak → deal"), "CalcPct",
     "CONVERSION(deals won; meetings).\nCONVERSION(gewonnen deals; afspraken).", "CONVERSION(G{r};F{r})"),
    ("N", ("Call → deal", "Belpoging → deal"), "CalcPct1",
     "FUNNEL_RATE of the three stages: deals per call.\nFUNNEL_RATE van de drie fasen: deals per belpoging.",
     "FUNNEL_RATE(K{r}:M{r})"),
    ("O", ("Calls per hour", "Belpogingen per uur"), "CalcDec",
     "Efficiency: ACTIVITY_RATE(calls; hours).\nEfficiëntie: ACTIVITY_RATE(belpogingen; uren).",
     "ACTIVITY_RATE(C{r};D{r})"),
    ("P", ("Meetings per hour", "Afspraken per uur"), "CalcDec",
     "Efficiency: ACTIVITY_RATE(meetings; hours).\nEfficiëntie: ACTIVITY_RATE(afspraken; uren).",
     "ACTIVITY_RATE(F{r};D{r})"),
    ("Q", ("Average deal (ASP)", "Gem. deal (ASP)"), "CalcMoney",
     "ASP(revenue; deals won).\nASP(omzet; gewonnen deals).", "ASP(I{r};G{r})"),
    ("R", ("Deals needed for quota", "Deals nodig voor quotum"), "CalcInt",
     "Quota / ASP, rounded up.\nQuotum / ASP, naar boven afgerond.", "ROUNDUP(J{r}/Q{r};0)"),
    ("S", ("Calls needed for quota", "Belpogingen nodig voor quotum"), "CalcInt",
     "FUNNEL_NEEDED(deals needed; the three conversions): the calls this seller needs for the quota "
     "of the weeks entered, at their own conversion.\n"
     "FUNNEL_NEEDED(deals nodig; de drie conversies): de belpogingen die deze verkoper nodig heeft voor "
     "het quotum van de ingevulde weken, bij de eigen conversie.",
     "FUNNEL_NEEDED(R{r};K{r}:M{r})"),
    ("T", ("Calls ahead (+) / behind (−)", "Belpogingen voor (+) / achter (−)"), "CalcInt",
     "Calls made − calls needed. Red: behind on activity.\n"
     "Gemaakte − benodigde belpogingen. Rood: achter op activiteit.", "C{r}-S{r}"),
]


def activity_summary(sheet, data):
    sheet.set("A5", bi("Per seller: effectiveness beside efficiency, and the calls each needs for quota",
                       "Per verkoper: effectiviteit naast efficiëntie, en de belpogingen nodig voor het quotum"),
              style="Section", span=20)
    sheet.row_height(5, 0.7)
    for ref, text, span in (("B6", bi("Totals of the weeks entered", "Totalen van de ingevulde weken"), 9),
                            ("K6", bi("Effectiveness", "Effectiviteit"), 4),
                            ("O6", bi("Efficiency", "Efficiëntie"), 2),
                            ("Q6", bi("Needed for quota (FUNNEL_NEEDED)", "Nodig voor quotum"), 4)):
        sheet.set(ref, text, style="Group", span=span)
    sheet.set("A7", head("Seller", "Verkoper"), style="Header",
              note="Type the sellers' names here; every sheet uses them.\n"
                   "Typ hier de namen van de verkopers; elk blad gebruikt ze.")
    sheet.row_height(7, HEADER_HEIGHT)
    for column, _, (en, nl), _, note in LOG_FIELDS:
        sheet.set(f"{column}7", head(en, nl), style="Header", note=note)
    for column, (en, nl), _, note, _ in SUMMARY_COLUMNS:
        sheet.set(f"{column}7", head(en, nl), style="Header", note=note)
    for seller in range(SELLER_COUNT):
        row = ACT_SUMMARY_FIRST + seller
        first, last = log_rows(seller)
        sheet.set(f"A{row}", data["sellers"][seller], style="Input")
        sheet.set(f"B{row}", formula=f"=COUNT(C{first}:C{last})", style="CalcInt")
        for column, *_ in LOG_FIELDS:
            total = f"SUM({column}{first}:{column}{last})"
            if column == "J":  # quota typed ahead for later weeks does not count yet
                total = f'SUMIF(C{first}:C{last};"<>";J{first}:J{last})'
            sheet.set(f"{column}{row}", formula=guard(f"$B{row}=0", total),
                      style="CalcMoney" if column in "IJ" else "CalcInt")
        summary_kpis(sheet, row, "Calc")
    team = ACT_TEAM
    sheet.set(f"A{team}", "Team", style="TeamText")
    sheet.set(f"B{team}", formula=f"=MAX(B{ACT_SUMMARY_FIRST}:B{team - 1})", style="TeamInt")
    for column, *_ in LOG_FIELDS:
        sheet.set(f"{column}{team}", formula=guard(f"$B{team}=0",
                                                   f"SUM({column}{ACT_SUMMARY_FIRST}:{column}{team - 1})"),
                  style="TeamMoney" if column in "IJ" else "TeamInt")
    summary_kpis(sheet, team, "Team")
    flag(sheet, f"T{ACT_SUMMARY_FIRST}:T{team}", ">=0", bad="<0")
    sheet.set(f"A{team + 1}", "Team: the sums of all sellers; its rates are Σ/Σ, not a mean of the sellers' rates. · "
              "Team: de sommen van alle verkopers; de ratio's zijn Σ/Σ, geen gemiddelde van de verkopers.",
              style="Explain", span=20)


def summary_kpis(sheet, row, style_prefix):
    for column, _, style, _, formula in SUMMARY_COLUMNS[1:]:
        style = style.replace("Calc", style_prefix)
        sheet.set(f"{column}{row}", formula=guard(f"$B{row}=0", formula.format(r=row)), style=style)


def activity_log(sheet, data):
    sheet.set(f"A{ACT_LOG_HEADER - 1}", bi("Week by week (inputs)", "Week per week (invoer)"),
              style="Section", span=11)
    sheet.row_height(ACT_LOG_HEADER - 1, 0.7)
    sheet.set(f"A{ACT_LOG_HEADER}", head("Seller", "Verkoper"), style="Header")
    sheet.set(f"B{ACT_LOG_HEADER}", head("Week", "Week"), style="Header")
    for column, _, (en, nl), _, note in LOG_FIELDS:
        sheet.set(f"{column}{ACT_LOG_HEADER}", head(en, nl), style="Header", note=note)
    sheet.set(f"K{ACT_LOG_HEADER}", head("Week of", "Week van"), style="Header")
    sheet.row_height(ACT_LOG_HEADER, HEADER_HEIGHT)
    for seller in range(SELLER_COUNT):
        first, _ = log_rows(seller)
        for week in range(WEEKS):
            row = first + week
            sheet.set(f"A{row}", formula=f"=$A${ACT_SUMMARY_FIRST + seller}", style="Calc")
            sheet.set(f"B{row}", week + 1, style="CalcInt")
            values = data["weeks"][seller][week] if data["weeks"] else [None] * len(LOG_FIELDS)
            for (column, _, _, style, _), value in zip(LOG_FIELDS, values):
                sheet.set(f"{column}{row}", value, style=style)
            sheet.set(f"K{row}", formula=guard("COUNT($I$3)=0", f"$I$3+7*(B{row}-1)"), style="CalcDate")


# ====================================================================== Pipeline
PIPE_PROB = 7
PIPE_FIRST = 8
PIPE_TEAM = PIPE_FIRST + SELLER_COUNT
PIPE_COLUMNS = [  # column, header, style, note, formula(r, a = the seller's Activity row)
    ("I", ("Open pipeline (€)", "Open pipeline (€)"), "Money",
     "Sum of the stages.\nSom van de fasen.", "SUM(B{r}:E{r})", "COUNT(B{r}:E{r})=0"),
    ("J", ("Weighted pipeline (€)", "Gewogen pipeline (€)"), "Money",
     "WEIGHTED_PIPELINE(stages; chance to win): Σ amount × probability.\n"
     "WEIGHTED_PIPELINE(fasen; slaagkans): Σ bedrag × kans.",
     "WEIGHTED_PIPELINE(B{r}:E{r};$B${p}:$E${p})", "COUNT(B{r}:E{r})=0"),
    ("K", ("Win rate", "Winratio"), "Pct",
     "WIN_RATE(won; lost) this quarter (Activity).\nWIN_RATE(gewonnen; verloren) dit kwartaal (Activity).",
     "WIN_RATE(Activity.G{a};Activity.H{a})", "Activity.B{a}=0"),
    ("L", ("Average deal (ASP)", "Gem. deal (ASP)"), "Money",
     "ASP from the Activity sheet.\nASP van het blad Activity.", "Activity.Q{a}", "Activity.B{a}=0"),
    ("M", ("Sales velocity (€/day)", "Verkoopsnelheid (€/dag)"), "Money",
     "SALES_VELOCITY(open opportunities; ASP; win rate; cycle in days): revenue the pipeline makes per day.\n"
     "SALES_VELOCITY(open kansen; ASP; winratio; cyclus in dagen): omzet die de pipeline per dag oplevert.",
     "SALES_VELOCITY(F{r};L{r};K{r};G{r})", "COUNT(F{r};G{r};K{r};L{r})<4"),
    ("N", ("Pipeline coverage", "Pipelinedekking"), "Ratio",
     "PIPELINE_COVERAGE(open pipeline; next quarter's quota). Red: below the coverage the win rate needs.\n"
     "PIPELINE_COVERAGE(open pipeline; quotum volgend kwartaal). Rood: lager dan de winratio vraagt.",
     "PIPELINE_COVERAGE(I{r};H{r})", "COUNT(I{r};H{r})<2"),
    ("O", ("Coverage needed", "Dekking nodig"), "Ratio",
     "REQUIRED_COVERAGE(win rate) = 1 / win rate.\nREQUIRED_COVERAGE(winratio) = 1 / winratio.",
     "REQUIRED_COVERAGE(K{r})", "COUNT(K{r})=0"),
    ("P", ("Attainment this quarter", "Realisatie dit kwartaal"), "Pct",
     "QUOTA_ATTAINMENT(revenue won; quota) over the weeks entered. Green ≥ 100 %, amber ≥ 90 %.\n"
     "QUOTA_ATTAINMENT(gewonnen omzet; quotum) over de ingevulde weken. Groen ≥ 100 %, oranje ≥ 90 %.",
     "QUOTA_ATTAINMENT(Activity.I{a};Activity.J{a})", "Activity.B{a}=0"),
]
PIPE_INPUTS = [("F", ("Open opportunities", "Open kansen"), "InputInt",
                "Number of open deals in the pipeline.\nAantal open deals in de pipeline."),
               ("G", ("Sales cycle (days)", "Verkoopcyclus (dagen)"), "InputInt",
                "Average days from first meeting to a won deal.\nGemiddeld aantal dagen van eerste afspraak tot gewonnen deal."),
               ("H", ("Quota next quarter (€)", "Quotum volgend kwartaal (€)"), "InputMoney", None)]


def pipeline_sheet(book, data):
    sheet = book.add_sheet(Sheet("Pipeline", [5.4] + [2.3] * 4 + [2.0, 2.0, 2.4] + [2.6, 2.6] + [2.3] * 6,
                                 tab_color="#548235"))
    sheet.set("A1", bi("Pipeline and quota", "Pipeline en quotum"), style="Title")
    sheet.row_height(1, 0.9)
    sheet.set("A2", "The open pipeline at the end of the quarter, stage by stage, against next quarter's quota. · "
              "De open pipeline aan het eind van het kwartaal, per fase, tegenover het quotum van volgend kwartaal.",
              style="Subtitle")
    sheet.set("A4", bi("Pipeline per seller", "Pipeline per verkoper"), style="Section", span=16)
    sheet.row_height(4, 0.7)
    sheet.set("B5", bi("Open pipeline by stage (€)", "Open pipeline per fase (€)"), style="Group", span=4)
    sheet.set("F5", bi("Next quarter", "Volgend kwartaal"), style="Group", span=3)
    sheet.set("I5", bi("Pipeline KPIs", "Pipeline-KPI's"), style="Group", span=8)
    sheet.set("A6", head("Seller", "Verkoper"), style="Header")
    sheet.row_height(6, HEADER_HEIGHT)
    for index, (en, nl, probability) in enumerate(STAGES):
        column = "BCDE"[index]
        sheet.set(f"{column}6", head(en, nl), style="Header")
        sheet.set(f"{column}{PIPE_PROB}", probability, kind="percentage", style="InputPct")
    sheet.set(f"A{PIPE_PROB}", bi("Chance to win", "Slaagkans"), style="Label",
              note="Probability that a deal in this stage is won; used by WEIGHTED_PIPELINE.\n"
                   "Kans dat een deal in deze fase gewonnen wordt; gebruikt door WEIGHTED_PIPELINE.")
    for column, (en, nl), _, note in PIPE_INPUTS:
        sheet.set(f"{column}6", head(en, nl), style="Header", note=note)
    for column, (en, nl), _, note, *_ in PIPE_COLUMNS:
        sheet.set(f"{column}6", head(en, nl), style="Header", note=note)
    for seller in range(SELLER_COUNT):
        row = PIPE_FIRST + seller
        sheet.set(f"A{row}", formula=f"=Activity.A{ACT_SUMMARY_FIRST + seller}", style="Calc")
        stages, opportunities, cycle, quota = (data["pipeline"][seller] if data["pipeline"]
                                               else ([None] * 4, None, None, None))
        for column, amount in zip("BCDE", stages):
            sheet.set(f"{column}{row}", amount, style="InputMoney")
        for (column, _, style, _), value in zip(PIPE_INPUTS, (opportunities, cycle, quota)):
            sheet.set(f"{column}{row}", value, style=style)
        pipeline_kpis(sheet, row, ACT_SUMMARY_FIRST + seller, "Calc")
    team, first, last = PIPE_TEAM, PIPE_FIRST, PIPE_TEAM - 1
    sheet.set(f"A{team}", "Team", style="TeamText")
    for column in "BCDEFH":
        sheet.set(f"{column}{team}", formula=guard(f"COUNT({column}{first}:{column}{last})=0",
                                                   f"SUM({column}{first}:{column}{last})"),
                  style="TeamInt" if column == "F" else "TeamMoney")
    sheet.set(f"G{team}", formula=guard(f"COUNT(F{first}:F{last})=0",
                                        f"ROUND(SUMPRODUCT(F{first}:F{last};G{first}:G{last})/F{team};0)"),
              style="TeamInt", note="Average cycle, weighted by open opportunities.\n"
                                    "Gemiddelde cyclus, gewogen naar open kansen.")
    pipeline_kpis(sheet, team, ACT_TEAM, "Team")
    flag(sheet, f"N{first}:N{team}", f">=[.O{first}]", bad=f"<[.O{first}]")
    flag(sheet, f"P{first}:P{team}", ">=1", watch=">=0.9", bad="<0.9")
    sheet.set(f"A{team + 1}", "Coverage is green when the open pipeline is at least the coverage the win rate needs "
              "(1 / win rate). · Dekking is groen als de open pipeline minstens de dekking is die de winratio "
              "vraagt (1 / winratio).", style="Explain", span=16)
    book.named_range("Pipeline_table", sheet, f"A6:P{team}")
    return sheet


def pipeline_kpis(sheet, row, activity_row, prefix):
    for column, _, kind, _, formula, test in PIPE_COLUMNS:
        fields = {"r": row, "a": activity_row, "p": PIPE_PROB}
        sheet.set(f"{column}{row}", formula=guard(test.format(**fields), formula.format(**fields)),
                  style=prefix + kind)


# ====================================================================== Economics
def economics_sheet(book, data):
    sheet = book.add_sheet(Sheet("Economics", [7.0, 6.6, 3.0, 11.0, 0.6, 4.2, 3.0], tab_color="#bf9000"))
    sheet.set("A1", bi("Unit economics", "Klantwaarde en wervingskosten"), style="Title")
    sheet.row_height(1, 0.9)
    sheet.set("A2", "What a customer brings in (LTV), what winning one costs (CAC), and the 1/3 rule between them. · "
              "Wat een klant oplevert (LTV), wat het werven kost (CAC), en de 1/3-regel daartussen.",
              style="Subtitle")
    a = data["assumptions"]
    rows = [
        ("section", bi("Deal size and lifetime value", "Dealgrootte en klantwaarde")),
        ("calc", "revenue", ("Revenue won this quarter", "Gewonnen omzet dit kwartaal"), f"=Activity.I{ACT_TEAM}",
         "CalcMoney", "From the Activity sheet (team).\nVan het blad Activity (team)."),
        ("calc", "customers", ("New customers (deals won)", "Nieuwe klanten (gewonnen deals)"),
         f"=Activity.G{ACT_TEAM}", "CalcInt", "From the Activity sheet (team).\nVan het blad Activity (team)."),
        ("calc", "asp", ("Average deal size (ASP)", "Gemiddelde dealgrootte (ASP)"),
         guard("COUNT({customers})=0", "ASP({revenue};{customers})"), "CalcMoney",
         "ASP(revenue; deals): a first-year contract value.\nASP(omzet; deals): contractwaarde van het eerste jaar."),
        ("input", "purchases", ("Purchases per year", "Aankopen per jaar"), a["purchases_per_year"], "InputDec",
         "1 for an annual subscription.\n1 bij een jaarabonnement."),
        ("input", "years", ("Years as a customer", "Jaren als klant"), a["years"], "InputDec",
         "How long a customer stays; CUSTOMER_LIFETIME(annual churn) estimates it.\n"
         "Hoe lang een klant blijft; CUSTOMER_LIFETIME(jaarchurn) schat dat."),
        ("calc", "ltv", ("Customer lifetime value (LTV)", "Klantwaarde (LTV)"),
         guard("COUNT({asp};{purchases};{years})<3", "LTV({asp};{purchases};{years})"), "CalcMoney",
         "LTV(ASP; purchases per year; years): revenue over the customer's life.\n"
         "LTV(ASP; aankopen per jaar; jaren): omzet over de hele klantrelatie."),
        ("blank",),
        ("section", bi("Acquisition cost (CAC)", "Wervingskosten (CAC)")),
        *[("input", f"cost{n}", (en, nl), data["costs"][n] if data["costs"] else None, "InputMoney", None)
          for n, (en, nl, _) in enumerate(COST_LINES)],
        ("calc", "total", ("Sales and marketing cost this quarter", "Sales- en marketingkosten dit kwartaal"),
         "=SUM({cost0}:{cost5})", "CalcMoney", None),
        ("calc", "cac", ("Customer acquisition cost (CAC)", "Klantwervingskosten (CAC)"),
         guard("OR(COUNT({cost0}:{cost5})=0;COUNT({customers})=0)", "CAC({cost0}:{cost5};{customers})"),
         "CalcMoney", "CAC(cost lines; new customers).\nCAC(kostenregels; nieuwe klanten)."),
        ("blank",),
        ("section", bi("The 1/3 rule: CAC at most a third of LTV", "De 1/3-regel: CAC hooguit een derde van LTV")),
        ("input", "ratio", ("Target LTV:CAC", "Beoogde LTV:CAC"), 3, "InputDec",
         "3 is the usual rule of thumb.\n3 is de gebruikelijke vuistregel."),
        ("calc", "cacmax", ("Most a customer may cost (CAC_MAX)", "Maximale CAC (CAC_MAX)"),
         guard("COUNT({ltv};{ratio})<2", "CAC_MAX({ltv};{ratio})"), "CalcMoney",
         "CAC_MAX(LTV; target ratio) = LTV / 3.\nCAC_MAX(LTV; beoogde verhouding) = LTV / 3."),
        ("calc", "ltvcac", ("LTV:CAC", "LTV:CAC"),
         guard("COUNT({ltv};{cac})<2", "LTV_CAC({ltv};{cac})"), "CalcRatio",
         "LTV_CAC(LTV; CAC). Green at the target or above, red below 1.\n"
         "LTV_CAC(LTV; CAC). Groen op of boven het doel, rood onder 1."),
        ("calc", "share", ("CAC as a share of LTV", "CAC als deel van LTV"),
         guard("COUNT({ltv};{cac})<2", "{cac}/{ltv}"), "CalcPct",
         "At most 1 / target (33 %).\nHooguit 1 / doel (33 %)."),
        ("calc", "verdict", ("Verdict", "Oordeel"),
         guard("COUNT({cac};{cacmax})<2",
               'IF({cac}<={cacmax};"✓ CAC within the 1/3 rule · binnen de 1/3-regel";'
               '"✗ CAC above CAC_MAX · boven CAC_MAX")'), "Verdict", None),
        ("blank",),
        ("section", bi("Payback", "Terugverdientijd")),
        ("input", "margin", ("Gross margin", "Brutomarge"), a["gross_margin"], "InputPct", None),
        ("calc", "arpa", ("Monthly revenue of a new customer", "Maandomzet van een nieuwe klant"),
         guard("COUNT({asp})=0", "ARR_TO_MRR({asp})"), "CalcMoney",
         "ARR_TO_MRR(ASP): the first-year contract value per month.\n"
         "ARR_TO_MRR(ASP): de contractwaarde van het eerste jaar per maand."),
        ("calc", "payback", ("CAC payback (months)", "Terugverdientijd CAC (maanden)"),
         guard("COUNT({cac};{arpa};{margin})<3", "CAC_PAYBACK({cac};{arpa};{margin})"), "CalcDec",
         "CAC_PAYBACK(CAC; monthly revenue; gross margin). Green up to 12 months, amber up to 18.\n"
         "CAC_PAYBACK(CAC; maandomzet; brutomarge). Groen tot 12 maanden, oranje tot 18."),
    ]
    where = layout_rows(rows, first_row=4)
    write_rows(sheet, rows, where, first_row=4)
    flag(sheet, where["ltvcac"], f">=[.{where['ratio']}]", watch=">=1", bad="<1")
    flag(sheet, where["share"], f"<=1/[.{where['ratio']}]", bad=f">1/[.{where['ratio']}]")
    sheet.condition(where["verdict"], (f"formula-is([.{where['cac']}]<=[.{where['cacmax']}])", "OnTrack"),
                    (f"formula-is([.{where['cac']}]>[.{where['cacmax']}])", "Behind"))
    flag(sheet, where["payback"], "<=12", watch="<=18", bad=">18")
    economics_chart(sheet, where)
    book.named_range("Economics_values", sheet, f"A4:C{int(where['payback'][1:])}")
    return sheet, where


def layout_rows(rows, first_row):
    """Row keys -> cell of their value (column C), so that formulas can name other rows."""
    return {spec[1]: f"C{first_row + index}" for index, spec in enumerate(rows)
            if spec[0] in ("calc", "input")}


def write_label(sheet, row, label):
    """English in column A, Dutch beside it in column B."""
    en, nl = label
    sheet.set(f"A{row}", en, style="Label")
    sheet.set(f"B{row}", nl, style="LabelNL")


def write_rows(sheet, rows, where, first_row):
    """Economics: label (en, nl), value in C, and what it means in D (also the cell's note)."""
    for index, spec in enumerate(rows):
        row = first_row + index
        if spec[0] == "section":
            sheet.set(f"A{row}", spec[1], style="Section", span=4)
            sheet.row_height(row, 0.8)
            continue
        if spec[0] == "blank":
            continue
        kind, key, label, value, style, note = spec
        write_label(sheet, row, label)
        if kind == "input":
            sheet.set(f"C{row}", value, style=style, kind="percentage" if style == "InputPct" else None,
                      note=note)
        else:
            sheet.set(f"C{row}", formula=value.format(**where), style=style, note=note,
                      span=2 if key == "verdict" else 1)
        if note and key != "verdict":
            sheet.set(f"D{row}", note, style="Explain")
            sheet.row_height(row, EXPLAINED_HEIGHT)


def economics_chart(sheet, where):
    """LTV, CAC_MAX and CAC side by side: the 1/3 rule as a picture."""
    top = int(where["ratio"][1:])
    sheet.set(f"F{top - 1}", bi("Chart data", "Grafiekgegevens"), style="Group", span=2)
    for offset, (label, key) in enumerate((("LTV", "ltv"), ("CAC_MAX = LTV / 3", "cacmax"), ("CAC", "cac"))):
        sheet.set(f"F{top + offset}", label, style="Label")
        sheet.set(f"G{top + offset}", formula=f"={where[key]}", style="CalcMoney")
    sheet.chart("F4", Chart(
        bi("The 1/3 rule", "De 1/3-regel"), range_address("Economics", f"F{top}:F{top + 2}"),
        [{"values": range_address("Economics", f"G{top}:G{top + 2}"), "color": SERIES[0], "labels": True}],
        width_cm=7.2, height_cm=7.0, legend=False, name="OneThirdRule"))


# ====================================================================== Subscriptions
def subscriptions_sheet(book, data):
    sheet = book.add_sheet(Sheet("Subscriptions", [6.4, 6.0, 2.7, 2.7, 2.7, 2.9, 0.5, 14.0],
                                 tab_color="#c55a11"))
    sheet.set("A1", bi("Subscriptions", "Abonnementen"), style="Title")
    sheet.row_height(1, 0.9)
    sheet.set("A2", "The MRR bridge of the quarter month by month, with churn and retention. Amounts in € per month. · "
              "De MRR-brug van het kwartaal per maand, met churn en retentie. Bedragen in € per maand.",
              style="Subtitle")
    sheet.set("A4", "Month", style="Header")
    sheet.set("B4", "Maand", style="Header")
    for column, month in zip(MONTH_COLUMNS, data["months"]):
        sheet.set(f"{column}4", month, style="Input",
                  note="The month's name, for your reading only.\nDe naam van de maand, alleen om te lezen.")
    sheet.set(f"{QUARTER_COLUMN}4", head("Quarter", "Kwartaal"), style="Header")
    sheet.row_height(4, 0.9)
    mrr, customers = data["mrr"] or {}, data["customers"] or {}

    def flows(key, source):
        return [source[key][m] if source else None for m in range(3)]

    rows = [
        ("section", bi("MRR bridge", "MRR-brug")),
        ("start", "mrr_start", ("MRR at the start", "MRR aan het begin"), mrr.get("start"), "InputMoney"),
        ("flow", "new", ("+ New", "+ Nieuw"), flows("new", data["mrr"]), "InputMoney"),
        ("flow", "expansion", ("+ Expansion", "+ Uitbreiding"), flows("expansion", data["mrr"]), "InputMoney"),
        ("flow", "reactivation", ("+ Reactivation", "+ Reactivering"), flows("reactivation", data["mrr"]),
         "InputMoney"),
        ("flow", "contraction", ("− Contraction", "− Krimp"), flows("contraction", data["mrr"]), "InputMoney"),
        ("flow", "churned", ("− Churned", "− Opgezegd"), flows("churned", data["mrr"]), "InputMoney"),
        ("end", "mrr_end", ("MRR at the end", "MRR aan het eind"),
         "{mrr_start}+{new}+{expansion}+{reactivation}-{contraction}-{churned}", "CalcMoney"),
        ("kpi", "arr", ("ARR (annual recurring revenue)", "ARR (jaarlijks terugkerende omzet)"),
         "MRR_TO_ARR({mrr_end})", "CalcMoney", "COUNT({mrr_end})=0",
         "MRR_TO_ARR(MRR at the end) = 12 × MRR.\nMRR_TO_ARR(MRR aan het eind) = 12 × MRR."),
        ("blank",),
        ("section", bi("Customers", "Klanten")),
        ("start", "cust_start", ("Customers at the start", "Klanten aan het begin"), customers.get("start"),
         "InputInt"),
        ("flow", "cust_new", ("+ New customers", "+ Nieuwe klanten"), flows("new", data["customers"]),
         "InputInt"),
        ("flow", "cust_lost", ("− Customers lost", "− Verloren klanten"), flows("lost", data["customers"]),
         "InputInt"),
        ("end", "cust_end", ("Customers at the end", "Klanten aan het eind"),
         "{cust_start}+{cust_new}-{cust_lost}", "CalcInt"),
        ("kpi", "arpa", ("ARPA (MRR per customer)", "ARPA (MRR per klant)"),
         "ARPA({mrr_end};{cust_end})", "CalcMoney", "COUNT({mrr_end};{cust_end})<2",
         "ARPA(MRR at the end; customers at the end).\nARPA(MRR aan het eind; klanten aan het eind)."),
        ("blank",),
        ("section", bi("Churn and retention", "Churn en retentie")),
        ("kpi", "churn", ("Customer churn", "Klantchurn"),
         "CHURN_RATE({cust_lost};{cust_start};{cust_new})", "CalcPct1", "COUNT({cust_lost};{cust_start};{cust_new})<3",
         "CHURN_RATE(lost; start; new). Months: red above the monthly churn that meets the target.\n"
         "CHURN_RATE(verloren; begin; nieuw). Maanden: rood boven de maandchurn die bij het doel past."),
        ("kpi", "churn_year", ("The same churn for a year", "Dezelfde churn over een jaar"),
         "CHURN_ANNUAL({churn})", "CalcPct1", "COUNT({churn})=0",
         "CHURN_ANNUAL(monthly churn), not 12 × monthly; quarter: from the months' average.\n"
         "CHURN_ANNUAL(maandchurn), niet 12 × maand; kwartaal: uit het gemiddelde van de maanden."),
        ("single", "target", ("Churn target for a year", "Churndoel per jaar"), data["assumptions"]["churn_target"],
         "InputPct", None, "The most churn a year you accept.\nDe hoogste jaarchurn die u aanvaardt."),
        ("single", "target_month", ("Monthly churn that meets it", "Maandchurn die daarbij past"),
         "CHURN_MONTHLY({target})", "CalcPct1", "COUNT({target})=0",
         "CHURN_MONTHLY(annual target) = 1 − (1 − annual)^(1/12), not annual / 12.\n"
         "CHURN_MONTHLY(jaardoel) = 1 − (1 − jaar)^(1/12), niet jaar / 12."),
        ("kpi", "gross_churn", ("Gross MRR churn", "Bruto MRR-churn"),
         "GROSS_MRR_CHURN({mrr_start};{churned};{contraction})", "CalcPct1", "COUNT({mrr_start})=0",
         "GROSS_MRR_CHURN(start MRR; churned; contraction).\nGROSS_MRR_CHURN(begin-MRR; opgezegd; krimp)."),
        ("kpi", "net_churn", ("Net MRR churn", "Netto MRR-churn"),
         "NET_MRR_CHURN({mrr_start};{churned};{contraction};{expansion};{reactivation})", "CalcPct1",
         "COUNT({mrr_start})=0",
         "NET_MRR_CHURN(start; churned; contraction; expansion; reactivation); below 0 is good.\n"
         "NET_MRR_CHURN(begin; opgezegd; krimp; uitbreiding; reactivering); onder 0 is goed."),
        ("kpi", "grr", ("Gross revenue retention (GRR)", "Bruto omzetretentie (GRR)"),
         "GRR({mrr_start};{churned};{contraction})", "CalcPct1", "COUNT({mrr_start})=0",
         "GRR(start MRR; churned; contraction): what existing customers kept, at most 100 %.\n"
         "GRR(begin-MRR; opgezegd; krimp): wat bestaande klanten behielden, hooguit 100 %."),
        ("kpi", "nrr", ("Net revenue retention (NRR)", "Netto omzetretentie (NRR)"),
         "NRR({mrr_start};{churned};{contraction};{expansion})", "CalcPct1", "COUNT({mrr_start})=0",
         "NRR(start MRR; churned; contraction; expansion). Green from 100 %.\n"
         "NRR(begin-MRR; opgezegd; krimp; uitbreiding). Groen vanaf 100 %."),
        ("kpi", "quick", ("SaaS quick ratio", "SaaS quick ratio"),
         "QUICK_RATIO({new};{expansion};{churned};{contraction};{reactivation})", "CalcDec",
         "COUNT({churned};{contraction})<2",
         "QUICK_RATIO(new; expansion; churned; contraction; reactivation): MRR won per MRR lost; green from 4.\n"
         "QUICK_RATIO(nieuw; uitbreiding; opgezegd; krimp; reactivering): gewonnen per verloren MRR; groen vanaf 4."),
    ]
    where = write_month_rows(sheet, rows, first_row=5)
    span = f"C{{}}:{QUARTER_COLUMN}{{}}".format
    # Churn per month against the monthly target (the quarter column is the quarter's churn).
    flag(sheet, f"C{where['churn']}:E{where['churn']}", f"<=[.$C${where['target_month']}]",
         bad=f">[.$C${where['target_month']}]")
    flag(sheet, span(where["nrr"], where["nrr"]), ">=1", watch=">=0.9", bad="<0.9")
    flag(sheet, span(where["quick"], where["quick"]), ">=4", watch=">=1", bad="<1")
    book.named_range("Subscriptions_table", sheet, f"A4:{QUARTER_COLUMN}{where['quick']}")
    return sheet, where


MONTH_COLUMNS, QUARTER_COLUMN = "CDE", "F"


def write_month_rows(sheet, rows, first_row):
    """Rows of the Subscriptions sheet: a label (en, nl), three months and the quarter, and
    what the row means. Returns row key -> row number; formulas name rows as {key}."""
    where = {spec[1]: first_row + index for index, spec in enumerate(rows)
             if spec[0] not in ("blank", "section")}
    columns = MONTH_COLUMNS + QUARTER_COLUMN
    refs = lambda column: {key: f"{column}{row}" for key, row in where.items()}
    first, last = MONTH_COLUMNS[0], MONTH_COLUMNS[-1]
    for index, spec in enumerate(rows):
        row = first_row + index
        kind = spec[0]
        if kind == "section":
            sheet.set(f"A{row}", spec[1], style="Section", span=6)
            sheet.row_height(row, 0.8)
            continue
        if kind == "blank":
            continue
        _, key, label, value, style, *rest = spec
        write_label(sheet, row, label)
        calculated = style.replace("Input", "Calc")
        if kind == "start":  # typed for the first month; then the previous month's end
            end = where[{"mrr_start": "mrr_end", "cust_start": "cust_end"}[key]]
            sheet.set(f"{first}{row}", value, style=style)
            for previous, column in zip(MONTH_COLUMNS, MONTH_COLUMNS[1:]):
                sheet.set(f"{column}{row}", formula=f"={previous}{end}", style=calculated)
            sheet.set(f"{QUARTER_COLUMN}{row}", formula=guard(f"COUNT({first}{row})=0", f"{first}{row}"),
                      style=calculated)
        elif kind == "flow":  # typed per month; the quarter is their sum
            for column, amount in zip(MONTH_COLUMNS, value):
                sheet.set(f"{column}{row}", amount, style=style)
            sheet.set(f"{QUARTER_COLUMN}{row}", style=calculated,
                      formula=guard(f"COUNT({first}{row}:{last}{row})=0", f"SUM({first}{row}:{last}{row})"))
        elif kind == "end":
            start = "mrr_start" if key == "mrr_end" else "cust_start"
            for column in columns:
                sheet.set(f"{column}{row}", style=style,
                          formula=guard(f"COUNT({column}{where[start]})=0", value.format(**refs(column))))
        elif kind == "kpi":
            test, note = rest
            for column in columns:
                formula, test_here = value.format(**refs(column)), test.format(**refs(column))
                if key == "churn_year" and column == QUARTER_COLUMN:
                    months = f"{first}{where['churn']}:{last}{where['churn']}"
                    formula, test_here = f"CHURN_ANNUAL(AVERAGE({months}))", f"COUNT({months})=0"
                sheet.set(f"{column}{row}", formula=guard(test_here, formula), style=style,
                          note=note if column == first else None)
            sheet.set(f"H{row}", note, style="Explain")
            sheet.row_height(row, EXPLAINED_HEIGHT)
        elif kind == "single":  # one value for the whole sheet, in the first month's column
            test, note = rest
            if test is None:
                sheet.set(f"{first}{row}", value, style=style, note=note,
                          kind="percentage" if style == "InputPct" else None)
            else:
                sheet.set(f"{first}{row}", formula=guard(test.format(**refs(first)), value.format(**refs(first))),
                          style=style, note=note)
            sheet.set(f"H{row}", note, style="Explain")
            sheet.row_height(row, EXPLAINED_HEIGHT)
    return where


# ====================================================================== Dashboard
DASH_TILES = 5
DASH_TABLE = 11
DASH_FIRST = DASH_TABLE + 1
DASH_TEAM = DASH_FIRST + SELLER_COUNT
DASH_CHARTS = DASH_TEAM + 3
CHART_ROWS, CHART_ROW_HEIGHT = 14, 0.5  # each row of charts: 14 rows of 0.5 cm, the charts 6.6 cm
DASH_COLUMNS = [  # column, header, style, source formula for the seller on Activity row a / Pipeline row p
    ("B", ("Revenue won", "Gewonnen omzet"), "Money", "Activity.I{a}"),
    ("C", ("Quota", "Quotum"), "Money", "Activity.J{a}"),
    ("D", ("Attainment", "Realisatie"), "Pct", "Pipeline.P{p}"),
    ("E", ("Calls", "Belpogingen"), "Int", "Activity.C{a}"),
    ("F", ("Calls needed", "Nodig"), "Int", "Activity.S{a}"),
    ("G", ("Ahead / behind", "Voor / achter"), "Int", "Activity.T{a}"),
    ("H", ("Call → deal", "Belpoging → deal"), "Pct1", "Activity.N{a}"),
    ("I", ("Calls per hour", "Belpogingen per uur"), "Dec", "Activity.O{a}"),
    ("J", ("Win rate", "Winratio"), "Pct", "Pipeline.K{p}"),
    ("K", ("Coverage", "Dekking"), "Ratio", "Pipeline.N{p}"),
    ("L", ("Coverage needed", "Dekking nodig"), "Ratio", "Pipeline.O{p}"),
    ("M", ("Weighted pipeline", "Gewogen pipeline"), "Money", "Pipeline.J{p}"),
]


def dashboard_sheet(book, data, economics, subscriptions):
    sheet = book.add_sheet(Sheet("Dashboard", [4.6] + [2.1] * 12 + [0.8, 4.6] + [3.0] * 5,
                                 page="OnePage", tab_color=NAVY))
    sheet.set("A1", formula="=\"Team KPIs · Team-KPI's\"&IF(Activity.B3=\"\";\"\";\" — \"&Activity.B3)",
              style="Title", span=9)
    sheet.row_height(1, 1.0)
    sheet.set("A2", bi("Quarter starting", "Kwartaal vanaf"), style="Subtitle", span=2)
    sheet.set("C2", formula=guard("COUNT(Activity.I3)=0", "Activity.I3"), style="CalcDate", span=2)
    sheet.set("F2", "Figures of the weeks entered on the Activity sheet. · Cijfers van de ingevulde weken.",
              style="Subtitle", span=8)
    dashboard_legend(sheet)
    dashboard_tiles(sheet, economics, subscriptions)
    dashboard_table(sheet)
    bridge = dashboard_chart_data(sheet, subscriptions[1])
    last = dashboard_charts(sheet, bridge)
    sheet.print_range = f"A1:M{last}"
    book.named_range("Dashboard_tiles", sheet, f"A{DASH_TILES}:M{DASH_TILES + 2}")
    book.named_range("Dashboard_sellers", sheet, f"A{DASH_TABLE}:M{DASH_TEAM}")
    return sheet


def dashboard_legend(sheet):
    sheet.set("A3", bi("Legend", "Legenda"), style="Subtitle")
    for column, text, style in (("B", bi("Input", "Invoer"), "Input"), ("D", bi("Calculated", "Berekend"), "Calc"),
                                ("F", bi("On track", "Op koers"), "OnTrack"), ("H", bi("Watch", "Let op"), "Watch"),
                                ("J", bi("Behind", "Achter"), "Behind")):
        sheet.set(f"{column}3", text, style=style, span=2)


def dashboard_tiles(sheet, economics, subscriptions):
    _, money = economics
    _, months = subscriptions
    top = DASH_TILES
    tiles = [  # first column, span, label, value formula, value style, note formula or text, note style, flag
        ("A", 1, bi("Quota attainment", "Quotumrealisatie"), f"Pipeline.P{PIPE_TEAM}", "TilePct",
         bi("revenue ÷ quota", "omzet ÷ quotum"), "TileNote", (">=1", ">=0.9", "<0.9")),
        ("B", 2, bi("Win rate", "Winratio"), f"Pipeline.K{PIPE_TEAM}", "TilePct",
         bi("won ÷ closed", "gewonnen ÷ afgesloten"), "TileNote", None),
        ("D", 2, bi("Pipeline coverage", "Pipelinedekking"), f"Pipeline.N{PIPE_TEAM}", "TileRatio",
         f"Pipeline.O{PIPE_TEAM}", "TileNeed", (f">=[.D{top + 2}]", None, f"<[.D{top + 2}]")),
        ("F", 2, "LTV:CAC", f"Economics.{money['ltvcac']}", "TileRatio",
         f"Economics.{money['ratio']}", "TileTarget", (f">=[.F{top + 2}]", ">=1", "<1")),
        ("H", 2, bi("CAC payback (months)", "Terugverdientijd (mnd)"), f"Economics.{money['payback']}", "TileDec",
         bi("≤ 12 months is good", "≤ 12 maanden is goed"), "TileNote", ("<=12", "<=18", ">18")),
        ("J", 2, bi("Net revenue retention", "Netto omzetretentie"), f"Subscriptions.{QUARTER_COLUMN}{months['nrr']}", "TilePct",
         bi("this quarter", "dit kwartaal"), "TileNote", (">=1", ">=0.9", "<0.9")),
        ("L", 2, bi("ARR at the end", "ARR aan het eind"), f"Subscriptions.{QUARTER_COLUMN}{months['arr']}", "TileMoney",
         bi("= 12 × MRR", "= 12 × MRR"), "TileNote", None),
    ]
    sheet.row_height(top, 0.8)
    sheet.row_height(top + 1, 1.2)
    sheet.row_height(top + 2, 0.6)
    for column, span, label, source, style, note, note_style, rules in tiles:
        sheet.set(f"{column}{top}", label, style="TileLabel", span=span)
        sheet.set(f"{column}{top + 1}", formula=f"={source}", style=style, span=span,
                  note=f"From / van {source.split('.')[0]}")
        if note_style == "TileNote":
            sheet.set(f"{column}{top + 2}", note, style=note_style, span=span)
        else:
            sheet.set(f"{column}{top + 2}", formula=f"={note}", style=note_style, span=span)
        if rules:
            good, watch, bad = rules
            flag(sheet, f"{column}{top + 1}", good, watch=watch, bad=bad)


def dashboard_table(sheet):
    sheet.set(f"A{DASH_TABLE - 1}", bi("Sellers", "Verkopers"), style="Section", span=13)
    sheet.row_height(DASH_TABLE - 1, 0.8)
    sheet.set(f"A{DASH_TABLE}", head("Seller", "Verkoper"), style="Header")
    sheet.row_height(DASH_TABLE, HEADER_HEIGHT)
    for column, (en, nl), _, source in DASH_COLUMNS:
        sheet.set(f"{column}{DASH_TABLE}", head(en, nl), style="Header",
                  note=f"From / van {source.split('.')[0]}")
    for index in range(SELLER_COUNT + 1):
        row = DASH_FIRST + index
        team = index == SELLER_COUNT
        a = ACT_TEAM if team else ACT_SUMMARY_FIRST + index
        p = PIPE_TEAM if team else PIPE_FIRST + index
        prefix = "Team" if team else "Calc"
        sheet.set(f"A{row}", formula=f"=Activity.A{a}", style="TeamText" if team else "Calc")
        for column, _, kind, source in DASH_COLUMNS:
            sheet.set(f"{column}{row}", formula="=" + source.format(a=a, p=p), style=prefix + kind)
    flag(sheet, f"D{DASH_FIRST}:D{DASH_TEAM}", ">=1", watch=">=0.9", bad="<0.9")
    flag(sheet, f"G{DASH_FIRST}:G{DASH_TEAM}", ">=0", bad="<0")
    flag(sheet, f"K{DASH_FIRST}:K{DASH_TEAM}", f">=[.L{DASH_FIRST}]", bad=f"<[.L{DASH_FIRST}]")


def dashboard_chart_data(sheet, months):
    """The charts' data, beside the printed dashboard (columns O to T). Charts read their
    own sheet: a chart on the first sheet cannot name a sheet that is loaded after it."""
    sheet.set(f"O{DASH_TABLE - 1}", bi("Chart data (calculated)", "Grafiekgegevens (berekend)"),
              style="Section", span=6)
    labels = [bi("Seller", "Verkoper"), bi("Calls", "Belpogingen"),
              bi("Needed for quota", "Nodig voor quotum"), "Leads",
              bi("Meetings", "Afspraken"), bi("Deals won", "Deals gewonnen")]
    sources = ["A", "C", "S", "E", "F", "G"]
    for column, label in zip("OPQRST", labels):
        sheet.set(f"{column}{DASH_TABLE}", label, style="Header")
    for index in range(SELLER_COUNT):
        row = DASH_FIRST + index
        for column, source in zip("OPQRST", sources):
            sheet.set(f"{column}{row}", formula=f"=Activity.{source}{ACT_SUMMARY_FIRST + index}",
                      style="Calc" if source == "A" else "CalcInt")
    # The quarter's MRR movements as a waterfall: an invisible base under each step, up
    # from 0 to the net change (start and end MRR would dwarf the movements).
    top = DASH_TEAM + 2
    for column, label in zip("OPQRS", (bi("Step", "Stap"), bi("Base", "Basis"), bi("Net", "Netto"),
                                         bi("Gain", "Groei"), bi("Loss", "Verlies"))):
        sheet.set(f"{column}{top}", label, style="Header")
    q = {key: f"Subscriptions.{QUARTER_COLUMN}{row}" for key, row in months.items()}
    gained = f"{q['new']}+{q['expansion']}+{q['reactivation']}"
    steps = [  # label, base, net, gain, loss
        (head("New", "Nieuw"), "0", None, q["new"], None),
        (head("Expansion", "Uitbreiding"), q["new"], None, q["expansion"], None),
        (head("Reactivation", "Reactivering"), f"{q['new']}+{q['expansion']}", None, q["reactivation"], None),
        (head("Contraction", "Krimp"), f"{gained}-{q['contraction']}", None, None, q["contraction"]),
        (head("Churned", "Opgezegd"), f"{gained}-{q['contraction']}-{q['churned']}", None, None, q["churned"]),
        (head("Net new MRR", "Netto nieuw"), None, f"{q['mrr_end']}-{q['mrr_start']}", None, None),
    ]
    for offset, (label, *values) in enumerate(steps):
        row = top + 1 + offset
        sheet.set(f"O{row}", label, style="Label")
        for column, value in zip("PQRS", values):
            if value is not None:
                sheet.set(f"{column}{row}", formula=guard(f"COUNT({q['mrr_start']})=0", value),
                          style="CalcMoney")
    return top


def dashboard_charts(sheet, bridge):
    """Four charts in two rows under the sellers' table; bridge: the waterfall's header row."""
    dash = lambda ref: range_address("Dashboard", ref)
    top, bottom = DASH_FIRST, DASH_TEAM - 1
    sellers = dash(f"O{top}:O{bottom}")
    width, height = 14.2, 6.6

    def series(column, color, **options):
        return {"name": dash(f"{column}{DASH_TABLE}"), "values": dash(f"{column}{top}:{column}{bottom}"),
                "color": color, **options}

    sheet.chart(f"A{DASH_CHARTS}", Chart(
        bi("Quota attainment", "Quotumrealisatie"), sellers,
        [{"name": dash(f"D{DASH_TABLE}"), "values": dash(f"D{top}:D{bottom}"), "color": SERIES[0],
          "labels": True}],
        width, height, percent_axis=True, legend=False, name="Attainment"))
    sheet.chart(f"G{DASH_CHARTS}", Chart(
        bi("Calls made and needed for quota", "Belpogingen gemaakt en nodig"), sellers,
        [series("P", SERIES[0]), series("Q", SERIES[2])], width, height, name="CallsNeeded"))
    for row in range(DASH_CHARTS, DASH_CHARTS + 2 * CHART_ROWS + 1):
        sheet.row_height(row, CHART_ROW_HEIGHT)
    lower = DASH_CHARTS + CHART_ROWS
    sheet.chart(f"A{lower}", Chart(
        bi("Funnel per seller", "Funnel per verkoper"), sellers,
        [series("R", SERIES[1]), series("S", SERIES[0]), series("T", NAVY, labels=True)],
        width, height, name="Funnel"))
    steps = dash(f"O{bridge + 1}:O{bridge + 6}")
    colors = {"P": None, "Q": SERIES[1], "R": "#93c47d", "S": "#ea9999"}  # light: dark labels stay legible
    sheet.chart(f"G{lower}", Chart(
        bi("MRR bridge this quarter", "MRR-brug dit kwartaal"), steps,
        [{"name": dash(f"{column}{bridge}"), "values": dash(f"{column}{bridge + 1}:{column}{bridge + 6}"),
          "color": color or "#ffffff", "hidden": color is None, "labels": color is not None}
         for column, color in colors.items()],
        width, height, stacked=True, legend=False, name="MrrBridge"))
    return lower + CHART_ROWS  # the last row the charts reach, plus a margin


# ====================================================================== the workbook
def build(catalogue, data):
    book = Workbook(TITLE, FormulaTranslator(stored_names(catalogue)))
    add_styles(book)
    # The dashboard comes first in the file (it opens and prints first) but is built last:
    # it refers to the other sheets' rows.
    activity_sheet(book, data)
    pipeline_sheet(book, data)
    economics = economics_sheet(book, data)
    subscriptions = subscriptions_sheet(book, data)
    dashboard = dashboard_sheet(book, data, economics, subscriptions)
    book.sheets.remove(dashboard)
    book.sheets.insert(0, dashboard)
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
