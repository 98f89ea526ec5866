"""Per seller, from the deal rows (criteria pairs and COUNTIFS/SUMIFS: never an IF filter)
and the weekly activity. Three tables with the same rows: results, funnel, pipeline."""
from workbook.layout import C, Label, Row, SheetSpec, Table

from workbook.sheets.common import SHEET_NAMES, SELLERS, explain, flag, headers, section, subtitle, team_style, title

D = "deals.rows."
WON, LOST, OPEN = "{$setup.won.value}", "{$setup.lost.value}", "{$setup.open.value}"
STAGE_RATES = "STAGE_RATES({deals.rows.stage};{$setup.order.value}%s)"


def crit(seller):
    """The owner criterion of a seller's row; none for the team (every deal row)."""
    return "" if seller == "team" else ";{deals.rows.owner};{res.name}"


# key, header (en, nl), style, note, formula(seller) or None (an input), when
RESULTS = [
    ("quota", ("Quota (€)", "Quotum (€)"), "InputMoney",
     Label("The seller's quota for the period of the deals pasted.", "Het quotum van de verkoper voor de periode van de geplakte deals."),
     None, None),
    ("deals", ("Deals", "Deals"), "CalcInt", Label("Deal rows of this owner.", "Dealrijen van deze eigenaar."),
     lambda s: "=COUNT({deals.rows.created})" if s == "team" else "=COUNTIFS({deals.rows.owner};{res.name})", None),
    ("won", ("Won", "Gewonnen"), "CalcInt", None, lambda s: f"=COUNTIFS({{deals.rows.status}};{WON}{crit(s)})", None),
    ("lost", ("Lost", "Verloren"), "CalcInt", None, lambda s: f"=COUNTIFS({{deals.rows.status}};{LOST}{crit(s)})", None),
    ("open", ("Open", "Open"), "CalcInt", None, lambda s: f"=COUNTIFS({{deals.rows.status}};{OPEN}{crit(s)})", None),
    ("revenue", ("Revenue won (€)", "Gewonnen omzet (€)"), "CalcMoney", None,
     lambda s: f"=SUMIFS({{deals.rows.amount}};{{deals.rows.status}};{WON}{crit(s)})", None),
    ("attainment", ("Attainment", "Realisatie"), "CalcPct",
     Label("QUOTA_ATTAINMENT(revenue won; quota). Green ≥ 100 %, amber ≥ 90 %.",
          "QUOTA_ATTAINMENT(gewonnen omzet; quotum). Groen ≥ 100 %, oranje ≥ 90 %."),
     lambda s: "=QUOTA_ATTAINMENT({revenue};{quota})", "{quota}>0"),
    ("win_rate", ("Win rate", "Winratio"), "CalcPct",
     Label("WIN_RATE(won; lost): open deals do not count.", "WIN_RATE(gewonnen; verloren): open deals tellen niet."),
     lambda s: "=WIN_RATE({won};{lost})", "{won}+{lost}>0"),
    ("asp", ("Average deal (ASP)", "Gem. deal (ASP)"), "CalcMoney", Label("ASP(revenue won; deals won).", "ASP(gewonnen omzet; gewonnen deals)."),
     lambda s: "=ASP({revenue};{won})", "{won}>0"),
    ("cycle", ("Sales cycle (days)", "Verkoopcyclus (dagen)"), "CalcDec",
     Label("SALES_CYCLE(created; closed; status; won; owner; seller): mean days to a won deal.",
          "SALES_CYCLE(aangemaakt; gesloten; status; gewonnen; eigenaar; verkoper): gemiddelde dagen tot een gewonnen deal."),
     lambda s: f"=SALES_CYCLE({{deals.rows.created}};{{deals.rows.closed}};{{deals.rows.status}};{WON}{crit(s)})",
     "{won}>0"),
]
RATES = ["r1", "r2", "r3", "r4"]
FUNNEL = [
    *((rate, None, "CalcPct",
       Label("STAGE_RATES(stage reached; stages; owner; seller): deals that got past this stage / deals that reached it.",
            "STAGE_RATES(bereikte fase; fasen; eigenaar; verkoper): deals voorbij deze fase / deals die haar bereikten."),
       (lambda k: lambda s: f"=INDEX({STAGE_RATES % crit(s)};{k})")(k), "{res.won}>0")
      for k, rate in enumerate(RATES, start=1)),
    ("calls", ("Calls", "Belpogingen"), "CalcInt", Label("From the Activity sheet.", "Van het blad Activiteit."),
     lambda s: "=SUM({fun.seller.calls})" if s == "team" else f"=SUM({{week.weeks.{s}_calls}})", None),
    ("hours", ("Hours", "Uren"), "CalcInt", None,
     lambda s: "=SUM({fun.seller.hours})" if s == "team" else f"=SUM({{week.weeks.{s}_hours}})", None),
    ("calls_hour", ("Calls per hour", "Belpogingen per uur"), "CalcDec",
     Label("Efficiency: ACTIVITY_RATE(calls; hours).", "Efficiëntie: ACTIVITY_RATE(belpogingen; uren)."),
     lambda s: "=ACTIVITY_RATE({calls};{hours})", "{hours}>0"),
    ("call_deal", ("Call → deal", "Belpoging → deal"), "CalcPct1",
     Label("Effectiveness: CONVERSION(deals; calls), deals created per call.",
          "Effectiviteit: CONVERSION(deals; belpogingen), deals per belpoging."),
     lambda s: "=CONVERSION({res.deals};{calls})", "{calls}>0"),
    ("deals_needed", ("Deals needed for quota", "Deals nodig voor quotum"), "CalcInt",
     Label("Quota / ASP, rounded up.", "Quotum / ASP, naar boven afgerond."),
     lambda s: "=ROUNDUP({res.quota}/{res.asp};0)", None),
    ("qualified_needed", ("Deals to start", "Deals te starten"), "CalcInt",
     Label("FUNNEL_NEEDED(deals needed; STAGE_RATES(...; owner; seller)): deals to open at the top of the funnel.",
          "FUNNEL_NEEDED(deals nodig; STAGE_RATES(...; eigenaar; verkoper)): deals te openen bovenaan de funnel."),
     lambda s: f"=FUNNEL_NEEDED({{deals_needed}};{STAGE_RATES % crit(s)})", "{res.won}>0"),
    ("calls_needed", ("Calls needed", "Belpogingen nodig"), "CalcInt",
     Label("FUNNEL_NEEDED(deals to start; call → deal): the calls the quota needs at this seller's own rates.",
          "FUNNEL_NEEDED(deals te starten; belpoging → deal): de belpogingen die het quotum vraagt bij de eigen ratio's."),
     lambda s: "=FUNNEL_NEEDED({qualified_needed};{call_deal})", "{call_deal}>0"),
    ("ahead", ("Calls ahead (+) / behind (−)", "Belpogingen voor (+) / achter (−)"), "CalcInt",
     Label("Calls made − calls needed. Red: behind on activity.", "Gemaakte − benodigde belpogingen. Rood: achter op activiteit."),
     lambda s: "={calls}-{calls_needed}", None),
]
PIPELINE = [
    ("quota_next", ("Quota next quarter (€)", "Quotum volgend kwartaal (€)"), "InputMoney", None, None, None),
    ("open_pipeline", ("Open pipeline (€)", "Open pipeline (€)"), "CalcMoney", None,
     lambda s: f"=SUMIFS({{deals.rows.amount}};{{deals.rows.status}};{OPEN}{crit(s)})", None),
    ("weighted", ("Weighted pipeline (€)", "Gewogen pipeline (€)"), "CalcMoney",
     Label("Σ amount × probability of the open deals (SUMPRODUCT over the deal rows).",
          "Σ bedrag × kans van de open deals (SUMPRODUCT over de dealrijen)."),
     lambda s: ("=SUMPRODUCT(({deals.rows.status}=" + OPEN + ")*{deals.rows.amount}*{deals.rows.probability}"
                + ("" if s == "team" else "*({deals.rows.owner}={res.name})") + ")"), None),
    ("coverage", ("Pipeline coverage", "Pipelinedekking"), "CalcRatio",
     Label("PIPELINE_COVERAGE(open pipeline; next quarter's quota). Red: below the coverage the win rate needs.",
          "PIPELINE_COVERAGE(open pipeline; quotum volgend kwartaal). Rood: lager dan de winratio vraagt."),
     lambda s: "=PIPELINE_COVERAGE({open_pipeline};{quota_next})", "{quota_next}>0"),
    ("needed", ("Coverage needed", "Dekking nodig"), "CalcRatio",
     Label("REQUIRED_COVERAGE(win rate) = 1 / win rate.", "REQUIRED_COVERAGE(winratio) = 1 / winratio."),
     lambda s: "=REQUIRED_COVERAGE({res.win_rate})", "{res.win_rate}>0"),
    ("velocity", ("Sales velocity (€/day)", "Snelheid (€/dag)"), "CalcMoney",
     Label("SALES_VELOCITY(open deals; ASP; win rate; cycle).", "SALES_VELOCITY(open deals; ASP; winratio; cyclus)."),
     lambda s: "=SALES_VELOCITY({res.open};{res.asp};{res.win_rate};{res.cycle})", "{res.cycle}>0"),
]


def rate_header(k):
    """'Qualified → Demo': the stage names of the Deals sheet."""
    return C(formula=f'={{setup.s{k}.value}}&" → "&{{setup.s{k + 1}.value}}', style="Header", guard=False, key=True)


def seller_table(key, spec_columns, data, heading, explanation=None, at_gap=1):
    columns = ["name", *(c[0] for c in spec_columns)]

    def row(seller, index):
        team = seller == "team"
        style = team_style if team else (lambda s: s)
        if key == "res":
            name = (C("Team", style="TeamText", text=True) if team else
                    C(data["sellers"][index] or Label(f"Seller {index + 1}", f"Verkoper {index + 1}"), style="Input",
                      text=True))
        else:
            name = C(formula="={res.name}", style="TeamText" if team else "Calc", text=True)
        cells = {"name": name}
        for column, _, cell_style, _, formula, when in spec_columns:
            if formula is None:  # an input per seller; the team's is the sum
                if team:
                    cells[column] = C(formula=f"=SUM({{{key}.seller.{column}}})", style=team_style(cell_style.replace("Input", "Calc")))
                else:
                    source = data.get(column)
                    cells[column] = C(source[index] if source else None, style=cell_style)
            else:
                cells[column] = C(formula=formula(seller), style=style(cell_style), when=when)
        return Row(seller, cells, group=None if team else "seller")

    header = {"name": (("Seller", "Verkoper"),
                       Label("Type the names as the CRM's owner column writes them.",
                            "Typ de namen zoals de eigenaarkolom van het CRM ze schrijft.")) if key == "res"
              else ("Seller", "Verkoper")}
    header.update({c[0]: ((c[1], c[3]) if c[3] else c[1]) for c in spec_columns if c[1]})
    header_row = headers("header", header)
    for k, rate in enumerate(RATES, start=1):
        if rate in columns:
            header_row.cells[rate] = rate_header(k)
    rows = [section("section", heading, span=len(columns)), header_row,
            *(row(seller, index) for index, seller in enumerate(SELLERS)), row("team", None)]
    if explanation:
        rows.append(explain("explain", explanation, span=len(columns)))
    return Table(key, columns, rows, gap=at_gap, column_groups={"rates": RATES} if key == "fun" else None)


def sellers_sheet(data):
    top = Table("top", ["label", "value"], [
        title("title", SHEET_NAMES["Sellers"]),
        subtitle("subtitle", Label("Every figure here comes from the Deals rows and the Activity weeks; yellow cells are "
                                "inputs.", "Elk cijfer hier komt uit de rijen van Deals en de weken van Activiteit; "
                                "gele cellen zijn invoer.")),
        Row("team", {"label": C(Label("Team name", "Teamnaam"), style="Label"),
                     "value": C(data["team"], style="Input", span=4, text=True)}),
    ])
    results = seller_table("res", RESULTS, data, Label("Results from the deal rows", "Resultaten uit de dealrijen"),
                           Label("Team: every deal row, also those of owners not listed above.",
                              "Team: alle dealrijen, ook die van eigenaren die hierboven niet staan."))
    results.rows.insert(-1, Row("unmatched", {
        "name": C(Label("Deals of other owners", "Deals van andere eigenaren"), style="Label"),
        "deals": C(formula="={team.deals}-SUM({res.seller.deals})", style="CalcInt",
                   note=Label("Deal rows whose owner is none of the five names: a typo in a name?",
                             "Dealrijen waarvan de eigenaar geen van de vijf namen is: een typefout in een naam?"))}))
    funnel = seller_table("fun", FUNNEL, data, Label("Funnel: stage rates from the deal rows, calls needed for quota",
                                                  "Funnel: faseratio's uit de dealrijen, belpogingen nodig voor het quotum"),
                          Label("Stage rates count every deal by the furthest stage it reached, open deals included; "
                             "they show once the seller has won a deal.",
                             "Faseratio's tellen elke deal op de verste fase die hij bereikte, open deals meegeteld; "
                             "ze verschijnen zodra de verkoper een deal won."))
    pipeline = seller_table("pipe", PIPELINE, data, Label("Pipeline for next quarter", "Pipeline voor volgend kwartaal"))
    spec = SheetSpec(SHEET_NAMES["Sellers"], [4.6] + [2.5] * 11, [top, results, funnel, pipeline], tab_color="#548235")
    flag(spec, "res.seller1.attainment..res.team.attainment", ">=1", watch=">=0.9", bad="<0.9")
    flag(spec, "fun.seller1.ahead..fun.team.ahead", ">=0", bad="<0")
    flag(spec, "pipe.seller1.coverage..pipe.team.coverage", ">={pipe.seller1.needed}", bad="<{pipe.seller1.needed}")
    return spec
