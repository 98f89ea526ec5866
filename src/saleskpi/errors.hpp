// Argument checks shared by every KPI: each violation names the argument and its value.
#pragma once

#include <stdexcept>
#include <string>
#include <string_view>

namespace saleskpi {

// An argument outside the documented domain of a KPI (the add-in shows Err:502).
class InvalidArgument : public std::invalid_argument {
public:
    using std::invalid_argument::invalid_argument;
};

[[noreturn]] void fail(std::string_view argument, double value, std::string_view rule);
[[noreturn]] void fail(std::string_view argument, std::string_view problem);

// Each returns `value` so a check reads as part of the formula that uses it.
double finite(std::string_view argument, double value);
double non_negative(std::string_view argument, double value);
double positive(std::string_view argument, double value);
double fraction(std::string_view argument, double value);         // [0; 1]
double positive_fraction(std::string_view argument, double value); // (0; 1]

// A sum or product that divides: must be > 0. Long double, as intermediates are (range.hpp).
long double positive_total(std::string_view argument, long double total);

}  // namespace saleskpi
