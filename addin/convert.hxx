// Calc arguments in, core values out; core errors out as the UNO exceptions Calc maps.
#pragma once

#include <optional>
#include <utility>

#include <com/sun/star/lang/IllegalArgumentException.hpp>
#include <com/sun/star/uno/Any.hxx>
#include <com/sun/star/uno/RuntimeException.hpp>
#include <com/sun/star/uno/Sequence.hxx>

#include "saleskpi/errors.hpp"
#include "saleskpi/range.hpp"

namespace saleskpi::addin {

using AnyMatrix = css::uno::Sequence<css::uno::Sequence<css::uno::Any>>;
using DoubleMatrix = css::uno::Sequence<css::uno::Sequence<double>>;

// A range, an inline array or a single value; blanks kept as gaps, text rejected.
Range to_range(const AnyMatrix& cells, const char* argument);

// An omitted optional argument (a void Any) gives the default, or nothing.
double optional_number(const css::uno::Any& value, const char* argument, double fallback);
std::optional<double> optional_number(const css::uno::Any& value, const char* argument);
std::optional<Range> optional_range(const css::uno::Any& value, const char* argument);

DoubleMatrix to_sequence(const Range& range);

[[noreturn]] void throw_illegal_argument(const char* message);

// Runs one KPI call: an invalid argument becomes IllegalArgumentException (Err:502), any
// other C++ exception a RuntimeException (#VALUE!), so nothing else leaves the component.
template <class Compute>
auto guarded(Compute&& compute) -> decltype(compute()) {
    try {
        return std::forward<Compute>(compute)();
    } catch (const css::uno::Exception&) {
        throw;
    } catch (const InvalidArgument& error) {
        throw_illegal_argument(error.what());
    } catch (const std::exception& error) {
        throw css::uno::RuntimeException(rtl::OUString::createFromAscii(error.what()));
    }
}

}  // namespace saleskpi::addin
