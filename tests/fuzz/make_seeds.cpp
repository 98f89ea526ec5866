// Writes the fuzzer's seed corpus: one file per catalogue example, in fuzz_input.hpp's
// format, so every function (a new one too) starts from inputs that reach its computation.
// Usage: make_seeds <directory>
#include <cstdio>
#include <filesystem>
#include <fstream>

#include "catalogue_harness.hpp"
#include "fuzz_input.hpp"

int main(int argc, char** argv) {
    using namespace saleskpi;
    if (argc != 2) {
        std::fprintf(stderr, "usage: make_seeds <directory>\n");
        return 2;
    }
    const std::filesystem::path directory = argv[1];
    std::filesystem::create_directories(directory);
    std::vector<std::size_t> seeded(harness::functions().size(), 0);
    std::size_t count = 0;
    for (const auto& example : harness::examples()) {
        const auto& function = harness::functions()[example.function];
        fuzz::SeedWriter seed;
        bool ok = seed.function(example.function);
        if (function.context)
            seed.null_date(0);
        std::size_t position = 0;
        for (const auto& param : function.params) {
            if (param.kind == harness::Kind::criteria) {
                const std::vector<harness::Value> rest(example.args.begin() + static_cast<long>(std::min(position, example.args.size())),
                                                       example.args.end());
                ok = ok && seed.criteria(rest);
                position = example.args.size();
                break;
            }
            const harness::Value none;
            ok = ok && seed.argument(param.kind, position < example.args.size() ? example.args[position] : none);
            ++position;
        }
        if (function.params.empty() || function.params.back().kind != harness::Kind::criteria)
            ok = ok && position >= example.args.size();
        if (!ok)
            continue;
        const auto name = std::string(function.name) + "_" + std::to_string(seeded[example.function]++);
        std::ofstream(directory / name, std::ios::binary)
            .write(reinterpret_cast<const char*>(seed.bytes().data()), static_cast<std::streamsize>(seed.bytes().size()));
        ++count;
    }
    for (std::size_t i = 0; i < seeded.size(); ++i)
        if (seeded[i] == 0) {  // a function the fuzzer would only find by chance
            std::fprintf(stderr, "make_seeds: no example of %.*s could be encoded\n",
                         static_cast<int>(harness::functions()[i].name.size()), harness::functions()[i].name.data());
            return 1;
        }
    std::printf("make_seeds: %zu seeds for %zu functions in %s\n", count, seeded.size(), argv[1]);
    return 0;
}
