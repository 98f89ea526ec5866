// Values and helpers shared by the core's unit tests.
#pragma once

#include <limits>
#include <optional>

#include "saleskpi.hpp"

namespace saleskpi_test {

inline constexpr double not_a_number = std::numeric_limits<double>::quiet_NaN();
inline constexpr double infinity = std::numeric_limits<double>::infinity();
inline constexpr std::nullopt_t blank = std::nullopt;

inline saleskpi::Range one(double value) { return saleskpi::Range::single(value); }

}  // namespace saleskpi_test
