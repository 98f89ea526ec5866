#include "saleskpi/columns.hpp"

#include <cmath>
#include <string>

#include "checks.hpp"
#include "row_cells.hpp"

namespace saleskpi {

namespace {

std::string shape_text(std::size_t rows, std::size_t cols) {
    return std::to_string(rows) + " x " + std::to_string(cols);
}

}  // namespace

void Columns::fail_shape(std::string_view name, std::size_t rows, std::size_t cols) const {
    fail(name, "must have the shape of " + std::string(first_) + " (" + shape_text(rows_, cols_) +
                   "), not " + shape_text(rows, cols));
}

std::vector<unsigned char> Columns::selected(const Criteria& criteria) const {
    std::vector<unsigned char> selected(size(), 1);
    for (std::size_t k = 0; k < criteria.size(); ++k) {
        const Criterion& pair = criteria[k];
        const std::string number = std::to_string(k + 1);
        check_shape("criteria_range " + number, pair.range);
        if (const auto* value = std::get_if<double>(&pair.value); value && !std::isfinite(*value))
            fail("criterion " + number, *value, "must be a finite number, a text or blank");
        for (std::size_t i = 0; i < selected.size(); ++i) {
            if (const auto* cell = std::get_if<double>(&pair.range[i]); cell && !std::isfinite(*cell))
                fail_at("criteria_range " + number, *cell, "must be a finite number, a text or blank",
                        row_at(i));
            if (selected[i] && !same_cell(pair.range[i], pair.value))
                selected[i] = 0;
        }
    }
    return selected;
}

}  // namespace saleskpi
