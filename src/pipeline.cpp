#include "saleskpi/pipeline.hpp"

#include <cstddef>
#include <vector>

#include "saleskpi/errors.hpp"

namespace saleskpi {

double win_rate(const Range& won, const Range& lost, const Range& ties) {
    const double total_won = sum("won", won, non_negative);
    const double total_lost = sum("lost", lost, non_negative);
    const double total_ties = sum("ties", ties, non_negative);
    const double closed = total_won + total_lost + total_ties;
    if (!(closed > 0.0))
        fail("won + lost + ties", closed, "must be > 0");
    return (total_won + total_ties / 2.0) / closed;
}

double sales_velocity(double opportunities, double avg_deal, double win_rate, double cycle_length) {
    return non_negative("opportunities", opportunities) * non_negative("avg_deal", avg_deal) *
           fraction("win_rate", win_rate) / positive("cycle_length", cycle_length);
}

double pipeline_coverage(const Range& pipeline, const Range& quota) {
    const double total_pipeline = sum("pipeline", pipeline, non_negative);
    return total_pipeline / positive("quota", sum("quota", quota, non_negative));
}

double required_coverage(double win_rate) {
    return 1.0 / positive_fraction("win_rate", win_rate);
}

// Pairs by position: a deal with no amount or no probability yet is skipped, but every
// value present must still be valid on its own.
double weighted_pipeline(const Range& amounts, const Range& probabilities) {
    if (!amounts.same_shape(probabilities) || amounts.cells.size() != probabilities.cells.size())
        fail("probabilities", "must have the same shape as amounts");
    double total = 0.0;
    bool any_pair = false;
    for (std::size_t i = 0; i < amounts.cells.size(); ++i) {
        const auto& amount = amounts.cells[i];
        const auto& probability = probabilities.cells[i];
        if (amount)
            non_negative("amounts", *amount);
        if (probability)
            fraction("probabilities", *probability);
        if (amount && probability) {
            total += *amount * *probability;
            any_pair = true;
        }
    }
    if (!any_pair)
        fail("amounts", "has no value paired with a probability");
    return total;
}

double quota_attainment(const Range& closed, const Range& quota) {
    const double total_closed = sum("closed", closed, non_negative);
    return total_closed / positive("quota", sum("quota", quota, non_negative));
}

double asp(const Range& revenue, std::optional<double> deals) {
    if (deals) {
        const double total_revenue = sum("revenue", revenue, non_negative);
        return total_revenue / positive("deals", *deals);
    }
    // Without a deal count every non-blank revenue cell is one deal.
    const std::vector<double> per_deal = values("revenue", revenue, non_negative);
    if (per_deal.empty())
        fail("revenue", "has no value");
    double total = 0.0;
    for (double amount : per_deal)
        total += amount;
    return total / static_cast<double>(per_deal.size());
}

}  // namespace saleskpi
