// Values and helpers shared by the core's unit tests.
#pragma once

#include <chrono>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <gtest/gtest.h>

#include "saleskpi.hpp"

namespace saleskpi_test {

inline constexpr double not_a_number = std::numeric_limits<double>::quiet_NaN();
inline constexpr double infinity = std::numeric_limits<double>::infinity();
inline constexpr std::nullopt_t blank = std::nullopt;

inline saleskpi::Range one(double value) { return saleskpi::Range::single(value); }

// An InvalidArgument message names its argument first: "amounts (-5) must be >= 0 in row 3".
// A rule over a sum ("won + lost + ties (0) must be > 0") names the sum, not its first term.
inline bool names_argument(std::string_view message, std::string_view argument) {
    if (message.size() <= argument.size() || message.substr(0, argument.size()) != argument)
        return false;
    const std::string_view rest = message.substr(argument.size());
    return rest[0] == '(' || (rest[0] == ' ' && rest.substr(0, 3) != " + ");
}

}  // namespace saleskpi_test

// `call` must throw InvalidArgument from the check of `argument` (a check of another argument
// fails the test), and the message must contain `detail` (e.g. "in row 3").
#define EXPECT_INVALID_AT(call, argument, detail)                                                \
    do {                                                                                          \
        try {                                                                                     \
            (void)(call);                                                                         \
            ADD_FAILURE() << #call " did not throw InvalidArgument";                            \
        } catch (const saleskpi::InvalidArgument& error) {                                        \
            const std::string message = error.what();                                             \
            EXPECT_TRUE(saleskpi_test::names_argument(message, argument))                         \
                << "message \"" << message << "\" does not start with " << (argument);           \
            EXPECT_NE(message.find(detail), std::string::npos)                                    \
                << "message \"" << message << "\" does not contain \"" << (detail) << "\"";     \
        }                                                                                         \
    } while (false)
#define EXPECT_INVALID(call, argument) EXPECT_INVALID_AT(call, argument, "")

namespace saleskpi_test {

// The Calc serial of a calendar day under a null date (1899-12-30 unless told).
inline double serial(int year, unsigned month, unsigned day,
                     saleskpi::NullDate null_date = saleskpi::default_null_date) {
    const std::chrono::sys_days date{std::chrono::year{year} / month / day};
    return static_cast<double>((date - null_date).count());
}

// Subscription rows as a test writes them; columns of one shape for the core.
struct Sub {
    saleskpi::Cell customer;
    std::optional<double> start;
    std::optional<double> end;
    std::optional<double> amount;
};

struct Subs {
    saleskpi::Cells customers;
    saleskpi::Range starts, ends, amounts;

    // The rows as the functions take them, read under `null_date`.
    saleskpi::SubscriptionRows rows(saleskpi::NullDate null_date = saleskpi::default_null_date) const {
        return saleskpi::SubscriptionRows::read(customers, starts, ends, amounts, null_date);
    }
    // Without the customer ids, as MRR_AT reads them.
    saleskpi::SubscriptionRows rows_without_customers(
        saleskpi::NullDate null_date = saleskpi::default_null_date) const {
        return saleskpi::SubscriptionRows::read(starts, ends, amounts, null_date);
    }
};

inline Subs columns(const std::vector<Sub>& rows) {
    std::vector<saleskpi::Cell> customers;
    std::vector<std::optional<double>> starts, ends, amounts;
    for (const auto& row : rows) {
        customers.push_back(row.customer);
        starts.push_back(row.start);
        ends.push_back(row.end);
        amounts.push_back(row.amount);
    }
    const std::size_t n = rows.size();
    return {saleskpi::Cells(n, 1, std::move(customers)), saleskpi::Range(n, 1, std::move(starts)),
            saleskpi::Range(n, 1, std::move(ends)), saleskpi::Range(n, 1, std::move(amounts))};
}

// The deal functions over the columns a test writes.
inline saleskpi::Range stage_rates_of(const saleskpi::Cells& stages, const saleskpi::Cells& order,
                                      const saleskpi::Criteria& criteria = {}) {
    return saleskpi::stage_rates(saleskpi::DealRows::read_stages(stages), order, criteria);
}
inline double sales_cycle_of(const saleskpi::Range& created, const saleskpi::Range& closed,
                             const saleskpi::Criteria& criteria = {}) {
    return saleskpi::sales_cycle(saleskpi::DealRows::read_dates(created, closed), criteria);
}

// A column of cells (criteria ranges, stage names).
inline saleskpi::Cells cell_column(std::vector<saleskpi::Cell> cells) {
    const std::size_t n = cells.size();
    return saleskpi::Cells(n, 1, std::move(cells));
}

}  // namespace saleskpi_test
