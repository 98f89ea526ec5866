// Helpers of the functions over raw export rows (private to the core): where a row problem
// is, the calendar as whole days and month numbers, shapes and criteria.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "saleskpi/cells.hpp"
#include "saleskpi/range.hpp"
#include "saleskpi/rows.hpp"

namespace saleskpi {

// A cell of an argument: "row" for data rows, "cell" for a list such as months; index 0-based.
struct Where {
    std::string_view noun;
    std::size_t index;
};
inline Where row_at(std::size_t index) { return {"row", index}; }
inline Where cell_at(std::size_t index) { return {"cell", index}; }

// "<argument> (<value>) <rule> in row 3" and "<argument> <problem> in row 3".
[[noreturn]] void fail_at(std::string_view argument, double value, std::string_view rule, Where where);
[[noreturn]] void fail_at(std::string_view argument, std::string_view problem, Where where);
std::string number_text(double value);  // 17 significant digits, as fail() writes them
std::string cell_text(const Cell& cell);  // "won" quoted, numbers as number_text

// Days since 1970-01-01 (sys_days' count) and months as year × 12 + month - 1: small integers
// that sort and subtract like the calendar. All calendar arithmetic goes through <chrono>.
using Day = std::int32_t;
using Month = std::int32_t;
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

// Blank: an empty cell or an empty text (a formula giving "").
bool is_blank(const Cell& cell);
// Text exactly, numbers by value, never a number and a text; blank equals only blank.
bool same_cell(const Cell& a, const Cell& b);

// Throws "<other_name> must have the shape of <data_name> (r x c), not r x c".
template <class A, class B>
void check_same_shape(std::string_view data_name, const Grid<A>& data, std::string_view other_name,
                      const Grid<B>& other);
void fail_shape(std::string_view data_name, std::size_t rows, std::size_t cols,
                std::string_view other_name, std::size_t other_rows, std::size_t other_cols);

template <class A, class B>
void check_same_shape(std::string_view data_name, const Grid<A>& data, std::string_view other_name,
                      const Grid<B>& other) {
    if (!data.same_shape(other))
        fail_shape(data_name, data.rows(), data.cols(), other_name, other.rows(), other.cols());
}

// One flag per data cell: 1 where every criteria pair holds. Each criteria range must have
// the shape of the data ("criteria_range 2 must have the shape of starts ...").
std::vector<unsigned char> selected_rows(const Criteria& criteria, std::string_view data_name,
                                         std::size_t rows, std::size_t cols);

}  // namespace saleskpi
