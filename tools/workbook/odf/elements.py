"""ODF's namespaces and elements, serialized as LibreOffice writes them, and the zipped package."""
import io
import xml.etree.ElementTree as ET
import zipfile

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
