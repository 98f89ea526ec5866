// The types of the generated catalogue harness (catalogue_harness.hpp): every catalogue
// function as data, so that the unit tests, the fuzzer and the benchmarks cover each one
// without a hand-kept list. A Source supplies arguments in parameter order.
#pragma once

#include <cstddef>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "saleskpi.hpp"

namespace saleskpi::harness {

enum class Kind { number, range, cells, criteria };

struct Param {
    std::string_view name;
    Kind kind;
    bool optional;
};

struct Function {
    std::string_view name;       // as in Calc: FUNNEL_NEEDED
    std::string_view core_name;  // saleskpi::funnel_needed
    std::span<const Param> params;
    bool context;  // takes the document's null date, before its parameters
};

using Result = std::variant<double, Range>;

// An example argument as a formula writes it: left out, a number, a text or an inline array.
struct Value {
    enum class Kind { omitted, number, text, grid } kind = Kind::omitted;
    double number = 0.0;
    std::string text;
    std::size_t rows = 0, cols = 0;
    std::vector<Cell> cells;

    static Value omitted() { return {}; }
    static Value number_(double value) { Value v; v.kind = Kind::number; v.number = value; return v; }
    static Value text_(std::string value) { Value v; v.kind = Kind::text; v.text = std::move(value); return v; }
    static Value grid(std::size_t rows, std::size_t cols, std::vector<Cell> cells) {
        Value v;
        v.kind = Kind::grid, v.rows = rows, v.cols = cols, v.cells = std::move(cells);
        return v;
    }
};

// What an example shows in Calc: a number, an error text or an array (blank = empty cell).
struct Expected {
    std::variant<double, std::string, Range> value;
    static Expected number(double v) { return {v}; }
    static Expected error(std::string text) { return {std::move(text)}; }
    static Expected grid(std::size_t rows, std::size_t cols, std::vector<std::optional<double>> cells) {
        return {Range(rows, cols, std::move(cells))};
    }
};

struct Example {
    std::size_t function;
    std::string_view formula;
    std::vector<Value> args;
    Expected expected;
};

// A valid example with one argument set just outside its domain: the core must reject it
// with an InvalidArgument whose message starts with `param`.
struct DomainCase {
    std::size_t function;
    std::string_view param;
    double outside;
    std::vector<Value> args;
};

// A valid example with one range's cells all blank, where the reference lists "no value in
// <param>": the core must reject it with an InvalidArgument whose message starts with `param`.
struct BlankCase {
    std::size_t function;
    std::string_view param;
    std::vector<Value> args;
};

}  // namespace saleskpi::harness
