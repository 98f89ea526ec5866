// The calendar as the core counts it (private): a Calc serial as a whole day, days as month
// numbers, the first and last valid months. All calendar arithmetic goes through <chrono>.
#pragma once

#include <string_view>

#include "row_cells.hpp"
#include "saleskpi/calendar.hpp"

namespace saleskpi {

inline constexpr int first_year = 1583;
inline constexpr int last_year = 9956;

// The day of a Calc serial (its time of day dropped); invalid unless finite and in the years
// first_year..last_year.
Day day_of(std::string_view argument, double serial, NullDate null_date, Where where);
Month month_of(Day day);
Day last_day_of(Month month);
// Months first_year-01 .. last_year-12 are the valid ones.
Month first_month();
Month last_month();

}  // namespace saleskpi
