// Seller funnel: effectiveness (outcomes per attempt) and efficiency (attempts per hour).
// Rates are fractions; ranges are Σ over their non-blank cells.
#pragma once

#include "range.hpp"

namespace saleskpi {

// Σoutcomes / Σattempts: share of attempts that produced an outcome.
double conversion(const Range& outcomes, const Range& attempts);

// Σactivities / Σhours: attempts per hour.
double activity_rate(const Range& activities, const Range& hours);

// Π rates, top of the funnel first: overall conversion from first stage to last.
double funnel_rate(const Range& rates);

// How FUNNEL_NEEDED and FUNNEL_PLAN round the activities they ask for (Calc's mode 0, 1, 2).
enum class FunnelRounding {
    exact,      // 0: target / Π rates, unrounded
    overall,    // 1: the approximate ceiling of the exact figure
    per_stage,  // 2: an approximate ceiling at every stage, working back from the target
};

// Calc's mode argument to FunnelRounding; any other number is invalid ("mode").
FunnelRounding funnel_rounding(double mode);

// Activities needed at the top to reach `target` at the bottom.
double funnel_needed(double target, const Range& rates, FunnelRounding rounding);

// The need at every stage, top first, the target last; shaped like `rates` (one more cell).
Range funnel_plan(double target, const Range& rates, FunnelRounding rounding);

}  // namespace saleskpi
