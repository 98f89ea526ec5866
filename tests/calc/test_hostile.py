"""Every catalogue function with hostile arguments, one argument position at a time.

For each function the other arguments keep a valid value (taken from the catalogue's
examples that have a result, else the parameter's default, else 1), and one position gets
each value of HOSTILE below. All calls go into one sheet and are calculated once; then
every cell must show a number or one of the errors the rules allow, and the office must
still be alive and still compute =LTV(400;1;3) = 1200.

What a cell may show, and why:
- a finite number, where the input is valid or is Calc's own conversion of a number
  (TRUE() is 1, FALSE() is 0, DATE(2024;1;31) is 45322, -0 is 0, a blank cell is 0 for a
  single value): such calls must show EXACTLY what the same call with that plain number
  shows (the "same as" rows), so a hostile spelling can never give a different number;
- Err:502: the add-in rejected the input (docs/rules.md#errors: invalid input, text inside a
  range, no value where one is needed, wrong shape). It is the ONLY result allowed for a
  text cell, a text literal or a text array element in a range argument, for a whole
  column holding text, for a required range argument with no value (empty text, a cell
  holding ="") and for the shapes the catalogue's shape fields forbid (rates not one row or
  column; pairs of different shapes);
  Calc itself also shows Err:502 for the literal 1E-308, which it cannot store (subnormal);
- #VALUE!: Calc could not turn text into the number a `double` parameter needs, before
  calling the add-in (docs/rules.md#errors); never a number for text that is not a number;
- #NUM!: an overflowing result (1E308 and friends);
- #DIV/0!, #N/A: an error argument (=1/0, NA(), in a cell or inline) propagates unchanged;
  that error and nothing else;
- Err:504: too few or too many arguments (Calc's parameter-list error), and a multi-cell
  range containing an error cell: Calc refuses to build the array it would pass
  ("an error cell prevents the call", docs/rules.md#errors) and shows Err:504 instead of the error;
- Err:508/Err:511: Calc rejecting the formula text itself; allowed only for the
  wrong-argument-count calls (never observed on 7.4: it shows Err:504).
Observed on 7.4 and allowed as one option: Calc passes a single blank cell given for a
range parameter as the number 0 (unlike a blank inside a multi-cell range, which the
add-in skips), so `=CAC(A1;100)` with A1 blank shows 0 like `=CAC(0;100)`, while
`=CAC(A1:A2;100)` with both blank shows Err:502. And an empty text ("" or a cell holding
="") given for an OPTIONAL argument counts as leaving the argument out (the add-in treats
"" as a blank, which is right inside ranges); for a required single value Calc shows
#VALUE!.
"""
import math
import os
import re
import unittest

from calc_support import CalcTestCase, api_formula, catalogue, shown
from office.driver import error_text
from workbook.formula import call_arguments

FIRST_ROW = 20  # below the Data rows, so implicit intersection with a whole column finds blanks

NUMBER, ERR502, VALUE, NUM = "number", "Err:502", "#VALUE!", "#NUM!"
DIV0, NA, ERR504 = "#DIV/0!", "#N/A", "Err:504"
COUNT_ERRORS = {"Err:504", "Err:508", "Err:511"}
OMIT = object()  # "same as the call with this argument left out"


def rule(*allowed, same=()):
    """What a cell may show: errors and/or NUMBER, or the result of the same call with one
    of the `same` literals (or OMIT) in the hostile position."""
    return frozenset(allowed), tuple(same)


ANY_NUMBER_ARG = rule(NUMBER, ERR502, VALUE, NUM)  # a number parameter given something odd

# name: (catalogue text, rule for a range parameter, required number, optional number);
# None / "blank" for a range parameter: see range_rule_for_no_value
HOSTILE = {
    "text cell": ("$Data.$A$1", rule(ERR502), rule(ERR502, VALUE), rule(ERR502, VALUE)),
    "text literal": ('"abc"', rule(ERR502), rule(ERR502, VALUE), rule(ERR502, VALUE)),
    "number typed as text": ("$Data.$A$2", rule(ERR502),
                             rule(ERR502, VALUE, same=["0.1"]), rule(ERR502, VALUE, same=["0.1"])),
    "empty text": ('""', None, rule(ERR502, VALUE), rule(ERR502, VALUE, same=[OMIT])),
    "cell holding =\"\"": ("$Data.$A$6", None, rule(ERR502, VALUE), rule(ERR502, VALUE, same=[OMIT])),
    "blank cell": ("$Data.$A$3", "blank", rule(same=["0"]), rule(same=["0", OMIT])),
    "error cell 1/0": ("$Data.$A$4", rule(DIV0), rule(DIV0), rule(DIV0)),
    "error cell NA()": ("$Data.$A$5", rule(NA), rule(NA), rule(NA)),
    "inline 1/0": ("1/0", rule(DIV0), rule(DIV0), rule(DIV0)),
    "inline NA()": ("NA()", rule(NA), rule(NA), rule(NA)),
    "TRUE()": ("TRUE()", rule(same=["1"]), rule(same=["1"]), rule(same=["1"])),
    "FALSE()": ("FALSE()", rule(same=["0"]), rule(same=["0"]), rule(same=["0"])),
    "a date": ("DATE(2024;1;31)", rule(same=["45322"]), rule(same=["45322"]), rule(same=["45322"])),
    "1E308": ("1E308", rule(NUMBER, ERR502, NUM), rule(NUMBER, ERR502, NUM), rule(NUMBER, ERR502, NUM)),
    "-1E308": ("-1E308", rule(NUMBER, ERR502, NUM), rule(NUMBER, ERR502, NUM), rule(NUMBER, ERR502, NUM)),
    "literal 1E-308": ("1E-308", rule(NUMBER, ERR502), rule(NUMBER, ERR502), rule(NUMBER, ERR502)),
    "subnormal cell": ("$Data.$A$7", rule(NUMBER, ERR502, NUM), rule(NUMBER, ERR502, NUM),
                       rule(NUMBER, ERR502, NUM)),
    "0": ("0", rule(NUMBER, ERR502), rule(NUMBER, ERR502), rule(NUMBER, ERR502)),
    "-0": ("-0", rule(same=["0"]), rule(same=["0"]), rule(same=["0"])),
    "whole column with text": ("$Data.$B:$B", rule(ERR502), ANY_NUMBER_ARG, ANY_NUMBER_ARG),
    "whole column of numbers": ("$Data.$D:$D", rule(NUMBER, ERR502), ANY_NUMBER_ARG, ANY_NUMBER_ARG),
    "range with a text cell": ("$Data.$B$1:$B$2", rule(ERR502), ANY_NUMBER_ARG, ANY_NUMBER_ARG),
    "range with an error cell": ("$Data.$A$3:$A$4", rule(ERR504, DIV0),
                                 rule(NUMBER, ERR502, VALUE, ERR504, DIV0), rule(NUMBER, ERR502, VALUE, ERR504, DIV0)),
    "2x2 array": ("{0.5,0.5;0.5,0.5}", rule(NUMBER, ERR502), ANY_NUMBER_ARG, ANY_NUMBER_ARG),
    "row array": ("{0.5,0.5}", rule(NUMBER, ERR502), ANY_NUMBER_ARG, ANY_NUMBER_ARG),
    "array holding text": ('{0.5;"x"}', rule(ERR502), ANY_NUMBER_ARG, ANY_NUMBER_ARG),
}


def range_rule_for_no_value(param, single_blank_cell):
    """A range argument with no value: Err:502 where a value is needed; an optional range
    may also count as left out or as 0. Calc passes a single blank cell to a range
    parameter as the number 0 (a blank inside a multi-cell range arrives as a blank), so
    the add-in cannot tell `=CAC(A1;100)` with A1 blank from `=CAC(0;100)`."""
    if param.get("optional"):
        return rule(ERR502, same=["0", OMIT])
    return rule(ERR502, same=["0"]) if single_blank_cell else rule(ERR502)


def split_arguments(call):
    """'F(1;{0.1;0.2};"a;b")' -> ['1', '{0.1;0.2}', '"a;b"'] (top-level `;` only), as the
    workbook's formula grammar reads the call."""
    return [argument.text for argument in call_arguments(call)[1]]


def valid_arguments(function):
    """One valid value per parameter: from the first example with a result (not an error)
    that has that argument, else the parameter's default, else 1."""
    good = [split_arguments(e["formula"]) for e in function["examples"] if not isinstance(e["result"], str)]
    values = []
    for position, param in enumerate(function["params"]):
        given = [args[position] for args in good if len(args) > position]
        if given:
            values.append(given[0])
        elif param.get("default") is not None:
            values.append(repr(param["default"]))
        else:
            values.append("1")
    return values


def line_params(function):
    """Parameters the catalogue declares one row or one column (`shape: line`)."""
    return {p["name"] for p in function["params"] if p.get("shape") == "line"}


def shape_example(function):
    """(args, positions) of the first good example in which every parameter in a shape rule
    (`same_shape_as`, `one_or_same_shape_as`) is an inline array; None without such a rule."""
    named = set()
    for p in function["params"]:
        other = p.get("same_shape_as") or p.get("one_or_same_shape_as")
        if other:
            named |= {p["name"], other}
    if not named:
        return None
    positions = [i for i, p in enumerate(function["params"]) if p["name"] in named]
    for example in function["examples"]:
        if isinstance(example["result"], str):
            continue
        args = split_arguments(example["formula"])
        if all(i < len(args) and args[i].startswith("{") for i in positions):
            return args, positions
    return None


def longer_column(array):
    """'{1;2}' -> '{1;2;2}': the same column one element longer."""
    items = re.split(r"[;,]", array.strip("{}"))
    return "{" + ";".join(items + items[-1:]) + "}"


class Case:
    def __init__(self, label, formula, allowed, same=()):
        self.label, self.formula, self.allowed, self.same = label, formula, allowed, same


def call(name, args):
    return f"={name}({';'.join(args)})"


def build_cases():
    cases = []
    for function in catalogue()["functions"]:
        name, params = function["name"], function["params"]
        pairs = params[-1]["type"] == "criteria"  # trailing criteria pairs: a variable count
        if pairs:
            params = params[:-1]
        required = sum(1 for p in params if not p.get("optional"))
        valid = valid_arguments(function)[:len(params)]

        def label(text, name=name):
            return f"{name}: {text}"

        cases.append(Case(label("every argument valid"), call(name, valid), {NUMBER}))
        cases.append(Case(label("required arguments only"), call(name, valid[:required]), {NUMBER, ERR502}))
        if pairs:  # a criteria range without its criterion, or of another shape than the rows
            cases.append(Case(label("a criteria range alone"), call(name, valid + ["{1;2}"]), {ERR502, ERR504}))
            cases.append(Case(label("a criteria range of another shape"),
                              call(name, valid + ["{1;2;3;4;5;6;7;8;9;10;11}", "1"]), {ERR502}))
        else:
            cases.append(Case(label("one argument too many"), call(name, valid + ["1"]), COUNT_ERRORS))
        if required:
            cases.append(Case(label("one argument too few"), call(name, valid[:required - 1]), {ERR504}))
            cases.append(Case(label("no argument"), call(name, []), {ERR504}))

        lines = line_params(function)
        for position, param in enumerate(params):
            args = valid[:max(position + 1, required)]
            kind = param["type"] if param["type"] in ("range", "cells") else \
                "optional number" if param.get("optional") else "number"
            for hostile, (text, for_range, for_number, for_optional) in HOSTILE.items():
                if kind == "cells":  # text is an id or a stage name: a number or Err:502
                    allowed, same = (for_range if isinstance(for_range, tuple) and for_range[0] & {DIV0, NA}
                                     else ({NUMBER, ERR502}, ()))
                elif kind == "range" and for_range in (None, "blank"):
                    allowed, same = range_rule_for_no_value(param, for_range == "blank")
                else:
                    allowed, same = {"range": for_range, "number": for_number,
                                     "optional number": for_optional}[kind]
                if param["name"] in lines and hostile == "2x2 array":
                    allowed, same = rule(ERR502)
                hostile_args = args[:position] + [text] + args[position + 1:]
                same_formulas = [call(name, args[:position]) if literal is OMIT else
                                 call(name, args[:position] + [literal] + args[position + 1:])
                                 for literal in same]
                cases.append(Case(label(f"{param['name']} ({kind}) = {hostile} {text}"),
                                  call(name, hostile_args), allowed, same_formulas))

        shaped = shape_example(function)
        if shaped:
            args, positions = shaped
            for position in positions:
                wrong = args[:position] + [longer_column(args[position])] + args[position + 1:]
                cases.append(Case(label(f"{params[position]['name']} of another shape"), call(name, wrong), {ERR502}))
    return cases


class HostileArguments(CalcTestCase):
    def setUp(self):
        super().setUp()
        sheets = self.doc.Sheets
        sheets.insertNewByName("Data", 1)
        data = sheets.getByName("Data")
        data.getCellRangeByName("A1").setString("abc")
        data.getCellRangeByName("A2").setString("10%")       # a number typed as text
        # A3 stays blank
        data.getCellRangeByName("A4").setFormula("=1/0")
        data.getCellRangeByName("A5").setFormula("=NA()")
        data.getCellRangeByName("A6").setFormula('=""')
        data.getCellRangeByName("A7").setValue(1e-308)        # subnormal: no literal can say it
        data.getCellRangeByName("B1").setValue(0.5)
        data.getCellRangeByName("B2").setString("abc")
        for row in range(3):
            data.getCellByPosition(3, row).setValue(0.5)       # D1:D3

    def results(self, formulas):
        """Writes the formulas down column A, calculates once, returns what each shows.
        Column B holds =ERRORTYPE so one getDataArray call reads every error."""
        self.doc.enableAutomaticCalculation(False)
        last = FIRST_ROW + len(formulas) - 1
        self.sheet.getCellRangeByPosition(0, FIRST_ROW, 0, last).setFormulaArray(
            tuple((api_formula(f),) for f in formulas))
        self.sheet.getCellRangeByPosition(1, FIRST_ROW, 1, last).setFormulaArray(
            tuple((f"=IF(ISERROR(A{row + 1});ERRORTYPE(A{row + 1});0)",) for row in range(FIRST_ROW, last + 1)))
        self.doc.calculateAll()
        data = self.sheet.getCellRangeByPosition(0, FIRST_ROW, 1, last).getDataArray()
        shown_values = [error_text(int(code)) if code else value for value, code in data]
        # the fast read must agree with what a cell shows (checked on a sample)
        for row in range(0, len(formulas), max(1, len(formulas) // 50)):
            self.assertEqual(shown_values[row], shown(self.sheet.getCellByPosition(0, FIRST_ROW + row)),
                             formulas[row])
        return shown_values

    @staticmethod
    def same_result(a, b):
        if isinstance(a, str) or isinstance(b, str):
            return a == b
        return math.isclose(a, b, rel_tol=1e-12, abs_tol=0.0)

    def test_every_function_survives_hostile_arguments(self):
        cases = build_cases()
        formulas = [case.formula for case in cases]
        references = sorted({f for case in cases for f in case.same} - set(formulas))
        values = dict(zip(formulas + references, self.results(formulas + references)))

        dump = os.environ.get("SALESKPI_HOSTILE_DUMP")
        if dump:
            with open(dump, "w", encoding="utf-8") as out:
                for case in cases:
                    out.write(f"{case.label}\t{case.formula}\t{values[case.formula]}\n")

        functions = {f["name"] for f in catalogue()["functions"]}
        self.assertEqual({case.label.split(":")[0] for case in cases}, functions)
        self.assertGreater(len(cases), 20 * len(functions))
        for case in cases:
            actual = values[case.formula]
            ok = (isinstance(actual, str) and actual in case.allowed) or \
                 (not isinstance(actual, str) and math.isfinite(actual) and NUMBER in case.allowed) or \
                 any(self.same_result(actual, values[f]) for f in case.same)
            if not ok:
                with self.subTest(case=case.label):
                    expected = sorted(case.allowed) + [f"{f} -> {values[f]}" for f in case.same]
                    self.fail(f"{case.formula} shows {actual!r}; allowed: {expected}")

        self.assertTrue(self.office.alive(), "the office died during the sweep")
        check = self.office.new_sheet_document()
        try:
            cell = check.Sheets.getByIndex(0).getCellRangeByName("A1")
            cell.setFormula("=LTV(400;1;3)")
            check.calculateAll()
            self.assertEqual(shown(cell), 1200)
        finally:
            check.close(True)
        self.assertTrue(self.office.alive())

    def test_the_argument_parser_and_shapes(self):
        """The pieces the sweep is built from: they must not silently produce nothing."""
        self.assertEqual(split_arguments('F(1;{0.1;0.2};"a;b";G(1;2))'), ["1", "{0.1;0.2}", '"a;b"', "G(1;2)"])
        self.assertEqual(split_arguments("F()"), [])
        self.assertEqual(longer_column("{1;2}"), "{1;2;2}")
        functions = {f["name"]: f for f in catalogue()["functions"]}
        if "FUNNEL_NEEDED" in functions:
            self.assertEqual(line_params(functions["FUNNEL_NEEDED"]), {"rates"})
        if "WEIGHTED_PIPELINE" in functions:
            self.assertIsNotNone(shape_example(functions["WEIGHTED_PIPELINE"]))


if __name__ == "__main__":
    unittest.main(verbosity=2)
