// STAGE_RATES and SALES_CYCLE (docs/rules.md#deal-rows). Texts arrive case-folded from the
// add-in, so the tests write them in lower case.
#include <string>
#include <vector>

#include "support.hpp"

using saleskpi::Cell;
using saleskpi::Cells;
using saleskpi::Criteria;
using saleskpi::Criterion;
using saleskpi::Range;
using namespace saleskpi_test;

namespace {

Cells column(const std::vector<Cell>& cells) { return Cells(cells.size(), 1, cells); }
Cells row(const std::vector<Cell>& cells) { return Cells(1, cells.size(), cells); }

const Cells funnel = column({"lead", "meeting", "won"});
const Criteria none;

Criteria owned_by(const std::vector<Cell>& owners, const Cell& owner) {
    return {Criterion{column(owners), owner}};
}

}  // namespace

TEST(StageRates, FurthestStageCountsForEveryStageBefore) {
    // 5 deals reached lead or beyond, 2 meeting or beyond, 1 won.
    const Range rates = stage_rates_of(column({"lead", "lead", "meeting", "won", "lead"}), funnel, none);
    ASSERT_EQ(rates.rows(), 2u);
    ASSERT_EQ(rates.cols(), 1u);
    EXPECT_DOUBLE_EQ(*rates[0], 2.0 / 5.0);
    EXPECT_DOUBLE_EQ(*rates[1], 1.0 / 2.0);
}

TEST(StageRates, OrientedLikeOrderAndBlanksSkipped) {
    const Range rates = stage_rates_of(column({"lead", Cell{}, "won", ""}),
                                       row({"lead", Cell{}, "won"}), none);
    ASSERT_EQ(rates.rows(), 1u);
    ASSERT_EQ(rates.cols(), 1u);
    EXPECT_DOUBLE_EQ(*rates[0], 0.5);
}

TEST(StageRates, NumbersAreStagesToo) {
    const Range rates = stage_rates_of(column({1.0, 2.0, 2.0, -0.0}), column({0.0, 1.0, 2.0}), none);
    EXPECT_DOUBLE_EQ(*rates[0], 3.0 / 4.0);
    EXPECT_DOUBLE_EQ(*rates[1], 2.0 / 3.0);
}

TEST(StageRates, Criteria) {
    const Cells stages = column({"lead", "meeting", "won", "lead", "won"});
    const Range anouk = stage_rates_of(stages, funnel, owned_by({"anouk", "anouk", "anouk", "bram", "bram"}, "anouk"));
    EXPECT_DOUBLE_EQ(*anouk[0], 2.0 / 3.0);
    EXPECT_DOUBLE_EQ(*anouk[1], 1.0 / 2.0);
}

TEST(StageRates, Errors) {
    EXPECT_INVALID_AT(stage_rates_of(column({"lead", "demo"}), funnel, none), "stages", "in row 2");
    EXPECT_INVALID(stage_rates_of(column({"lead", "meeting"}), funnel, none), "stages");  // none won
    EXPECT_INVALID(stage_rates_of(column({Cell{}}), funnel, none), "stages");
    EXPECT_INVALID(stage_rates_of(column({"lead"}), column({"lead"}), none), "order");
    EXPECT_INVALID(stage_rates_of(column({"lead"}), column({"lead", "won", "lead"}), none), "order");
    EXPECT_INVALID(stage_rates_of(column({"lead"}), Cells(2, 2, {"a", "b", "c", "d"}), none), "order");
    EXPECT_INVALID(stage_rates_of(column({"lead", "won"}), column({"lead", infinity}), none), "order");
    // The criteria leave a seller out, but a typo in that seller's row is still an error.
    EXPECT_INVALID(stage_rates_of(column({"lead", "won", "wom"}), funnel,
                                  owned_by({"anouk", "anouk", "bram"}, "anouk")), "stages");
    EXPECT_INVALID(stage_rates_of(column({"lead", "won"}), funnel, owned_by({"anouk"}, "anouk")),
                   "criteria_range 1");
}

TEST(SalesCycle, MeanDaysOverDealsWithBothDates) {
    EXPECT_DOUBLE_EQ(sales_cycle_of(Range::column({45292, 45300}), Range::column({45322, 45340}), none), 35.0);
    EXPECT_DOUBLE_EQ(sales_cycle_of(Range::column({45292, 45300, 45310}),
                                    Range(3, 1, {45322.0, 45340.0, blank}), none), 35.0);
    EXPECT_DOUBLE_EQ(sales_cycle_of(Range(2, 1, {blank, 45300.0}), Range::column({45322, 45340}), none), 40.0);
}

TEST(SalesCycle, ATimeOfDayBelongsToItsDay) {
    EXPECT_DOUBLE_EQ(sales_cycle_of(Range::column({45292.9}), Range::column({45293.1}), none), 1.0);
    EXPECT_DOUBLE_EQ(sales_cycle_of(Range::column({45292.1}), Range::column({45292.9}), none), 0.0);
}

TEST(SalesCycle, Criteria) {
    const Criteria won = {Criterion{column({"won", "lost"}), "won"}};
    EXPECT_DOUBLE_EQ(sales_cycle_of(Range::column({45292, 45300}), Range::column({45322, 45340}), won), 30.0);
}

TEST(SalesCycle, Errors) {
    EXPECT_INVALID_AT(sales_cycle_of(Range::column({45322}), Range::column({45292}), none), "closed", "in row 1");
    EXPECT_INVALID(sales_cycle_of(Range::column({45292}), Range(1, 1, {blank}), none), "created");
    EXPECT_INVALID(sales_cycle_of(Range::column({45292, 1}), Range::column({45322}), none), "closed");
    EXPECT_INVALID(sales_cycle_of(Range::column({not_a_number}), Range::column({45322}), none), "created");
    EXPECT_INVALID(sales_cycle_of(Range::column({45292}), Range::column({1e300}), none), "closed");
    // A deal the criteria leave out is still checked.
    const Criteria won = {Criterion{column({"won", "lost"}), "won"}};
    EXPECT_INVALID(sales_cycle_of(Range::column({45292, 45340}), Range::column({45322, 45300}), won), "closed");
}
