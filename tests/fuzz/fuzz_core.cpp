// libFuzzer target: every function of the catalogue (the generated harness), fed arbitrary
// numbers, ranges, texts, criteria and null dates (format: fuzz_input.hpp).
//
// The contract checked on every call (policy: docs/rules.md#errors):
//   * a function returns, or throws saleskpi::InvalidArgument. Any other exception, a crash,
//     a hang or undefined behaviour is a finding (the last three are caught by ASan, UBSan
//     and libFuzzer's -timeout);
//   * a result is never NaN, and a call returns at all only when every number it was given
//     is finite (NaN and ±infinity are invalid input everywhere); ±infinity only as overflow;
//   * relations between functions hold: FUNNEL_PLAN's first cell is FUNNEL_NEEDED of the same
//     arguments; every MRR_BRIDGE row satisfies closing - opening = new + expansion +
//     reactivation - contraction - churned, with no negative movement.
// A violation prints the function and its decoded arguments, then aborts, so libFuzzer
// saves the input as a crash file; replay it with `fuzz_core <file>`.
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <string>

#include "catalogue_columns.hpp"
#include "catalogue_harness.hpp"
#include "fuzz_input.hpp"

using namespace saleskpi;
using saleskpi::fuzz::FuzzSource;
using saleskpi::fuzz::show;

namespace {

struct Call {
    std::string_view name;
    const FuzzSource* input;
};
const Call* current = nullptr;

[[noreturn]] void broken(const std::string& what) {
    std::fprintf(stderr, "\n=== CONTRACT VIOLATION: %.*s(%s)\n=== %s\n",
                 static_cast<int>(current->name.size()), current->name.data(),
                 current->input->arguments().c_str(), what.c_str());
    std::abort();
}

void check(double result) {
    if (std::isnan(result))
        broken("returned NaN");
    if (!current->input->all_finite())
        broken("returned " + show(result) + " although an argument is NaN or infinite");
}

void check(const harness::Result& result) {
    if (const double* number = std::get_if<double>(&result))
        return check(*number);
    for (const auto& cell : std::get<Range>(result).cells())
        if (cell)
            check(*cell);
}

std::size_t index_of(std::string_view name) {
    const auto functions = harness::functions();
    for (std::size_t i = 0; i < functions.size(); ++i)
        if (functions[i].name == name)
            return i;
    return functions.size();
}

// The same bytes decoded again, as arguments of another function with the same parameters.
harness::Result replay(std::string_view twin, const std::uint8_t* data, std::size_t size) {
    FuzzSource again(data, size);
    again.function(1);  // skip the selector byte
    return harness::call(index_of(twin), again);
}

void check_relations(std::string_view name, const harness::Result& result,
                     const std::uint8_t* data, std::size_t size) {
    if (name == "FUNNEL_PLAN") {
        double needed = 0.0;
        try {
            needed = std::get<double>(replay("FUNNEL_NEEDED", data, size));
        } catch (const InvalidArgument& error) {
            broken(std::string("FUNNEL_NEEDED throws where FUNNEL_PLAN does not: ") + error.what());
        }
        const Range& plan = std::get<Range>(result);
        if (!(plan[0] == needed))
            broken("first cell " + (plan[0] ? show(*plan[0]) : "blank") + " but FUNNEL_NEEDED " + show(needed));
    }
    if (name == "MRR_BRIDGE") {
        using Column = columns::MrrBridge;
        constexpr std::size_t width = columns::mrr_bridge_columns;
        const Range& bridge = std::get<Range>(result);
        const bool by_row = bridge.cols() == width;
        const std::size_t months = by_row ? bridge.rows() : bridge.cols();
        for (std::size_t m = 0; m < months; ++m) {
            const auto v = [&](Column column) {
                const auto j = static_cast<std::size_t>(column);
                return bridge[by_row ? m * width + j : j * months + m].value_or(NAN);
            };
            for (const Column movement : {Column::new_, Column::expansion, Column::reactivation,
                                          Column::contraction, Column::churned})
                if (!(v(movement) >= 0.0))
                    broken("movement " + std::to_string(static_cast<std::size_t>(movement)) + " of month " +
                           std::to_string(m) + " is " + show(v(movement)));
            const double moved = v(Column::new_) + v(Column::expansion) + v(Column::reactivation) -
                                 v(Column::contraction) - v(Column::churned);
            const double opening = v(Column::opening), closing = v(Column::closing);
            const double scale = 1.0 + std::fabs(opening) + std::fabs(closing) + v(Column::new_) +
                                 v(Column::expansion) + v(Column::reactivation) + v(Column::contraction) +
                                 v(Column::churned);
            if (!(std::fabs(closing - opening - moved) <= 1e-9 * scale))
                broken("month " + std::to_string(m) + ": closing - opening " + show(closing - opening) +
                       " but the movements add up to " + show(moved));
        }
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    FuzzSource input(data, size);
    const auto functions = harness::functions();
    const std::size_t index = input.function(functions.size());
    const Call call{functions[index].name, &input};
    current = &call;
    try {
        const harness::Result result = harness::call(index, input);
        check(result);
        check_relations(call.name, result, data, size);
    } catch (const InvalidArgument&) {
        // the documented rejection (Err:502 in Calc)
    } catch (const std::exception& error) {
        broken(std::string("threw ") + typeid(error).name() + ": " + error.what());
    } catch (...) {
        broken("threw something that is not a std::exception");
    }
    return 0;
}
