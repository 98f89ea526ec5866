#include "convert.hxx"

#include <string>
#include <utility>
#include <vector>

#include <rtl/ustring.hxx>

namespace saleskpi::addin {

namespace {

// One cell of a range: a number, or a blank (Calc passes empty cells as "").
std::optional<double> cell_value(const css::uno::Any& cell, const char* argument) {
    double number = 0.0;
    if (cell >>= number)
        return number;
    rtl::OUString text;
    if (!cell.hasValue() || ((cell >>= text) && text.isEmpty()))
        return std::nullopt;
    throw_illegal_argument((std::string(argument) + " holds text or a non-number").c_str());
}

}  // namespace

void throw_illegal_argument(const char* message) {
    throw css::lang::IllegalArgumentException(rtl::OUString::fromUtf8(message), {}, 0);
}

Range to_range(const AnyMatrix& cells, const char* argument) {
    const auto rows = static_cast<std::size_t>(cells.getLength());
    const auto cols = rows ? static_cast<std::size_t>(cells[0].getLength()) : 0;
    std::vector<std::optional<double>> values;
    values.reserve(rows * cols);
    for (const auto& row : cells) {
        if (static_cast<std::size_t>(row.getLength()) != cols)
            throw_illegal_argument((std::string(argument) + " is not rectangular").c_str());
        for (const auto& cell : row)
            values.push_back(cell_value(cell, argument));
    }
    return Range(rows, cols, std::move(values));
}

std::optional<double> optional_number(const css::uno::Any& value, const char* argument) {
    AnyMatrix cells;
    if (value >>= cells) {  // a one-cell range passed where a single value is expected
        const Range range = to_range(cells, argument);
        if (!range.is_single())
            throw_illegal_argument((std::string(argument) + " must be a single value").c_str());
        return range[0];
    }
    return cell_value(value, argument);
}

double optional_number(const css::uno::Any& value, const char* argument, double fallback) {
    return optional_number(value, argument).value_or(fallback);
}

std::optional<Range> optional_range(const css::uno::Any& value, const char* argument) {
    AnyMatrix cells;
    if (value >>= cells)
        return to_range(cells, argument);
    if (const auto number = optional_number(value, argument))
        return Range::single(*number);
    return std::nullopt;
}

DoubleMatrix to_sequence(const Range& range) {
    DoubleMatrix result(static_cast<sal_Int32>(range.rows()));
    auto* rows = result.getArray();
    for (std::size_t r = 0; r < range.rows(); ++r) {
        rows[r].realloc(static_cast<sal_Int32>(range.cols()));
        auto* out = rows[r].getArray();
        for (std::size_t c = 0; c < range.cols(); ++c)
            out[c] = range[r * range.cols() + c].value_or(0.0);
    }
    return result;
}

}  // namespace saleskpi::addin
