#!/usr/bin/env python3
"""The template's thumbnail in File > New > Templates: its own dashboard, drawn by Calc.

    python3 -m office.thumbnail render TEMPLATE.ots THUMBNAIL.png   the dashboard (first printed page) at 256 px
    python3 -m office.thumbnail embed TEMPLATE.ots THUMBNAIL.png    puts it in the template as Thumbnails/thumbnail.png

with tools/ on PYTHONPATH (CMake runs it so).

`render` opens the template in a private headless Calc (no extension, no user profile),
exports it to PDF and scales the first page, the Dashboard sheet, with pdftoppm. Calc's own
save-time thumbnail would only show the top-left corner of the sheet at 100 %."""
import os
import subprocess
import sys
import tempfile
import zipfile

THUMBNAIL = "Thumbnails/thumbnail.png"
SIZE = 256


def render(template, png):
    import uno  # only `render` needs LibreOffice's python3-uno
    from office.driver import Office, properties

    with tempfile.TemporaryDirectory(prefix="saleskpi-thumbnail-") as work:
        pdf = os.path.join(work, "template.pdf")
        with Office(oxt="") as office:
            doc = office.load(template)
            try:
                doc.storeToURL(uno.systemPathToFileUrl(pdf), properties(FilterName="calc_pdf_Export"))
            finally:
                doc.close(True)
        stem = os.path.join(work, "page")
        subprocess.run(["pdftoppm", "-png", "-f", "1", "-l", "1", "-singlefile",
                        "-scale-to", str(SIZE), pdf, stem], check=True)
        os.replace(stem + ".png", png)


def embed(template, png):
    """Rewrites the package with the thumbnail added (or replaced) and listed in its manifest."""
    with zipfile.ZipFile(template) as source:
        entries = [(info, source.read(info)) for info in source.infolist()
                   if info.filename != THUMBNAIL]
    with open(png, "rb") as f:
        picture = f.read()
    temporary = template + ".tmp"
    with zipfile.ZipFile(temporary, "w") as target:
        for info, data in entries:
            if info.filename == "META-INF/manifest.xml" and THUMBNAIL.encode() not in data:
                entry = (f'<manifest:file-entry manifest:full-path="{THUMBNAIL}" '
                         'manifest:media-type="image/png"/>').encode()
                data = data.replace(b"</manifest:manifest>", entry + b"</manifest:manifest>")
            target.writestr(info, data)
        info = zipfile.ZipInfo(THUMBNAIL, entries[0][0].date_time)
        target.writestr(info, picture, compress_type=zipfile.ZIP_STORED)
    os.replace(temporary, template)


def main(argv):
    if len(argv) != 4 or argv[1] not in ("render", "embed"):
        sys.exit(__doc__)
    (render if argv[1] == "render" else embed)(argv[2], argv[3])


if __name__ == "__main__":
    main(sys.argv)
