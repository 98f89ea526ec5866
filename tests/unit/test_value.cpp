// Customer value and acquisition cost (LTV and CAC_MAX are in test_design_card.cpp).
#include <gtest/gtest.h>

#include <limits>
#include <optional>

#include "saleskpi.hpp"
#include "support.hpp"

using saleskpi::Range;
using namespace saleskpi_test;

namespace {

const std::optional<double> uncapped;

}  // namespace

// --- LTV_CHURN --------------------------------------------------------------

TEST(LtvChurn, DefinitionsExample) {
    // 100 × 1 × (1 / 0.05) = 2000.
    EXPECT_DOUBLE_EQ(saleskpi::ltv_churn(100, 0.05, 1, uncapped), 2000.0);
}

TEST(LtvChurn, GrossMargin) {
    // 100 × 0.8 × 20 = 1600; 50 × 0.5 × (1 / 0.25) = 100.
    EXPECT_DOUBLE_EQ(saleskpi::ltv_churn(100, 0.05, 0.8, uncapped), 1600.0);
    EXPECT_DOUBLE_EQ(saleskpi::ltv_churn(50, 0.25, 0.5, uncapped), 100.0);
}

TEST(LtvChurn, Cap) {
    // Lifetime 20 capped at 12: 100 × 12 = 1200; a cap of 36 does not bind: 2000.
    EXPECT_DOUBLE_EQ(saleskpi::ltv_churn(100, 0.05, 1, 12.0), 1200.0);
    EXPECT_DOUBLE_EQ(saleskpi::ltv_churn(100, 0.05, 1, 36.0), 2000.0);
    // Zero churn with a cap: lifetime = cap: 100 × 0.5 × 60 = 3000.
    EXPECT_DOUBLE_EQ(saleskpi::ltv_churn(100, 0, 0.5, 60.0), 3000.0);
    // Total churn: one period.
    EXPECT_DOUBLE_EQ(saleskpi::ltv_churn(100, 1, 1, uncapped), 100.0);
}

TEST(LtvChurn, Errors) {
    // Zero churn without max_periods: an endless lifetime.
    EXPECT_INVALID_AT(saleskpi::ltv_churn(100, 0, 1, uncapped),
                      "churn", "gives an endless lifetime");
    EXPECT_INVALID(saleskpi::ltv_churn(-100, 0.05, 1, uncapped), "arpa");
    EXPECT_INVALID(saleskpi::ltv_churn(100, -0.05, 1, uncapped), "churn");
    EXPECT_INVALID(saleskpi::ltv_churn(100, 1.05, 1, uncapped), "churn");
    EXPECT_INVALID(saleskpi::ltv_churn(100, 0.05, -0.1, uncapped), "gross_margin");
    EXPECT_INVALID(saleskpi::ltv_churn(100, 0.05, 1.1, uncapped), "gross_margin");
    EXPECT_INVALID(saleskpi::ltv_churn(100, 0.05, 1, 0.0), "max_periods");
    EXPECT_INVALID(saleskpi::ltv_churn(100, 0, 1, -12.0), "max_periods");
    EXPECT_INVALID(saleskpi::ltv_churn(100, 0.05, 1, infinity), "max_periods");
    EXPECT_INVALID(saleskpi::ltv_churn(not_a_number, 0.05, 1, uncapped), "arpa");
    EXPECT_INVALID(saleskpi::ltv_churn(100, not_a_number, 1, 12.0), "churn");
}

// --- LTV_DISCOUNTED ---------------------------------------------------------

TEST(LtvDiscounted, DefinitionsExample) {
    // 100 × 1 / (0.05 + 0.05) = 1000.
    EXPECT_DOUBLE_EQ(saleskpi::ltv_discounted(100, 0.05, 0.05, 1), 1000.0);
}

TEST(LtvDiscounted, FurtherExamples) {
    // 100 × 0.75 / (0.02 + 0.03) = 75 / 0.05 = 1500.
    EXPECT_NEAR(saleskpi::ltv_discounted(100, 0.02, 0.03, 0.75), 1500.0, 1e-9);
    // No churn, only discounting: 100 / 0.1 = 1000; no discounting = LTV_CHURN: 100 / 0.25 = 400.
    EXPECT_DOUBLE_EQ(saleskpi::ltv_discounted(100, 0, 0.1, 1), 1000.0);
    EXPECT_DOUBLE_EQ(saleskpi::ltv_discounted(100, 0.25, 0, 1), 400.0);
}

TEST(LtvDiscounted, Errors) {
    EXPECT_INVALID(saleskpi::ltv_discounted(100, 0, 0, 1), "churn + discount_rate");
    EXPECT_INVALID(saleskpi::ltv_discounted(-100, 0.05, 0.05, 1), "arpa");
    EXPECT_INVALID_AT(saleskpi::ltv_discounted(100, -0.05, 0.1, 1), "churn", "must lie in [0; 1]");
    EXPECT_INVALID_AT(saleskpi::ltv_discounted(100, 1.5, 0.05, 1), "churn", "must lie in [0; 1]");
    EXPECT_INVALID(saleskpi::ltv_discounted(100, 0.05, -0.01, 1), "discount_rate");
    EXPECT_INVALID(saleskpi::ltv_discounted(100, 0.05, 0.05, -0.5), "gross_margin");
    EXPECT_INVALID(saleskpi::ltv_discounted(100, 0.05, 0.05, 1.5), "gross_margin");
    EXPECT_INVALID(saleskpi::ltv_discounted(100, 0.05, infinity, 1), "discount_rate");
    EXPECT_INVALID(saleskpi::ltv_discounted(not_a_number, 0.05, 0.05, 1), "arpa");
}

// --- CAC --------------------------------------------------------------------

TEST(Cac, DefinitionsExample) {
    EXPECT_DOUBLE_EQ(saleskpi::cac(Range::single(8000), 100), 80.0);
}

TEST(Cac, CostRangeWithBlanks) {
    // Salaries 5000 + tools 2000 + ads 1000 = 8000 over 64 customers = 125.
    EXPECT_DOUBLE_EQ(saleskpi::cac(Range{4, 1, {5000.0, blank, 2000.0, 1000.0}}, 64), 125.0);
    EXPECT_DOUBLE_EQ(saleskpi::cac(Range::single(0), 5), 0.0);
}

TEST(Cac, Errors) {
    EXPECT_INVALID(saleskpi::cac(Range::single(8000), 0), "new_customers");
    EXPECT_INVALID(saleskpi::cac(Range::single(8000), -100), "new_customers");
    EXPECT_INVALID(saleskpi::cac(Range::column({9000, -1000}), 100), "cost");
    EXPECT_INVALID_AT(saleskpi::cac(Range{2, 1, {blank, blank}}, 100), "cost", "has no value");
    EXPECT_INVALID(saleskpi::cac(Range::single(8000), not_a_number), "new_customers");
    EXPECT_INVALID(saleskpi::cac(Range::single(infinity), 100), "cost");
}

// --- LTV_CAC ----------------------------------------------------------------

TEST(LtvCac, DefinitionsExample) {
    EXPECT_DOUBLE_EQ(saleskpi::ltv_cac(1200, 400), 3.0);
}

TEST(LtvCac, FurtherExamples) {
    EXPECT_DOUBLE_EQ(saleskpi::ltv_cac(1000, 400), 2.5);
    EXPECT_DOUBLE_EQ(saleskpi::ltv_cac(0, 400), 0.0);
}

TEST(LtvCac, Errors) {
    EXPECT_INVALID(saleskpi::ltv_cac(-1200, 400), "ltv");
    EXPECT_INVALID(saleskpi::ltv_cac(1200, 0), "cac");
    EXPECT_INVALID(saleskpi::ltv_cac(1200, -400), "cac");
    EXPECT_INVALID(saleskpi::ltv_cac(not_a_number, 400), "ltv");
    EXPECT_INVALID(saleskpi::ltv_cac(1200, infinity), "cac");
}

// --- CAC_PAYBACK ------------------------------------------------------------

TEST(CacPayback, DefinitionsExample) {
    EXPECT_DOUBLE_EQ(saleskpi::cac_payback(1000, 100, 1), 10.0);
}

TEST(CacPayback, GrossMargin) {
    // 1000 / (100 × 0.8) = 1000 / 80 = 12.5.
    EXPECT_DOUBLE_EQ(saleskpi::cac_payback(1000, 100, 0.8), 12.5);
    EXPECT_DOUBLE_EQ(saleskpi::cac_payback(0, 100, 0.8), 0.0);
}

TEST(CacPayback, Errors) {
    EXPECT_INVALID(saleskpi::cac_payback(-1000, 100, 1), "cac");
    EXPECT_INVALID(saleskpi::cac_payback(1000, 0, 1), "arpa");
    EXPECT_INVALID(saleskpi::cac_payback(1000, -100, 1), "arpa");
    EXPECT_INVALID(saleskpi::cac_payback(1000, 100, 0), "gross_margin");
    EXPECT_INVALID(saleskpi::cac_payback(1000, 100, 1.2), "gross_margin");
    EXPECT_INVALID(saleskpi::cac_payback(1000, 100, -0.5), "gross_margin");
    EXPECT_INVALID(saleskpi::cac_payback(infinity, 100, 1), "cac");
    EXPECT_INVALID(saleskpi::cac_payback(1000, not_a_number, 1), "arpa");
}

// --- CUSTOMER_LIFETIME ------------------------------------------------------

TEST(CustomerLifetime, DefinitionsExample) {
    EXPECT_DOUBLE_EQ(saleskpi::customer_lifetime(0.25), 4.0);
}

TEST(CustomerLifetime, FurtherExamples) {
    EXPECT_DOUBLE_EQ(saleskpi::customer_lifetime(1), 1.0);
    EXPECT_DOUBLE_EQ(saleskpi::customer_lifetime(0.05), 20.0);  // 1 / 0.05 = 20
}

TEST(CustomerLifetime, Errors) {
    EXPECT_INVALID(saleskpi::customer_lifetime(0), "churn");
    EXPECT_INVALID(saleskpi::customer_lifetime(-0.25), "churn");
    EXPECT_INVALID(saleskpi::customer_lifetime(1.25), "churn");
    EXPECT_INVALID(saleskpi::customer_lifetime(not_a_number), "churn");
}
