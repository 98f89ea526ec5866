// A block of number cells as the core sees it: shape plus values, blanks kept as gaps.
#pragma once

#include <optional>
#include <vector>

#include "grid.hpp"

namespace saleskpi {

// std::nullopt is a blank cell.
class Range : public Grid<std::optional<double>> {
public:
    using Grid::Grid;

    static Range single(double value);
    static Range column(std::vector<double> values);
    static Range row(std::vector<double> values);
};

}  // namespace saleskpi
