// The engine behind the subscription KPIs (private to the core). From the rows of one call
// (SubscriptionRows::read validated them and interned the customer ids) and the criteria it
// builds per customer the sorted series of its month-end MRR; every KPI is then a small
// query. O(n log n) time, O(n) memory.
#pragma once

#include <cstddef>
#include <cstdint>
#include <limits>
#include <optional>
#include <vector>

#include "days.hpp"
#include "saleskpi/subscriptions.hpp"

namespace saleskpi {

// The per-customer tolerance of subscriptions.hpp, the one copy of it: two MRR values of a
// customer within 1e-9 × (1 + its largest amount) are equal, and an MRR within that of 0 is 0.
double tolerance_for(double largest_amount);

struct Change {
    double opening;  // MRR at the end of the previous month
    double closing;  // MRR at the end of the month
    std::optional<Movement> movement;  // none when the MRR stayed within the tolerance
    double amount;  // >= 0
};

class Book {
public:
    // The rows the criteria keep.
    Book(const SubscriptionRows& rows, const Criteria& criteria);

    std::size_t customers() const { return first_paid_.size(); }
    // A customer's MRR at the end of `month`, 0 when within its tolerance of 0.
    double mrr(std::uint32_t customer, Month month) const;
    // The first month at whose end the customer had MRR (its cohort), or never.
    Month first_paid(std::uint32_t customer) const { return first_paid_[customer]; }
    static constexpr Month never = std::numeric_limits<Month>::max();
    // The customer's movement in `month`.
    Change change(std::uint32_t customer, Month month) const;

private:
    // Customer c's series: months_[offsets_[c] .. offsets_[c+1]) ascending, each the month
    // from whose end on the MRR is values_[same index] (until the next entry).
    std::vector<std::size_t> offsets_;
    std::vector<Month> months_;
    std::vector<double> values_;
    std::vector<double> tolerance_;
    std::vector<Month> first_paid_;
};

}  // namespace saleskpi
