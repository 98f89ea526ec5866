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

}  // namespace saleskpi
