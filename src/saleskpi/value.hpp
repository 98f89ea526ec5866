// Customer value and acquisition cost. Money in any currency; churn and margins are
// fractions per period, lifetimes are in the same periods.
#pragma once

#include <optional>

#include "range.hpp"

namespace saleskpi {

// price × purchases_per_year × years: transactional lifetime value.
double ltv(double price, double purchases_per_year, double years);

// arpa × gross_margin × lifetime, lifetime = 1/churn capped at max_periods when given.
double ltv_churn(double arpa, double churn, double gross_margin, std::optional<double> max_periods);

// arpa × gross_margin / (churn + discount_rate).
double ltv_discounted(double arpa, double churn, double discount_rate, double gross_margin);

// Σcost / new_customers.
double cac(const Range& cost, double new_customers);

// ltv / ratio: the most a customer may cost to acquire.
double cac_max(double ltv, double ratio);

// ltv / cac.
double ltv_cac(double ltv, double cac);

// cac / (arpa × gross_margin): periods to earn back the acquisition cost.
double cac_payback(double cac, double arpa, double gross_margin);

// 1 / churn: expected lifetime in periods.
double customer_lifetime(double churn);

}  // namespace saleskpi
