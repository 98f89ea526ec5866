// row_arguments.cxx: text-or-number cells, criteria pairs and the document's null date, with the office
// services faked (fakes.hpp).
#include <chrono>
#include <string>
#include <variant>

#include <gtest/gtest.h>
#include <rtl/ref.hxx>

#include "fakes.hpp"
#include "row_arguments.hxx"
#include "support.hpp"

using namespace saleskpi_addin_test;
using css::uno::Reference;
using saleskpi::Cell;
using saleskpi::Cells;
using saleskpi::InvalidArgument;
using saleskpi::Range;
using saleskpi::addin::AnySequence;
using saleskpi::addin::TextFolder;
using saleskpi::addin::null_date;
using saleskpi::addin::to_cells;
using saleskpi::addin::to_criteria;

namespace {

const std::string& text_of(const Cell& cell) { return std::get<std::string>(cell); }

AnySequence pairs(std::initializer_list<Any> arguments) {
    return AnySequence(arguments.begin(), static_cast<sal_Int32>(arguments.size()));
}

// A TextFolder over the fake transliteration (ASCII lower case).
struct Folding : testing::Test {
    rtl::Reference<FakeContext> context = new FakeContext(true);
    TextFolder fold{Reference<css::uno::XComponentContext>(context.get())};
};

}  // namespace

TEST(ToCells, WithoutFoldingKeepsNumbersTextAndBlanksAsGiven) {
    const Cells cells = to_cells(matrix({{Any(7.0), text("Acme GmbH")}, {text(""), Any()}}),
                                 "customers", nullptr);
    ASSERT_EQ(cells.rows(), 2u);
    ASSERT_EQ(cells.cols(), 2u);
    EXPECT_EQ(std::get<double>(cells[0]), 7.0);
    EXPECT_EQ(text_of(cells[1]), "Acme GmbH");
    EXPECT_TRUE(std::holds_alternative<std::monostate>(cells[2]));
    EXPECT_TRUE(std::holds_alternative<std::monostate>(cells[3]));
}

TEST(ToCells, TextArrivesAsUtf8) {
    const auto zurich = rtl::OUString::fromUtf8("Z\xc3\xbcrich \xc3\x89tude");
    ASSERT_EQ(zurich.getLength(), 12);  // UTF-16 inside, as Calc passes it
    const Cells cells = to_cells(matrix({{Any(zurich)}}), "x", nullptr);
    EXPECT_EQ(text_of(cells[0]), "Z\xc3\xbcrich \xc3\x89tude");
}

TEST(ToCells, RejectsRaggedRowsAndValuesThatAreNeitherTextNorNumber) {
    const auto ragged = thrown<InvalidArgument>(
        [] { to_cells(matrix({{Any(1.0), Any(2.0)}, {Any(3.0)}}), "customers", nullptr); });
    EXPECT_STREQ(ragged.what(), "customers is not rectangular");
    const auto boolean = thrown<InvalidArgument>(
        [] { to_cells(matrix({{Any(true)}}), "customers", nullptr); });
    EXPECT_STREQ(boolean.what(), "customers holds neither text nor a number");
}

TEST_F(Folding, ToCellsFoldsTextButNotNumbers) {
    const Cells cells = to_cells(matrix({{text("Won"), Any(3.0)}}), "stages", &fold);
    EXPECT_EQ(text_of(cells[0]), "won");
    EXPECT_EQ(std::get<double>(cells[1]), 3.0);
}

TEST_F(Folding, TheFolderLoadsCaseInsensitiveComparison) {
    ASSERT_TRUE(context->loaded.has_value());
    EXPECT_EQ(*context->loaded, css::i18n::TransliterationModules_IGNORE_CASE);
}

TEST(TextFolder, WithoutTheTransliterationServiceIsARuntimeError) {
    EXPECT_THROW(TextFolder(Reference<css::uno::XComponentContext>()), css::uno::RuntimeException);
    const rtl::Reference<FakeContext> bare = new FakeContext(false);
    EXPECT_THROW(TextFolder(Reference<css::uno::XComponentContext>(bare.get())),
                 css::uno::RuntimeException);
}

TEST_F(Folding, ToCriteriaPairsRangesWithCriteriaFoldingBoth) {
    const auto criteria = to_criteria(
        pairs({Any(matrix({{text("EMEA")}, {text("Apac")}})), text("emea"),
               Any(matrix({{Any(1.0)}, {Any(2.0)}})), Any(matrix({{Any(2.0)}}))}),
        fold);
    ASSERT_EQ(criteria.size(), 2u);
    EXPECT_EQ(criteria[0].range.rows(), 2u);
    EXPECT_EQ(text_of(criteria[0].range[0]), "emea");
    EXPECT_EQ(text_of(criteria[0].range[1]), "apac");
    EXPECT_EQ(text_of(criteria[0].value), "emea");
    EXPECT_EQ(std::get<double>(criteria[1].value), 2.0);  // a one-cell range is one value
}

TEST_F(Folding, ABlankCriterionStaysBlank) {
    const auto criteria = to_criteria(pairs({Any(matrix({{text("x")}})), text("")}), fold);
    EXPECT_TRUE(std::holds_alternative<std::monostate>(criteria[0].value));
}

TEST_F(Folding, NoPairsAreNoCriteria) {
    EXPECT_TRUE(to_criteria(AnySequence(), fold).empty());
}

TEST_F(Folding, AnOddCountLacksACriterion) {
    const auto error = thrown<InvalidArgument>([this] {
        to_criteria(pairs({Any(matrix({{text("a")}})), text("a"), Any(matrix({{text("b")}}))}),
                    fold);
    });
    EXPECT_STREQ(error.what(), "criteria_range 2 has no criterion");
}

TEST_F(Folding, ACriterionOfSeveralCellsIsRejected) {
    const auto error = thrown<InvalidArgument>([this] {
        to_criteria(pairs({Any(matrix({{text("a")}, {text("b")}})),
                           Any(matrix({{text("a"), text("b")}}))}),
                    fold);
    });
    EXPECT_STREQ(error.what(), "criterion 1 must be a single value");
}

// Each error names its pair by number: "criteria_range 2", "criterion 1".
TEST_F(Folding, ACriteriaErrorNamesItsPair) {
    const auto message = [this](AnySequence arguments) {
        return std::string(thrown<InvalidArgument>([&] { to_criteria(arguments, fold); }).what());
    };
    const Any range(matrix({{text("a")}}));
    const Any several(matrix({{text("a"), text("b")}}));
    const Any not_a_cell(css::util::Date(1, 1, 2024));  // neither text nor a number
    EXPECT_EQ(message(pairs({range, text("a"), range, several})), "criterion 2 must be a single value");
    EXPECT_EQ(message(pairs({range, text("a"), not_a_cell, text("a")})),
              "criteria_range 2 holds neither text nor a number");
    EXPECT_EQ(message(pairs({range, not_a_cell})), "criterion 1 holds neither text nor a number");
    EXPECT_EQ(message(pairs({range, text("a"), range})), "criteria_range 2 has no criterion");
}

TEST(NullDate, WithoutSettingsOrTheirDateIsCalcsDefault) {
    EXPECT_EQ(null_date(Reference<css::beans::XPropertySet>()), saleskpi::default_null_date);
    EXPECT_EQ(null_date(new FakeSettings(Any())), saleskpi::default_null_date);
}

TEST(NullDate, ComesFromTheDocumentSettings) {
    using namespace std::chrono;
    const auto settings = new FakeSettings(Any(css::util::Date(1, 1, 1904)));
    EXPECT_EQ(null_date(settings), sys_days{year{1904} / 1 / 1});
}

TEST(NullDate, ADayThatDoesNotExistIsTheNullDatesError) {
    const auto error = thrown<InvalidArgument>(
        [] { null_date(new FakeSettings(Any(css::util::Date(30, 2, 1900)))); });
    EXPECT_EQ(std::string(error.what()).rfind("null_date ", 0), 0u) << error.what();
}
