"""Every catalogue example saved as ODS, XLSX and XLS and opened again in the same office.

One workbook holds every example of catalogue/functions.json (array results such as
FUNNEL_PLAN as array formulas), plus formulas that read cells, another sheet, nest calls
and pass a range holding text. After saving in each format and reloading, every cell must
have the same formula (getFormula, the programmatic form) and, after calculateAll, the
same value or error. The stored forms observed on LibreOffice 7.4:
- ODS:  of:=ORG.SALESKPI.FUNCTIONS.LTV(400;1;3) (test_functions.py checks it);
- XLSX: <f>ORG.SALESKPI.FUNCTIONS.LTV(400,1,3)</f>, <f>ORG.SALESKPI.FUNCTIONS.CACMAX(1200)</f>
  (the programmatic name, not the CompatibilityName), an Err:502 cell cached as #VALUE!,
  cached values rounded to 15 significant digits (exact again after a recalculation);
- XLS:  the CompatibilityName (the catalogue name, e.g. CAC_MAX) as an add-in EXTERNNAME.
"""
import os
import re
import tempfile
import unittest
import zipfile

import uno

from calc_support import OFFICE_VERSION, CalcTestCase, api_formula, catalogue, shown, stored_name
from office.driver import properties

FORMATS = {"ods": "calc8", "xlsx": "Calc Office Open XML", "xls": "MS Excel 97"}
PREFIX = "ORG.SALESKPI.FUNCTIONS."

# Formulas that read cells (A..C of sheet Inputs, E.. of the sheet itself), as a user types them.
REFERENCE_FORMULAS = [
    "=FUNNEL_NEEDED(1;$E$1:$E$3)",
    "=FUNNEL_NEEDED(1;E1:E3;2)",
    "=LTV($Inputs.B1;$Inputs.B2;$Inputs.B3)",
    "=CAC_MAX(LTV(400;1;3);4)",
    "=MRR_TO_ARR(25)+ARR_TO_MRR(300)",
    "=CAC(G1:G2;10)",             # G2 holds text: Err:502
    "=SUMPRODUCT(FUNNEL_PLAN(5;E1:E3))",
    "=LTV_CHURN(100;0.05;;12)",   # an optional argument left out in the middle
]
REFERENCE_ARRAY = "=FUNNEL_PLAN(1;E1:E3)"


def replace_member(path, member, data):
    """Rewrites one file inside a zip archive."""
    with zipfile.ZipFile(path) as old:
        members = [(info, old.read(info)) for info in old.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as new:
        for info, content in members:
            new.writestr(info, data if info.filename == member else content)


def xlsx_name(function):
    """What XLSX stores for a call: 7.4 the programmatic name (ORG.SALESKPI.FUNCTIONS.CACMAX),
    25.2 the CompatibilityName (the catalogue name, CAC_MAX)."""
    return stored_name(function) if OFFICE_VERSION == "7.4" else function


class Workbook:
    """Where everything is: (row, formula) of single-cell formulas in column A, array
    blocks (first row, rows) in column C."""

    def __init__(self, doc):
        self.doc = doc
        sheets = doc.Sheets
        sheets.insertNewByName("Inputs", 1)
        inputs = sheets.getByName("Inputs")
        for row, value in enumerate([400, 1, 3]):
            inputs.getCellByPosition(1, row).setValue(value)
        self.sheet = sheets.getByIndex(0)
        for row, rate in enumerate([0.1, 0.2, 0.5]):
            self.sheet.getCellByPosition(4, row).setValue(rate)        # E1:E3
        self.sheet.getCellByPosition(6, 0).setValue(100)               # G1
        self.sheet.getCellByPosition(6, 1).setString("200")            # G2: a number typed as text

        examples = [e for f in catalogue()["functions"] for e in f["examples"]]
        self.singles = [("=" + e["formula"]) for e in examples if not isinstance(e["result"], list)]
        self.singles += REFERENCE_FORMULAS
        for row, formula in enumerate(self.singles):
            self.sheet.getCellByPosition(0, row).setFormula(api_formula(formula))

        self.arrays, row = [], 0
        for formula, rows in [("=" + e["formula"], len(e["result"])) for e in examples
                              if isinstance(e["result"], list)] + [(REFERENCE_ARRAY, 4)]:
            self.sheet.getCellRangeByPosition(2, row, 2, row + rows - 1).setArrayFormula(api_formula(formula))
            self.arrays.append((row, rows, formula))
            row += rows + 1
        doc.calculateAll()

    def row_of(self, formula):
        return self.singles.index(formula)


def snapshot(doc):
    """Every formula cell of the first sheet: (column, row) -> (formula, what it shows).
    A cell of an array block has its formula in braces, e.g. {=ORG...FUNNELPLAN(...)}."""
    sheet = doc.Sheets.getByIndex(0)
    cursor = sheet.createCursor()
    cursor.gotoEndOfUsedArea(False)
    end = cursor.getRangeAddress()
    result = {}
    for row in range(end.EndRow + 1):
        for column in range(end.EndColumn + 1):
            cell = sheet.getCellByPosition(column, row)
            formula = cell.getFormula()
            if formula.startswith(("=", "{")):
                result[(column, row)] = (formula, shown(cell))
    return result


class RoundTrip(CalcTestCase):
    def setUp(self):
        super().setUp()
        self.book = Workbook(self.doc)
        self.before = snapshot(self.doc)
        self.folder = tempfile.TemporaryDirectory()
        self.addCleanup(self.folder.cleanup)

    def save(self, extension):
        path = os.path.join(self.folder.name, "kpis." + extension)
        self.doc.storeToURL(uno.systemPathToFileUrl(path), properties(FilterName=FORMATS[extension]))
        return path

    def reloaded(self, path):
        doc = self.office.load(path)
        try:
            doc.calculateAll()
            return snapshot(doc), doc.Sheets.getByIndex(0).getCellRangeByPosition(
                2, 0, 2, self.book.arrays[0][1] - 1).getArrayFormula()
        finally:
            doc.close(True)

    def test_the_workbook_covers_every_function(self):
        used = " ".join(formula for formula, _ in self.before.values())
        for function in catalogue()["functions"]:
            self.assertIn(stored_name(function["name"]) + "(", used, function["name"])
        self.assertEqual(self.before[(0, self.book.row_of("=LTV(400;1;3)"))],
                         (f"={stored_name('LTV')}(400;1;3)", 1200))
        self.assertEqual(self.before[(0, self.book.row_of("=CAC(G1:G2;10)"))][1], "Err:502")
        first_row, rows, formula = self.book.arrays[0]
        expected = next(e["result"] for f in catalogue()["functions"] for e in f["examples"]
                        if "=" + e["formula"] == formula)
        self.assertEqual([self.before[(2, first_row + r)][1] for r in range(rows)], expected)
        self.assertTrue(self.before[(2, first_row)][0].startswith("{="), "not an array formula")

    def check_round_trip(self, extension):
        after, first_array = self.reloaded(self.save(extension))
        self.assertEqual(set(after), set(self.before), f"{extension}: other formula cells")
        for key, value in self.before.items():
            with self.subTest(format=extension, cell=key, formula=value):
                if extension == "xls":  # BIFF8 stores "" in an inline array as an empty element
                    value = (value[0].replace('""', ""), value[1])
                self.assertEqual(after[key], value)
        before_array = self.doc.Sheets.getByIndex(0).getCellRangeByPosition(
            2, 0, 2, self.book.arrays[0][1] - 1).getArrayFormula()
        self.assertEqual(first_array, before_array)

    def test_ods_keeps_formulas_and_values(self):
        self.check_round_trip("ods")

    def test_xlsx_keeps_formulas_and_values(self):
        self.check_round_trip("xlsx")

    def test_xls_keeps_formulas_and_values(self):
        self.check_round_trip("xls")

    def xlsx_sheet(self, path):
        with zipfile.ZipFile(path) as xlsx:
            return xlsx.read("xl/worksheets/sheet1.xml").decode("utf-8")

    def test_xlsx_stores_the_name_of_this_version(self):
        """What another program reads, with `,` separators: 7.4 writes the programmatic
        service.method name (Excel knows no such function and shows #NAME?), 25.2 the
        CompatibilityName (the catalogue name, as an Excel add-in function would be called)."""
        sheet = self.xlsx_sheet(self.save("xlsx"))
        cells = dict(re.findall(r'<c r="([A-Z]+[0-9]+)"[^>]*?(?<!/)>(.*?)</c>', sheet))

        def stored(formula):
            return cells[f"A{self.book.row_of(formula) + 1}"]

        self.assertEqual(re.search(r"<f[^>]*>(.*?)</f>", stored("=LTV(400;1;3)")).group(1),
                         xlsx_name("LTV") + "(400,1,3)")
        self.assertEqual(re.search(r"<f[^>]*>(.*?)</f>", stored("=CAC_MAX(1200)")).group(1),
                         xlsx_name("CAC_MAX") + "(1200)")
        if OFFICE_VERSION == "7.4":
            self.assertNotIn(">CAC_MAX(", sheet)
        else:
            self.assertNotIn(PREFIX, sheet)
        self.assertIn("<v>1200</v>", stored("=LTV(400;1;3)"))          # the cached value
        self.assertIn("<v>#VALUE!</v>", stored("=CAC_MAX(1200;0)"))    # Err:502 has no Excel name
        self.assertIn('t="array"', sheet)                              # FUNNEL_PLAN stays an array
        # Cached values keep 15 significant digits (CHURN_ANNUAL(0.05) = 0.45963991233736307 is
        # cached as 0.459639912337363); LibreOffice shows them until it recalculates the cell.
        for row, formula in enumerate(self.book.singles):
            value = self.before[(0, row)][1]
            cached = re.search(r"<v>(.*?)</v>", cells.get(f"A{row + 1}", ""))
            if isinstance(value, float) and cached:
                with self.subTest(formula=formula):
                    self.assertEqual(float(cached.group(1)), float(f"{value:.15g}"))

    def test_xlsx_written_by_the_other_version(self):
        """The same workbook as the other version writes it (our file with the other naming
        put in): 25.2 reads 7.4's programmatic names, 7.4 shows #NAME? for every call stored
        by 25.2 under its CompatibilityName, so a team sharing XLSX must not mix versions."""
        path = self.save("xlsx")
        sheet = self.xlsx_sheet(path)
        names = {stored_name(f["name"]) + "(": f["name"] + "(" for f in catalogue()["functions"]}
        if OFFICE_VERSION == "7.4":
            pattern, replace = r"ORG\.SALESKPI\.FUNCTIONS\.[A-Z0-9]+\(", lambda m: names[m.group(0)]
        else:
            back = {compatibility: programmatic for programmatic, compatibility in names.items()}
            pattern = "|".join(re.escape(name) for name in sorted(back, key=len, reverse=True))
            pattern, replace = r"(?<![A-Z0-9_.])(" + pattern + ")", lambda m: back[m.group(0)]
        other, count = re.subn(pattern, replace, sheet)
        self.assertGreater(count, len(self.before) // 2)
        replace_member(path, "xl/worksheets/sheet1.xml", other.encode("utf-8"))
        after, _ = self.reloaded(path)
        self.assertEqual(set(after), set(self.before))
        if OFFICE_VERSION == "7.4":
            for key, (formula, value) in after.items():
                with self.subTest(cell=key, formula=formula):
                    self.assertEqual(value, "#NAME?")
        else:
            for key, value in self.before.items():
                with self.subTest(cell=key, formula=value):
                    self.assertEqual(after[key], value)

    def test_xls_stores_the_compatibility_name(self):
        """BIFF8 keeps an add-in call as an external name: the CompatibilityName, stored as a
        short 8-bit string (length byte, flags byte 0, the name)."""
        with open(self.save("xls"), "rb") as f:
            data = f.read()
        for function in catalogue()["functions"]:
            name = function["name"].encode("ascii")
            self.assertIn(bytes([len(name), 0]) + name, data, function["name"])
        service = catalogue()["service"].upper()  # no stored name, in either encoding
        self.assertNotIn(service.encode("ascii"), data)
        self.assertNotIn(service.encode("utf-16-le"), data)


if __name__ == "__main__":
    unittest.main(verbosity=2)
