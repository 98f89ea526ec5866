#include "convert.hxx"

#include <stdexcept>
#include <string>
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
    throw InvalidArgument(std::string(argument) + " holds text or a non-number");
}

}  // namespace

void rethrow_for_uno() {
    try {
        throw;
    } catch (const css::uno::Exception&) {
        throw;
    } catch (const InvalidArgument& error) {
        // Calc shows Err:502 for any IllegalArgumentException and reads neither the message
        // nor the position (sc/source/core/tool/addincol.cxx): the message, naming the
        // argument, is for a debugger and the tests; the position stays "not known".
        throw css::lang::IllegalArgumentException(rtl::OUString::fromUtf8(error.what()), {}, -1);
    } catch (const std::exception& error) {
        throw css::uno::RuntimeException(rtl::OUString::fromUtf8(error.what()));
    } catch (...) {
        // Not even std::exception: the bridge cannot carry it, and Calc must not crash.
        throw css::uno::RuntimeException("saleskpi: a non-standard C++ exception");
    }
}

Range to_range(const AnyMatrix& cells, const char* argument) {
    const auto rows = static_cast<std::size_t>(cells.getLength());
    const auto cols = rows ? static_cast<std::size_t>(cells[0].getLength()) : 0;
    std::vector<std::optional<double>> values;
    values.reserve(rows * cols);
    for (const auto& row : cells) {
        if (static_cast<std::size_t>(row.getLength()) != cols)
            throw InvalidArgument(std::string(argument) + " is not rectangular");
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
            throw InvalidArgument(std::string(argument) + " must be a single value");
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

namespace {

// A UNO array of the range's shape, each cell written by put(out, cell).
template <class Value, class Put>
css::uno::Sequence<css::uno::Sequence<Value>> array_of(const Range& range, Put put) {
    css::uno::Sequence<css::uno::Sequence<Value>> result(static_cast<sal_Int32>(range.rows()));
    auto* rows = result.getArray();
    for (std::size_t r = 0; r < range.rows(); ++r) {
        rows[r].realloc(static_cast<sal_Int32>(range.cols()));
        auto* out = rows[r].getArray();
        for (std::size_t c = 0; c < range.cols(); ++c)
            put(out[c], range[r * range.cols() + c]);
    }
    return result;
}

}  // namespace

DoubleMatrix to_sequence(const Range& range) {
    return array_of<double>(range, [](double& out, const std::optional<double>& cell) {
        if (!cell)
            throw std::logic_error("saleskpi: a blank cell in a result of numbers only");
        out = *cell;
    });
}

AnyMatrix to_table(const Range& range) {
    return array_of<css::uno::Any>(range, [](css::uno::Any& out, const std::optional<double>& cell) {
        if (cell)
            out <<= *cell;  // a blank stays a void Any: an empty cell in Calc
    });
}

}  // namespace saleskpi::addin
