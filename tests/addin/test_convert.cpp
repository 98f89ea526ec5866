// to_range, the optional-argument converters with the cells Calc passes, and the array results
// (to_sequence, to_table).
#include <stdexcept>

#include <gtest/gtest.h>

#include "support.hpp"

using namespace saleskpi_addin_test;
using saleskpi::InvalidArgument;
using saleskpi::Range;
using saleskpi::addin::optional_number;
using saleskpi::addin::optional_range;
using saleskpi::addin::to_range;
using saleskpi::addin::to_sequence;
using saleskpi::addin::to_table;

namespace {

std::string message(const InvalidArgument& error) { return error.what(); }

}  // namespace

TEST(ToRange, KeepsRowsColumnsAndValuesInReadingOrder) {
    const Range range = to_range(matrix({{Any(1.0), Any(2.0), Any(3.0)}, {Any(4.0), Any(5.0), Any(6.5)}}), "x");
    ASSERT_EQ(range.rows(), 2u);
    ASSERT_EQ(range.cols(), 3u);
    EXPECT_EQ(range[2], 3.0);
    EXPECT_EQ(range[5], 6.5);
}

TEST(ToRange, IntegerCellsWidenToNumbers) {
    EXPECT_EQ(to_range(matrix({{Any(sal_Int32(7))}}), "x")[0], 7.0);
}

TEST(ToRange, BlankCellsAreGapsWhetherEmptyTextOrVoid) {
    const Range range = to_range(matrix({{Any(1.0), text("")}, {Any(), Any(2.0)}}), "x");
    ASSERT_EQ(range.size(), 4u);
    EXPECT_EQ(range[0], 1.0);
    EXPECT_FALSE(range[1].has_value());
    EXPECT_FALSE(range[2].has_value());
    EXPECT_EQ(range[3], 2.0);
}

TEST(ToRange, TextIsRejectedNamingTheArgument) {
    const auto error = thrown<InvalidArgument>([] { to_range(matrix({{Any(1.0), text("12")}}), "rates"); });
    EXPECT_EQ(message(error), "rates holds text or a non-number");
}

TEST(ToRange, RaggedRowsAreRejected) {
    const auto error = thrown<InvalidArgument>([] { to_range(matrix({{Any(1.0), Any(2.0)}, {Any(3.0)}}), "amounts"); });
    EXPECT_EQ(message(error), "amounts is not rectangular");
    EXPECT_THROW(to_range(matrix({{Any(1.0)}, {Any(2.0), Any(3.0)}}), "amounts"), InvalidArgument);
}

TEST(ToRange, NoRowsGiveAnEmptyRange) {
    const Range range = to_range(AnyMatrix(), "x");
    EXPECT_TRUE(range.empty());
    EXPECT_EQ(range.rows(), 0u);
    EXPECT_EQ(range.cols(), 0u);
}

TEST(ToRange, RowsWithoutCellsGiveAnEmptyRange) {
    EXPECT_TRUE(to_range(matrix({{}, {}}), "x").empty());
}

TEST(OptionalNumber, OmittedOrEmptyTextTakesTheDefault) {
    EXPECT_EQ(optional_number(Any(), "ratio", 3.0), 3.0);
    EXPECT_EQ(optional_number(text(""), "ratio", 3.0), 3.0);
    EXPECT_FALSE(optional_number(Any(), "max_periods").has_value());
}

TEST(OptionalNumber, TakesANumberOrAOneCellRange) {
    EXPECT_EQ(optional_number(Any(4.0), "ratio", 3.0), 4.0);
    EXPECT_EQ(optional_number(Any(matrix({{Any(5.0)}})), "ratio", 3.0), 5.0);
    EXPECT_EQ(optional_number(Any(matrix({{text("")}})), "ratio", 3.0), 3.0);  // a blank cell
}

TEST(OptionalNumber, RejectsSeveralCellsAndText) {
    const auto several = thrown<InvalidArgument>(
        [] { optional_number(Any(matrix({{Any(1.0), Any(2.0)}, {Any(3.0), Any(4.0)}})), "ratio", 3.0); });
    EXPECT_EQ(message(several), "ratio must be a single value");
    const auto word = thrown<InvalidArgument>([] { optional_number(text("three"), "ratio", 3.0); });
    EXPECT_EQ(message(word), "ratio holds text or a non-number");
    EXPECT_THROW(optional_number(Any(matrix({{text("3")}})), "ratio"), InvalidArgument);
}

TEST(OptionalRange, OmittedOrEmptyTextIsNothing) {
    EXPECT_FALSE(optional_range(Any(), "months").has_value());
    EXPECT_FALSE(optional_range(text(""), "months").has_value());
}

TEST(OptionalRange, ANumberIsOneCell) {
    const auto range = optional_range(Any(2.0), "months");
    ASSERT_TRUE(range.has_value());
    ASSERT_TRUE(range->is_single());
    EXPECT_EQ((*range)[0], 2.0);
}

TEST(OptionalRange, ARangeKeepsItsShapeAndGaps) {
    const auto range =
        optional_range(Any(matrix({{Any(1.0), Any(2.0)}, {Any(3.0), text("")}})), "months");
    ASSERT_TRUE(range.has_value());
    EXPECT_EQ(range->rows(), 2u);
    EXPECT_EQ(range->cols(), 2u);
    EXPECT_EQ((*range)[2], 3.0);
    EXPECT_FALSE((*range)[3].has_value());
}

TEST(OptionalRange, ARangeOfBlanksIsARangeNotNothing) {
    const auto range = optional_range(Any(matrix({{text("")}})), "months");
    ASSERT_TRUE(range.has_value());
    EXPECT_FALSE((*range)[0].has_value());
}

TEST(OptionalRange, RejectsText) {
    const auto word = thrown<InvalidArgument>([] { optional_range(text("ten"), "months"); });
    EXPECT_EQ(message(word), "months holds text or a non-number");
    EXPECT_THROW(optional_range(Any(matrix({{Any(1.0)}, {text("x")}})), "months"), InvalidArgument);
}

TEST(ToSequence, KeepsTheShapeAndTheValues) {
    const auto result = to_sequence(Range(2, 2, {1.0, 0.0, 3.0, 4.0}));
    ASSERT_EQ(result.getLength(), 2);
    ASSERT_EQ(result[0].getLength(), 2);
    EXPECT_EQ(result[0][0], 1.0);
    EXPECT_EQ(result[0][1], 0.0);
    EXPECT_EQ(result[1][0], 3.0);
    EXPECT_EQ(result[1][1], 4.0);
}

// A sequence< sequence< double > > has no empty cell: a blank there is an error, never a 0
// that nothing computed.
TEST(ToSequence, ABlankIsAnErrorNeverZero) {
    EXPECT_THROW(to_sequence(Range(2, 2, {1.0, std::nullopt, 3.0, 4.0})), std::logic_error);
}

TEST(ToSequence, ARowStaysARowAndEmptyStaysEmpty) {
    const auto row = to_sequence(Range::row({1.0, 2.0, 3.0}));
    ASSERT_EQ(row.getLength(), 1);
    EXPECT_EQ(row[0].getLength(), 3);
    EXPECT_EQ(to_sequence(Range()).getLength(), 0);
}

TEST(ToTable, NumbersStayNumbersAndBlanksBecomeEmptyCells) {
    const auto table = to_table(Range(2, 2, {1.5, std::nullopt, std::nullopt, 4.0}));
    ASSERT_EQ(table.getLength(), 2);
    ASSERT_EQ(table[0].getLength(), 2);
    double number = 0.0;
    EXPECT_TRUE(table[0][0] >>= number);
    EXPECT_EQ(number, 1.5);
    EXPECT_FALSE(table[0][1].hasValue());
    EXPECT_FALSE(table[1][0].hasValue());
    EXPECT_TRUE(table[1][1] >>= number);
    EXPECT_EQ(number, 4.0);
}

TEST(ToTable, ARowStaysARowAndNothingStaysNothing) {
    const auto row = to_table(Range::row({1.0, 2.0, 3.0}));
    ASSERT_EQ(row.getLength(), 1);
    EXPECT_EQ(row[0].getLength(), 3);
    EXPECT_EQ(to_table(Range()).getLength(), 0);
}
