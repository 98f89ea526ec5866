// KPIs straight from a billing system's subscription export, one row per subscription period
// or line item (the rules are in docs/rules.md#subscription-rows):
//   customers  the customer's id: text (compared exactly, case-sensitive) or a number
//   starts     the first day the row counts (a Calc serial date)
//   ends       the first day it no longer counts (exclusive); blank = still running
//   amounts    its MRR (>= 0), already monthly
// All four have one shape; all-blank rows are skipped. A customer's MRR on a day is the sum of
// its rows active that day (start <= day < end); the MRR of a month is the MRR on its last
// day. Money in, money out (currency per month); counts are whole customers.
//
// Tolerance: per customer, two MRR values within 1e-9 × (1 + its largest amount) are equal
// (50 + 25 against 75 is no movement), and an MRR within that of 0 is 0 (not paying).
//
// Invalid input throws InvalidArgument naming the argument and the row ("amounts (-5) must be
// >= 0 in row 3", rows counted from 1 in reading order). Ranges without a single non-blank
// row are invalid ("starts has no row"); rows that exist but that the criteria all leave out
// give 0, a true answer (that seller has no subscription), except where a cohort or a ratio
// needs customers.
#pragma once

#include <cstdint>
#include <limits>
#include <vector>

#include "calendar.hpp"
#include "cells.hpp"
#include "columns.hpp"
#include "criteria_pairs.hpp"
#include "range.hpp"

namespace saleskpi {

// The subscription rows of one call, read and validated once: every function below takes them.
class SubscriptionRows : public Columns {
public:
    // Checks the shapes, then every row that is not blank, whichever seller the criteria will
    // keep (a bad row is an error in the export); interns the customer ids. Throws "customers
    // has no row" when every row is blank.
    static SubscriptionRows read(const Cells& customers, const Range& starts, const Range& ends,
                                 const Range& amounts, NullDate null_date);
    // Rows without customer ids (MRR_AT): "starts" names the columns in errors.
    static SubscriptionRows read(const Range& starts, const Range& ends, const Range& amounts,
                                 NullDate null_date);

    struct Row {
        std::uint32_t cell;      // its cell in the columns, reading order: Columns::selected()
        std::uint32_t customer;  // 0 .. customers() - 1; always 0 without customer ids
        Day start;
        Day end;  // exclusive; open_end while still running
        double amount;
    };
    static constexpr Day open_end = std::numeric_limits<Day>::max();

    // The rows that are not blank, in reading order.
    const std::vector<Row>& rows() const { return rows_; }
    // How many distinct customer ids they hold (1 without customer ids).
    std::uint32_t customers() const { return customers_; }
    // The document's calendar, for the dates and months the functions take too.
    NullDate null_date() const { return null_date_; }

private:
    template <class Cell>
    SubscriptionRows(std::string_view first, const Grid<Cell>& column, NullDate null_date)
        : Columns(first, column), null_date_(null_date) {}
    static SubscriptionRows read(const Cells* customers, const Range& starts, const Range& ends,
                                 const Range& amounts, NullDate null_date);

    std::vector<Row> rows_;
    std::uint32_t customers_ = 0;
    NullDate null_date_;
};

// What a cohort's retention counts (Calc's by_revenue argument 0 or 1).
enum class Retention {
    logos,    // 0: the fraction of the cohort's customers still paying
    revenue,  // 1: the cohort's MRR then / its MRR at the end of the cohort month
};

// Calc's by_revenue argument to Retention; any other number is invalid ("by_revenue").
Retention retention(double by_revenue);

// The MRR active on `date`: Σ amounts of the rows with start <= date < end.
double mrr_at(const SubscriptionRows& rows, double date, const Criteria& criteria);

// How many customers have MRR > 0 on `date`.
double customers_at(const SubscriptionRows& rows, double date, const Criteria& criteria);

// The movements of a month, comparing each customer's MRR at the end of the previous month (p)
// with the end of this one (v):
//   new          p = 0 < v, no MRR at any earlier month end      v
//   expansion    0 < p < v                                       v - p
//   reactivation p = 0 < v, MRR at some earlier month end        v
//   contraction  0 < v < p                                       p - v
//   churned      p > 0 = v                                       p
enum class Movement { new_mrr, expansion, reactivation, contraction, churned };

// MRR_NEW .. CUSTOMERS_CHURNED: one movement's total in the month holding `month` (any day of
// it), its MRR or how many customers made it; called as mrr_new(rows, month, criteria).
struct MonthMovement {
    Movement movement;
    bool customers;  // count the customers instead of adding up their MRR
    double operator()(const SubscriptionRows& rows, double month, const Criteria& criteria) const;
};
inline constexpr MonthMovement mrr_new{Movement::new_mrr, false};
inline constexpr MonthMovement mrr_expansion{Movement::expansion, false};
inline constexpr MonthMovement mrr_reactivation{Movement::reactivation, false};
inline constexpr MonthMovement mrr_contraction{Movement::contraction, false};
inline constexpr MonthMovement mrr_churned{Movement::churned, false};
inline constexpr MonthMovement customers_new{Movement::new_mrr, true};
inline constexpr MonthMovement customers_churned{Movement::churned, true};

// For each month of `months` (one row or one column, any day of each month, no blank cell):
// opening MRR (end of the previous month), each movement, closing MRR, in the order of the
// catalogue's columns for MRR_BRIDGE (catalogue_columns.hpp). A column of n months gives
// n x 7, a row 7 x n, one cell 1 x 7.
// closing - opening = new + expansion + reactivation - contraction - churned (to within the
// tolerance above).
Range mrr_bridge(const SubscriptionRows& rows, const Range& months, const Criteria& criteria);

// A customer's cohort is the first month at whose end it had MRR. Logo retention (fraction of
// the cohort's customers with MRR at the end of cohort month + months_after) or, by_revenue,
// net revenue retention (the cohort's MRR then / its MRR at the end of the cohort month; may
// exceed 1). months_after is a whole number >= 0; a cohort without customers is invalid.
double cohort_retention(const SubscriptionRows& rows, double cohort, double months_after,
                        Retention counted, const Criteria& criteria);

// One row per month of `cohorts` (one column, no blank cell), n columns for 0 .. n-1 months
// after: cohort_retention of each. Cells past the latest month of `cohorts` and the rows of
// cohorts without customers are blank.
Range cohort_table(const SubscriptionRows& rows, const Range& cohorts, Retention counted,
                   const Criteria& criteria);

}  // namespace saleskpi
