"""The workbook's layout as data: every sheet is a stack of tables of rows, and every cell
that matters has a key.

A key is `table.row.column` (`sellers.team.calls`, `econ.ltv.value`). A table whose rows
share a `group` also gives a key to each column over that group (`log.seller1.calls` is the
range of seller 1's weeks), and a one-column table gives `table.row` too (`econ.ltv`).
Formulas name cells by key in braces, `=CONVERSION({leads};{calls})`, and this module turns
them into A1 references once every table has a place. A short key is looked for, in this
order, as a column of the same row, a row of the same column, a row of the same table and
a full key; it must name exactly one cell or range, else the build fails (no silent
fallback). `{$key}` writes an absolute reference, `{!key}` the cell itself even when it is
a percent input (which formulas otherwise read through PERCENT_READ).

A formula cell shows nothing until its inputs are there: its guard is derived from the
keys its formula names, `=IF(OR(COUNT(a)=0;COUNTA(text)=0);"";formula)` (optional inputs,
such as an end date that may stay blank, are not waited for), plus an optional `when`
condition for what references cannot say ("{won}+{lost}>0"), tested only once the inputs
are there. Cells, a row group's column (`deals.rows.amount`) and a column group
(`fun.seller1.rates`) have keys; an array formula spans a block of covered cells that keep
their keys. Labels, notes, sheet names and text inside formulas are `Label`s (English and
Dutch), rendered in `Layout.language`: one description, a workbook per language.
Reordering a table's columns moves every reference with them; a reorder that splits a
column group or turns an array's block around fails the build. The tests and
scripts/show_workbook.py build the same layout to find cells by key; the data sheets'
columns are also named ranges (`deals_rows_amount`) for the user's own formulas.
"""
import re

from catalogue.languages import LANGUAGES
from workbook.a1 import absolute_ref, column_index, column_name, parse_cell
from workbook.formula import openformula

FIRST = "<first>"  # the column key of a table's first column, whatever it is called
PLACEHOLDER = re.compile(r"\{([$!]?)([A-Za-z_][\w.]*)\}")


class Label:
    """Text in English and Dutch (the same in both when `nl` is not given: "MRR"),
    rendered when the workbook is written in one language."""

    def __init__(self, en, nl=None):
        self.en, self.nl = en, en if nl is None else nl

    def render(self, language):
        if language not in LANGUAGES:
            raise ValueError(f"no language {language!r}: one of {tuple(LANGUAGES)}")
        return self.en if language == "en" else self.nl


def render(text, language):
    return text.render(language) if isinstance(text, Label) else text


class C:
    """One cell of a table: a value or a formula (with {keys}), a style, a note (a text, or
    a function of the Layout that makes it: a note naming the sheet of another table).

    text: the cell holds text (a guard tests it with COUNTA, not COUNT).
    optional: an input that may stay blank (an end date): no guard waits for it.
    when: a condition (with {keys}) the formula also needs, e.g. "{won}+{lost}>0".
    matrix: (last row key, last column key): an array formula over that block; the
    other cells of the block are C(covered=True) (keyed, not written).
    bare: a data cell written without its display text (the long rows of the data sheets).
    percent: an input holding a percentage. In a cell formatted as a percentage Calc adds
    the % itself as one types, so typing "70%" leaves the text "70%%": formulas read such
    an input through PERCENT_READ, which takes a number as it is and the number in a text
    ("70%%", "70 %") as a percentage; a guard waits for any content (COUNTA)."""

    def __init__(self, value=None, formula=None, style=None, note=None, span=1, kind=None,
                 guard=True, text=False, optional=False, when=None, matrix=None, covered=False,
                 bare=False, key=False, percent=False):
        self.value, self.formula, self.style, self.note = value, formula, style, note
        self.span, self.kind, self.guard, self.text = span, kind, guard, text
        self.optional, self.when, self.matrix, self.covered = optional, when, matrix, covered
        self.bare, self.key, self.percent = bare, key, percent


# How a formula reads a percent input X (C(percent=True)): a number as it is, else the
# number in its text, without % signs and spaces, as a percentage (VALUE fails on words).
PERCENT_READ = 'IF(ISNUMBER({0});{0};VALUE(SUBSTITUTE(SUBSTITUTE({0};"%";"");" ";""))/100)'


class Row:
    """A row of a table: its key, its cells by column key, a row group and a height."""

    def __init__(self, key, cells, group=None, height=None, keyed=True):
        self.key, self.cells, self.group, self.height, self.keyed = key, cells, group, height, keyed


class Table:
    """Rows under each other from `at` (a cell; or (column letter, table, row key): beside
    a row of an earlier table; or else below the previous block after `gap` empty rows);
    columns left to right in the order of `columns` (keys). `column_groups` name runs of
    columns that must stay side by side ({"stages": [...]}: key `table.row.stages` is their
    range); a reorder that splits one fails. A cell under a key that is not a column is
    free text at that column letter (an explanation beside a row)."""

    def __init__(self, key, columns, rows, at=None, gap=1, keyed=True, column_groups=None,
                 column_kinds=None):
        self.key, self.columns, self.rows = key, list(columns), list(rows)
        self.at, self.gap, self.keyed = at, gap, keyed
        self.column_groups = column_groups or {}
        # column key -> "text", "optional" or "text optional": how a guard tests the column's
        # range over a row group (a data sheet's rows: deals.rows.owner)
        self.column_kinds = column_kinds or {}
        self.top = self.left = None

    def place(self, top, left):
        self.top, self.left = top, left

    def row_number(self, row_key):
        return self.top + [row.key for row in self.rows].index(row_key)

    def column_letter(self, column_key):
        if column_key not in self.columns:
            raise KeyError(f"table {self.key} has no column {column_key!r}")
        return column_name(self.left + self.columns.index(column_key))

    def bottom(self):
        return self.top + len(self.rows) - 1


class SheetSpec:
    """A sheet as data: its label (a Label: the sheet's name in each language; `key` is the
    English one, the sheet's identity), column widths (cm) and blocks (tables), plus the
    charts, conditional formats and row heights that name cells by key. `name` is the
    sheet's name in the layout's language once a Layout has placed it."""

    def __init__(self, label, widths, blocks, tab_color=None, page="Landscape", column_styles=None):
        self.label, self.key = label, render(label, "en")
        self.name = self.key
        self.widths, self.blocks = widths, blocks
        self.column_styles = column_styles
        self.tab_color, self.page = tab_color, page
        self.flags = []       # (key or 'key1..key2', rules)
        self.charts = []      # (anchor key or cell, callable(layout) -> Chart)
        self.print_to = None  # a key: the print range runs from A1 to its row


class Layout:
    """Key -> (sheet, A1 reference), for every keyed cell and range of the workbook."""

    def __init__(self, sheets, language="en"):
        self.sheets = sheets
        self.where = {}        # key -> (sheet name, ref)
        self.text_keys = set()
        self.optional_keys = set()
        self.percent_keys = set()
        self.aliases = set()
        self.language = language
        self.tables = {}
        for sheet in sheets:
            sheet.name = render(sheet.label, language)
        for sheet in sheets:
            self._place(sheet)

    def text(self, label):
        """A Label (or plain text) in this layout's language."""
        return render(label, self.language)

    def sheet_of(self, table):
        """The name of the sheet a table (by key) is on."""
        placed = self.tables[table]
        return next(sheet.name for sheet in self.sheets if placed in sheet.blocks)

    # -- placing -----------------------------------------------------------------
    def _place(self, sheet):
        next_row = 1
        for table in sheet.blocks:
            if isinstance(table.at, tuple):  # beside an earlier table: does not move what follows
                letter, other, row_key, *offset = table.at
                placed = {block.key: block for block in sheet.blocks}[other]
                table.place(placed.row_number(row_key) + sum(offset), column_index(letter))
            elif table.at:
                row, column = parse_cell(table.at)
                table.place(row + 1, column)
            else:
                table.place(next_row + (table.gap if next_row > 1 else 0), 0)
                next_row = table.bottom() + 1
            if table.key in self.tables:
                raise ValueError(f"table {table.key!r} is defined twice")
            self.tables[table.key] = table
            if table.keyed:
                self._keys(sheet.name, table)

    def _add(self, key, sheet, ref, text=False, alias=False, optional=False, percent=False):
        if key in self.where:
            raise ValueError(f"key {key!r} is defined twice")
        self.where[key] = (sheet, ref)
        if percent:
            self.percent_keys.add(key)
        if text or percent:
            self.text_keys.add(key)
        if alias:
            self.aliases.add(key)
        if optional:
            self.optional_keys.add(key)

    def _keys(self, sheet, table):
        groups = {}
        for row in table.rows:
            if row.group:
                groups.setdefault(row.group, []).append(table.row_number(row.key))
            if not row.keyed:
                continue
            for column, cell in row.cells.items():
                if column not in table.columns or not keyed_cell(cell):
                    continue
                ref = f"{table.column_letter(column)}{table.row_number(row.key)}"
                self._add(f"{table.key}.{row.key}.{column}", sheet, ref, text=cell.text, optional=cell.optional,
                          percent=cell.percent)
                if len(table.columns) == 1:
                    self._add(f"{table.key}.{row.key}", sheet, ref, text=cell.text, alias=True,
                              optional=cell.optional, percent=cell.percent)
        for group, members in table.column_groups.items():
            letters = [table.columns.index(member) for member in members]
            if sorted(letters) != list(range(min(letters), max(letters) + 1)):
                raise ValueError(f"columns of group {table.key}.{group} are not side by side")
            first, last = column_name(table.left + min(letters)), column_name(table.left + max(letters))
            for row in table.rows:
                if row.keyed and all(member in row.cells for member in members):
                    number = table.row_number(row.key)
                    self._add(f"{table.key}.{row.key}.{group}", sheet, f"{first}{number}:{last}{number}")
        for group, numbers in groups.items():
            if numbers != list(range(numbers[0], numbers[-1] + 1)):
                raise ValueError(f"rows of group {table.key}.{group} are not contiguous")
            kinds = table.column_kinds
            for column in table.columns:
                letter = table.column_letter(column)
                kind = kinds.get(column, "")
                self._add(f"{table.key}.{group}.{column}", sheet,
                          f"{letter}{numbers[0]}:{letter}{numbers[-1]}", text="text" in kind,
                          optional="optional" in kind)

    # -- resolving ---------------------------------------------------------------
    def find(self, name, table=None, row=None, column=None):
        """The full key a (possibly short) key names from a cell of a table."""
        candidates = [name]
        if table:
            candidates = [f"{table}.{row}.{name}", f"{table}.{name}.{column}", f"{table}.{name}", name]
            if name.count(".") == 1:  # another table, the same row: sellers.won from pipe.seller1
                other, rest = name.split(".")
                candidates.append(f"{other}.{row}.{rest}")
        found = {key for key in candidates if key in self.where}
        if not found and table and name in self.tables[table].columns:
            # A cell of the same row that has no key of its own (a row of a long input log).
            key = f"{table}.{row}.{name}"
            here = self.tables[table]
            self._add(key, self.sheet_of(table), f"{here.column_letter(name)}{here.row_number(row)}",
                      alias=True)
            found = {key}
        targets = {self.where[key] for key in found}
        if not found:
            raise KeyError(f"no key {name!r} from {table}.{row}.{column}")
        if len(targets) > 1:
            raise KeyError(f"key {name!r} is ambiguous from {table}.{row}.{column}: {sorted(found)}")
        return sorted(found, key=len)[-1]

    def ref(self, key, sheet=None, absolute=False):
        """A key as the formula of a cell on `sheet` writes it: C8, $C$8 or Activity.C8:C20."""
        where, ref = self.where[key]
        if absolute:
            ref = absolute_ref(ref)
        return ref if where == sheet else f"{where}.{ref}"

    def cell(self, key):
        """A single cell's reference on its own sheet, e.g. 'C8'."""
        return self.where[self.find(key)][1]

    def expand(self, formula, sheet, table=None, row=None, column=None):
        """(formula with A1 references, [full keys it names, in order])."""
        keys = []

        def replace(match):
            key = self.find(match.group(2), table, row, column)
            keys.append(key)
            ref = self.ref(key, sheet, absolute=match.group(1) == "$")
            return PERCENT_READ.format(ref) if key in self.percent_keys and match.group(1) != "!" else ref
        return PLACEHOLDER.sub(replace, formula), keys

    def guarded(self, formula, sheet, table=None, row=None, column=None, guard=True, when=None):
        """The formula a cell gets: references filled in, and empty until its inputs are:
        while COUNT (COUNTA for text) of a cell or range it or its `when` condition names is
        0 (optional inputs aside), and then while the `when` condition does not hold:
        =IF(OR(COUNT(a)=0;COUNT(b)=0);"";IF(condition;formula;"")). IF evaluates only the
        branch it takes, so the condition never sees an empty input."""
        text, keys = self.expand(formula, sheet, table, row, column)
        if not guard:
            return text
        condition = None
        if when:
            condition, when_keys = self.expand(when, sheet, table, row, column)
            keys = keys + when_keys
        inputs = list(dict.fromkeys(k for k in keys if k not in self.optional_keys))
        tests = [f"{'COUNTA' if k in self.text_keys else 'COUNT'}({self.ref(k, sheet)})=0" for k in inputs]
        body = f'IF({condition};{text[1:]};"")' if condition else text[1:]
        if not tests:
            return "=" + body
        test = tests[0] if len(tests) == 1 else f"OR({';'.join(tests)})"
        return f'=IF({test};"";{body})'

    def named_ranges(self):
        """(name, sheet, ref) of the ranges of the data sheets' columns, for the user's own
        formulas: deals.rows.amount -> deals_rows_amount. (Every other key is read through
        the layout itself: tests and scripts build it.)"""
        return [(key.replace(".", "_"), sheet, ref) for key, (sheet, ref) in self.where.items()
                if key not in self.aliases and ".rows." in key]

    def span_between(self, table, first, last):
        """Columns from one column key to another, for a header over a group of columns."""
        width = table.columns.index(last) - table.columns.index(first) + 1
        if width < 1:
            raise ValueError(f"{table.key}: column {last} is left of {first}")
        return width


def keyed_cell(cell):
    """Formulas, inputs and text a formula copies have keys; labels and notes do not."""
    return (cell.formula is not None or (cell.style or "").startswith("Input") or cell.text
            or cell.covered or cell.key)


# Inputs that must hold numbers: red (the flag style "Behind") when they hold text instead;
# a percent input only when its text has no number in it (PERCENT_READ fails).
NUMBER_INPUTS = ("InputInt", "InputMoney", "InputPct", "InputDec", "InputDate")


def odf_condition(rule):
    """A conditional format's rule with its references written as ODF wants them ([.C8]),
    through the formula grammar: 'formula-is(expression)', or a comparison ('>=C5')."""
    if rule.startswith("formula-is(") and rule.endswith(")"):
        return f"formula-is({odf_expression(rule[len('formula-is('):-1])})"
    operator = re.match(r"[<>=]*", rule).group(0)
    return operator + odf_expression(rule[len(operator):])


def odf_expression(text):
    """'ISTEXT(C8)' -> 'ISTEXT([.C8])': an expression as OpenFormula writes it, without of:=."""
    return openformula("=" + text)[len("of:="):]


def not_a_number(ref, percent):
    test = f"ISERROR({PERCENT_READ.format(ref)})" if percent else f"ISTEXT({ref})"
    return odf_condition(f"formula-is({test})"), "Behind"


def flag_inputs(sheet, inputs):
    """One 'not a number' format per run of input cells of a column (inputs: column letter,
    row number, percent)."""
    runs = []
    for letter, number, percent in sorted(inputs):
        if runs and runs[-1][0] == letter and runs[-1][2] == number - 1 and runs[-1][3] == percent:
            runs[-1][2] = number
        else:
            runs.append([letter, number, number, percent])
    for letter, first, last, percent in runs:
        ref = f"{letter}{first}" + (f":{letter}{last}" if last > first else "")
        sheet.condition(ref, not_a_number(f"{letter}{first}", percent))


def write(spec, layout, sheet):
    """Writes a sheet's tables into an odf.Sheet: values, formulas (keys resolved, guarded),
    and the 'not a number' flag of its number inputs. Returns [(table, row, column, formula
    as written)] for the tests."""
    written, inputs = [], []
    for table in spec.blocks:
        for row in table.rows:
            number = table.row_number(row.key)
            if row.height:
                sheet.row_height(number, row.height)
            for column, cell in row.cells.items():
                if cell.covered:  # a cell of an array formula's block: its style only
                    if cell.style:
                        letter = table.column_letter(column)
                        sheet.set(f"{letter}{number}", None, style=cell.style)
                    continue
                if column == FIRST:
                    column = table.columns[0]
                letter = table.column_letter(column) if column in table.columns else column
                formula = None
                if cell.formula is not None:
                    formula = layout.guarded(layout.text(cell.formula), spec.name, table.key, row.key, column,
                                             guard=cell.guard, when=cell.when)
                span = cell.span
                if isinstance(span, tuple):
                    span = layout.span_between(table, *span)
                matrix = None
                if cell.matrix:
                    last_row, last_column = cell.matrix
                    matrix = (table.row_number(last_row) - number + 1,
                              layout.span_between(table, column, last_column))
                note = cell.note(layout) if callable(cell.note) else cell.note
                sheet.set(f"{letter}{number}", render(cell.value, layout.language), formula=formula,
                          style=cell.style, note=render(note, layout.language), span=span,
                          kind=cell.kind, matrix=matrix, bare=cell.bare)
                if formula:
                    written.append((table.key, row.key, column, formula))
                if cell.style in NUMBER_INPUTS:
                    inputs.append((letter, number, cell.percent))
    flag_inputs(sheet, inputs)
    return written


__all__ = ["FIRST", "Label", "render", "C", "Row", "Table", "SheetSpec", "Layout", "write"]
