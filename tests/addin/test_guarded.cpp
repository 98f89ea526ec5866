// guarded(): what reaches Calc when a KPI call throws. Only UNO exceptions may cross the
// bridge; InvalidArgument must become IllegalArgumentException (Err:502) with its message.
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
using saleskpi::addin::guarded;
using saleskpi::addin::to_range;

namespace {

bool starts_with(const rtl::OUString& message, const std::string& start) {
    return utf8(message).rfind(start, 0) == 0;
}

}  // namespace

TEST(Guarded, ReturnsTheResult) {
    EXPECT_EQ(guarded([] { return 1200.0; }), 1200.0);
}

TEST(Guarded, InvalidArgumentBecomesIllegalArgumentWithItsMessage) {
    const auto error = thrown<IllegalArgumentException>(
        [] { guarded([]() -> double { throw InvalidArgument("churn (-1) must be >= 0"); }); });
    EXPECT_EQ(utf8(error.Message), "churn (-1) must be >= 0");
}

TEST(Guarded, AConverterErrorKeepsItsMessage) {
    const auto error = thrown<IllegalArgumentException>(
        [] { guarded([] { return to_range(matrix({{text("x")}}), "rates").size(); }); });
    EXPECT_EQ(utf8(error.Message), "rates holds text or a non-number");
}

TEST(Guarded, ACoreErrorKeepsItsMessage) {
    const auto error = thrown<IllegalArgumentException>(
        [] { guarded([] { return saleskpi::ltv_churn(100.0, -0.5, 1.0, std::nullopt); }); });
    EXPECT_TRUE(starts_with(error.Message, "churn (-0.5) ")) << utf8(error.Message);
}

TEST(Guarded, ABadNullDateIsNamed) {
    const auto error = thrown<IllegalArgumentException>(
        [] { guarded([] { return saleskpi::null_date(2023, 2, 30); }); });
    EXPECT_TRUE(starts_with(error.Message, "null_date ")) << utf8(error.Message);
}

TEST(Guarded, ACoreCriteriaErrorNamesThePair) {
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
        });
    });
    EXPECT_TRUE(starts_with(error.Message, "criteria_range 2 ")) << utf8(error.Message);
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
    const auto illegal = thrown<IllegalArgumentException>(
        [] { guarded([]() -> double { throw IllegalArgumentException("as is", {}, 3); }); });
    EXPECT_EQ(utf8(illegal.Message), "as is");
    EXPECT_EQ(illegal.ArgumentPosition, 3);
    const auto runtime = thrown<RuntimeException>(
        [] { guarded([]() -> double { throw RuntimeException("from UNO"); }); });
    EXPECT_EQ(utf8(runtime.Message), "from UNO");
}
