// The fuzzer's byte format, decoded (FuzzSource, a harness Source) and encoded (SeedWriter,
// which turns the catalogue's examples into seeds). Both live here so they cannot drift.
//
//   byte 0    which function: functions()[byte % count];
//   number    one byte b: 0xFF means the next 8 bytes are a raw little-endian double,
//             anything else is kInteresting[b % 32];
//   optional  0xFE is "left out" / a blank cell, anything else starts a number;
//   range     one shape byte: 0xEE is a whole Calc column (1048576 x 1); any other has rows
//             in its high nibble and cols in its low one, each 0..14 literally and 15 = 100;
//             then the first min(cells, 16) cells, each an optional; larger ranges repeat
//             those 16 cells cyclically;
//   cell      (cells arguments) 0xFD, a length byte n and n % 9 bytes of text; else optional;
//   criteria  a byte n: n % 3 pairs, each a cells range and one cell;
//   null date one byte: 0 is 1899-12-30, 1 is 1904-01-01, anything else 1899-12-31 (right
//             after the function's byte, for a function that takes the document's null date).
// Bytes past the end of the input read as 0.
#pragma once

#include <array>
#include <charconv>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <iterator>
#include <limits>
#include <string>
#include <vector>

#include "harness.hpp"

namespace saleskpi::fuzz {

using limits = std::numeric_limits<double>;

// Values that sit on or next to the domain edges of the KPIs, or break arithmetic.
inline constexpr std::array<double, 32> kInteresting = {
    0.0,    1.0,     0.5,    0.1,        3.0,      2.0,        12.0,          100.0,
    0.05,   0.25,    0.3,    0.999999,   1000.0,   45322.0 /* 2024-01-31 */,  -1.0, -0.0,
    1e308,  limits::max(),   1e300,      1e-300,   limits::min(), 1e-320,     limits::denorm_min(),
    0x1.fffffffffffffp-1 /* largest below 1 */,    0x1.0000000000001p+0 /* smallest above 1 */,
    1e15,   -1e308,  -0.5,   limits::quiet_NaN(),  limits::infinity(),        -limits::infinity(),
    2000.0000000000002,
};
inline constexpr std::uint8_t kRawDouble = 0xFF;
inline constexpr std::uint8_t kBlank = 0xFE;
inline constexpr std::uint8_t kText = 0xFD;
inline constexpr std::uint8_t kWholeColumn = 0xEE;
inline constexpr std::size_t kCalcRows = std::size_t{1} << 20;
inline constexpr std::size_t kDistinctCells = 16;
inline constexpr std::size_t kLongestText = 8;

inline std::string show(double value) {
    char text[32];
    const auto end = std::to_chars(std::begin(text), std::end(text), value).ptr;  // shortest exact
    return std::string(text, end);
}

inline std::string show(const Cell& cell) {
    if (const double* number = std::get_if<double>(&cell))
        return show(*number);
    if (const auto* text = std::get_if<std::string>(&cell))
        return '"' + *text + '"';
    return "blank";
}

// Decodes the fuzzer's bytes into arguments, and keeps a readable record of them.
class FuzzSource {
public:
    FuzzSource(const std::uint8_t* data, std::size_t size) : data_(data), size_(size) {}

    std::size_t function(std::size_t count) { return byte() % count; }

    double number(std::string_view name) {
        const double value = number_from(byte());
        note(name, show(value));
        return value;
    }

    std::optional<double> optional_number(std::string_view name) {
        const std::uint8_t selector = byte();
        const std::optional<double> value =
            selector == kBlank ? std::nullopt : std::optional<double>(number_from(selector));
        note(name, value ? show(*value) : "left out");
        return value;
    }

    Range range(std::string_view name) {
        std::string text;
        const Cells cells = grid(name, false, text);
        std::vector<std::optional<double>> numbers;
        numbers.reserve(cells.size());
        for (const Cell& cell : cells.cells())
            numbers.push_back(std::holds_alternative<double>(cell)
                                  ? std::optional<double>(std::get<double>(cell)) : std::nullopt);
        note(name, text);
        return Range(cells.rows(), cells.cols(), std::move(numbers));
    }

    std::optional<Range> optional_range(std::string_view name) {
        if (peek() == kBlank) {
            byte();
            note(name, "left out");
            return std::nullopt;
        }
        return range(name);
    }

    Cells cells(std::string_view name, bool /*fold: the fuzzer's texts are folded or not*/) {
        std::string text;
        Cells cells = grid(name, true, text);
        note(name, text);
        return cells;
    }

    Criteria criteria(std::string_view name) {
        Criteria result;
        for (std::size_t pairs = byte() % 3; pairs > 0; --pairs) {
            std::string text;
            Cells range = grid(name, true, text);
            const Cell value = cell(true);
            note(name, text + " = " + show(value));
            result.push_back(Criterion{std::move(range), value});
        }
        return result;
    }

    NullDate null_date() {
        using namespace std::chrono;
        const std::uint8_t which = byte();
        const NullDate date = which == 0 ? default_null_date
                            : which == 1 ? NullDate{sys_days{year{1904} / 1 / 1}}
                                         : NullDate{sys_days{year{1899} / 12 / 31}};
        note("null date", std::to_string(which));
        return date;
    }

    const std::string& arguments() const { return arguments_; }
    bool all_finite() const { return all_finite_; }

private:
    std::uint8_t peek() const { return position_ < size_ ? data_[position_] : 0; }
    std::uint8_t byte() { return position_ < size_ ? data_[position_++] : 0; }

    static std::size_t dimension(unsigned nibble) { return nibble == 15 ? 100 : nibble; }

    Cells grid(std::string_view, bool texts, std::string& text) {
        const std::uint8_t shape = byte();
        const std::size_t rows = shape == kWholeColumn ? kCalcRows : dimension(shape >> 4);
        const std::size_t cols = shape == kWholeColumn ? 1 : dimension(shape & 0x0F);
        const std::size_t count = rows * cols;
        std::vector<Cell> cells;
        cells.reserve(count);
        text = std::to_string(rows) + "x" + std::to_string(cols) + "[";
        for (std::size_t i = 0; i < std::min(count, kDistinctCells); ++i) {
            cells.push_back(cell(texts));
            text += (i ? ", " : "") + show(cells.back());
        }
        for (std::size_t i = kDistinctCells; i < count; ++i)
            cells.push_back(cells[i % kDistinctCells]);
        if (count > kDistinctCells)
            text += ", ... repeated to " + std::to_string(count) + " cells";
        text += "]";
        return Cells(rows, cols, std::move(cells));
    }

    Cell cell(bool texts) {
        const std::uint8_t selector = byte();
        if (selector == kBlank)
            return Cell{};
        if (texts && selector == kText) {
            std::string value;
            for (std::size_t n = byte() % (kLongestText + 1); n > 0; --n)
                value += static_cast<char>(byte());
            return value.empty() ? Cell{} : Cell{std::move(value)};
        }
        return number_from(selector);
    }

    double number_from(std::uint8_t selector) {
        double value = kInteresting[selector % kInteresting.size()];
        if (selector == kRawDouble) {
            std::uint8_t bytes[sizeof value];
            for (auto& b : bytes)
                b = byte();
            std::memcpy(&value, bytes, sizeof value);  // the fuzz hosts are little-endian
        }
        all_finite_ = all_finite_ && std::isfinite(value);
        return value;
    }

    void note(std::string_view name, const std::string& value) {
        (arguments_ += arguments_.empty() ? "" : ", ") += std::string(name) + "=" + value;
    }

    const std::uint8_t* data_;
    std::size_t size_;
    std::size_t position_ = 0;
    std::string arguments_;
    bool all_finite_ = true;
};

// Encodes a catalogue example in the format above; false when it cannot (a range too big
// for a shape byte, a text longer than kLongestText).
class SeedWriter {
public:
    bool function(std::size_t index) { return put(static_cast<std::uint8_t>(index)), index < 256; }

    bool number(double value) {
        put(kRawDouble);
        std::uint8_t bytes[sizeof value];
        std::memcpy(bytes, &value, sizeof value);
        for (const auto b : bytes)
            put(b);
        return true;
    }

    bool argument(harness::Kind kind, const harness::Value& value) {
        using harness::Value;
        switch (kind) {
        case harness::Kind::number:
            if (value.kind == Value::Kind::number)
                return number(value.number);
            return put(kBlank), value.kind == Value::Kind::omitted;
        case harness::Kind::range:
        case harness::Kind::cells:
            if (value.kind == Value::Kind::omitted)
                return put(kBlank), true;
            return grid(value);
        case harness::Kind::criteria:
            return false;  // written by criteria(): the pairs are the rest of the arguments
        }
        return false;
    }

    bool criteria(const std::vector<harness::Value>& rest) {
        if (rest.size() % 2 != 0 || rest.size() / 2 > 2)
            return false;
        put(static_cast<std::uint8_t>(rest.size() / 2));
        for (std::size_t i = 0; i < rest.size(); i += 2)
            if (!grid(rest[i]) || !cell(single(rest[i + 1])))
                return false;
        return true;
    }

    void null_date(std::uint8_t which) { put(which); }

    const std::vector<std::uint8_t>& bytes() const { return bytes_; }

private:
    void put(std::uint8_t b) { bytes_.push_back(b); }

    static Cell single(const harness::Value& value) {
        using harness::Value;
        if (value.kind == Value::Kind::number) return value.number;
        if (value.kind == Value::Kind::text && !value.text.empty()) return value.text;
        if (value.kind == Value::Kind::grid && value.cells.size() == 1) return value.cells[0];
        return Cell{};
    }

    bool grid(const harness::Value& value) {
        using harness::Value;
        if (value.kind != Value::Kind::grid) {
            put(0x11);
            return cell(single(value));
        }
        if (value.rows > 14 || value.cols > 14 || value.cells.size() > kDistinctCells)
            return false;
        put(static_cast<std::uint8_t>(value.rows << 4 | value.cols));
        for (const Cell& c : value.cells)
            if (!cell(c))
                return false;
        return true;
    }

    bool cell(const Cell& value) {
        if (const double* number_value = std::get_if<double>(&value))
            return number(*number_value);
        if (const auto* text = std::get_if<std::string>(&value)) {
            if (text->empty())
                return put(kBlank), true;
            if (text->size() > kLongestText)
                return false;
            put(kText);
            put(static_cast<std::uint8_t>(text->size()));
            for (const char c : *text)
                put(static_cast<std::uint8_t>(c));
            return true;
        }
        return put(kBlank), true;
    }

    std::vector<std::uint8_t> bytes_;
};

}  // namespace saleskpi::fuzz
