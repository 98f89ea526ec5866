"""tools/workbook/formula.py without an office: what each renderer writes, and what it refuses.

Every case of the issue that made the translator strict has its test here: `1E3` stays a
number, `{1;2}` is a column in both renderers, `$Sheet.A1` and `'Q1 sales'.B2` translate,
and input the tokenizer does not understand raises. Then every formula of the generated
team workbook and every catalogue example must translate.
"""
import unittest

from catalogue.model import load_source, parse_call, stored_name, stored_names
from workbook import formula, generate
from workbook.formula import FormulaError, api, call_arguments, openformula, tokenize



def catalogue():
    return load_source()


ADDIN = stored_names(catalogue())


def kinds(text):
    return [(t.kind, t.text) for t in tokenize(text) if t.kind != formula.SPACE]


class Numbers(unittest.TestCase):
    def test_exponent_stays_a_number(self):
        # the old translator made `1[.E3]` of this: E3 read as a cell
        self.assertEqual(kinds("=LTV(1E3;1;3)")[2], (formula.NUMBER, "1E3"))
        self.assertEqual(openformula("=LTV(1E3;1;3)", ADDIN), "of:=ORG.SALESKPI.FUNCTIONS.LTV(1E3;1;3)")
        self.assertEqual(api("=LTV(1E3;1;3)"), "=LTV(1E3;1;3)")

    def test_other_spellings(self):
        for text in ("1.5e-3", "1E+308", "2.", "0.25", "45322"):
            self.assertEqual(kinds(f"={text}"), [(formula.NUMBER, text)], text)
        self.assertEqual(openformula("=.5+1"), "of:=0.5+1")
        self.assertEqual(api("=-.5"), "=-0.5")

    def test_percent_and_signs(self):
        self.assertEqual(openformula("=-50%+-0"), "of:=-50%+-0")


class InlineArrays(unittest.TestCase):
    def test_semicolons_make_a_column(self):
        # en-US entry: `;` between rows. The old translator passed {1;2} through to ODF,
        # where `;` separates columns: a row.
        self.assertEqual(openformula("=SUM({1;2})"), "of:=SUM({1|2})")
        self.assertEqual(api("=SUM({1;2})"), "=SUM({1|2})")

    def test_commas_make_a_row(self):
        self.assertEqual(openformula("=SUM({1,2})"), "of:=SUM({1;2})")
        self.assertEqual(api("=SUM({1,2})"), "=SUM({1;2})")

    def test_two_by_two(self):
        self.assertEqual(openformula('=INDEX({1,-2;"a",4};2;1)'), 'of:=INDEX({1;-2|"a";4};2;1)')
        self.assertEqual(api('=INDEX({1,-2;"a",4};2;1)'), '=INDEX({1;-2|"a";4};2;1)')

    def test_catalogue_example_is_a_column(self):
        # FUNNEL_PLAN(1;{0.1;0.2;0.5}) gives the column {100;10;2;1}: the rates are a column
        self.assertEqual(openformula("=FUNNEL_PLAN(1;{0.1;0.2;0.5})", ADDIN),
                         "of:=ORG.SALESKPI.FUNCTIONS.FUNNELPLAN(1;{0.1|0.2|0.5})")
        self.assertEqual(api("=FUNNEL_PLAN(1;{0.1;0.2;0.5})"), "=FUNNEL_PLAN(1;{0.1|0.2|0.5})")

    def test_separators_inside_strings_are_text(self):
        self.assertEqual(api('={"a;b","c,d"}'), '={"a;b";"c,d"}')


class References(unittest.TestCase):
    def test_absolute_sheet(self):
        self.assertEqual(openformula("=$Sheet.A1"), "of:=[$Sheet.A1]")
        self.assertEqual(api("=$Sheet.A1"), "=$Sheet.A1")
        self.assertEqual(openformula("=$Data.$A$1*2"), "of:=[$Data.$A$1]*2")

    def test_quoted_sheet(self):
        self.assertEqual(openformula("='Q1 sales'.B2"), "of:=[$'Q1 sales'.B2]")
        self.assertEqual(api("='Q1 sales'.B2"), "=$'Q1 sales'.B2")
        self.assertEqual(openformula("=SUM($'Q1 sales'.B2:C3)"), "of:=SUM([$'Q1 sales'.B2:.C3])")
        self.assertEqual(api("='It''s'.A1"), "=$'It''s'.A1")
        self.assertEqual(api("=Data.A1:A2"), "=$Data.A1:A2")  # the sheet is absolute in both
        ref = next(t.reference for t in tokenize("='It''s'.A1") if t.kind == formula.REFERENCE)
        self.assertEqual(ref.sheet, "It's")

    def test_plain_references(self):
        self.assertEqual(openformula("=IF($B8=0;\"\";C8-S8)"), "of:=IF([.$B8]=0;\"\";[.C8]-[.S8])")
        self.assertEqual(openformula("=SUM(B6:$E$7)"), "of:=SUM([.B6:.$E$7])")
        self.assertEqual(openformula("=SUM(Activity.B6:B18)"), "of:=SUM([$Activity.B6:.B18])")
        self.assertEqual(openformula("=SUM(Sheet1.A1:Sheet2.B3)"), "of:=SUM([$Sheet1.A1:$Sheet2.B3])")
        self.assertEqual(openformula("='B2'.A1"), "of:=[$'B2'.A1]")  # a sheet named like a cell stays quoted

    def test_whole_columns(self):
        self.assertEqual(openformula("=SUM($Data.$B:$B)"), "of:=SUM([$Data.$B:.$B])")
        self.assertEqual(api("=SUM($Data.$B:$B)"), "=SUM($Data.$B:$B)")
        self.assertEqual(openformula("=SUM(D:D)"), "of:=SUM([.D:.D])")

    def test_references_inside_strings_stay_text(self):
        self.assertEqual(openformula('="A1 ""B2"""&A1'), 'of:="A1 ""B2"""&[.A1]')


class Names(unittest.TestCase):
    def test_stored_names_are_permanent(self):
        """Documents store these: the one place their spelling is written out, so a change
        to the catalogue's service or to the rule fails here (tests elsewhere use the rule)."""
        data = catalogue()
        self.assertEqual(stored_name(data, "LTV"), "ORG.SALESKPI.FUNCTIONS.LTV")
        self.assertEqual(stored_name(data, "CAC_MAX"), "ORG.SALESKPI.FUNCTIONS.CACMAX")
        self.assertEqual(stored_name(data, "LTV_CHURN"), "ORG.SALESKPI.FUNCTIONS.LTVCHURN")
        self.assertEqual(len(set(ADDIN.values())), len(data["functions"]))  # no two collide

    def test_addin_names(self):
        self.assertEqual(openformula("=CAC_MAX(LTV(400;1;3))", ADDIN),
                         "of:=ORG.SALESKPI.FUNCTIONS.CACMAX(ORG.SALESKPI.FUNCTIONS.LTV(400;1;3))")
        self.assertEqual(openformula("=cac_max(1200)", ADDIN), "of:=ORG.SALESKPI.FUNCTIONS.CACMAX(1200)")
        self.assertEqual(api("=mrr_to_arr(10)"), "=mrr_to_arr(10)")  # the API keeps the case

    def test_function_that_looks_like_a_cell(self):
        self.assertEqual(kinds("=LOG10(A1)")[0], (formula.FUNCTION, "LOG10"))
        self.assertEqual(openformula("=LOG10(A1)"), "of:=LOG10([.A1])")

    def test_dotted_function_names(self):
        self.assertEqual(openformula("=ORG.SALESKPI.FUNCTIONS.LTV(1;2;3)"),
                         "of:=ORG.SALESKPI.FUNCTIONS.LTV(1;2;3)")

    def test_named_range_and_empty_arguments(self):
        self.assertEqual(openformula("=SUM(Activity_log)"), "of:=SUM(Activity_log)")
        self.assertEqual(openformula("=LTV_CHURN(100;0.05;;12)+NA()"), "of:=LTV_CHURN(100;0.05;;12)+NA()")


class CallArguments(unittest.TestCase):
    """One call's arguments, as the catalogue's examples are read (catalogue.model.parse_call)."""

    def test_arguments_as_written(self):
        name, arguments = call_arguments('F(1;{0.1;0.2};"a;b";G(1;2))')
        self.assertEqual(name, "F")
        self.assertEqual([a.text for a in arguments], ["1", "{0.1;0.2}", '"a;b"', "G(1;2)"])
        self.assertEqual(call_arguments("=F()"), ("F", []))
        self.assertEqual([a.text for a in call_arguments("F(1;;-3;)")[1]], ["1", "", "-3", ""])

    def test_catalogue_reading(self):
        self.assertEqual(parse_call('LTV(-400;{1,2;3,4};"a""b";;G(1))'),
                         ("LTV", [("number", -400.0), ("array", [[1.0, 2.0], [3.0, 4.0]]),
                                  ("text", 'a"b'), ("omitted", None), ("call", None)]))

    def test_anything_else_is_refused(self):
        for text in ("F(1)+G(2)", "1+2", "F(1;2)*3", "F(1,2)"):
            with self.subTest(text), self.assertRaises(FormulaError):
                call_arguments(text)
        with self.assertRaises(ValueError):
            parse_call("F(A1)")


class Refusals(unittest.TestCase):
    BAD = {
        "=1,2": 2,              # `,` is no argument separator here
        "=A1:": 1,
        "=1:2": 2,              # whole rows are not read
        "=(1;2)": 3,            # `;` outside a call
        "=SUM(1": 4,
        "=SUM(1))": 7,
        "={1;2": 1,
        "={1;2}}": 6,
        "={1,2;3}": 7,          # ragged
        "={1;;2}": 4,
        "={}": 2,
        "={A1}": 2,
        "={{1}}": 2,
        '="abc': 1,
        "=1+": 2,
        "=A1!B2": 3,
        "=A1~B2": 3,
        "=12A": 1,
        "=A0": 1,
        "=XFE1": 1,
        "=A1048577": 1,
        "=Sheet.Name": 1,
        "=$1": 1,
        "='open.A1": 1,
        "=#REF!": 1,
        "=SUM(A1)[": 8,
        "=": 1,
        "LTV(1;2;3)": 0,
    }

    def test_unknown_input_raises(self):
        for text, position in self.BAD.items():
            with self.subTest(text), self.assertRaises(ValueError) as raised:
                openformula(text)
            self.assertIsInstance(raised.exception, FormulaError)
            self.assertEqual(raised.exception.position, position, str(raised.exception))
            self.assertIn(repr(text), str(raised.exception))
            with self.assertRaises(ValueError):
                api(text)


def odf_references(text):
    """Bracketed references in an OpenFormula text, outside string literals."""
    outside = "".join(part for index, part in enumerate(text.split('"')) if index % 2 == 0)
    return outside.count("[")


class EveryProjectFormula(unittest.TestCase):
    def check(self, text, names):
        tokens = tokenize(text)
        self.assertEqual("=" + "".join(t.text for t in tokens), text, "tokens cover the formula")
        translated = openformula(text, names)
        references = sum(t.kind == formula.REFERENCE for t in tokens)
        self.assertEqual(odf_references(translated), references, translated)
        # the translation reads again: the API form is input of the same grammar (arrays aside)
        self.assertEqual(api(api(text)) if "{" not in text else api(text), api(text))

    def test_team_workbook(self):
        data = catalogue()
        names = stored_names(data)
        for build_data in (generate.example_data(), generate.template_data()):
            book = generate.build(data, build_data)
            formulas = {cell.formula for sheet in book.sheets for cell in sheet.cells.values()
                        if cell.formula is not None}
            self.assertGreater(len(formulas), 100)
            for text in formulas:
                with self.subTest(text):
                    self.check(text, names)
            self.assertIn("of:=", book.flat_xml())

    def test_catalogue_examples(self):
        data = catalogue()
        names = stored_names(data)
        for function in data["functions"]:
            for example in function["examples"]:
                text = "=" + example["formula"]
                with self.subTest(text):
                    self.check(text, names)
                    self.assertTrue(openformula(text, names).startswith(
                        "of:=" + names[function["name"]] + "("))


if __name__ == "__main__":
    unittest.main()
