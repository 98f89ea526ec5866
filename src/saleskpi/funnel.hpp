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

// Activities needed at the top to reach `target` at the bottom; mode 0 exact,
// 1 approximate ceiling of the exact figure, 2 ceiling at every stage from the bottom up.
double funnel_needed(double target, const Range& rates, double mode);

// The need at every stage, top first, the target last; shaped like `rates` (one more cell).
Range funnel_plan(double target, const Range& rates, double mode);

}  // namespace saleskpi
