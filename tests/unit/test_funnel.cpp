// Seller funnel: conversion, activity_rate, funnel_rate, funnel_plan.
// (funnel_needed is covered by test_design_card.cpp.)
#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <optional>
#include <vector>

#include "saleskpi.hpp"
#include "support.hpp"

using saleskpi::FunnelRounding;
using saleskpi::Range;
using namespace saleskpi_test;

namespace {

// The cells of a result as plain numbers (a plan has no blanks).
std::vector<double> numbers(const Range& range) {
    std::vector<double> result;
    for (const auto& cell : range) {
        EXPECT_TRUE(cell.has_value());
        result.push_back(cell.value_or(not_a_number));
    }
    return result;
}

}  // namespace

// --- CONVERSION -------------------------------------------------------------

TEST(Conversion, DefinitionsExample) {
    EXPECT_DOUBLE_EQ(saleskpi::conversion(one(1), one(10)), 0.1);
}

TEST(Conversion, SumOverSumNotMeanOfRatios) {
    // (1 + 9) / (10 + 30) = 0.25; the mean of the ratios 0.1 and 0.3 would be 0.2.
    EXPECT_DOUBLE_EQ(saleskpi::conversion(Range::column({1, 9}), Range::column({10, 30})), 0.25);
}

TEST(Conversion, BlanksSkipped) {
    // outcomes 3 + 5 = 8, attempts 20 + 12 = 32: 8 / 32 = 0.25.
    const Range outcomes{3, 1, {3.0, std::nullopt, 5.0}};
    const Range attempts{3, 1, {20.0, 12.0, std::nullopt}};
    EXPECT_DOUBLE_EQ(saleskpi::conversion(outcomes, attempts), 0.25);
}

TEST(Conversion, ZeroOutcomesIsZero) {
    EXPECT_DOUBLE_EQ(saleskpi::conversion(one(0), one(7)), 0.0);
}

TEST(Conversion, Errors) {
    EXPECT_INVALID(saleskpi::conversion(one(-1), one(10)), "outcomes");
    EXPECT_INVALID(saleskpi::conversion(Range::column({5, -1}), one(10)), "outcomes");
    EXPECT_INVALID_AT(saleskpi::conversion(Range{2, 1, {std::nullopt, std::nullopt}}, one(10)),
                      "outcomes", "has no value");
    EXPECT_INVALID(saleskpi::conversion(one(1), one(0)), "attempts");
    EXPECT_INVALID(saleskpi::conversion(one(1), Range::column({10, -1})), "attempts");
    EXPECT_INVALID_AT(saleskpi::conversion(one(1), Range{1, 1, {std::nullopt}}),
                      "attempts", "has no value");
    EXPECT_INVALID(saleskpi::conversion(one(not_a_number), one(10)), "outcomes");
    EXPECT_INVALID(saleskpi::conversion(one(1), one(infinity)), "attempts");
}

// --- ACTIVITY_RATE ----------------------------------------------------------

TEST(ActivityRate, DefinitionsExample) {
    EXPECT_DOUBLE_EQ(saleskpi::activity_rate(one(100), one(1)), 100.0);
}

TEST(ActivityRate, RangesWithBlanks) {
    // (30 + 45) calls over (2 + 4) hours: 75 / 6 = 12.5.
    const Range activities{1, 3, {30.0, std::nullopt, 45.0}};
    const Range hours{2, 2, {2.0, std::nullopt, std::nullopt, 4.0}};
    EXPECT_DOUBLE_EQ(saleskpi::activity_rate(activities, hours), 12.5);
}

TEST(ActivityRate, Errors) {
    EXPECT_INVALID(saleskpi::activity_rate(one(-5), one(1)), "activities");
    EXPECT_INVALID_AT(saleskpi::activity_rate(Range{1, 1, {std::nullopt}}, one(1)),
                      "activities", "has no value");
    EXPECT_INVALID(saleskpi::activity_rate(one(5), one(0)), "hours");
    EXPECT_INVALID(saleskpi::activity_rate(one(5), Range::column({2, -1})), "hours");
    EXPECT_INVALID_AT(saleskpi::activity_rate(one(5), Range{1, 1, {std::nullopt}}),
                      "hours", "has no value");
    EXPECT_INVALID(saleskpi::activity_rate(one(infinity), one(1)), "activities");
    EXPECT_INVALID(saleskpi::activity_rate(one(5), one(not_a_number)), "hours");
}

// --- FUNNEL_RATE ------------------------------------------------------------

TEST(FunnelRate, DefinitionsExample) {
    EXPECT_NEAR(saleskpi::funnel_rate(Range::column({0.1, 0.2, 0.5})), 0.01, 1e-17);
}

TEST(FunnelRate, FurtherExamples) {
    // 0.5 × 0.5 × 0.25 = 0.0625 exactly (powers of two).
    EXPECT_DOUBLE_EQ(saleskpi::funnel_rate(Range::row({0.5, 0.5, 0.25})), 0.0625);
    EXPECT_DOUBLE_EQ(saleskpi::funnel_rate(one(1)), 1.0);
}

TEST(FunnelRate, BlanksSkipped) {
    // 0.5 × 0.4 = 0.2.
    EXPECT_DOUBLE_EQ(saleskpi::funnel_rate(Range{3, 1, {0.5, std::nullopt, 0.4}}), 0.2);
}

TEST(FunnelRate, Errors) {
    EXPECT_INVALID_AT(saleskpi::funnel_rate(Range{2, 2, {0.5, 0.5, 0.5, 0.5}}),
                      "rates", "must be one row or one column");
    EXPECT_INVALID(saleskpi::funnel_rate(Range::column({0.5, 0.0})), "rates");
    EXPECT_INVALID(saleskpi::funnel_rate(Range::column({0.5, 1.5})), "rates");
    EXPECT_INVALID(saleskpi::funnel_rate(Range::column({-0.5, 0.5})), "rates");
    EXPECT_INVALID_AT(saleskpi::funnel_rate(Range{2, 1, {std::nullopt, std::nullopt}}),
                      "rates", "has no value");
    EXPECT_INVALID_AT(saleskpi::funnel_rate(Range{0, 0, {}}), "rates", "has no value");
    EXPECT_INVALID(saleskpi::funnel_rate(one(not_a_number)), "rates");
}

// --- FUNNEL_PLAN ------------------------------------------------------------

TEST(FunnelPlan, DefinitionsExample) {
    const Range plan = saleskpi::funnel_plan(1, Range::column({0.1, 0.2, 0.5}), FunnelRounding::overall);
    EXPECT_EQ(plan.rows(), 4u);
    EXPECT_EQ(plan.cols(), 1u);
    EXPECT_EQ(numbers(plan), (std::vector<double>{100, 10, 2, 1}));
}

TEST(FunnelPlan, RowInputGivesRowOutput) {
    const Range plan = saleskpi::funnel_plan(1, Range::row({0.1, 0.2, 0.5}), FunnelRounding::overall);
    EXPECT_EQ(plan.rows(), 1u);
    EXPECT_EQ(plan.cols(), 4u);
    EXPECT_EQ(numbers(plan), (std::vector<double>{100, 10, 2, 1}));
}

TEST(FunnelPlan, SingleRateGivesColumn) {
    // 3 / 0.5 = 6.
    const Range plan = saleskpi::funnel_plan(3, one(0.5), FunnelRounding::overall);
    EXPECT_EQ(plan.rows(), 2u);
    EXPECT_EQ(plan.cols(), 1u);
    EXPECT_EQ(numbers(plan), (std::vector<double>{6, 3}));
}

TEST(FunnelPlan, PerStageRoundingMode2) {
    // 1 / 0.3 = 3.33 -> 4; 4 / 0.3 = 13.33 -> 14.
    EXPECT_EQ(numbers(saleskpi::funnel_plan(1, Range::column({0.3, 0.3}), FunnelRounding::per_stage)),
              (std::vector<double>{14, 4, 1}));
}

TEST(FunnelPlan, OverallRoundingMode1) {
    // Exact needs 11.11, 3.33, 1: each rounded up on its own -> 12, 4, 1.
    EXPECT_EQ(numbers(saleskpi::funnel_plan(1, Range::column({0.3, 0.3}), FunnelRounding::overall)),
              (std::vector<double>{12, 4, 1}));
}

TEST(FunnelPlan, ExactMode0) {
    const std::vector<double> plan = numbers(saleskpi::funnel_plan(1, Range::column({0.3, 0.3}), FunnelRounding::exact));
    ASSERT_EQ(plan.size(), 3u);
    EXPECT_DOUBLE_EQ(plan[0], 100.0 / 9.0);
    EXPECT_DOUBLE_EQ(plan[1], 10.0 / 3.0);
    EXPECT_DOUBLE_EQ(plan[2], 1.0);
}

TEST(FunnelPlan, ApproximateCeilingAvoidsNoise) {
    // From the bottom: 7 / 0.02 = 350, 350 / 0.35 = 1000 exactly, but in doubles the top
    // is 1000.0000000000001 (mode 2 divides stage by stage in doubles): modes 1 and 2 must
    // not round it up.
    const Range rates = Range::column({0.35, 0.02});
    EXPECT_GT(7 / 0.02 / 0.35, 1000.0);
    const std::vector<double> exact = numbers(saleskpi::funnel_plan(7, rates, FunnelRounding::exact));
    ASSERT_EQ(exact.size(), 3u);
    EXPECT_NEAR(exact[0], 1000.0, 1e-12);
    EXPECT_EQ(numbers(saleskpi::funnel_plan(7, rates, FunnelRounding::overall)), (std::vector<double>{1000, 350, 7}));
    EXPECT_EQ(numbers(saleskpi::funnel_plan(7, rates, FunnelRounding::per_stage)), (std::vector<double>{1000, 350, 7}));
    // The case of docs/rules.md: stages 14/0.1 = 140, /0.35 = 400, /0.5 = 800, /0.4 = 2000.
    EXPECT_EQ(numbers(saleskpi::funnel_plan(14, Range::column({0.4, 0.5, 0.35, 0.1}), FunnelRounding::overall)),
              (std::vector<double>{2000, 800, 400, 140, 14}));
}

TEST(FunnelPlan, BlanksSkippedAndTargetZero) {
    // Blank skipped: rates 0.5, 0.5; target 2 -> 8, 4, 2.
    EXPECT_EQ(numbers(saleskpi::funnel_plan(2, Range{3, 1, {0.5, std::nullopt, 0.5}}, FunnelRounding::overall)),
              (std::vector<double>{8, 4, 2}));
    EXPECT_EQ(numbers(saleskpi::funnel_plan(0, Range::column({0.3, 0.3}), FunnelRounding::per_stage)),
              (std::vector<double>{0, 0, 0}));
}

TEST(FunnelPlan, Errors) {
    const Range rates = Range::column({0.1, 0.2, 0.5});
    EXPECT_INVALID(saleskpi::funnel_plan(-1, rates, FunnelRounding::overall), "target");
    EXPECT_INVALID(saleskpi::funnel_plan(not_a_number, rates, FunnelRounding::overall), "target");
    EXPECT_INVALID(saleskpi::funnel_plan(infinity, rates, FunnelRounding::overall), "target");
    EXPECT_INVALID(saleskpi::funnel_plan(1, rates, saleskpi::funnel_rounding(3)), "mode");
    EXPECT_INVALID(saleskpi::funnel_plan(1, rates, saleskpi::funnel_rounding(0.5)), "mode");
    EXPECT_INVALID(saleskpi::funnel_plan(1, rates, saleskpi::funnel_rounding(-1)), "mode");
    EXPECT_INVALID(saleskpi::funnel_plan(1, rates, saleskpi::funnel_rounding(not_a_number)),
                   "mode");
    EXPECT_INVALID_AT(
        saleskpi::funnel_plan(1, Range{2, 2, {0.5, 0.5, 0.5, 0.5}}, FunnelRounding::overall),
        "rates", "must be one row or one column");
    EXPECT_INVALID(saleskpi::funnel_plan(1, Range::column({0.1, 0.0}), FunnelRounding::overall),
                   "rates");
    EXPECT_INVALID(saleskpi::funnel_plan(1, Range::column({0.1, 1.1}), FunnelRounding::overall),
                   "rates");
    EXPECT_INVALID_AT(
        saleskpi::funnel_plan(1, Range{1, 1, {std::nullopt}}, FunnelRounding::overall),
        "rates", "has no value");
}
