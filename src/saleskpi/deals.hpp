// KPIs straight from a CRM's deal export, one row per deal (docs/rules.md#deal-rows).
#pragma once

#include <cstdint>
#include <vector>

#include "calendar.hpp"
#include "cells.hpp"
#include "columns.hpp"
#include "criteria_pairs.hpp"
#include "range.hpp"

namespace saleskpi {

// The deal rows of one call, read and validated once: the columns of the export a function
// takes, its stages (STAGE_RATES) or its created and closed dates (SALES_CYCLE).
class DealRows : public Columns {
public:
    // The furthest stage each deal reached: text (case-folded as Calc compares it) or a
    // number; a blank cell is no deal. Which names are stages is the function's `order`.
    static DealRows read_stages(Cells stages);
    // The day each deal was created and closed (Calc serial dates; a time of day belongs to its
    // day; day differences do not depend on the null date). Every date given must be one, and
    // closed >= created where both are; a row with one date or none is an open deal.
    static DealRows read_dates(const Range& created, const Range& closed);

    // read_stages: the stages, one cell per row.
    const Cells& stages() const { return stages_; }

    // read_dates: the deals with both dates.
    struct Cycle {
        std::uint32_t cell;  // its row: Columns::selected()
        Day created;
        Day closed;
    };
    const std::vector<Cycle>& cycles() const { return cycles_; }

private:
    template <class Cell>
    DealRows(std::string_view first, const Grid<Cell>& column) : Columns(first, column) {}

    Cells stages_;
    std::vector<Cycle> cycles_;
};

// Stage-to-stage conversion rates. `order` holds the stage names top of the funnel first (one
// row or one column, blank cells skipped, at least two names, no duplicates), case-folded like
// the stages. Rate k = deals that reached stage k+1 or beyond / deals that reached stage k or
// beyond: n-1 rates, oriented like `order`, ready for FUNNEL_NEEDED. A stage not in `order` is
// invalid, and so is a stage that no deal reached, the last one included: its rate would be 0
// (or 0/0 further up), which no funnel can plan with (FUNNEL_NEEDED takes rates in (0; 1]).
Range stage_rates(const DealRows& deals, const Cells& order, const Criteria& criteria);

// Mean days from created to closed over the deals with both dates; no such deal is invalid.
double sales_cycle(const DealRows& deals, const Criteria& criteria);

}  // namespace saleskpi
