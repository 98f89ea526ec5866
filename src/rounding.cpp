#include "saleskpi/rounding.hpp"

#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace saleskpi {

double approx_ceil(double value) {
    if (!std::isfinite(value) || value == 0.0)
        return value;
    // Decimal rounding through the shortest exact route: print 12 significant digits.
    char digits[32];
    std::snprintf(digits, sizeof digits, "%.11e", value);
    return std::ceil(std::strtod(digits, nullptr));
}

}  // namespace saleskpi
