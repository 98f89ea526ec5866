#include "saleskpi/pipeline.hpp"

#include <algorithm>
#include <cstddef>

#include "checks.hpp"

namespace saleskpi {

double win_rate(const Range& won, const Range& lost, const Range& ties) {
    const Wide total_won = sum("won", won, non_negative);
    const Wide total_lost = sum("lost", lost, non_negative);
    const Wide total_ties = sum("ties", ties, non_negative);
    const Wide closed = positive_total("won + lost + ties", total_won + total_lost + total_ties);
    return static_cast<double>((total_won + total_ties / 2.0) / closed);
}

double sales_velocity(double opportunities, double avg_deal, double win_rate, double cycle_length) {
    const Wide revenue = Wide{non_negative("opportunities", opportunities)} *
                         non_negative("avg_deal", avg_deal) * fraction("win_rate", win_rate);
    return static_cast<double>(revenue / positive("cycle_length", cycle_length));
}

double pipeline_coverage(const Range& pipeline, const Range& quota) {
    return ratio_of_sums("pipeline", pipeline, "quota", quota);
}

double required_coverage(double win_rate) {
    return 1.0 / positive_fraction("win_rate", win_rate);
}

// Pairs by position: a deal with no amount or no probability yet is skipped, but every
// value present must still be valid on its own. Without a complete pair the error names the
// range to fill: amounts when it has no value, else probabilities when it has none.
double weighted_pipeline(const Range& amounts, const Range& probabilities) {
    if (!amounts.same_shape(probabilities))
        fail("probabilities", "must have the same shape as amounts");
    Wide total;
    bool any_amount = false, any_probability = false, any_pair = false;
    for (std::size_t i = 0; i < amounts.size(); ++i) {
        const auto& amount = amounts[i];
        const auto& probability = probabilities[i];
        if (amount)
            non_negative("amounts", *amount), any_amount = true;
        if (probability)
            fraction("probabilities", *probability), any_probability = true;
        if (amount && probability) {
            total += Wide{*amount} * *probability;
            any_pair = true;
        }
    }
    if (!any_amount)
        fail("amounts", "has no value");
    if (!any_probability)
        fail("probabilities", "has no value");
    if (!any_pair)
        fail("amounts", "has no value paired with a probability");
    return static_cast<double>(total);
}

double quota_attainment(const Range& closed, const Range& quota) {
    return ratio_of_sums("closed", closed, "quota", quota);
}

double asp(const Range& revenue, std::optional<double> deals) {
    const Wide total_revenue = sum("revenue", revenue, non_negative);
    if (deals)
        return static_cast<double>(total_revenue / positive("deals", *deals));
    // Without a deal count every non-blank revenue cell is one deal.
    const auto deal_count = std::count_if(revenue.begin(), revenue.end(),
                                          [](const auto& cell) { return cell.has_value(); });
    return static_cast<double>(total_revenue / Wide(static_cast<double>(deal_count)));
}

}  // namespace saleskpi
