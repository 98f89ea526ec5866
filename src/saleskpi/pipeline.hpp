// Pipeline and quota. Money in any currency; rates and probabilities are fractions.
#pragma once

#include <optional>

#include "range.hpp"

namespace saleskpi {

// (won + ties/2) / (won + lost + ties), counted over closed deals only.
double win_rate(const Range& won, const Range& lost, const Range& ties);

// opportunities × avg_deal × win_rate / cycle_length: revenue per unit of cycle time.
double sales_velocity(double opportunities, double avg_deal, double win_rate, double cycle_length);

// Σpipeline / Σquota.
double pipeline_coverage(const Range& pipeline, const Range& quota);

// 1 / win_rate: the coverage a win rate needs to make quota.
double required_coverage(double win_rate);

// Σ amount × probability over cells paired by position.
double weighted_pipeline(const Range& amounts, const Range& probabilities);

// Σclosed / Σquota; may exceed 1.
double quota_attainment(const Range& closed, const Range& quota);

// Average selling price: Σrevenue / deals, or the mean of the revenue cells without `deals`.
double asp(const Range& revenue, std::optional<double> deals);

}  // namespace saleskpi
