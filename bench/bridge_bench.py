#!/usr/bin/python3
"""MRR_BRIDGE in real Calc against the bridge a skilled Calc user builds today, and pandas.

    SALESKPI_OXT=build-bench/saleskpi.oxt PYTHONPATH=tools /usr/bin/python3 bench/bridge_bench.py \
        [--rows 10000 100000] [--runs 3] [--native-budget 5e6]

Per row count, from the same generated rows (bench/bridge_data.py, 24 months of 2023-2024):
1. saleskpi: one `MRR_BRIDGE(A;B;C;D;months)` array formula (24 x 7) over the rows as pasted.
2. native Calc, no saleskpi: a customer x month-end table of
   `SUMIFS(amounts;customers;id;starts;"<="&d) - SUMIFS(amounts;customers;id;ends;"<="&d)`
   (a row is active when start <= d < end, and end >= start), a table of "paid at this or an
   earlier month end" flags (`IF(OR(prev=1;mrr>0);1;0)`), and per month seven `SUM`/
   `SUMPRODUCT` formulas over two consecutive columns. The list of customers is pasted as values
   (Data > More Filters > Standard Filter > No duplications), as a user would.
3. pandas (bench/bridge_pandas.py) on a DataFrame of the rows already in memory.
MRR_BRIDGE's time is the median of --runs timed calculateAll() after one untimed one; the
native bridge's is its first calculateAll() alone (it takes minutes; setting up is noise
there). Only that variant's formulas are in the document when it is timed. The three bridges must agree (else it stops).

The native table costs (customers x 25 x 2) SUMIFS each reading every row, so it grows with
rows squared. Above --native-budget customer-rows (customers x rows) only the first K
customers get SUMIFS formulas (K x rows = budget) and the others hold pandas' values; the
time of the whole table is then estimated as t(values only) + (t(K rows of SUMIFS) -
t(values only)) x customers / K, and printed as "est." (measured in full, 10,000 rows took
minutes; 100,000 rows would take hours). Figures only: nothing here passes or fails on speed.
"""
import argparse
import os
import statistics
import sys
import time

import bridge_data  # bench/ is the script's own folder, first on the path
import bridge_pandas
from bench_sheet import CLEAR_ALL, Sheet, same
from office.driver import Office
from workbook.a1 import column_name

from com.sun.star.sheet.FillDirection import TO_BOTTOM, TO_RIGHT

MONTHS = 24
MONTH_ENDS = MONTHS + 1  # with December 2022, the first month's opening


def rss_mb(pid, field="VmRSS"):
    try:
        with open(f"/proc/{pid}/status") as status:
            for line in status:
                if line.startswith(field + ":"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return float("nan")


def run(office, n, args):
    customers, starts, ends, amounts = bridge_data.generate(n)
    month_ends = bridge_data.month_ends()
    s = Sheet(office, n, args.runs)
    last = n + 1  # rows 2..n+1
    s.block(0, 1, 3, n).setDataArray(tuple(
        (c, st, "" if e is None else e, a) for c, st, e, a in zip(customers, starts, ends, amounts)))
    s.block(5, 1, 5, MONTHS).setDataArray(tuple((m,) for m in bridge_data.month_firsts()))
    result = {"rows": n}

    # 1. saleskpi: one array formula.
    ours_block = s.block(7, 1, 13, MONTHS)
    ours_block.setArrayFormula(f"=MRR_BRIDGE(A2:A{last};B2:B{last};C2:C{last};D2:D{last};F2:F{MONTHS + 1})")
    result["saleskpi"] = s.time_recalc()
    ours = s.values(ours_block)
    ours_block.clearContents(CLEAR_ALL)

    # 3. pandas, from the rows in memory.
    df = bridge_pandas.frame(customers, starts, ends, amounts)
    times = []
    for _ in range(args.runs):
        started = time.perf_counter()
        theirs = bridge_pandas.bridge(df, month_ends)
        times.append(time.perf_counter() - started)
    result["pandas"] = statistics.median(times)
    pandas_rows = theirs[bridge_pandas.COLUMNS].to_numpy().tolist()
    same(ours, pandas_rows, "MRR_BRIDGE against pandas")
    matrix = bridge_pandas.customer_months(df, month_ends)
    result["customers"] = len(matrix)

    if n > args.native_max_rows:
        result["native"] = None
    else:
        result.update(native(s, n, matrix, args))
        same(result.pop("native_bridge"), pandas_rows, "native bridge against pandas")
    result["office_rss_mb"] = rss_mb(office.process.pid)
    s.doc.close(True)
    return result


def native(s, n, matrix, args):
    """The skilled user's bridge; returns its time (or estimate) and its 24 x 7 numbers."""
    last = n + 1
    customers = len(matrix)
    ids = tuple((str(c),) for c in matrix.index)
    k = customers if customers * n <= args.native_budget else max(1, int(args.native_budget // n))
    id_col, table, flags = 15, 16, 16 + MONTH_ENDS + 1  # P, Q.., then the flags
    bridge_col = flags + MONTH_ENDS + 1
    s.block(id_col, 1, id_col, customers).setDataArray(ids)
    s.block(table, 0, table + MONTH_ENDS - 1, 0).setDataArray((tuple(bridge_data.month_ends()),))
    q = column_name(table)
    sumifs = (f"=SUMIFS($D$2:$D${last};$A$2:$A${last};$P2;$B$2:$B${last};\"<=\"&{q}$1)"
              f"-SUMIFS($D$2:$D${last};$A$2:$A${last};$P2;$C$2:$C${last};\"<=\"&{q}$1)")
    values = tuple(tuple(row) for row in matrix.to_numpy().tolist())
    whole_table = s.block(table, 1, table + MONTH_ENDS - 1, customers)
    if k < customers:
        whole_table.setDataArray(values)

    def sumifs_rows():
        s.sheet.getCellByPosition(table, 1).setFormula(sumifs)
        s.block(table, 1, table + MONTH_ENDS - 1, 1).fillAuto(TO_RIGHT, 1)
        s.block(table, 1, table + MONTH_ENDS - 1, k).fillAuto(TO_BOTTOM, 1)

    sumifs_rows()
    # Paid at this or an earlier month end.
    f0 = column_name(flags)
    s.sheet.getCellByPosition(flags, 1).setFormula(f"=IF({q}2>0;1;0)")
    s.sheet.getCellByPosition(flags + 1, 1).setFormula(f"=IF(OR({f0}2=1;{column_name(table + 1)}2>0);1;0)")
    s.block(flags + 1, 1, flags + MONTH_ENDS - 1, 1).fillAuto(TO_RIGHT, 1)
    s.block(flags, 1, flags + MONTH_ENDS - 1, customers).fillAuto(TO_BOTTOM, 1)
    # Seven formulas per month over two consecutive columns.
    end = customers + 1
    formulas = []
    for j in range(MONTHS):
        p = f"{column_name(table + j)}2:{column_name(table + j)}{end}"
        v = f"{column_name(table + j + 1)}2:{column_name(table + j + 1)}{end}"
        e = f"{column_name(flags + j)}2:{column_name(flags + j)}{end}"
        formulas.append((f"=SUM({p})",
                         f"=SUMPRODUCT(({p}=0)*({v}>0)*({e}=0)*{v})",
                         f"=SUMPRODUCT(({p}>0)*({v}>{p})*({v}-{p}))",
                         f"=SUMPRODUCT(({p}=0)*({v}>0)*({e}=1)*{v})",
                         f"=SUMPRODUCT(({v}>0)*({v}<{p})*({p}-{v}))",
                         f"=SUMPRODUCT(({p}>0)*({v}=0)*{p})",
                         f"=SUM({v})"))
    bridge_block = s.block(bridge_col, 1, bridge_col + 6, MONTHS)
    bridge_block.setFormulaArray(tuple(formulas))
    with_sumifs = s.time_recalc(runs=0)  # minutes: one run, its setup a rounding error
    numbers = s.values(bridge_block)
    computed = s.values(s.block(table, 1, table + MONTH_ENDS - 1, k))
    same(computed, values[:k], "native SUMIFS table against pandas' matrix")
    if k == customers:
        return {"native": with_sumifs, "native_bridge": numbers, "native_customers": k}
    s.block(table, 1, table + MONTH_ENDS - 1, k).setDataArray(values[:k])
    without = s.time_recalc(runs=0)
    estimate = without + (with_sumifs - without) * customers / k
    return {"native": estimate, "native_bridge": numbers, "native_customers": k,
            "native_measured": with_sumifs, "native_rest": without}


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--native-budget", type=float, default=5e6,
                        help="customers x rows of SUMIFS measured in full; above it, estimated")
    parser.add_argument("--native-max-rows", type=int, default=100_000,
                        help="no native bridge at all above this many rows")
    args = parser.parse_args()
    if not os.environ.get("SALESKPI_OXT"):
        sys.exit("set SALESKPI_OXT to the .oxt to measure (e.g. build-bench/saleskpi.oxt)")
    started = time.perf_counter()
    print(f"bridge_bench: 24 months, median of {args.runs} calculateAll(); load average "
          f"{open('/proc/loadavg').read().split()[0]} at start")
    results = []
    with Office() as office:
        for n in args.rows:
            results.append(run(office, n, args))
            r = results[-1]
            print(f"  {n} rows, {r['customers']} customers done "
                  f"(office RSS {r['office_rss_mb']:.0f} MB)", flush=True)
    print()
    print(f"{'rows':>9} {'customers':>9} {'MRR_BRIDGE s':>13} {'native Calc s':>15} {'pandas s':>9} "
          f"{'native/MRR_BRIDGE':>18} {'pandas/MRR_BRIDGE':>18}")
    for r in results:
        ours = r["saleskpi"]
        if r["native"] is None:
            native_text, ratio = "not run", "-"
        else:
            capped = r["native_customers"] < r["customers"]
            native_text = f"{'est. ' if capped else ''}{r['native']:.2f}"
            ratio = f"{r['native'] / ours:.0f}x"
        print(f"{r['rows']:>9} {r['customers']:>9} {ours:>13.3f} {native_text:>15} {r['pandas']:>9.3f} "
              f"{ratio:>18} {r['pandas'] / ours:>17.2f}x")
    for r in results:
        if r.get("native_customers", r["customers"]) < r["customers"]:
            print(f"  {r['rows']} rows: SUMIFS for {r['native_customers']} of {r['customers']} customers "
                  f"measured {r['native_measured']:.2f} s, the rest of the sheet {r['native_rest']:.2f} s; "
                  f"the whole table estimated from them")
        if r["native"] is None:
            print(f"  {r['rows']} rows: native bridge not run (above --native-max-rows)")
    print("  the three bridges agree to 1e-6 wherever run (checked)")
    print(f"\nbridge_bench total {time.perf_counter() - started:.0f} s")


if __name__ == "__main__":
    main()
