#include "saleskpi/errors.hpp"

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

long double positive_total(std::string_view argument, long double total) {
    if (!(total > 0.0L))
        fail(argument, static_cast<double>(total), "must be > 0");
    return total;
}

double positive_fraction(std::string_view argument, double value) {
    if (!(finite(argument, value) > 0.0 && value <= 1.0))
        fail(argument, value, "must lie in (0; 1]");
    return value;
}

}  // namespace saleskpi
