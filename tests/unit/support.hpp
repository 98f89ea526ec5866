// Values and helpers shared by the core's unit tests.
#pragma once

#include <limits>
#include <optional>
#include <string>
#include <string_view>

#include <gtest/gtest.h>

#include "saleskpi.hpp"

namespace saleskpi_test {

inline constexpr double not_a_number = std::numeric_limits<double>::quiet_NaN();
inline constexpr double infinity = std::numeric_limits<double>::infinity();
inline constexpr std::nullopt_t blank = std::nullopt;

inline saleskpi::Range one(double value) { return saleskpi::Range::single(value); }

// Whether `message` blames `argument`: it starts with the name, then a space or "(".
inline bool names_argument(std::string_view message, std::string_view argument) {
    return message.substr(0, argument.size()) == argument &&
           (message.size() == argument.size() || message[argument.size()] == ' ');
}

// Whether `call` throws InvalidArgument (Err:502) naming `argument` first.
template <class Call>
::testing::AssertionResult rejects(Call&& call, std::string_view argument) {
    try {
        call();
    } catch (const saleskpi::InvalidArgument& error) {
        if (names_argument(error.what(), argument))
            return ::testing::AssertionSuccess();
        return ::testing::AssertionFailure()
               << "rejected, but for another argument: \"" << error.what() << "\"";
    }
    return ::testing::AssertionFailure() << "accepted; expected " << argument << " to be rejected";
}

}  // namespace saleskpi_test

// The call is invalid because of `argument`: a test fails when a different check fires.
#define EXPECT_INVALID(call, argument) \
    EXPECT_TRUE(saleskpi_test::rejects([&] { (void)(call); }, argument))
