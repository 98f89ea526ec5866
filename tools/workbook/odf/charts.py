"""Charts: a Chart of cell ranges, and the chart document that draws it (inline in flat XML
or in its own folder of a package)."""
from workbook.odf.elements import ODF_VERSION, E


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
