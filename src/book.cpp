#include "book.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <variant>

#include "checks.hpp"

namespace saleskpi {

double tolerance_for(double largest_amount) { return 1e-9 * (1.0 + largest_amount); }

Book::Book(const SubscriptionRows& rows, const Criteria& criteria)
    : offsets_(rows.customers() + 1, 0), tolerance_(rows.customers(), tolerance_for(0.0)),
      first_paid_(rows.customers(), never) {
    const std::vector<unsigned char> selected = rows.selected(criteria);
    // A row counts at the end of month m when start <= last day of m < end: from the month
    // of its start to the month before the month of its end. Two events per row: +amount
    // from m0 on, -amount from m1 + 1 on.
    struct Event {
        std::uint32_t customer;
        Month month;
        double delta;
    };
    std::vector<Event> events;
    events.reserve(2 * rows.rows().size());
    std::vector<double> largest(rows.customers(), 0.0);
    for (const auto& row : rows.rows()) {
        if (!selected[row.cell])
            continue;
        largest[row.customer] = std::max(largest[row.customer], row.amount);
        const Month from = month_of(row.start);
        const bool open = row.end == SubscriptionRows::open_end;
        const Month after = open ? never : month_of(row.end);  // first month no longer counted
        if (row.amount == 0.0 || from >= after)
            continue;  // free, or starts and ends inside one month: never at a month end
        events.push_back({row.customer, from, row.amount});
        if (!open)
            events.push_back({row.customer, after, -row.amount});
    }
    std::sort(events.begin(), events.end(), [](const Event& a, const Event& b) {
        return a.customer != b.customer ? a.customer < b.customer : a.month < b.month;
    });

    months_.reserve(events.size());
    values_.reserve(events.size());
    std::size_t e = 0;
    for (std::uint32_t c = 0; c < rows.customers(); ++c) {
        tolerance_[c] = tolerance_for(largest[c]);
        offsets_[c] = months_.size();
        // Wide: a running sum of a few hundred amounts keeps the noise far below the
        // tolerance; what is within the tolerance of 0 is stored as exactly 0.
        Wide running;
        double last = 0.0;
        while (e < events.size() && events[e].customer == c) {
            const Month month = events[e].month;
            for (; e < events.size() && events[e].customer == c && events[e].month == month; ++e)
                running += events[e].delta;
            double value = static_cast<double>(running);
            if (std::fabs(value) <= tolerance_[c])
                value = 0.0;
            if (value == last)
                continue;
            months_.push_back(month);
            values_.push_back(value);
            last = value;
            if (value > 0.0 && first_paid_[c] == never)
                first_paid_[c] = month;
        }
    }
    offsets_[rows.customers()] = months_.size();
}

double Book::mrr(std::uint32_t customer, Month month) const {
    const auto begin = months_.begin() + static_cast<std::ptrdiff_t>(offsets_[customer]);
    const auto end = months_.begin() + static_cast<std::ptrdiff_t>(offsets_[customer + 1]);
    const auto after = std::upper_bound(begin, end, month);
    return after == begin ? 0.0 : values_[static_cast<std::size_t>(after - months_.begin()) - 1];
}

Change Book::change(std::uint32_t customer, Month month) const {
    const double p = mrr(customer, month - 1);
    const double v = mrr(customer, month);
    Change result{p, v, std::nullopt, 0.0};
    if (p == 0.0 && v > 0.0) {
        result.movement = first_paid_[customer] == month ? Movement::new_mrr : Movement::reactivation;
        result.amount = v;
    } else if (p > 0.0 && v == 0.0) {
        result.movement = Movement::churned;
        result.amount = p;
    } else if (p > 0.0 && v - p > tolerance_[customer]) {
        result.movement = Movement::expansion;
        result.amount = v - p;
    } else if (p > 0.0 && p - v > tolerance_[customer]) {
        result.movement = Movement::contraction;
        result.amount = p - v;
    }
    return result;
}

}  // namespace saleskpi
