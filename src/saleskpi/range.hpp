// A block of spreadsheet cells as the core sees it: shape plus values, blanks kept as gaps.
#pragma once

#include <cstddef>
#include <limits>
#include <optional>
#include <string_view>
#include <vector>

namespace saleskpi {

struct Range {
    std::size_t rows = 0;
    std::size_t cols = 0;
    std::vector<std::optional<double>> cells;  // row-major; std::nullopt is a blank cell

    static Range single(double value);
    static Range column(std::vector<double> values);
    static Range row(std::vector<double> values);

    bool is_line() const { return rows <= 1 || cols <= 1; }
    // Same rows and columns, and so the same number of cells, by position.
    bool same_shape(const Range& other) const {
        return rows == other.rows && cols == other.cols && cells.size() == other.cells.size();
    }
};

// Intermediate sums and products are long double: its exponent (to 1e4932 on x86-64 and
// aarch64) means no sum of Calc cells and no product of a few arguments overflows, so an
// intermediate never becomes inf, inf × 0 or inf / inf. Only a final result too large for
// a double becomes infinity (#NUM! in Calc).
using Wide = long double;
static_assert(std::numeric_limits<Wide>::max_exponent10 >= 4932,
              "saleskpi needs an extended-range long double for intermediate results");

// A domain check from errors.hpp (finite, non_negative, ...): returns the value or throws.
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
