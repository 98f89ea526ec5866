// What the raw-row functions share (docs/rules.md): criteria pairs, the document's calendar,
// by_revenue; the deal functions STAGE_RATES and SALES_CYCLE; movement rules not covered by
// test_subscriptions.cpp.
#include <gtest/gtest.h>

#include <vector>

#include "saleskpi.hpp"
#include "support.hpp"

using saleskpi::Cell;
using saleskpi::Cells;
using saleskpi::Criteria;
using saleskpi::Range;
using namespace saleskpi_test;

namespace {

constexpr auto default_date = saleskpi::default_null_date;

double day(int y, unsigned m, unsigned d) { return serial(y, m, d); }

// Four subscriptions, with a plan (text, already case-folded as the add-in hands it over), a
// region code (a number) and a note column that is sometimes blank.
struct Sample {
    Subs s = columns({{"a", day(2024, 1, 1), {}, 100.0},
                      {"b", day(2024, 1, 1), {}, 50.0},
                      {"c", day(2024, 1, 1), day(2024, 2, 10), 20.0},
                      {"d", day(2024, 2, 1), {}, 7.0}});
    Cells plan = cell_column({Cell{"pro"}, Cell{"basic"}, Cell{"pro"}, Cell{"é"}});
    Cells region = cell_column({Cell{1.0}, Cell{1.0}, Cell{2.0}, Cell{"1"}});
    Cells note = cell_column({Cell{}, Cell{"x"}, Cell{""}, Cell{"x"}});

    double at(double date, const Criteria& criteria) const {
        return saleskpi::mrr_at(s.rows_without_customers(), date, criteria);
    }
    double churned(double month, const Criteria& criteria) const {
        return saleskpi::mrr_churned(s.rows(), month, criteria);
    }
};

}  // namespace

// --- criteria ------------------------------------------------------------------

TEST(Criteria, TextNumbersAndBlanks) {
    const Sample x;
    const double jan = day(2024, 1, 15);
    EXPECT_EQ(x.at(jan, {}), 170.0);
    EXPECT_EQ(x.at(jan, {{x.plan, Cell{"pro"}}}), 120.0);
    EXPECT_EQ(x.at(day(2024, 2, 15), {{x.plan, Cell{"é"}}}), 7.0);  // non-ASCII text, as folded
    // The core compares exactly: folding is the add-in's work ("Pro" never arrives).
    EXPECT_EQ(x.at(jan, {{x.plan, Cell{"Pro"}}}), 0.0);
    // Numbers by value; the text "1" is not the number 1.
    EXPECT_EQ(x.at(day(2024, 2, 15), {{x.region, Cell{1.0}}}), 150.0);
    EXPECT_EQ(x.at(day(2024, 2, 15), {{x.region, Cell{"1"}}}), 7.0);
    // A blank criterion matches blank cells and empty texts, as COUNTIFS does.
    EXPECT_EQ(x.at(jan, {{x.note, Cell{}}}), 120.0);
    EXPECT_EQ(x.at(jan, {{x.note, Cell{""}}}), 120.0);
    // Several pairs: every one must hold.
    EXPECT_EQ(x.at(jan, {{x.plan, Cell{"pro"}}, {x.region, Cell{2.0}}}), 20.0);
    EXPECT_EQ(x.churned(day(2024, 2, 1), {{x.plan, Cell{"pro"}}}), 20.0);
    EXPECT_EQ(x.churned(day(2024, 2, 1), {{x.plan, Cell{"basic"}}}), 0.0);
}

TEST(Criteria, RowsLeftOutAreStillChecked) {
    // Row 2 is garbage (end before start) and another plan's: an error in the export all the
    // same, whichever plan or seller a cell asks about.
    const Subs s = columns({{"a", day(2024, 1, 1), {}, 10.0}, {"b", day(2024, 3, 1), day(2024, 1, 1), 5.0}});
    const Cells plan = cell_column({Cell{"pro"}, Cell{"basic"}});
    EXPECT_INVALID_AT(saleskpi::mrr_at(s.rows_without_customers(), day(2024, 1, 5), {{plan, Cell{"pro"}}}),
                      "ends", "in row 2");
    EXPECT_INVALID_AT(saleskpi::mrr_at(s.rows_without_customers(), day(2024, 1, 5), {}), "ends", "in row 2");
}

TEST(Criteria, NoRowSelected) {
    const Sample x;
    const Criteria nobody = {{x.plan, Cell{"enterprise"}}};
    // That seller has no subscription: 0, a true answer...
    EXPECT_EQ(x.at(day(2024, 1, 15), nobody), 0.0);
    EXPECT_EQ(x.churned(day(2024, 2, 1), nobody), 0.0);
    const Range bridge = saleskpi::mrr_bridge(x.s.rows(), one(day(2024, 1, 1)), nobody);
    for (std::size_t i = 0; i < bridge.size(); ++i)
        EXPECT_EQ(bridge[i], 0.0);
    // ...but a cohort without customers has no retention.
    EXPECT_INVALID(saleskpi::cohort_retention(x.s.rows(), day(2024, 1, 1), 0, saleskpi::Retention::logos, nobody),
                   "cohort");
}

TEST(Criteria, Errors) {
    const Sample x;
    const Cells three = cell_column({Cell{"pro"}, Cell{"pro"}, Cell{"pro"}});
    EXPECT_INVALID_AT(x.at(day(2024, 1, 1), {{three, Cell{"pro"}}}), "criteria_range 1", "not 3 x 1");
    EXPECT_INVALID(x.at(day(2024, 1, 1), {{x.plan, Cell{"pro"}}, {Cells(1, 4, {Cell{}, Cell{}, Cell{}, Cell{}}), Cell{}}}),
                   "criteria_range 2");
    EXPECT_INVALID(x.at(day(2024, 1, 1), {{x.region, Cell{not_a_number}}}), "criterion 1");
    EXPECT_INVALID(x.churned(day(2024, 1, 1), {{x.region, Cell{1.0}}, {x.region, Cell{infinity}}}), "criterion 2");
}

// --- the calendar ----------------------------------------------------------------

TEST(Calendar, NullDate) {
    const auto nd1904 = saleskpi::null_date(1904, 1, 1);
    EXPECT_EQ(serial(1904, 1, 1, nd1904), 0.0);
    EXPECT_EQ(serial(2024, 3, 15) - serial(2024, 3, 15, nd1904), 1462.0);
    EXPECT_INVALID(saleskpi::null_date(2023, 2, 29), "null_date");
    EXPECT_INVALID(saleskpi::null_date(1900, 13, 1), "null_date");
    // Lago's example in a 1904 document: the same days, other serial numbers.
    const auto lago = [](saleskpi::NullDate nd) {
        return columns({{"acme", serial(2024, 1, 1, nd), serial(2024, 3, 15, nd), 100.0},
                        {"acme", serial(2024, 3, 15, nd), serial(2024, 4, 10, nd), 200.0}});
    };
    const Subs s = lago(nd1904);
    EXPECT_EQ(saleskpi::mrr_at(s.rows_without_customers(nd1904), serial(2024, 3, 14, nd1904), {}), 100.0);
    EXPECT_EQ(saleskpi::mrr_at(s.rows_without_customers(nd1904), serial(2024, 3, 15, nd1904), {}), 200.0);
    EXPECT_EQ(saleskpi::mrr_expansion(s.rows(nd1904), serial(2024, 3, 31, nd1904), {}), 100.0);
    EXPECT_EQ(saleskpi::mrr_new(s.rows(nd1904), serial(2024, 1, 15, nd1904), {}), 100.0);
    // Read with the default null date the same numbers are 1462 days earlier: the start is
    // 31 December 2019, so the month of "15 January" (14 January 2020) has no new MRR.
    EXPECT_EQ(saleskpi::mrr_new(s.rows(default_date), serial(2024, 1, 15, nd1904), {}), 0.0);
}

TEST(Calendar, TimeOfDayBelongsToItsDay) {
    const Subs s = columns({{"a", day(2024, 1, 31) + 0.75, day(2024, 2, 29) + 0.5, 10.0}});
    // Starts on 31 January (its last day), so it is new in January...
    EXPECT_EQ(saleskpi::mrr_new(s.rows(), day(2024, 1, 1), {}), 10.0);
    EXPECT_EQ(saleskpi::mrr_at(s.rows_without_customers(), day(2024, 1, 31), {}), 10.0);
    // ...and ends on 29 February 2024 (exclusive, a leap day): gone at February's end.
    EXPECT_EQ(saleskpi::mrr_at(s.rows_without_customers(), day(2024, 2, 28) + 0.9, {}), 10.0);
    EXPECT_EQ(saleskpi::mrr_churned(s.rows(), day(2024, 2, 1), {}), 10.0);
}

TEST(Calendar, ByRevenue) {
    EXPECT_EQ(saleskpi::retention(0), saleskpi::Retention::logos);
    EXPECT_EQ(saleskpi::retention(1), saleskpi::Retention::revenue);
    EXPECT_INVALID(saleskpi::retention(2), "by_revenue");
    EXPECT_INVALID(saleskpi::retention(0.5), "by_revenue");
    EXPECT_INVALID(saleskpi::retention(not_a_number), "by_revenue");
}

// --- deals -------------------------------------------------------------------------

namespace {
std::vector<double> values(const Range& range) {
    std::vector<double> v;
    for (std::size_t i = 0; i < range.size(); ++i)
        v.push_back(range[i].value_or(-1.0));
    return v;
}
}  // namespace

TEST(Deals, StageRates) {
    // Folded as the add-in hands them over: "Lead" and "lead" are one stage.
    const Cells stages = cell_column({Cell{"lead"}, Cell{"lead"}, Cell{"meeting"}, Cell{"won"}, Cell{"lead"}, Cell{}});
    const Cells order = cell_column({Cell{"lead"}, Cell{"meeting"}, Cell{"won"}});
    const Range column = stage_rates_of(stages, order);
    EXPECT_EQ(column.rows(), 2u);
    EXPECT_EQ(values(column), (std::vector<double>{0.4, 0.5}));
    const Range row = stage_rates_of(stages, Cells(1, 3, {Cell{"lead"}, Cell{"meeting"}, Cell{"won"}}));
    EXPECT_EQ(row.rows(), 1u);
    EXPECT_EQ(row.cols(), 2u);
    // Number stage names compare by value.
    EXPECT_EQ(values(stage_rates_of(cell_column({Cell{1.0}, Cell{2.0}}), cell_column({Cell{1.0}, Cell{2.0}}))),
              (std::vector<double>{0.5}));
    // Criteria: only one seller's deals.
    const Cells seller = cell_column({Cell{"ann"}, Cell{"bob"}, Cell{"ann"}, Cell{"ann"}, Cell{"bob"}, Cell{}});
    EXPECT_EQ(values(stage_rates_of(stages, order, {{seller, Cell{"ann"}}})), (std::vector<double>{2.0 / 3.0, 0.5}));
}

TEST(Deals, StageRateErrors) {
    const Cells order = cell_column({Cell{"lead"}, Cell{"won"}});
    EXPECT_INVALID_AT(stage_rates_of(cell_column({Cell{"lead"}, Cell{"lost"}}), order), "stages", "in row 2");
    EXPECT_INVALID(stage_rates_of(cell_column({Cell{"lead"}, Cell{"lead"}}), order), "stages");  // nobody won
    EXPECT_INVALID(stage_rates_of(cell_column({Cell{"lead"}}), cell_column({Cell{"lead"}})), "order");
    EXPECT_INVALID(stage_rates_of(cell_column({Cell{"lead"}}), cell_column({Cell{"lead"}, Cell{"won"}, Cell{"lead"}})), "order");
    EXPECT_INVALID(stage_rates_of(cell_column({Cell{"lead"}}), Cells(2, 2, {Cell{"a"}, Cell{"b"}, Cell{"c"}, Cell{"d"}})), "order");
    EXPECT_INVALID(stage_rates_of(cell_column({Cell{"lead"}, Cell{"won"}}), order, {{cell_column({Cell{"x"}}), Cell{"x"}}}),
                   "criteria_range 1");
}

TEST(Deals, SalesCycle) {
    const Range created = Range::column({day(2024, 1, 1), day(2024, 1, 9)});
    const Range closed = Range::column({day(2024, 1, 31), day(2024, 2, 18)});
    EXPECT_EQ(sales_cycle_of(created, closed, {}), 35.0);
    // A row with one date is an open deal: skipped.
    const Range created3(3, 1, {day(2024, 1, 1), day(2024, 1, 9), day(2024, 1, 2)});
    const Range closed3(3, 1, {day(2024, 1, 31), day(2024, 2, 18), std::nullopt});
    EXPECT_EQ(sales_cycle_of(created3, closed3, {}), 35.0);
    const Cells status = cell_column({Cell{"won"}, Cell{"lost"}, Cell{"won"}});
    EXPECT_EQ(sales_cycle_of(created3, closed3, {{status, Cell{"won"}}}), 30.0);
    // A time of day belongs to its day.
    EXPECT_EQ(sales_cycle_of(one(day(2024, 1, 1) + 0.9), one(day(2024, 1, 2) + 0.1), {}), 1.0);
}

TEST(Deals, SalesCycleErrors) {
    EXPECT_INVALID_AT(sales_cycle_of(Range::column({day(2024, 1, 1), day(2024, 2, 1)}),
                                     Range::column({day(2024, 1, 2), day(2024, 1, 31)}), {}),
                      "closed", "in row 2");
    EXPECT_INVALID(sales_cycle_of(Range(1, 1, {day(2024, 1, 1)}), Range(1, 1, {std::nullopt}), {}), "created");
    EXPECT_INVALID(sales_cycle_of(Range::column({1.0, 2.0}), Range::column({1.0, 2.0, 3.0}), {}), "closed");
    EXPECT_INVALID(sales_cycle_of(one(not_a_number), one(day(2024, 1, 1)), {}), "created");
}

// --- movement rules the worked examples of test_subscriptions.cpp leave out ---------

TEST(Movements, DowngradeToAFreePlanIsChurn) {
    const Subs s = columns({{"a", day(2024, 1, 1), day(2024, 3, 1), 40.0}, {"a", day(2024, 3, 1), {}, 0.0}});
    auto in = [&](auto f, double m) { return f(s.rows(), m, Criteria{}); };
    EXPECT_EQ(in(saleskpi::mrr_churned, day(2024, 3, 1)), 40.0);
    EXPECT_EQ(in(saleskpi::mrr_contraction, day(2024, 3, 1)), 0.0);
    EXPECT_EQ(in(saleskpi::customers_churned, day(2024, 3, 1)), 1.0);
}

TEST(Movements, ReactivationHasNoTimeWindow) {
    // Gone for two years, back at 60: still a reactivation, never new again.
    const Subs s = columns({{7.0, day(2021, 5, 1), day(2021, 6, 1), 20.0}, {7.0, day(2023, 7, 4), {}, 60.0}});
    auto in = [&](auto f, double m) { return f(s.rows(), m, Criteria{}); };
    EXPECT_EQ(in(saleskpi::mrr_reactivation, day(2023, 7, 1)), 60.0);
    EXPECT_EQ(in(saleskpi::mrr_new, day(2023, 7, 1)), 0.0);
    EXPECT_EQ(in(saleskpi::customers_new, day(2023, 7, 1)), 0.0);
    EXPECT_EQ(in(saleskpi::mrr_new, day(2021, 5, 1)), 20.0);
    // Its cohort is May 2021: at 26 months it pays 60 against 20.
    EXPECT_EQ(saleskpi::cohort_retention(s.rows(), day(2021, 5, 9), 26, saleskpi::Retention::revenue, {}), 3.0);
    EXPECT_EQ(saleskpi::cohort_retention(s.rows(), day(2021, 5, 9), 1, saleskpi::Retention::logos, {}), 0.0);
}

TEST(Movements, ExpansionAndContractionOfOneCustomerInOneMonthNet) {
    // Within March: +30 on the 3rd, -10 on the 20th: one expansion of 20 at the month end.
    const Subs s = columns({{"a", day(2024, 1, 1), {}, 50.0},
                            {"a", day(2024, 3, 3), {}, 30.0},
                            {"a", day(2024, 1, 1), day(2024, 3, 20), 10.0}});
    auto in = [&](auto f, double m) { return f(s.rows(), m, Criteria{}); };
    EXPECT_EQ(in(saleskpi::mrr_expansion, day(2024, 3, 1)), 20.0);
    EXPECT_EQ(in(saleskpi::mrr_contraction, day(2024, 3, 1)), 0.0);
}
