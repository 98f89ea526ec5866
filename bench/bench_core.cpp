// Google Benchmark of every public KPI in the saleskpi core: nanoseconds per call, the UNO
// add-in and Calc left out (see calc_bench.py for the cost of a call from a cell).
// Range functions run over 1, 100 and 10,000 cells (column ranges, as A1:A10000 arrives);
// their items_per_second counts the cells of one range (rows), so 1e9/items_per_second is
// ns per row: per cell for one range, per pair for two.
//
//   build-bench/bench/bench_core --benchmark_min_time=0.05
#include <cstddef>
#include <optional>
#include <vector>

#include <benchmark/benchmark.h>

#include "saleskpi.hpp"

namespace {

using saleskpi::Range;

// A column of `cells` copies of `value` (valid input for the function under test, so every
// call takes its normal path and none throws).
Range column(std::size_t cells, double value) {
    return Range::column(std::vector<double>(cells, value));
}

void range_sizes(benchmark::internal::Benchmark* b) {
    b->Arg(1)->Arg(100)->Arg(10000);
}

// A sales funnel has a handful of stages: 3 is the design card's FUNNEL_NEEDED(1;A1:A3).
void funnel_sizes(benchmark::internal::Benchmark* b) {
    b->Arg(1)->Arg(3)->Arg(100)->Arg(10000);
}

void count_cells(benchmark::State& state) {
    state.SetItemsProcessed(state.iterations() * state.range(0));
}

// ---------------------------------------------------------------- scalar functions
// The arguments are plain constants: the core is a separate library (no LTO), so a call
// cannot be folded, and DoNotOptimize keeps its result. (Passing the arguments through
// DoNotOptimize(lvalue) instead corrupts them with GCC 12 and libbenchmark 1.7.1, whose
// "+m,r" asm constraint is known to miscompile.)
#define SCALAR_BENCHMARK(name, call)                    \
    void BM_##name(benchmark::State& state) {           \
        for (auto _ : state)                            \
            benchmark::DoNotOptimize(call);             \
    }                                                   \
    BENCHMARK(BM_##name)

// value
SCALAR_BENCHMARK(ltv, saleskpi::ltv(400, 1, 3));
SCALAR_BENCHMARK(ltv_churn, saleskpi::ltv_churn(100, 0.05, 1, std::nullopt));
SCALAR_BENCHMARK(ltv_discounted,
                 saleskpi::ltv_discounted(100, 0.05, 0.05, 1));
SCALAR_BENCHMARK(cac_max, saleskpi::cac_max(1200, 3));
SCALAR_BENCHMARK(ltv_cac, saleskpi::ltv_cac(1200, 400));
SCALAR_BENCHMARK(cac_payback, saleskpi::cac_payback(1000, 100, 1));
SCALAR_BENCHMARK(customer_lifetime, saleskpi::customer_lifetime(0.25));
// pipeline
SCALAR_BENCHMARK(sales_velocity,
                 saleskpi::sales_velocity(10, 1000, 0.5, 50));
SCALAR_BENCHMARK(required_coverage, saleskpi::required_coverage(0.25));
// subscription
SCALAR_BENCHMARK(mrr_to_arr, saleskpi::mrr_to_arr(25));
SCALAR_BENCHMARK(arr_to_mrr, saleskpi::arr_to_mrr(300));
SCALAR_BENCHMARK(churn_rate, saleskpi::churn_rate(5, 100, 0));
SCALAR_BENCHMARK(gross_mrr_churn, saleskpi::gross_mrr_churn(100, 5, 5));
SCALAR_BENCHMARK(net_mrr_churn,
                 saleskpi::net_mrr_churn(100, 5, 5, 20, 0));
SCALAR_BENCHMARK(grr, saleskpi::grr(100, 5, 5));
SCALAR_BENCHMARK(nrr, saleskpi::nrr(100, 5, 5, 20));
SCALAR_BENCHMARK(quick_ratio,
                 saleskpi::quick_ratio(30, 10, 5, 5, 0));
SCALAR_BENCHMARK(churn_annual, saleskpi::churn_annual(0.05));
SCALAR_BENCHMARK(churn_monthly, saleskpi::churn_monthly(0.45963991));
SCALAR_BENCHMARK(magic_number, saleskpi::magic_number(150, 100));

// ---------------------------------------------------------------- range functions
// Each range is built once, outside the timed loop: this is the core's cost only (the
// add-in's conversion of Calc's cells into a Range is measured by bench_convert).
#define RANGE_BENCHMARK_SIZES(name, sizes, setup, call)          \
    void BM_##name(benchmark::State& state) {                    \
        const auto n = static_cast<std::size_t>(state.range(0)); \
        setup;                                                   \
        for (auto _ : state)                                     \
            benchmark::DoNotOptimize(call);                      \
        count_cells(state);                                      \
    }                                                            \
    BENCHMARK(BM_##name)->Apply(sizes)
#define RANGE_BENCHMARK(name, setup, call) RANGE_BENCHMARK_SIZES(name, range_sizes, setup, call)

// Funnel stage rates close to 1, so that 10,000 stages neither underflow nor overflow.
constexpr double stage_rate = 0.9999;

// funnel
RANGE_BENCHMARK(conversion, const Range a = column(n, 1); const Range b = column(n, 10),
                saleskpi::conversion(a, b));
RANGE_BENCHMARK(activity_rate, const Range a = column(n, 100); const Range b = column(n, 1),
                saleskpi::activity_rate(a, b));
RANGE_BENCHMARK_SIZES(funnel_rate, funnel_sizes, const Range r = column(n, stage_rate),
                      saleskpi::funnel_rate(r));
RANGE_BENCHMARK_SIZES(funnel_needed, funnel_sizes, const Range r = column(n, stage_rate),
                      saleskpi::funnel_needed(1, r, saleskpi::FunnelRounding::overall));  // mode 1, the default
RANGE_BENCHMARK_SIZES(funnel_plan, funnel_sizes, const Range r = column(n, stage_rate),
                      saleskpi::funnel_plan(1, r, saleskpi::FunnelRounding::overall));
// pipeline
RANGE_BENCHMARK(win_rate,
                const Range w = column(n, 20); const Range l = column(n, 30); const Range t = column(n, 1),
                saleskpi::win_rate(w, l, t));
RANGE_BENCHMARK(pipeline_coverage, const Range p = column(n, 300); const Range q = column(n, 100),
                saleskpi::pipeline_coverage(p, q));
RANGE_BENCHMARK(weighted_pipeline, const Range a = column(n, 100); const Range p = column(n, 0.25),
                saleskpi::weighted_pipeline(a, p));
RANGE_BENCHMARK(quota_attainment, const Range c = column(n, 90); const Range q = column(n, 100),
                saleskpi::quota_attainment(c, q));
RANGE_BENCHMARK(asp, const Range r = column(n, 650), saleskpi::asp(r, 10));
RANGE_BENCHMARK(asp_mean, const Range r = column(n, 650), saleskpi::asp(r, std::nullopt));
// value
RANGE_BENCHMARK(cac, const Range c = column(n, 8000), saleskpi::cac(c, 100));
// subscription
RANGE_BENCHMARK(mrr, const Range a = column(n, 1200); const Range m = column(n, 12),
                saleskpi::mrr(a, m));
RANGE_BENCHMARK(mrr_one_interval, const Range a = column(n, 1200); const Range m = Range::single(12),
                saleskpi::mrr(a, m));
RANGE_BENCHMARK(arpa, const Range m = column(n, 300), saleskpi::arpa(m, 3));

}  // namespace

BENCHMARK_MAIN();
