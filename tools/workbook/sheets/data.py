"""The example's data, generated (deterministic seeds): what a CRM and a billing system of
a small Benelux SaaS company would export after the first half of 2025.

- Deals: five sellers, 26 weeks (Q1 and Q2 2025). Each seller has a weekly rhythm of calls,
  a share of calls that becomes a qualified deal, a chance to pass each stage, a deal size
  and a pace; deals still moving at the end of June stay open at the stage they reached.
- Subscriptions: 18 months (January 2024 to June 2025): customers from before 2024, new
  ones each month (in 2025 exactly the deals the team won, at a twelfth of the deal's
  first-year value a month), upgrades, downgrades, cancellations (a wave after the price
  change of October 2024) and a few who come back.
- Activity: the calls and hours each seller logged per week.

The story a manager should recognise: Anouk wins (high conversion, on quota), Bram works
hardest and converts worst (coaching, not more calls), Chris sells big deals slowly, Daan
converts well but makes too few calls, Eva joined in February and is ramping up, and
next quarter's pipeline is thin for everyone but Chris. (The quotas are round numbers
picked for that story.) Churn jumped after
the price change, expansion kept net retention near 100 %.
"""
import math
import random
from datetime import date, timedelta

TEAM = "Inside Sales Benelux"
PERIOD_START = date(2025, 1, 6)   # Monday of ISO week 2
WEEKS = 26
CUTOFF = date(2025, 6, 30)        # the day of the export
# Days off in a week (week index from PERIOD_START): Easter Monday, 5 May, Ascension (+ Friday), Whit Monday
HOLIDAYS = {15: 1, 17: 1, 20: 2, 22: 1}

STAGES = ["Qualified", "Demo", "Proposal", "Negotiation", "Won"]
OPEN_PROBABILITY = {"Qualified": 0.1, "Demo": 0.25, "Proposal": 0.5, "Negotiation": 0.75}
STATUS = {"won": "Won", "lost": "Lost", "open": "Open"}
# What a CRM set up in Dutch writes instead: the Dutch example's rows use these words.
DUTCH_WORDS = {"Qualified": "Gekwalificeerd", "Demo": "Demo", "Proposal": "Offerte",
               "Negotiation": "Onderhandeling", "Won": "Gewonnen", "Lost": "Verloren", "Open": "Open"}


def crm_word(word, language):
    return DUTCH_WORDS[word] if language == "nl" else word


def crm_words(language):
    """The stage names (top first) and the status words of a CRM in `language`."""
    return ([crm_word(stage, language) for stage in STAGES],
            {key: crm_word(word, language) for key, word in STATUS.items()})


class Seller:
    """How one seller works: calls a week, calls per hour, deals per call, the chance to
    pass each stage (qualified -> demo -> proposal -> negotiation -> won), deal size (EUR,
    first-year value), days per stage, quota of the half year and of next quarter."""

    def __init__(self, name, calls, per_hour, deal_rate, passes, size, days, quota, quota_next, first_week=0):
        self.name, self.calls, self.per_hour, self.deal_rate = name, calls, per_hour, deal_rate
        self.passes, self.size, self.days = passes, size, days
        self.quota, self.quota_next, self.first_week = quota, quota_next, first_week


SELLERS = [
    Seller("Anouk de Vries", 95, 3.6, 0.026, (0.86, 0.76, 0.80, 0.72), 9400, 9, 165000, 85000),
    Seller("Bram Jansen", 135, 4.4, 0.022, (0.76, 0.48, 0.70, 0.60), 8200, 10, 105000, 70000),
    Seller("Chris Bakker", 80, 3.0, 0.024, (0.82, 0.72, 0.75, 0.66), 15800, 17, 125000, 50000),
    Seller("Daan Visser", 58, 3.2, 0.028, (0.84, 0.74, 0.78, 0.70), 8800, 10, 155000, 80000),
    Seller("Eva Smit", 90, 3.4, 0.024, (0.80, 0.66, 0.72, 0.62), 8600, 10, 55000, 45000, first_week=5),
]


def lognormal(rng, mean, spread):
    return mean * math.exp(rng.gauss(0, spread) - spread * spread / 2)


def example_deals_and_activity(seed=7):
    """([deal rows], [week rows]): a deal row is [owner, stage reached, status, amount,
    probability, created, closed or None]; a week row is [monday, calls and hours per seller]."""
    rng = random.Random(seed)
    deals, weeks = [], []
    for week in range(WEEKS):
        monday = PERIOD_START + timedelta(weeks=week)
        row = [monday]
        for seller in SELLERS:
            if week < seller.first_week:
                row += [None, None]
                continue
            ramp = min(1.0, 0.55 + 0.09 * (week - seller.first_week)) if seller.first_week else 1.0
            days = 5 - HOLIDAYS.get(week, 0)
            calls = round(seller.calls * ramp * days / 5 * rng.uniform(0.85, 1.15))
            hours = round(calls / seller.per_hour * rng.uniform(0.92, 1.08))
            row += [calls, hours]
            for _ in range(calls):
                if rng.random() < seller.deal_rate:
                    deals.append(one_deal(rng, seller, monday + timedelta(days=rng.randrange(days))))
        weeks.append(row)
    deals.sort(key=lambda deal: (deal[5], deal[0]))
    return deals, weeks


def one_deal(rng, seller, created):
    stage, elapsed = 0, 0
    while stage < len(STAGES) - 1:
        step = max(1, round(lognormal(rng, seller.days, 0.5)))
        if created + timedelta(days=elapsed + step) > CUTOFF:  # still in this stage at the export
            name = STAGES[stage]
            return [seller.name, name, STATUS["open"], amount(rng, seller), OPEN_PROBABILITY[name], created, None]
        elapsed += step
        if rng.random() >= seller.passes[stage]:
            return [seller.name, STAGES[stage], STATUS["lost"], amount(rng, seller), 0, created,
                    created + timedelta(days=elapsed)]
        stage += 1
    return [seller.name, STAGES[-1], STATUS["won"], amount(rng, seller), 1, created, created + timedelta(days=elapsed)]


def amount(rng, seller):
    return round(lognormal(rng, seller.size, 0.35), -2)


# ---------------------------------------------------------------------- subscriptions
FIRST_MONTH = date(2024, 1, 1)
MONTHS = 18
PLANS = [(250, 3), (500, 4), (750, 3), (1000, 2), (1500, 1)]   # MRR (EUR), weight
PRICE_CHANGE = date(2024, 10, 1)


def month_start(index):
    year, month = divmod(FIRST_MONTH.month - 1 + index, 12)
    return date(FIRST_MONTH.year + year, month + 1, 1)


def plan(rng):
    return rng.choices([mrr for mrr, _ in PLANS], [weight for _, weight in PLANS])[0]


def example_subscriptions(won_deals, seed=18):
    """Rows [customer, start, end or None, MRR]: one per period at one price."""
    rng = random.Random(seed)
    rows, active, churned, number = [], {}, [], 1000

    def open_row(customer, start, mrr):
        active[customer] = [customer, start, None, mrr]
        rows.append(active[customer])

    for _ in range(95):  # customers from before 2024
        number += 1
        open_row(f"C-{number}", date(2021, 6, 1) + timedelta(days=rng.randrange(940)), plan(rng))
    wins = sorted((deal[6], deal[3]) for deal in won_deals)
    for index in range(MONTHS):
        first = month_start(index)
        last = month_start(index + 1) - timedelta(days=1)
        day = lambda: first + timedelta(days=rng.randrange((last - first).days + 1))
        for customer in sorted(active):
            row = active[customer]
            if row[1] >= first:
                continue
            churn = 0.04 if first in (PRICE_CHANGE, month_start(10)) else 0.011
            draw = rng.random()
            if draw < churn:
                row[2] = day()
                del active[customer]
                churned.append(customer)
            elif draw < churn + 0.026:   # upgrade: more seats or a bigger plan
                when = day()
                row[2] = when
                open_row(customer, when, round(row[3] * rng.uniform(1.25, 1.7), -1))
            elif draw < churn + 0.036:   # downgrade
                when = day()
                row[2] = when
                open_row(customer, when, round(row[3] * rng.uniform(0.55, 0.8), -1))
        for customer in list(churned):   # a few come back a few months later
            if rng.random() < 0.03:
                churned.remove(customer)
                open_row(customer, day(), plan(rng))
        if first.year == 2024:
            new = [(None, plan(rng)) for _ in range(rng.randint(6, 10))]
        else:  # 2025: the deals the team won this month, and a few small sign-ups online
            new = [(closed, round(value / 12)) for closed, value in wins
                   if first <= closed <= last] + [(None, 250) for _ in range(rng.randint(2, 4))]
        for closed, mrr in new:
            number += 1
            open_row(f"C-{number}", closed or day(), mrr)
    rows.sort(key=lambda row: (row[1], row[0]))
    return rows


# ---------------------------------------------------------------------- the workbook's data
COST_LINES = [(("Sales salaries and commission", "Salarissen en provisie sales"), 248000),
              (("Marketing team", "Marketingteam"), 92000),
              (("Advertising and campaigns", "Advertenties en campagnes"), 61000),
              (("Events and trade shows", "Evenementen en beurzen"), 27500),
              (("Tools and data (CRM)", "Tools en data (CRM)"), 14600),
              (("Other (travel, training)", "Overig (reizen, training)"), 9400)]


def example_data(language="en"):
    deals, weeks = example_deals_and_activity()
    won = [deal for deal in deals if deal[2] == STATUS["won"]]
    stages, status_words = crm_words(language)
    deals = [[owner, crm_word(stage, language), crm_word(status, language), *rest]
             for owner, stage, status, *rest in deals]
    return {
        "team": TEAM,
        "sellers": [s.name for s in SELLERS],
        "quota": [s.quota for s in SELLERS],
        "quota_next": [s.quota_next for s in SELLERS],
        "weeks": weeks,
        "deals": deals,
        "subscriptions": example_subscriptions(won),
        "stages": stages,
        "status_words": status_words,
        "costs": [value for _, value in COST_LINES],
        "assumptions": {"purchases_per_year": 1, "years": 3.5, "gross_margin": 0.8, "churn_target": 0.15},
    }


def template_data(language="en"):
    """No data: placeholders for the sellers, the example's stage names and status words
    (the user types their CRM's own) and the assumptions a team rarely changes."""
    stages, status_words = crm_words(language)
    return {
        "team": None,
        "sellers": [None] * len(SELLERS),
        "quota": None, "quota_next": None,
        "weeks": None, "deals": None, "subscriptions": None,
        "stages": stages,
        "status_words": status_words,
        "costs": None,
        "assumptions": {"purchases_per_year": 1, "years": None, "gross_margin": None, "churn_target": None},
    }
