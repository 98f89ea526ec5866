"""The weekly activity no CRM export carries: calls and hours per seller, one row a week."""
from workbook.layout import C, Label, Row, SheetSpec, Table

from workbook.sheets.common import SHEET_NAMES, SELLERS, section, subtitle, title

WEEK_ROWS = 26  # two quarters


def columns():
    return ["week_of", *(f"{seller}_{field}" for seller in SELLERS for field in ("calls", "hours"))]


def activity_sheet(data):
    top = Table("act_top", ["text"], [
        title("title", SHEET_NAMES["Activity"]),
        subtitle("subtitle", Label("Calls and hours selling per seller, one row a week: the Sellers sheet turns them "
                                "into calls per hour and the calls each seller needs.",
                                "Belpogingen en verkoopuren per verkoper, één rij per week: het blad Verkopers maakt er "
                                "belpogingen per uur en de benodigde belpogingen van.")),
    ], keyed=False)
    names = {"week_of": C(Label("Week of", "Week van"), style="Header")}
    for seller in SELLERS:
        names[f"{seller}_calls"] = C(formula=f"={{res.{seller}.name}}", style="Header", span=2, text=True,
                                     guard=False)
    fields = {"week_of": C(None, style="Header")}
    for seller in SELLERS:
        fields[f"{seller}_calls"] = C(Label("Calls", "Belpogingen"), style="Header")
        fields[f"{seller}_hours"] = C(Label("Hours", "Uren"), style="Header")
    rows = [section("section", Label("Week by week (inputs)", "Week per week (invoer)"), span=len(columns())),
            Row("names", names, keyed=False), Row("fields", fields, height=0.9, keyed=False)]
    weeks = data["weeks"]
    for week in range(WEEK_ROWS):
        values = weeks[week] if weeks else [None] * (1 + 2 * len(SELLERS))
        cells = {}
        if week == 0:
            cells["week_of"] = C(values[0].isoformat() if values[0] else None, kind="date", style="InputDate",
                                 note=Label("The Monday of the first week.", "De maandag van de eerste week."))
        else:
            cells["week_of"] = C(formula=f"={{w{week}.week_of}}+7", style="CalcDate")
        for index, key in enumerate(columns()[1:]):
            cells[key] = C(values[1 + index], style="InputInt")
        rows.append(Row(f"w{week + 1}", cells, group="weeks"))
    table = Table("week", columns(), rows)
    return SheetSpec(SHEET_NAMES["Activity"], [2.6] + [2.3] * (2 * len(SELLERS)), [top, table], tab_color="#2f5597")
