// Building Calc's arguments by hand: what the UNO bridge hands the add-in.
#pragma once

#include <initializer_list>
#include <stdexcept>
#include <string>

#include <gtest/gtest.h>
#include <rtl/ustring.hxx>

#include "convert.hxx"

namespace saleskpi_addin_test {

using saleskpi::addin::AnyMatrix;
using css::uno::Any;

inline Any text(const char* value) { return Any(rtl::OUString::createFromAscii(value)); }

// Rows of cells, as Calc passes a range or an inline array; rows may differ in length.
inline AnyMatrix matrix(std::initializer_list<std::initializer_list<Any>> rows) {
    AnyMatrix result(static_cast<sal_Int32>(rows.size()));
    auto* out = result.getArray();
    for (const auto& row : rows)
        *out++ = css::uno::Sequence<Any>(row.begin(), static_cast<sal_Int32>(row.size()));
    return result;
}

inline std::string utf8(const rtl::OUString& value) {
    return rtl::OUStringToOString(value, RTL_TEXTENCODING_UTF8).getStr();
}

// The exception of type E that call throws. Throwing none fails the test (GoogleTest
// reports the escaping std::logic_error), as does throwing another type.
template <class E, class Call>
E thrown(Call&& call) {
    try {
        call();
    } catch (const E& error) {
        return error;
    }
    throw std::logic_error("expected an exception, none was thrown");
}

}  // namespace saleskpi_addin_test
