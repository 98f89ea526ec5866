// The generated method glue (functions.glue.cxx), called as Calc calls it. Each method
// converts its arguments one at a time in parameter order (the document's null date first; a
// group of columns, the subscription rows, read and checked as soon as its last column is
// converted), then calls the core, whose own checks follow. So of two bad arguments the
// first is named. Passed as one call's arguments, the conversions ran in the compiler's
// order: GCC named the last bad one, clang the first.
#include <gtest/gtest.h>
#include <rtl/ref.hxx>

#include "component.hxx"
#include "fakes.hpp"
#include "support.hpp"

using namespace saleskpi_addin_test;
using css::lang::IllegalArgumentException;
using saleskpi::addin::AnySequence;
using saleskpi::addin::DocumentSettings;
using saleskpi::addin::Functions;

namespace {

rtl::Reference<Functions> functions() { return new Functions(new FakeContext(true)); }

template <class Call>
std::string message_of(Call&& call) {
    return utf8(thrown<IllegalArgumentException>(std::forward<Call>(call)).Message);
}

const AnyMatrix some_text = matrix({{text("x")}});
const AnyMatrix day = matrix({{Any(45306.0)}});
const AnyMatrix no_end = matrix({{text("")}});
const AnySequence odd_criteria(1);  // a criteria range without its criterion

}  // namespace

TEST(Glue, OfTwoBadArgumentsTheFirstIsNamed) {
    EXPECT_EQ(message_of([] { functions()->winRate(some_text, some_text, Any()); }),
              "won holds text or a non-number");
    EXPECT_EQ(message_of([] { functions()->winRate(matrix({{Any(1.0)}}), some_text, Any(some_text)); }),
              "lost holds text or a non-number");
    EXPECT_EQ(message_of([] { functions()->mrrAt(DocumentSettings(), day, no_end, some_text, 45350.0,
                                                 odd_criteria); }),
              "amounts holds text or a non-number");
}

TEST(Glue, TheDocumentsNullDateComesFirst) {
    const DocumentSettings february_30 = new FakeSettings(Any(css::util::Date(30, 2, 1900)));
    EXPECT_EQ(message_of([&] { functions()->mrrAt(february_30, some_text, no_end, some_text, 45350.0,
                                                  odd_criteria); })
                  .rfind("null_date ", 0),
              0u);
}

TEST(Glue, TheRowsAreCheckedBeforeTheArgumentsAfterThem) {
    // A row the subscription rules refuse, then odd criteria: the row is named.
    EXPECT_EQ(message_of([] { functions()->mrrAt(DocumentSettings(), day, no_end, matrix({{Any(-5.0)}}),
                                                 45350.0, odd_criteria); }),
              "amounts (-5) must be >= 0 in row 1");
    EXPECT_EQ(message_of([] { functions()->mrrAt(DocumentSettings(), day, no_end, matrix({{Any(5.0)}}),
                                                 45350.0, odd_criteria); }),
              "criteria_range 1 has no criterion");
}
