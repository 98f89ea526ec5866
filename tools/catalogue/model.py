"""The catalogue's data model: loading, validation, types, domains and example parsing.

Every generator (tools/catalogue/generate.py) and test that reads catalogue/functions.json goes
through this module, so a parameter's type, domain and shape mean one thing everywhere.
"""
import copy
import json
import os
import re
import sys
from dataclasses import dataclass

from catalogue.languages import LANGUAGES
from workbook.formula import (ARRAY_CLOSE, ARRAY_COLUMN, ARRAY_OPEN, ARRAY_ROW, FUNCTION, NUMBER, OPERATOR,
                              STRING, call_arguments)

CELL_ERRORS = {"Err:502", "Err:504", "#NUM!", "#VALUE!"}
SUMMARY_LIMIT = 120  # characters: Calc's autocomplete tooltip shows one line


@dataclass(frozen=True)
class Type:
    idl: str            # the UNO type Calc passes
    glue: str           # the C++ parameter type in the add-in
    convert: str        # add-in: UNO argument -> core argument ({arg}, {name}, {fold})
    harness: str        # tests: how a harness Source supplies it
    label: str          # the reference's "Type" column


TYPES = {
    "number": Type("double", "double", "{arg}", 'in.number("{name}")', "number"),
    "range": Type("sequence< sequence< any > >", "const AnyMatrix&", 'to_range({arg}, "{name}")',
                  'in.range("{name}")', "range"),
    "cells": Type("sequence< sequence< any > >", "const AnyMatrix&",
                  'to_cells({arg}, "{name}", {fold})', 'in.cells("{name}", {fold})', "cells"),
    "criteria": Type("sequence< any >", "const AnySequence&", "to_criteria({arg}, folder())",
                     'in.criteria("{name}")', "criteria pairs"),
}
OPTIONAL = {  # an optional argument is an `any`, the only type Calc lets a user leave out
    "number": Type("any", "const css::uno::Any&", 'optional_number({arg}, "{name}")',
                   'in.optional_number("{name}")', "number"),
    "range": Type("any", "const css::uno::Any&", 'optional_range({arg}, "{name}")',
                  'in.optional_range("{name}")', "range"),
}
RETURNS = {  # returns -> (IDL type, glue type, add-in wrapper)
    "number": ("double", "double", "{call}"),
    "array": ("sequence< sequence< double > >", "DoubleMatrix", "to_sequence({call})"),
    "table": ("sequence< sequence< any > >", "AnyMatrix", "to_table({call})"),
}


@dataclass(frozen=True)
class Domain:
    outside: tuple      # values just outside it: the core must reject each, naming the argument
    text: dict          # the clause the argument's help must carry, per language (None: none)
    invalid: str        # the reference's Err:502 phrase; {name} is the argument


DOMAINS = {
    "finite": Domain((), {"en": None, "nl": None}, ""),
    "non_negative": Domain((-1.0,), {"en": ">= 0", "nl": ">= 0"}, "{name} negative"),
    "positive": Domain((0.0, -1.0), {"en": "> 0", "nl": "> 0"}, "{name} zero or negative"),
    "fraction": Domain((-0.01, 1.01), {"en": "[0; 1]", "nl": "[0; 1]"}, "{name} outside [0; 1]"),
    "positive_fraction": Domain((0.0, 1.01), {"en": "(0; 1]", "nl": "(0; 1]"},
                                "{name} outside (0; 1]"),
    "count": Domain((-1.0, 0.5), {"en": "whole number >= 0", "nl": "geheel getal >= 0"},
                    "{name} not a whole number >= 0"),
    "choice": Domain((), {"en": None, "nl": None}, "{name} other than {choices}"),
    "date": Domain((-1e9, 1e9), {"en": None, "nl": None}, "{name} not a date"),
    "id": Domain((), {"en": None, "nl": None}, ""),
    "text": Domain((), {"en": None, "nl": None}, ""),
}
SHAPE_RULES = ("shape", "same_shape_as", "one_or_same_shape_as")


def camel(snake):
    """LTV -> ltv, CAC_MAX -> cacMax, purchases_per_year -> purchasesPerYear."""
    head, *rest = snake.lower().split("_")
    return head + "".join(part.capitalize() for part in rest)


def stored_name(catalogue, name):
    """How a document stores a call: CAC_MAX -> ORG.SALESKPI.FUNCTIONS.CACMAX (permanent).
    The one copy of the rule: Calc upper-cases <service>.<IDL method>."""
    return f"{catalogue['service'].upper()}.{camel(name).upper()}"


def stored_names(catalogue):
    """Every function's stored name by its catalogue name (CAC_MAX), for formula translation."""
    return {f["name"]: stored_name(catalogue, f["name"]) for f in catalogue["functions"]}


def param_type(param):
    return (OPTIONAL if param.get("optional") else TYPES)[param["type"]]


def outside_values(param):
    """Values just outside the parameter's domain (choices: a number that is not one)."""
    if param["domain"] == "choice":
        return (max(param["choices"]) + 1.0, 0.5)
    return DOMAINS[param["domain"]].outside


def load(path):
    """The catalogue at `path`, its shared parameters and groups expanded (expand()), validated,
    its functions in the order of their sections: the one way to read it."""
    with open(path, encoding="utf-8") as f:
        catalogue = json.load(f)
    expand(catalogue)
    validate(catalogue)
    order = [s["id"] for s in catalogue["sections"]]
    catalogue["functions"].sort(key=lambda f: order.index(f["section"]))
    return catalogue


def fail(message):
    sys.exit(f"catalogue: {message}")


def expand(catalogue):
    """Writes out each function's parameters. The catalogue defines a parameter that several
    functions share once, under "parameters", and a function's list names it: {"use": id}.
    A group of parameters read together into one core value (a row format: the subscription
    rows) is defined under "groups" (its parameters, the core's reader, "context": true when
    the reader takes the document's null date), and a function's list names it: {"group": id},
    optionally {"group": id, "without": [names]} for a function that takes fewer columns (a
    shape rule naming a column left out goes with it). Each parameter of a group comes out
    tagged "group": id, and a function with a group that takes the null date gets "context".
    An unknown name is an error."""
    shared = catalogue.get("parameters", {})
    groups = catalogue.get("groups", {})
    for name, group in groups.items():
        if not group.get("read") or not group.get("params"):
            fail(f"group {name}: needs its parameters and the core's reader (\"read\")")
    used = set()
    for function in catalogue["functions"]:
        where = f"function {function.get('name')}"
        params = []
        for entry in function["params"]:
            if "use" in entry:
                if set(entry) != {"use"} or entry["use"] not in shared:
                    fail(f"{where}: {entry} names no shared parameter (\"parameters\")")
                params.append(copy.deepcopy(shared[entry["use"]]))
                used.add(("parameter", entry["use"]))
            elif "group" in entry:
                params += group_params(groups, entry, where)
                used.add(("group", entry["group"]))
                if groups[entry["group"]].get("context"):
                    function["context"] = True
            else:
                params.append(entry)
        function["params"] = params
    unused = {("parameter", name) for name in shared} | {("group", name) for name in groups}
    if unused - used:
        fail("defined but used by no function: " + ", ".join(f"{kind} {name}" for kind, name in sorted(unused - used)))


def group_params(groups, entry, where):
    """The parameters of a group reference {"group": id, "without": [names]}, tagged."""
    group = groups.get(entry["group"])
    if group is None or not set(entry) <= {"group", "without"}:
        fail(f"{where}: {entry} names no group (\"groups\")")
    left_out = set(entry.get("without", []))
    names = [param["name"] for param in group["params"]]
    if not left_out <= set(names) or len(left_out) == len(names):
        fail(f"{where}: {entry} leaves out what the group does not hold, or all of it")
    params = []
    for param in group["params"]:
        if param["name"] in left_out:
            continue
        param = {key: value for key, value in param.items()
                 if not (key in SHAPE_RULES and value in left_out)}
        params.append(copy.deepcopy(param) | {"group": entry["group"]})
    return params


def validate(catalogue):
    names = set()
    sections = {s["id"] for s in catalogue["sections"]}
    for function in catalogue["functions"]:
        name = function["name"]
        where = f"function {name}"
        if not re.fullmatch(r"[A-Z][A-Z0-9_]*", name) or name in names:
            fail(f"{where}: name must be unique UPPER_SNAKE")
        names.add(name)
        if function["section"] not in sections:
            fail(f"{where}: unknown section {function['section']}")
        if function["returns"] not in RETURNS:
            fail(f"{where}: returns must be one of {sorted(RETURNS)}")
        for lang in LANGUAGES:
            summary = function["summary"].get(lang, "")
            if not summary or len(summary) > SUMMARY_LIMIT or re.search(r"[.!?]\s+[A-Z]", summary):
                fail(f"{where}: summary.{lang} must be one sentence of 1..{SUMMARY_LIMIT} characters")
            if not function["description"].get(lang):
                fail(f"{where}: description.{lang} missing")
        validate_params(function, where)
        validate_groups(catalogue, function, where)
        columns = function.get("columns", [])
        if columns and (function["returns"] == "number" or len(set(columns)) != len(columns)
                        or not all(re.fullmatch(r"[a-z][a-z0-9_]*", c) for c in columns)):
            fail(f"{where}: columns name an array result's columns, each once, in lower_snake")
        results = [e["result"] for e in function["examples"]]
        errors = [r for r in results if isinstance(r, str)]
        if len(errors) == len(results) or not errors:
            fail(f"{where}: needs a value example and an error example (tested in Calc)")
        if not set(errors) <= CELL_ERRORS:
            fail(f"{where}: error examples must show one of {sorted(CELL_ERRORS)}")
        for example in function["examples"]:
            if not example["formula"].startswith(name + "("):
                fail(f"{where}: example {example['formula']} must call {name}")


def validate_params(function, where):
    params = function["params"]
    names = {p["name"] for p in params}
    seen_optional = False
    for index, param in enumerate(params):
        pwhere = f"{where} parameter {param['name']}"
        if not re.fullmatch(r"[a-z][a-z0-9_]*", param["name"]):
            fail(f"{pwhere}: name must be lower_snake")
        if param["type"] not in TYPES:
            fail(f"{pwhere}: type must be one of {sorted(TYPES)}")
        if param["type"] == "criteria":
            if index != len(params) - 1:
                fail(f"{pwhere}: criteria pairs come last")
        else:
            domain = param.get("domain")
            if domain not in DOMAINS:
                fail(f"{pwhere}: domain must be one of {sorted(DOMAINS)}")
            if domain == "choice" and not param.get("choices"):
                fail(f"{pwhere}: a choice needs its choices")
            if param.get("optional"):
                if param["type"] not in OPTIONAL:
                    fail(f"{pwhere}: a {param['type']} argument cannot be optional")
                seen_optional = True
            elif seen_optional:
                fail(f"{pwhere}: a required parameter may not follow an optional one")
        if "default" in param and not param.get("optional"):
            fail(f"{pwhere}: a default needs optional: true")
        for rule in SHAPE_RULES[1:]:
            if rule in param and param[rule] not in names:
                fail(f"{pwhere}: {rule} names no parameter")
        if param.get("shape") not in (None, "line"):
            fail(f"{pwhere}: shape must be line")
        for lang in LANGUAGES:
            display, text = param["display"].get(lang), param["description"].get(lang)
            if not display or not text:
                fail(f"{pwhere}: display/description.{lang} missing")
            if "_" in display:
                fail(f"{pwhere}: display.{lang} {display!r}: GTK's Function Wizard drops '_'")
            clause = DOMAINS.get(param.get("domain"), DOMAINS["id"]).text[lang]
            if clause and clause not in text:
                fail(f"{pwhere}: description.{lang} must state the domain ({clause})")


def result_columns(catalogue, name):
    """The columns of function `name`'s array result, in order (its catalogue entry's
    "columns"): the one list that the core (catalogue_columns.hpp), the workbook, the tests and
    the benchmarks read."""
    return next(f["columns"] for f in catalogue["functions"] if f["name"] == name)


def core_arguments(function):
    """The function's parameters as the core takes them, in order: (group, [params]). The
    parameters of a group (a row format, e.g. the subscription rows) are one argument, read
    together by the group's reader; any other parameter is one argument alone (group None)."""
    runs = []
    for param in function["params"]:
        group = param.get("group")
        if group is not None and runs and runs[-1][0] == group:
            runs[-1][1].append(param)
        else:
            runs.append((group, [param]))
    return runs


def validate_groups(catalogue, function, where):
    groups = catalogue.get("groups", {})
    seen = set()
    for group, params in core_arguments(function):
        if group is None:
            continue
        if group not in groups:
            fail(f"{where}: parameter {params[0]['name']} names an unknown group {group}")
        if group in seen:
            fail(f"{where}: the parameters of group {group} must stand together")
        seen.add(group)
        if groups[group].get("context") and not function.get("context"):
            fail(f"{where}: group {group} reads the document's null date: the function needs context")


def invalid_when(function):
    """The reference's Err:502 list: from the domains and shape rules, then the rules."""
    phrases = []
    for param in function["params"]:
        name = param["name"]
        if param["type"] == "criteria":
            phrases.append("criteria pairs incomplete or a criteria range of another shape")
            continue
        cells = param["type"] in ("range", "cells")
        domain = DOMAINS[param["domain"]]
        if domain.invalid:
            choices = ", ".join(f"{c:g}" for c in param.get("choices", []))
            article = "an" if name[0] in "aeiou" else "a"
            phrase = domain.invalid.format(name=f"{article} {name} cell" if cells else name, choices=choices)
            phrases.append(phrase)
        if param["type"] == "range" and param["domain"] not in ("date",):
            phrases.append(f"no value in {name}")
        if param.get("total") == "positive":
            phrases.append(f"total {name} zero")
        if param.get("shape") == "line":
            phrases.append(f"{name} not one row or column")
        if "same_shape_as" in param:
            phrases.append(f"{name} and {param['same_shape_as']} of different shapes")
        if "one_or_same_shape_as" in param:
            phrases.append(f"{name} neither one value nor the shape of {param['one_or_same_shape_as']}")
    return phrases + function.get("rules", [])


# ---------------------------------------------------------------- examples

def parse_call(formula):
    """'LTV(400;1;3)' -> ('LTV', [arg, ...]), read by the workbook's strict formula grammar
    (tools/workbook/formula.py). An arg is ('number', x), ('text', s), ('array', rows of
    cells), ('call', None) or ('omitted', None). Arrays use the en-US entry syntax of the
    catalogue: ';' between rows, ',' between columns."""
    name, arguments = call_arguments(formula)
    return name, [parse_arg(argument, formula) for argument in arguments]


def scalar(tokens):
    """A number (with its sign) or a string literal, from its tokens; None for anything else."""
    kinds = [t.kind for t in tokens]
    if kinds == [NUMBER]:
        return float(tokens[0].text)
    if kinds == [OPERATOR, NUMBER] and tokens[0].text == "-":
        return -float(tokens[1].text)
    if kinds == [STRING]:
        return tokens[0].text[1:-1].replace('""', '"')
    return None


def parse_arg(argument, formula):
    tokens = argument.tokens
    if not tokens:
        return ("omitted", None)
    if tokens[0].kind == FUNCTION:  # a nested call: Calc only
        return ("call", None)
    value = scalar(tokens)
    if value is not None:
        return ("text" if isinstance(value, str) else "number", value)
    if tokens[0].kind == ARRAY_OPEN:  # the tokenizer checked its shape
        rows, element = [[]], []
        for token in tokens[1:]:
            if token.kind in (ARRAY_COLUMN, ARRAY_ROW, ARRAY_CLOSE):
                rows[-1].append(scalar(element))
                element = []
                if token.kind == ARRAY_ROW:
                    rows.append([])
            else:
                element.append(token)
        return ("array", rows)
    raise ValueError(f"unexpected {argument.text!r} in {formula!r}")


# ---------------------------------------------------------------- the file's own layout

def dumps(value, indent=0, width=100):
    """The catalogue's canonical JSON: a value fits on one line when it can, else one
    member per line (so a review shows which field of which function changed)."""
    flat = json.dumps(value, ensure_ascii=False)
    if len(flat) + indent <= width or not isinstance(value, (dict, list)):
        return flat
    pad = " " * (indent + 2)
    if isinstance(value, dict):
        items = [f"{pad}{json.dumps(k, ensure_ascii=False)}: {dumps(v, indent + 2, width)}"
                 for k, v in value.items()]
        return "{\n" + ",\n".join(items) + "\n" + " " * indent + "}"
    items = [pad + dumps(v, indent + 2, width) for v in value]
    return "[\n" + ",\n".join(items) + "\n" + " " * indent + "]"


# ---------------------------------------------------------------- this source tree's catalogue

# catalogue/functions.json beside tools/; SALESKPI_CATALOGUE (set by CMake for the tests) names another.
SOURCE = os.environ.get("SALESKPI_CATALOGUE",
                        os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "catalogue",
                                     "functions.json"))


def load_source():
    """This tree's catalogue (SOURCE), validated and expanded by load()."""
    return load(SOURCE)
