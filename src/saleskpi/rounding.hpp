#pragma once

namespace saleskpi {

// Ceiling after rounding to 12 significant digits, so that floating-point noise
// (14/(0.4*0.5*0.35*0.1) = 2000.0000000000002) does not ask for one more activity.
double approx_ceil(double value);

}  // namespace saleskpi
