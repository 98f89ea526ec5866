#include "raw_rows.hpp"

#include <chrono>
#include <cmath>
#include <sstream>

#include "checks.hpp"

namespace saleskpi {

namespace {

using namespace std::chrono;

std::string place(Where where) {
    return " in " + std::string(where.noun) + " " + std::to_string(where.index + 1);
}

}  // namespace

std::string number_text(double value) {
    std::ostringstream text;
    text.precision(17);
    text << value;
    return text.str();
}

std::string cell_text(const Cell& cell) {
    if (const auto* number = std::get_if<double>(&cell))
        return number_text(*number);
    if (const auto* text = std::get_if<std::string>(&cell))
        return "\"" + *text + "\"";
    return "blank";
}

void fail_at(std::string_view argument, double value, std::string_view rule, Where where) {
    fail(argument, value, std::string(rule) + place(where));
}

void fail_at(std::string_view argument, std::string_view problem, Where where) {
    fail(argument, std::string(problem) + place(where));
}

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

bool is_blank(const Cell& cell) {
    if (std::holds_alternative<std::monostate>(cell))
        return true;
    const auto* text = std::get_if<std::string>(&cell);
    return text && text->empty();
}

bool same_cell(const Cell& a, const Cell& b) {
    if (is_blank(a) || is_blank(b))
        return is_blank(a) && is_blank(b);
    if (a.index() != b.index())
        return false;
    if (const auto* number = std::get_if<double>(&a))
        return *number == std::get<double>(b);
    return std::get<std::string>(a) == std::get<std::string>(b);
}

void fail_shape(std::string_view data_name, std::size_t rows, std::size_t cols,
                std::string_view other_name, std::size_t other_rows, std::size_t other_cols) {
    fail(other_name, "must have the shape of " + std::string(data_name) + " (" +
                         std::to_string(rows) + " x " + std::to_string(cols) + "), not " +
                         std::to_string(other_rows) + " x " + std::to_string(other_cols));
}

std::vector<unsigned char> selected_rows(const Criteria& criteria, std::string_view data_name,
                                         std::size_t rows, std::size_t cols) {
    std::vector<unsigned char> selected(rows * cols, 1);
    for (std::size_t k = 0; k < criteria.size(); ++k) {
        const Criterion& pair = criteria[k];
        const std::string number = std::to_string(k + 1);
        if (pair.range.rows() != rows || pair.range.cols() != cols)
            fail_shape(data_name, rows, cols, "criteria_range " + number, pair.range.rows(),
                       pair.range.cols());
        if (const auto* value = std::get_if<double>(&pair.value); value && !std::isfinite(*value))
            fail("criterion " + number, *value, "must be a finite number, a text or blank");
        for (std::size_t i = 0; i < selected.size(); ++i) {
            if (const auto* cell = std::get_if<double>(&pair.range[i]); cell && !std::isfinite(*cell))
                fail_at("criteria_range " + number, *cell, "must be a finite number, a text or blank",
                        Where{"row", i});
            if (selected[i] && !same_cell(pair.range[i], pair.value))
                selected[i] = 0;
        }
    }
    return selected;
}

NullDate null_date(int y, unsigned m, unsigned d) {
    const year_month_day date{year{y}, month{m}, day{d}};
    if (!date.ok())
        fail("null_date", std::to_string(y) + "-" + std::to_string(m) + "-" + std::to_string(d) +
                              " is not a day of the calendar");
    return sys_days{date};
}

}  // namespace saleskpi
