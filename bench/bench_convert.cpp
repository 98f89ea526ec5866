// The add-in's range conversion (addin/convert.cxx to_range) on its own, next to what the
// same cells cost to build as UNO sequences, so that its share of a Calc range call is
// known. A column range A1:An arrives as n rows of one cell each: n inner sequences.
//
//   build-bench/bench/bench_convert --benchmark_min_time=0.05
#include <cstddef>

#include <benchmark/benchmark.h>

#include <rtl/ustring.hxx>

#include "convert.hxx"
#include "saleskpi.hpp"

namespace {

using saleskpi::addin::AnyMatrix;
using saleskpi::addin::DoubleMatrix;

// n x 1 as Calc passes A1:An; every `blank_every`-th cell blank (Calc passes "" for it).
AnyMatrix any_column(std::size_t n, double value, std::size_t blank_every = 0) {
    AnyMatrix cells(static_cast<sal_Int32>(n));
    auto* rows = cells.getArray();
    for (std::size_t r = 0; r < n; ++r) {
        css::uno::Sequence<css::uno::Any> row(1);
        if (blank_every && r % blank_every == 0)
            row.getArray()[0] <<= rtl::OUString();
        else
            row.getArray()[0] <<= value;
        rows[r] = row;
    }
    return cells;
}

// 1 x n as Calc passes A1:XX1: one inner sequence.
AnyMatrix any_row(std::size_t n, double value) {
    AnyMatrix cells(1);
    cells.getArray()[0].realloc(static_cast<sal_Int32>(n));
    auto* out = cells.getArray()[0].getArray();
    for (std::size_t c = 0; c < n; ++c)
        out[c] <<= value;
    return cells;
}

void sizes(benchmark::internal::Benchmark* b) {
    b->Arg(1)->Arg(100)->Arg(10000)->Arg(100000)->Unit(benchmark::kMicrosecond);
}

void count_cells(benchmark::State& state) {
    state.SetItemsProcessed(state.iterations() * state.range(0));
}

// to_range on an n-row column of numbers: what every range argument costs the add-in.
void BM_to_range_column(benchmark::State& state) {
    const AnyMatrix cells = any_column(static_cast<std::size_t>(state.range(0)), 100.0);
    for (auto _ : state)
        benchmark::DoNotOptimize(saleskpi::addin::to_range(cells, "amounts"));
    count_cells(state);
}
BENCHMARK(BM_to_range_column)->Apply(sizes);

// The same with every other cell blank (the blank path extracts an OUString).
void BM_to_range_column_half_blank(benchmark::State& state) {
    const AnyMatrix cells = any_column(static_cast<std::size_t>(state.range(0)), 100.0, 2);
    for (auto _ : state)
        benchmark::DoNotOptimize(saleskpi::addin::to_range(cells, "amounts"));
    count_cells(state);
}
BENCHMARK(BM_to_range_column_half_blank)->Apply(sizes);

// A row range: one inner sequence instead of n.
void BM_to_range_row(benchmark::State& state) {
    const AnyMatrix cells = any_row(static_cast<std::size_t>(state.range(0)), 100.0);
    for (auto _ : state)
        benchmark::DoNotOptimize(saleskpi::addin::to_range(cells, "amounts"));
    count_cells(state);
}
BENCHMARK(BM_to_range_row)->Apply(sizes);

// What WEIGHTED_PIPELINE(A1:An;B1:Bn) does inside the add-in, as the generated glue does it:
// two conversions and the core function.
void BM_weighted_pipeline_addin_work(benchmark::State& state) {
    const auto n = static_cast<std::size_t>(state.range(0));
    const AnyMatrix amounts = any_column(n, 100.0);
    const AnyMatrix probabilities = any_column(n, 0.25);
    for (auto _ : state)
        benchmark::DoNotOptimize(saleskpi::weighted_pipeline(
            saleskpi::addin::to_range(amounts, "amounts"),
            saleskpi::addin::to_range(probabilities, "probabilities")));
    count_cells(state);
}
BENCHMARK(BM_weighted_pipeline_addin_work)->Apply(sizes);

// Building the argument on the caller's side (Calc builds one such matrix per range
// argument per call): sequence<sequence<any>> ...
void BM_build_any_column(benchmark::State& state) {
    const auto n = static_cast<std::size_t>(state.range(0));
    for (auto _ : state)
        benchmark::DoNotOptimize(any_column(n, 100.0));
    count_cells(state);
}
BENCHMARK(BM_build_any_column)->Apply(sizes);

// ... versus sequence<sequence<double>>, the type that cannot tell a blank from 0.
void BM_build_double_column(benchmark::State& state) {
    const auto n = static_cast<std::size_t>(state.range(0));
    for (auto _ : state) {
        DoubleMatrix cells(static_cast<sal_Int32>(n));
        auto* rows = cells.getArray();
        for (std::size_t r = 0; r < n; ++r) {
            css::uno::Sequence<double> row(1);
            row.getArray()[0] = 100.0;
            rows[r] = row;
        }
        benchmark::DoNotOptimize(cells);
    }
    count_cells(state);
}
BENCHMARK(BM_build_double_column)->Apply(sizes);

}  // namespace

BENCHMARK_MAIN();
