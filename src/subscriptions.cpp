#include "saleskpi/subscriptions.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <stdexcept>
#include <unordered_map>

#include "book.hpp"
#include "catalogue_columns.hpp"
#include "checks.hpp"

namespace saleskpi {

namespace {

// The months of a line of cells (MRR_BRIDGE's months, COHORT_TABLE's cohorts), none blank.
std::vector<Month> months_of(std::string_view argument, const Range& cells, NullDate null_date) {
    if (cells.empty())
        fail(argument, "has no cell");
    std::vector<Month> months;
    months.reserve(cells.size());
    for (std::size_t i = 0; i < cells.size(); ++i) {
        if (!cells[i])
            fail_at(argument, "must not be blank", cell_at(i));
        months.push_back(month_of(day_of(argument, *cells[i], null_date, cell_at(i))));
    }
    return months;
}

using Bridge = columns::MrrBridge;

constexpr std::size_t bridge_column(Bridge column) { return static_cast<std::size_t>(column); }

std::size_t bridge_column(Movement movement) {
    switch (movement) {
        case Movement::new_mrr: return bridge_column(Bridge::new_);
        case Movement::expansion: return bridge_column(Bridge::expansion);
        case Movement::reactivation: return bridge_column(Bridge::reactivation);
        case Movement::contraction: return bridge_column(Bridge::contraction);
        case Movement::churned: return bridge_column(Bridge::churned);
    }
    throw std::logic_error("a movement without a bridge column");
}

// The number of months after a cohort, a whole number, the month reached a valid one.
Month months_after_of(double months_after, Month cohort) {
    if (!std::isfinite(months_after) || months_after < 0.0 || months_after != std::floor(months_after))
        fail("months_after", months_after, "must be a whole number >= 0");
    if (months_after > static_cast<double>(last_month() - cohort))
        fail("months_after", months_after, "goes past the year 9956");
    return static_cast<Month>(months_after);
}

}  // namespace

double mrr_at(const SubscriptionRows& rows, double date, const Criteria& criteria) {
    const Day day = day_of("date", date, rows.null_date(), cell_at(0));
    const std::vector<unsigned char> selected = rows.selected(criteria);
    Wide total;
    for (const auto& row : rows.rows())
        if (selected[row.cell] && row.start <= day && day < row.end)
            total += row.amount;
    return static_cast<double>(total);
}

double customers_at(const SubscriptionRows& rows, double date, const Criteria& criteria) {
    const Day day = day_of("date", date, rows.null_date(), cell_at(0));
    const std::vector<unsigned char> selected = rows.selected(criteria);
    std::vector<Wide> mrr(rows.customers());
    std::vector<double> largest(rows.customers(), 0.0);
    for (const auto& row : rows.rows()) {
        if (!selected[row.cell])
            continue;
        largest[row.customer] = std::max(largest[row.customer], row.amount);
        if (row.start <= day && day < row.end)
            mrr[row.customer] += row.amount;
    }
    double paying = 0.0;
    for (std::uint32_t c = 0; c < rows.customers(); ++c)
        if (mrr[c] > tolerance_for(largest[c]))
            paying += 1.0;
    return paying;
}

double MonthMovement::operator()(const SubscriptionRows& rows, double month,
                                 const Criteria& criteria) const {
    const Month m = month_of(day_of("month", month, rows.null_date(), cell_at(0)));
    const Book book(rows, criteria);
    Wide total;
    for (std::uint32_t c = 0; c < book.customers(); ++c) {
        const Change change = book.change(c, m);
        if (change.movement == movement)
            total += customers ? 1.0 : change.amount;
    }
    return static_cast<double>(total);
}

Range mrr_bridge(const SubscriptionRows& rows, const Range& months, const Criteria& criteria) {
    if (!months.is_line())
        fail("months", "must be one row or one column");
    const std::vector<Month> wanted = months_of("months", months, rows.null_date());
    const Book book(rows, criteria);

    // Per month one value per column, in the catalogue's order (catalogue_columns.hpp).
    constexpr std::size_t width = columns::mrr_bridge_columns;
    std::vector<std::array<Wide, width>> totals(wanted.size(), std::array<Wide, width>{});
    for (std::uint32_t c = 0; c < book.customers(); ++c) {
        for (std::size_t k = 0; k < wanted.size(); ++k) {
            const Change change = book.change(c, wanted[k]);
            auto& row = totals[k];
            row[bridge_column(Bridge::opening)] += change.opening;
            row[bridge_column(Bridge::closing)] += change.closing;
            if (change.movement)
                row[bridge_column(*change.movement)] += change.amount;
        }
    }
    const std::size_t n = wanted.size();
    const bool as_row = months.is_row();
    std::vector<std::optional<double>> cells(n * width);
    for (std::size_t k = 0; k < n; ++k)
        for (std::size_t j = 0; j < width; ++j)
            cells[as_row ? j * n + k : k * width + j] = static_cast<double>(totals[k][j]);
    return as_row ? Range(width, n, std::move(cells)) : Range(n, width, std::move(cells));
}

Retention retention(double by_revenue) {
    if (by_revenue == 0.0) return Retention::logos;
    if (by_revenue == 1.0) return Retention::revenue;
    fail("by_revenue", by_revenue, "must be 0 or 1");
}

double cohort_retention(const SubscriptionRows& rows, double cohort, double months_after,
                        Retention counted, const Criteria& criteria) {
    const bool by_revenue = counted == Retention::revenue;
    const Month first = month_of(day_of("cohort", cohort, rows.null_date(), cell_at(0)));
    const Month later = first + months_after_of(months_after, first);
    const Book book(rows, criteria);
    Wide size, base, kept, revenue;
    for (std::uint32_t c = 0; c < book.customers(); ++c) {
        if (book.first_paid(c) != first)
            continue;
        const double then = book.mrr(c, later);
        size += 1.0;
        base += book.mrr(c, first);
        kept += then > 0.0 ? 1.0 : 0.0;
        revenue += then;
    }
    if (size == 0.0)
        fail("cohort", cohort, "has no customer (none had its first MRR at the end of that month)");
    return static_cast<double>(by_revenue ? revenue / base : kept / size);
}

Range cohort_table(const SubscriptionRows& rows, const Range& cohorts, Retention counted,
                   const Criteria& criteria) {
    const bool by_revenue = counted == Retention::revenue;
    if (cohorts.cols() != 1)
        fail("cohorts", "must be one column");
    const std::vector<Month> wanted = months_of("cohorts", cohorts, rows.null_date());
    const Book book(rows, criteria);
    const std::size_t n = wanted.size();
    const Month latest = *std::max_element(wanted.begin(), wanted.end());

    // Per distinct cohort month: its size (logo) or base MRR (revenue) in column 0 of a
    // row of n sums, then what is left k months later.
    std::unordered_map<Month, std::size_t> slot;
    for (const Month m : wanted)
        slot.try_emplace(m, slot.size());
    std::vector<Wide> base(slot.size());
    std::vector<std::vector<Wide>> later(slot.size(), std::vector<Wide>(n));
    for (std::uint32_t c = 0; c < book.customers(); ++c) {
        const auto found = slot.find(book.first_paid(c));
        if (found == slot.end())
            continue;
        const Month first = found->first;
        base[found->second] += by_revenue ? book.mrr(c, first) : 1.0;
        const auto span = std::min<std::size_t>(n, static_cast<std::size_t>(latest - first) + 1);
        for (std::size_t k = 0; k < span; ++k) {
            const double then = book.mrr(c, first + static_cast<Month>(k));
            later[found->second][k] += by_revenue ? then : (then > 0.0 ? 1.0 : 0.0);
        }
    }
    std::vector<std::optional<double>> cells(n * n);
    for (std::size_t i = 0; i < n; ++i) {
        const std::size_t s = slot.at(wanted[i]);
        if (base[s] == 0.0)
            continue;  // a cohort without customers: a blank row
        const auto span = std::min<std::size_t>(n, static_cast<std::size_t>(latest - wanted[i]) + 1);
        for (std::size_t k = 0; k < span; ++k)
            cells[i * n + k] = static_cast<double>(later[s][k] / base[s]);
    }
    return Range(n, n, std::move(cells));
}

}  // namespace saleskpi
