// What the functions over raw export rows share: criteria pairs (as COUNTIFS takes them) and
// the document's calendar (which day a Calc serial number is).
#pragma once

#include <chrono>
#include <vector>

#include "cells.hpp"

namespace saleskpi {

// One criteria pair: only rows whose cell in `range` equals `value` count. The caller (the
// add-in) has already case-folded text in both range and value (Calc compares text
// case-insensitively); the core compares text exactly, numbers by value, and a number never
// equals a text. A blank criterion (monostate or "") matches exactly the blank cells (and
// empty texts), as COUNTIFS does. `range` must have the shape of the data. Rows the criteria
// leave out are not read at all, so rows of another pipeline or product may hold anything.
struct Criterion {
    Cells range;
    Cell value;
};
using Criteria = std::vector<Criterion>;

// The document's null date (Calc serial 0): 1899-12-30 by default, 1904-01-01 in some files.
// A serial s is the day null_date + floor(s): a time of day belongs to its day. Days outside
// the years 1583..9956 (Calc's own date range) are invalid input.
using NullDate = std::chrono::sys_days;
inline constexpr NullDate default_null_date{std::chrono::year{1899} / 12 / 30};

// The null date of a document's settings (com.sun.star.util.Date: year, month, day);
// throws InvalidArgument ("null_date ...") for a day that does not exist.
NullDate null_date(int year, unsigned month, unsigned day);

}  // namespace saleskpi
