"""Formulas as saleskpi writes them, read strictly and rendered for ODF files and for the API.

The project writes every formula the way a user types it in an en-US Calc whose function
separator is `;` (catalogue/functions.json's examples, tools/workbook/generate.py, the tests):

    =IF($B8=0;"";FUNNEL_NEEDED(R8;K8:M8))     =LTV($Inputs.B1;1;3)     =ASP({100;200;600})

`tokenize` reads such a formula into tokens, and raises ValueError (naming the formula and
the position) on anything it does not understand: an unknown character, a `,` or `:` outside
the places they belong, a `;` outside a function's parentheses, unbalanced parentheses or
braces, an unterminated string, a ragged inline array. Two renderers use the same tokens:

- `openformula(formula, addin_names)`: ODF's table:formula attribute, `of:=...`, with
  references in brackets (`[.A1]`, `[.A1:.B3]`, `[$Sheet.A1]`, `[$'Q1 sales'.B2]`) and
  function names as ODF stores them (upper case; saleskpi's own through `addin_names`, e.g.
  CAC_MAX -> ORG.SALESKPI.FUNCTIONS.CACMAX).
- `api(formula)`: what XCell.setFormula reads (LibreOffice's API grammar): function names
  as written, so `=mrr_to_arr(10)` still reaches Calc in lower case.

Inline arrays. In en-US entry syntax `,` separates the columns of an array and `;` its
rows, so `{0.1;0.2;0.5}` is a COLUMN of three and `{1,2;3,4}` is two rows of two (the
catalogue's `FUNNEL_PLAN(1;{0.1;0.2;0.5})` gives the column {100;10;2;1}). Both ODF's
OpenFormula and the API grammar separate columns with `;` and rows with `|`, so both
renderers write `{0.1|0.2|0.5}` and `{1;2|3;4}`.

Sheets. A sheet-qualified reference always gets an absolute sheet, in both renderers
(`Activity.B3` -> `[$Activity.B3]` and `$Activity.B3`), as Calc itself enters a reference
to another sheet when you click on it: the same formula reaches Calc the same way from a
file and from setFormula. Sheet names are quoted where Calc needs it (`'Q1 sales'`, `'B2'`).

Numbers are written as typed (`1E3`, `1.5e-3`), except that a leading `.` gets its zero
(`.5` -> `0.5`). Whitespace between tokens is kept.
"""
import re
from typing import NamedTuple, Optional

from workbook.a1 import column_index

# --------------------------------------------------------------------- tokens
NUMBER, STRING, REFERENCE, NAME, FUNCTION = "number", "string", "reference", "name", "function"
OPERATOR, OPEN, CLOSE, SEPARATOR, SPACE = "operator", "open", "close", "separator", "space"
ARRAY_OPEN, ARRAY_CLOSE, ARRAY_COLUMN, ARRAY_ROW = "array-open", "array-close", "array-column", "array-row"

OPERATORS = ("<>", "<=", ">=", "+", "-", "*", "/", "^", "&", "=", "<", ">", "%")
MAX_COLUMN = 16384  # XFD, Calc's widest sheet
MAX_ROW = 1048576


class Cell(NamedTuple):
    """One end of a reference: column letters (None for a whole row, which the tokenizer
    does not read), row number (None for a whole column), and their `$` flags."""
    column: str
    column_absolute: bool
    row: Optional[int]
    row_absolute: bool

    def text(self):
        column = ("$" if self.column_absolute else "") + self.column
        row = "" if self.row is None else ("$" if self.row_absolute else "") + str(self.row)
        return column + row


class Reference(NamedTuple):
    """A cell, a range or a whole-column range, optionally on a named sheet."""
    sheet: Optional[str]
    sheet_absolute: bool
    start: Cell
    end: Optional[Cell] = None
    end_sheet: Optional[str] = None
    end_sheet_absolute: bool = False


class Token(NamedTuple):
    kind: str
    text: str        # as written in the formula
    position: int    # of its first character in the formula (the `=` is position 0)
    reference: Optional[Reference] = None


# Pieces, each matched at one position (never searched for).
_SHEET = r"(?P<{p}abs>\$)?(?:'(?P<{p}quoted>(?:[^']|'')+)'|(?P<{p}plain>[A-Za-z_][A-Za-z0-9_]*))\."
_CELL = r"(?P<{p}cabs>\$)?(?P<{p}col>[A-Za-z]{{1,3}})(?P<{p}rabs>\$)?(?P<{p}row>[0-9]+)"
_COLUMN = r"(?P<{p}cabs>\$)?(?P<{p}col>[A-Za-z]{{1,3}})"
_CELL_REFERENCE = re.compile(
    "(?:" + _SHEET.format(p="s") + ")?" + _CELL.format(p="a")
    + "(?::(?:" + _SHEET.format(p="t") + ")?" + _CELL.format(p="b") + ")?")
_COLUMN_REFERENCE = re.compile(
    "(?:" + _SHEET.format(p="s") + ")?" + _COLUMN.format(p="a")
    + ":(?:" + _SHEET.format(p="t") + ")?" + _COLUMN.format(p="b"))
_NUMBER = re.compile(r"(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?")
_WORD = re.compile(r"[A-Za-z_][A-Za-z0-9_.]*")
_SPACE = re.compile(r"\s+")
_WORD_CHARS = set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_.$'")


class FormulaError(ValueError):
    """A formula the translator does not understand; says which, where and why."""

    def __init__(self, formula, position, reason):
        self.formula, self.position, self.reason = formula, position, reason
        super().__init__(f"formula {formula!r}, position {position}: {reason}\n"
                         f"  {formula}\n  {' ' * position}^")


def _reference(match, formula, position):
    """The Reference of a _CELL_REFERENCE or _COLUMN_REFERENCE match; checks its bounds."""
    def sheet(p):
        if match.group(p + "quoted") is not None:
            return match.group(p + "quoted").replace("''", "'"), bool(match.group(p + "abs"))
        return match.group(p + "plain"), bool(match.group(p + "abs"))

    def cell(p):
        column = match.group(p + "col")
        if column is None:
            return None
        if column_index(column.upper()) + 1 > MAX_COLUMN:
            raise FormulaError(formula, position, f"column {column} is beyond {MAX_COLUMN} columns")
        row = match.groupdict().get(p + "row")
        if row is not None and (row.startswith("0") or int(row) > MAX_ROW):
            raise FormulaError(formula, position, f"row {row} is not a row number (1 to {MAX_ROW})")
        return Cell(column.upper(), bool(match.group(p + "cabs")),
                    None if row is None else int(row), bool(match.groupdict().get(p + "rabs")))

    start_sheet, start_absolute = sheet("s")
    end_sheet, end_absolute = sheet("t")
    return Reference(start_sheet, start_absolute, cell("a"), cell("b"), end_sheet, end_absolute)


def tokenize(formula):
    """The tokens of a formula (which starts with `=`; the `=` is not a token)."""
    if not isinstance(formula, str) or not formula.startswith("="):
        raise FormulaError(str(formula), 0, "a formula starts with '='")
    tokens = []
    parens = []          # per open parenthesis: "call" or "group"
    previous = None      # the last token that is not space
    position = 1
    while position < len(formula):
        char = formula[position]
        start = position

        def add(kind, end, reference=None):
            nonlocal previous, position
            token = Token(kind, formula[start:end], start, reference)
            tokens.append(token)
            if kind != SPACE:
                previous = token
            position = end

        def fail(reason, at=start):
            raise FormulaError(formula, at, reason)

        space = _SPACE.match(formula, position)
        if space:
            add(SPACE, space.end())
            continue

        if char == '"':
            add(STRING, _string_end(formula, position))
        elif char.isdigit() or (char == "." and _NUMBER.match(formula, position)):
            end = _NUMBER.match(formula, position).end()
            if end < len(formula) and formula[end] in _WORD_CHARS:
                fail(f"not a number: {formula[start:end + 1]!r} (a cell reference starts with its column)")
            add(NUMBER, end)
        elif char in "$'" or char.isalpha() or char == "_":
            _word(formula, position, add, fail)
        elif char == "{":
            for token in _array(formula, position):
                tokens.append(token)
            previous, position = tokens[-1], tokens[-1].position + 1
        elif char == "}":
            fail("'}' without its '{'")
        elif char == "(":
            parens.append("call" if previous is not None and previous.kind == FUNCTION else "group")
            add(OPEN, position + 1)
        elif char == ")":
            if not parens:
                fail("')' without its '('")
            parens.pop()
            add(CLOSE, position + 1)
        elif char == ";":
            if not parens or parens[-1] != "call":
                fail("';' outside a function's parentheses")
            add(SEPARATOR, position + 1)
        else:
            operator = next((op for op in OPERATORS if formula.startswith(op, position)), None)
            if operator is None:
                what = {",": "',' outside an inline array (arguments are separated by ';')",
                        ":": "':' outside a cell range"}.get(char, f"{char!r} is not part of a formula")
                fail(what)
            add(OPERATOR, position + len(operator))

    if parens:
        opened = [t.position for t in tokens if t.kind == OPEN]
        raise FormulaError(formula, opened[len(opened) - len(parens)] if opened else len(formula),
                           "'(' without its ')'")
    if previous is None:
        raise FormulaError(formula, len(formula), "an empty formula")
    if previous.kind == OPERATOR and previous.text != "%":
        raise FormulaError(formula, previous.position, f"nothing after the operator {previous.text!r}")
    return tokens


def _array(formula, position):
    """The tokens of the inline array whose `{` is at position: elements are numbers (with
    an optional sign) and strings, `,` separates columns and `;` rows; every row has as
    many elements as the first. Whitespace inside is dropped."""
    tokens = [Token(ARRAY_OPEN, "{", position)]
    rows, width, first_width = 1, 0, None
    expect_element = True
    index = position + 1
    while True:
        while index < len(formula) and formula[index].isspace():
            index += 1
        if index == len(formula):
            raise FormulaError(formula, position, "'{' without its '}'")
        char = formula[index]
        if expect_element:
            if char == '"':
                end = _string_end(formula, index)
                tokens.append(Token(STRING, formula[index:end], index))
            else:
                sign = 1 if char in "+-" else 0
                number = _NUMBER.match(formula, index + sign)
                if not number and char in ",;}":
                    raise FormulaError(formula, index, "an empty element in an inline array")
                if not number:
                    raise FormulaError(formula, index, f"{char!r} in an inline array, which holds "
                                                       "only numbers and strings")
                end = number.end()
                if end < len(formula) and formula[end] in _WORD_CHARS:
                    raise FormulaError(formula, index, f"not a number: {formula[index:end + 1]!r}")
                if char == "-":
                    tokens.append(Token(OPERATOR, char, index))  # a '+' sign is dropped
                tokens.append(Token(NUMBER, formula[index + sign:end], index + sign))
            width += 1
            expect_element = False
            index = end
            continue
        if char not in ",;}":
            raise FormulaError(formula, index, f"{char!r} after an element of an inline array "
                                               "(expected ',' ';' or '}')")
        if char in ";}":
            if first_width is not None and width != first_width:
                raise FormulaError(formula, index, f"row {rows} of the inline array has {width} "
                                                   f"elements, row 1 has {first_width}")
            first_width = width
        if char == "}":
            tokens.append(Token(ARRAY_CLOSE, "}", index))
            return tokens
        tokens.append(Token(ARRAY_COLUMN if char == "," else ARRAY_ROW, char, index))
        if char == ";":
            rows, width = rows + 1, 0
        expect_element = True
        index += 1


def _string_end(formula, position):
    """The end of the string literal starting at position ("" inside is one quote)."""
    index = position + 1
    while True:
        index = formula.find('"', index)
        if index < 0:
            raise FormulaError(formula, position, "a string without its closing '\"'")
        if formula.startswith('""', index):
            index += 2
            continue
        return index + 1


def _word(formula, position, add, fail):
    """A reference, a function name or a name, starting at position."""
    word = _WORD.match(formula, position)
    after = word.end() if word else position
    while after < len(formula) and formula[after].isspace():
        after += 1
    if word and after < len(formula) and formula[after] == "(":
        add(FUNCTION, word.end())   # LOG10( and ORG.SALESKPI.FUNCTIONS.LTV( are functions
        return
    for pattern in (_COLUMN_REFERENCE, _CELL_REFERENCE):
        match = pattern.match(formula, position)
        if match and (match.end() == len(formula) or formula[match.end()] not in _WORD_CHARS | {":"}):
            add(REFERENCE, match.end(), _reference(match, formula, position))
            return
    if word and "." not in word.group(0) and (word.end() == len(formula)
                                              or formula[word.end()] not in _WORD_CHARS | {":"}):
        add(NAME, word.end())        # a named range, TRUE, FALSE
        return
    end = position + 1
    while end < len(formula) and formula[end] in _WORD_CHARS | {":"}:
        end += 1
    fail(f"not a reference, function or name: {formula[position:end]!r}")


# --------------------------------------------------------------------- one call's arguments
class Argument(NamedTuple):
    text: str      # as written between its separators (spaces kept); '' when omitted
    tokens: list   # its tokens, spaces left out; none when omitted


def call_arguments(formula):
    """A formula that is one function call, `=F(1;{0.1;0.2};"a;b";G(1;2))` (the `=` may be
    left out, as the catalogue's examples do), as (its function name, its Arguments):
    `F`, ['1', '{0.1;0.2}', '"a;b"', 'G(1;2)']. `F()` has no arguments, `F(1;)` two, the
    second omitted. Raises FormulaError on anything else."""
    text = formula if formula.startswith("=") else "=" + formula
    tokens = tokenize(text)
    solid = [t for t in tokens if t.kind != SPACE]
    if len(solid) < 3 or solid[0].kind != FUNCTION or solid[1].kind != OPEN:
        raise FormulaError(text, 1, "not a function call")
    arguments, current, start, depth = [], [], solid[1].position + 1, 0
    for token in solid[2:]:
        if depth == 0 and token.kind in (SEPARATOR, CLOSE):
            arguments.append(Argument(text[start:token.position], current))
            current, start = [], token.position + 1
            if token.kind == CLOSE:
                break
            continue
        depth += {OPEN: 1, CLOSE: -1}.get(token.kind, 0)
        current.append(token)
    if token is not solid[-1]:
        raise FormulaError(text, token.position + 1, "more after the function call")
    if len(arguments) == 1 and not arguments[0].tokens:
        arguments = []  # F(): no argument, not one omitted
    return solid[0].text, arguments


# --------------------------------------------------------------------- renderers
_PLAIN_SHEET = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def _sheet_text(name):
    """A sheet name as a reference writes it: quoted unless plain letters, digits and _
    (and not something that reads as a cell, such as A1)."""
    if _PLAIN_SHEET.fullmatch(name) and not re.fullmatch(r"[A-Za-z]{1,3}[0-9]+", name):
        return name
    return "'" + name.replace("'", "''") + "'"


def _number_text(text):
    return "0" + text if text.startswith(".") else text


def _render(tokens, reference, function):
    out = []
    for token in tokens:
        if token.kind == REFERENCE:
            out.append(reference(token.reference))
        elif token.kind == FUNCTION:
            out.append(function(token.text))
        elif token.kind == NUMBER:
            out.append(_number_text(token.text))
        elif token.kind == ARRAY_COLUMN:
            out.append(";")
        elif token.kind == ARRAY_ROW:
            out.append("|")
        else:
            out.append(token.text)
    return "".join(out)


def _openformula_reference(ref):
    def end(sheet, absolute, cell):
        return ("$" if absolute or sheet else "") + (_sheet_text(sheet) if sheet else "") + "." + cell.text()

    text = end(ref.sheet, ref.sheet_absolute, ref.start)
    if ref.end is not None:
        text += ":" + end(ref.end_sheet, ref.end_sheet_absolute, ref.end)
    return f"[{text}]"


def _api_reference(ref):
    def end(sheet, absolute, cell):
        return ("$" + _sheet_text(sheet) + "." if sheet else "") + cell.text()

    text = end(ref.sheet, ref.sheet_absolute, ref.start)
    if ref.end is not None:
        text += ":" + end(ref.end_sheet, ref.end_sheet_absolute, ref.end)
    return text


def openformula(formula, addin_names=None):
    """`=CONVERSION(D6;B6)` -> `of:=ORG.SALESKPI.FUNCTIONS.CONVERSION([.D6];[.B6])`.
    addin_names maps a function's name in upper case (CAC_MAX) to the name ODF stores."""
    names = addin_names or {}
    return "of:=" + _render(tokenize(formula), _openformula_reference,
                            lambda name: names.get(name.upper(), name.upper()))


def api(formula):
    """`=FUNNEL_NEEDED(1;{0.1;0.2;0.5})` -> `=FUNNEL_NEEDED(1;{0.1|0.2|0.5})`: the form
    XCell.setFormula reads."""
    return "=" + _render(tokenize(formula), _api_reference, lambda name: name)


class FormulaTranslator:
    """User syntax -> OpenFormula, through openformula (which raises on anything it cannot
    translate). `addin_names` maps a function's user name (LTV, CAC_MAX) to the name
    ODF stores (ORG.SALESKPI.FUNCTIONS.CACMAX)."""

    def __init__(self, addin_names):
        self.addin_names = addin_names

    def __call__(self, formula):
        return openformula(formula, self.addin_names)
