// MRR_BRIDGE in the core alone over many subscription rows: time and memory, for the
// "memory linear in the rows" target of issue 9 (scripts/benchmark.sh runs it on 100,000
// and 1,000,000 rows). Figures only, nothing asserted.
//
//   build-bench/bench/bridge_core 1000000
//
// The rows are generated here (seeded, the shape of bench/bridge_data.py's: about two rows
// per customer, upgrades, downgrades, churn and returns over 2023-2024), never read from disk.
// Memory: the peak RSS (VmHWM) is reset just before the call (/proc/self/clear_refs), so
// "call peak" is what the call adds on top of its input.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include <time.h>

#include "saleskpi.hpp"

namespace {

long status_kb(const char* field) {  // a line of /proc/self/status, in kB
    std::ifstream status("/proc/self/status");
    std::string line;
    const std::string key = std::string(field) + ":";
    while (std::getline(status, line))
        if (line.compare(0, key.size(), key) == 0)
            return std::strtol(line.c_str() + key.size(), nullptr, 10);
    return -1;
}

// CPU seconds of this (single-threaded) process: unlike the wall time, not stretched while
// other work on the machine holds the cores.
double cpu_seconds() {
    timespec now{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now);
    return static_cast<double>(now.tv_sec) + static_cast<double>(now.tv_nsec) * 1e-9;
}

bool reset_peak() {
    std::ofstream clear("/proc/self/clear_refs");
    clear << "5";
    return static_cast<bool>(clear);
}

double serial(int y, unsigned m, unsigned d) {
    using namespace std::chrono;
    return static_cast<double>((sys_days{year{y} / m / d} - saleskpi::default_null_date).count());
}

struct Book {
    std::vector<saleskpi::Cell> customers;
    std::vector<std::optional<double>> starts, ends, amounts;
};

Book generate(std::size_t rows) {
    std::mt19937_64 rng(20240101);
    auto uniform = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
    const double first = serial(2023, 1, 1), last = serial(2024, 12, 31);
    const double plans[] = {19.0, 29.0, 49.0, 99.0, 199.0, 499.0};
    Book book;
    for (int customer = 0; book.starts.size() < rows; ++customer) {
        char id[16];
        std::snprintf(id, sizeof id, "C%07d", customer);
        double day = first + uniform(0, static_cast<int>(last - first) - 30);
        int plan = uniform(0, 5);
        for (int period = uniform(1, 5); period > 0 && book.starts.size() < rows; --period) {
            const double end = day + uniform(20, 400);
            const bool open = period == 1 && uniform(0, 1) == 0;
            book.customers.emplace_back(std::string(id));
            book.starts.push_back(day);
            book.ends.push_back(open ? std::nullopt : std::optional<double>(end));
            book.amounts.push_back(plans[plan]);
            plan = std::clamp(plan + uniform(-1, 1), 0, 5);
            day = uniform(0, 3) == 0 ? end + uniform(30, 200) : end;  // sometimes a gap: churn, return
            if (day > last)
                break;
        }
    }
    return book;
}

}  // namespace

int main(int argc, char** argv) {
    const std::size_t rows = argc > 1 ? std::strtoul(argv[1], nullptr, 10) : 100000;
    const long before_input = status_kb("VmRSS");
    Book book = generate(rows);
    const saleskpi::Cells customers(rows, 1, std::move(book.customers));
    const saleskpi::Range starts(rows, 1, std::move(book.starts)), ends(rows, 1, std::move(book.ends)),
        amounts(rows, 1, std::move(book.amounts));
    std::vector<double> months;
    for (int m = 0; m < 24; ++m)
        months.push_back(serial(2023 + m / 12, static_cast<unsigned>(m % 12 + 1), 1));
    const long with_input = status_kb("VmRSS");
    const bool reset = reset_peak();
    const auto started = std::chrono::steady_clock::now();
    const double cpu_started = cpu_seconds();
    const saleskpi::Range bridge = saleskpi::mrr_bridge(
        saleskpi::SubscriptionRows::read(customers, starts, ends, amounts, saleskpi::default_null_date),
        saleskpi::Range::column(months), {});
    const double cpu = cpu_seconds() - cpu_started;
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    const long peak = status_kb("VmHWM");
    std::printf("bridge_core rows=%zu time_ms=%.1f cpu_ms=%.1f input_rss_mb=%.1f call_peak_mb=%.1f "
                "call_bytes_per_row=%.0f closing_dec_2024=%.2f%s\n",
                rows, seconds * 1e3, cpu * 1e3, (with_input - before_input) / 1024.0,
                reset ? (peak - with_input) / 1024.0 : -1.0,
                reset ? (peak - with_input) * 1024.0 / static_cast<double>(rows) : -1.0,
                bridge[23 * 7 + 6].value_or(-1.0), reset ? "" : " (peak not measured: no clear_refs)");
    return 0;
}
