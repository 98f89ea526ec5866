"""The Function Wizard's view of the installed extension: names, descriptions, arguments,
in English (what Calc shows here) and Dutch (what the installed configuration serves)."""
import unittest

from calc_support import CalcTestCase, catalogue
from catalogue.model import camel  # tools/catalogue/generate.py: the IDL and XCU names come from it
from office.driver import properties

ADDIN_CATEGORY = 11  # com.sun.star.sheet.FunctionCategory.ADDIN




class FunctionWizard(CalcTestCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        descriptions = cls.office.create("com.sun.star.sheet.FunctionDescriptions")
        cls.shown = {}
        for index in range(descriptions.getCount()):
            entry = {p.Name: p.Value for p in descriptions.getByIndex(index)}
            cls.shown[entry["Name"]] = entry

    def test_every_function_with_english_help(self):
        for function in catalogue()["functions"]:
            with self.subTest(function=function["name"]):
                entry = self.shown.get(function["name"])
                self.assertIsNotNone(entry, "not in the Function Wizard")
                self.assertEqual(entry["Category"], ADDIN_CATEGORY)
                self.assertEqual(entry["Description"], function["summary"]["en"])
                arguments = entry["Arguments"]
                self.assertEqual(len(arguments), len(function["params"]))
                for argument, param in zip(arguments, function["params"]):
                    self.assertEqual(argument.Name, param["display"]["en"])
                    self.assertNotIn("_", argument.Name, "GTK shows _ as a mnemonic")
                    self.assertEqual(argument.Description, param["description"]["en"])
                    self.assertEqual(argument.IsOptional, bool(param.get("optional")) or param["type"] == "criteria")

    def test_dutch_help_is_served_for_every_function(self):
        provider = self.office.create("com.sun.star.configuration.ConfigurationProvider")
        service = catalogue()["service"]
        access = provider.createInstanceWithArguments(
            "com.sun.star.configuration.ConfigurationAccess",
            properties(nodepath=f"/org.openoffice.Office.CalcAddIns/AddInInfo/{service}/AddInFunctions",
                       Locale="nl"))
        for function in catalogue()["functions"]:
            with self.subTest(function=function["name"]):
                node = access.getByName(camel(function["name"]))
                self.assertEqual(node.getByName("DisplayName"), function["name"])
                self.assertEqual(node.getByName("Description"), function["summary"]["nl"])
                self.assertNotEqual(function["summary"]["nl"], function["summary"]["en"])
                parameters = node.getByName("Parameters")
                for param in function["params"]:
                    argument = parameters.getByName(camel(param["name"]))
                    self.assertEqual(argument.getByName("DisplayName"), param["display"]["nl"])
                    self.assertEqual(argument.getByName("Description"), param["description"]["nl"])


if __name__ == "__main__":
    unittest.main(verbosity=2)
