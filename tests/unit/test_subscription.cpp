// Subscription revenue (MRR_TO_ARR is in test_design_card.cpp).
#include <gtest/gtest.h>

#include <limits>
#include <optional>

#include "saleskpi.hpp"
#include "support.hpp"

using saleskpi::Range;
using namespace saleskpi_test;


// --- MRR --------------------------------------------------------------------

TEST(Mrr, DefinitionsExample) {
    EXPECT_DOUBLE_EQ(saleskpi::mrr(one(1200), one(12)), 100.0);
}

TEST(Mrr, OneIntervalForEveryAmount) {
    // Monthly default: 100 + 50 = 150 (blank skipped); quarterly: (300 + 600) / 3 = 300.
    EXPECT_DOUBLE_EQ(saleskpi::mrr(Range{3, 1, {100.0, blank, 50.0}}, one(1)), 150.0);
    EXPECT_DOUBLE_EQ(saleskpi::mrr(Range::row({300, 600}), one(3)), 300.0);
}

TEST(Mrr, IntervalPerAmount) {
    // 1200/12 + 300/3 + 100/1 = 300; the fourth row is blank on both sides.
    const Range amounts{4, 1, {1200.0, 300.0, 100.0, blank}};
    const Range months{4, 1, {12.0, 3.0, 1.0, blank}};
    EXPECT_DOUBLE_EQ(saleskpi::mrr(amounts, months), 300.0);
    // A months cell next to a blank amount is not needed: 600/6 = 100.
    EXPECT_DOUBLE_EQ(saleskpi::mrr(Range{1, 2, {600.0, blank}}, Range{1, 2, {6.0, 12.0}}), 100.0);
}

TEST(Mrr, Errors) {
    // months neither one value nor the shape of amounts.
    EXPECT_INVALID_AT(saleskpi::mrr(Range::column({100, 200}), Range::column({1, 1, 1})),
                      "months", "must be one value or have the same shape as amounts");
    EXPECT_INVALID_AT(saleskpi::mrr(Range::column({100, 200}), Range::row({1, 1})),
                      "months", "must be one value or have the same shape as amounts");
    EXPECT_INVALID(saleskpi::mrr(one(1200), one(0)), "months");
    EXPECT_INVALID(saleskpi::mrr(one(1200), one(-12)), "months");
    // Every months cell is checked, even next to a blank amount.
    EXPECT_INVALID(saleskpi::mrr(Range{1, 2, {600.0, blank}}, Range{1, 2, {6.0, -1.0}}), "months");
    // An amount without its months.
    EXPECT_INVALID_AT(saleskpi::mrr(Range{1, 2, {600.0, 300.0}}, Range{1, 2, {6.0, blank}}),
                      "months", "is blank next to an amount");
    EXPECT_INVALID_AT(saleskpi::mrr(one(600), Range{1, 1, {blank}}),
                      "months", "is blank next to an amount");
    EXPECT_INVALID(saleskpi::mrr(one(-1200), one(12)), "amounts");
    EXPECT_INVALID_AT(saleskpi::mrr(Range{2, 1, {blank, blank}}, one(1)),
                      "amounts", "has no value");
    EXPECT_INVALID(saleskpi::mrr(one(not_a_number), one(1)), "amounts");
    EXPECT_INVALID(saleskpi::mrr(one(1200), one(infinity)), "months");
}

// --- ARR_TO_MRR -------------------------------------------------------------

TEST(ArrToMrr, DefinitionsExample) {
    EXPECT_DOUBLE_EQ(saleskpi::arr_to_mrr(300), 25.0);
}

TEST(ArrToMrr, NegativeChangeAllowed) {
    EXPECT_DOUBLE_EQ(saleskpi::arr_to_mrr(-120), -10.0);
    EXPECT_DOUBLE_EQ(saleskpi::arr_to_mrr(0), 0.0);
}

TEST(ArrToMrr, Errors) {
    EXPECT_INVALID(saleskpi::arr_to_mrr(not_a_number), "arr");
    EXPECT_INVALID(saleskpi::arr_to_mrr(infinity), "arr");
    EXPECT_INVALID(saleskpi::arr_to_mrr(-infinity), "arr");
}

// --- ARPA -------------------------------------------------------------------

TEST(Arpa, DefinitionsExample) {
    EXPECT_DOUBLE_EQ(saleskpi::arpa(one(300), 3), 100.0);
}

TEST(Arpa, RangeWithBlanks) {
    // (100 + 250) / 5 = 70.
    EXPECT_DOUBLE_EQ(saleskpi::arpa(Range{3, 1, {100.0, blank, 250.0}}, 5), 70.0);
}

TEST(Arpa, Errors) {
    EXPECT_INVALID(saleskpi::arpa(one(-300), 3), "mrr");
    EXPECT_INVALID(saleskpi::arpa(Range::column({400, -100}), 3), "mrr");
    EXPECT_INVALID_AT(saleskpi::arpa(Range{1, 1, {blank}}, 3), "mrr", "has no value");
    EXPECT_INVALID(saleskpi::arpa(one(300), 0), "customers");
    EXPECT_INVALID(saleskpi::arpa(one(300), -3), "customers");
    EXPECT_INVALID(saleskpi::arpa(one(300), not_a_number), "customers");
}

// --- CHURN_RATE -------------------------------------------------------------

TEST(ChurnRate, DefinitionsExample) {
    EXPECT_DOUBLE_EQ(saleskpi::churn_rate(5, 100, 0), 0.05);
}

TEST(ChurnRate, FurtherExamples) {
    // 6 / (100 + 20) = 0.05; everyone lost: 10 / (8 + 2) = 1; only new customers: 0 / 10.
    EXPECT_DOUBLE_EQ(saleskpi::churn_rate(6, 100, 20), 0.05);
    EXPECT_DOUBLE_EQ(saleskpi::churn_rate(10, 8, 2), 1.0);
    EXPECT_DOUBLE_EQ(saleskpi::churn_rate(0, 0, 10), 0.0);
}

TEST(ChurnRate, Errors) {
    EXPECT_INVALID(saleskpi::churn_rate(-5, 100, 0), "lost");
    EXPECT_INVALID_AT(saleskpi::churn_rate(5, -100, 0), "start", "must be >= 0");
    EXPECT_INVALID(saleskpi::churn_rate(5, 100, -1), "new_customers");
    EXPECT_INVALID(saleskpi::churn_rate(0, 0, 0), "start + new_customers");
    EXPECT_INVALID_AT(saleskpi::churn_rate(11, 8, 2), "lost", "must be <= start + new_customers");
    EXPECT_INVALID(saleskpi::churn_rate(not_a_number, 100, 0), "lost");
    EXPECT_INVALID_AT(saleskpi::churn_rate(5, infinity, 0), "start", "must be a finite number");
}

// --- GROSS_MRR_CHURN, NET_MRR_CHURN, GRR, NRR -------------------------------

TEST(GrossMrrChurn, DefinitionsExample) {
    EXPECT_DOUBLE_EQ(saleskpi::gross_mrr_churn(100, 5, 5), 0.1);
}

TEST(GrossMrrChurn, FurtherExamples) {
    EXPECT_DOUBLE_EQ(saleskpi::gross_mrr_churn(200, 10, 0), 0.05);  // 10 / 200
    EXPECT_DOUBLE_EQ(saleskpi::gross_mrr_churn(100, 60, 40), 1.0);  // all MRR lost
}

// The loss checks shared by GROSS_MRR_CHURN, NET_MRR_CHURN, GRR and NRR.
TEST(GrossMrrChurn, Errors) {
    EXPECT_INVALID(saleskpi::gross_mrr_churn(0, 0, 0), "start_mrr");
    EXPECT_INVALID(saleskpi::gross_mrr_churn(-100, 5, 5), "start_mrr");
    EXPECT_INVALID_AT(saleskpi::gross_mrr_churn(100, -5, 5), "churned", "must be >= 0");
    EXPECT_INVALID(saleskpi::gross_mrr_churn(100, 5, -5), "contraction");
    EXPECT_INVALID(saleskpi::gross_mrr_churn(100, 60, 41), "churned + contraction");
    EXPECT_INVALID(saleskpi::gross_mrr_churn(not_a_number, 5, 5), "start_mrr");
    EXPECT_INVALID_AT(saleskpi::gross_mrr_churn(100, infinity, 5),
                      "churned", "must be a finite number");
}

TEST(NetMrrChurn, DefinitionsExample) {
    // (5 + 5 - 20 - 0) / 100 = -0.1.
    EXPECT_DOUBLE_EQ(saleskpi::net_mrr_churn(100, 5, 5, 20, 0), -0.1);
}

TEST(NetMrrChurn, FurtherExamples) {
    // (5 + 5 - 20 - 10) / 100 = -0.2; (20 + 10 - 5 - 5) / 200 = 0.1.
    EXPECT_DOUBLE_EQ(saleskpi::net_mrr_churn(100, 5, 5, 20, 10), -0.2);
    EXPECT_DOUBLE_EQ(saleskpi::net_mrr_churn(200, 20, 10, 5, 5), 0.1);
}

TEST(NetMrrChurn, Errors) {
    EXPECT_INVALID(saleskpi::net_mrr_churn(0, 5, 5, 20, 0), "start_mrr");
    EXPECT_INVALID(saleskpi::net_mrr_churn(-100, 5, 5, 20, 0), "start_mrr");
    EXPECT_INVALID_AT(saleskpi::net_mrr_churn(100, -5, 5, 20, 0), "churned", "must be >= 0");
    EXPECT_INVALID(saleskpi::net_mrr_churn(100, 5, -5, 20, 0), "contraction");
    EXPECT_INVALID(saleskpi::net_mrr_churn(100, 5, 5, -20, 0), "expansion");
    EXPECT_INVALID(saleskpi::net_mrr_churn(100, 5, 5, 20, -1), "reactivation");
    EXPECT_INVALID(saleskpi::net_mrr_churn(100, 90, 20, 500, 0), "churned + contraction");
    EXPECT_INVALID(saleskpi::net_mrr_churn(100, 5, 5, not_a_number, 0), "expansion");
    EXPECT_INVALID(saleskpi::net_mrr_churn(100, 5, 5, 20, infinity), "reactivation");
}

TEST(Grr, DefinitionsExample) {
    EXPECT_DOUBLE_EQ(saleskpi::grr(100, 5, 5), 0.9);
}

TEST(Grr, FurtherExamples) {
    EXPECT_DOUBLE_EQ(saleskpi::grr(100, 100, 0), 0.0);  // everything lost
    EXPECT_DOUBLE_EQ(saleskpi::grr(80, 0, 0), 1.0);     // nothing lost
    EXPECT_DOUBLE_EQ(saleskpi::grr(200, 30, 20), 0.75); // 150 / 200
}

TEST(Grr, Errors) {
    EXPECT_INVALID(saleskpi::grr(0, 0, 0), "start_mrr");
    EXPECT_INVALID(saleskpi::grr(-100, 5, 5), "start_mrr");
    EXPECT_INVALID_AT(saleskpi::grr(100, -5, 5), "churned", "must be >= 0");
    EXPECT_INVALID(saleskpi::grr(100, 5, -5), "contraction");
    EXPECT_INVALID(saleskpi::grr(100, 95, 10), "churned + contraction");
    EXPECT_INVALID(saleskpi::grr(infinity, 5, 5), "start_mrr");
}

TEST(Nrr, DefinitionsExample) {
    EXPECT_DOUBLE_EQ(saleskpi::nrr(100, 5, 5, 20), 1.1);
}

TEST(Nrr, FurtherExamples) {
    // (200 - 30 - 20 + 10) / 200 = 160 / 200 = 0.8; (100 - 100 - 0 + 50) / 100 = 0.5.
    EXPECT_DOUBLE_EQ(saleskpi::nrr(200, 30, 20, 10), 0.8);
    EXPECT_DOUBLE_EQ(saleskpi::nrr(100, 100, 0, 50), 0.5);
}

TEST(Nrr, Errors) {
    EXPECT_INVALID(saleskpi::nrr(0, 5, 5, 20), "start_mrr");
    EXPECT_INVALID(saleskpi::nrr(-100, 5, 5, 20), "start_mrr");
    EXPECT_INVALID_AT(saleskpi::nrr(100, -5, 5, 20), "churned", "must be >= 0");
    EXPECT_INVALID(saleskpi::nrr(100, 5, -5, 20), "contraction");
    EXPECT_INVALID(saleskpi::nrr(100, 5, 5, -20), "expansion");
    EXPECT_INVALID(saleskpi::nrr(100, 80, 30, 20), "churned + contraction");
    EXPECT_INVALID(saleskpi::nrr(100, 5, 5, not_a_number), "expansion");
}

// --- QUICK_RATIO ------------------------------------------------------------

TEST(QuickRatio, DefinitionsExample) {
    EXPECT_DOUBLE_EQ(saleskpi::quick_ratio(30, 10, 5, 5, 0), 4.0);
}

TEST(QuickRatio, FurtherExamples) {
    // (30 + 10 + 10) / (5 + 5) = 5; (0 + 0 + 0) / (0 + 5) = 0; (3 + 0 + 0) / (4 + 0) = 0.75.
    EXPECT_DOUBLE_EQ(saleskpi::quick_ratio(30, 10, 5, 5, 10), 5.0);
    EXPECT_DOUBLE_EQ(saleskpi::quick_ratio(0, 0, 0, 5, 0), 0.0);
    EXPECT_DOUBLE_EQ(saleskpi::quick_ratio(3, 0, 4, 0, 0), 0.75);
}

TEST(QuickRatio, Errors) {
    EXPECT_INVALID(saleskpi::quick_ratio(30, 10, 0, 0, 0), "churned + contraction");  // no losses
    EXPECT_INVALID(saleskpi::quick_ratio(-30, 10, 5, 5, 0), "new_mrr");
    EXPECT_INVALID(saleskpi::quick_ratio(30, -10, 5, 5, 0), "expansion");
    EXPECT_INVALID_AT(saleskpi::quick_ratio(30, 10, -5, 5, 0), "churned", "must be >= 0");
    EXPECT_INVALID(saleskpi::quick_ratio(30, 10, 5, -5, 0), "contraction");
    EXPECT_INVALID(saleskpi::quick_ratio(30, 10, 5, 5, -1), "reactivation");
    EXPECT_INVALID(saleskpi::quick_ratio(not_a_number, 10, 5, 5, 0), "new_mrr");
    EXPECT_INVALID(saleskpi::quick_ratio(30, 10, 5, infinity, 0), "contraction");
}

// --- CHURN_ANNUAL, CHURN_MONTHLY --------------------------------------------

TEST(ChurnAnnual, DefinitionsExample) {
    // 1 - 0.95^12 = 0.459639912337363037109375 exactly (decimal arithmetic).
    EXPECT_NEAR(saleskpi::churn_annual(0.05), 0.459639912337363037, 1e-15);
}

TEST(ChurnAnnual, FurtherExamples) {
    // 1 - 0.5^12 = 1 - 1/4096 = 4095/4096 (exact in binary).
    EXPECT_DOUBLE_EQ(saleskpi::churn_annual(0.5), 4095.0 / 4096.0);
    // 1 - 0.99^12 = 0.113615128283870719341199 (decimal arithmetic).
    EXPECT_NEAR(saleskpi::churn_annual(0.01), 0.113615128283870719, 1e-16);
    EXPECT_DOUBLE_EQ(saleskpi::churn_annual(0), 0.0);
    EXPECT_DOUBLE_EQ(saleskpi::churn_annual(1), 1.0);
}

TEST(ChurnAnnual, SmallRatesKeepTheirDigits) {
    // 1 - (1 - 1e-12)^12 = 12e-12 - 66e-24 + ...: a naive 1 - pow(...) loses ~4 digits here.
    EXPECT_NEAR(saleskpi::churn_annual(1e-12), 12e-12 - 66e-24, 1e-26);
}

TEST(ChurnAnnual, Errors) {
    EXPECT_INVALID(saleskpi::churn_annual(-0.05), "monthly_churn");
    EXPECT_INVALID(saleskpi::churn_annual(1.05), "monthly_churn");
    EXPECT_INVALID(saleskpi::churn_annual(not_a_number), "monthly_churn");
}

TEST(ChurnMonthly, DefinitionsExample) {
    // 1 - 0.54036009^(1/12) = 0.04999999965755938624 (40-digit decimal arithmetic).
    EXPECT_NEAR(saleskpi::churn_monthly(0.45963991), 0.04999999965755938624, 1e-16);
}

TEST(ChurnMonthly, FurtherExamples) {
    EXPECT_DOUBLE_EQ(saleskpi::churn_monthly(4095.0 / 4096.0), 0.5);  // inverse of the above
    // 1 - 0.5^(1/12) = 0.05612568731830650336 (decimal arithmetic).
    EXPECT_NEAR(saleskpi::churn_monthly(0.5), 0.05612568731830650336, 1e-16);
    EXPECT_DOUBLE_EQ(saleskpi::churn_monthly(0), 0.0);
    EXPECT_DOUBLE_EQ(saleskpi::churn_monthly(1), 1.0);
}

TEST(ChurnMonthly, InverseOfChurnAnnual) {
    // Near total churn the round trip is ill-conditioned (1 - 0.1^12 keeps few digits of
    // 0.1^12), so stay with realistic monthly rates.
    for (double monthly : {1e-6, 0.001, 0.01, 0.05, 0.2, 0.5})
        EXPECT_NEAR(saleskpi::churn_monthly(saleskpi::churn_annual(monthly)), monthly,
                    1e-14 * monthly);
}

TEST(ChurnMonthly, Errors) {
    EXPECT_INVALID(saleskpi::churn_monthly(-0.1), "annual_churn");
    EXPECT_INVALID(saleskpi::churn_monthly(1.1), "annual_churn");
    EXPECT_INVALID(saleskpi::churn_monthly(infinity), "annual_churn");
}

// --- MAGIC_NUMBER -----------------------------------------------------------

TEST(MagicNumber, DefinitionsExample) {
    EXPECT_DOUBLE_EQ(saleskpi::magic_number(150, 100), 1.5);
}

TEST(MagicNumber, FurtherExamples) {
    EXPECT_DOUBLE_EQ(saleskpi::magic_number(-50, 100), -0.5);  // shrinking ARR
    EXPECT_DOUBLE_EQ(saleskpi::magic_number(75, 300), 0.25);
}

TEST(MagicNumber, Errors) {
    EXPECT_INVALID(saleskpi::magic_number(150, 0), "sales_marketing_spend");
    EXPECT_INVALID(saleskpi::magic_number(150, -100), "sales_marketing_spend");
    EXPECT_INVALID(saleskpi::magic_number(not_a_number, 100), "net_new_arr");
    EXPECT_INVALID(saleskpi::magic_number(infinity, 100), "net_new_arr");
    EXPECT_INVALID(saleskpi::magic_number(150, infinity), "sales_marketing_spend");
}
