// The cells of export rows (private to the core): where a problem is ("in row 3"), a cell as
// a message shows it, blank and equal cells.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "saleskpi/cells.hpp"

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

}  // namespace saleskpi
