#include "saleskpi/range.hpp"

namespace saleskpi {

namespace {
std::vector<std::optional<double>> cells_of(const std::vector<double>& values) {
    return {values.begin(), values.end()};
}
}  // namespace

Range Range::single(double value) { return Range(1, 1, {value}); }

Range Range::column(std::vector<double> values) { return Range(values.size(), 1, cells_of(values)); }

Range Range::row(std::vector<double> values) { return Range(1, values.size(), cells_of(values)); }

}  // namespace saleskpi
