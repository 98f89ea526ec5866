#include "saleskpi/subscription.hpp"

#include <cmath>
#include <cstddef>

#include "checks.hpp"

namespace saleskpi {

namespace {

// MRR lost from the customers present at the start: at most what there was.
void check_losses(double start_mrr, double churned, double contraction) {
    positive("start_mrr", start_mrr);
    non_negative("churned", churned);
    non_negative("contraction", contraction);
    if (Wide{churned} + contraction > start_mrr)
        fail("churned + contraction", static_cast<double>(Wide{churned} + contraction),
             "must be <= start_mrr");
}

}  // namespace

// `months` is one value for every amount (a 1×1 range) or a range shaped like `amounts`.
double mrr(const Range& amounts, const Range& months) {
    const bool one_interval = months.is_single();
    if (!one_interval &&
        !months.same_shape(amounts))
        fail("months", "must be one value or have the same shape as amounts");
    for (const auto& cell : months)
        if (cell)
            positive("months", *cell);
    Wide total;
    bool any = false;
    for (std::size_t i = 0; i < amounts.size(); ++i) {
        const auto& amount = amounts[i];
        if (!amount)
            continue;
        non_negative("amounts", *amount);
        const auto& interval = months[one_interval ? 0 : i];
        if (!interval)
            fail("months", "is blank next to an amount");
        total += Wide{*amount} / *interval;
        any = true;
    }
    if (!any)
        fail("amounts", "has no value");
    return static_cast<double>(total);
}

double mrr_to_arr(double mrr) { return 12.0 * finite("mrr", mrr); }

double arr_to_mrr(double arr) { return finite("arr", arr) / 12.0; }

double arpa(const Range& mrr, double customers) {
    return static_cast<double>(sum("mrr", mrr, non_negative) / positive("customers", customers));
}

double churn_rate(double lost, double start, double new_customers) {
    non_negative("lost", lost);
    non_negative("start", start);
    non_negative("new_customers", new_customers);
    const Wide customers = positive_total("start + new_customers", Wide{start} + new_customers);
    if (lost > customers)
        fail("lost", lost, "must be <= start + new_customers");
    return static_cast<double>(lost / customers);
}

double gross_mrr_churn(double start_mrr, double churned, double contraction) {
    check_losses(start_mrr, churned, contraction);
    return static_cast<double>((Wide{churned} + contraction) / start_mrr);
}

double net_mrr_churn(double start_mrr, double churned, double contraction, double expansion,
                     double reactivation) {
    check_losses(start_mrr, churned, contraction);
    non_negative("expansion", expansion);
    non_negative("reactivation", reactivation);
    return static_cast<double>((Wide{churned} + contraction - expansion - reactivation) / start_mrr);
}

double grr(double start_mrr, double churned, double contraction) {
    check_losses(start_mrr, churned, contraction);
    return static_cast<double>((Wide{start_mrr} - churned - contraction) / start_mrr);
}

double nrr(double start_mrr, double churned, double contraction, double expansion) {
    check_losses(start_mrr, churned, contraction);
    non_negative("expansion", expansion);
    return static_cast<double>((Wide{start_mrr} - churned - contraction + expansion) / start_mrr);
}

double quick_ratio(double new_mrr, double expansion, double churned, double contraction,
                   double reactivation) {
    non_negative("new_mrr", new_mrr);
    non_negative("expansion", expansion);
    non_negative("churned", churned);
    non_negative("contraction", contraction);
    non_negative("reactivation", reactivation);
    const Wide losses = Wide{churned} + contraction;
    if (!(losses > 0.0))
        fail("churned + contraction", static_cast<double>(losses),
             "must be > 0 (no MRR lost: the ratio is undefined)");
    return static_cast<double>((Wide{new_mrr} + expansion + reactivation) / losses);
}

// Compounding through log1p/expm1 keeps small churn rates accurate; total churn stays total.
double churn_annual(double monthly_churn) {
    if (fraction("monthly_churn", monthly_churn) == 1.0)
        return 1.0;
    return 0.0 - std::expm1(12.0 * std::log1p(-monthly_churn));
}

double churn_monthly(double annual_churn) {
    if (fraction("annual_churn", annual_churn) == 1.0)
        return 1.0;
    return 0.0 - std::expm1(std::log1p(-annual_churn) / 12.0);
}

double magic_number(double net_new_arr, double sales_marketing_spend) {
    return finite("net_new_arr", net_new_arr) /
           positive("sales_marketing_spend", sales_marketing_spend);
}

}  // namespace saleskpi
