// A block of spreadsheet cells as the core sees it: shape plus values, blanks kept as gaps.
#pragma once

#include <cstddef>
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
    bool same_shape(const Range& other) const { return rows == other.rows && cols == other.cols; }
};

// A domain check from errors.hpp (finite, non_negative, ...): returns the value or throws.
using Check = double (*)(std::string_view argument, double value);

// The non-blank values in reading order, each passed through `check`.
std::vector<double> values(std::string_view argument, const Range& range, Check check);

// Σ of the non-blank values, each passed through `check`; a range with no value is invalid.
double sum(std::string_view argument, const Range& range, Check check);

}  // namespace saleskpi
