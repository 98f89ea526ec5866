#include "saleskpi/range.hpp"

#include <utility>

#include "saleskpi/errors.hpp"

namespace saleskpi {

namespace {
Range from_values(std::size_t rows, std::size_t cols, std::vector<double> values) {
    Range range{rows, cols, {}};
    range.cells.assign(values.begin(), values.end());
    return range;
}
}  // namespace

Range Range::single(double value) { return Range{1, 1, {value}}; }

Range Range::column(std::vector<double> values) {
    const std::size_t n = values.size();
    return from_values(n, 1, std::move(values));
}

Range Range::row(std::vector<double> values) {
    const std::size_t n = values.size();
    return from_values(1, n, std::move(values));
}

std::vector<double> values(std::string_view argument, const Range& range, Check check) {
    std::vector<double> result;
    result.reserve(range.cells.size());
    for (const auto& cell : range.cells)
        if (cell)
            result.push_back(check(argument, *cell));
    return result;
}

Wide sum(std::string_view argument, const Range& range, Check check) {
    Wide total = 0.0L;
    bool any = false;
    for (const auto& cell : range.cells) {
        if (cell) {
            total += check(argument, *cell);
            any = true;
        }
    }
    if (!any)
        fail(argument, "has no value");
    return total;
}

double ratio_of_sums(std::string_view numerator_name, const Range& numerator,
                     std::string_view denominator_name, const Range& denominator) {
    const Wide top = sum(numerator_name, numerator, non_negative);
    const Wide bottom = positive_total(denominator_name, sum(denominator_name, denominator, non_negative));
    return static_cast<double>(top / bottom);
}

}  // namespace saleskpi
