#include "saleskpi/deals.hpp"

#include <cmath>
#include <cstdint>
#include <limits>
#include <stdexcept>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <variant>

#include "checks.hpp"
#include "days.hpp"
#include "row_cells.hpp"

namespace saleskpi {

namespace {

// Stage name -> position in `order`, texts and numbers apart (a number never equals a text).
class StageOrder {
public:
    explicit StageOrder(const Cells& order) {
        if (!order.is_line())
            fail("order", "must be one row or one column");
        for (std::size_t i = 0; i < order.size(); ++i) {
            const Cell& cell = order[i];
            if (is_blank(cell))
                continue;
            if (const auto* number = std::get_if<double>(&cell); number && !std::isfinite(*number))
                fail_at("order", *number, "must be a finite number or a text", cell_at(i));
            if (find(cell) != npos)
                fail_at("order", "names " + cell_text(cell) + " twice", cell_at(i));
            if (const auto* text = std::get_if<std::string>(&cell))
                texts_.emplace(std::string_view(*text), names_.size());
            else
                numbers_.emplace(std::get<double>(cell) == 0.0 ? 0.0 : std::get<double>(cell), names_.size());
            names_.push_back(&cell);
        }
        if (names_.size() < 2)
            fail("order", "must name at least two stages");
    }

    static constexpr std::size_t npos = static_cast<std::size_t>(-1);
    std::size_t find(const Cell& cell) const {
        if (const auto* text = std::get_if<std::string>(&cell)) {
            const auto found = texts_.find(std::string_view(*text));
            return found == texts_.end() ? npos : found->second;
        }
        const double number = std::get<double>(cell);
        const auto found = numbers_.find(number == 0.0 ? 0.0 : number);
        return found == numbers_.end() ? npos : found->second;
    }
    std::size_t size() const { return names_.size(); }
    const Cell& name(std::size_t k) const { return *names_[k]; }

private:
    std::vector<const Cell*> names_;
    std::unordered_map<std::string_view, std::size_t> texts_;
    std::unordered_map<double, std::size_t> numbers_;
};

}  // namespace

DealRows DealRows::read_stages(Cells stages) {
    DealRows result("stages", stages);
    result.stages_ = std::move(stages);
    return result;
}

DealRows DealRows::read_dates(const Range& created, const Range& closed) {
    DealRows result("created", created);
    result.check_shape("closed", closed);
    if (created.size() > std::numeric_limits<std::uint32_t>::max())
        throw std::length_error("deal rows: more cells than a row index holds");
    for (std::size_t i = 0; i < created.size(); ++i) {
        // The default null date only bounds the years: day differences do not depend on it.
        const Day start = created[i] ? day_of("created", *created[i], default_null_date, row_at(i)) : 0;
        const Day end = closed[i] ? day_of("closed", *closed[i], default_null_date, row_at(i)) : 0;
        if (!created[i] || !closed[i])
            continue;
        if (end < start)
            fail_at("closed", *closed[i], "must be >= created (" + number_text(*created[i]) + ")",
                    row_at(i));
        result.cycles_.push_back({static_cast<std::uint32_t>(i), start, end});
    }
    return result;
}

Range stage_rates(const DealRows& deals, const Cells& order, const Criteria& criteria) {
    const StageOrder stage_order(order);
    const std::vector<unsigned char> selected = deals.selected(criteria);
    const Cells& stages = deals.stages();
    // furthest[k]: deals whose furthest stage is k; then reached[k] = Σ furthest[k..].
    std::vector<double> reached(stage_order.size(), 0.0);
    for (std::size_t i = 0; i < stages.size(); ++i) {
        if (is_blank(stages[i]))
            continue;
        const std::size_t k = stage_order.find(stages[i]);
        if (k == StageOrder::npos)  // checked in every row: a typo is an error in the export
            fail_at("stages", cell_text(stages[i]).insert(0, 1, '(').append(") is not one of the stages in order"),
                    row_at(i));
        if (selected[i])
            reached[k] += 1.0;
    }
    for (std::size_t k = reached.size() - 1; k-- > 0;)
        reached[k] += reached[k + 1];
    for (std::size_t k = 0; k < reached.size(); ++k)
        if (reached[k] == 0.0)
            fail("stages", "has no deal that reached " + cell_text(stage_order.name(k)));

    std::vector<double> rates;
    rates.reserve(reached.size() - 1);
    for (std::size_t k = 0; k + 1 < reached.size(); ++k)
        rates.push_back(reached[k + 1] / reached[k]);
    return order.is_row() ? Range::row(std::move(rates)) : Range::column(std::move(rates));
}

double sales_cycle(const DealRows& deals, const Criteria& criteria) {
    const std::vector<unsigned char> selected = deals.selected(criteria);
    Wide days;
    Wide count;
    for (const DealRows::Cycle& deal : deals.cycles()) {
        if (!selected[deal.cell])
            continue;
        days += deal.closed - deal.created;
        count += 1.0;
    }
    if (count == 0.0)
        fail("created", "has no row with both created and closed");
    return static_cast<double>(days / count);
}

}  // namespace saleskpi
