// The one error the KPI core reports: an argument outside its documented domain.
#pragma once

#include <stdexcept>

namespace saleskpi {

// The message starts with the argument's name (as in the catalogue) and says which rule it
// broke; the add-in shows Err:502.
class InvalidArgument : public std::invalid_argument {
public:
    using std::invalid_argument::invalid_argument;
};

}  // namespace saleskpi
