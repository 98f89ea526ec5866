// The saleskpi core: every KPI as a free function. No UNO here; see addin/ for Calc.
#pragma once

#include "saleskpi/calendar.hpp"
#include "saleskpi/cells.hpp"
#include "saleskpi/criteria_pairs.hpp"
#include "saleskpi/deals.hpp"
#include "saleskpi/errors.hpp"
#include "saleskpi/funnel.hpp"
#include "saleskpi/pipeline.hpp"
#include "saleskpi/range.hpp"
#include "saleskpi/rounding.hpp"
#include "saleskpi/subscription.hpp"
#include "saleskpi/subscriptions.hpp"
#include "saleskpi/value.hpp"
