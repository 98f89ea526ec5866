// Huge and tiny arguments: intermediates must not overflow into NaN or a wrong number
// (found by the fuzzer); only a result too large for a double is infinity (#NUM!).
#include <gtest/gtest.h>

#include "saleskpi.hpp"
#include "support.hpp"

using saleskpi::FunnelRounding;
using saleskpi::Range;
using namespace saleskpi_test;

namespace {
constexpr double huge = 1e308;
const Range two_huge = Range::column({huge, huge});
}  // namespace

TEST(Overflow, RangeSumsDoNotOverflow) {
    EXPECT_DOUBLE_EQ(saleskpi::win_rate(one(huge), one(huge), one(0)), 0.5);
    EXPECT_DOUBLE_EQ(saleskpi::win_rate(two_huge, one(1), one(0)), 1.0);
    EXPECT_DOUBLE_EQ(saleskpi::conversion(one(1), two_huge), 0.5 / huge);
    EXPECT_DOUBLE_EQ(saleskpi::pipeline_coverage(two_huge, two_huge), 1.0);
    EXPECT_DOUBLE_EQ(saleskpi::asp(two_huge, std::nullopt), huge);
    EXPECT_DOUBLE_EQ(saleskpi::weighted_pipeline(two_huge, Range::column({0.5, 0.5})), huge);
}

TEST(Overflow, ScalarSumsDoNotOverflow) {
    EXPECT_DOUBLE_EQ(saleskpi::churn_rate(huge, huge, huge), 0.5);
    EXPECT_DOUBLE_EQ(saleskpi::quick_ratio(huge, 0, huge, huge, 0), 0.5);
    EXPECT_DOUBLE_EQ(saleskpi::quick_ratio(huge, huge, huge, huge, 0), 1.0);
    EXPECT_DOUBLE_EQ(saleskpi::nrr(huge, 0, 0, huge), 2.0);
    EXPECT_DOUBLE_EQ(saleskpi::net_mrr_churn(huge, 0, 0, huge, huge), -2.0);
}

TEST(Overflow, ZeroTimesHugeIsZero) {
    EXPECT_EQ(saleskpi::ltv(huge, huge, 0), 0.0);
    EXPECT_EQ(saleskpi::sales_velocity(huge, huge, 0, 1), 0.0);
    EXPECT_DOUBLE_EQ(saleskpi::sales_velocity(huge, huge, 0.5, huge), huge / 2);
    EXPECT_EQ(saleskpi::ltv_churn(1, 1e-320, 0, std::nullopt), 0.0);
    EXPECT_EQ(saleskpi::cac_payback(0, 1e-300, 1e-300), 0.0);
}

TEST(Overflow, TargetZeroNeedsNothingHoweverSmallTheRates) {
    const Range tiny = Range::column({1e-300, 1e-300});
    for (double mode : {0.0, 1.0, 2.0}) {
        EXPECT_EQ(saleskpi::funnel_needed(0, tiny, saleskpi::funnel_rounding(mode)), 0.0);
        EXPECT_EQ(saleskpi::funnel_plan(0, tiny, saleskpi::funnel_rounding(mode)).cells(),
                  (std::vector<std::optional<double>>{0.0, 0.0, 0.0}));
    }
}

TEST(Overflow, ResultsTooLargeForADoubleAreInfinite) {
    EXPECT_EQ(saleskpi::ltv(huge, huge, 1), infinity);
    EXPECT_EQ(saleskpi::cac(two_huge, 1), infinity);
    EXPECT_EQ(saleskpi::funnel_needed(1, Range::column({1e-300, 1e-300}), FunnelRounding::exact), infinity);
    EXPECT_EQ(saleskpi::mrr_to_arr(huge), infinity);
}
