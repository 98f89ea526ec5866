"""Shared pieces of the Calc tests: one office per test module, formulas in cells."""
import math
import os
import unittest

from catalogue.model import load_source, stored_name as catalogue_stored_name
from workbook.formula import api as formula_api
from office.driver import Office, error_text, properties

# The office under test, as CMake labels it (calc74, calc252): expectations that differ by
# version are asserted per version, and test_office.py checks the office really is this one.
OFFICE_VERSION = os.environ.get("SALESKPI_OFFICE_VERSION", "7.4")



def catalogue():
    return load_source()


def stored_name(function):
    """How a document stores a call of `function` (CAC_MAX -> ORG.SALESKPI.FUNCTIONS.CACMAX):
    tools/catalogue/model.py's rule, pinned by tests/tools/test_formula.py."""
    return catalogue_stored_name(catalogue(), function)


def api_formula(formula):
    """The catalogue writes formulas as an en-US user types them (`;` between arguments,
    inline arrays with `,` between columns and `;` between rows); setFormula reads the API
    grammar (arrays: `;` between columns, `|` between rows). tools/workbook/formula.py translates,
    and raises on a formula it does not understand."""
    return formula_api(formula)


def running_version(office):
    """The running office's major.minor version, e.g. '25.2', from its configuration."""
    provider = office.create("com.sun.star.configuration.ConfigurationProvider")
    access = provider.createInstanceWithArguments(
        "com.sun.star.configuration.ConfigurationAccess",
        properties(nodepath="/org.openoffice.Setup/Product"))
    return ".".join(access.getByName("ooSetupVersion").split(".")[:2])


def shown(cell):
    """What the cell shows a user: a number, or Calc's error text such as 'Err:502'."""
    error = cell.getError()
    if error:
        return error_text(error)
    return cell.getValue()


class OfficeTestCase(unittest.TestCase):
    """Starts one private office with the extension for all tests of the class."""

    @classmethod
    def setUpClass(cls):
        cls.office = Office()
        cls.office.__enter__()
        cls.addClassCleanup(cls.office.stop)


class CalcTestCase(OfficeTestCase):
    """An office, and a new spreadsheet for each test."""

    def setUp(self):
        self.doc = self.office.new_sheet_document()
        self.sheet = self.doc.Sheets.getByIndex(0)

    def tearDown(self):
        self.doc.close(True)

    def cell(self, name):
        return self.sheet.getCellRangeByName(name)

    def fill(self, top_left, values):
        """Writes a column of values from top_left down; None leaves a cell blank, str is text."""
        column, row = self.cell(top_left).getCellAddress().Column, self.cell(top_left).getCellAddress().Row
        for offset, value in enumerate(values):
            cell = self.sheet.getCellByPosition(column, row + offset)
            if isinstance(value, str):
                cell.setString(value)
            elif value is not None:
                cell.setValue(value)

    def evaluate(self, formula, where="Z1"):
        cell = self.cell(where)
        cell.setFormula(api_formula(formula))
        self.doc.calculateAll()
        return shown(cell)

    def assertShows(self, formula, expected, where="Z1"):
        actual = self.evaluate(formula, where)
        self.assertResult(actual, expected, formula)

    def assertResult(self, actual, expected, label):
        if isinstance(expected, str) or isinstance(actual, str):
            self.assertEqual(actual, expected, label)
        else:
            self.assertTrue(math.isclose(actual, expected, rel_tol=1e-9, abs_tol=1e-12),
                            f"{label}: {actual} != {expected}")
