#!/usr/bin/python3
"""The MRR bridge of docs/rules.md in pandas, as a data analyst would write it: a customer x
month-end MRR matrix (one boolean mask per month end, one groupby), then the five movements
as vectorised comparisons of consecutive columns.

    /usr/bin/python3 bench/bridge_pandas.py --rows 100000

Needs Debian's python3-pandas. bridge_bench.py times `bridge()` on the same rows as Calc.
"""
import argparse
import os
import sys
import time

import numpy as np
import pandas as pd

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path[:0] = [HERE, os.path.join(HERE, "..", "tools")]
import bridge_data  # noqa: E402
from catalogue.model import load_source, result_columns  # noqa: E402

COLUMNS = result_columns(load_source(), "MRR_BRIDGE")  # MRR_BRIDGE's columns, in its order


def frame(customers, starts, ends, amounts):
    return pd.DataFrame({"customer": customers, "start": starts,
                         "end": [np.nan if e is None else e for e in ends], "amount": amounts})


def customer_months(df, ends):
    """MRR of each customer at each month end (columns), rows active when start <= d < end."""
    d = np.asarray(ends)
    start = df["start"].to_numpy()[:, None]
    end = df["end"].to_numpy()[:, None]
    active = (start <= d) & ~(end <= d)  # an open end (NaN) never compares true
    mrr = pd.DataFrame(active * df["amount"].to_numpy()[:, None])
    return mrr.groupby(df["customer"].to_numpy()).sum().round(6)  # round: float noise is no movement


def bridge(df, ends):
    """A len(ends)-1 x 7 DataFrame: the bridge of each month after the first month end."""
    m = customer_months(df, ends).to_numpy()
    p, v = m[:, :-1], m[:, 1:]
    paid_before = np.cumsum(m > 0, axis=1)[:, :-1] > 0  # MRR at this or an earlier month end
    back = (p == 0) & (v > 0)
    return pd.DataFrame({  # in the order of MRR_BRIDGE's columns
        "opening": p.sum(axis=0),
        "new": np.where(back & ~paid_before, v, 0).sum(axis=0),
        "expansion": np.where((p > 0) & (v > p), v - p, 0).sum(axis=0),
        "reactivation": np.where(back & paid_before, v, 0).sum(axis=0),
        "contraction": np.where((v > 0) & (v < p), p - v, 0).sum(axis=0),
        "churned": np.where((p > 0) & (v == 0), p, 0).sum(axis=0),
        "closing": v.sum(axis=0),
    })[COLUMNS]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=100_000)
    args = parser.parse_args()
    df = frame(*bridge_data.generate(args.rows))
    started = time.perf_counter()
    result = bridge(df, bridge_data.month_ends())
    print(f"pandas bridge of {args.rows} rows: {(time.perf_counter() - started) * 1e3:.1f} ms")
    print(result.to_string())


if __name__ == "__main__":
    main()
