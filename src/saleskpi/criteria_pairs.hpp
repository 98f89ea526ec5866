// Criteria pairs as the functions over export rows take them: COUNTIFS's trailing
// `criteria_range; criterion` arguments (docs/rules.md#criteria-pairs).
#pragma once

#include <vector>

#include "cells.hpp"

namespace saleskpi {

// One criteria pair: only rows whose cell in `range` equals `value` count. The caller (the
// add-in) has already case-folded text in both range and value (Calc compares text
// case-insensitively); the core compares text exactly, numbers by value, and a number never
// equals a text. A blank criterion (monostate or "") matches exactly the blank cells (and
// empty texts), as COUNTIFS does. `range` must have the shape of the data. Rows the criteria
// leave out are still checked: a bad row is an error in the export, whoever it belongs to.
struct Criterion {
    Cells range;
    Cell value;
};
using Criteria = std::vector<Criterion>;

}  // namespace saleskpi
