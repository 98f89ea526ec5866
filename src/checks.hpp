// Argument checks shared by the KPIs (private to the core): each violation throws
// InvalidArgument with a message that names the argument and its value.
#pragma once

#include <string_view>
#include <vector>

#include "saleskpi/errors.hpp"
#include "saleskpi/range.hpp"
#include "wide.hpp"

namespace saleskpi {

[[noreturn]] void fail(std::string_view argument, double value, std::string_view rule);
[[noreturn]] void fail(std::string_view argument, std::string_view problem);

// Each returns `value` so a check reads as part of the formula that uses it.
double finite(std::string_view argument, double value);
double non_negative(std::string_view argument, double value);
double positive(std::string_view argument, double value);
double fraction(std::string_view argument, double value);          // [0; 1]
double positive_fraction(std::string_view argument, double value);  // (0; 1]

// Intermediate sums and products are Wide (wide.hpp): exact enough, and of a range that no
// sum of Calc cells and no product of a few arguments leaves.

// A sum or product that divides: must be > 0.
Wide positive_total(std::string_view argument, Wide total);

using Check = double (*)(std::string_view argument, double value);

// The non-blank values in reading order, each passed through `check`.
std::vector<double> values(std::string_view argument, const Range& range, Check check);

// Σ of the non-blank values, each passed through `check`; a range with no value is invalid.
Wide sum(std::string_view argument, const Range& range, Check check);

// Σnumerator / Σdenominator of non-negative cells, the denominator's total > 0: the shape
// of every "outcomes per attempt" KPI. Never the mean of per-cell ratios.
double ratio_of_sums(std::string_view numerator_name, const Range& numerator,
                     std::string_view denominator_name, const Range& denominator);

}  // namespace saleskpi
