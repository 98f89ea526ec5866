// Cells that may hold text: customer ids, stage names, criteria. Numbers stay numbers.
#pragma once

#include <string>
#include <variant>

#include "grid.hpp"

namespace saleskpi {

// A blank cell, a number, or text (UTF-8).
using Cell = std::variant<std::monostate, double, std::string>;

class Cells : public Grid<Cell> {
public:
    using Grid::Grid;
};

}  // namespace saleskpi
