// The document's calendar: which day a Calc serial number is (docs/rules.md#dates).
#pragma once

#include <chrono>
#include <cstdint>

namespace saleskpi {

// The document's null date (Calc serial 0): 1899-12-30 by default, 1904-01-01 in some files.
// A serial s is the day null_date + floor(s): a time of day belongs to its day. Days outside
// the years 1583..9956 (Calc's own date range) are invalid input.
using NullDate = std::chrono::sys_days;
inline constexpr NullDate default_null_date{std::chrono::year{1899} / 12 / 30};

// The null date of a document's settings (com.sun.star.util.Date: year, month, day);
// throws InvalidArgument ("null_date ...") for a day that does not exist.
NullDate null_date(int year, unsigned month, unsigned day);

// Days since 1970-01-01 (sys_days' count) and months as year × 12 + month - 1: small integers
// that sort and subtract like the calendar (src/days.hpp converts).
using Day = std::int32_t;
using Month = std::int32_t;

}  // namespace saleskpi
