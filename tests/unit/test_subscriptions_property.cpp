// Random subscription books (seeded, reproducible) against a brute-force reading of
// docs/rules.md written here independently of src/book.cpp: every customer's MRR summed row by
// row at every month end, each movement classified straight from the table. Each book also
// has to satisfy the bridge identity, MRR_AT at both month ends, non-negative movements and
// a cohort retention of 1 at 0 months.
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <map>
#include <optional>
#include <random>
#include <string>
#include <tuple>
#include <vector>

#include "saleskpi.hpp"
#include "support.hpp"

using saleskpi::Cell;
using saleskpi::Cells;
using saleskpi::Range;
using namespace saleskpi_test;
namespace chr = std::chrono;

namespace {

const saleskpi::Criteria no_criteria;
constexpr auto null_date = saleskpi::default_null_date;

// The bridge covers the 24 months of 2023 and 2024; rows start from 2023-01-01 and may run
// into 2026, so the reference looks at month ends from December 2022 on.
constexpr int window_months = 24;
constexpr int first_year = 2023;

chr::year_month month_at(int index) {  // index 0 = January 2023, -1 = December 2022
    return chr::year_month{chr::year{first_year}, chr::month{1}} + chr::months{index};
}
double last_day(chr::year_month ym) {
    const chr::sys_days d{ym / chr::last};
    return static_cast<double>((d - null_date).count());
}
double some_day_in(chr::year_month ym, unsigned day) {
    const chr::sys_days d{ym / chr::day{day}};
    return static_cast<double>((d - null_date).count());
}

struct Row {
    Sub sub;
    Cell plan;
};

// A book of up to 40 rows over up to 8 customers: blank rows, open ends, same-day ends,
// gaps and returns (re-subscriptions), free plans, several rows per customer at once, and
// amounts that add up with floating-point noise (0.1 + 0.2 against 0.3, 50 + 25 against 75).
std::vector<Row> random_book(std::mt19937& rng) {
    auto pick = [&](int n) { return std::uniform_int_distribution<int>(0, n - 1)(rng); };
    const std::vector<Cell> ids = {Cell{"acme"}, Cell{"Acme"}, Cell{"beta"}, Cell{7.0},
                                   Cell{"7"},    Cell{"cito"}, Cell{"dúo"},  Cell{42.0}};
    const std::vector<Cell> plans = {Cell{"basic"}, Cell{"pro"}, Cell{1.0}, Cell{}};
    const std::vector<double> amounts = {0.0, 10.0, 25.0, 50.0, 75.0, 99.99, 0.1, 0.2, 0.3, 1234.56};
    const int customers = 1 + pick(8);
    const double base = serial(first_year, 1, 1);
    std::vector<Row> rows;
    const int n = 1 + pick(40);
    for (int i = 0; i < n; ++i) {
        const int kind = pick(20);
        if (kind == 0 && !rows.empty()) {  // a blank row left for growth
            rows.push_back({{Cell{}, {}, {}, {}}, Cell{}});
            continue;
        }
        const Cell id = ids[static_cast<std::size_t>(pick(customers))];
        const Cell plan = plans[static_cast<std::size_t>(pick(4))];
        const double start = base + pick(700);
        if (kind == 1) {  // the same MRR split in two rows, then one row: noise, no movement
            const double change = start + 1 + pick(300);
            const bool cents = pick(2) == 0;
            rows.push_back({{id, start, change, cents ? 0.1 : 50.0}, plan});
            rows.push_back({{id, start, change, cents ? 0.2 : 25.0}, plan});
            rows.push_back({{id, change, std::nullopt, cents ? 0.3 : 75.0}, plan});
            continue;
        }
        if (kind == 2) {  // churn, then come back later
            const double stop = start + 1 + pick(120);
            const double back = stop + 31 + pick(200);
            const double amount = amounts[static_cast<std::size_t>(1 + pick(9))];
            rows.push_back({{id, start, stop, amount}, plan});
            rows.push_back({{id, back, std::nullopt, amount * 2}, plan});
            continue;
        }
        std::optional<double> end;
        const int end_kind = pick(10);
        if (end_kind < 3)
            end = std::nullopt;            // still running
        else if (end_kind == 3)
            end = start;                   // ends the day it starts: never counts
        else
            end = start + pick(400);       // may start and end inside one month
        rows.push_back({{id, start, end, amounts[static_cast<std::size_t>(pick(10))]}, plan});
    }
    return rows;
}

bool same_id(const Cell& a, const Cell& b) { return a == b; }

// docs/rules.md#mrr-movements by brute force.
class Reference {
public:
    explicit Reference(const std::vector<Row>& rows, const Cell* plan = nullptr) {
        for (const Row& row : rows) {
            if (!row.sub.start)
                continue;  // blank row
            if (plan && !(row.plan == *plan))
                continue;
            std::size_t c = 0;
            while (c < ids_.size() && !same_id(ids_[c], row.sub.customer))
                ++c;
            if (c == ids_.size()) {
                ids_.push_back(row.sub.customer);
                rows_.emplace_back();
                tolerance_.push_back(1e-9);
            }
            rows_[c].push_back(row.sub);
            tolerance_[c] = std::max(tolerance_[c], 1e-9 * (1.0 + *row.sub.amount));
        }
    }

    std::size_t customers() const { return ids_.size(); }

    // Customer c's MRR on day d, 0 when within its tolerance of 0.
    double mrr(std::size_t c, double d) const {
        double sum = 0.0;
        for (const Sub& s : rows_[c])
            if (*s.start <= d && (!s.end || d < *s.end))
                sum += *s.amount;
        return std::fabs(sum) <= tolerance_[c] ? 0.0 : sum;
    }
    double mrr(std::size_t c, int month) const { return mrr(c, last_day(month_at(month))); }
    double total(double d) const {
        double sum = 0.0;
        for (std::size_t c = 0; c < customers(); ++c)
            sum += mrr(c, d);
        return sum;
    }

    struct Movements {
        double new_ = 0, expansion = 0, reactivation = 0, contraction = 0, churned = 0;
        int new_customers = 0, churned_customers = 0;
    };
    Movements movements(int month) const {
        Movements m;
        for (std::size_t c = 0; c < customers(); ++c) {
            const double p = mrr(c, month - 1), v = mrr(c, month);
            const double tol = tolerance_[c];
            if (p == 0.0 && v > 0.0) {
                if (had_mrr_before(c, month - 1))
                    m.reactivation += v;
                else
                    m.new_ += v, ++m.new_customers;
            } else if (p > 0.0 && v == 0.0) {
                m.churned += p, ++m.churned_customers;
            } else if (p > 0.0 && v - p > tol) {
                m.expansion += v - p;
            } else if (p > 0.0 && p - v > tol) {
                m.contraction += p - v;
            }
        }
        return m;
    }

    // The cohort month of customer c (index as month_at), or nullopt if it never paid.
    std::optional<int> cohort(std::size_t c) const {
        for (int month = -1; month < window_months + 24; ++month)
            if (mrr(c, month) > 0.0)
                return month;
        return std::nullopt;
    }
    // Logo or revenue retention of cohort `month` after k months; nullopt for no customer.
    std::optional<double> retention(int month, int k, bool revenue) const {
        double base = 0.0, later = 0.0;
        for (std::size_t c = 0; c < customers(); ++c) {
            if (cohort(c) != month)
                continue;
            base += revenue ? mrr(c, month) : 1.0;
            later += revenue ? mrr(c, month + k) : (mrr(c, month + k) > 0.0 ? 1.0 : 0.0);
        }
        if (base == 0.0)
            return std::nullopt;
        return later / base;
    }

private:
    bool had_mrr_before(std::size_t c, int before) const {
        for (int month = -1; month < before; ++month)
            if (mrr(c, month) > 0.0)
                return true;
        return false;
    }

    std::vector<Cell> ids_;
    std::vector<std::vector<Sub>> rows_;
    std::vector<double> tolerance_;
};

bool near(double a, double b) { return std::fabs(a - b) <= 1e-7 * (1.0 + std::fabs(b)); }

// Where a failure shows the book: its seed.
struct Seed {
    unsigned value;
};
std::ostream& operator<<(std::ostream& out, Seed seed) { return out << "book seed " << seed.value; }

constexpr unsigned books = 300;

Subs subs_of(const std::vector<Row>& rows) {
    std::vector<Sub> subs;
    for (const Row& row : rows)
        subs.push_back(row.sub);
    return columns(subs);
}

Range window_months_column(std::mt19937& rng) {
    std::vector<double> months;
    for (int m = 0; m < window_months; ++m)
        months.push_back(some_day_in(month_at(m), 1 + std::uniform_int_distribution<unsigned>(0, 27)(rng)));
    return Range::column(months);
}

}  // namespace

TEST(SubscriptionProperties, BridgeAgreesWithTheDefinitionsEveryMonth) {
    int movements_seen[5] = {};
    for (unsigned seed = 1; seed <= books; ++seed) {
        SCOPED_TRACE(Seed{seed});
        std::mt19937 rng(seed);
        const std::vector<Row> rows = random_book(rng);
        const Subs s = subs_of(rows);
        const Reference ref(rows);
        const Range bridge = saleskpi::mrr_bridge(s.rows(null_date), window_months_column(rng), no_criteria);
        ASSERT_EQ(bridge.rows(), static_cast<std::size_t>(window_months));
        ASSERT_EQ(bridge.cols(), 7u);
        for (int m = 0; m < window_months; ++m) {
            SCOPED_TRACE(::testing::Message() << "month " << m);
            double v[7];
            for (std::size_t j = 0; j < 7; ++j) {
                ASSERT_TRUE(bridge[static_cast<std::size_t>(m) * 7 + j].has_value());
                v[j] = *bridge[static_cast<std::size_t>(m) * 7 + j];
            }
            const auto [opening, new_, expansion, reactivation, contraction, churned, closing] =
                std::tuple{v[0], v[1], v[2], v[3], v[4], v[5], v[6]};
            for (double movement : {new_, expansion, reactivation, contraction, churned})
                EXPECT_GE(movement, 0.0);
            EXPECT_TRUE(near(closing - opening, new_ + expansion + reactivation - contraction - churned))
                << closing << " - " << opening << " vs " << new_ << " + " << expansion << " + "
                << reactivation << " - " << contraction << " - " << churned;
            const double previous_end = last_day(month_at(m - 1)), end = last_day(month_at(m));
            EXPECT_TRUE(near(opening, saleskpi::mrr_at(s.rows_without_customers(null_date), previous_end,
                                                       no_criteria)));
            EXPECT_TRUE(near(closing, saleskpi::mrr_at(s.rows_without_customers(null_date), end, no_criteria)));
            EXPECT_TRUE(near(opening, ref.total(previous_end))) << opening << " vs " << ref.total(previous_end);
            EXPECT_TRUE(near(closing, ref.total(end))) << closing << " vs " << ref.total(end);
            const auto expected = ref.movements(m);
            EXPECT_TRUE(near(new_, expected.new_)) << new_ << " vs " << expected.new_;
            EXPECT_TRUE(near(expansion, expected.expansion)) << expansion << " vs " << expected.expansion;
            EXPECT_TRUE(near(reactivation, expected.reactivation)) << reactivation << " vs " << expected.reactivation;
            EXPECT_TRUE(near(contraction, expected.contraction)) << contraction << " vs " << expected.contraction;
            EXPECT_TRUE(near(churned, expected.churned)) << churned << " vs " << expected.churned;
            const double seen[5] = {new_, expansion, reactivation, contraction, churned};
            for (int k = 0; k < 5; ++k)
                movements_seen[k] += seen[k] > 0.0;
        }
        if (::testing::Test::HasFailure())
            return;  // one failing book is enough to read
    }
    // The generator must exercise every movement, else the test proves little.
    for (int k = 0; k < 5; ++k)
        EXPECT_GT(movements_seen[k], 50) << "movement " << k;
}

TEST(SubscriptionProperties, MonthFunctionsMatchTheBridgeAndCountCustomers) {
    for (unsigned seed = 1; seed <= books; ++seed) {
        SCOPED_TRACE(Seed{seed});
        std::mt19937 rng(seed);
        const std::vector<Row> rows = random_book(rng);
        const Subs s = subs_of(rows);
        const Reference ref(rows);
        for (int draw = 0; draw < 3; ++draw) {
            const int m = std::uniform_int_distribution<int>(0, window_months - 1)(rng);
            const double day = some_day_in(month_at(m), 15);
            const saleskpi::SubscriptionRows subscriptions = s.rows(null_date);
            auto in = [&](auto function) { return function(subscriptions, day, no_criteria); };
            const auto expected = ref.movements(m);
            const double mrr_new = in(saleskpi::mrr_new);
            EXPECT_TRUE(near(mrr_new, expected.new_));
            EXPECT_TRUE(near(in(saleskpi::mrr_expansion), expected.expansion));
            EXPECT_TRUE(near(in(saleskpi::mrr_reactivation), expected.reactivation));
            EXPECT_TRUE(near(in(saleskpi::mrr_contraction), expected.contraction));
            EXPECT_TRUE(near(in(saleskpi::mrr_churned), expected.churned));
            const double customers_new = in(saleskpi::customers_new);
            EXPECT_EQ(customers_new, expected.new_customers) << "month " << m;
            EXPECT_EQ(in(saleskpi::customers_churned), expected.churned_customers) << "month " << m;
            // A new customer pays something, so new MRR and new customers are 0 together.
            EXPECT_EQ(customers_new > 0, mrr_new > 0) << "month " << m;
            int paying = 0;
            for (std::size_t c = 0; c < ref.customers(); ++c)
                paying += ref.mrr(c, day) > 0.0;
            EXPECT_EQ(saleskpi::customers_at(subscriptions, day, no_criteria), paying);
        }
    }
}

TEST(SubscriptionProperties, CohortRetention) {
    int cohorts_seen = 0;
    for (unsigned seed = 1; seed <= books; ++seed) {
        SCOPED_TRACE(Seed{seed});
        std::mt19937 rng(seed);
        const std::vector<Row> rows = random_book(rng);
        const Subs s = subs_of(rows);
        const Reference ref(rows);
        constexpr int table_months = 12;
        std::vector<double> cohorts;
        for (int m = 0; m < table_months; ++m)
            cohorts.push_back(some_day_in(month_at(m), 3));
        for (const auto counted : {saleskpi::Retention::logos, saleskpi::Retention::revenue}) {
            const bool revenue = counted == saleskpi::Retention::revenue;
            const Range table =
                saleskpi::cohort_table(s.rows(null_date), Range::column(cohorts), counted, no_criteria);
            ASSERT_EQ(table.rows(), static_cast<std::size_t>(table_months));
            ASSERT_EQ(table.cols(), static_cast<std::size_t>(table_months));
            for (int m = 0; m < table_months; ++m) {
                auto retention = [&](int k) {
                    return saleskpi::cohort_retention(s.rows(null_date), cohorts[m], k, counted, no_criteria);
                };
                if (!ref.retention(m, 0, revenue)) {
                    EXPECT_INVALID(retention(0), "cohort");
                    for (int k = 0; k < table_months; ++k)
                        EXPECT_FALSE(table[static_cast<std::size_t>(m * table_months + k)].has_value());
                    continue;
                }
                ++cohorts_seen;
                EXPECT_EQ(retention(0), 1.0) << "cohort month " << m;
                for (int k = 0; k < table_months; ++k) {
                    const auto cell = table[static_cast<std::size_t>(m * table_months + k)];
                    if (m + k >= table_months) {
                        EXPECT_FALSE(cell.has_value()) << m << ", " << k;  // past the last cohort month
                        continue;
                    }
                    const double expected = *ref.retention(m, k, revenue);
                    ASSERT_TRUE(cell.has_value()) << m << ", " << k;
                    EXPECT_TRUE(near(*cell, expected)) << m << ", " << k << ": " << *cell << " vs " << expected;
                    EXPECT_TRUE(near(retention(k), expected)) << m << ", " << k;
                    if (!revenue) {
                        EXPECT_TRUE(*cell >= 0.0 && *cell <= 1.0);
                    }
                }
            }
        }
    }
    EXPECT_GT(cohorts_seen, 500);
}

// The criteria pairs select rows: a bridge over one plan is the bridge of a book of only that
// plan's rows (the others made blank), and rows of other plans may hold anything.
TEST(SubscriptionProperties, CriteriaSelectRows) {
    const std::vector<Cell> plans = {Cell{"basic"}, Cell{"pro"}, Cell{1.0}, Cell{}};
    for (unsigned seed = 1; seed <= books; ++seed) {
        SCOPED_TRACE(Seed{seed});
        std::mt19937 rng(seed);
        std::vector<Row> rows = random_book(rng);
        const Range months = window_months_column(rng);
        const Cell plan = plans[seed % plans.size()];
        std::vector<Sub> only, garbled;
        std::vector<Cell> plan_cells;
        bool any = false;
        for (const Row& row : rows) {
            const bool chosen = row.plan == plan;
            only.push_back(chosen ? row.sub : Sub{Cell{}, {}, {}, {}});
            any = any || (chosen && row.sub.start);
            // The whole book goes in; the criteria must give what the chosen rows alone give.
            garbled.push_back(row.sub);
            plan_cells.push_back(row.plan);
        }
        const saleskpi::Criteria criteria = {{cell_column(plan_cells), plan}};
        const Subs g = columns(garbled);
        const Range filtered = saleskpi::mrr_bridge(g.rows(null_date), months, criteria);
        const Reference ref(rows, &plan);
        if (!any) {
            for (std::size_t i = 0; i < filtered.size(); ++i)
                EXPECT_EQ(filtered[i], 0.0);
            continue;
        }
        const Subs o = columns(only);
        const Range direct = saleskpi::mrr_bridge(o.rows(null_date), months, no_criteria);
        ASSERT_EQ(filtered.size(), direct.size());
        for (std::size_t i = 0; i < filtered.size(); ++i)
            EXPECT_TRUE(near(*filtered[i], *direct[i])) << "cell " << i;
        for (int m = 0; m < window_months; ++m)
            EXPECT_TRUE(near(*filtered[static_cast<std::size_t>(m) * 7], ref.total(last_day(month_at(m - 1)))));
    }
}

// The same calendar days under the 1904 null date give the same answers.
TEST(SubscriptionProperties, NullDate1904GivesTheSameCalendar) {
    const auto nd1904 = saleskpi::null_date(1904, 1, 1);
    const double shift = serial(2024, 1, 1) - serial(2024, 1, 1, nd1904);
    EXPECT_EQ(shift, 1462.0);
    for (unsigned seed = 1; seed <= 50; ++seed) {
        SCOPED_TRACE(Seed{seed});
        std::mt19937 rng(seed);
        const std::vector<Row> rows = random_book(rng);
        std::vector<Sub> shifted;
        for (const Row& row : rows) {
            Sub sub = row.sub;
            if (sub.start)
                *sub.start -= shift;
            if (sub.end)
                *sub.end -= shift;
            shifted.push_back(sub);
        }
        const Subs s = subs_of(rows), t = columns(shifted);
        const Range months = window_months_column(rng);
        std::vector<double> months_1904;
        for (std::size_t i = 0; i < months.size(); ++i)
            months_1904.push_back(*months[i] - shift);
        const Range a = saleskpi::mrr_bridge(s.rows(null_date), months, no_criteria);
        const Range b = saleskpi::mrr_bridge(t.rows(nd1904), Range::column(months_1904), no_criteria);
        ASSERT_EQ(a.size(), b.size());
        for (std::size_t i = 0; i < a.size(); ++i)
            EXPECT_EQ(a[i], b[i]) << "cell " << i;
    }
}
