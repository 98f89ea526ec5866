// libFuzzer target: every public function of the KPI core, fed arbitrary numbers and ranges.
//
// The contract checked on every call (policy: ../shared/kpi/DEFINITIONS.md):
//   * a function returns, or throws saleskpi::InvalidArgument. Any other exception, a crash,
//     a hang or undefined behaviour is a finding (the last three are caught by ASan, UBSan
//     and libFuzzer's -timeout);
//   * a result is never NaN. It may be ±infinity only as overflow, i.e. when every argument
//     was finite; more strictly, NaN and ±infinity are invalid input everywhere, so a call
//     that returns at all must have had finite arguments only;
//   * funnel_plan returns a line with cells.size() == rows * cols, one cell per stage rate
//     plus the target, no blank cell, and funnel_needed as its first cell.
// A violation prints the function and its decoded arguments, then aborts, so libFuzzer
// saves the input as a crash file; replay it with `fuzz_core <file>`.
//
// Input format (tests/fuzz/make_corpus.py writes the seed corpus in it; bytes past the end
// of the input read as 0):
//   byte 0    which function: kKpis[byte % 33];
//   number    one byte b: 0xFF means the next 8 bytes are a raw little-endian double,
//             anything else is kInteresting[b % 32];
//   optional  0xFE is "left out" (std::nullopt), anything else starts a number;
//   range     one shape byte: 0xEE is a whole Calc column, 1048576 x 1 (a byte other
//             than 0xFE/0xFF, which the fuzzer writes all the time: a call on a whole
//             column takes ~0.1 s instrumented); any other has rows in its high nibble
//             and cols in its low one, each 0..14 literally and 15 = 100; then the first
//             min(cells, 16) cells, each an optional (0xFE = a blank cell); larger ranges
//             repeat those 16 cells cyclically.
#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <exception>
#include <iterator>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <typeinfo>
#include <variant>

#include "saleskpi.hpp"

using namespace saleskpi;

namespace {

using limits = std::numeric_limits<double>;

// Values that sit on or next to the domain edges of the KPIs, or break arithmetic.
constexpr std::array<double, 32> kInteresting = {
    0.0,    1.0,     0.5,    0.1,        3.0,      2.0,        12.0,          100.0,
    0.05,   0.25,    0.3,    0.999999,   1000.0,   1e6,        -1.0,          -0.0,
    1e308,  limits::max(),   1e300,      1e-300,   limits::min(), 1e-320,     limits::denorm_min(),
    0x1.fffffffffffffp-1 /* largest below 1 */,    0x1.0000000000001p+0 /* smallest above 1 */,
    1e15,   -1e308,  -0.5,   limits::quiet_NaN(),  limits::infinity(),        -limits::infinity(),
    2000.0000000000002,
};
constexpr std::uint8_t kRawDouble = 0xFF;
constexpr std::uint8_t kBlank = 0xFE;
constexpr std::uint8_t kWholeColumn = 0xEE;
constexpr std::size_t kCalcRows = std::size_t{1} << 20;
constexpr std::size_t kDistinctCells = 16;

std::string show(double value) {
    char text[32];
    const auto end = std::to_chars(std::begin(text), std::end(text), value).ptr;  // shortest exact
    return std::string(text, end);
}

std::string show(const std::optional<double>& value) { return value ? show(*value) : "blank"; }

// Decodes the fuzzer's bytes into arguments, and keeps a readable record of them.
class Input {
public:
    Input(const std::uint8_t* data, std::size_t size) : data_(data), size_(size) {}

    std::uint8_t byte() { return position_ < size_ ? data_[position_++] : 0; }

    double number(std::string_view name) {
        const double value = number_from(byte());
        note(name, show(value));
        return value;
    }

    std::optional<double> optional(std::string_view name) {
        const std::optional<double> value = optional_from(byte());
        note(name, show(value));
        return value;
    }

    Range range(std::string_view name) {
        const std::uint8_t shape = byte();
        Range range{dimension(shape >> 4), dimension(shape & 0x0F), {}};
        if (shape == kWholeColumn)
            range.rows = kCalcRows, range.cols = 1;
        const std::size_t cells = range.rows * range.cols;
        range.cells.reserve(cells);
        std::string text = std::to_string(range.rows) + "x" + std::to_string(range.cols) + "[";
        for (std::size_t i = 0; i < std::min(cells, kDistinctCells); ++i) {
            range.cells.push_back(optional_from(byte()));
            text += (i ? ", " : "") + show(range.cells.back());
        }
        for (std::size_t i = kDistinctCells; i < cells; ++i)
            range.cells.push_back(range.cells[i % kDistinctCells]);
        if (cells > kDistinctCells)
            text += ", ... repeated to " + std::to_string(cells) + " cells";
        note(name, text + "]");
        return range;
    }

    const std::string& arguments() const { return arguments_; }
    bool all_finite() const { return all_finite_; }

    // Which extremes the arguments hold, 0..11: a zero, a subnormal, 0/1/2+ huge values.
    std::size_t extremes() const {
        return (zeros_ ? 1 : 0) + (subnormals_ ? 2 : 0) + 4 * std::min<std::size_t>(huge_, 2);
    }

private:
    static std::size_t dimension(unsigned nibble) {
        return nibble == 15 ? 100 : nibble;
    }

    double number_from(std::uint8_t selector) {
        double value = kInteresting[selector % kInteresting.size()];
        if (selector == kRawDouble) {
            std::uint8_t bytes[sizeof value];
            for (auto& b : bytes)
                b = byte();
            std::memcpy(&value, bytes, sizeof value);  // the fuzz hosts are little-endian
        }
        all_finite_ = all_finite_ && std::isfinite(value);
        zeros_ += value == 0.0;
        subnormals_ += std::fpclassify(value) == FP_SUBNORMAL;
        huge_ += std::fabs(value) >= 1e300;
        return value;
    }

    std::optional<double> optional_from(std::uint8_t selector) {
        if (selector == kBlank)
            return std::nullopt;
        return number_from(selector);
    }

    void note(std::string_view name, const std::string& value) {
        (arguments_ += arguments_.empty() ? "" : ", ") += std::string(name) + "=" + value;
    }

    const std::uint8_t* data_;
    std::size_t size_;
    std::size_t position_ = 0;
    std::string arguments_;
    bool all_finite_ = true;
    std::size_t zeros_ = 0, subnormals_ = 0, huge_ = 0;
};

using Result = std::variant<double, Range>;

struct Kpi {
    const char* name;
    Result (*call)(Input&);  // decodes the arguments in order, then calls the function
};

const Kpi* current_kpi = nullptr;
const Input* current_input = nullptr;

[[noreturn]] void broken(const std::string& what) {
    std::fprintf(stderr, "\n=== CONTRACT VIOLATION: %s(%s)\n=== %s\n", current_kpi->name,
                 current_input->arguments().c_str(), what.c_str());
    std::abort();
}

void check(double result) {
    if (std::isnan(result))
        broken("returned NaN");
    if (!current_input->all_finite())
        broken("returned " + show(result) + " although an argument is NaN or infinite");
}

void check(const Range& plan) {
    if (plan.cells.size() != plan.rows * plan.cols)
        broken("returned a " + std::to_string(plan.rows) + "x" + std::to_string(plan.cols) +
               " range with " + std::to_string(plan.cells.size()) + " cells");
    if (!plan.is_line())
        broken("returned a 2-D range");
    for (const auto& cell : plan.cells) {
        if (!cell)
            broken("returned a blank cell");
        check(*cell);
    }
}

std::size_t non_blank(const Range& range) {
    std::size_t count = 0;
    for (const auto& cell : range.cells)
        count += cell.has_value();
    return count;
}

// Every public function of the core, in catalogue order. make_corpus.py reads the names.
const Kpi kKpis[] = {
    // Seller funnel
    {"conversion", [](Input& in) -> Result {
         const Range outcomes = in.range("outcomes");
         const Range attempts = in.range("attempts");
         return conversion(outcomes, attempts);
     }},
    {"activity_rate", [](Input& in) -> Result {
         const Range activities = in.range("activities");
         const Range hours = in.range("hours");
         return activity_rate(activities, hours);
     }},
    {"funnel_rate", [](Input& in) -> Result { return funnel_rate(in.range("rates")); }},
    {"funnel_needed", [](Input& in) -> Result {
         const double target = in.number("target");
         const Range rates = in.range("rates");
         const double mode = in.number("mode");
         return funnel_needed(target, rates, mode);
     }},
    {"funnel_plan", [](Input& in) -> Result {
         const double target = in.number("target");
         const Range rates = in.range("rates");
         const double mode = in.number("mode");
         const Range plan = funnel_plan(target, rates, mode);
         check(plan);  // its shape and cells
         if (plan.cells.size() != non_blank(rates) + 1)
             broken("returned " + std::to_string(plan.cells.size()) + " cells for " +
                    std::to_string(non_blank(rates)) + " stage rates");
         double needed = 0.0;
         try {
             needed = funnel_needed(target, rates, mode);
         } catch (const InvalidArgument& error) {
             broken(std::string("funnel_needed throws where funnel_plan does not: ") +
                    error.what());
         }
         if (!(plan.cells.front() == needed))
             broken("first cell " + show(plan.cells.front()) + " but funnel_needed " +
                    show(needed));
         return plan;
     }},
    // Pipeline and quota
    {"win_rate", [](Input& in) -> Result {
         const Range won = in.range("won");
         const Range lost = in.range("lost");
         const Range ties = in.range("ties");
         return win_rate(won, lost, ties);
     }},
    {"sales_velocity", [](Input& in) -> Result {
         const double opportunities = in.number("opportunities");
         const double avg_deal = in.number("avg_deal");
         const double rate = in.number("win_rate");
         const double cycle_length = in.number("cycle_length");
         return sales_velocity(opportunities, avg_deal, rate, cycle_length);
     }},
    {"pipeline_coverage", [](Input& in) -> Result {
         const Range pipeline = in.range("pipeline");
         const Range quota = in.range("quota");
         return pipeline_coverage(pipeline, quota);
     }},
    {"required_coverage", [](Input& in) -> Result {
         return required_coverage(in.number("win_rate"));
     }},
    {"weighted_pipeline", [](Input& in) -> Result {
         const Range amounts = in.range("amounts");
         const Range probabilities = in.range("probabilities");
         return weighted_pipeline(amounts, probabilities);
     }},
    {"quota_attainment", [](Input& in) -> Result {
         const Range closed = in.range("closed");
         const Range quota = in.range("quota");
         return quota_attainment(closed, quota);
     }},
    {"asp", [](Input& in) -> Result {
         const Range revenue = in.range("revenue");
         const std::optional<double> deals = in.optional("deals");
         return asp(revenue, deals);
     }},
    // Customer value and acquisition cost
    {"ltv", [](Input& in) -> Result {
         const double price = in.number("price");
         const double purchases_per_year = in.number("purchases_per_year");
         const double years = in.number("years");
         return ltv(price, purchases_per_year, years);
     }},
    {"ltv_churn", [](Input& in) -> Result {
         const double arpa = in.number("arpa");
         const double churn = in.number("churn");
         const double gross_margin = in.number("gross_margin");
         const std::optional<double> max_periods = in.optional("max_periods");
         return ltv_churn(arpa, churn, gross_margin, max_periods);
     }},
    {"ltv_discounted", [](Input& in) -> Result {
         const double arpa = in.number("arpa");
         const double churn = in.number("churn");
         const double discount_rate = in.number("discount_rate");
         const double gross_margin = in.number("gross_margin");
         return ltv_discounted(arpa, churn, discount_rate, gross_margin);
     }},
    {"cac", [](Input& in) -> Result {
         const Range cost = in.range("cost");
         const double new_customers = in.number("new_customers");
         return cac(cost, new_customers);
     }},
    {"cac_max", [](Input& in) -> Result {
         const double value = in.number("ltv");
         const double ratio = in.number("ratio");
         return cac_max(value, ratio);
     }},
    {"ltv_cac", [](Input& in) -> Result {
         const double value = in.number("ltv");
         const double cost = in.number("cac");
         return ltv_cac(value, cost);
     }},
    {"cac_payback", [](Input& in) -> Result {
         const double cost = in.number("cac");
         const double arpa = in.number("arpa");
         const double gross_margin = in.number("gross_margin");
         return cac_payback(cost, arpa, gross_margin);
     }},
    {"customer_lifetime", [](Input& in) -> Result {
         return customer_lifetime(in.number("churn"));
     }},
    // Subscription revenue
    {"mrr", [](Input& in) -> Result {
         const Range amounts = in.range("amounts");
         const Range months = in.range("months");
         return mrr(amounts, months);
     }},
    {"mrr_to_arr", [](Input& in) -> Result { return mrr_to_arr(in.number("mrr")); }},
    {"arr_to_mrr", [](Input& in) -> Result { return arr_to_mrr(in.number("arr")); }},
    {"arpa", [](Input& in) -> Result {
         const Range revenue = in.range("mrr");
         const double customers = in.number("customers");
         return arpa(revenue, customers);
     }},
    {"churn_rate", [](Input& in) -> Result {
         const double lost = in.number("lost");
         const double start = in.number("start");
         const double new_customers = in.number("new_customers");
         return churn_rate(lost, start, new_customers);
     }},
    {"gross_mrr_churn", [](Input& in) -> Result {
         const double start_mrr = in.number("start_mrr");
         const double churned = in.number("churned");
         const double contraction = in.number("contraction");
         return gross_mrr_churn(start_mrr, churned, contraction);
     }},
    {"net_mrr_churn", [](Input& in) -> Result {
         const double start_mrr = in.number("start_mrr");
         const double churned = in.number("churned");
         const double contraction = in.number("contraction");
         const double expansion = in.number("expansion");
         const double reactivation = in.number("reactivation");
         return net_mrr_churn(start_mrr, churned, contraction, expansion, reactivation);
     }},
    {"grr", [](Input& in) -> Result {
         const double start_mrr = in.number("start_mrr");
         const double churned = in.number("churned");
         const double contraction = in.number("contraction");
         return grr(start_mrr, churned, contraction);
     }},
    {"nrr", [](Input& in) -> Result {
         const double start_mrr = in.number("start_mrr");
         const double churned = in.number("churned");
         const double contraction = in.number("contraction");
         const double expansion = in.number("expansion");
         return nrr(start_mrr, churned, contraction, expansion);
     }},
    {"quick_ratio", [](Input& in) -> Result {
         const double new_mrr = in.number("new_mrr");
         const double expansion = in.number("expansion");
         const double churned = in.number("churned");
         const double contraction = in.number("contraction");
         const double reactivation = in.number("reactivation");
         return quick_ratio(new_mrr, expansion, churned, contraction, reactivation);
     }},
    {"churn_annual", [](Input& in) -> Result { return churn_annual(in.number("monthly_churn")); }},
    {"churn_monthly", [](Input& in) -> Result { return churn_monthly(in.number("annual_churn")); }},
    {"magic_number", [](Input& in) -> Result {
         const double net_new_arr = in.number("net_new_arr");
         const double spend = in.number("sales_marketing_spend");
         return magic_number(net_new_arr, spend);
     }},
};
constexpr std::size_t kFunctions = std::size(kKpis);
static_assert(kFunctions == 33, "every public core function, no more");

// What a call gave, coarsely (see fuzz_core_outcomes).
enum Outcome {
    invalid_argument, zero, subnormal, negative, below_one, normal, huge, infinite, kOutcomes
};

Outcome classify(double value) {
    const double magnitude = std::fabs(value);
    if (std::isinf(value)) return infinite;
    if (value == 0.0) return zero;
    if (magnitude < limits::min()) return subnormal;
    if (value < 0.0) return negative;
    return magnitude < 1.0 ? below_one : magnitude < 1e300 ? normal : huge;
}

}  // namespace

// libFuzzer counts these as coverage, one per function, extremes among the arguments and
// outcome: the first input that makes a function overflow (or return 0) with, say, two
// huge arguments is kept and mutated further, which is the way to a NaN (inf * 0,
// inf / inf, 0 / 0) that plain edge coverage gives no hint of.
constexpr std::size_t kExtremes = 12;
__attribute__((section("__libfuzzer_extra_counters"), used))
std::uint8_t fuzz_core_outcomes[kFunctions][kExtremes][kOutcomes];

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    Input input(data, size);
    const std::size_t function = input.byte() % kFunctions;
    current_kpi = &kKpis[function];
    current_input = &input;
    auto seen = [&](Outcome outcome) {
        fuzz_core_outcomes[function][input.extremes()][outcome] = 1;
    };
    try {
        const Result result = current_kpi->call(input);
        std::visit([](const auto& value) { check(value); }, result);
        if (const double* value = std::get_if<double>(&result))
            seen(classify(*value));
        else
            for (const auto& cell : std::get<Range>(result).cells)
                seen(classify(*cell));
    } catch (const InvalidArgument&) {
        seen(invalid_argument);  // the documented answer to invalid input (Err:502 in Calc)
    } catch (const std::exception& error) {
        broken(std::string("threw ") + typeid(error).name() + ": " + error.what());
    } catch (...) {
        broken("threw something that is not a std::exception");
    }
    return 0;
}
