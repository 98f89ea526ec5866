#include "saleskpi/subscription.hpp"

#include "saleskpi/errors.hpp"

namespace saleskpi {

double mrr_to_arr(double mrr) { return 12.0 * finite("mrr", mrr); }

}  // namespace saleskpi
