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

namespace {

// Interns customer ids without copying them: the ids stay in the caller's cells. A flat
// open-addressing table (linear probing, at most 3/4 full) of 8-byte slots, each 32 bits of
// the id's hash and the id, next to the first cell of every id: no allocation per customer,
// and a lookup reads one slot and one cell. std::unordered_map (one node per customer, a
// chain walk per lookup, a node walk to free) made reading 1,000,000 export rows with
// 540,000 customers ~2.5x slower per row than 100,000 once its nodes outgrew the cache.
class CustomerIds {
public:
    explicit CustomerIds(std::size_t expected) {
        std::size_t capacity = 16;
        while (capacity < expected + expected / 2)
            capacity *= 2;
        slots_.assign(capacity, 0);
        cells_.reserve(expected);
    }
    std::uint32_t id(const Cell& cell) {
        const std::uint32_t hash = hash_of(cell);
        const std::size_t mask = slots_.size() - 1;
        for (std::size_t i = hash & mask;; i = (i + 1) & mask) {
            const std::uint64_t slot = slots_[i];
            if (slot == 0)
                break;
            const auto id = static_cast<std::uint32_t>(slot) - 1;
            if (static_cast<std::uint32_t>(slot >> 32) == hash && same(*cells_[id], cell))
                return id;
        }
        const auto id = static_cast<std::uint32_t>(cells_.size());
        cells_.push_back(&cell);
        if (4 * cells_.size() > 3 * slots_.size())
            grow();
        place((static_cast<std::uint64_t>(hash) << 32) | (id + 1u));
        return id;
    }
    std::uint32_t count() const { return static_cast<std::uint32_t>(cells_.size()); }

private:
    // Texts by their characters, numbers by value (-0 is 0: == says so and std::hash<double>
    // gives both 0); a text never equals a number. Never a blank: rows check that first.
    static std::uint32_t hash_of(const Cell& cell) {
        const std::size_t h = std::holds_alternative<std::string>(cell)
                                  ? std::hash<std::string_view>{}(std::get<std::string>(cell))
                                  : std::hash<double>{}(std::get<double>(cell));
        return static_cast<std::uint32_t>(h ^ (h >> 32));
    }
    static bool same(const Cell& a, const Cell& b) {
        if (a.index() != b.index())
            return false;
        if (const auto* text = std::get_if<std::string>(&a))
            return *text == std::get<std::string>(b);
        return std::get<double>(a) == std::get<double>(b);
    }
    void place(std::uint64_t slot) {
        const std::size_t mask = slots_.size() - 1;
        std::size_t i = static_cast<std::uint32_t>(slot >> 32) & mask;
        while (slots_[i] != 0)
            i = (i + 1) & mask;
        slots_[i] = slot;
    }
    void grow() {
        std::vector<std::uint64_t> old(2 * slots_.size(), 0);
        old.swap(slots_);
        for (const std::uint64_t slot : old)
            if (slot != 0)
                place(slot);
    }

    std::vector<std::uint64_t> slots_;  // 0: empty; else hash << 32 | (id + 1)
    std::vector<const Cell*> cells_;    // the first cell of each id
};

[[noreturn]] void missing(std::string_view argument, std::size_t row) {
    fail_at(argument, "must be filled (the row is not blank)", row_at(row));
}

}  // namespace

double tolerance_for(double largest_amount) { return 1e-9 * (1.0 + largest_amount); }

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
