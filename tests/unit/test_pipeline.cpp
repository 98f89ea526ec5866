// Pipeline and quota.
#include <gtest/gtest.h>

#include <limits>
#include <optional>

#include "saleskpi.hpp"
#include "support.hpp"

using saleskpi::Range;
using namespace saleskpi_test;


// --- WIN_RATE ---------------------------------------------------------------

TEST(WinRate, DefinitionsExample) {
    // 20 / (20 + 30) = 0.4; ties default to 0 (the glue passes a single 0).
    EXPECT_DOUBLE_EQ(saleskpi::win_rate(one(20), one(30), one(0)), 0.4);
}

TEST(WinRate, TiesCountHalf) {
    // (20 + 10/2) / (20 + 30 + 10) = 25 / 60 = 5/12.
    EXPECT_DOUBLE_EQ(saleskpi::win_rate(one(20), one(30), one(10)), 5.0 / 12.0);
    // Only ties: (0 + 4/2) / 4 = 0.5.
    EXPECT_DOUBLE_EQ(saleskpi::win_rate(one(0), one(0), one(4)), 0.5);
}

TEST(WinRate, RangesWithBlanks) {
    // won 10 + 5 = 15, lost 5, ties 2 + 0: (15 + 1) / 22 = 8/11.
    const Range won{3, 1, {10.0, blank, 5.0}};
    const Range lost{2, 1, {blank, 5.0}};
    const Range ties{1, 2, {2.0, blank}};
    EXPECT_DOUBLE_EQ(saleskpi::win_rate(won, lost, ties), 8.0 / 11.0);
}

TEST(WinRate, AllLostIsZeroAllWonIsOne) {
    EXPECT_DOUBLE_EQ(saleskpi::win_rate(one(0), one(7), one(0)), 0.0);
    EXPECT_DOUBLE_EQ(saleskpi::win_rate(one(7), one(0), one(0)), 1.0);
}

TEST(WinRate, Errors) {
    EXPECT_INVALID_AT(saleskpi::win_rate(one(-1), one(30), one(0)), "won", "must be >= 0");
    EXPECT_INVALID_AT(saleskpi::win_rate(Range::column({5, -1}), one(30), one(0)),
                      "won", "must be >= 0");
    EXPECT_INVALID(saleskpi::win_rate(one(20), one(-30), one(0)), "lost");
    EXPECT_INVALID(saleskpi::win_rate(one(20), one(30), one(-2)), "ties");
    // Nothing closed.
    EXPECT_INVALID(saleskpi::win_rate(one(0), one(0), one(0)), "won + lost + ties");
    EXPECT_INVALID_AT(saleskpi::win_rate(Range{1, 1, {blank}}, one(30), one(0)),
                      "won", "has no value");
    EXPECT_INVALID_AT(saleskpi::win_rate(one(20), Range{1, 1, {blank}}, one(0)),
                      "lost", "has no value");
    EXPECT_INVALID_AT(saleskpi::win_rate(one(20), one(30), Range{1, 1, {blank}}),
                      "ties", "has no value");
    EXPECT_INVALID_AT(saleskpi::win_rate(one(not_a_number), one(30), one(0)),
                      "won", "must be a finite number");
    EXPECT_INVALID(saleskpi::win_rate(one(20), one(infinity), one(0)), "lost");
}

// --- SALES_VELOCITY ---------------------------------------------------------

TEST(SalesVelocity, DefinitionsExample) {
    EXPECT_DOUBLE_EQ(saleskpi::sales_velocity(10, 1000, 0.5, 50), 100.0);
}

TEST(SalesVelocity, FurtherExamples) {
    // 20 × 2500 × 0.25 / 30 = 12500 / 30 = 1250/3.
    EXPECT_DOUBLE_EQ(saleskpi::sales_velocity(20, 2500, 0.25, 30), 1250.0 / 3.0);
    EXPECT_DOUBLE_EQ(saleskpi::sales_velocity(0, 2500, 0.25, 30), 0.0);
    EXPECT_DOUBLE_EQ(saleskpi::sales_velocity(4, 100, 1, 0.5), 800.0);
}

TEST(SalesVelocity, Errors) {
    EXPECT_INVALID(saleskpi::sales_velocity(-1, 1000, 0.5, 50), "opportunities");
    EXPECT_INVALID(saleskpi::sales_velocity(10, -1000, 0.5, 50), "avg_deal");
    EXPECT_INVALID(saleskpi::sales_velocity(10, 1000, -0.1, 50), "win_rate");
    EXPECT_INVALID(saleskpi::sales_velocity(10, 1000, 1.5, 50), "win_rate");
    EXPECT_INVALID(saleskpi::sales_velocity(10, 1000, 0.5, 0), "cycle_length");
    EXPECT_INVALID(saleskpi::sales_velocity(10, 1000, 0.5, -50), "cycle_length");
    EXPECT_INVALID(saleskpi::sales_velocity(not_a_number, 1000, 0.5, 50), "opportunities");
    EXPECT_INVALID(saleskpi::sales_velocity(10, infinity, 0.5, 50), "avg_deal");
    EXPECT_INVALID(saleskpi::sales_velocity(10, 1000, 0.5, infinity), "cycle_length");
}

// --- PIPELINE_COVERAGE ------------------------------------------------------

TEST(PipelineCoverage, DefinitionsExample) {
    EXPECT_DOUBLE_EQ(saleskpi::pipeline_coverage(one(300), one(100)), 3.0);
}

TEST(PipelineCoverage, RangesWithBlanks) {
    // (100 + 200 + 50) / (50 + 100) = 350 / 150 = 7/3.
    const Range pipeline{4, 1, {100.0, blank, 200.0, 50.0}};
    const Range quota{1, 3, {50.0, blank, 100.0}};
    EXPECT_DOUBLE_EQ(saleskpi::pipeline_coverage(pipeline, quota), 7.0 / 3.0);
    EXPECT_DOUBLE_EQ(saleskpi::pipeline_coverage(one(0), one(100)), 0.0);
}

TEST(PipelineCoverage, Errors) {
    EXPECT_INVALID(saleskpi::pipeline_coverage(one(-300), one(100)), "pipeline");
    EXPECT_INVALID_AT(saleskpi::pipeline_coverage(Range{1, 1, {blank}}, one(100)),
                      "pipeline", "has no value");
    EXPECT_INVALID(saleskpi::pipeline_coverage(one(300), one(0)), "quota");
    // Each quota cell must be >= 0, even when the sum is positive.
    EXPECT_INVALID(saleskpi::pipeline_coverage(one(300), Range::column({200, -50})), "quota");
    EXPECT_INVALID_AT(saleskpi::pipeline_coverage(one(300), Range{2, 1, {blank, blank}}),
                      "quota", "has no value");
    EXPECT_INVALID(saleskpi::pipeline_coverage(one(not_a_number), one(100)), "pipeline");
    EXPECT_INVALID(saleskpi::pipeline_coverage(one(300), one(infinity)), "quota");
}

// --- REQUIRED_COVERAGE ------------------------------------------------------

TEST(RequiredCoverage, DefinitionsExample) {
    EXPECT_DOUBLE_EQ(saleskpi::required_coverage(0.25), 4.0);
}

TEST(RequiredCoverage, FurtherExamples) {
    EXPECT_DOUBLE_EQ(saleskpi::required_coverage(1), 1.0);
    EXPECT_DOUBLE_EQ(saleskpi::required_coverage(0.4), 2.5);  // 1 / 0.4 = 2.5
}

TEST(RequiredCoverage, Errors) {
    EXPECT_INVALID(saleskpi::required_coverage(0), "win_rate");
    EXPECT_INVALID(saleskpi::required_coverage(-0.25), "win_rate");
    EXPECT_INVALID(saleskpi::required_coverage(1.25), "win_rate");
    EXPECT_INVALID(saleskpi::required_coverage(not_a_number), "win_rate");
    EXPECT_INVALID(saleskpi::required_coverage(infinity), "win_rate");
}

// --- WEIGHTED_PIPELINE ------------------------------------------------------

TEST(WeightedPipeline, DefinitionsExample) {
    // 100 × 0.5 + 200 × 0.25 = 50 + 50 = 100.
    EXPECT_DOUBLE_EQ(
        saleskpi::weighted_pipeline(Range::column({100, 200}), Range::column({0.5, 0.25})), 100.0);
}

TEST(WeightedPipeline, FurtherExamples) {
    // 1000 × 0.1 + 500 × 1 + 800 × 0 = 600 (row shapes).
    EXPECT_DOUBLE_EQ(saleskpi::weighted_pipeline(Range::row({1000, 500, 800}),
                                                 Range::row({0.1, 1, 0})),
                     600.0);
    EXPECT_DOUBLE_EQ(saleskpi::weighted_pipeline(one(400), one(0.75)), 300.0);
}

TEST(WeightedPipeline, PairsWithABlankSideSkipped) {
    // Pairs (100, 0.5), (-, 0.9), (300, -), (400, 0.25): 50 + 100 = 150.
    const Range amounts{4, 1, {100.0, blank, 300.0, 400.0}};
    const Range probabilities{4, 1, {0.5, 0.9, blank, 0.25}};
    EXPECT_DOUBLE_EQ(saleskpi::weighted_pipeline(amounts, probabilities), 150.0);
}

TEST(WeightedPipeline, Errors) {
    // Different shapes: a column of 2 against a row of 2, and against a column of 3.
    EXPECT_INVALID_AT(
        saleskpi::weighted_pipeline(Range::column({100, 200}), Range::row({0.5, 0.25})),
        "probabilities", "must have the same shape as amounts");
    EXPECT_INVALID_AT(
        saleskpi::weighted_pipeline(Range::column({100, 200}), Range::column({0.5, 0.25, 0.1})),
        "probabilities", "must have the same shape as amounts");
    EXPECT_INVALID(
        saleskpi::weighted_pipeline(Range::column({-100, 200}), Range::column({0.5, 0.25})),
        "amounts");
    EXPECT_INVALID(
        saleskpi::weighted_pipeline(Range::column({100, 200}), Range::column({0.5, 1.25})),
        "probabilities");
    EXPECT_INVALID(
        saleskpi::weighted_pipeline(Range::column({100, 200}), Range::column({-0.5, 0.25})),
        "probabilities");
    // A value without a partner must still be valid.
    EXPECT_INVALID(
        saleskpi::weighted_pipeline(Range{2, 1, {100.0, -5.0}}, Range{2, 1, {0.5, blank}}),
        "amounts");
    EXPECT_INVALID(
        saleskpi::weighted_pipeline(Range{2, 1, {100.0, blank}}, Range{2, 1, {0.5, 2.0}}),
        "probabilities");
    // No complete pair.
    EXPECT_INVALID_AT(
        saleskpi::weighted_pipeline(Range{2, 1, {100.0, blank}}, Range{2, 1, {blank, 0.5}}),
        "amounts", "has no value paired with a probability");
    // No value at all: the error names the range to fill (amounts first).
    EXPECT_INVALID_AT(saleskpi::weighted_pipeline(Range{1, 1, {blank}}, Range{1, 1, {blank}}),
                      "amounts", "has no value");
    EXPECT_INVALID_AT(saleskpi::weighted_pipeline(Range{2, 1, {blank, blank}}, Range::column({0.5, 0.25})),
                      "amounts", "has no value");
    EXPECT_INVALID_AT(saleskpi::weighted_pipeline(Range::column({100, 200}), Range{2, 1, {blank, blank}}),
                      "probabilities", "has no value");
    // ...and every value present is still checked first.
    EXPECT_INVALID(saleskpi::weighted_pipeline(Range{2, 1, {-1.0, blank}}, Range{2, 1, {blank, blank}}),
                   "amounts");
    EXPECT_INVALID(saleskpi::weighted_pipeline(one(not_a_number), one(0.5)), "amounts");
    EXPECT_INVALID(saleskpi::weighted_pipeline(one(infinity), one(0.5)), "amounts");
}

// --- QUOTA_ATTAINMENT -------------------------------------------------------

TEST(QuotaAttainment, DefinitionsExample) {
    EXPECT_DOUBLE_EQ(saleskpi::quota_attainment(one(90), one(100)), 0.9);
}

TEST(QuotaAttainment, MayExceedOneAndRangesWithBlanks) {
    EXPECT_DOUBLE_EQ(saleskpi::quota_attainment(one(120), one(100)), 1.2);
    // (40 + 35) / (50 + 50) = 0.75.
    const Range closed{3, 1, {40.0, blank, 35.0}};
    const Range quota{3, 1, {50.0, 50.0, blank}};
    EXPECT_DOUBLE_EQ(saleskpi::quota_attainment(closed, quota), 0.75);
}

TEST(QuotaAttainment, Errors) {
    EXPECT_INVALID(saleskpi::quota_attainment(one(-90), one(100)), "closed");
    EXPECT_INVALID_AT(saleskpi::quota_attainment(Range{1, 1, {blank}}, one(100)),
                      "closed", "has no value");
    EXPECT_INVALID(saleskpi::quota_attainment(one(90), one(0)), "quota");
    EXPECT_INVALID(saleskpi::quota_attainment(one(90), Range::column({150, -50})), "quota");
    EXPECT_INVALID_AT(saleskpi::quota_attainment(one(90), Range{1, 1, {blank}}),
                      "quota", "has no value");
    EXPECT_INVALID(saleskpi::quota_attainment(one(90), one(not_a_number)), "quota");
}

// --- ASP --------------------------------------------------------------------

TEST(Asp, DefinitionsExample) {
    EXPECT_DOUBLE_EQ(saleskpi::asp(one(650), 10.0), 65.0);
}

TEST(Asp, WithDealsOverARange) {
    // (400 + 350) / 3 deals = 250.
    EXPECT_DOUBLE_EQ(saleskpi::asp(Range{3, 1, {400.0, blank, 350.0}}, 3.0), 250.0);
}

TEST(Asp, WithoutDealsMeanOfNonBlankCells) {
    // (100 + 200 + 600) / 3 = 300; the blank is not a deal.
    EXPECT_DOUBLE_EQ(saleskpi::asp(Range{4, 1, {100.0, blank, 200.0, 600.0}}, std::nullopt),
                     300.0);
    EXPECT_DOUBLE_EQ(saleskpi::asp(one(650), std::nullopt), 650.0);
}

TEST(Asp, Errors) {
    EXPECT_INVALID(saleskpi::asp(one(650), 0.0), "deals");
    EXPECT_INVALID(saleskpi::asp(one(650), -10.0), "deals");
    EXPECT_INVALID(saleskpi::asp(one(650), not_a_number), "deals");
    EXPECT_INVALID(saleskpi::asp(one(-650), 10.0), "revenue");
    EXPECT_INVALID(saleskpi::asp(one(-650), std::nullopt), "revenue");
    EXPECT_INVALID_AT(saleskpi::asp(Range{1, 1, {blank}}, 10.0), "revenue", "has no value");
    EXPECT_INVALID_AT(saleskpi::asp(Range{2, 1, {blank, blank}}, std::nullopt),
                      "revenue", "has no value");
    EXPECT_INVALID(saleskpi::asp(one(infinity), std::nullopt), "revenue");
}
