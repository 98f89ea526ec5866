// A harness Source that reads a catalogue example's arguments the way the add-in converts
// Calc's: "" is a blank cell or a left-out optional, text in a number range is invalid.
#pragma once

#include <algorithm>
#include <cctype>
#include <string>

#include "harness.hpp"

namespace saleskpi::harness {

class ExampleSource {
public:
    explicit ExampleSource(const std::vector<Value>& args) : args_(args) {}

    double number(std::string_view name) {
        const auto value = optional_number(name);
        if (!value)
            throw InvalidArgument(std::string(name) + " has no value");
        return *value;
    }

    std::optional<double> optional_number(std::string_view name) {
        const Value& arg = next();
        if (arg.kind == Value::Kind::grid) {
            if (arg.cells.size() != 1)
                throw InvalidArgument(std::string(name) + " must be a single value");
            return number_cell(arg.cells[0], name);
        }
        return number_cell(cell_of(arg), name);
    }

    Range range(std::string_view name) {
        const Value& arg = next();
        if (arg.kind != Value::Kind::grid)
            return Range(1, 1, {number_cell(cell_of(arg), name)});
        std::vector<std::optional<double>> cells;
        for (const Cell& cell : arg.cells)
            cells.push_back(number_cell(cell, name));
        return Range(arg.rows, arg.cols, std::move(cells));
    }

    std::optional<Range> optional_range(std::string_view name) {
        if (position_ >= args_.size() || args_[position_].kind == Value::Kind::omitted) {
            ++position_;
            return std::nullopt;
        }
        return range(name);
    }

    Cells cells(std::string_view, bool fold) { return to_cells(next(), fold); }

    Criteria criteria(std::string_view name) {
        Criteria result;
        while (position_ < args_.size()) {
            Cells range = to_cells(next(), true);
            if (position_ >= args_.size())
                throw InvalidArgument(std::string(name) + " needs a criterion after each range");
            Cells value = to_cells(next(), true);
            if (value.size() != 1)
                throw InvalidArgument(std::string(name) + " criterion must be a single value");
            result.push_back(Criterion{std::move(range), value[0]});
        }
        return result;
    }

    NullDate null_date() const { return default_null_date; }

private:
    const Value& next() {
        static const Value omitted;
        return position_ < args_.size() ? args_[position_++] : (++position_, omitted);
    }

    static Cell cell_of(const Value& arg) {
        switch (arg.kind) {
        case Value::Kind::number: return arg.number;
        case Value::Kind::text: return arg.text.empty() ? Cell{} : Cell{arg.text};
        default: return Cell{};
        }
    }

    static std::optional<double> number_cell(const Cell& cell, std::string_view name) {
        if (const double* number = std::get_if<double>(&cell))
            return *number;
        if (const auto* text = std::get_if<std::string>(&cell); text && !text->empty())
            throw InvalidArgument(std::string(name) + " holds text");
        return std::nullopt;
    }

    // Case folding for the examples, which are ASCII (the add-in uses LibreOffice's).
    static Cells to_cells(const Value& arg, bool fold) {
        std::vector<Cell> cells = arg.kind == Value::Kind::grid ? arg.cells
                                                                : std::vector<Cell>{cell_of(arg)};
        for (Cell& cell : cells) {
            if (auto* text = std::get_if<std::string>(&cell)) {
                if (text->empty())
                    cell = Cell{};
                else if (fold)
                    std::transform(text->begin(), text->end(), text->begin(),
                                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
            }
        }
        const bool grid = arg.kind == Value::Kind::grid;
        return Cells(grid ? arg.rows : 1, grid ? arg.cols : 1, std::move(cells));
    }

    const std::vector<Value>& args_;
    std::size_t position_ = 0;
};

}  // namespace saleskpi::harness
