// KPIs from subscription rows (docs/rules.md): MRR_AT, CUSTOMERS_AT, the movements, MRR_BRIDGE,
// COHORT_RETENTION and COHORT_TABLE. Criteria and the calendar: test_rows.cpp; random books
// against a brute-force reference: test_subscriptions_property.cpp.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "saleskpi.hpp"
#include "support.hpp"

using saleskpi::Cell;
using saleskpi::Cells;
using saleskpi::Range;
using namespace saleskpi_test;

namespace {

const saleskpi::Criteria no_criteria;

double day(int y, unsigned m, unsigned d) { return serial(y, m, d); }

// One book and every function over it, with no criteria and the default null date.
struct Book {
    Subs s;
    explicit Book(const std::vector<Sub>& rows) : s(columns(rows)) {}

    double at(double date) const {
        return saleskpi::mrr_at(s.rows_without_customers(), date, no_criteria);
    }
    double customers_at(double date) const {
        return saleskpi::customers_at(s.rows(), date, no_criteria);
    }
    double in(const saleskpi::MonthMovement& movement, double month) const {
        return movement(s.rows(), month, no_criteria);
    }
    Range bridge(const Range& months) const {
        return saleskpi::mrr_bridge(s.rows(), months, no_criteria);
    }
    double retention(double cohort, double months_after, saleskpi::Retention by_revenue = saleskpi::Retention::logos) const {
        return saleskpi::cohort_retention(s.rows(), cohort, months_after, by_revenue, no_criteria);
    }
    Range table(const Range& cohorts, saleskpi::Retention by_revenue = saleskpi::Retention::logos) const {
        return saleskpi::cohort_table(s.rows(), cohorts, by_revenue, no_criteria);
    }
};

using saleskpi::customers_churned;
using saleskpi::customers_new;
using saleskpi::mrr_churned;
using saleskpi::mrr_contraction;
using saleskpi::mrr_expansion;
using saleskpi::mrr_new;
using saleskpi::mrr_reactivation;

// Lago's worked example: 100 a month from 1 January, upgraded to 200 on 15 March,
// terminated on 10 April.
Book lago() {
    return Book({{"acme", day(2024, 1, 1), day(2024, 3, 15), 100.0},
                 {"acme", day(2024, 3, 15), day(2024, 4, 10), 200.0}});
}

std::vector<double> row_of(const Range& range, std::size_t row) {
    std::vector<double> values;
    for (std::size_t j = 0; j < range.cols(); ++j)
        values.push_back(range[row * range.cols() + j].value_or(-1.0));
    return values;
}

}  // namespace

// --- the worked example ------------------------------------------------------

TEST(Subscriptions, LagoExample) {
    const Book book = lago();
    EXPECT_EQ(book.at(day(2024, 3, 14)), 100.0);
    EXPECT_EQ(book.at(day(2024, 3, 15)), 200.0);
    EXPECT_EQ(book.at(day(2024, 4, 10)), 0.0);
    EXPECT_EQ(book.in(mrr_new, day(2024, 1, 20)), 100.0);
    EXPECT_EQ(book.in(mrr_expansion, day(2024, 3, 1)), 100.0);
    EXPECT_EQ(book.in(mrr_churned, day(2024, 4, 30)), 200.0);
    EXPECT_EQ(book.in(customers_new, day(2024, 1, 1)), 1.0);
    EXPECT_EQ(book.in(customers_churned, day(2024, 4, 1)), 1.0);
    // Bridge, January to April: opening, new, expansion, reactivation, contraction, churned, closing.
    const Range bridge = book.bridge(Range::column({day(2024, 1, 1), day(2024, 2, 29), day(2024, 3, 9), day(2024, 4, 2)}));
    ASSERT_EQ(bridge.rows(), 4u);
    ASSERT_EQ(bridge.cols(), 7u);
    EXPECT_EQ(row_of(bridge, 0), (std::vector<double>{0, 100, 0, 0, 0, 0, 100}));
    EXPECT_EQ(row_of(bridge, 1), (std::vector<double>{100, 0, 0, 0, 0, 0, 100}));
    EXPECT_EQ(row_of(bridge, 2), (std::vector<double>{100, 0, 100, 0, 0, 0, 200}));
    EXPECT_EQ(row_of(bridge, 3), (std::vector<double>{200, 0, 0, 0, 0, 200, 0}));
}

TEST(Subscriptions, BridgeOfARowIsSevenRows) {
    const Range bridge = lago().bridge(Range::row({day(2024, 3, 1), day(2024, 4, 1)}));
    ASSERT_EQ(bridge.rows(), 7u);
    ASSERT_EQ(bridge.cols(), 2u);
    EXPECT_EQ(bridge[2 * 2 + 0], 100.0);  // expansion in March
    EXPECT_EQ(bridge[5 * 2 + 1], 200.0);  // churned in April
    EXPECT_EQ(bridge[6 * 2 + 0], 200.0);  // closing March
    const Range one_month = lago().bridge(one(day(2024, 1, 5)));
    EXPECT_EQ(one_month.rows(), 1u);
    EXPECT_EQ(one_month.cols(), 7u);
}

// --- each movement -----------------------------------------------------------

TEST(Subscriptions, ReactivationIsNotNew) {
    // Paying January, gone in February and March, back in April at 80.
    const Book book({{"a", day(2024, 1, 1), day(2024, 2, 1), 50.0},
                     {"a", day(2024, 4, 1), {}, 80.0},
                     {"b", day(2024, 4, 3), {}, 30.0}});
    EXPECT_EQ(book.in(mrr_churned, day(2024, 2, 1)), 50.0);
    EXPECT_EQ(book.in(mrr_reactivation, day(2024, 4, 1)), 80.0);
    EXPECT_EQ(book.in(mrr_new, day(2024, 4, 1)), 30.0);
    EXPECT_EQ(book.in(customers_new, day(2024, 4, 1)), 1.0);
    EXPECT_EQ(book.in(mrr_reactivation, day(2024, 5, 1)), 0.0);
}

TEST(Subscriptions, CancellingOneOfTwoIsContraction) {
    const Book book({{"a", day(2024, 1, 1), {}, 100.0}, {"a", day(2024, 1, 1), day(2024, 3, 20), 40.0}});
    // The 40 ends on 20 March, so it is gone at the end of March.
    EXPECT_EQ(book.in(mrr_contraction, day(2024, 3, 1)), 40.0);
    EXPECT_EQ(book.in(mrr_churned, day(2024, 3, 1)), 0.0);
    EXPECT_EQ(book.in(customers_churned, day(2024, 3, 1)), 0.0);
    EXPECT_EQ(book.in(mrr_contraction, day(2024, 4, 1)), 0.0);
}

TEST(Subscriptions, MonthEndSnapshot) {
    // A row that starts and ends inside February never shows at a month end.
    const Book book({{"a", day(2024, 2, 5), day(2024, 2, 20), 70.0}, {"b", day(2024, 1, 1), day(2024, 3, 31), 10.0}});
    EXPECT_EQ(book.at(day(2024, 2, 10)), 80.0);
    EXPECT_EQ(book.in(mrr_new, day(2024, 2, 1)), 0.0);
    // b ends (exclusive) on 31 March: not active on March's last day, so it churns in March.
    EXPECT_EQ(book.in(mrr_churned, day(2024, 3, 1)), 10.0);
    EXPECT_EQ(book.in(mrr_churned, day(2024, 4, 1)), 0.0);
    const Book april({{"b", day(2024, 1, 1), day(2024, 4, 1), 10.0}});
    EXPECT_EQ(april.in(mrr_churned, day(2024, 3, 1)), 0.0);  // ends 1 April: still there on 31 March
    EXPECT_EQ(april.in(mrr_churned, day(2024, 4, 1)), 10.0);
}

TEST(Subscriptions, EndEqualToStartNeverCounts) {
    const Book book({{"a", day(2024, 1, 10), day(2024, 1, 10), 10.0}, {"b", day(2024, 1, 1), {}, 5.0}});
    EXPECT_EQ(book.at(day(2024, 1, 10)), 5.0);
    EXPECT_EQ(book.in(mrr_new, day(2024, 1, 1)), 5.0);
}

TEST(Subscriptions, FloatingPointNoiseIsNoMovement) {
    // 0.1 + 0.2 until March, then one row of 0.3; 50 + 25 against 75 likewise.
    const Book book({{"a", day(2024, 1, 1), day(2024, 3, 1), 0.1},
                     {"a", day(2024, 1, 1), day(2024, 3, 1), 0.2},
                     {"a", day(2024, 3, 1), {}, 0.3},
                     {"b", day(2024, 1, 1), day(2024, 3, 1), 50.0},
                     {"b", day(2024, 1, 1), day(2024, 3, 1), 25.0},
                     {"b", day(2024, 3, 1), {}, 75.0}});
    for (auto movement : {mrr_new, mrr_expansion, mrr_contraction, mrr_churned, mrr_reactivation})
        EXPECT_EQ(book.in(movement, day(2024, 3, 1)), 0.0);
    EXPECT_EQ(book.in(mrr_new, day(2024, 1, 1)), 75.0 + (0.1 + 0.2));
}

TEST(Subscriptions, FreePlanIsNotPaying) {
    const Book book({{"a", day(2024, 1, 1), day(2024, 3, 1), 0.0}, {"a", day(2024, 3, 1), {}, 20.0}});
    EXPECT_EQ(book.customers_at(day(2024, 2, 1)), 0.0);
    EXPECT_EQ(book.customers_at(day(2024, 3, 1)), 1.0);
    EXPECT_EQ(book.in(mrr_new, day(2024, 1, 1)), 0.0);
    EXPECT_EQ(book.in(mrr_new, day(2024, 3, 1)), 20.0);
    EXPECT_EQ(book.retention(day(2024, 3, 1), 0), 1.0);
    EXPECT_INVALID(book.retention(day(2024, 1, 1), 0), "cohort");
}

TEST(Subscriptions, CustomerIds) {
    // "A" and "a" are two customers; 7 and 7.0 one; 7 and "7" two; 0 and -0 one.
    const Book book({{"A", day(2024, 1, 1), {}, 10.0},
                     {"a", day(2024, 1, 1), {}, 10.0},
                     {7.0, day(2024, 1, 1), {}, 10.0},
                     {7.0, day(2024, 1, 1), {}, 10.0},
                     {"7", day(2024, 1, 1), {}, 10.0},
                     {0.0, day(2024, 1, 1), {}, 10.0},
                     {-0.0, day(2024, 1, 1), {}, 10.0}});
    EXPECT_EQ(book.customers_at(day(2024, 1, 1)), 5.0);
    EXPECT_EQ(book.in(customers_new, day(2024, 1, 1)), 5.0);
}

TEST(Subscriptions, ManyCustomerIds) {
    // 100,000 customers, half numbers, half texts, over 150,000 rows: more ids than the id
    // table starts with (it grows), and the last 50,000 rows come back to the first ids.
    std::vector<Sub> rows;
    for (int i = 0; i < 150000; ++i) {
        const int k = i % 100000;
        std::string text = "c";
        text += std::to_string(k);
        rows.push_back({k % 2 == 0 ? Cell{static_cast<double>(k)} : Cell{text}, day(2024, 1, 1), {}, 10.0});
    }
    rows.push_back({Cell{"0"}, day(2024, 1, 1), {}, 10.0});  // not customer 0
    const Book book(rows);
    EXPECT_EQ(book.customers_at(day(2024, 1, 1)), 100001.0);
    EXPECT_EQ(book.in(customers_new, day(2024, 1, 1)), 100001.0);
    EXPECT_EQ(book.in(mrr_new, day(2024, 1, 1)), 1500010.0);
}

TEST(Subscriptions, CustomersAtCountsPayingCustomers) {
    const Book book({{"a", day(2024, 1, 1), {}, 10.0},
                     {"a", day(2024, 1, 5), {}, 10.0},
                     {"b", day(2024, 1, 5), day(2024, 1, 6), 10.0}});
    EXPECT_EQ(book.customers_at(day(2024, 1, 4)), 1.0);
    EXPECT_EQ(book.customers_at(day(2024, 1, 5)), 2.0);
    EXPECT_EQ(book.customers_at(day(2024, 1, 6)), 1.0);
    EXPECT_EQ(book.customers_at(day(2023, 12, 31)), 0.0);
}

TEST(Subscriptions, RowsLaidOutAsARow) {
    const Cells customers(1, 3, {Cell{"a"}, Cell{}, Cell{"b"}});
    const Range starts(1, 3, {day(2024, 1, 1), std::nullopt, day(2024, 2, 1)});
    const Range ends(1, 3, {std::nullopt, std::nullopt, std::nullopt});
    const Range amounts(1, 3, {10.0, std::nullopt, 20.0});
    EXPECT_EQ(saleskpi::mrr_new(saleskpi::SubscriptionRows::read(customers, starts, ends, amounts,
                                                                 saleskpi::default_null_date),
                                day(2024, 2, 1), no_criteria),
              20.0);
}

// --- cohorts -----------------------------------------------------------------

TEST(Cohorts, Retention) {
    // January cohort: a (100, churns in March), b (50, expands to 150 in April).
    const Book book({{"a", day(2024, 1, 3), day(2024, 3, 1), 100.0},
                     {"b", day(2024, 1, 20), day(2024, 4, 1), 50.0},
                     {"b", day(2024, 4, 1), {}, 150.0},
                     {"c", day(2024, 2, 1), {}, 10.0}});
    EXPECT_EQ(book.retention(day(2024, 1, 1), 0), 1.0);
    EXPECT_EQ(book.retention(day(2024, 1, 1), 1), 1.0);
    EXPECT_EQ(book.retention(day(2024, 1, 1), 2), 0.5);
    EXPECT_EQ(book.retention(day(2024, 1, 31), 3, saleskpi::Retention::revenue), 1.0);   // 150 / 150
    EXPECT_EQ(book.retention(day(2024, 1, 31), 2, saleskpi::Retention::revenue), 50.0 / 150.0);
    EXPECT_EQ(book.retention(day(2024, 2, 1), 0, saleskpi::Retention::revenue), 1.0);
    EXPECT_INVALID(book.retention(day(2024, 3, 1), 0), "cohort");
    EXPECT_INVALID(book.retention(day(2024, 1, 1), 1.5), "months_after");
    EXPECT_INVALID(book.retention(day(2024, 1, 1), -1), "months_after");
    EXPECT_INVALID(book.retention(day(2024, 1, 1), 1e9), "months_after");
    EXPECT_INVALID(book.retention(day(1500, 1, 1), 0), "cohort");
}

TEST(Cohorts, RevenueRetentionAboveOne) {
    const Book book({{"a", day(2024, 1, 1), day(2024, 2, 1), 100.0}, {"a", day(2024, 2, 1), {}, 130.0}});
    EXPECT_DOUBLE_EQ(book.retention(day(2024, 1, 1), 1, saleskpi::Retention::revenue), 1.3);
    EXPECT_EQ(book.retention(day(2024, 1, 1), 1, saleskpi::Retention::logos), 1.0);
}

TEST(Cohorts, Table) {
    const Book book({{"a", day(2024, 1, 3), day(2024, 3, 1), 100.0},
                     {"b", day(2024, 1, 20), {}, 50.0},
                     {"c", day(2024, 3, 1), {}, 10.0}});
    // Cohorts January, February (no customer), March.
    const Range table = book.table(Range::column({day(2024, 1, 1), day(2024, 2, 1), day(2024, 3, 1)}));
    ASSERT_EQ(table.rows(), 3u);
    ASSERT_EQ(table.cols(), 3u);
    EXPECT_EQ(table[0], 1.0);
    EXPECT_EQ(table[1], 1.0);
    EXPECT_EQ(table[2], 0.5);
    for (std::size_t k = 3; k < 6; ++k)
        EXPECT_FALSE(table[k].has_value()) << k;  // February has no customer
    EXPECT_EQ(table[6], 1.0);
    EXPECT_FALSE(table[7].has_value());  // past March, the last cohort month
    EXPECT_FALSE(table[8].has_value());
    const Range revenue = book.table(Range::column({day(2024, 1, 1), day(2024, 3, 1)}), saleskpi::Retention::revenue);
    ASSERT_EQ(revenue.rows(), 2u);
    EXPECT_EQ(revenue[1], 1.0);                   // Jan cohort after 1 month
    EXPECT_FALSE(revenue[3].has_value());         // March after 1 month: past the last month
    EXPECT_INVALID(book.table(Range::row({day(2024, 1, 1), day(2024, 2, 1)})), "cohorts");
    EXPECT_INVALID_AT(book.table(Range(2, 1, {day(2024, 1, 1), std::nullopt})), "cohorts", "in cell 2");
}

// --- errors ------------------------------------------------------------------

TEST(SubscriptionErrors, RowRules) {
    const double jan = day(2024, 1, 1);
    auto mrr_new_of = [&](const std::vector<Sub>& rows) { return Book(rows).in(mrr_new, jan); };
    EXPECT_INVALID_AT(mrr_new_of({{"a", jan, {}, 1.0}, {"b", jan, {}, 1.0}, {"c", jan, {}, -5.0}}),
                      "amounts", "(-5) must be >= 0 in row 3");
    EXPECT_INVALID_AT(mrr_new_of({{"a", jan, jan - 1, 1.0}}), "ends", "in row 1");
    EXPECT_INVALID_AT(mrr_new_of({{Cell{}, jan, {}, 1.0}}), "customers", "in row 1");
    EXPECT_INVALID_AT(mrr_new_of({{"", jan, {}, 1.0}}), "customers", "in row 1");
    EXPECT_INVALID_AT(mrr_new_of({{"a", jan, {}, 1.0}, {"a", {}, {}, 1.0}}), "starts", "in row 2");
    EXPECT_INVALID_AT(mrr_new_of({{"a", jan, {}, {}}}), "amounts", "in row 1");
    EXPECT_INVALID(mrr_new_of({{Cell{}, {}, jan, {}}}), "customers");  // only an end
    EXPECT_INVALID(mrr_new_of({{"a", jan, {}, not_a_number}}), "amounts");
    EXPECT_INVALID(mrr_new_of({{"a", jan, {}, infinity}}), "amounts");
    EXPECT_INVALID(mrr_new_of({{not_a_number, jan, {}, 1.0}}), "customers");
    EXPECT_INVALID(mrr_new_of({{"a", not_a_number, {}, 1.0}}), "starts");
    EXPECT_INVALID(mrr_new_of({{"a", jan, 1e300, 1.0}}), "ends");
    EXPECT_INVALID(mrr_new_of({{"a", -1e6, {}, 1.0}}), "starts");
    // All-blank rows are skipped; a book of nothing else has no row.
    EXPECT_EQ(mrr_new_of({{Cell{}, {}, {}, {}}, {"a", jan, {}, 1.0}, {"", {}, {}, {}}}), 1.0);
    EXPECT_INVALID(mrr_new_of({{Cell{}, {}, {}, {}}}), "customers");
    EXPECT_INVALID(mrr_new_of({}), "customers");
}

TEST(SubscriptionErrors, EmptyBookOfMrrAt) {
    const Range blank_column(2, 1, {std::nullopt, std::nullopt});
    EXPECT_INVALID_AT(saleskpi::mrr_at(saleskpi::SubscriptionRows::read(blank_column, blank_column, blank_column,
                                                                        saleskpi::default_null_date),
                                       day(2024, 1, 1), no_criteria),
                      "starts", "has no row");
}

TEST(SubscriptionErrors, Shapes) {
    const Subs s = columns({{"a", day(2024, 1, 1), {}, 1.0}, {"b", day(2024, 1, 1), {}, 1.0}});
    const Range three = Range::column({1, 2, 3});
    const Cells three_ids = cell_column({Cell{"a"}, Cell{"b"}, Cell{"c"}});
    const double m = day(2024, 1, 1);
    const auto d = saleskpi::default_null_date;
    using saleskpi::SubscriptionRows;
    EXPECT_INVALID(mrr_new(SubscriptionRows::read(three_ids, s.starts, s.ends, s.amounts, d), m, no_criteria), "starts");
    EXPECT_INVALID(mrr_new(SubscriptionRows::read(s.customers, s.starts, three, s.amounts, d), m, no_criteria), "ends");
    EXPECT_INVALID(mrr_new(SubscriptionRows::read(s.customers, s.starts, s.ends, three, d), m, no_criteria), "amounts");
    EXPECT_INVALID_AT(saleskpi::mrr_at(SubscriptionRows::read(s.starts, three, s.amounts, d), m, no_criteria), "ends",
                      "shape of starts (2 x 1), not 3 x 1");
    EXPECT_INVALID(saleskpi::mrr_at(SubscriptionRows::read(s.starts, s.ends, Range::row({1, 2}), d), m, no_criteria),
                   "amounts");
}

TEST(SubscriptionErrors, MonthsAndDates) {
    const Book book = lago();
    EXPECT_INVALID(book.at(not_a_number), "date");
    EXPECT_INVALID(book.at(day(1582, 12, 31)), "date");
    EXPECT_INVALID(book.customers_at(infinity), "date");
    EXPECT_INVALID(book.in(mrr_new, day(9957, 1, 1)), "month");
    EXPECT_INVALID(book.in(customers_churned, -infinity), "month");
    EXPECT_INVALID(book.bridge(Range(2, 2, {1.0, 2.0, 3.0, 4.0})), "months");
    EXPECT_INVALID_AT(book.bridge(Range(1, 3, {day(2024, 1, 1), std::nullopt, day(2024, 3, 1)})),
                      "months", "in cell 2");
    EXPECT_INVALID_AT(book.bridge(Range::column({day(2024, 1, 1), 1e12})), "months", "in cell 2");
    EXPECT_INVALID(book.bridge(Range()), "months");
}

TEST(SubscriptionErrors, RowsTheCriteriaLeaveOutAreCheckedToo) {
    const double jan = day(2024, 1, 1);
    const Subs s = columns({{"a", jan, {}, 10.0}, {"b", jan, {}, -5.0}});
    const saleskpi::Criteria only_a = {saleskpi::Criterion{Cells(2, 1, {"eu", "us"}), "eu"}};
    EXPECT_INVALID_AT(saleskpi::mrr_at(s.rows_without_customers(), jan, only_a), "amounts", "in row 2");
    const saleskpi::Criteria bad_range = {saleskpi::Criterion{Cells(2, 1, {"eu", infinity}), "eu"}};
    EXPECT_INVALID(saleskpi::mrr_at(saleskpi::SubscriptionRows::read(s.starts, s.ends, Range::column({10.0, 5.0}),
                                                                     saleskpi::default_null_date),
                                    jan, bad_range),
                   "criteria_range 1");
}
