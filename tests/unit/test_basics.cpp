// The shared machinery: argument checks, ranges and the approximate ceiling.
#include <cmath>
#include <limits>
#include <optional>
#include <string>

#include <gtest/gtest.h>

#include "checks.hpp"
#include "saleskpi.hpp"
#include "support.hpp"

using saleskpi::InvalidArgument;
using saleskpi::Range;
using namespace saleskpi_test;


TEST(Checks, MessageNamesArgumentAndValue) {
    try {
        saleskpi::non_negative("price", -400.0);
        FAIL() << "no exception";
    } catch (const InvalidArgument& error) {
        EXPECT_EQ(std::string(error.what()), "price (-400) must be >= 0");
    }
}

TEST(Checks, AcceptTheirDomainAndReturnTheValue) {
    EXPECT_EQ(saleskpi::finite("x", -3.5), -3.5);
    EXPECT_EQ(saleskpi::non_negative("x", 0.0), 0.0);
    EXPECT_EQ(saleskpi::positive("x", 1e-300), 1e-300);
    EXPECT_EQ(saleskpi::fraction("x", 0.0), 0.0);
    EXPECT_EQ(saleskpi::fraction("x", 1.0), 1.0);
    EXPECT_EQ(saleskpi::positive_fraction("x", 1.0), 1.0);
}

TEST(Checks, RejectOutsideTheirDomain) {
    EXPECT_INVALID(saleskpi::finite("x", infinity), "x");
    EXPECT_INVALID(saleskpi::finite("x", not_a_number), "x");
    EXPECT_INVALID(saleskpi::non_negative("x", -1e-300), "x");
    EXPECT_INVALID(saleskpi::non_negative("x", not_a_number), "x");
    EXPECT_INVALID(saleskpi::positive("x", 0.0), "x");
    EXPECT_INVALID(saleskpi::positive("x", infinity), "x");
    EXPECT_INVALID(saleskpi::fraction("x", 1.0000001), "x");
    EXPECT_INVALID(saleskpi::fraction("x", -0.1), "x");
    EXPECT_INVALID(saleskpi::positive_fraction("x", 0.0), "x");
    EXPECT_INVALID(saleskpi::positive_fraction("x", not_a_number), "x");
}

TEST(Ranges, SumSkipsBlanksAndChecksEveryCell) {
    const Range cells{3, 1, {1.0, std::nullopt, 2.5}};
    EXPECT_EQ(saleskpi::sum("r", cells, saleskpi::non_negative), 3.5);
    const Range negative{2, 1, {1.0, -1.0}};
    EXPECT_INVALID(saleskpi::sum("r", negative, saleskpi::non_negative), "r");
}

TEST(Ranges, RangeWithoutValueIsInvalid) {
    const Range blanks{1, 2, {std::nullopt, std::nullopt}};
    EXPECT_INVALID_AT(saleskpi::sum("r", blanks, saleskpi::finite), "r", "has no value");
    EXPECT_INVALID_AT(saleskpi::sum("r", Range{}, saleskpi::finite), "r", "has no value");
    EXPECT_TRUE(saleskpi::values("r", blanks, saleskpi::finite).empty());
}

TEST(Ranges, ShapeHelpers) {
    EXPECT_TRUE(Range::column({1, 2, 3}).is_line());
    EXPECT_TRUE(Range::row({1, 2, 3}).is_line());
    EXPECT_FALSE((Range{2, 2, {1.0, 2.0, 3.0, 4.0}}).is_line());
    EXPECT_TRUE(Range::column({1, 2}).same_shape(Range{2, 1, {std::nullopt, 5.0}}));
    EXPECT_FALSE(Range::column({1, 2}).same_shape(Range::row({1, 2})));
}

TEST(ApproxCeil, FloatingPointNoiseDoesNotAddOne) {
    const double noisy = 14 / (0.4 * 0.5 * 0.35 * 0.1);
    ASSERT_GT(noisy, 2000.0);  // the noise this rounding exists for
    EXPECT_EQ(saleskpi::approx_ceil(noisy), 2000.0);
}

TEST(ApproxCeil, HugeCountsOnlyLoseTheNoise) {
    EXPECT_EQ(saleskpi::approx_ceil(4799395923043.12), 4799395923043.0);  // .12 is past digit 12
    EXPECT_EQ(saleskpi::approx_ceil(479939592304.5), 479939592305.0);     // digit 12 is a real .5
}

TEST(ApproxCeil, RealFractionsStillRoundUp) {
    EXPECT_EQ(saleskpi::approx_ceil(11.111111111111), 12.0);
    EXPECT_EQ(saleskpi::approx_ceil(2000.0001), 2001.0);
    EXPECT_EQ(saleskpi::approx_ceil(0.3), 1.0);
    EXPECT_EQ(saleskpi::approx_ceil(7.0), 7.0);
    EXPECT_EQ(saleskpi::approx_ceil(0.0), 0.0);
    EXPECT_EQ(saleskpi::approx_ceil(1e300), 1e300);
    EXPECT_EQ(saleskpi::approx_ceil(infinity), infinity);
}
