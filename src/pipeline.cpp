#include "saleskpi/pipeline.hpp"

namespace saleskpi {
}  // namespace saleskpi
