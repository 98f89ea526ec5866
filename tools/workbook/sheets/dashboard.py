"""The dashboard: KPI tiles, the sellers' table and four charts, all by key. Its chart data
sits beside the printed area: in LibreOffice 7.4 a chart cannot read a sheet after its own."""
from workbook.layout import C, Label, Row, SheetSpec, Table
from workbook.a1 import range_address
from workbook.odf.charts import Chart

from workbook.sheets.common import SHEET_NAMES, NAVY, SELLERS, SERIES, flag, headers, section
from workbook.sheets.rows import IMPORTING

CHART_ROWS, CHART_ROW_HEIGHT = 14, 0.5  # each row of charts: 14 rows of 0.5 cm, the charts 6.6 cm
DASH_COLUMNS = [  # key, header, style, source (a key of the seller's or the team's row)
    ("revenue", ("Revenue won", "Gewonnen omzet"), "Money", "res.revenue"),
    ("quota", ("Quota", "Quotum"), "Money", "res.quota"),
    ("attainment", ("Attainment", "Realisatie"), "Pct", "res.attainment"),
    ("win_rate", ("Win rate", "Winratio"), "Pct", "res.win_rate"),
    ("asp", ("Average deal", "Gem. deal"), "Money", "res.asp"),
    ("cycle", ("Cycle (days)", "Cyclus (dagen)"), "Dec", "res.cycle"),
    ("calls", ("Calls", "Belpogingen"), "Int", "fun.calls"),
    ("calls_needed", ("Calls needed", "Nodig"), "Int", "fun.calls_needed"),
    ("ahead", ("Ahead / behind", "Voor / achter"), "Int", "fun.ahead"),
    ("coverage", ("Coverage", "Dekking"), "Ratio", "pipe.coverage"),
    ("needed", ("Coverage needed", "Dekking nodig"), "Ratio", "pipe.needed"),
    ("weighted", ("Weighted pipeline", "Gewogen pipeline"), "Money", "pipe.weighted"),
]
TILES = [  # key, label, value key, style, note (text, or a key), note style, flag rules (good, watch, bad)
    ("attainment", Label("Quota attainment", "Quotumrealisatie"), "res.team.attainment", "TilePct",
     Label("revenue ÷ quota", "omzet ÷ quotum"), "TileNote", (">=1", ">=0.9", "<0.9")),
    ("win_rate", Label("Win rate", "Winratio"), "res.team.win_rate", "TilePct",
     Label("won ÷ closed", "gewonnen ÷ afgesloten"), "TileNote", None),
    ("coverage", Label("Pipeline coverage", "Pipelinedekking"), "pipe.team.coverage", "TileRatio",
     "pipe.team.needed", "TileNeed", (">={tiles.note.coverage}", None, "<{tiles.note.coverage}")),
    ("ltvcac", Label("LTV:CAC"), "econ.ltvcac.value", "TileRatio", "econ.ratio.value", "TileTarget",
     (">={tiles.note.ltvcac}", ">=1", "<1")),
    ("nrr", Label("Net revenue retention", "Netto omzetretentie"), "mrr.year.nrr", "TilePct",
     Label("last 12 months", "laatste 12 maanden"), "TileNote", (">=1", ">=0.9", "<0.9")),
    ("quick", Label("Quick ratio", "Quick ratio"), "mrr.quarter.quick", "TileDec",
     Label("last 3 months; 4 is excellent", "laatste 3 maanden; 4 is uitstekend"), "TileNote", (">=4", ">=1", "<1")),
    ("arr", Label("ARR at the end", "ARR aan het eind"), "mrr.m12.arr", "TileMoney",
     Label("= 12 × MRR", "= 12 × MRR"), "TileNote", None),
]
RATE_SERIES = ["r1", "r2", "r3", "r4"]
TITLE = Label("Team KPIs", "Team-KPI's")
NAMED_TEAM = 'IF({top.team.value}="";"";" — "&{top.team.value})'
FLOWS = [("new", 1), ("expansion", 1), ("reactivation", 1), ("contraction", -1), ("churned", -1)]


def source_note(source):
    """The note of a figure from another sheet: the sheet its table is on, once laid out."""
    def note(layout):
        sheet = layout.sheet_of(source.split(".")[0])
        return Label(f"From the {sheet} sheet.", f"Van het blad {sheet}.")
    return note


def dashboard_sheet(data):
    top = Table("dash_top", ["label", "b", "value"], [
        Row("title", {"label": C(formula=Label(f'="{TITLE.en}"&{NAMED_TEAM}', f'="{TITLE.nl}"&{NAMED_TEAM}'),
                                 style="Title", span=9, guard=False, text=True)},
            height=1.0),
        Row("howto", {"label": C(Label(f"How to paste CRM and billing exports: {IMPORTING} in saleskpi",
                                    f"Exports plakken: {IMPORTING}"), style="Subtitle", span=12)}, keyed=False),
        Row("legend", {"label": C(Label("Legend", "Legenda"), style="Subtitle"),
                       **{letter: C(text, style=style, span=2) for letter, text, style in (
                           ("B", Label("Input", "Invoer"), "Input"), ("D", Label("Calculated", "Berekend"), "Calc"),
                           ("F", Label("On track", "Op koers"), "OnTrack"), ("H", Label("Watch", "Let op"), "Watch"),
                           ("J", Label("Behind", "Achter"), "Behind"))}}, keyed=False),
    ])
    tile_columns = [TILES[0][0]] + [c for key, *_ in TILES[1:] for c in (key, key + "_")]
    spans = {key: 1 if key == TILES[0][0] else (key, key + "_") for key, *_ in TILES}
    labels, values, notes = {}, {}, {}
    for key, label, source, style, note_text, note_style, _ in TILES:
        labels[key] = C(label, style="TileLabel", span=spans[key], text=True)
        values[key] = C(formula=f"={{{source}}}", style=style, span=spans[key],
                        note=source_note(source))
        notes[key] = (C(note_text, style=note_style, span=spans[key], text=True) if note_style == "TileNote"
                      else C(formula=f"={{{note_text}}}", style=note_style, span=spans[key]))
    tiles = Table("tiles", tile_columns, [Row("label", labels, height=0.8),
                                          Row("value", values, height=1.2), Row("note", notes, height=0.6)])
    columns = ["name", *(key for key, *_ in DASH_COLUMNS)]

    def seller_row(key):
        team = key == "team"
        prefix = "Team" if team else "Calc"
        cells = {"name": C(formula="={res.name}", style="TeamText" if team else "Calc", text=True)}
        cells.update({column: C(formula=f"={{{source}}}", style=prefix + kind)
                      for column, _, kind, source in DASH_COLUMNS})
        return Row(key, cells, group=None if team else "seller")

    sellers = Table("dash", columns, [
        section("section", Label("Sellers", "Verkopers"), span=len(columns), height=0.8),
        headers("header", {"name": ("Seller", "Verkoper"),
                           **{key: (label, source_note(source)) for key, label, _, source in DASH_COLUMNS}}),
        *(seller_row(key) for key in SELLERS), seller_row("team"),
    ], gap=2)
    # The charts' data, beside the printed dashboard.
    chart_columns = [("name", Label("Seller", "Verkoper"), "res.name", "Calc"),
                     ("calls", Label("Calls", "Belpogingen"), "fun.calls", "CalcInt"),
                     ("calls_needed", Label("Needed for quota", "Nodig voor quotum"), "fun.calls_needed", "CalcInt"),
                     *((rate, None, f"fun.{rate}", "CalcPct") for rate in RATE_SERIES)]
    header = {key: C(label, style="Header") for key, label, _, _ in chart_columns if label}
    # 100 % for every seller, drawn invisibly behind the attainment bars: the axis reaches
    # quota, and an empty template's axis does not run to Calc's default of 1200 %.
    header["quota_line"] = C(Label("Quota (100 %)", "Quotum (100 %)"), style="Header")
    header.update({rate: C(formula=f"={{setup.s{k}.value}}&\" → \"&{{setup.s{k + 1}.value}}", style="Header",
                           guard=False, key=True) for k, rate in enumerate(RATE_SERIES, start=1)})
    chart_data = Table("chart", [key for key, *_ in chart_columns] + ["quota_line"], [
        section("section", Label("Chart data (calculated)", "Grafiekgegevens (berekend)"),
                span=len(chart_columns) + 1, height=0.8, column="name"),
        Row("header", header, keyed=False),
        *(Row(seller, {**{key: C(formula=f"={{{source}}}", style=style, text=key == "name")
                          for key, _, source, style in chart_columns},
                       "quota_line": C(1, style="CalcPct", key=True)}, group="seller")
          for seller in SELLERS)], at=("P", "dash", "section"))
    # MRR movements of the last twelve months: gains up, losses down.
    flow_columns = ["month", *(key for key, _ in FLOWS)]
    flow_rows = [Row("header", {"month": C(Label("Month", "Maand"), style="Header"),
                                **{key: C(Label(*{"new": ("New", "Nieuw"), "expansion": ("Expansion", "Uitbreiding"),
                                                 "reactivation": ("Reactivation", "Reactivering"),
                                                 "contraction": ("Contraction", "Krimp"),
                                                 "churned": ("Churned", "Opgezegd")}[key]), style="Header")
                                   for key, _ in FLOWS}}, keyed=False)]
    for n in range(1, 13):
        cells = {"month": C(formula=f'=YEAR({{mrr.m{n}.month}})&"-"&RIGHT("0"&MONTH({{mrr.m{n}.month}});2)',
                            style="Calc", text=True)}
        cells.update({key: C(formula=("=" if sign > 0 else "=-") + f"{{mrr.m{n}.{key}}}", style="CalcMoney")
                      for key, sign in FLOWS})
        flow_rows.append(Row(f"m{n}", cells, group="months"))
    flows = Table("flow", flow_columns, flow_rows, at=("P", "dash", "team", 3))
    charts = Table("charts", ["a"], [Row(f"r{n}", {}, height=CHART_ROW_HEIGHT, keyed=False)
                                     for n in range(2 * CHART_ROWS + 1)], gap=2, keyed=False)
    spec = SheetSpec(SHEET_NAMES["Dashboard"], [4.6] + [2.1] * 12 + [0.8, 0.8, 4.6] + [2.6] * 8,
                     [top, tiles, sellers, chart_data, flows, charts], page="OnePage", tab_color=NAVY)
    for key, *_, rules in TILES:
        if rules:
            good, watch, bad = rules
            flag(spec, f"tiles.value.{key}", good, watch=watch, bad=bad)
    flag(spec, "dash.seller1.attainment..dash.team.attainment", ">=1", watch=">=0.9", bad="<0.9")
    flag(spec, "dash.seller1.ahead..dash.team.ahead", ">=0", bad="<0")
    flag(spec, "dash.seller1.coverage..dash.team.coverage", ">={dash.seller1.needed}", bad="<{dash.seller1.needed}")
    width, height = 14.2, 6.6

    def where(layout, key):
        return range_address(*layout.where[key])

    def header_of(layout, table, column):
        placed = layout.tables[table]
        return range_address(layout.sheet_of(table),
                             f"{placed.column_letter(column)}{placed.row_number('header')}")

    def series(layout, table, group, column, color, **options):
        return {"name": header_of(layout, table, column), "values": where(layout, f"{table}.{group}.{column}"),
                "color": color, **options}

    spec.charts += [
        ("charts.r0.a", lambda layout: Chart(
            layout.text(Label("Quota attainment", "Quotumrealisatie")), where(layout, "chart.seller.name"),
            [{"values": where(layout, "chart.seller.quota_line"), "hidden": True},
             series(layout, "dash", "seller", "attainment", SERIES[0], labels=True)],
            width, height, percent_axis=True, legend=False, overlap=True, name="Attainment")),
        ("charts.r0.G", lambda layout: Chart(
            layout.text(Label("Calls made and needed for quota", "Belpogingen gemaakt en nodig")),
            where(layout, "chart.seller.name"),
            [series(layout, "chart", "seller", "calls", SERIES[0]),
             series(layout, "chart", "seller", "calls_needed", SERIES[2])], width, height, name="CallsNeeded")),
        (f"charts.r{CHART_ROWS}.a", lambda layout: Chart(
            layout.text(Label("Stage conversion per seller (deal rows)", "Faseconversie per verkoper (dealrijen)")),
            where(layout, "chart.seller.name"),
            [series(layout, "chart", "seller", rate, color) for rate, color in zip(RATE_SERIES, SERIES)],
            width, height, percent_axis=True, axis_maximum=1, name="StageRates")),
        (f"charts.r{CHART_ROWS}.G", lambda layout: Chart(
            layout.text(Label("MRR movements per month", "MRR-bewegingen per maand")), where(layout, "flow.months.month"),
            [series(layout, "flow", "months", key, color) for (key, _), color in
             zip(FLOWS, ["#2f5597", "#93c47d", "#8faadc", "#f4b183", "#ea9999"])],
            width, height, stacked=True, name="MrrMovements")),
    ]
    spec.print_to = f"charts.r{2 * CHART_ROWS}"
    return spec
