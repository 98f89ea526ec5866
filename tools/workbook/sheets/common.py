"""What every sheet shares: colours, cell styles, plain rows and flags."""
from workbook.layout import FIRST, C, Label, Row, odf_condition

SELLER_COUNT = 5
SELLERS = [f"seller{n}" for n in range(1, SELLER_COUNT + 1)]
HEADER_HEIGHT = 1.25  # cm: three lines of a wrapped column header (tests/calc/test_looks.py)
EXPLAINED_HEIGHT = 0.95  # cm: a row with an explanation beside it (three short lines)
ROOM = 5000  # rows of the data sheets: a pasted export of up to 5,000 rows

# Colours: inputs yellow, calculated white/grey, and the three flags of the legend.
NAVY, GREY, RULE = "#1f3864", "#595959", "#8eaadb"
INPUT_FILL, INPUT_BORDER = "#fff2cc", "0.75pt solid #bf9000"
HEADER_FILL, TEAM_FILL, TILE_FILL = "#dce6f2", "#eef3fa", "#f2f2f2"
GOOD, WATCH, BAD = ("#c6efce", "#006100"), ("#ffeb9c", "#7f6000"), ("#ffc7ce", "#9c0006")
SERIES = ["#2f5597", "#8faadc", "#f4b183", "#a9d18e", "#ffd966"]

# The sheets, in the file's order, by their English name (how code finds a sheet) with the
# name the workbook shows in its language. A sheet's module describes it (generate.describe).
SHEET_NAMES = {"Dashboard": Label("Dashboard"), "Sellers": Label("Sellers", "Verkopers"),
               "Activity": Label("Activity", "Activiteit"), "Economics": Label("Economics", "Economie"),
               "MRR": Label("MRR"), "Deals": Label("Deals"),
               "Subscriptions": Label("Subscriptions", "Abonnementen")}


def add_styles(book, language):
    """The workbook's cell and number styles; number formats that carry words are in the
    workbook's language."""
    book.number_style("Nint")
    book.number_style("Nmoney", prefix="€ ")
    book.number_style("Ndec1", decimals=1)
    book.number_style("Nratio", decimals=1, suffix="×")
    book.number_style("Nneed", decimals=1, prefix=Label("needs ", "nodig ").render(language), suffix="×")
    book.number_style("Ntarget", decimals=1, prefix=Label("target ≥ ", "doel ≥ ").render(language), suffix="×")
    book.percent_style("Npct", 0)
    book.percent_style("Npct1", 1)
    book.date_style("Ndate")
    book.date_style("Nmonth", day=False)

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
                             ("CalcRatio", "Nratio"), ("CalcDate", "Ndate"),
                             ("CalcMonth", "Nmonth")):
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
    book.cell_style("Warning", text={"fo:font-weight": "bold", "fo:color": BAD[1]},
                    cell={"style:vertical-align": "middle"})


# Beside a percent input: what to do when it holds no number (layout.PERCENT_READ fails),
# and how a text with a number in it ("70%%": Calc adds a % as one types "70%") is read.
def percent_warning():
    return C(formula=Label('=IF(ISERROR({value});"⚠ Not a number: type 70 or 70%";'
                           'IF(ISTEXT({!value});"Read as "&TEXT({value};"0%");""))',
                           '=IF(ISERROR({value});"⚠ Geen getal: typ 70 of 70%";'
                           'IF(ISTEXT({!value});"Gelezen als "&TEXT({value};"0%");""))'),
             style="Warning", text=True)


def flag(spec, key, good, watch=None, bad=None):
    """Conditional format of a KPI (a key, or 'first..last' keys): green, amber, red; the
    first matching rule wins. A rule compares the cell with a number or a key ('>=1',
    '<{pipe.seller1.needed}'), and matches only when the cell holds a number: a KPI that
    shows nothing yet (empty text) is not flagged. A 'formula-is(...)' rule is taken as it
    is, with @ for the flagged cell."""
    spec.flags.append((key, [(rule, style) for rule, style in ((good, "OnTrack"), (watch, "Watch"),
                                                                (bad, "Behind")) if rule]))


def write_flags(spec, layout, sheet):
    for key, rules in spec.flags:
        first, _, last = key.partition("..")
        ref = layout.cell(first) + (":" + layout.cell(last) if last else "")
        cell = f"[.{ref.split(':')[0]}]"

        def condition(rule):
            rule, _ = layout.expand(rule, spec.name)
            if rule.startswith("formula-is"):
                return odf_condition(rule.replace("@", ref.split(":")[0]))
            return f"formula-is(AND(ISNUMBER({cell});{cell}{odf_condition(rule)}))"
        # Cells named in a rule are written [.C8]: conditional formats take ODF addresses.
        sheet.condition(ref, *((condition(rule), style) for rule, style in rules))


# Plain rows: a title, a subtitle, a section rule, an explanation.
def title(key, text, height=0.9, span=1):
    return Row(key, {FIRST: C(text, style="Title", span=span)}, height=height, keyed=False)


def subtitle(key, text, span=1, column=FIRST):
    return Row(key, {column: C(text, style="Subtitle", span=span)}, keyed=False)


def section(key, text, span, height=0.7, column=FIRST):
    return Row(key, {column: C(text, style="Section", span=span)}, height=height, keyed=False)


def explain(key, text, span):
    # A merged cell's text does not make Calc fit the row: the height is given.
    return Row(key, {FIRST: C(text, style="Explain", span=span)}, height=0.5, keyed=False)


def headers(key, columns, height=HEADER_HEIGHT):
    """A header row: {column key: (en, nl) or ((en, nl), note)}."""
    cells = {}
    for column, label in columns.items():
        label, note_text = label if isinstance(label[0], tuple) else (label, None)
        cells[column] = C(Label(*label), style="Header", note=note_text)
    return Row(key, cells, height=height, keyed=False)


def team_style(style):
    return style.replace("Calc", "Team")


