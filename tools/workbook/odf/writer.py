"""A sheet as ODF writes it: a table:table of rows and cells (with their notes, charts and
conditional formats), and the automatic styles the tables share."""
from workbook.a1 import range_address
from workbook.odf.charts import chart_frame
from workbook.odf.elements import E, qname


class AutomaticStyles:
    """Column, row and table styles, shared by value: one style per distinct width."""

    def __init__(self):
        self.styles = {}

    def get(self, family, key, make):
        if (family, key) not in self.styles:
            self.styles[(family, key)] = make(f"{family[:2]}{len(self.styles) + 1}")
        return self.styles[(family, key)].get(qname("style:name"))

    def column(self, width_cm):
        return self.get("co", width_cm, lambda name: E(
            "style:style", {"style:name": name, "style:family": "table-column"},
            E("style:table-column-properties", {"style:column-width": f"{width_cm}cm"})))

    def row(self, height_cm):
        return self.get("ro", height_cm, lambda name: E(
            "style:style", {"style:name": name, "style:family": "table-row"},
            E("style:table-row-properties", {"style:row-height": f"{height_cm}cm",
                                             "style:use-optimal-row-height": "false"})))

    def table(self, page, tab_color):
        return self.get("ta", (page, tab_color), lambda name: E(
            "style:style", {"style:name": name, "style:family": "table",
                            "style:master-page-name": page},
            E("style:table-properties", {"table:display": "true",
                                         "tableooo:tab-color": tab_color})))

    def elements(self):
        return list(self.styles.values())


class SheetWriter:
    def __init__(self, sheet, workbook, automatic, charts):
        self.sheet, self.workbook, self.automatic = sheet, workbook, automatic
        self.charts = charts

    def table(self):
        sheet = self.sheet
        attrs = {"table:name": sheet.name,
                 "table:style-name": self.automatic.table(sheet.page, sheet.tab_color)}
        if sheet.print_range:
            attrs["table:print-ranges"] = range_address(sheet.name, sheet.print_range)
        table = E("table:table", attrs)
        for index, width in enumerate(sheet.column_widths_cm):
            style = sheet.column_styles[index] if index < len(sheet.column_styles) else None
            table.append(E("table:table-column",
                           {"table:style-name": self.automatic.column(width),
                            "table:default-cell-style-name": style}))
        last_row = max((row for row, _ in sheet.cells), default=-1)
        for row in range(last_row + 1):
            table.append(self.row(row))
        if sheet.conditions:
            table.append(self.conditional_formats())
        return table

    def row(self, row):
        height = self.sheet.row_heights_cm.get(row)  # none: Calc fits the row to its text
        element = E("table:table-row", {"table:style-name": self.automatic.row(height)
                                         if height else None})
        columns = sorted(column for r, column in self.sheet.cells if r == row)
        position = 0
        for column in columns:
            if column > position:
                element.append(E("table:table-cell", {
                    "table:number-columns-repeated": column - position
                    if column - position > 1 else None}))
            cell = self.sheet.cells[(row, column)]
            element.append(self.cell(cell))
            for covered in range(1, cell.span):
                element.append(E("table:covered-table-cell"))
            position = column + cell.span
        return element

    def cell(self, cell):
        attrs = {"table:style-name": cell.style}
        if cell.span > 1:
            attrs["table:number-columns-spanned"] = cell.span
            attrs["table:number-rows-spanned"] = 1
        paragraphs = []
        if cell.formula is not None:
            attrs["table:formula"] = self.workbook.translate(cell.formula)
            if cell.matrix:
                attrs["table:number-matrix-rows-spanned"] = cell.matrix[0]
                attrs["table:number-matrix-columns-spanned"] = cell.matrix[1]
        elif isinstance(cell.value, str) and cell.kind == "date":
            attrs.update({"office:value-type": "date", "office:date-value": cell.value})
            paragraphs = [cell.value]
        elif isinstance(cell.value, str):
            if not cell.bare:  # a bare text cell: its paragraph alone is a text cell
                attrs["office:value-type"] = "string"
            paragraphs = cell.value.split("\n")
        elif cell.value is not None:
            kind = cell.kind or "float"
            attrs.update({"office:value-type": kind, "office:value": repr_number(cell.value)})
            paragraphs = [repr_number(cell.value)]
        element = E("table:table-cell", attrs)
        for chart in cell.frames:
            if self.charts is None:
                element.append(chart_frame(chart))
            else:
                self.charts.append((f"Object {len(self.charts) + 1}", chart))
                element.append(chart_frame(chart, folder=self.charts[-1][0]))
        if cell.note:
            element.append(E("office:annotation", {},
                             *(E("text:p", text=line) for line in cell.note.split("\n"))))
        if not (cell.bare and attrs.get("office:value-type") in ("float", "date", "percentage")):
            element.extend(E("text:p", text=line) for line in paragraphs)
        return element

    def conditional_formats(self):
        formats = E("calcext:conditional-formats")
        for ref, rules in self.sheet.conditions:
            first = ref.split(":")[0].replace("$", "")
            formats.append(E("calcext:conditional-format",
                             {"calcext:target-range-address": range_address(self.sheet.name, ref)},
                             *(E("calcext:condition", {
                                 "calcext:apply-style-name": style,
                                 "calcext:value": condition,
                                 "calcext:base-cell-address": f"{self.sheet.name}.{first}"})
                               for condition, style in rules)))
        return formats


def repr_number(value):
    return str(int(value)) if float(value).is_integer() else repr(float(value))
