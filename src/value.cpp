#include "saleskpi/value.hpp"

#include <algorithm>

#include "checks.hpp"

namespace saleskpi {

double ltv(double price, double purchases_per_year, double years) {
    return static_cast<double>(Wide{non_negative("price", price)} *
                               non_negative("purchases_per_year", purchases_per_year) *
                               non_negative("years", years));
}

// Zero churn means an endless lifetime: valid only when the user caps it.
double ltv_churn(double arpa, double churn, double gross_margin, std::optional<double> max_periods) {
    non_negative("arpa", arpa);
    fraction("churn", churn);
    fraction("gross_margin", gross_margin);
    if (max_periods)
        positive("max_periods", *max_periods);
    Wide lifetime;
    if (churn == 0.0) {
        if (!max_periods)
            fail("churn", churn, "gives an endless lifetime: give max_periods to cap it");
        lifetime = *max_periods;
    } else {
        lifetime = Wide{1.0} / churn;
        if (max_periods)
            lifetime = std::min(lifetime, Wide{*max_periods});
    }
    return static_cast<double>(Wide{arpa} * gross_margin * lifetime);
}

double ltv_discounted(double arpa, double churn, double discount_rate, double gross_margin) {
    non_negative("arpa", arpa);
    fraction("churn", churn);
    non_negative("discount_rate", discount_rate);
    fraction("gross_margin", gross_margin);
    const Wide decay = positive_total("churn + discount_rate", Wide{churn} + discount_rate);
    return static_cast<double>(Wide{arpa} * gross_margin / decay);
}

double cac(const Range& cost, double new_customers) {
    return static_cast<double>(sum("cost", cost, non_negative) /
                               positive("new_customers", new_customers));
}

double cac_max(double ltv, double ratio) {
    return non_negative("ltv", ltv) / positive("ratio", ratio);
}

double ltv_cac(double ltv, double cac) {
    return non_negative("ltv", ltv) / positive("cac", cac);
}

double cac_payback(double cac, double arpa, double gross_margin) {
    const Wide margin_per_period = Wide{positive("arpa", arpa)} *
                                   positive_fraction("gross_margin", gross_margin);
    return static_cast<double>(non_negative("cac", cac) / margin_per_period);
}

double customer_lifetime(double churn) {
    return 1.0 / positive_fraction("churn", churn);
}

}  // namespace saleskpi
