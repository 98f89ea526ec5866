// Subscription revenue (SaaS). MRR is money per month; churn rates are fractions per period.
#pragma once

#include "range.hpp"

namespace saleskpi {

// Σ amount_i / months_i: any billing interval normalised to a month; `months` is one
// value for all amounts or a range of the same shape.
double mrr(const Range& amounts, const Range& months);

double mrr_to_arr(double mrr);  // 12 × mrr
double arr_to_mrr(double arr);  // arr / 12

// Σmrr / customers: average revenue per account.
double arpa(const Range& mrr, double customers);

// lost / (start + new_customers).
double churn_rate(double lost, double start, double new_customers);

// (churned + contraction) / start_mrr.
double gross_mrr_churn(double start_mrr, double churned, double contraction);

// (churned + contraction - expansion - reactivation) / start_mrr; negative is good.
double net_mrr_churn(double start_mrr, double churned, double contraction, double expansion,
                     double reactivation);

// (start_mrr - churned - contraction) / start_mrr: gross revenue retention.
double grr(double start_mrr, double churned, double contraction);

// (start_mrr - churned - contraction + expansion) / start_mrr: net revenue retention.
double nrr(double start_mrr, double churned, double contraction, double expansion);

// (new_mrr + expansion + reactivation) / (churned + contraction).
double quick_ratio(double new_mrr, double expansion, double churned, double contraction,
                   double reactivation);

// 1 - (1 - monthly_churn)^12, and its inverse.
double churn_annual(double monthly_churn);
double churn_monthly(double annual_churn);

// net_new_arr / sales_marketing_spend of the prior period.
double magic_number(double net_new_arr, double sales_marketing_spend);

}  // namespace saleskpi
