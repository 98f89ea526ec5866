"""The extension's life in one private profile: add, use, save, upgrade, remove, add again.

One profile is kept across several starts of the office (Office(keep_profile=True)); the
office is stopped around every unopkg call, as a user restarts LibreOffice after changing
extensions. The upgrade is the built .oxt with a higher <version> in description.xml,
re-zipped in a temporary folder (the repository's packaging is not touched).

Observed on LibreOffice 7.4: `unopkg add` of a higher version replaces the installed one
without a question; after `unopkg remove` a saved document opens, every saleskpi cell shows
#NAME? and keeps its formula (shown lower-cased, e.g. =org.saleskpi.functions.ltv(400;1;3),
and saved that way); once the extension is back, both the original file and a copy saved
without the extension compute again.
"""
import os
import re
import shutil
import tempfile
import unittest
import zipfile

import uno

from calc_support import api_formula, catalogue, shown, stored_name
from office.driver import Office, properties

IDENTIFIER = "org.saleskpi.extension"
# Formulas that read cells: (cell, formula, expected); inputs in column E.
INPUTS = {"E1": 0.1, "E2": 0.2, "E3": 0.5, "E4": 400}
READING_CELLS = [("B1", "=FUNNEL_NEEDED(1;E1:E3)", 100), ("B2", "=CAC_MAX(LTV(E4;1;3))", 400),
                 ("B3", "=CAC_MAX(1200;0)", "Err:502")]
PLAN = ("C1:C4", "=FUNNEL_PLAN(1;E1:E3)", [100, 10, 2, 1])


def bumped_oxt(oxt, folder):
    """A copy of `oxt` whose description.xml has the last version number raised by one;
    returns (path, new version)."""
    with zipfile.ZipFile(oxt) as source:
        entries = [(info, source.read(info.filename)) for info in source.infolist()]
    description = next(data for info, data in entries if info.filename == "description.xml").decode("utf-8")
    old = re.search(r'<version value="([^"]+)"', description).group(1)
    parts = old.split(".")
    new = ".".join(parts[:-1] + [str(int(parts[-1]) + 1)])
    description = description.replace(f'<version value="{old}"', f'<version value="{new}"', 1)
    path = os.path.join(folder, f"saleskpi-{new}.oxt")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for info, data in entries:
            target.writestr(info, description.encode("utf-8") if info.filename == "description.xml" else data)
    return path, new


def installed_version(office):
    """The version `unopkg list --shared` reports for saleskpi, or None."""
    done = office.unopkg("list")
    if done.returncode != 0:
        raise AssertionError(f"unopkg list failed: {done.stdout}{done.stderr}")
    match = re.search(rf"Identifier: {re.escape(IDENTIFIER)}\s*\n\s*Version: (\S+)", done.stdout)
    return match.group(1) if match else None


class Lifecycle(unittest.TestCase):
    def setUp(self):
        self.oxt = os.path.abspath(os.environ["SALESKPI_OXT"])
        self.folder = tempfile.mkdtemp(prefix="saleskpi-lifecycle-")
        self.addCleanup(shutil.rmtree, self.folder, True)
        self.office = Office(oxt=self.oxt, keep_profile=True)
        self.addCleanup(shutil.rmtree, self.office.profile, True)
        self.addCleanup(self.office.kill)
        # every catalogue function, by its first example with a single value (not an error)
        self.examples = {}
        for function in catalogue()["functions"]:
            for example in function["examples"]:
                if not isinstance(example["result"], (str, list)):
                    self.examples[function["name"]] = ("=" + example["formula"], example["result"])
                    break

    # -- steps --------------------------------------------------------------
    def unopkg(self, *args):
        self.assertFalse(self.office.alive(), "unopkg must run while the office is stopped")
        done = self.office.unopkg(*args)
        self.assertEqual(done.returncode, 0, f"unopkg {' '.join(args)}: {done.stdout}{done.stderr}")

    def start(self):
        self.office.start()
        self.assertTrue(self.office.alive())

    def stop(self):
        self.assertTrue(self.office.alive(), "the office died")
        self.office.kill()

    def write_document(self, path):
        doc = self.office.new_sheet_document()
        try:
            sheet = doc.Sheets.getByIndex(0)
            for where, value in INPUTS.items():
                sheet.getCellRangeByName(where).setValue(value)
            for row, (formula, _) in enumerate(self.examples.values()):
                sheet.getCellByPosition(0, row).setFormula(api_formula(formula))
            for where, formula, _ in READING_CELLS:
                sheet.getCellRangeByName(where).setFormula(api_formula(formula))
            sheet.getCellRangeByName(PLAN[0]).setArrayFormula(api_formula(PLAN[1]))
            doc.calculateAll()
            self.check_values(sheet, "freshly typed")
            doc.storeToURL(uno.systemPathToFileUrl(path), properties(FilterName="calc8"))
            return self.formulas(sheet)
        finally:
            doc.close(True)

    def cells(self, sheet):
        """(cell, expected) of every saleskpi cell of the document."""
        result = [(sheet.getCellByPosition(0, row), expected)
                  for row, (_, expected) in enumerate(self.examples.values())]
        result += [(sheet.getCellRangeByName(where), expected) for where, _, expected in READING_CELLS]
        block = sheet.getCellRangeByName(PLAN[0])
        result += [(block.getCellByPosition(0, row), value) for row, value in enumerate(PLAN[2])]
        return result

    def formulas(self, sheet):
        return [cell.getFormula() for cell, _ in self.cells(sheet)]

    def check_values(self, sheet, when):
        for cell, expected in self.cells(sheet):
            actual = shown(cell)
            if isinstance(expected, str) or isinstance(actual, str):
                self.assertEqual(actual, expected, f"{when}: {cell.getFormula()}")
            else:
                self.assertAlmostEqual(actual, expected, delta=1e-9 * max(1, abs(expected)),
                                       msg=f"{when}: {cell.getFormula()}")

    def open(self, path):
        doc = self.office.load(path)  # a failing test kills the office with its documents
        doc.calculateAll()
        return doc, doc.Sheets.getByIndex(0)

    # -- the story ------------------------------------------------------------
    def test_add_use_upgrade_remove_add_again(self):
        self.assertGreaterEqual(len(self.examples), 4)
        saved = os.path.join(self.folder, "kpis.ods")
        saved_without = os.path.join(self.folder, "kpis-saved-without-saleskpi.ods")
        original_version = installed_version(self.office)
        self.assertIsNone(original_version, "a fresh profile has no saleskpi")

        # 1. add, use, save
        self.unopkg("add", "-s", self.oxt)
        first_version = installed_version(self.office)
        self.assertIsNotNone(first_version)
        self.start()
        formulas = self.write_document(saved)
        stored = tuple(stored_name(f["name"]) + "(" for f in catalogue()["functions"])
        self.assertTrue(all(f.lstrip("{=").startswith(stored) for f in formulas), formulas)
        self.stop()

        # 2. upgrade to a higher version: unopkg add replaces it; the document still computes
        upgrade, new_version = bumped_oxt(self.oxt, self.folder)
        self.unopkg("add", "-s", upgrade)
        self.assertEqual(installed_version(self.office), new_version)
        self.assertNotEqual(new_version, first_version)
        self.start()
        doc, sheet = self.open(saved)
        self.check_values(sheet, f"after the upgrade to {new_version}")
        self.assertEqual(self.formulas(sheet), formulas)
        doc.close(True)
        self.stop()

        # 3. remove: the document opens, shows errors, keeps its formulas
        self.unopkg("remove", IDENTIFIER)
        self.assertIsNone(installed_version(self.office))
        self.start()
        doc, sheet = self.open(saved)
        self.assertTrue(self.office.alive())
        for cell, _ in self.cells(sheet):
            self.assertEqual(shown(cell), "#NAME?", cell.getFormula())
        # 7.4 shows the unknown names lower-cased; the text is otherwise the same
        self.assertEqual([f.upper() for f in self.formulas(sheet)], [f.upper() for f in formulas])
        doc.storeToURL(uno.systemPathToFileUrl(saved_without), properties(FilterName="calc8"))
        doc.close(True)
        self.stop()

        # 4. add it again: the values are back, also in the copy saved without saleskpi
        self.unopkg("add", "-s", self.oxt)
        self.assertEqual(installed_version(self.office), first_version)
        self.start()
        for path in (saved, saved_without):
            doc, sheet = self.open(path)
            self.check_values(sheet, f"{os.path.basename(path)} after adding saleskpi again")
            self.assertEqual(self.formulas(sheet), formulas)
            doc.close(True)
        self.stop()

    def test_bumped_oxt_differs_only_in_the_version(self):
        path, new = bumped_oxt(self.oxt, self.folder)
        with zipfile.ZipFile(self.oxt) as a, zipfile.ZipFile(path) as b:
            self.assertEqual(a.namelist(), b.namelist())
            for name in a.namelist():
                if name != "description.xml":
                    self.assertEqual(a.read(name), b.read(name), name)
            old = a.read("description.xml").decode("utf-8")
            self.assertIn(f'<version value="{new}"', b.read("description.xml").decode("utf-8"))
            self.assertNotIn(f'<version value="{new}"', old)


if __name__ == "__main__":
    unittest.main(verbosity=2)
