#include "checks.hpp"

#include <cmath>
#include <sstream>
#include <string>

namespace saleskpi {

void fail(std::string_view argument, double value, std::string_view rule) {
    std::ostringstream message;
    message.precision(17);
    message << argument << " (" << value << ") " << rule;
    throw InvalidArgument(message.str());
}

void fail(std::string_view argument, std::string_view problem) {
    throw InvalidArgument(std::string(argument) + " " + std::string(problem));
}

double finite(std::string_view argument, double value) {
    if (!std::isfinite(value))
        fail(argument, value, "must be a finite number");
    return value;
}

double non_negative(std::string_view argument, double value) {
    if (!(finite(argument, value) >= 0.0))
        fail(argument, value, "must be >= 0");
    return value;
}

double positive(std::string_view argument, double value) {
    if (!(finite(argument, value) > 0.0))
        fail(argument, value, "must be > 0");
    return value;
}

double fraction(std::string_view argument, double value) {
    if (!(finite(argument, value) >= 0.0 && value <= 1.0))
        fail(argument, value, "must lie in [0; 1]");
    return value;
}

Wide positive_total(std::string_view argument, Wide total) {
    if (!(total > 0.0))
        fail(argument, static_cast<double>(total), "must be > 0");
    return total;
}

double positive_fraction(std::string_view argument, double value) {
    if (!(finite(argument, value) > 0.0 && value <= 1.0))
        fail(argument, value, "must lie in (0; 1]");
    return value;
}

std::vector<double> values(std::string_view argument, const Range& range, Check check) {
    std::vector<double> result;
    result.reserve(range.size());
    for (const auto& cell : range)
        if (cell)
            result.push_back(check(argument, *cell));
    return result;
}

Wide sum(std::string_view argument, const Range& range, Check check) {
    Wide total;
    bool any = false;
    for (const auto& cell : range) {
        if (cell) {
            total += check(argument, *cell);
            any = true;
        }
    }
    if (!any)
        fail(argument, "has no value");
    return total;
}

double ratio_of_sums(std::string_view numerator_name, const Range& numerator,
                     std::string_view denominator_name, const Range& denominator) {
    const Wide top = sum(numerator_name, numerator, non_negative);
    const Wide bottom = positive_total(denominator_name, sum(denominator_name, denominator, non_negative));
    return static_cast<double>(top / bottom);
}

}  // namespace saleskpi
