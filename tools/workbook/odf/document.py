"""What a workbook is made of (Workbook, Sheet, Cell, its styles) and its two outputs: flat
XML (.fods) and a zipped package (.ods/.ots)."""
from catalogue.languages import LANGUAGES
from workbook.a1 import absolute_range, parse_cell
from workbook.odf.charts import chart_document
from workbook.odf.elements import (ODF_VERSION, SPREADSHEET, SPREADSHEET_TEMPLATE, E, serialize,
                                   zip_package)
from workbook.odf.writer import AutomaticStyles, SheetWriter


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
                 E("dc:language", text=LANGUAGES[self.language].locale))

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
        language, country = LANGUAGES[self.language].locale.split("-")
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
