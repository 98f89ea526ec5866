#include "saleskpi/value.hpp"

#include "saleskpi/errors.hpp"

namespace saleskpi {

double ltv(double price, double purchases_per_year, double years) {
    return non_negative("price", price) * non_negative("purchases_per_year", purchases_per_year) *
           non_negative("years", years);
}

double cac_max(double ltv, double ratio) {
    return non_negative("ltv", ltv) / positive("ratio", ratio);
}

}  // namespace saleskpi
