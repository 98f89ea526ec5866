#include "row_cells.hpp"

#include <cmath>
#include <sstream>

#include "checks.hpp"

namespace saleskpi {

namespace {

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

}  // namespace saleskpi
