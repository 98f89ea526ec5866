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

// The converters report a bad argument as InvalidArgument, its message starting with the
// argument's name like the core's, so guarded() maps both the same way.

// A range, an inline array or a single value; blanks kept as gaps, text rejected.
Range to_range(const AnyMatrix& cells, const char* argument);

// An omitted optional argument (a void Any) gives the default, or nothing.
double optional_number(const css::uno::Any& value, const char* argument, double fallback);
std::optional<double> optional_number(const css::uno::Any& value, const char* argument);
std::optional<Range> optional_range(const css::uno::Any& value, const char* argument);

// Array results, the range's shape kept. A blank cell stays blank: a void Any in a
// sequence< sequence< any > > result, an empty cell in Calc. A sequence< sequence< double > >
// result cannot hold one (the IDL types of FUNNEL_PLAN, MRR_BRIDGE and STAGE_RATES, whose
// results have no blank): there a blank is a std::logic_error (#VALUE!), never a 0 that
// nothing computed.
DoubleMatrix to_sequence(const Range& range);
AnyMatrix to_table(const Range& range);

// Called in a catch block: rethrows the exception in flight as one the UNO bridge carries.
// UNO exceptions pass unchanged, InvalidArgument becomes IllegalArgumentException (Err:502)
// with its message, anything else a RuntimeException (#VALUE!).
[[noreturn]] void rethrow_for_uno();

// Runs one KPI call so that no C++ exception but a UNO one leaves the component.
template <class Compute>
auto guarded(Compute&& compute) -> decltype(compute()) {
    try {
        return std::forward<Compute>(compute)();
    } catch (...) {
        rethrow_for_uno();
    }
}

}  // namespace saleskpi::addin
