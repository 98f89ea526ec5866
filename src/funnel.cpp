#include "saleskpi/funnel.hpp"

#include <cstddef>
#include <utility>
#include <vector>

#include "checks.hpp"
#include "saleskpi/rounding.hpp"

namespace saleskpi {

namespace {

// Stage rates top first; a funnel is a sequence, so a 2-D block has no order.
std::vector<double> stage_rates(const Range& rates) {
    if (!rates.is_line())
        fail("rates", "must be one row or one column");
    std::vector<double> result = values("rates", rates, positive_fraction);
    if (result.empty())
        fail("rates", "has no value");
    return result;
}

// needs[i] is what stage i must produce; needs.back() is the target itself.
std::vector<double> stage_needs(double target, const std::vector<double>& rates, FunnelRounding rounding) {
    std::vector<double> needs(rates.size() + 1, 0.0);
    needs.back() = non_negative("target", target);
    if (target == 0.0)
        return needs;  // nothing wanted needs no activity, however small Π rates gets
    // Π rates[i..], so stage i's exact need is target / Π; Wide, so that a product too small
    // for a double (1E-300 × 1E-300) still divides to the exact need when that fits.
    Wide conversion_from_here = 1.0;
    for (std::size_t i = rates.size(); i-- > 0;) {
        conversion_from_here *= rates[i];
        const double exact = static_cast<double>(target / conversion_from_here);
        switch (rounding) {
            case FunnelRounding::exact: needs[i] = exact; break;
            case FunnelRounding::overall: needs[i] = approx_ceil(exact); break;
            case FunnelRounding::per_stage: needs[i] = approx_ceil(needs[i + 1] / rates[i]); break;
        }
    }
    return needs;
}

}  // namespace

FunnelRounding funnel_rounding(double mode) {
    if (mode == 0.0) return FunnelRounding::exact;
    if (mode == 1.0) return FunnelRounding::overall;
    if (mode == 2.0) return FunnelRounding::per_stage;
    fail("mode", mode, "must be 0, 1 or 2");
}

double conversion(const Range& outcomes, const Range& attempts) {
    return ratio_of_sums("outcomes", outcomes, "attempts", attempts);
}

double activity_rate(const Range& activities, const Range& hours) {
    return ratio_of_sums("activities", activities, "hours", hours);
}

double funnel_rate(const Range& rates) {
    Wide product = 1.0;
    for (double rate : stage_rates(rates))
        product *= rate;
    return static_cast<double>(product);
}

double funnel_needed(double target, const Range& rates, FunnelRounding rounding) {
    const std::vector<double> stages = stage_rates(rates);
    if (rounding == FunnelRounding::per_stage)
        return stage_needs(target, stages, rounding).front();
    // Only the top stage is asked for: round it alone (rounding costs more than the math).
    const double exact = stage_needs(target, stages, FunnelRounding::exact).front();
    return rounding == FunnelRounding::overall ? approx_ceil(exact) : exact;
}

Range funnel_plan(double target, const Range& rates, FunnelRounding rounding) {
    std::vector<double> needs = stage_needs(target, stage_rates(rates), rounding);
    return rates.is_row() ? Range::row(std::move(needs)) : Range::column(std::move(needs));
}

}  // namespace saleskpi
