// Wide (src/wide.hpp), the core's intermediate number: sums, products and quotients of
// doubles rounded once, correctly, and of a range no Calc argument leaves.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "wide.hpp"

using saleskpi::Wide;

namespace {

double rounded(const Wide& value) { return static_cast<double>(value); }

constexpr double huge = 1e308;
constexpr double tiny = 1e-300;

}  // namespace

TEST(Wide, SumsAreRoundedOnce) {
    // 0.1 + 0.2 rounds once, like the double sum; 1 + 2^-60 - 1 keeps the 2^-60.
    EXPECT_EQ(rounded(Wide(0.1) + 0.2), 0.1 + 0.2);
    EXPECT_EQ(rounded(Wide(1.0) + 0x1p-60 - 1.0), 0x1p-60);
    // A compensated running sum: ten 0.1 are 1, where doubles give 0.9999999999999999.
    Wide total;
    double plain = 0.0;
    for (int i = 0; i < 10; ++i)
        total += 0.1, plain += 0.1;
    EXPECT_NE(plain, 1.0);
    EXPECT_EQ(rounded(total), 1.0);
    // What the running sum cancels stays: 1e16 + 1 - 1e16 is 1.
    Wide cancelled = 1e16;
    cancelled += 1.0;
    cancelled += -1e16;
    EXPECT_EQ(rounded(cancelled), 1.0);
}

TEST(Wide, ProductsAndQuotientsAreRoundedOnce) {
    // One product rounds as the double product does; three factors round once, where doubles
    // round twice (the exact product of these three, rounded, computed with __float128).
    EXPECT_EQ(rounded(Wide(0.1) * 3.0), 0.1 * 3.0);
    const double seventh = 1.0 / 7.0;
    EXPECT_EQ(0.01 * 0.1 * seventh, 0.00014285714285714284);
    EXPECT_EQ(rounded(Wide(0.01) * 0.1 * seventh), 0.00014285714285714287);
    EXPECT_EQ(rounded(Wide(1.0) / 3.0), 1.0 / 3.0);
    EXPECT_EQ(rounded(Wide(2.0) / 3.0 * 3.0), 2.0);
    EXPECT_EQ(rounded(Wide(14.0) / (Wide(0.4) * 0.5 * 0.35 * 0.1)), 2000.0);
}

TEST(Wide, IntermediatesNeitherOverflowNorUnderflow) {
    EXPECT_EQ(rounded((Wide(huge) + huge) / 2.0), huge);
    EXPECT_EQ(rounded(Wide(huge) * huge / huge), huge);
    EXPECT_DOUBLE_EQ(rounded(Wide(tiny) / (Wide(tiny) * tiny)), 1e300);
    EXPECT_EQ(rounded(Wide(1e-320) / 1e-320), 1.0);
    EXPECT_EQ(rounded(Wide(huge) * 0.0), 0.0);
    Wide product = 1.0;
    for (int i = 0; i < 100; ++i)
        product *= tiny;
    for (int i = 0; i < 100; ++i)
        product /= tiny;
    EXPECT_EQ(rounded(product), 1.0);
}

TEST(Wide, OnlyTheFinalResultLeavesTheRangeOfADouble) {
    EXPECT_EQ(rounded(Wide(huge) * huge), std::numeric_limits<double>::infinity());
    EXPECT_EQ(rounded(Wide(huge) + huge), std::numeric_limits<double>::infinity());
    EXPECT_EQ(rounded(-(Wide(huge) + huge)), -std::numeric_limits<double>::infinity());
    EXPECT_EQ(rounded(Wide(tiny) * tiny), 0.0);
}

TEST(Wide, ComparesExactly) {
    EXPECT_TRUE(Wide(huge) + huge > huge);
    EXPECT_TRUE(Wide(1.0) + 0x1p-80 > 1.0);
    EXPECT_TRUE(Wide(0.1) + 0.2 == Wide(0.2) + 0.1);
    EXPECT_FALSE(Wide(0.1) + 0.2 == 0.3);
    EXPECT_TRUE(Wide(tiny) * tiny > 0.0);
    EXPECT_TRUE(Wide() == 0.0);
    EXPECT_LT(Wide(-1.0), Wide(tiny) * tiny);
}
