// The four functions the product is known for: LTV, CAC_MAX, MRR_TO_ARR, FUNNEL_NEEDED.
#include <limits>
#include <optional>

#include <gtest/gtest.h>

#include "saleskpi.hpp"
#include "support.hpp"

using saleskpi::FunnelRounding;
using saleskpi::Range;
using namespace saleskpi_test;

namespace {
const Range calls_leads_meetings = Range::column({0.1, 0.2, 0.5});
}  // namespace

TEST(Ltv, PriceTimesFrequencyTimesYears) {
    EXPECT_DOUBLE_EQ(saleskpi::ltv(400, 1, 3), 1200);
    EXPECT_DOUBLE_EQ(saleskpi::ltv(49.5, 4, 2.5), 495);
    EXPECT_EQ(saleskpi::ltv(0, 1, 3), 0);
}

TEST(Ltv, RejectsNegativeArguments) {
    EXPECT_INVALID(saleskpi::ltv(-400, 1, 3), "price");
    EXPECT_INVALID(saleskpi::ltv(400, -1, 3), "purchases_per_year");
    EXPECT_INVALID(saleskpi::ltv(400, 1, -3), "years");
}

TEST(Ltv, OverflowIsInfiniteNotAnError) {
    EXPECT_EQ(saleskpi::ltv(1e200, 1e200, 1), infinity);
}

TEST(CacMax, LtvOverRatio) {
    EXPECT_DOUBLE_EQ(saleskpi::cac_max(1200, 3), 400);
    EXPECT_DOUBLE_EQ(saleskpi::cac_max(1200, 4), 300);
    EXPECT_DOUBLE_EQ(saleskpi::cac_max(0, 3), 0);
}

TEST(CacMax, RejectsNegativeLtvAndNonPositiveRatio) {
    EXPECT_INVALID(saleskpi::cac_max(-1, 3), "ltv");
    EXPECT_INVALID(saleskpi::cac_max(1200, 0), "ratio");
    EXPECT_INVALID(saleskpi::cac_max(1200, -3), "ratio");
}

TEST(MrrToArr, TwelveTimesAnyFiniteValue) {
    EXPECT_DOUBLE_EQ(saleskpi::mrr_to_arr(25), 300);
    EXPECT_DOUBLE_EQ(saleskpi::mrr_to_arr(-10), -120);
    EXPECT_INVALID(saleskpi::mrr_to_arr(infinity), "mrr");
}

TEST(FunnelNeeded, BackCalculatesCallsPerSale) {
    EXPECT_DOUBLE_EQ(saleskpi::funnel_needed(1, calls_leads_meetings, FunnelRounding::overall), 100);
    EXPECT_DOUBLE_EQ(saleskpi::funnel_needed(1, calls_leads_meetings, FunnelRounding::exact), 100);
    EXPECT_DOUBLE_EQ(saleskpi::funnel_needed(1, calls_leads_meetings, FunnelRounding::per_stage), 100);
}

TEST(FunnelNeeded, ApproximateCeilingIgnoresFloatingPointNoise) {
    // In doubles 14 / (0.4 × 0.5 × 0.35 × 0.1) is 2000.0000000000002; no rounding may ask
    // for 2001. (The core's Wide product gives 2000 even unrounded.)
    const Range rates = Range::column({0.4, 0.5, 0.35, 0.1});
    EXPECT_GT(14 / (0.4 * 0.5 * 0.35 * 0.1), 2000.0);
    EXPECT_NEAR(saleskpi::funnel_needed(14, rates, FunnelRounding::exact), 2000.0, 1e-9);
    EXPECT_EQ(saleskpi::funnel_needed(14, rates, FunnelRounding::overall), 2000.0);
}

TEST(FunnelNeeded, PerStageRoundingNeedsMoreActivity) {
    const Range rates = Range::row({0.3, 0.3});
    EXPECT_NEAR(saleskpi::funnel_needed(1, rates, FunnelRounding::exact), 1 / 0.09, 1e-12);
    EXPECT_EQ(saleskpi::funnel_needed(1, rates, FunnelRounding::overall), 12);  // ceil(11.11)
    EXPECT_EQ(saleskpi::funnel_needed(1, rates, FunnelRounding::per_stage), 14);  // ceil(ceil(1/0.3)/0.3) = ceil(13.33)
}

TEST(FunnelNeeded, TargetZeroNeedsNothing) {
    for (double mode : {0.0, 1.0, 2.0})
        EXPECT_EQ(saleskpi::funnel_needed(0, calls_leads_meetings, saleskpi::funnel_rounding(mode)), 0);
}

TEST(FunnelNeeded, BlankCellsAreSkipped) {
    const Range with_blank{4, 1, {0.1, std::nullopt, 0.2, 0.5}};
    EXPECT_DOUBLE_EQ(saleskpi::funnel_needed(1, with_blank, FunnelRounding::overall), 100);
}

TEST(FunnelNeeded, RejectsInvalidInput) {
    EXPECT_INVALID(saleskpi::funnel_needed(-1, calls_leads_meetings, FunnelRounding::overall),
                   "target");
    EXPECT_INVALID(saleskpi::funnel_needed(1, Range::column({0.1, 0.0}), FunnelRounding::overall),
                   "rates");
    EXPECT_INVALID(saleskpi::funnel_needed(1, Range::column({0.1, 1.5}), FunnelRounding::overall),
                   "rates");
    EXPECT_INVALID_AT(
        saleskpi::funnel_needed(1, Range{2, 1, {std::nullopt, std::nullopt}},
                                FunnelRounding::overall),
        "rates", "has no value");
    EXPECT_INVALID_AT(
        saleskpi::funnel_needed(1, Range{2, 2, {0.1, 0.2, 0.3, 0.4}}, FunnelRounding::overall),
        "rates", "must be one row or one column");
    EXPECT_INVALID(saleskpi::funnel_needed(1, calls_leads_meetings, saleskpi::funnel_rounding(3)),
                   "mode");
    EXPECT_INVALID(saleskpi::funnel_needed(1, calls_leads_meetings, saleskpi::funnel_rounding(0.5)),
                   "mode");
    EXPECT_INVALID(saleskpi::funnel_needed(1, calls_leads_meetings, saleskpi::funnel_rounding(-1)),
                   "mode");
}

TEST(FunnelNeeded, HugeTargetOverflowsToInfinity) {
    EXPECT_EQ(saleskpi::funnel_needed(1e308, Range::column({1e-10}), FunnelRounding::overall), infinity);
}
