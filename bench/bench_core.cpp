// Google Benchmark of every catalogue function in the saleskpi core, from the generated
// harness: one case per function, its first example with a value (not an error), so a new
// catalogue row is benchmarked without touching this file. ns per call, the UNO add-in and
// Calc left out (calc_bench.py measures a call from a cell).
//
// A call includes turning the example's arguments (inline arrays) into the core's ranges, as
// the add-in's conversion would (bench_convert measures that over 100,000 cells). The
// subscription functions' cost over many rows: bridge_core.cpp.
//
//   build-bench/bench/bench_core --benchmark_min_time=0.05
#include <cstddef>
#include <set>
#include <string>
#include <variant>

#include <benchmark/benchmark.h>

#include "catalogue_harness.hpp"
#include "example_source.hpp"

namespace harness = saleskpi::harness;

namespace {

double checksum(const harness::Result& result) {
    if (const double* number = std::get_if<double>(&result))
        return *number;
    const auto& range = std::get<saleskpi::Range>(result);
    return range.size() == 0 ? 0.0 : range[0].value_or(0.0);
}

void run_example(benchmark::State& state, const harness::Example* example) {
    double sink = 0.0;
    for (auto _ : state) {
        harness::ExampleSource source(example->args);
        // Accumulate instead of DoNotOptimize(lvalue double), which GCC 12 with
        // libbenchmark 1.7.1 can miscompile (docs/performance.md).
        sink += checksum(harness::call(example->function, source));
        benchmark::ClobberMemory();
    }
    state.counters["result"] = sink / static_cast<double>(state.iterations());
}

}  // namespace

int main(int argc, char** argv) {
    std::set<std::size_t> done;
    for (const auto& example : harness::examples()) {
        if (std::holds_alternative<std::string>(example.expected.value) || done.count(example.function))
            continue;  // error examples never reach the normal path
        done.insert(example.function);
        const std::string name = "BM_" + std::string(harness::functions()[example.function].name);
        benchmark::RegisterBenchmark(name.c_str(), run_example, &example)
            ->Unit(benchmark::kNanosecond);
    }
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv))
        return 1;
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    // Every catalogue function must have a value example to measure.
    return done.size() == harness::functions().size() ? 0 : 2;
}
