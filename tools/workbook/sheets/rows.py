"""The data sheets: Deals and Subscriptions, one row per pasted export row (5,000 rows of
room), and the Deals sheet's settings beside the rows: the funnel's stages, top first,
and the three status words. docs/importing.md says which export column goes where."""
from workbook.layout import NUMBER_INPUTS, C, Label, Row, SheetSpec, Table

from workbook.sheets.common import SHEET_NAMES, ROOM, flag, section, subtitle, title

IMPORTING = "docs/importing.md"
# Each data column: key, header (en, nl), the column's input style, its kind for guards, a
# note, and how a generated value is written.
DEAL_COLUMNS = [
    ("owner", ("Owner", "Eigenaar"), "Input", "text",
     Label("The seller, spelled as on the Sellers sheet.", "De verkoper, gespeld als op het blad Verkopers.")),
    ("stage", ("Stage reached", "Bereikte fase"), "Input", "text",
     Label("The furthest stage the deal reached: one of the stages at the right; won deals: the last.",
          "De verste fase die de deal bereikte: een van de fasen rechts; gewonnen deals: de laatste.")),
    ("status", ("Status", "Status"), "Input", "text",
     Label("One of the three status words at the right.", "Een van de drie statuswoorden rechts.")),
    ("amount", ("Amount (€)", "Bedrag (€)"), "InputMoney", "",
     Label("First-year value, a number (Data > Text to Columns turns text amounts into numbers).",
          "Waarde eerste jaar, een getal (Gegevens > Tekst naar kolommen maakt van tekst een getal).")),
    ("probability", ("Probability", "Kans"), "InputPct", "optional",
     Label("The CRM's chance to win, as a percentage; open deals only count.",
          "De slaagkans uit het CRM, als percentage; alleen open deals tellen.")),
    ("created", ("Created", "Aangemaakt"), "InputDate", "", None),
    ("closed", ("Closed", "Gesloten"), "InputDate", "optional",
     Label("Blank while the deal is open.", "Leeg zolang de deal open is.")),
]
SUBSCRIPTION_COLUMNS = [
    ("customer", ("Customer", "Klant"), "Input", "text",
     Label("The customer's id: rows of one customer share it.", "Het id van de klant: rijen van één klant delen het.")),
    ("start", ("Start", "Start"), "InputDate", "", None),
    ("end", ("End (exclusive)", "Einde (exclusief)"), "InputDate", "optional",
     Label("The first day it no longer counts; blank while it runs.",
          "De eerste dag dat het niet meer telt; leeg zolang het loopt.")),
    ("mrr", ("MRR (€ a month)", "MRR (€ per maand)"), "InputMoney", "",
     Label("Monthly: a yearly plan of 1,200 is 100 (MRR(amount; 12)).",
          "Per maand: een jaarplan van 1.200 is 100 (MRR(bedrag; 12)).")),
]
STATUS_LABELS = [("won", ("Won", "Gewonnen")), ("lost", ("Lost", "Verloren")), ("open", ("Open", "Open"))]


def data_rows(table_key, columns, rows):
    """Rows r1 .. r5000, all in group "rows": deals.rows.amount is the whole column."""
    out = []
    for index in range(ROOM):
        values = rows[index] if rows and index < len(rows) else None
        cells = {}
        if values:
            for (key, _, _, kind, _), value in zip(columns, values):
                if value is None:
                    continue
                if hasattr(value, "isoformat"):
                    cells[key] = C(value.isoformat(), kind="date", bare=True)
                else:
                    cells[key] = C(value, bare=True)
        out.append(Row(f"r{index + 1}", cells, group="rows", keyed=False))
    return out


def data_sheet(key, sheet, columns, rows, subtitle_text, widths, tab_color, beside=()):
    """A data sheet: its title and what to paste, a header row with a note per column, the
    rows, and red where a number or date arrived as text; `beside`: more tables."""
    top = Table(f"{key}_top", ["text"], [title("title", SHEET_NAMES[sheet]), subtitle("subtitle", subtitle_text)],
                keyed=False)
    header = Row("header", {k: C(Label(*label), style="Header", note=n) for k, label, _, _, n in columns},
                 height=1.0, keyed=False)
    table = Table(key, [k for k, *_ in columns], [header, *data_rows(key, columns, rows)], gap=1,
                  column_kinds={k: kind for k, _, _, kind, _ in columns})
    spec = SheetSpec(SHEET_NAMES[sheet], widths, [top, table, *beside], tab_color=tab_color,
                     column_styles=[style for _, _, style, _, _ in columns])
    for column, _, style, _, _ in columns:
        if style in NUMBER_INPUTS:
            flag(spec, f"{key}.rows.{column}", None, bad="formula-is(ISTEXT(@))")
    return spec


def deals_sheet(data):
    stages = data["stages"]
    settings = [section("section", Label("Funnel stages, top first", "Funnelfasen, bovenaan eerst"), span=2, column="label"),
                *(Row(f"s{n + 1}", {"label": C(f"{n + 1}", style="Label"),
                                    "value": C(stage, style="Input", text=True,
                                               note=Label("Your CRM's stage name; the last is the won stage.",
                                                         "De fasenaam van uw CRM; de laatste is de gewonnen fase.")
                                               if n == 0 else None)}, group="order")
                  for n, stage in enumerate(stages)),
                Row("blank", {}, keyed=False),
                section("status", Label("Status words", "Statuswoorden"), span=2, column="label"),
                *(Row(key, {"label": C(Label(*label), style="Label"),
                            "value": C(data["status_words"][key], style="Input", text=True)})
                  for key, label in STATUS_LABELS)]
    setup = Table("setup", ["label", "value"], settings, at=("I", "deals", "header"), column_kinds={"value": "text"})
    return data_sheet("deals", "Deals", DEAL_COLUMNS, data["deals"], Label(
        f"Paste your CRM's deal export here, one row per deal, from row 5 down (up to 5,000). Which column goes "
        f"where: {IMPORTING}.",
        f"Plak hier de deal-export van uw CRM, één rij per deal, vanaf rij 5 (tot 5.000). Welke kolom waar hoort: "
        f"{IMPORTING}."), [4.4, 3.2, 2.2, 2.6, 2.2, 2.6, 2.6, 0.6, 4.4, 3.4], "#7030a0", beside=[setup])


def subscriptions_sheet(data):
    return data_sheet("subs", "Subscriptions", SUBSCRIPTION_COLUMNS, data["subscriptions"], Label(
        "Paste your billing system's subscription export here, one row per subscription period at one price, "
        f"from row 5 down (up to 5,000). See {IMPORTING}.",
        "Plak hier de abonnementsexport van uw facturatiesysteem, één rij per periode tegen één prijs, vanaf "
        f"rij 5 (tot 5.000). Zie {IMPORTING}."), [3.2, 2.6, 2.8, 3.0], "#c55a11")
