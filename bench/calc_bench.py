#!/usr/bin/python3
"""What a saleskpi call costs in real Calc, next to native formulas and a Basic function.

    SALESKPI_OXT=build-bench/saleskpi.oxt PYTHONPATH=tools /usr/bin/python3 bench/calc_bench.py \
        [--rows 100000] [--runs 3] [--convert-json build-bench/bench_convert.json]

One private headless office (tools/office/driver.py), one document, automatic calculation and undo
off. The cases are the catalogue's: per function its first example with a value
(catalogue/functions.json; an array result summed), constant arguments, so a new catalogue
row is measured without editing this file; the baselines are native `=A1*B1*C1` and a Basic
function over the data columns. Per case: one formula in row 1 of an empty column, copied down all rows with fillAuto,
one untimed calculateAll() (the first after new formulas also sets them up), then
calculateAll() timed with time.perf_counter, median of --runs; the column is cleared before
the next case, so each recalculation holds that case's formulas only. Prints µs per cell and
the ratios to native `=A*B*C` and to the cheapest saleskpi call (MRR_TO_ARR), and Basic's;
"spread" is (slowest - fastest run) / median, a gauge of how noisy the machine was.
Then one range call over all rows, WEIGHTED_PIPELINE versus SUMPRODUCT (and CONVERSION versus
SUM/SUM), and, given bench_convert's JSON output, the add-in's own share of it.
Figures only: nothing here passes or fails on speed.
"""
import argparse
import json
import os
import statistics
import sys
import time

from catalogue.model import load_source
from office.driver import ERRORS, Office, properties
from workbook.formula import api as formula_api

from com.sun.star.sheet.FillDirection import TO_BOTTOM


# Formula contents, FLAGS for clearContents: VALUE 1, DATETIME 2, STRING 4, FORMULA 16.
CLEAR_ALL_CELL_CONTENT = 1 | 2 | 4 | 16

BASIC_MODULE = """
Function BASIC_LTV(price, purchases, years)
    BASIC_LTV = price * purchases * years
End Function
"""

# Data columns (row i, 0-based): A money 400..499, B count 1..3, C 3, D 0.1, E 0.2, F 0.5,
# for the baselines and the range calls below.
NATIVE = ("native =A*B*C", "=A1*B1*C1")
BASIC = ("Basic BASIC_LTV(A;B;C)", "=BASIC_LTV(A1;B1;C1)")


def catalogue_calls():
    """One formula per catalogue function: its first example with a value (not an error), as
    the catalogue writes it, so a new catalogue row is measured without editing this file.
    An array result is summed (SUM(...)) so that each cell holds one number. Returns
    [(label, API formula, takes only numbers)], catalogue order."""
    functions = load_source()["functions"]
    calls = []
    for function in functions:
        example = next((e for e in function["examples"] if not isinstance(e["result"], str)), None)
        if example is None:
            raise RuntimeError(f"{function['name']} has no example with a value to measure")
        formula = example["formula"]
        if isinstance(example["result"], list):
            formula = f"SUM({formula})"
        only_numbers = all(p.get("type", "number") == "number" for p in function["params"])
        calls.append((formula if len(formula) <= 40 else formula[:37] + "...", formula_api("=" + formula),
                      only_numbers))
    return calls


# One call over every row: (label, saleskpi formula, native formula computing the same).
RANGE_CALLS = [
    ("WEIGHTED_PIPELINE", "=WEIGHTED_PIPELINE(A1:A{n};D1:D{n})", "=SUMPRODUCT(A1:A{n};D1:D{n})"),
    ("CONVERSION", "=CONVERSION(B1:B{n};A1:A{n})", "=SUM(B1:B{n})/SUM(A1:A{n})"),
]
FORMULA_COLUMN = 9  # J


def data_rows(n):
    return tuple((400.0 + i % 100, 1.0 + i % 3, 3.0, 0.1, 0.2, 0.5) for i in range(n))


class Bench:
    def __init__(self, office, rows, runs, calls):
        self.rows, self.runs = rows, runs
        # MacroExecutionMode=4 (always, no warning): Calc runs the document's Basic function.
        self.doc = office.desktop.loadComponentFromURL(
            "private:factory/scalc", "_blank", 0, properties(Hidden=True, MacroExecutionMode=4))
        self.sheet = self.doc.Sheets.getByIndex(0)
        self.sheet.getCellRangeByPosition(0, 0, 5, rows - 1).setDataArray(data_rows(rows))
        libraries = self.doc.BasicLibraries
        library = (libraries.getByName("Standard") if libraries.hasByName("Standard")
                   else libraries.createLibrary("Standard"))
        library.insertByName("Bench", BASIC_MODULE)
        self.known = self.available_functions(calls)
        # Nothing recalculates behind the timer's back (fillAuto would calculate the new cells
        # at once); every recalculation measured is an explicit calculateAll.
        self.doc.enableAutomaticCalculation(False)
        self.doc.UndoManager.lock()  # else every cleared column stays alive as an undo action

    def available_functions(self, calls):
        """Display names of the saleskpi functions this .oxt gives Calc."""
        probe = self.sheet.getCellByPosition(FORMULA_COLUMN + 1, 0)
        names = set()
        for _, formula, *_ in calls + RANGE_CALLS:
            name = name_of(formula)
            probe.setFormula(f"={name}()")
            if probe.getError() != 525 and "ORG.SALESKPI." in probe.getFormula().upper():
                names.add(name)
        probe.setString("")
        return names

    def time_recalc(self, warm_up=True):
        if warm_up:  # the first recalculation after new formulas also sets them up: not timed
            self.doc.calculateAll()
        times = []
        for _ in range(self.runs):
            start = time.perf_counter()
            self.doc.calculateAll()
            times.append(time.perf_counter() - start)
        median = statistics.median(times)
        self.spread = (max(times) - min(times)) / median  # of the last case: a noise gauge
        return median

    def check(self, cell, label):
        error = cell.getError()
        if error:
            raise RuntimeError(f"{label}: {cell.getFormula()} shows {ERRORS.get(error, error)}")

    def per_cell(self, label, formula):
        """Median seconds of one calculateAll over `rows` copies of `formula`."""
        column = self.sheet.getCellRangeByPosition(FORMULA_COLUMN, 0, FORMULA_COLUMN, self.rows - 1)
        column.getCellByPosition(0, 0).setFormula(formula)
        column.fillAuto(TO_BOTTOM, 1)
        try:
            seconds = self.time_recalc()
            for row in (0, self.rows // 2, self.rows - 1):
                self.check(column.getCellByPosition(0, row), label)
        finally:
            column.clearContents(CLEAR_ALL_CELL_CONTENT)
        return seconds

    def one_call(self, label, formula):
        cell = self.sheet.getCellByPosition(FORMULA_COLUMN, 0)
        cell.setFormula(formula.format(n=self.rows))
        try:
            seconds = self.time_recalc()
            self.check(cell, label)
            return seconds, cell.getValue()
        finally:
            cell.setString("")


def name_of(formula):
    """The saleskpi function a formula calls: =LTV(..) and =SUM(MRR_BRIDGE(..)) alike."""
    body = formula[1:]
    if body.startswith("SUM(") and not body.startswith("SUMPRODUCT"):
        body = body[4:]
    return body[:body.index("(")]


def convert_figures(path):
    """(to_range µs, whole add-in work µs) for 100,000 column cells, from bench_convert's JSON."""
    if not path or not os.path.exists(path):
        return None
    with open(path, encoding="utf-8") as f:
        results = {b["name"]: b for b in json.load(f)["benchmarks"]}

    def us(name):  # the median when run with --benchmark_repetitions
        b = results.get(name + "_median", results.get(name))
        if b is None:
            return None
        scale = {"ns": 1e-3, "us": 1.0, "ms": 1e3, "s": 1e6}[b.get("time_unit", "ns")]
        return b["real_time"] * scale

    return us("BM_to_range_column/100000"), us("BM_weighted_pipeline_addin_work/100000")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=3, help="calculateAll runs per case (median)")
    parser.add_argument("--convert-json", help="bench_convert --benchmark_out JSON, for the to_range share")
    args = parser.parse_args()
    if not os.environ.get("SALESKPI_OXT"):
        sys.exit("set SALESKPI_OXT to the .oxt to measure (e.g. build-bench/saleskpi.oxt)")
    n = args.rows
    started = time.perf_counter()

    with Office() as office:
        calls = catalogue_calls()
        bench = Bench(office, n, args.runs, calls)
        empty = bench.time_recalc(warm_up=False)
        print(f"calc_bench: {n} rows, median of {args.runs} calculateAll() per case "
              f"(calculateAll with data only: {empty * 1e3:.1f} ms)")

        # The range calls first, on a fresh heap: after the per-cell cases have created and
        # freed millions of formula cells, the same call measures up to ~1.5x slower (it is
        # bound by allocating one UNO sequence per row, see docs/performance.md).
        range_results, range_lines = {}, []
        for label, formula, native_formula in RANGE_CALLS:
            if label not in bench.known:
                range_lines.append(f"  (skipped {label}: not in this .oxt)")
                continue
            ours, value = bench.one_call(label, formula)
            our_spread = bench.spread
            theirs, native_value = bench.one_call("native", native_formula)
            if abs(value - native_value) > 1e-9 * max(1.0, abs(native_value)):
                raise RuntimeError(f"{label} gave {value}, the native formula {native_value}")
            range_results[label] = ours
            native_name = native_formula[1:].format(n="n")
            range_lines.append(f"{label:<40} {ours * 1e3:8.2f} {native_name:>30} {theirs * 1e3:8.2f} "
                               f"{ours / theirs:6.0f} {our_spread:7.0%}")

        timed, spreads = {}, {}
        for label, formula, *_ in [NATIVE, BASIC] + calls:
            if label not in (NATIVE[0], BASIC[0]) and name_of(formula) not in bench.known:
                print(f"  (skipped {label}: not in this .oxt)")
                continue
            timed[label] = bench.per_cell(label, formula)
            spreads[label] = bench.spread

        by_name = {name_of(formula): label for label, formula, _ in calls if label in timed}
        native, cheapest = timed[NATIVE[0]], timed[by_name["MRR_TO_ARR"]]
        ltv = timed[by_name["LTV"]]
        print()
        print(f"{'per cell, ' + str(n) + ' rows':<40} {'µs/cell':>8} {'x native':>9} {'x MRR_TO_ARR':>13} {'spread':>7}")
        for label, seconds in timed.items():
            us = seconds / n * 1e6
            print(f"{label:<40} {us:8.2f} {seconds / native:9.1f} {seconds / cheapest:13.2f} "
                  f"{spreads[label]:7.0%}")
        basic = timed[BASIC[0]]
        print()
        print(f"Basic / LTV:                         {basic / ltv:5.1f}x")
        print(f"LTV / native:                        {ltv / native:5.1f}x")
        groups = (("number-only", [c for c in calls if c[2]]), ("range-parameter", [c for c in calls if not c[2]]))
        for group, members in groups:
            measured = {label: timed[label] for label, _, _ in members if label in timed}
            if not measured:
                continue
            worst = max(measured, key=measured.get)
            print(f"slowest {group + ' call':<22} {measured[worst] / n * 1e6:5.2f} µs/cell: "
                  f"{measured[worst] / cheapest:.2f}x MRR_TO_ARR, Basic is {basic / measured[worst]:.1f}x it"
                  f"  ({worst})")
        print()
        print(f"{'one call over ' + str(n) + ' cells':<40} {'ms/call':>8} {'native':>30} {'ms/call':>8} {'ratio':>6} {'spread':>7}")
        print("\n".join(range_lines))

        figures = convert_figures(args.convert_json)
        if figures and "WEIGHTED_PIPELINE" in range_results and n == 100_000:
            to_range_us, addin_us = figures
            call_us = range_results["WEIGHTED_PIPELINE"] * 1e6
            print()
            print(f"WEIGHTED_PIPELINE over 100,000 cells, {call_us / 1e3:.2f} ms in Calc, of which (bench_convert):")
            if to_range_us is not None:
                print(f"  to_range, one 100,000-cell argument: {to_range_us / 1e3:6.2f} ms "
                      f"(x2 arguments = {2 * to_range_us / call_us:5.1%} of the call)")
            if addin_us is not None:
                print(f"  all add-in work (2 x to_range + core): {addin_us / 1e3:6.2f} ms "
                      f"({addin_us / call_us:5.1%} of the call; the rest is Calc building and passing the sequences)")
        bench.doc.close(True)
    print(f"\ncalc_bench total {time.perf_counter() - started:.0f} s")


if __name__ == "__main__":
    main()
