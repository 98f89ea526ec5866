"""The team KPI workbook, sheet by sheet: tools/workbook/generate.py puts them together.

common.py    colours, cell styles, row helpers (title, section, headers) and flags
data.py      the example's generated rows (deals, subscriptions, weekly activity)
rows.py      the data sheets: Deals and Subscriptions (pasted exports, 5,000 rows each)
activity.py  the weekly calls and hours per seller
sellers.py   the per-seller KPIs from the deal rows and the activity
economics.py LTV, CAC and the 1/3 rule
mrr.py       the MRR bridge, churn, retention and cohorts from the subscription rows
dashboard.py tiles, the sellers' table and the charts
"""
