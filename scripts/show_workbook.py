#!/usr/bin/env python3
"""Opens a workbook in a private headless Calc with saleskpi installed, recalculates it,
prints every formula cell with its label and value, and writes a PDF.

    SALESKPI_OXT=build/saleskpi.oxt python3 scripts/show_workbook.py WORKBOOK PDF
Exit status 1 when any formula cell shows an error."""
import os
import sys

import uno

from office import ERRORS, Office, properties


def main(workbook, pdf):
    failures = 0
    with Office() as office:
        doc = office.load(workbook)
        try:
            doc.calculateAll()
            for sheet in doc.Sheets:
                cursor = sheet.createCursor()
                cursor.gotoEndOfUsedArea(False)
                end = cursor.getRangeAddress()
                print(f"== {sheet.Name}")
                for row in range(end.EndRow + 1):
                    for column in range(end.EndColumn + 1):
                        cell = sheet.getCellByPosition(column, row)
                        if not cell.getFormula().startswith("="):
                            continue
                        label = sheet.getCellByPosition(0, row).getString() if column else ""
                        error = cell.getError()
                        value = ERRORS.get(error, f"Err:{error}") if error else cell.getString()
                        failures += bool(error)
                        print(f"{label:<34} {value:>12}   {cell.getPropertyValue('FormulaLocal')}")
            doc.storeToURL(uno.systemPathToFileUrl(os.path.abspath(pdf)),
                           properties(FilterName="calc_pdf_Export"))
            print(f"PDF: {pdf}")
        finally:
            doc.close(True)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
