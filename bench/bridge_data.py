"""Subscription rows for the MRR_BRIDGE benchmark, generated reproducibly (never stored).

About three rows per customer: a customer starts on a random day of 2023-2024 on one of six
plans, then changes plan (upgrade, downgrade or the same) up to four times; now and then it
leaves for 30-200 days and comes back (churn, reactivation); the last period is open half of
the time. Dates are Calc serial numbers (null date 1899-12-30), amounts whole currency units.
bench/bridge_core.cpp generates the same shape in C++.
"""
import datetime
import random

NULL_DATE = datetime.date(1899, 12, 30)
PLANS = (19.0, 29.0, 49.0, 99.0, 199.0, 499.0)
SEED = 20240101


def serial(year, month, day):
    return float((datetime.date(year, month, day) - NULL_DATE).days)


FIRST, LAST = serial(2023, 1, 1), serial(2024, 12, 31)


def month_firsts():
    """The 24 months of the bridge, January 2023 to December 2024, as their first days."""
    return [serial(2023 + m // 12, m % 12 + 1, 1) for m in range(24)]


def month_ends():
    """25 month ends: December 2022 (the first month's opening) to December 2024."""
    ends = []
    for m in range(-1, 24):
        year, month = 2023 + m // 12, m % 12 + 1
        nxt = datetime.date(year + month // 12, month % 12 + 1, 1)
        ends.append(float((nxt - datetime.timedelta(days=1) - NULL_DATE).days))
    return ends


def generate(rows, seed=SEED):
    """(customers, starts, ends, amounts): lists of `rows` values; an open end is None."""
    rng = random.Random(seed)
    customers, starts, ends, amounts = [], [], [], []
    customer = 0
    while len(starts) < rows:
        cid = f"C{customer:07d}"
        customer += 1
        day = FIRST + rng.randint(0, int(LAST - FIRST) - 30)
        plan = rng.randint(0, 5)
        for period in range(rng.randint(1, 5), 0, -1):
            if len(starts) >= rows:
                break
            end = day + rng.randint(20, 400)
            is_open = period == 1 and rng.random() < 0.5
            customers.append(cid)
            starts.append(day)
            ends.append(None if is_open else end)
            amounts.append(PLANS[plan])
            plan = min(5, max(0, plan + rng.randint(-1, 1)))
            day = end + rng.randint(30, 200) if rng.randint(0, 3) == 0 else end
            if day > LAST:
                break
    return customers, starts, ends, amounts
