// guarded(): what reaches Calc when a KPI call throws. Only UNO exceptions may cross the
// bridge; InvalidArgument must become IllegalArgumentException (Err:502) with its position.
#include <new>
#include <string>
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

// The trailing criteria pairs are one UNO parameter ("criteria", last), but Calc's arguments
// one by one: pair N's criteria_range at criteria's position + 2 (N - 1), its criterion next.
// Positions count as the glue's names do: the hidden null_date first, optional ones included.
TEST(ArgumentPosition, CriteriaPairsAreCountedAsCalcsArguments) {
    const auto mrr_at = {"null_date", "starts", "ends", "amounts", "date", "criteria"};
    EXPECT_EQ(argument_position("criteria_range 1 must have the shape of starts (3 x 1), not 2 x 1", mrr_at), 5);
    EXPECT_EQ(argument_position("criterion 1 (nan) must be a finite number, a text or blank", mrr_at), 6);
    EXPECT_EQ(argument_position("criteria_range 2 (inf) must be a finite number, a text or blank in row 2",
                                mrr_at), 7);
    EXPECT_EQ(argument_position("criterion 2 must be a single value", mrr_at), 8);
    EXPECT_EQ(argument_position("criterion 12", mrr_at), 28);
    // by_revenue is optional but always one of the method's parameters: the pairs follow it.
    const auto cohort_retention = {"null_date", "customers", "starts",     "ends",    "amounts",
                                   "cohort",    "months_after", "by_revenue", "criteria"};
    EXPECT_EQ(argument_position("criteria_range 1 must have the shape of starts", cohort_retention), 8);
    EXPECT_EQ(argument_position("criterion 3 (inf) must be finite", cohort_retention), 13);
    // No hidden settings argument.
    const auto stage_rates = {"stages", "order", "criteria"};
    EXPECT_EQ(argument_position("criteria_range 1 holds neither text nor a number", stage_rates), 2);
    EXPECT_EQ(argument_position("criterion 1 must be a single value", stage_rates), 3);
}

TEST(ArgumentPosition, ACriteriaWordWithoutAPairNumberIsNoPosition) {
    const auto names = {"stages", "order", "criteria"};
    EXPECT_EQ(argument_position("criterion must be a single value", names), -1);
    EXPECT_EQ(argument_position("criteria_range 0 is odd", names), -1);
    EXPECT_EQ(argument_position("criteria_range 1x is odd", names), -1);
    EXPECT_EQ(argument_position("criterion 99999999999999999999 is odd", names), -1);
    EXPECT_EQ(argument_position("criterion 20000 is past a 16-bit position", names), -1);
    EXPECT_EQ(argument_position("criterion 1 (nan) must be finite", {"rates", "mode"}), -1);  // no pairs
}

TEST(Guarded, ACoreCriteriaErrorNamesThePairsPosition) {
    using saleskpi::Cell;
    using saleskpi::Cells;
    using saleskpi::Range;
    const auto error = thrown<IllegalArgumentException>([&] {
        guarded([&] {
            const Cells plan(2, 1, {Cell{std::string("pro")}, Cell{std::string("pro")}});
            const Cells region(3, 1, {Cell{1.0}, Cell{1.0}, Cell{1.0}});  // of another shape
            return saleskpi::mrr_at(
                saleskpi::SubscriptionRows::read(Range::column({45306, 45306}), Range::column({45361, 45400}),
                                                 Range::column({100, 50}), saleskpi::default_null_date),
                45350, {{plan, Cell{std::string("pro")}}, {region, Cell{1.0}}});
        }, {"null_date", "starts", "ends", "amounts", "date", "criteria"});
    });
    EXPECT_EQ(error.ArgumentPosition, 7) << utf8(error.Message);  // pair 2's criteria range
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
