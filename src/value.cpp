#include "saleskpi/value.hpp"

#include <algorithm>

#include "saleskpi/errors.hpp"

namespace saleskpi {

double ltv(double price, double purchases_per_year, double years) {
    return non_negative("price", price) * non_negative("purchases_per_year", purchases_per_year) *
           non_negative("years", years);
}

// Zero churn means an endless lifetime: valid only when the user caps it.
double ltv_churn(double arpa, double churn, double gross_margin, std::optional<double> max_periods) {
    non_negative("arpa", arpa);
    fraction("churn", churn);
    fraction("gross_margin", gross_margin);
    if (max_periods)
        positive("max_periods", *max_periods);
    double lifetime = 0.0;
    if (churn == 0.0) {
        if (!max_periods)
            fail("churn", churn, "gives an endless lifetime: give max_periods to cap it");
        lifetime = *max_periods;
    } else {
        lifetime = 1.0 / churn;
        if (max_periods)
            lifetime = std::min(lifetime, *max_periods);
    }
    return arpa * gross_margin * lifetime;
}

double ltv_discounted(double arpa, double churn, double discount_rate, double gross_margin) {
    non_negative("arpa", arpa);
    fraction("churn", churn);
    non_negative("discount_rate", discount_rate);
    fraction("gross_margin", gross_margin);
    const double decay = churn + discount_rate;
    if (!(decay > 0.0))
        fail("churn + discount_rate", decay, "must be > 0");
    return arpa * gross_margin / decay;
}

double cac(const Range& cost, double new_customers) {
    const double total_cost = sum("cost", cost, non_negative);
    return total_cost / positive("new_customers", new_customers);
}

double cac_max(double ltv, double ratio) {
    return non_negative("ltv", ltv) / positive("ratio", ratio);
}

double ltv_cac(double ltv, double cac) {
    return non_negative("ltv", ltv) / positive("cac", cac);
}

double cac_payback(double cac, double arpa, double gross_margin) {
    return non_negative("cac", cac) /
           (positive("arpa", arpa) * positive_fraction("gross_margin", gross_margin));
}

double customer_lifetime(double churn) {
    return 1.0 / positive_fraction("churn", churn);
}

}  // namespace saleskpi
