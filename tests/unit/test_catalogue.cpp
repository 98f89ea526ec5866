// Every catalogue function through the generated harness: its examples hold in the core,
// every declared domain rejects a value just outside it, naming that argument, and every range
// the reference says must hold a value is named when it holds none.
#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include "catalogue_harness.hpp"
#include "example_source.hpp"
#include "support.hpp"

namespace harness = saleskpi::harness;

namespace {

std::string where(const harness::Example& example) { return std::string(example.formula); }

void expect_same(const harness::Result& actual, const harness::Expected& expected,
                 const std::string& formula) {
    if (const double* number = std::get_if<double>(&expected.value)) {
        ASSERT_TRUE(std::holds_alternative<double>(actual)) << formula << ": not a number";
        EXPECT_NEAR(std::get<double>(actual), *number, 1e-9 * (1 + std::fabs(*number))) << formula;
        return;
    }
    const auto& grid = std::get<saleskpi::Range>(expected.value);
    ASSERT_TRUE(std::holds_alternative<saleskpi::Range>(actual)) << formula << ": not an array";
    const auto& range = std::get<saleskpi::Range>(actual);
    ASSERT_EQ(range.rows(), grid.rows()) << formula;
    ASSERT_EQ(range.cols(), grid.cols()) << formula;
    for (std::size_t i = 0; i < grid.size(); ++i) {
        ASSERT_EQ(range[i].has_value(), grid[i].has_value()) << formula << " cell " << i;
        if (grid[i]) {
            EXPECT_NEAR(*range[i], *grid[i], 1e-9 * (1 + std::fabs(*grid[i]))) << formula << " cell " << i;
        }
    }
}

}  // namespace

TEST(Catalogue, EveryFunctionHasAnExampleInTheCore) {
    std::vector<int> examples(harness::functions().size());
    for (const auto& example : harness::examples())
        ++examples.at(example.function);
    for (std::size_t i = 0; i < examples.size(); ++i)
        EXPECT_GT(examples[i], 0) << harness::functions()[i].name;
}

TEST(Catalogue, EveryExampleHoldsInTheCore) {
    for (const auto& example : harness::examples()) {
        harness::ExampleSource source(example.args);
        const std::string formula = where(example);
        if (const auto* error = std::get_if<std::string>(&example.expected.value)) {
            if (*error == "Err:502") {
                EXPECT_THROW(harness::call(example.function, source), saleskpi::InvalidArgument) << formula;
            } else if (*error == "#NUM!") {
                const harness::Result result = harness::call(example.function, source);
                ASSERT_TRUE(std::holds_alternative<double>(result)) << formula;
                EXPECT_TRUE(std::isinf(std::get<double>(result))) << formula;
            }  // Err:504 and #VALUE! come from Calc before the core is called
            continue;
        }
        expect_same(harness::call(example.function, source), example.expected, formula);
    }
}

TEST(Catalogue, EveryDomainRejectsValuesJustOutsideIt) {
    for (const auto& domain_case : harness::domain_cases()) {
        harness::ExampleSource source(domain_case.args);
        const auto& function = harness::functions()[domain_case.function];
        SCOPED_TRACE(::testing::Message() << function.name << " with " << domain_case.param
                                          << " = " << domain_case.outside);
        EXPECT_INVALID(harness::call(domain_case.function, source), domain_case.param);
    }
}

TEST(Catalogue, EveryRangeWithoutAValueIsNamed) {
    // docs/functions.md lists "no value in <range>" among the causes of Err:502: the core's
    // message must name that range, the one to fill, not another argument.
    ASSERT_FALSE(harness::blank_cases().empty());
    for (const auto& blank_case : harness::blank_cases()) {
        harness::ExampleSource source(blank_case.args);
        const auto& function = harness::functions()[blank_case.function];
        SCOPED_TRACE(::testing::Message() << function.name << " with " << blank_case.param << " all blank");
        EXPECT_INVALID(harness::call(blank_case.function, source), blank_case.param);
    }
}
