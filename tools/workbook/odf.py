"""A small writer for OpenDocument spreadsheets: cells, styles, notes, conditional formats,
charts and named ranges, written as flat XML (.fods) or as a zipped package (.ods/.ots).

Pure standard library. It knows only what tools/workbook/generate.py needs, and writes what
LibreOffice 7.4 reads back: charts are <draw:object> frames anchored to a cell (the chart
document inline in flat XML, in an "Object N/" folder in a package), conditional formats
are calcext:conditional-formats, notes are office:annotation. Formulas are written the way a user types them in an en-US Calc
(`=CONVERSION(D6;B6)`, `Activity.B6:B18`, `"text"`) and translated by tools/workbook/formula.py to
ODF's OpenFormula (`of:=ORG.SALESKPI.FUNCTIONS.CONVERSION([.D6];[.B6])`).
"""
import io
import re
import xml.etree.ElementTree as ET
import zipfile

from workbook.formula import openformula

NAMESPACES = {
    "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
    "style": "urn:oasis:names:tc:opendocument:xmlns:style:1.0",
    "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
    "table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
    "draw": "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0",
    "fo": "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0",
    "xlink": "http://www.w3.org/1999/xlink",
    "dc": "http://purl.org/dc/elements/1.1/",
    "meta": "urn:oasis:names:tc:opendocument:xmlns:meta:1.0",
    "number": "urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0",
    "svg": "urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0",
    "chart": "urn:oasis:names:tc:opendocument:xmlns:chart:1.0",
    "of": "urn:oasis:names:tc:opendocument:xmlns:of:1.2",
    "loext": "urn:org:documentfoundation:names:experimental:office:xmlns:loext:1.0",
    "calcext": "urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0",
    "tableooo": "http://openoffice.org/2009/table",
    "manifest": "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0",
}
for _prefix, _uri in NAMESPACES.items():
    ET.register_namespace(_prefix, _uri)

SPREADSHEET = "application/vnd.oasis.opendocument.spreadsheet"
SPREADSHEET_TEMPLATE = "application/vnd.oasis.opendocument.spreadsheet-template"
ODF_VERSION = "1.3"
ZIP_DATE = (1980, 1, 1, 0, 0, 0)  # fixed, so that the same input gives the same bytes


def qname(name):
    """'table:table-cell' -> '{urn:...table:1.0}table-cell'."""
    prefix, local = name.split(":")
    return f"{{{NAMESPACES[prefix]}}}{local}"


def E(tag, attrs=None, *children, text=None):
    """An element: E('text:p', {}, text='Hi'); attribute names are prefixed like tags."""
    element = ET.Element(qname(tag), {qname(k): str(v) for k, v in (attrs or {}).items()
                                      if v is not None})
    element.extend(child for child in children if child is not None)
    if text is not None:
        element.text = text
    return element


# ------------------------------------------------------------------ cell addresses
def column_name(index):
    """0 -> A, 25 -> Z, 26 -> AA."""
    name = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        name = chr(ord("A") + rest) + name
    return name


def column_index(name):
    index = 0
    for char in name:
        index = index * 26 + ord(char) - ord("A") + 1
    return index - 1


def parse_cell(ref):
    """'B6' -> (row 5, column 1)."""
    match = re.fullmatch(r"\$?([A-Z]+)\$?(\d+)", ref)
    if not match:
        raise ValueError(f"not a cell reference: {ref!r}")
    return int(match.group(2)) - 1, column_index(match.group(1))


def range_address(sheet, ref):
    """ODF's plain range address, as charts and conditional formats use it:
    ('Activity', 'B6:B10') -> 'Activity.B6:Activity.B10'."""
    parts = [part.replace("$", "") for part in ref.split(":")]
    return ":".join(f"{sheet}.{part}" for part in parts)


# ------------------------------------------------------------------ formulas
class FormulaTranslator:
    """User syntax -> OpenFormula, through tools/workbook/formula.py (which raises on anything it
    cannot translate). `addin_names` maps a function's user name (LTV, CAC_MAX) to the name
    ODF stores (ORG.SALESKPI.FUNCTIONS.CACMAX)."""

    def __init__(self, addin_names):
        self.addin_names = addin_names

    def __call__(self, formula):
        return openformula(formula, self.addin_names)


# ------------------------------------------------------------------ the document model
class Cell:
    """One cell: a value (number, text, date string 'YYYY-MM-DD') or a formula, a style
    name (a common cell style of the workbook), an optional note and a column span."""

    def __init__(self, value=None, formula=None, style=None, note=None, span=1, kind=None,
                 matrix=None, bare=False):
        self.value, self.formula, self.style = value, formula, style
        self.note, self.span, self.kind = note, span, kind
        self.matrix = matrix   # (rows, columns) of an array formula entered in this cell
        self.bare = bare       # a data cell: its value only, no displayed text (smaller files)
        self.frames = []


class Chart:
    """A chart of cell ranges. kind: 'column' or 'bar' (horizontal); series are dicts with
    values (a range), color, and optionally name (a cell: the legend's text), hidden=True
    (no fill: the invisible base of a waterfall, or a floor for the axis) and labels=True
    (values on the bars). overlap: the bars of a category drawn over each other, not side
    by side. axis_maximum: a fixed top of the value axis (from 0), else Calc's own."""

    def __init__(self, title, categories, series, width_cm, height_cm, kind="column",
                 stacked=False, percent_axis=False, legend=True, name=None, overlap=False,
                 axis_maximum=None):
        self.title, self.categories, self.series = title, categories, series
        self.width_cm, self.height_cm = width_cm, height_cm
        self.kind, self.stacked, self.percent_axis = kind, stacked, percent_axis
        self.legend, self.name = legend, name or title
        self.overlap, self.axis_maximum = overlap, axis_maximum


class Sheet:
    def __init__(self, name, column_widths_cm, page="Landscape", tab_color=None, column_styles=None):
        self.name = name
        self.column_widths_cm = list(column_widths_cm)
        self.column_styles = list(column_styles or [])  # default cell style per column (None: Default)
        self.page = page
        self.tab_color = tab_color
        self.cells = {}
        self.row_heights_cm = {}
        self.conditions = []   # (range, [(condition, style name)])
        self.print_range = None

    def set(self, ref, value=None, **options):
        row, column = parse_cell(ref)
        cell = Cell(value, **options)
        cell.frames = self.cells[(row, column)].frames if (row, column) in self.cells else []
        self.cells[(row, column)] = cell
        return cell

    def row_height(self, row_number, height_cm):
        self.row_heights_cm[row_number - 1] = height_cm

    def condition(self, ref, *rules):
        """A conditional format: rules are (condition, style), the first match wins; a
        condition in LibreOffice's calcext syntax, e.g. 'formula-is([.C25]<=[.C24])', with
        references relative to the range's first cell."""
        self.conditions.append((ref, list(rules)))

    def chart(self, anchor, chart):
        row, column = parse_cell(anchor)
        self.cells.setdefault((row, column), Cell()).frames.append(chart)


LOCALES = {"en": "en-US", "nl": "nl-NL"}  # a workbook's language -> the document's locale


class Workbook:
    def __init__(self, title, translator, generator="saleskpi tools/workbook/generate.py", language="en"):
        self.title, self.translate, self.generator = title, translator, generator
        self.language = language  # the document's language: spelling, and dc:language
        self.sheets = []
        self.data_styles = []      # elements
        self.cell_styles = []      # elements
        self.named_ranges = []     # (name, sheet, ref)

    def add_sheet(self, sheet):
        self.sheets.append(sheet)
        return sheet

    def named_range(self, name, sheet, ref):
        self.named_ranges.append((name, sheet.name, ref))

    # -- styles ------------------------------------------------------------------
    def cell_style(self, name, parent="Default", data_style=None, cell=None, text=None,
                   paragraph=None):
        """A common (named) cell style, visible in Calc's Styles deck. cell/text/paragraph
        are attribute dicts for table-cell-, text- and paragraph-properties. The name is
        what Calc shows and what conditional formats refer to: keep it plain ASCII."""
        element = E("style:style", {"style:name": name, "style:family": "table-cell",
                                    "style:parent-style-name": parent,
                                    "style:data-style-name": data_style})
        if cell:
            element.append(E("style:table-cell-properties", cell))
        if paragraph:
            element.append(E("style:paragraph-properties", paragraph))
        if text:
            element.append(E("style:text-properties", text))
        self.cell_styles.append(element)

    def number_style(self, name, decimals=0, grouping=True, prefix=None, suffix=None):
        number = E("number:number", {"number:decimal-places": decimals,
                                      "number:min-decimal-places": decimals,
                                      "number:min-integer-digits": 1,
                                      "number:grouping": "true" if grouping else None})
        parts = [E("number:text", text=prefix)] if prefix else []
        parts.append(number)
        if suffix:
            parts.append(E("number:text", text=suffix))
        self.data_styles.append(E("number:number-style", {"style:name": name}, *parts))

    def percent_style(self, name, decimals=0):
        self.data_styles.append(E(
            "number:percentage-style", {"style:name": name},
            E("number:number", {"number:decimal-places": decimals,
                                "number:min-decimal-places": decimals,
                                "number:min-integer-digits": 1}),
            E("number:text", text="%")))

    def date_style(self, name, day=True):
        """ISO dates (2025-03-31), or months (2025-03) without the day: the same for English
        and Dutch readers."""
        parts = [E("number:year", {"number:style": "long"}), E("number:text", text="-"),
                 E("number:month", {"number:style": "long"})]
        if day:
            parts += [E("number:text", text="-"), E("number:day", {"number:style": "long"})]
        self.data_styles.append(E("number:date-style", {"style:name": name}, *parts))

    # -- output ------------------------------------------------------------------
    def flat_xml(self):
        """The whole workbook as one flat ODF document (.fods): charts inline."""
        body, automatic = self._body(charts=None)
        root = E("office:document", {"office:version": ODF_VERSION,
                                     "office:mimetype": SPREADSHEET},
                 self._meta(), self._font_faces(), self._styles(),
                 E("office:automatic-styles", {}, *automatic, *self._page_layouts()),
                 self._master_styles(), body)
        return serialize(root)

    def package(self, mimetype=SPREADSHEET_TEMPLATE):
        """The workbook as a zipped ODF package (bytes): an .ods, or an .ots template.
        A package keeps each chart in a folder of its own ("Object 1/"): LibreOffice
        reads inline charts in flat XML only."""
        charts = []
        body, automatic = self._body(charts=charts)
        content = E("office:document-content", {"office:version": ODF_VERSION},
                    self._font_faces(), E("office:automatic-styles", {}, *automatic), body)
        styles = E("office:document-styles", {"office:version": ODF_VERSION},
                   self._font_faces(), self._styles(),
                   E("office:automatic-styles", {}, *self._page_layouts()),
                   self._master_styles())
        meta = E("office:document-meta", {"office:version": ODF_VERSION}, self._meta())
        manifest = E("manifest:manifest", {"manifest:version": ODF_VERSION},
                     E("manifest:file-entry", {"manifest:full-path": "/",
                                               "manifest:version": ODF_VERSION,
                                               "manifest:media-type": mimetype}),
                     *(E("manifest:file-entry", {"manifest:full-path": part,
                                                 "manifest:media-type": "text/xml"})
                       for part in ("content.xml", "styles.xml", "meta.xml")))
        parts = [("content.xml", serialize(content)), ("styles.xml", serialize(styles)),
                 ("meta.xml", serialize(meta))]
        for folder, chart in charts:
            manifest.append(E("manifest:file-entry", {
                "manifest:full-path": f"{folder}/",
                "manifest:media-type": "application/vnd.oasis.opendocument.chart"}))
            manifest.append(E("manifest:file-entry", {"manifest:full-path": f"{folder}/content.xml",
                                                      "manifest:media-type": "text/xml"}))
            parts.append((f"{folder}/content.xml", serialize(chart_document(chart, "office:document-content"))))
        parts.append(("META-INF/manifest.xml", serialize(manifest)))
        return zip_package(mimetype, parts)

    def _meta(self):
        return E("office:meta", {},
                 E("meta:generator", text=self.generator),
                 E("dc:title", text=self.title),
                 E("dc:language", text=LOCALES[self.language]))

    @staticmethod
    def _font_faces():
        return E("office:font-face-decls", {},
                 E("style:font-face", {"style:name": "Liberation Sans",
                                       "svg:font-family": "'Liberation Sans'",
                                       "style:font-family-generic": "swiss",
                                       "style:font-pitch": "variable"}))

    def _styles(self):
        # Calc's own default (Liberation Sans 10 pt). Set nothing here: the flag styles of
        # conditional formats inherit from Default, and whatever Default sets would
        # override the flagged cell's own font.
        default = E("style:style", {"style:name": "Default", "style:family": "table-cell"})
        language, country = LOCALES[self.language].split("-")
        document = E("style:default-style", {"style:family": "table-cell"},
                     E("style:text-properties", {"fo:language": language, "fo:country": country}))
        return E("office:styles", {}, document, *self.data_styles, default, *self.cell_styles)

    def _page_layouts(self):
        """'Landscape': A4 landscape, fit to the page width. 'OnePage': A4 landscape, the
        whole print range on one page (the dashboard)."""
        layouts = []
        for name, scale in (("Landscape", {"style:scale-to-X": "1", "style:scale-to-Y": "0"}),
                            ("OnePage", {"style:scale-to-pages": "1"})):
            layouts.append(E("style:page-layout", {"style:name": f"pl{name}"},
                             E("style:page-layout-properties", {
                                 "fo:page-width": "29.7cm", "fo:page-height": "21cm",
                                 "style:print-orientation": "landscape",
                                 "fo:margin-top": "1cm", "fo:margin-bottom": "1cm",
                                 "fo:margin-left": "1cm", "fo:margin-right": "1cm",
                                 "style:print-page-order": "ltr",
                                 "style:table-centering": "horizontal", **scale})))
        return layouts

    @staticmethod
    def _master_styles():
        # No header or footer: a dashboard prints without "Sheet1" and "Page 1".
        return E("office:master-styles", {},
                 *(E("style:master-page", {"style:name": name,
                                           "style:page-layout-name": f"pl{name}"})
                   for name in ("Landscape", "OnePage")))

    def _body(self, charts):
        """charts: None to write charts inline, else a list that collects (folder, chart)."""
        automatic = AutomaticStyles()
        tables = [SheetWriter(sheet, self, automatic, charts).table() for sheet in self.sheets]
        named = E("table:named-expressions", {},
                  *(E("table:named-range", {
                      "table:name": name,
                      "table:base-cell-address": f"${sheet}.$A$1",
                      "table:cell-range-address": absolute_range(sheet, ref)})
                    for name, sheet, ref in self.named_ranges))
        body = E("office:body", {}, E("office:spreadsheet", {}, *tables, named))
        return body, automatic.elements()


def absolute_range(sheet, ref):
    first, *last = ref.split(":")
    absolute = lambda part: re.sub(r"([A-Z]+)(\d+)", r"$\1$\2", part)
    return f"${sheet}." + absolute(first) + "".join(f":.{absolute(p)}" for p in last)


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


# ------------------------------------------------------------------ charts
def chart_frame(chart, folder=None):
    """A chart as LibreOffice embeds it: a frame with the chart document inline (flat XML),
    or a link to the package folder that holds it. No cached table and no replacement
    image: Calc reads the data from the cells."""
    ranges = [chart.categories] + [s["values"] for s in chart.series]
    if folder:
        content = E("draw:object", {"draw:notify-on-update-of-ranges": " ".join(ranges),
                                    "xlink:href": f"./{folder}", "xlink:type": "simple",
                                    "xlink:show": "embed", "xlink:actuate": "onLoad"})
    else:
        content = E("draw:object", {"draw:notify-on-update-of-ranges": " ".join(ranges)},
                    chart_document(chart, "office:document"))
    return E("draw:frame", {"draw:z-index": 0, "draw:name": chart.name,
                            "svg:width": f"{chart.width_cm}cm", "svg:height": f"{chart.height_cm}cm",
                            "svg:x": "0cm", "svg:y": "0cm"}, content)


def chart_document(chart, root):
    attrs = {"office:version": ODF_VERSION}
    if root == "office:document":
        attrs["office:mimetype"] = "application/vnd.oasis.opendocument.chart"
    return E(root, attrs, chart_styles(chart),
             E("office:body", {}, E("office:chart", {}, chart_body(chart))))


def chart_styles(chart):
    styles = [
        E("number:percentage-style", {"style:name": "Npct"},
          E("number:number", {"number:decimal-places": 0, "number:min-integer-digits": 1}),
          E("number:text", text="%")),
        E("number:number-style", {"style:name": "Nnum"},
          E("number:number", {"number:decimal-places": 0, "number:min-integer-digits": 1,
                              "number:grouping": "true"})),
        E("style:style", {"style:name": "chChart", "style:family": "chart"},
          E("style:graphic-properties", {"draw:stroke": "none", "draw:fill-color": "#ffffff"})),
        E("style:style", {"style:name": "chTitle", "style:family": "chart"},
          E("style:text-properties", {"fo:font-size": "11pt", "fo:font-weight": "bold",
                                      "fo:color": "#1f3864"})),
        E("style:style", {"style:name": "chLegend", "style:family": "chart"},
          E("style:text-properties", {"fo:font-size": "8pt"})),
        E("style:style", {"style:name": "chPlot", "style:family": "chart"},
          E("style:chart-properties", {
              "chart:vertical": "true" if chart.kind == "bar" else "false",
              "chart:stacked": "true" if chart.stacked else "false",
              "chart:overlap": "100" if chart.stacked or chart.overlap else "-10",
              "chart:gap-width": "60",
              "chart:include-hidden-cells": "false",
              "chart:auto-position": "true", "chart:auto-size": "true"})),
        E("style:style", {"style:name": "chAxisX", "style:family": "chart"},
          E("style:chart-properties", {"chart:display-label": "true",
                                       "chart:reverse-direction":
                                           "true" if chart.kind == "bar" else "false"}),
          E("style:graphic-properties", {"svg:stroke-color": "#b3b3b3"}),
          E("style:text-properties", {"fo:font-size": "8pt"})),
        E("style:style", {"style:name": "chAxisY", "style:family": "chart",
                          "style:data-style-name": "Npct" if chart.percent_axis else "Nnum"},
          E("style:chart-properties", {"chart:display-label": "true",
                                       "chart:link-data-style-to-source": "false",
                                       **({"chart:minimum": "0", "chart:maximum": str(chart.axis_maximum)}
                                          if chart.axis_maximum is not None else {})}),
          E("style:graphic-properties", {"svg:stroke-color": "#b3b3b3"}),
          E("style:text-properties", {"fo:font-size": "8pt"})),
        E("style:style", {"style:name": "chGrid", "style:family": "chart"},
          E("style:graphic-properties", {"svg:stroke-color": "#dddddd"})),
        E("style:style", {"style:name": "chWall", "style:family": "chart"},
          E("style:graphic-properties", {"draw:stroke": "none", "draw:fill": "none"})),
    ]
    for index, series in enumerate(chart.series):
        graphic = ({"draw:fill": "none", "draw:stroke": "none"} if series.get("hidden") else
                   {"draw:fill": "solid", "draw:fill-color": series["color"], "draw:stroke": "none"})
        label = "value" if series.get("labels") else "none"
        styles.append(E(
            "style:style", {"style:name": f"chSeries{index}", "style:family": "chart",
                            "style:data-style-name": "Npct" if chart.percent_axis else "Nnum"},
            E("style:chart-properties", {"chart:data-label-number": label,
                                         "chart:label-position": "outside"
                                         if series.get("labels") and not chart.stacked else None,
                                         "chart:link-data-style-to-source": "false"}),
            E("style:graphic-properties", graphic),
            E("style:text-properties", {"fo:font-size": "7pt", "fo:color": "#404040"})))
    return E("office:automatic-styles", {}, *styles)


def chart_body(chart):
    plot = E("chart:plot-area", {"chart:style-name": "chPlot",
                                  "chart:data-source-has-labels": "both"},
             E("chart:axis", {"chart:dimension": "x", "chart:name": "primary-x",
                              "chart:style-name": "chAxisX"},
               E("chart:categories", {"table:cell-range-address": chart.categories})),
             E("chart:axis", {"chart:dimension": "y", "chart:name": "primary-y",
                              "chart:style-name": "chAxisY"},
               E("chart:grid", {"chart:class": "major", "chart:style-name": "chGrid"})))
    for index, series in enumerate(chart.series):
        plot.append(E("chart:series", {
            "chart:style-name": f"chSeries{index}",
            "chart:values-cell-range-address": series["values"],
            "chart:label-cell-address": series.get("name"),
            "chart:class": "chart:bar"}))
    plot.append(E("chart:wall", {"chart:style-name": "chWall"}))
    legend = (E("chart:legend", {"chart:legend-position": "bottom", "style:legend-expansion": "wide",
                                 "chart:style-name": "chLegend"}) if chart.legend else None)
    return E("chart:chart", {"svg:width": f"{chart.width_cm}cm", "svg:height": f"{chart.height_cm}cm",
                             "chart:class": "chart:bar", "chart:style-name": "chChart"},
             E("chart:title", {"chart:style-name": "chTitle"}, E("text:p", text=chart.title)),
             legend, plot)


# ------------------------------------------------------------------ serialization
def serialize(root):
    # Formulas name the OpenFormula namespace in attribute values ("of:=..."), which
    # ElementTree does not see: declare it on the root.
    root.set("xmlns:of", NAMESPACES["of"])
    ET.indent(root, space=" ")
    # One line per table row: the data sheets hold thousands of cells.
    for row in root.iter(qname("table:table-row")):
        for element in row.iter():
            if len(element) and element.text is not None and not element.text.strip():
                element.text = None
            if element is not row and element.tail is not None and not element.tail.strip():
                element.tail = None
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def zip_package(mimetype, parts):
    """An ODF package: 'mimetype' first and stored, then the XML parts compressed."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as package:
        package.writestr(zipfile.ZipInfo("mimetype", ZIP_DATE), mimetype,
                         compress_type=zipfile.ZIP_STORED)
        for name, text in parts:
            package.writestr(zipfile.ZipInfo(name, ZIP_DATE), text.encode("utf-8"),
                             compress_type=zipfile.ZIP_DEFLATED)
    return buffer.getvalue()
