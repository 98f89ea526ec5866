"""Criteria as COUNTIFS reads them (issue 17, docs/criteria.md), with Calc itself as
the oracle: random rows, random criteria, seeded and reproducible.

Per case, over rows where every row counts (each row its own customer, active on DAY,
amount > 0; every deal created, closed on or after it or still open), with the same pairs:

    MRR_AT(starts; ends; amounts; DAY; pairs)                 = SUMIFS(amounts; pairs)
    CUSTOMERS_AT(customers; starts; ends; amounts; DAY; pairs) = COUNTIFS(pairs)
    SALES_CYCLE(created; closed; pairs)                       = AVERAGEIFS(closed - created; pairs)
                                                                (#DIV/0! there: Err:502 here)
    WEIGHTED_PIPELINE(amounts; probabilities; pairs)          = SUMIFS(amount x probability; pairs)

in one new document per setting: as created, wildcards off, regular expressions on, the case
setting flipped (COUNTIFS ignores it: docs/criteria.md), whole cell off. Each
document holds BLOCKS blocks of 60-200 random rows with CASES_PER_BLOCK cases each; the cells
go in with setDataArray/setFormulaArray, one calculateAll, one getDataArray.

A mismatch names the seed (SALESKPI_CRITERIA_SEED=<seed> replays the run), the setting, the
case's rows and criteria, and the rows whose selection differs (one more pair, the row's
number, on CUSTOMERS_AT and COUNTIFS per row).

What an add-in cannot see is kept out of the draw, each for its reason (docs/criteria.md,
"What an add-in cannot see": the rule is "what COUNTIFS selects", these are where the
arguments Calc passes an add-in lose what COUNTIFS looks at):
- Formula cells returning "": Calc's "=" and "<>" tell them from empty cells, an add-in
  receives "" for both. No such formula in the data or in a criterion cell.
- Number formats of data cells: Calc matches a number against a text criterion by its
  formatted text (a date-formatted 45658 is "01/01/2025", so "4*" misses it), an add-in gets
  the value (and uses the General text). Data numbers stay General. Booleans are numbers
  with the boolean format ("TRUE"): they sit only in the flags column L, whose criteria never
  match a number by its text (no patterns, no whole-cell-off containment, only texts that read
  as numbers or never reach a number).
- Error cells in a criteria range: Calc stops an add-in call with Err:504 before it runs,
  COUNTIFS goes on. No error cells.
- A criterion of several cells: COUNTIFS intersects it with the formula's row, saleskpi is
  Err:502. Criteria are values, one cell or a one-cell range.
- An invalid regular expression: COUNTIFS silently selects nothing (or everything with <>),
  saleskpi is Err:502 (docs/criteria.md). Out of the draw (every candidate is checked with
  Calc's REGEX first), tested on its own below.
- The office locale reads numbers in criteria: en-US here ("TRUE" is the number 1, "1-4-2025"
  a text). In a locale where "TRUE" is text, a flags-column "TRUE" would compare the boolean's
  formatted text.
"""
import collections
import datetime
import math
import os
import random
import time
import unittest

import uno
from com.sun.star.util.NumberFormat import LOGICAL

from calc_support import OfficeTestCase, catalogue, shown
from office.driver import error_text

DEFAULT_SEED = 17
SEED = int(os.environ.get("SALESKPI_CRITERIA_SEED", DEFAULT_SEED))
BLOCKS = 20           # blocks of rows per document
CASES_PER_BLOCK = 8   # cases on each block: 160 per setting, 800 per run
DIAGNOSED = 3         # failing cases per setting whose rows are compared one by one
DETAILED = 6          # failing cases per function and setting printed in full

NULL_DATE = datetime.date(1899, 12, 30)


def serial(day):
    return float((day - NULL_DATE).days)


def day_of(number):
    return NULL_DATE + datetime.timedelta(days=int(number))


DAY = serial(datetime.date(2025, 6, 30))  # every subscription row is active on it

# The document settings: (label, [(property, value)] in order; "flip" inverts the new
# document's value). RegularExpressions=True switches Wildcards off by itself. A new document
# is case sensitive (IgnoreCase False) in 7.4 and 25.2: the flip makes it ignore case.
SETTINGS = [
    ("new document", []),
    ("wildcards off", [("Wildcards", False)]),
    ("regular expressions", [("RegularExpressions", True)]),
    ("case setting flipped", [("IgnoreCase", "flip")]),
    ("whole cell off", [("MatchWholeCell", False)]),
]

# Block columns (A..M): the function's own columns, three criteria columns, the row's number.
CUSTOMER, START, END, AMOUNT, PROBABILITY, PRODUCT, CREATED, CLOSED, CYCLE, MIXED, DATES, FLAGS, ROW = range(13)
LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
CRITERIA_COLUMNS = (MIXED, DATES, FLAGS)
# Case table: three criterion cells (O..Q), then the eight formulas (R..Y), one case a row.
REF_COLUMN, FORMULA_COLUMN, DIAGNOSIS_COLUMN = 14, 17, 26
COMPARISONS = [  # (function, its formula column offset, Calc's, Calc's function)
    ("MRR_AT", 0, 1, "SUMIFS"),
    ("CUSTOMERS_AT", 2, 3, "COUNTIFS"),
    ("SALES_CYCLE", 4, 5, "AVERAGEIFS"),
    ("WEIGHTED_PIPELINE", 6, 7, "SUMIFS"),
]
# What WEIGHTED_PIPELINE shows for a criteria pair while it takes none (an argument too many).
NO_PAIRS_YET = ("Err:504", "#VALUE!")

# --- what the rows hold ---------------------------------------------------------------------

WORDS = ["abc", "ABC", "Abc", "ab", "a", "b", "bab", "cab", "ac", "Lost", "lost", "WON", "Won", "won",
         "Ent", "Enterprise", "enterprise", "Pro", "PRO plus", "Été", "été", "x y", "Basic", "straße"]
NUMBER_TEXTS = ["5", "05", "0", "-3", "2.5", "1e3", "50%"]
DATE_TEXTS = ["2025-01-01", "1-4-2025", "2024-06-30", "1/4/2025"]
SYMBOL_TEXTS = ["a*c", "a*", "*b", "a?c", "?", "~", "a~c", "a~*c", "a.c", "abc.", ".", "a(", "(x)",
                "a(b", "*", "~~", "a|b", "[ab]", "^a", "c$", "ab|a"]
FLAG_TEXTS = ["TRUE", "false", "yes", "No"]
# Criteria patterns: wildcards, regular expressions (each is whatever the setting makes of it).
WILDCARDS = ["a*", "*b?", "~*", "~~", "a~*c", "*", "?", "Ent*", "*e*", "a?c", "?b*", "*~?", "a~"]
REGEXES = ["a.c", "^a", "[ab]+", "a|ab", "ab|a", ".", "a.*", "c$", "\\d+", ".*", "E.t", "(x)", "\\(",
           "[^a]+", "^.b"]
OPS = ["", "=", "<>", "<", "<=", ">", ">="]
MATCH_OPS = ["", "", "=", "<>"]
# The flags column's criteria: none matches a number by its (boolean-formatted) text.
FLAG_ARGUMENTS = ["TRUE()", "FALSE()", "1", "0"]
FLAG_CRITERIA = ["TRUE", "FALSE", "true", "False", "1", "0", "=1", "<>0", ">0", "<=0", "<1", "", "=",
                 "<>", "yes", "<>yes", "No", ">=a", "<n", ">Z", "<>TRUE", "<>FALSE", "=FALSE"]


class Flag:
    """A boolean cell: a number with the boolean format, or a TRUE()/FALSE() formula."""

    def __init__(self, value, formula):
        self.value, self.formula = value, formula

    def __repr__(self):
        return ("TRUE" if self.value else "FALSE") + ("()" if self.formula else "")


def number_text(x):
    return str(int(x)) if float(x).is_integer() else repr(float(x))


def compact(value):
    """A cell for a reader: _ blank, numbers bare, 'text' quoted, TRUE/TRUE() booleans."""
    if value is None:
        return "_"
    if isinstance(value, float):
        return number_text(value)
    return repr(value)


def vary_case(rng, text):
    return rng.choice([text, text, text.upper(), text.lower(), text.swapcase()])


def case_variants(text):
    return {text, text.upper(), text.lower(), text.swapcase()}


def after_operator(text):
    """The criterion without its operator, as ScQueryParamBase::FillInExcelSyntax splits it."""
    if text[:2] in ("<>", "<=", ">="):
        return text[2:]
    if text[:1] in ("<", ">", "="):
        return text[1:]
    return text


def may_be_regex(rest):
    """ScInterpreter::MayBeRegExp: which texts Calc treats as a regular expression."""
    if not rest or (len(rest) == 1 and rest != "."):
        return False
    return any(c in rest for c in "?*+.[]^$\\<>()|")


def regex_candidates():
    """Every text a criterion can hold after its operator (each case variant)."""
    pools = WORDS + NUMBER_TEXTS + DATE_TEXTS + SYMBOL_TEXTS + FLAG_TEXTS + WILDCARDS + REGEXES
    return sorted(set().union(*(case_variants(t) for t in pools)) | {after_operator(t) for t in FLAG_CRITERIA})


def quoted(text):
    return '"' + text.replace('"', '""') + '"'


def random_date(rng, first=datetime.date(2024, 1, 1), days=730):
    return first + datetime.timedelta(days=rng.randrange(days))


def mixed_value(rng):
    kind = rng.choices(["blank", "int", "decimal", "zero", "date", "word", "number text", "date text",
                        "symbol"], weights=[12, 12, 8, 4, 10, 22, 10, 6, 16])[0]
    if kind == "blank":
        return None
    if kind == "int":
        return float(rng.randint(-5, 20))
    if kind == "decimal":
        return round(rng.uniform(-10, 10), 2)
    if kind == "zero":
        return 0.0
    if kind == "date":
        return serial(random_date(rng))
    if kind == "word":
        return vary_case(rng, rng.choice(WORDS))
    if kind == "number text":
        return rng.choice(NUMBER_TEXTS)
    if kind == "date text":
        return rng.choice(DATE_TEXTS)
    return rng.choice(SYMBOL_TEXTS)


def dates_value(rng):
    kind = rng.choices(["date", "blank", "other"], weights=[70, 10, 20])[0]
    if kind == "date":
        return serial(random_date(rng))
    return None if kind == "blank" else mixed_value(rng)


def flags_value(rng):
    kind = rng.choices(["boolean", "formula", "number", "blank", "text"], weights=[47, 8, 10, 15, 20])[0]
    if kind in ("boolean", "formula"):
        return Flag(rng.random() < 0.5, kind == "formula")
    if kind == "number":
        return float(rng.randint(0, 1))
    return None if kind == "blank" else rng.choice(FLAG_TEXTS)


class Block:
    """Rows where every row counts, and their three criteria columns."""

    def __init__(self, rng, top, index):
        self.top, self.index = top, index
        self.n = rng.randint(60, 200)
        dates_kind = dates_value if rng.random() < 0.75 else mixed_value
        self.rows = []
        for i in range(self.n):
            start = DAY - rng.randint(0, 900)
            end = DAY + rng.randint(1, 400) if rng.random() < 0.3 else None
            amount = round(rng.uniform(1, 5000), 2)
            probability = round(rng.random(), 2)
            created = serial(random_date(rng))
            closed = created + rng.randint(0, 150) if rng.random() < 0.8 else None
            self.rows.append([f"k{index}-{i}", start, end, amount, probability, amount * probability,
                              created, closed, None if closed is None else closed - created,
                              mixed_value(rng), dates_kind(rng), flags_value(rng), float(i + 1)])

    def range(self, column):
        return f"${LETTERS[column]}${self.top + 1}:${LETTERS[column]}${self.top + self.n}"

    def data(self):
        return tuple(tuple("" if v is None else float(v.value) if isinstance(v, Flag) else v for v in row)
                     for row in self.rows)

    def column(self, column):
        return [row[column] for row in self.rows]


class Pair:
    """One criteria pair: its column, the criterion as the formula writes it ("{ref}" for the
    case's criterion cell), the text Calc parses (None for a number), and the cell's content."""

    def __init__(self, column, form, argument, text=None, cell=None, one_cell_range=False):
        self.column, self.form, self.argument, self.text = column, form, argument, text
        self.cell, self.one_cell_range = cell, one_cell_range

    def written(self, address):
        return self.argument.replace("{ref}", f"{address}:{address}" if self.one_cell_range else address)

    def describe(self):
        where = f" (cell holding {compact(self.cell)}{', as a 1x1 range' if self.one_cell_range else ''})" \
            if "{ref}" in self.argument else ""
        return f"{LETTERS[self.column]}; {self.argument}{where} [{self.form}]"


class Drawer:
    """Random criteria for one document setting; never an invalid regular expression there."""

    def __init__(self, rng, patterns, valid_regex):
        self.rng, self.patterns, self.valid_regex = rng, patterns, valid_regex

    def allowed(self, text):
        if text is None or self.patterns != "regex":
            return True
        rest = after_operator(text)
        if not may_be_regex(rest) or set(rest) <= set("0123456789.-"):  # "-2.5": a number, a valid regex too
            return True
        return self.valid_regex.get(rest, False)  # never checked: not drawn

    def pairs(self, block):
        rng = self.rng
        if rng.random() < 0.2:  # a date window on the dates column, perhaps with one more pair
            first = random_date(rng, days=600)
            last = first + datetime.timedelta(days=rng.randint(1, 200))
            window = [Pair(DATES, "window", f'"{op}"&DATE({d.year};{d.month};{d.day})', f"{op}{number_text(serial(d))}")
                      for op, d in ((rng.choice([">=", ">"]), first), (rng.choice(["<", "<="]), last))]
            return window + ([self.pair(block, rng.choice((MIXED, FLAGS)))] if rng.random() < 0.5 else [])
        count = rng.choice([1, 1, 1, 2, 2, 3])
        return [self.pair(block, rng.choices(CRITERIA_COLUMNS, weights=[5, 3, 2])[0]) for _ in range(count)]

    def pair(self, block, column):
        while True:
            pair = self.flags(column) if column == FLAGS else self.any(block, column)
            if self.allowed(pair.text):
                return pair

    def flags(self, column):
        rng = self.rng
        form = rng.choices(["flag value", "flag text", "reference"], weights=[3, 6, 3])[0]
        if form == "flag value":
            return Pair(column, form, rng.choice(FLAG_ARGUMENTS))
        if form == "flag text":
            text = rng.choice(FLAG_CRITERIA)
            return Pair(column, form, quoted(text), text)
        cell = rng.choice([None, None, Flag(True, True), Flag(False, True), 0.0, 1.0, "TRUE", "yes"])
        return self.reference(column, cell)

    def reference(self, column, cell):
        rng = self.rng
        form = "reference to " + ("a blank cell" if cell is None else "TRUE()/FALSE()" if isinstance(cell, Flag)
                                  else "a number" if isinstance(cell, float) else "a text")
        return Pair(column, form, "{ref}", cell if isinstance(cell, str) else None, cell, rng.random() < 0.4)

    def text(self, column, form, op, rest):
        text = op + rest
        return Pair(column, form, quoted(text), text)

    def any(self, block, column):
        rng = self.rng
        values = [v for v in block.column(column) if v is not None]
        numbers = [v for v in values if isinstance(v, float)] or [5.0]
        texts = [v for v in values if isinstance(v, str)] or ["abc"]
        dates = [v for v in numbers if v > 40000] or [serial(random_date(rng))]
        forms = {"number": 3, "boolean": 2, "date": 2, "operator & DATE": 6 if column == DATES else 3,
                 "operator number": 4, "text": 4, "number as text": 3, "date as text": 3, "wildcard": 4,
                 "regular expression": 4, "symbols": 3, "empty": 3, "from the column": 5, "reference": 8}
        form = rng.choices(list(forms), weights=list(forms.values()))[0]
        if form == "number":
            x = rng.choice(numbers) if rng.random() < 0.6 else rng.choice([5.0, 0.0, -3.0, 2.5, 1.0, 20.0])
            return Pair(column, form, number_text(x))
        if form == "boolean":
            return Pair(column, form, rng.choice(["TRUE()", "FALSE()"]))
        if form == "date":
            d = day_of(rng.choice(dates)) if rng.random() < 0.6 else random_date(rng)
            return Pair(column, form, f"DATE({d.year};{d.month};{d.day})")
        if form == "operator & DATE":
            d = day_of(rng.choice(dates)) if rng.random() < 0.5 else random_date(rng)
            op = rng.choice(OPS)
            return Pair(column, form, f'"{op}"&DATE({d.year};{d.month};{d.day})', op + number_text(serial(d)))
        if form == "operator number":
            x = rng.choice(numbers) if rng.random() < 0.5 else rng.choice([5.0, 0.0, -3.0, 2.5, 0.5, 20.0])
            return self.text(column, form, rng.choice(OPS[1:]), number_text(x))
        if form == "text":
            return self.text(column, form, rng.choice(OPS), vary_case(rng, rng.choice(WORDS)))
        if form == "number as text":
            return self.text(column, form, rng.choice(OPS), rng.choice(NUMBER_TEXTS))
        if form == "date as text":
            return self.text(column, form, rng.choice(OPS), rng.choice(DATE_TEXTS))
        if form == "wildcard":
            return self.text(column, form, rng.choice(MATCH_OPS), rng.choice(WILDCARDS))
        if form == "regular expression":
            return self.text(column, form, rng.choice(MATCH_OPS), rng.choice(REGEXES))
        if form == "symbols":
            return self.text(column, form, rng.choice(MATCH_OPS), rng.choice(SYMBOL_TEXTS))
        if form == "empty":
            return self.text(column, form, "", rng.choice(["", "=", "<>"]))
        if form == "from the column":
            value = rng.choice(values) if values else 5.0
            if isinstance(value, float):
                if rng.random() < 0.5:
                    return Pair(column, form, number_text(value))
                return self.text(column, form, rng.choice(OPS), number_text(value))
            return self.text(column, form, rng.choice(MATCH_OPS + OPS), vary_case(rng, value))
        cell = rng.choice([None, None, rng.choice(numbers), rng.choice(texts),
                           rng.choice(OPS) + vary_case(rng, rng.choice(WORDS + WILDCARDS)),
                           Flag(rng.random() < 0.5, True)])
        return self.reference(column, cell)


class Case:
    def __init__(self, block, pairs, row):
        self.block, self.pairs, self.row = block, pairs, row

    def address(self, k):
        return f"${LETTERS[REF_COLUMN + k]}${self.row + 1}"

    def criteria(self, extra=""):
        return ";".join(f"{self.block.range(p.column)};{p.written(self.address(k))}"
                        for k, p in enumerate(self.pairs)) + extra

    def formulas(self, extra=""):
        b, pairs = self.block, self.criteria(extra)
        subscriptions = f"{b.range(START)};{b.range(END)};{b.range(AMOUNT)}"
        return (f"=MRR_AT({subscriptions};{number_text(DAY)};{pairs})",
                f"=SUMIFS({b.range(AMOUNT)};{pairs})",
                f"=CUSTOMERS_AT({b.range(CUSTOMER)};{subscriptions};{number_text(DAY)};{pairs})",
                f"=COUNTIFS({pairs})",
                f"=SALES_CYCLE({b.range(CREATED)};{b.range(CLOSED)};{pairs})",
                f"=AVERAGEIFS({b.range(CYCLE)};{pairs})",
                f"=WEIGHTED_PIPELINE({b.range(AMOUNT)};{b.range(PROBABILITY)};{pairs})",
                f"=SUMIFS({b.range(PRODUCT)};{pairs})")

    def describe(self):
        b = self.block
        return (f"block {b.index} (rows {b.top + 1}-{b.top + b.n}, {b.n} rows), case row {self.row + 1}: "
                + "  |  ".join(p.describe() for p in self.pairs))


def agrees(ours, theirs, calc_function):
    """Whether saleskpi's result is what Calc's gives (AVERAGEIFS's #DIV/0! is Err:502)."""
    if calc_function == "AVERAGEIFS" and theirs == "#DIV/0!":
        return ours == "Err:502"
    if isinstance(ours, str) or isinstance(theirs, str):
        return ours == theirs
    return math.isclose(ours, theirs, rel_tol=1e-9, abs_tol=1e-6)


def values_of(block_range, data):
    """getDataArray's rows with each error cell as the text Calc shows."""
    rows = [list(row) for row in data]
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            if value is None or value == "":
                cell = block_range.getCellByPosition(c, r)
                rows[r][c] = error_text(cell.getError()) if cell.getError() else cell.getString()
    return rows


def set_flags(doc, sheet, cells):
    """Boolean values: the number with the boolean format, as CSV import makes TRUE/FALSE;
    TRUE()/FALSE() formulas: the formula. cells: [(column, row, Flag)]."""
    locale = uno.createUnoStruct("com.sun.star.lang.Locale", "en", "US", "")
    key = doc.NumberFormats.getStandardFormat(LOGICAL, locale)
    ranges = doc.createInstance("com.sun.star.sheet.SheetCellRanges")
    addresses = []
    for column, row, flag in cells:
        if flag.formula:
            sheet.getCellByPosition(column, row).setFormula("=TRUE()" if flag.value else "=FALSE()")
        else:
            addresses.append(uno.createUnoStruct("com.sun.star.table.CellRangeAddress", 0, column, row, column, row))
    if addresses:
        ranges.addRangeAddresses(tuple(addresses), False)
        ranges.NumberFormat = key


class Document:
    """One document setting: its blocks, cases, and what Calc and saleskpi answered."""

    def __init__(self, office, label, changes, valid_regex, compared):
        self.label, self.compared = label, compared
        started = time.perf_counter()
        rng = random.Random(f"{SEED}/{label}")
        self.doc = office.new_sheet_document()
        try:
            self.sheet = self.doc.Sheets.getByIndex(0)
            for name, value in changes:
                setattr(self.doc, name, (not getattr(self.doc, name)) if value == "flip" else value)
            self.settings = {name: getattr(self.doc, name)
                             for name in ("IgnoreCase", "MatchWholeCell", "Wildcards", "RegularExpressions")}
            patterns = ("regex" if self.settings["RegularExpressions"] else
                        "wildcard" if self.settings["Wildcards"] else "none")
            drawer = Drawer(rng, patterns, valid_regex)
            self.blocks, self.cases, top = [], [], 0
            for index in range(BLOCKS):
                block = Block(rng, top, index)
                self.blocks.append(block)
                top += block.n
                for _ in range(CASES_PER_BLOCK):
                    self.cases.append(Case(block, drawer.pairs(block), len(self.cases)))
            self.fill()
            self.doc.calculateAll()
            self.read()
            self.diagnose()
        finally:
            self.doc.close(True)
        self.seconds = time.perf_counter() - started

    def fill(self):
        flags = []
        for block in self.blocks:
            self.sheet.getCellRangeByPosition(0, block.top, ROW, block.top + block.n - 1).setDataArray(block.data())
            flags += [(FLAGS, block.top + i, row[FLAGS]) for i, row in enumerate(block.rows)
                      if isinstance(row[FLAGS], Flag)]
        refs = []
        for case in self.cases:
            line = []
            for k in range(3):
                cell = case.pairs[k].cell if k < len(case.pairs) else None
                line.append("" if cell is None else float(cell.value) if isinstance(cell, Flag) else cell)
                if isinstance(cell, Flag):
                    flags.append((REF_COLUMN + k, case.row, cell))
            refs.append(tuple(line))
        self.sheet.getCellRangeByPosition(REF_COLUMN, 0, REF_COLUMN + 2, len(refs) - 1).setDataArray(tuple(refs))
        set_flags(self.doc, self.sheet, flags)
        self.results = self.sheet.getCellRangeByPosition(FORMULA_COLUMN, 0, FORMULA_COLUMN + 7, len(self.cases) - 1)
        self.results.setFormulaArray(tuple(case.formulas() for case in self.cases))

    def read(self):
        self.values = values_of(self.results, self.results.getDataArray())
        self.failing = []
        for case, row in zip(self.cases, self.values):
            case.results = row
            case.failures = [name for name, ours, theirs, calc in COMPARISONS
                             if name in self.compared and not agrees(row[ours], row[theirs], calc)]
            if case.failures:
                self.failing.append(case)

    def diagnose(self):
        """For the first failing cases: each row's selection by CUSTOMERS_AT and by COUNTIFS,
        with the row's number as one more pair."""
        diagnosed = self.failing[:DIAGNOSED]
        if not diagnosed:
            return
        blocks = []
        for k, case in enumerate(diagnosed):
            b = case.block
            extra = f";{b.range(ROW)};"
            formulas = tuple((case.formulas(extra + str(i + 1))[2], case.formulas(extra + str(i + 1))[3])
                             for i in range(b.n))
            block = self.sheet.getCellRangeByPosition(DIAGNOSIS_COLUMN + 2 * k, 0, DIAGNOSIS_COLUMN + 2 * k + 1,
                                                      b.n - 1)
            block.setFormulaArray(formulas)
            blocks.append(block)
        self.doc.calculateAll()
        for case, block in zip(diagnosed, blocks):
            case.rows_differing = [(i, ours, theirs) for i, (ours, theirs)
                                   in enumerate(values_of(block, block.getDataArray())) if ours != theirs]


def report_case(case, function, calc_function, ours, theirs, full):
    b = case.block
    lines = [f"    {case.describe()}", f"      {function} {compact_result(ours)}, {calc_function} {compact_result(theirs)}"]
    differing = getattr(case, "rows_differing", None)
    if differing is not None:
        columns = sorted({p.column for p in case.pairs})
        lines.append(f"      rows selected differently (CUSTOMERS_AT vs COUNTIFS), {len(differing)} of {b.n}:")
        for i, ours_row, theirs_row in differing[:15]:
            cells = " ".join(f"{LETTERS[c]}={compact(b.rows[i][c])}" for c in columns)
            lines.append(f"        row {b.top + i + 1}: {cells}  saleskpi {compact_result(ours_row)}, "
                         f"COUNTIFS {compact_result(theirs_row)}")
        if not differing:
            lines.append("        none: the selections agree, the difference is in the function")
    if full:
        for c in sorted({p.column for p in case.pairs}):
            lines.append(f"      {LETTERS[c]}: " + " ".join(compact(v) for v in b.column(c)))
    return lines


def compact_result(value):
    return compact(value) if not isinstance(value, str) else value


class CriteriaAsCountifs(OfficeTestCase):
    """The random cases, run once for the class; each test reads its function's results."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        started = time.perf_counter()
        cls.valid_regex, cls.pipeline_probe = cls.probe()
        compared = {name for name, *_ in COMPARISONS}
        if not cls.pipeline_takes_pairs():
            compared.remove("WEIGHTED_PIPELINE")
        cls.documents = [Document(cls.office, label, changes, cls.valid_regex, compared)
                         for label, changes in SETTINGS]
        cls.seconds = time.perf_counter() - started
        print(f"\ntest_criteria: seed {SEED}, {sum(len(d.cases) for d in cls.documents)} cases in "
              f"{len(cls.documents)} documents, {cls.seconds:.1f} s ("
              + ", ".join(f"{d.label} {d.seconds:.1f} s" for d in cls.documents) + ")", flush=True)

    @classmethod
    def probe(cls):
        """Which criterion texts are valid regular expressions (Calc's REGEX: Err:502 for an
        invalid one), and what WEIGHTED_PIPELINE does with a criteria pair."""
        doc = cls.office.new_sheet_document()
        try:
            sheet = doc.Sheets.getByIndex(0)
            candidates = [t for t in regex_candidates() if may_be_regex(t)]
            block = sheet.getCellRangeByPosition(0, 0, 0, len(candidates) - 1)
            block.setFormulaArray(tuple((f'=ISERROR(REGEX("";{quoted(t)}))',) for t in candidates))
            sheet.getCellRangeByName("C1:E2").setDataArray(((100.0, 0.5, "x"), (200.0, 0.25, "y")))
            probe = sheet.getCellRangeByName("F1")
            probe.setFormula('=WEIGHTED_PIPELINE(C1:C2;D1:D2;E1:E2;"x")')
            doc.calculateAll()
            valid = {t: row[0] == 0 for t, row in zip(candidates, block.getDataArray())}
            return valid, shown(probe)
        finally:
            doc.close(True)

    def compare(self, function):
        name, ours, theirs, calc_function = next(c for c in COMPARISONS if c[0] == function)
        lines, failures, total = [], 0, 0
        single = collections.defaultdict(lambda: [0, 0])
        for document in self.documents:
            failing = [c for c in document.cases if function in c.failures]
            total += len(document.cases)
            failures += len(failing)
            lines.append(f"  {document.label} {document.settings}: {len(failing)} of {len(document.cases)} differ")
            for k, case in enumerate(failing[:DETAILED]):
                lines += report_case(case, function, calc_function, case.results[ours], case.results[theirs],
                                     full=k == 0)
            for case in document.cases:
                if len(case.pairs) == 1:
                    single[case.pairs[0].form][0] += 1
                    single[case.pairs[0].form][1] += function in case.failures
        forms = ", ".join(f"{form} {bad}/{n}" for form, (n, bad) in sorted(single.items()))
        summary = (f"{function} against {calc_function}: {failures} of {total} cases differ "
                   f"(seed {SEED}; SALESKPI_CRITERIA_SEED={SEED} replays the run)\n"
                   f"  one-pair cases differing, by criterion form: {forms}")
        print(summary, flush=True)
        if failures:
            self.fail(summary + "\n" + "\n".join(lines))

    def test_mrr_at_sums_what_sumifs_sums(self):
        self.compare("MRR_AT")

    def test_customers_at_counts_what_countifs_counts(self):
        self.compare("CUSTOMERS_AT")

    def test_sales_cycle_averages_what_averageifs_averages(self):
        self.compare("SALES_CYCLE")

    @classmethod
    def pipeline_takes_pairs(cls):
        return cls.pipeline_probe not in NO_PAIRS_YET

    def test_weighted_pipeline_sums_what_sumifs_sums(self):
        if not self.pipeline_takes_pairs():
            self.skipTest(f"WEIGHTED_PIPELINE takes no criteria pairs yet: "
                          f"=WEIGHTED_PIPELINE(C1:C2;D1:D2;E1:E2;\"x\") shows {self.pipeline_probe}; "
                          "the comparison runs as soon as it takes them")
        self.compare("WEIGHTED_PIPELINE")

    def test_the_draw_exercises_the_criteria(self):
        """The oracle is not vacuous: most cases select some rows but not all, in every setting,
        and every form of criterion is drawn in every setting."""
        forms = {p.form for d in self.documents for c in d.cases for p in c.pairs}
        for document in self.documents:
            with self.subTest(setting=document.label):
                counts = [c.results[3] for c in document.cases]
                some = sum(1 for c, n in zip(document.cases, counts) if 0 < n < c.block.n)
                self.assertGreater(some, len(counts) // 3, f"{some} of {len(counts)} cases select some rows")
                drawn = {p.form for c in document.cases for p in c.pairs}
                self.assertGreaterEqual(len(drawn), len(forms) - 2, sorted(forms - drawn))
        self.assertTrue(any(d.settings["RegularExpressions"] and not d.settings["Wildcards"] for d in self.documents))
        self.assertEqual(len({d.settings["IgnoreCase"] for d in self.documents}), 2, "the case setting flipped")
        self.assertTrue(any(not d.settings["MatchWholeCell"] for d in self.documents))
        self.assertTrue(any(not d.settings["Wildcards"] and not d.settings["RegularExpressions"]
                            for d in self.documents))


# --- fixed rows for the error rules -------------------------------------------------------------

# The row holding the text "a(" counts in every function alone (a January customer, a won
# deal with both dates): as a plain text, "a(" selects it and every function shows a number.
FIXED = [  # customer, start, end, amount, probability, created, closed, stage, text
    ("acme", "2024-01-15", "", 100, 0.5, "2024-01-02", "2024-02-01", "Won", "a("),
    ("beta", "2024-01-15", "2024-06-10", 50, 0.2, "2024-01-03", "2024-01-20", "Meeting", "abc"),
    ("cito", "2024-02-15", "", 80, 0.9, "2024-01-04", "", "Won", "x"),
    ("dúo", "2024-03-01", "", 30, 0.1, "2024-01-05", "2024-03-01", "Lead", ""),
]
N = len(FIXED)
COLUMN = {name: f"{letter}1:{letter}{N}" for name, letter in
          zip(("customers", "starts", "ends", "amounts", "probabilities", "created", "closed", "stages", "text"),
              "ABCDEFGHI")}
MONTHS, ORDER = "K1:K3", "L1:L3"


def raw_rows_calls(pairs):
    """One call of every function that takes criteria pairs, over the fixed rows."""
    subs = ";".join(COLUMN[c] for c in ("customers", "starts", "ends", "amounts"))
    dates = ";".join(COLUMN[c] for c in ("starts", "ends", "amounts"))
    month = "DATE(2024;4;30)"
    calls = {name: f"={name}({subs};{month}{pairs})" for name in
             ("CUSTOMERS_AT", "MRR_NEW", "MRR_EXPANSION", "MRR_CONTRACTION", "MRR_CHURNED", "MRR_REACTIVATION",
              "CUSTOMERS_NEW", "CUSTOMERS_CHURNED")}
    calls.update({
        "MRR_AT": f"=MRR_AT({dates};{month}{pairs})",
        "MRR_BRIDGE": f"=INDEX(MRR_BRIDGE({subs};{MONTHS}{pairs});1;7)",
        "COHORT_RETENTION": f"=COHORT_RETENTION({subs};DATE(2024;1;1);1;0{pairs})",
        "COHORT_TABLE": f"=INDEX(COHORT_TABLE({subs};{MONTHS};0{pairs});1;1)",
        "STAGE_RATES": f"=INDEX(STAGE_RATES({COLUMN['stages']};{ORDER}{pairs});1;1)",
        "SALES_CYCLE": f"=SALES_CYCLE({COLUMN['created']};{COLUMN['closed']}{pairs})",
        "WEIGHTED_PIPELINE": f"=WEIGHTED_PIPELINE({COLUMN['amounts']};{COLUMN['probabilities']}{pairs})",
    })
    return calls


class CriteriaErrors(OfficeTestCase):
    """The error rules of docs/criteria.md, in every function that takes criteria pairs."""

    def setUp(self):
        self.doc = self.office.new_sheet_document()
        self.sheet = self.doc.Sheets.getByIndex(0)
        for row, values in enumerate(FIXED):
            for column, value in enumerate(values):
                cell = self.sheet.getCellByPosition(column, row)
                if column == 8:
                    cell.setString(value)
                elif value != "":
                    cell.setFormula(str(value))
        for row, (month, stage) in enumerate(zip(("2024-01-31", "2024-02-29", "2024-03-31"),
                                                 ("Lead", "Meeting", "Won"))):
            self.sheet.getCellByPosition(10, row).setFormula(month)
            self.sheet.getCellByPosition(11, row).setString(stage)

    def tearDown(self):
        self.doc.close(True)

    def results(self, calls):
        for row, formula in enumerate(calls.values()):
            self.sheet.getCellByPosition(20, row).setFormula(formula)
        self.doc.calculateAll()
        return {name: shown(self.sheet.getCellByPosition(20, row)) for row, name in enumerate(calls)}

    def pipeline_takes_pairs(self):
        probe = raw_rows_calls(f";{COLUMN['text']};\"x\"")["WEIGHTED_PIPELINE"]
        return self.results({"probe": probe})["probe"] not in NO_PAIRS_YET

    def test_every_function_with_criteria_is_here(self):
        with_criteria = {f["name"] for f in catalogue()["functions"]
                         if any(p["type"] == "criteria" for p in f["params"])}
        self.assertLessEqual(with_criteria, set(raw_rows_calls("")))

    def test_the_rows_are_valid(self):
        for name, value in self.results(raw_rows_calls("")).items():
            with self.subTest(function=name):
                self.assertIsInstance(value, float, f"{name} without criteria shows {value}")

    def assertErr502(self, pairs, label, also=()):
        takes_pairs = self.pipeline_takes_pairs()
        for name, value in self.results(raw_rows_calls(pairs)).items():
            with self.subTest(criteria=label, function=name):
                if name == "WEIGHTED_PIPELINE" and not takes_pairs:
                    self.skipTest("WEIGHTED_PIPELINE takes no criteria pairs yet")
                self.assertIn(value, ("Err:502",) + tuple(also), f"{name} with {label}")

    def test_an_invalid_regular_expression_is_err502(self):
        self.doc.RegularExpressions = True
        self.sheet.getCellRangeByName("M1").setString("a(")
        text = COLUMN["text"]
        # COUNTIFS is silent about it: "a(" selects nothing, "<>a(" everything.
        self.assertEqual(self.results({"COUNTIFS": f'=COUNTIFS({text};"a(")'})["COUNTIFS"], 0)
        self.assertEqual(self.results({"COUNTIFS": f'=COUNTIFS({text};"<>a(")'})["COUNTIFS"], N)
        for criterion in ('"a("', '"<>a("', '"=a("', "M1", "M1:M1", '"[a"'):
            self.assertErr502(f";{text};{criterion}", f"regular expressions on, {criterion}")
        # A valid pair before it changes nothing.
        self.assertErr502(f";{text};\"<>\";{text};\"a(\"", "a valid pair, then a(")

    def test_the_same_text_without_regular_expressions_selects_its_row(self):
        """The control for the test above: "a(" is no error where it is no regular expression."""
        self.assertFalse(self.doc.RegularExpressions)
        takes_pairs = self.pipeline_takes_pairs()
        self.sheet.getCellRangeByName("M1").setString("a(")
        for criterion in ('"a("', "M1", "M1:M1"):
            for name, value in self.results(raw_rows_calls(f";{COLUMN['text']};{criterion}")).items():
                with self.subTest(criterion=criterion, function=name):
                    if name == "WEIGHTED_PIPELINE" and not takes_pairs:
                        self.skipTest("WEIGHTED_PIPELINE takes no criteria pairs yet")
                    self.assertIsInstance(value, float, f"{name} with {criterion}")

    def test_criteria_ranges_of_another_shape_are_err502(self):
        for label, criteria_range in [("one row shorter", f"I1:I{N - 1}"), ("one row longer", f"I1:I{N + 1}"),
                                      ("two columns", f"I1:J{N}"), ("a row", f"A{N + 3}:{'ABCD'[N - 1]}{N + 3}")]:
            self.assertErr502(f";{criteria_range};\"x\"", label)
            self.assertErr502(f";{COLUMN['text']};\"x\";{criteria_range};\"x\"", f"second pair {label}")

    def test_an_odd_number_of_criteria_arguments_is_an_error(self):
        self.assertErr502(f";{COLUMN['text']}", "a range without a criterion", also=("Err:504",))


if __name__ == "__main__":
    unittest.main(verbosity=2)
