"""C++ generated from the catalogue: the add-in's method glue and the test harness table."""
from catalogue.model import (RETURNS, TYPES, camel, core_arguments, invalid_when, outside_values,
                             param_type, parse_call)

GENERATED = "Generated from catalogue/functions.json by tools/catalogue/generate.py: do not edit."
CONTEXT_PARAM = "options"  # the hidden XPropertySet Calc passes first (document settings)
LINE_LIMIT = 100  # generated C++ is read in review and in the debugger


def folds(param):
    """Stage names compare as Calc compares text (case-insensitively); ids exactly."""
    return param.get("domain") == "text"


def default_of(param):
    return repr(float(param["default"])) if "default" in param else None


def core_value(param, expression):
    """`expression` (the argument as given) as the core takes it: an omitted optional argument
    as its default, a choice as the core's own type (an enum)."""
    default = default_of(param)
    if param.get("optional") and default is not None:
        fallback = default if param["type"] == "number" else f"Range::single({default})"
        expression = f"{expression}.value_or({fallback})"
    if "convert" in param:
        expression = f"saleskpi::{param['convert']}({expression})"
    return expression


def glue_argument(param):
    """The expression that turns the UNO argument into the core's argument."""
    arg, name = camel(param["name"]), param["name"]
    fold = "&folder()" if folds(param) else "nullptr"
    return core_value(param, param_type(param).convert.format(arg=arg, name=name, fold=fold))


def conversions(catalogue, function, argument, null_date, indent):
    """The statements that convert the function's arguments one at a time, in parameter order,
    each into a named local, so that the argument an error names is the first bad one whatever
    order a compiler evaluates a call's arguments in; then the core's arguments. `argument`
    gives one parameter's expression, `null_date` the document's null date (read first, as
    Calc passes the settings first). A group's parameters are read by the group's reader into
    one value (a row format) as soon as its last one is converted."""
    lines, args = [], []
    if function.get("context"):
        lines.append(f"{indent}const NullDate null_date_ = {null_date};")
    for group, params in core_arguments(function):
        for param in params:
            line = f"{indent}auto {param['name']}_ = {argument(param)};"
            if len(line) >= LINE_LIMIT:
                line = f"{indent}auto {param['name']}_ =\n{indent}    {argument(param)};"
            lines.append(line)
        if group is None:
            args.append(f"{params[0]['name']}_")
            continue
        reader = catalogue["groups"][group]
        inputs = [f"std::move({param['name']}_)" for param in params]
        inputs += ["null_date_"] if reader.get("context") else []
        lines.append(statement(f"const auto {group}_ = saleskpi::{reader['read']}(", inputs, ");", indent))
        args.append(f"{group}_")
    return lines, args


def core_name(function):
    return f"saleskpi::{function['name'].lower()}"


def glue_signature(function, qualified):
    params = [f"{param_type(p).glue} {camel(p['name'])}" for p in function["params"]]
    if function.get("context"):
        params.insert(0, f"const DocumentSettings& {CONTEXT_PARAM}")
    owner = "Functions::" if qualified else ""
    head = f"{RETURNS[function['returns']][1]} SAL_CALL {owner}{camel(function['name'])}("
    return head + "\n        " + ",\n        ".join(params) + ")"


def generate_glue(catalogue):
    out = [f"// {GENERATED}", '#include "component.hxx"', '#include "convert.hxx"',
           '#include "row_arguments.hxx"', "", '#include "saleskpi.hpp"', "",
           "namespace saleskpi::addin {", ""]
    for function in catalogue["functions"]:
        lines, args = conversions(catalogue, function, glue_argument, f"null_date({CONTEXT_PARAM})",
                                  " " * 8)
        head, tail = RETURNS[function["returns"]][2].format(call=f"{core_name(function)}(\0)").split("\0")
        call = statement(f"return {head}", args, f"{tail};", " " * 8)
        out += [glue_signature(function, qualified=True), "{", "    return guarded([&] {", *lines,
                call, "    });", "}", ""]
    out.append("}  // namespace saleskpi::addin")
    return readable("\n".join(out) + "\n")


def statement(head, args, tail, indent):
    """head + args joined by ", " + tail on one line when it fits, else the arguments on lines
    of their own under head, one step further in."""
    line = f"{indent}{head}{', '.join(args)}{tail}"
    if len(line) < LINE_LIMIT:
        return line
    return f"{indent}{head}\n" + wrapped(args, indent + "    ", tail)


def wrapped(items, head, tail, limit=LINE_LIMIT):
    """head + items joined by ", " + tail, continued on lines indented under the first item."""
    lines, line = [], head
    for index, item in enumerate(items):
        piece = item + (", " if index < len(items) - 1 else tail)
        if len(line) + len(piece.rstrip()) >= limit and line.strip() != head.strip():
            lines.append(line.rstrip())
            line = " " * len(head)
        line += piece
    return "\n".join(lines + [line])


def readable(code, limit=LINE_LIMIT):
    """Generated C++ is read in review and in the debugger: no line of `limit` or more."""
    long = [line for line in code.split("\n") if len(line) >= limit]
    if long:
        raise ValueError(f"generated line of {len(long[0])} characters: {long[0].strip()}")
    return code


CPP_KEYWORDS = {"new", "delete", "default", "register", "template", "this", "union"}


def generate_columns(catalogue):
    """For the core: the columns of every array result whose catalogue entry names them, as an
    enum in their order (MRR_BRIDGE -> columns::MrrBridge), and their count."""
    out = [f"// {GENERATED}",
           "// The columns of the array results that catalogue/functions.json names, in order: the",
           "// core fills each by name, so their order is kept in the catalogue alone.",
           "#pragma once", "", "#include <cstddef>", "", "namespace saleskpi::columns {", ""]
    for function in catalogue["functions"]:
        if "columns" not in function:
            continue
        enum = "".join(part.capitalize() for part in function["name"].lower().split("_"))
        names = [c + "_" if c in CPP_KEYWORDS else c for c in function["columns"]]
        out += [f"// {function['name']}", f"enum class {enum} : std::size_t {{",
                *(f"    {name}," for name in names), "};",
                f"inline constexpr std::size_t {function['name'].lower()}_columns = {len(names)};", ""]
    out.append("}  // namespace saleskpi::columns")
    return readable("\n".join(out) + "\n")


def generate_glue_declarations(catalogue):
    out = [f"// {GENERATED}"]
    out += [f"{glue_signature(f, qualified=False)} override;" for f in catalogue["functions"]]
    return readable("\n".join(out) + "\n")


# ---------------------------------------------------------------- harness

def harness_argument(param):
    fold = "true" if folds(param) else "false"
    return core_value(param, param_type(param).harness.format(name=param["name"], fold=fold))


def cpp_string(text):
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def cpp_cell(value):
    if isinstance(value, str):
        return f"Cell{{std::string({cpp_string(value)})}}" if value else "Cell{}"
    return f"Cell{{{float(value)!r}}}"


def cpp_value(arg):
    kind, value = arg
    if kind == "number":
        return f"Value::number_({float(value)!r})"
    if kind == "text":
        return f"Value::text_({cpp_string(value)})"
    if kind == "omitted":
        return "Value::omitted()"
    rows, cols = len(value), len(value[0])
    cells = ", ".join(cpp_cell(c) for row in value for c in row)
    return f"Value::grid({rows}, {cols}, {{{cells}}})"


def cpp_values(args):
    return ", ".join(cpp_value(a) for a in args)


def cpp_expected(result):
    if isinstance(result, str):
        return f"Expected::error({cpp_string(result)})"
    if isinstance(result, list):
        rows = result if result and isinstance(result[0], list) else [[r] for r in result]
        cells = ", ".join("std::nullopt" if c is None else repr(float(c)) for row in rows for c in row)
        return f"Expected::grid({len(rows)}, {len(rows[0])}, {{{cells}}})"
    return f"Expected::number({float(result)!r})"


def core_examples(catalogue):
    """(function index, formula, args, result) of every example the core can run alone."""
    for index, function in enumerate(catalogue["functions"]):
        for example in function["examples"]:
            name, args = parse_call(example["formula"])
            if any(kind == "call" for kind, _ in args):
                continue  # nests another function: Calc evaluates it (tests/calc)
            yield index, example["formula"], args, example["result"]


def first_good_args(function):
    """The arguments of the function's first value example the core runs alone, or None."""
    good = [parse_call(e["formula"])[1] for e in function["examples"] if not isinstance(e["result"], str)]
    return next((args for args in good if all(kind != "call" for kind, _ in args)), None)


def padded_to(function, args, position):
    """A copy of args with omitted trailing parameters given (their default, else 1) up to
    `position`."""
    args = list(args)
    while len(args) <= position:
        args.append(("number", function["params"][len(args)].get("default", 1)))
    return args


def domain_cases(catalogue):
    """For every argument with a domain: the first value example with that argument set
    just outside the domain (in a range, its first number cell), for each outside value."""
    for index, function in enumerate(catalogue["functions"]):
        good = first_good_args(function)
        if good is None:
            continue
        for position, param in enumerate(function["params"]):
            if param["type"] == "criteria":
                continue
            for outside in outside_values(param):
                args = padded_to(function, good, position)
                kind, value = args[position]
                if kind == "array":
                    cells = [list(row) for row in value]
                    spot = next(((r, c) for r, row in enumerate(cells) for c, cell in enumerate(row)
                                 if not isinstance(cell, str)), None)
                    if spot is None:
                        continue
                    cells[spot[0]][spot[1]] = outside
                    args[position] = ("array", cells)
                elif kind in ("number", "omitted"):
                    args[position] = ("number", outside)
                else:
                    continue
                yield index, param["name"], outside, args


def blank_cases(catalogue):
    """For every range the reference says gives Err:502 with "no value in <name>": the first
    value example with that range's cells all blank (its shape kept), so the core's error
    names the argument the reader must fill."""
    for index, function in enumerate(catalogue["functions"]):
        good = first_good_args(function)
        if good is None:
            continue
        phrases = invalid_when(function)
        for position, param in enumerate(function["params"]):
            if f"no value in {param['name']}" not in phrases:
                continue
            args = padded_to(function, good, position)
            kind, value = args[position]
            shape = (len(value), len(value[0])) if kind == "array" else (1, 1)
            args[position] = ("array", [[""] * shape[1] for _ in range(shape[0])])
            yield index, param["name"], args


def generate_harness(catalogue):
    out = [f"// {GENERATED}",
           "// Every function of the catalogue for the tests, the fuzzer and the benchmarks: its",
           "// parameters, a call from any argument Source, its examples and its domain cases.",
           "#pragma once", "", '#include "harness.hpp"', "",
           "namespace saleskpi::harness {", ""]
    table = []
    for index, function in enumerate(catalogue["functions"]):
        params = ", ".join(
            f'{{"{p["name"]}", Kind::{p["type"]}, {str(bool(p.get("optional"))).lower()}}}'
            for p in function["params"])
        out.append(f"inline constexpr Param params_{index}[] = {{{params}}};")
        context = str(bool(function.get("context"))).lower()
        table.append(f'    {{"{function["name"]}", "{function["name"].lower()}", params_{index}, {context}}},')
    out += ["", "inline constexpr Function function_table[] = {", *table, "};", "",
            "inline std::span<const Function> functions() { return function_table; }", "",
            "// Calls function `index` with its arguments taken from `in`: the document's null date",
            "// first when it takes one, then its parameters in order.",
            "template <class Source>", "Result call(std::size_t index, Source& in) {",
            "    switch (index) {"]
    for index, function in enumerate(catalogue["functions"]):
        lines, args = conversions(catalogue, function, harness_argument, "in.null_date()", " " * 8)
        out += [f"    case {index}: {{", *lines,
                f"        return Result({core_name(function)}({', '.join(args)}));", "    }"]
    out += ["    }", '    throw std::out_of_range("no such function");', "}", ""]
    out += static_list("Example", "examples", (
        f"{{{index}, {cpp_string(formula)}, {{{cpp_values(args)}}}, {cpp_expected(result)}}}"
        for index, formula, args, result in core_examples(catalogue)))
    out += static_list("DomainCase", "domain_cases", (
        f'{{{index}, "{name}", {outside!r}, {{{cpp_values(args)}}}}}'
        for index, name, outside, args in domain_cases(catalogue)))
    out += static_list("BlankCase", "blank_cases", (
        f'{{{index}, "{name}", {{{cpp_values(args)}}}}}' for index, name, args in blank_cases(catalogue)))
    out.append("}  // namespace saleskpi::harness")
    return "\n".join(out) + "\n"


def static_list(kind, name, items):
    """A function returning a static std::vector<kind> of `items` (C++ initializers)."""
    return [f"inline const std::vector<{kind}>& {name}() {{",
            f"    static const std::vector<{kind}> list = {{",
            *(f"        {item}," for item in items),
            "    };", "    return list;", "}", ""]
