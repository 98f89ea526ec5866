// guarded(): what reaches Calc when a KPI call throws. Only UNO exceptions may cross the
// bridge; InvalidArgument must become IllegalArgumentException (Err:502) with its position.
#include <new>
#include <stdexcept>

#include <gtest/gtest.h>

#include "saleskpi.hpp"
#include "support.hpp"

using namespace saleskpi_addin_test;
using css::lang::IllegalArgumentException;
using css::uno::RuntimeException;
using saleskpi::InvalidArgument;
using saleskpi::addin::argument_position;
using saleskpi::addin::guarded;
using saleskpi::addin::to_range;

TEST(Guarded, ReturnsTheResult) {
    EXPECT_EQ(guarded([] { return 1200.0; }, {"price"}), 1200.0);
}

TEST(Guarded, InvalidArgumentBecomesIllegalArgumentWithMessageAndPosition) {
    const auto error = thrown<IllegalArgumentException>([] {
        guarded([]() -> double { throw InvalidArgument("churn (-1) must be >= 0"); },
                {"arpa", "churn", "gross_margin"});
    });
    EXPECT_EQ(utf8(error.Message), "churn (-1) must be >= 0");
    EXPECT_EQ(error.ArgumentPosition, 1);
}

TEST(Guarded, AConverterErrorNamesItsArgumentsPosition) {
    const auto error = thrown<IllegalArgumentException>([] {
        guarded([] { return to_range(matrix({{text("x")}}), "rates").size(); }, {"target", "rates", "mode"});
    });
    EXPECT_EQ(utf8(error.Message), "rates holds text or a non-number");
    EXPECT_EQ(error.ArgumentPosition, 1);
}

TEST(Guarded, ACoreErrorNamesItsArgumentsPosition) {
    const auto error = thrown<IllegalArgumentException>([] {
        guarded([] { return saleskpi::ltv_churn(100.0, -0.5, 1.0, std::nullopt); },
                {"arpa", "churn", "gross_margin", "max_periods"});
    });
    EXPECT_EQ(error.ArgumentPosition, 1) << utf8(error.Message);
}

TEST(Guarded, ABadNullDateIsTheHiddenFirstArgument) {
    // The generated glue names the document settings "null_date", as the core's error does.
    const auto error = thrown<IllegalArgumentException>([] {
        guarded([] { return saleskpi::null_date(2023, 2, 30); }, {"null_date", "customers"});
    });
    EXPECT_EQ(error.ArgumentPosition, 0) << utf8(error.Message);
}

TEST(Guarded, PositionIsUnknownWhenNoParameterIsNamed) {
    const auto error = thrown<IllegalArgumentException>(
        [] { guarded([]() -> int { throw InvalidArgument("rates has no value"); }); });
    EXPECT_EQ(error.ArgumentPosition, -1);  // the IDL's "not known"
}

TEST(ArgumentPosition, MatchesWholeNamesOnly) {
    EXPECT_EQ(argument_position("churn (2) must lie in [0; 1]", {"churned", "contraction", "churn"}), 2);
    EXPECT_EQ(argument_position("churned (-1) must be >= 0", {"churn", "churned"}), 1);
    EXPECT_EQ(argument_position("deals", {"revenue", "deals"}), 1);
    EXPECT_EQ(argument_position("criteria: a range lacks its criterion", {"data", "criteria"}), 1);
    EXPECT_EQ(argument_position("revenues are odd", {"x", "revenue"}), -1);
    EXPECT_EQ(argument_position("max_periods_x (1) is odd", {"max_periods"}), -1);
    EXPECT_EQ(argument_position("", {"x"}), -1);
}

TEST(Guarded, OutOfMemoryBecomesARuntimeException) {
    EXPECT_THROW(guarded([]() -> double { throw std::bad_alloc(); }), RuntimeException);
}

TEST(Guarded, AnyOtherStandardExceptionBecomesARuntimeException) {
    const auto error = thrown<RuntimeException>(
        [] { guarded([]() -> double { throw std::length_error("grid: rows x cols overflows"); }); });
    EXPECT_EQ(utf8(error.Message), "grid: rows x cols overflows");
}

TEST(Guarded, ANonStandardExceptionBecomesARuntimeException) {
    EXPECT_THROW(guarded([]() -> double { throw 42; }), RuntimeException);
}

TEST(Guarded, UnoExceptionsPassUnchanged) {
    const auto illegal = thrown<IllegalArgumentException>([] {
        guarded([]() -> double { throw IllegalArgumentException("as is", {}, 3); }, {"a", "b"});
    });
    EXPECT_EQ(utf8(illegal.Message), "as is");
    EXPECT_EQ(illegal.ArgumentPosition, 3);
    const auto runtime = thrown<RuntimeException>(
        [] { guarded([]() -> double { throw RuntimeException("from UNO"); }); });
    EXPECT_EQ(utf8(runtime.Message), "from UNO");
}
