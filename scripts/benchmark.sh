#!/usr/bin/env bash
# Speed figures, never pass/fail: a Release build with the benchmarks in build-bench/, the
# core benchmark (ns per KPI call), the add-in's range conversion, then real headless Calc:
# 100,000 rows of each saleskpi call against native formulas and a Basic function.
# About 2 minutes. docs/performance.md reads a run of this.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/ensure-packages.sh
ensure_packages libbenchmark-dev

min_time=${SALESKPI_BENCH_MIN_TIME:-0.03}  # seconds per Google Benchmark case and repetition
# Three repetitions, the median shown: one burst of other work on the machine moves one
# repetition, not the figure.
repeat=(--benchmark_repetitions=3 --benchmark_report_aggregates_only=true)
median_only() { grep -v -E '_(mean|stddev|cv) '; }
rows=${SALESKPI_BENCH_ROWS:-100000}

cmake -S . -B build-bench -DCMAKE_BUILD_TYPE=Release -DSALESKPI_BENCHMARKS=ON \
      -DSALESKPI_BUILD_TESTS=OFF >/dev/null
cmake --build build-bench -j "$(nproc)" >/dev/null

echo "== machine"
echo "nproc: $(nproc)"
echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
echo "libreoffice: $("${LIBREOFFICE_PROGRAM_DIR:-/usr/lib/libreoffice/program}/soffice.bin" --version 2>/dev/null | head -1)"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)  (other work on the machine skews every figure)"

echo
echo "== bench_core: the C++ core alone, per call"
build-bench/bench/bench_core --benchmark_min_time="$min_time" "${repeat[@]}" | median_only

echo
echo "== bench_convert: addin/convert.cxx to_range and building UNO sequences"
build-bench/bench/bench_convert --benchmark_min_time="$min_time" "${repeat[@]}" \
    --benchmark_out=build-bench/bench_convert.json --benchmark_out_format=json | median_only

echo
echo "== calc_bench: real headless Calc"
SALESKPI_OXT=build-bench/saleskpi.oxt PYTHONDONTWRITEBYTECODE=1 \
    /usr/bin/python3 bench/calc_bench.py --rows "$rows" --convert-json build-bench/bench_convert.json
