// KPIs straight from a CRM's deal export, one row per deal (docs/rules.md#deal-rows).
#pragma once

#include "cells.hpp"
#include "range.hpp"
#include "criteria_pairs.hpp"

namespace saleskpi {

// Stage-to-stage conversion rates. `stages` holds the furthest stage each deal reached (blank
// cells skipped), `order` the stage names top of the funnel first (one row or one column,
// blank cells skipped, at least two names, no duplicates); both arrive case-folded. Rate k =
// deals that reached stage k+1 or beyond / deals that reached stage k or beyond: n-1 rates,
// oriented like `order`, ready for FUNNEL_NEEDED. A stage not in `order` is invalid, and so
// is a stage that no deal reached, the last one included: its rate would be 0 (or 0/0 further
// up), which no funnel can plan with (FUNNEL_NEEDED takes rates in (0; 1]).
Range stage_rates(const Cells& stages, const Cells& order, const Criteria& criteria);

// Mean days from `created` to `closed` (Calc serial dates; a time of day belongs to its day)
// over the rows where both are present; rows with one date are skipped. closed < created,
// or no row with both dates, is invalid.
double sales_cycle(const Range& created, const Range& closed, const Criteria& criteria);

}  // namespace saleskpi
