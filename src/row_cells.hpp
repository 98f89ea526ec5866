// The cells of export rows (private to the core): where a problem is ("in row 3"), a cell as
// a message shows it, blank and equal cells, shapes and the rows criteria pairs select.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "saleskpi/cells.hpp"
#include "saleskpi/criteria_pairs.hpp"
#include "saleskpi/range.hpp"

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
