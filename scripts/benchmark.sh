#!/usr/bin/env bash
# Speed figures, never pass/fail: a Release build with the benchmarks in build-bench/, the
# core benchmark (ns per catalogue function), the add-in's range conversion, real headless
# Calc (100,000 rows of each catalogue example against native formulas and a Basic
# function), then the MRR bridge of 10,000 and 100,000 subscription rows: MRR_BRIDGE against
# a SUMIFS/SUMPRODUCT bridge in Calc and pandas, and the core's time and memory on 100,000
# and 1,000,000 rows; last, what criteria cost: MRR_BRIDGE over 100,000 rows windowed by two
# date pairs and a text pair against the same call without criteria. About 10 minutes.
# docs/performance.md reads a run of this.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/ensure-packages.sh
ensure_packages libbenchmark-dev python3-pandas

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
SALESKPI_OXT=build-bench/saleskpi.oxt PYTHONPATH=tools PYTHONDONTWRITEBYTECODE=1 \
    /usr/bin/python3 bench/calc_bench.py --rows "$rows" --convert-json build-bench/bench_convert.json

echo
echo "== bridge_core: MRR_BRIDGE in the core alone, time and peak memory"
for bridge_rows in 100000 1000000; do
    build-bench/bench/bridge_core "$bridge_rows"
done

echo
echo "== bridge_bench: MRR_BRIDGE vs the native-formula bridge vs pandas, real headless Calc"
SALESKPI_OXT=build-bench/saleskpi.oxt PYTHONPATH=tools PYTHONDONTWRITEBYTECODE=1 \
    /usr/bin/python3 bench/bridge_bench.py --rows ${SALESKPI_BRIDGE_ROWS:-10000 100000}

echo
echo "== criteria_bench: MRR_BRIDGE windowed by criteria (two date pairs, one text pair) vs without"
SALESKPI_OXT=build-bench/saleskpi.oxt PYTHONPATH=tools PYTHONDONTWRITEBYTECODE=1 \
    /usr/bin/python3 bench/criteria_bench.py --rows "${SALESKPI_CRITERIA_ROWS:-100000}"
