#include "book.hpp"

#include <algorithm>
#include <cmath>
#include <string_view>
#include <unordered_map>
#include <variant>

#include "checks.hpp"

namespace saleskpi {

namespace {

// Interns customer ids without copying them: the texts stay in the caller's cells.
class CustomerIds {
public:
    explicit CustomerIds(std::size_t expected) {
        texts_.reserve(expected);
        numbers_.reserve(expected);
    }
    std::uint32_t id(const Cell& cell) {
        const auto next = static_cast<std::uint32_t>(texts_.size() + numbers_.size());
        if (const auto* text = std::get_if<std::string>(&cell))
            return texts_.try_emplace(std::string_view(*text), next).first->second;
        const double number = std::get<double>(cell);
        return numbers_.try_emplace(number == 0.0 ? 0.0 : number, next).first->second;  // -0 is 0
    }
    std::uint32_t count() const { return static_cast<std::uint32_t>(texts_.size() + numbers_.size()); }

private:
    std::unordered_map<std::string_view, std::uint32_t> texts_;
    std::unordered_map<double, std::uint32_t> numbers_;
};

[[noreturn]] void missing(std::string_view argument, std::size_t row) {
    fail_at(argument, "must be filled (the row is not blank)", row_at(row));
}

// The per-customer tolerance of subscriptions.hpp.
double tolerance_for(double largest_amount) { return 1e-9 * (1.0 + largest_amount); }

}  // namespace

SubscriptionRows read_subscriptions(const Cells* customers, const Range& starts,
                                    const Range& ends, const Range& amounts,
                                    const Criteria& criteria, NullDate null_date) {
    const std::string_view data_name = customers ? "customers" : "starts";
    if (customers)
        check_same_shape("customers", *customers, "starts", starts);
    check_same_shape(data_name, starts, "ends", ends);
    check_same_shape(data_name, starts, "amounts", amounts);
    const std::vector<unsigned char> selected =
        selected_rows(criteria, data_name, starts.rows(), starts.cols());

    SubscriptionRows result;
    CustomerIds ids(customers ? std::min<std::size_t>(starts.size(), 1 << 16) : 0);
    bool any_row = false;
    for (std::size_t i = 0; i < starts.size(); ++i) {
        const Cell* customer = customers ? &(*customers)[i] : nullptr;
        const bool no_customer = !customer || is_blank(*customer);
        if (no_customer && !starts[i] && !ends[i] && !amounts[i])
            continue;
        any_row = true;
        // Every row is checked, the ones the criteria leave out too: a bad row is an error
        // in the export, whichever seller it belongs to.
        if (customer && no_customer)
            missing("customers", i);
        if (customer) {
            if (const auto* number = std::get_if<double>(customer); number && !std::isfinite(*number))
                fail_at("customers", *number, "must be a finite number or a text", row_at(i));
        }
        if (!starts[i])
            missing("starts", i);
        if (!amounts[i])
            missing("amounts", i);
        const Day start = day_of("starts", *starts[i], null_date, row_at(i));
        Day end = SubscriptionRows::open_end;
        if (ends[i]) {
            end = day_of("ends", *ends[i], null_date, row_at(i));
            if (end < start)
                fail_at("ends", *ends[i], "must be >= starts (" + number_text(*starts[i]) + ")",
                        row_at(i));
        }
        const double amount = *amounts[i];
        if (!std::isfinite(amount))
            fail_at("amounts", amount, "must be a finite number", row_at(i));
        if (amount < 0.0)
            fail_at("amounts", amount, "must be >= 0", row_at(i));
        if (selected[i])
            result.rows.push_back({customer ? ids.id(*customer) : 0u, start, end, amount});
    }
    if (!any_row)
        fail(data_name, "has no row");
    result.customers = customers ? ids.count() : (result.rows.empty() ? 0u : 1u);
    return result;
}

Book::Book(const SubscriptionRows& input)
    : offsets_(input.customers + 1, 0), tolerance_(input.customers, tolerance_for(0.0)),
      first_paid_(input.customers, never) {
    // A row counts at the end of month m when start <= last day of m < end: from the month
    // of its start to the month before the month of its end. Two events per row: +amount
    // from m0 on, -amount from m1 + 1 on.
    struct Event {
        std::uint32_t customer;
        Month month;
        double delta;
    };
    std::vector<Event> events;
    events.reserve(2 * input.rows.size());
    std::vector<double> largest(input.customers, 0.0);
    for (const auto& row : input.rows) {
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
    for (std::uint32_t c = 0; c < input.customers; ++c) {
        tolerance_[c] = tolerance_for(largest[c]);
        offsets_[c] = months_.size();
        // long double: a running sum of a few hundred amounts keeps the noise far below the
        // tolerance; what is within the tolerance of 0 is stored as exactly 0.
        long double running = 0.0L;
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
    offsets_[input.customers] = months_.size();
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
    Change result{p, v, Movement::none, 0.0};
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
