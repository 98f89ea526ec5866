#include <algorithm>
#include <cmath>
#include <cstdint>
#include <functional>
#include <limits>
#include <stdexcept>
#include <string>
#include <string_view>
#include <variant>

#include "checks.hpp"
#include "days.hpp"
#include "saleskpi/subscriptions.hpp"

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

SubscriptionRows SubscriptionRows::read(const Cells& customers, const Range& starts,
                                        const Range& ends, const Range& amounts,
                                        NullDate null_date) {
    return read(&customers, starts, ends, amounts, null_date);
}

SubscriptionRows SubscriptionRows::read(const Range& starts, const Range& ends,
                                        const Range& amounts, NullDate null_date) {
    return read(nullptr, starts, ends, amounts, null_date);
}

SubscriptionRows SubscriptionRows::read(const Cells* customers, const Range& starts,
                                        const Range& ends, const Range& amounts,
                                        NullDate null_date) {
    // The first column the function takes names the shape in errors.
    SubscriptionRows result = customers ? SubscriptionRows("customers", *customers, null_date)
                                        : SubscriptionRows("starts", starts, null_date);
    result.check_shape("starts", starts);
    result.check_shape("ends", ends);
    result.check_shape("amounts", amounts);
    if (starts.size() > std::numeric_limits<std::uint32_t>::max())
        throw std::length_error("subscription rows: more cells than a row index holds");

    CustomerIds ids(customers ? std::min<std::size_t>(starts.size(), 1 << 16) : 0);
    bool any_row = false;
    for (std::size_t i = 0; i < starts.size(); ++i) {
        const Cell* customer = customers ? &(*customers)[i] : nullptr;
        const bool no_customer = !customer || is_blank(*customer);
        if (no_customer && !starts[i] && !ends[i] && !amounts[i])
            continue;
        any_row = true;
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
        Day end = open_end;
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
        result.rows_.push_back({static_cast<std::uint32_t>(i), customer ? ids.id(*customer) : 0u,
                                start, end, amount});
    }
    if (!any_row)
        fail(result.first(), "has no row");
    result.customers_ = customers ? ids.count() : 1u;
    return result;
}

}  // namespace saleskpi
