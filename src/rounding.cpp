#include "saleskpi/rounding.hpp"

#include <cmath>

namespace saleskpi {

double approx_ceil(double value) {
    const double up = std::ceil(value);
    if (!std::isfinite(value) || up == value)
        return value;
    const double down = up - 1.0;
    // Closer to `down` than half a unit of the 12th significant digit: that excess is noise.
    // (Same result as printing 12 digits and reading them back, 3 ns instead of 330.)
    const double half_unit = 0.5 * std::pow(10.0, std::floor(std::log10(std::fabs(value))) - 11.0);
    return value - down < half_unit ? down : up;
}

}  // namespace saleskpi
