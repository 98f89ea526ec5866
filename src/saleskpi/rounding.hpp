#pragma once

namespace saleskpi {

// Ceiling that ignores floating-point noise below the 12th significant digit, so that
// 14/(0.4*0.5*0.35*0.1) = 2000.0000000000002 does not ask for one more activity. Below 1e11
// this equals rounding to 12 significant digits and then taking the ceiling; above, where
// that rounding would change the integer part, only the noise is dropped.
double approx_ceil(double value);

}  // namespace saleskpi
