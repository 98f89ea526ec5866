#include "days.hpp"

#include <chrono>
#include <cmath>
#include <string>

#include "checks.hpp"

namespace saleskpi {

using namespace std::chrono;

namespace {

// The rule's text is built here, on failure only: day_of runs twice per row of an export, and
// building the text on every call (heap allocations) was three quarters of its time.
[[noreturn]] void not_a_date(std::string_view argument, double serial, Where where) {
    fail_at(argument, serial,
            "must be a date in the years " + std::to_string(first_year) + " to " +
                std::to_string(last_year),
            where);
}

}  // namespace

Day day_of(std::string_view argument, double serial, NullDate null_date, Where where) {
    // ±1e7 days is far outside the valid years yet safe to convert to an integer.
    if (!std::isfinite(serial) || std::fabs(serial) > 1e7)
        not_a_date(argument, serial, where);
    const sys_days day = null_date + days{static_cast<long>(std::floor(serial))};
    const year y = year_month_day{day}.year();
    if (y < year{first_year} || y > year{last_year})
        not_a_date(argument, serial, where);
    return static_cast<Day>(day.time_since_epoch().count());
}

Month month_of(Day day) {
    const year_month_day date{sys_days{days{day}}};
    return static_cast<Month>(static_cast<int>(date.year()) * 12 +
                              static_cast<int>(static_cast<unsigned>(date.month())) - 1);
}

Day last_day_of(Month month) {
    const year_month_day_last last{year{month / 12}, month_day_last{std::chrono::month{
                                                         static_cast<unsigned>(month % 12 + 1)}}};
    return static_cast<Day>(sys_days{last}.time_since_epoch().count());
}

Month first_month() { return first_year * 12; }
Month last_month() { return last_year * 12 + 11; }

NullDate null_date(int y, unsigned m, unsigned d) {
    const year_month_day date{year{y}, month{m}, day{d}};
    if (!date.ok())
        fail("null_date", std::to_string(y) + "-" + std::to_string(m) + "-" + std::to_string(d) +
                              " is not a day of the calendar");
    return sys_days{date};
}

}  // namespace saleskpi
