#!/usr/bin/python3
"""What criteria cost per row in real Calc: a windowed MRR_BRIDGE against the same call without
criteria (issue 17).

    SALESKPI_OXT=build-bench/saleskpi.oxt PYTHONPATH=tools /usr/bin/python3 bench/criteria_bench.py \
        [--rows 100000] [--runs 3]

The rows of bench/bridge_data.py (24 months of 2023-2024) with one more column, each customer's
region (text). One `MRR_BRIDGE(A;B;C;D;months)` array formula (24 x 7), then the same call with
two date pairs and one text pair, as a user windows it:

    MRR_BRIDGE(A;B;C;D;months; B;">="&DATE(2024;1;1); B;"<"&DATE(2025;1;1); E;"Benelux")

and once more with a wildcard text pair (E;"Bene*": LibreOffice's TextSearch2 per distinct
text). Each time is the median of --runs timed calculateAll() after one untimed one, only that
formula in the document. Prints the times, the ratio to the call without criteria and the
criteria's cost per row ((windowed - plain) / rows). Each windowed bridge must equal
MRR_BRIDGE without criteria over the rows the pairs select (filtered here in Python and
pasted beside the others), else it stops: a build that does not apply the criteria has no
figure to give. Figures only: nothing here passes or fails on speed.
"""
import argparse
import os
import sys
import time

import bridge_data  # bench/ is the script's own folder, first on the path
from bench_sheet import CLEAR_ALL, Sheet, same
from office.driver import Office

MONTHS = 24
REGIONS = ("Benelux", "DACH", "Nordics", "UK", "France")
WINDOW = (bridge_data.serial(2024, 1, 1), bridge_data.serial(2025, 1, 1))
CRITERIA = {  # label: (pairs as the formula writes them, the rows they select)
    "two date pairs, one text pair": (
        ';B2:B{last};">="&DATE(2024;1;1);B2:B{last};"<"&DATE(2025;1;1);E2:E{last};"Benelux"',
        lambda start, region: WINDOW[0] <= start < WINDOW[1] and region == "Benelux"),
    "two date pairs, one wildcard pair": (
        ';B2:B{last};">="&DATE(2024;1;1);B2:B{last};"<"&DATE(2025;1;1);E2:E{last};"Bene*"',
        lambda start, region: WINDOW[0] <= start < WINDOW[1] and region.startswith("Bene")),
}


def region_of(customer):
    return REGIONS[int(customer[1:]) % len(REGIONS)]


def bridge(s, formula):
    """(median seconds of calculateAll, the 24 x 7 numbers) of one MRR_BRIDGE array formula."""
    block = s.block(7, 1, 13, MONTHS)
    block.setArrayFormula(formula)
    try:
        return s.time_recalc(), s.values(block)
    finally:
        block.clearContents(CLEAR_ALL)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    if not os.environ.get("SALESKPI_OXT"):
        sys.exit("set SALESKPI_OXT to the .oxt to measure (e.g. build-bench/saleskpi.oxt)")
    started = time.perf_counter()
    n, last = args.rows, args.rows + 1  # rows 2..n+1
    customers, starts, ends, amounts = bridge_data.generate(n)
    regions = [region_of(c) for c in customers]
    rows = list(zip(customers, starts, ends, amounts, regions))
    print(f"criteria_bench: {n} rows, 24 months, median of {args.runs} calculateAll(); load average "
          f"{open('/proc/loadavg').read().split()[0]} at start")
    with Office() as office:
        s = Sheet(office, n, args.runs)
        s.block(0, 1, 4, n).setDataArray(tuple((c, st, "" if e is None else e, a, r) for c, st, e, a, r in rows))
        s.block(5, 1, 5, MONTHS).setDataArray(tuple((m,) for m in bridge_data.month_firsts()))
        call = f"=MRR_BRIDGE(A2:A{last};B2:B{last};C2:C{last};D2:D{last};F2:F{MONTHS + 1}{{pairs}})"
        plain, _ = bridge(s, call.format(pairs=""))
        lines = [f"{'MRR_BRIDGE over ' + str(n) + ' rows':<40} {'rows kept':>9} {'ms':>9} {'x plain':>8} "
                 f"{'criteria ns/row':>16}",
                 f"{'without criteria':<40} {n:>9} {plain * 1e3:9.1f} {1:8.2f} {'':>16}"]
        for label, (pairs, keeps) in CRITERIA.items():
            windowed, numbers = bridge(s, call.format(pairs=pairs.format(last=last)))
            kept = [r for r in rows if keeps(r[1], r[4])]
            # The reference: the same bridge without criteria over the kept rows, pasted in P..S.
            s.block(15, 1, 18, len(kept)).setDataArray(tuple((c, st, "" if e is None else e, a)
                                                             for c, st, e, a, _ in kept))
            _, expected = bridge(s, f"=MRR_BRIDGE(P2:P{len(kept) + 1};Q2:Q{len(kept) + 1};R2:R{len(kept) + 1};"
                                   f"S2:S{len(kept) + 1};F2:F{MONTHS + 1})")
            s.block(15, 1, 18, len(kept)).clearContents(CLEAR_ALL)
            same(numbers, expected, f"{label}: no figure, the windowed MRR_BRIDGE is not the bridge of the "
                                    f"{len(kept)} rows its criteria select (criteria not applied as COUNTIFS does)")
            lines.append(f"{label:<40} {len(kept):>9} {windowed * 1e3:9.1f} {windowed / plain:8.2f} "
                         f"{(windowed - plain) / n * 1e9:16.0f}")
        s.doc.close(True)
    print("\n".join(lines))
    print(f"\ncriteria_bench total {time.perf_counter() - started:.0f} s")


if __name__ == "__main__":
    main()
