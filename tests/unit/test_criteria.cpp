// Criteria as COUNTIFS reads them (src/saleskpi/criteria.hpp): the grammar, the patterns, the
// counts measured in Calc (NOTES.md) and the tricky cases of the design note that need no
// office. LibreOffice's answers (numbers, upper case, search) come from a stand-in here.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "criteria_stand_in.hpp"
#include "saleskpi/criteria.hpp"
#include "support.hpp"

using saleskpi::Cell;
using saleskpi::Comparison;
using saleskpi::CriteriaSettings;
using saleskpi::ParsedCriterion;
using saleskpi::Pattern;
using Kind = saleskpi::ParsedCriterion::Kind;
using namespace saleskpi_test;

namespace {

ParsedCriterion parse(const Cell& criterion, CriteriaSettings settings = {}) {
    CriteriaStandIn services;
    return saleskpi::parse_criterion(criterion, "criterion 1", settings, services);
}

// The cells of `cells` the criterion selects, counted as COUNTIFS counts them.
int count(const Cell& criterion, const std::vector<Cell>& cells, CriteriaSettings settings = {}) {
    CriteriaStandIn services;
    const ParsedCriterion parsed = saleskpi::parse_criterion(criterion, "criterion 1", settings, services);
    int selected = 0;
    for (const Cell& cell : cells)
        selected += saleskpi::selects(parsed, cell, settings, services) ? 1 : 0;
    return selected;
}

// Which of `cells` the criterion selects, as 0/1 per cell.
std::vector<int> picks(const Cell& criterion, const std::vector<Cell>& cells,
                       CriteriaSettings settings = {}) {
    CriteriaStandIn services;
    const ParsedCriterion parsed = saleskpi::parse_criterion(criterion, "criterion 1", settings, services);
    std::vector<int> selected;
    for (const Cell& cell : cells)
        selected.push_back(saleskpi::selects(parsed, cell, settings, services) ? 1 : 0);
    return selected;
}

CriteriaSettings with(Pattern patterns, bool whole_cell = true) {
    CriteriaSettings settings;
    settings.patterns = patterns;
    settings.whole_cell = whole_cell;
    return settings;
}

const Cell empty_cell{};  // monostate: an empty cell
const double jan_1_2025 = 45658.0;  // 2025-01-01

}  // namespace

// --- the grammar (FillInExcelSyntax) ---------------------------------------------

TEST(CriteriaGrammar, OneOperatorAtTheStartTheRestVerbatim) {
    const struct {
        const char* criterion;
        Comparison op;
        const char* rest;
    } cases[] = {
        {"<>x", Comparison::not_equal, "x"},  {"<=x", Comparison::less_equal, "x"},
        {"<x", Comparison::less, "x"},        {">=x", Comparison::greater_equal, "x"},
        {">x", Comparison::greater, "x"},     {"=x", Comparison::equal, "x"},
        {"x", Comparison::equal, "x"},        {"=<5", Comparison::equal, "<5"},
        {"==a", Comparison::equal, "=a"},     {"<>=a", Comparison::not_equal, "=a"},
        {"><a", Comparison::greater, "<a"},   {" <a", Comparison::equal, " <a"},
        {"<", Comparison::less, ""},          {">=", Comparison::greater_equal, ""},
        {"", Comparison::equal, ""},          {"x ", Comparison::equal, "x "},
    };
    for (const auto& c : cases) {
        const ParsedCriterion parsed = parse(Cell{c.criterion});
        EXPECT_EQ(parsed.op, c.op) << c.criterion;
        EXPECT_EQ(parsed.text, c.rest) << c.criterion;
        EXPECT_EQ(parsed.kind, Kind::text) << c.criterion;
    }
}

TEST(CriteriaGrammar, TheRestIsANumberWhenTheDocumentReadsOne) {
    const ParsedCriterion five = parse(Cell{"5"});
    EXPECT_EQ(five.kind, Kind::number);
    EXPECT_EQ(five.number, 5.0);
    EXPECT_EQ(five.text, "5");  // kept: the text "5" is selected too
    const ParsedCriterion leading_zero = parse(Cell{"05"});
    EXPECT_EQ(leading_zero.number, 5.0);
    EXPECT_EQ(leading_zero.text, "05");
    const ParsedCriterion date = parse(Cell{">=2025-01-01"});
    EXPECT_EQ(date.kind, Kind::number);
    EXPECT_EQ(date.op, Comparison::greater_equal);
    EXPECT_EQ(date.number, jan_1_2025);
    const ParsedCriterion no = parse(Cell{"FALSE"});
    EXPECT_EQ(no.kind, Kind::number);
    EXPECT_EQ(no.number, 0.0);
    EXPECT_EQ(no.text, "FALSE");
    EXPECT_EQ(parse(Cell{"abc"}).kind, Kind::text);
    EXPECT_EQ(parse(Cell{"5 apples"}).kind, Kind::text);
}

TEST(CriteriaGrammar, ANumberCriterionHasNoText) {
    const ParsedCriterion five = parse(Cell{5.0});
    EXPECT_EQ(five.kind, Kind::number);
    EXPECT_EQ(five.op, Comparison::equal);
    EXPECT_EQ(five.number, 5.0);
    EXPECT_EQ(five.text, "");
    EXPECT_FALSE(five.match_empty);
    // An empty criterion cell is the number 0 in COUNTIFS, never "blank".
    const ParsedCriterion empty_reference = parse(empty_cell);
    EXPECT_EQ(empty_reference.kind, Kind::number);
    EXPECT_EQ(empty_reference.number, 0.0);
    EXPECT_FALSE(empty_reference.match_empty);
}

TEST(CriteriaGrammar, EqualsAloneIsEmptyAndNotEqualsAloneIsNonEmpty) {
    EXPECT_EQ(parse(Cell{"="}).kind, Kind::empty);
    EXPECT_EQ(parse(Cell{"<>"}).kind, Kind::non_empty);
    const ParsedCriterion nothing = parse(Cell{""});
    EXPECT_EQ(nothing.kind, Kind::text);
    EXPECT_TRUE(nothing.match_empty);
}

TEST(CriteriaGrammar, BlanksMatchOnlyEqualsNothingAndNotEqualsSomething) {
    EXPECT_TRUE(parse(Cell{""}).match_empty);
    EXPECT_TRUE(parse(Cell{"<>5"}).match_empty);
    EXPECT_TRUE(parse(Cell{"<>abc"}).match_empty);
    EXPECT_FALSE(parse(Cell{"<>"}).match_empty);
    EXPECT_FALSE(parse(Cell{"=0"}).match_empty);
    EXPECT_FALSE(parse(Cell{"abc"}).match_empty);
    EXPECT_FALSE(parse(Cell{"<5"}).match_empty);
    EXPECT_FALSE(parse(Cell{">="}).match_empty);
}

TEST(CriteriaGrammar, ANumberThatIsNotFiniteIsInvalid) {
    CriteriaStandIn services;
    EXPECT_INVALID(saleskpi::parse_criterion(Cell{not_a_number}, "criterion 3", {}, services),
                   "criterion 3");
    EXPECT_INVALID(saleskpi::parse_criterion(Cell{-infinity}, "criterion 1", {}, services),
                   "criterion 1");
}

TEST(CriteriaGrammar, TheTextIsUpperCasedOnceUnlessCaseSensitive) {
    EXPECT_EQ(parse(Cell{"<>Won"}).folded, "WON");
    CriteriaSettings sensitive;
    sensitive.case_sensitive = true;
    EXPECT_EQ(parse(Cell{"<>Won"}, sensitive).folded, "");
}

// --- which texts are patterns (DetectSearchType) ------------------------------------

TEST(CriteriaPatterns, WildcardsAreStarQuestionMarkAndTilde) {
    EXPECT_TRUE(saleskpi::may_be_wildcard("a*"));
    EXPECT_TRUE(saleskpi::may_be_wildcard("?"));
    EXPECT_TRUE(saleskpi::may_be_wildcard("a~b"));
    EXPECT_FALSE(saleskpi::may_be_wildcard("a.c[d]"));
    EXPECT_FALSE(saleskpi::may_be_wildcard(""));
}

TEST(CriteriaPatterns, ARegularExpressionNeedsAMetaCharacterAndTwoCharactersOrADot) {
    EXPECT_FALSE(saleskpi::may_be_regex(""));
    EXPECT_FALSE(saleskpi::may_be_regex("*"));
    EXPECT_FALSE(saleskpi::may_be_regex("("));
    EXPECT_TRUE(saleskpi::may_be_regex("."));
    EXPECT_TRUE(saleskpi::may_be_regex("a."));
    EXPECT_TRUE(saleskpi::may_be_regex("a|b"));
    EXPECT_TRUE(saleskpi::may_be_regex("\\d"));
    EXPECT_TRUE(saleskpi::may_be_regex("<a>"));
    EXPECT_FALSE(saleskpi::may_be_regex("a{2}"));  // braces are not in Calc's list
    EXPECT_FALSE(saleskpi::may_be_regex("abc"));
}

TEST(CriteriaPatterns, TheDocumentsModeDecides) {
    EXPECT_EQ(saleskpi::detect_pattern("a*", Pattern::wildcard), Pattern::wildcard);
    EXPECT_EQ(saleskpi::detect_pattern("a*", Pattern::regex), Pattern::regex);
    EXPECT_EQ(saleskpi::detect_pattern("a*", Pattern::none), Pattern::none);
    EXPECT_EQ(saleskpi::detect_pattern("a.c", Pattern::wildcard), Pattern::none);
    EXPECT_EQ(saleskpi::detect_pattern("a~", Pattern::regex), Pattern::none);
}

TEST(CriteriaPatterns, OnlyTextsComparedByEqualityArePatterns) {
    EXPECT_EQ(parse(Cell{"a*"}).pattern, Pattern::wildcard);
    EXPECT_EQ(parse(Cell{"<>a*"}).pattern, Pattern::wildcard);
    EXPECT_EQ(parse(Cell{">a*"}).pattern, Pattern::none);  // ordered by the collator
    EXPECT_EQ(parse(Cell{"5"}, with(Pattern::regex)).pattern, Pattern::none);
    EXPECT_EQ(parse(Cell{"1.5"}, with(Pattern::regex)).pattern, Pattern::none);  // a number
}

TEST(CriteriaPatterns, AnInvalidRegularExpressionNamesItsCriterion) {
    CriteriaStandIn services;
    EXPECT_INVALID_AT(saleskpi::parse_criterion(Cell{"a("}, "criterion 2", with(Pattern::regex), services),
                      "criterion 2", "regular expression");
    EXPECT_INVALID(saleskpi::parse_criterion(Cell{"<>a("}, "criterion 1", with(Pattern::regex), services),
                   "criterion 1");
    // Not a pattern where it is not searched: ordered, or wildcards on.
    EXPECT_EQ(count(Cell{">a("}, {Cell{"b"}}, with(Pattern::regex)), 1);
    EXPECT_EQ(count(Cell{"a("}, {Cell{"a("}}), 1);
}

// --- NOTES.md: "COUNTIFS in a new 7.4 document", measured -------------------------

TEST(CriteriaCountifs, TheMeasuredCountsOfANewDocument) {
    const std::vector<Cell> range = {5.0,        Cell{"5"}, empty_cell,      0.0,          Cell{"abc"},
                                     Cell{"ABC"}, Cell{"a*c"}, jan_1_2025, Cell{"2025-01-01"}, 5.0};
    const struct {
        Cell criterion;
        int count;
    } measured[] = {
        {Cell{5.0}, 2},           {Cell{"5"}, 3},   {Cell{"="}, 1},   {Cell{""}, 1},
        {Cell{"<>"}, 9},          {Cell{"<>5"}, 7}, {Cell{">4"}, 3},  {Cell{"=0"}, 1},
        {Cell{"abc"}, 2},         {Cell{"a*"}, 3},  {Cell{"a~*c"}, 1}, {Cell{">=2025-01-01"}, 1},
        {Cell{">=45658"}, 1},  // ">="&DATE(2025;1;1)
        {Cell{">a"}, 3},
    };
    for (const auto& m : measured)
        EXPECT_EQ(count(m.criterion, range), m.count)
            << "criterion " << (std::holds_alternative<double>(m.criterion)
                                    ? std::to_string(std::get<double>(m.criterion))
                                    : "\"" + std::get<std::string>(m.criterion) + "\"");
}

// --- the design note's tricky cases (§6.4) that need no office ---------------------

TEST(CriteriaCases, NumbersAndTextsThatLookLikeThem) {
    const std::vector<Cell> cells = {5.0, Cell{"5"}, Cell{"05"}, 15.0, Cell{"15"}};
    EXPECT_EQ(picks(Cell{5.0}, cells), (std::vector<int>{1, 0, 0, 0, 0}));   // 1
    EXPECT_EQ(picks(Cell{"5"}, cells), (std::vector<int>{1, 1, 0, 0, 0}));   // 2
    EXPECT_EQ(picks(Cell{"05"}, cells), (std::vector<int>{1, 0, 1, 0, 0}));  // 3
    EXPECT_EQ(picks(Cell{"<>5"}, cells), (std::vector<int>{0, 0, 1, 1, 1}));
    EXPECT_EQ(picks(Cell{"<>"}, cells), (std::vector<int>{1, 1, 1, 1, 1}));  // 5
}

TEST(CriteriaCases, BlanksAreSelectedByEmptyCriteriaAndNotEquals) {
    const std::vector<Cell> cells = {empty_cell, Cell{""}, 0.0, Cell{"0"}, Cell{"abc"}, Cell{"ABC"}};
    EXPECT_EQ(picks(Cell{"="}, cells), (std::vector<int>{1, 1, 0, 0, 0, 0}));  // 4
    EXPECT_EQ(picks(Cell{""}, cells), (std::vector<int>{1, 1, 0, 0, 0, 0}));
    EXPECT_EQ(picks(Cell{"<>"}, cells), (std::vector<int>{0, 0, 1, 1, 1, 1}));
    EXPECT_EQ(picks(Cell{"<>abc"}, cells), (std::vector<int>{1, 1, 1, 1, 0, 0}));  // 7
    EXPECT_EQ(picks(Cell{"=0"}, cells), (std::vector<int>{0, 0, 1, 1, 0, 0}));     // 10
    // 11: a reference to an empty cell is the number 0: zeros, not blanks, not the text "0".
    EXPECT_EQ(picks(empty_cell, cells), (std::vector<int>{0, 0, 1, 0, 0, 0}));
    EXPECT_EQ(picks(Cell{"<5"}, cells), (std::vector<int>{0, 0, 1, 0, 0, 0}));
}

TEST(CriteriaCases, OrderedComparisonsKeepNumbersAndTextsApart) {
    const std::vector<Cell> cells = {5.0, jan_1_2025, Cell{"2025-01-01"}, Cell{"b"}, Cell{"A"}, empty_cell};
    EXPECT_EQ(picks(Cell{">4"}, cells), (std::vector<int>{1, 1, 0, 0, 0, 0}));            // 8
    EXPECT_EQ(picks(Cell{">=2025-01-01"}, cells), (std::vector<int>{0, 1, 0, 0, 0, 0}));  // 8
    EXPECT_EQ(picks(Cell{"2025-01-01"}, cells), (std::vector<int>{0, 1, 1, 0, 0, 0}));    // 9
    EXPECT_EQ(picks(Cell{">a"}, cells), (std::vector<int>{0, 0, 0, 1, 0, 0}));            // 18
    EXPECT_EQ(picks(Cell{">="}, cells), (std::vector<int>{0, 0, 1, 1, 1, 0}));
    EXPECT_EQ(picks(Cell{"<"}, cells), (std::vector<int>{0, 0, 0, 0, 0, 0}));
    EXPECT_EQ(picks(Cell{"<=a"}, cells), (std::vector<int>{0, 0, 1, 0, 1, 0}));
}

TEST(CriteriaCases, BooleanWordsAreNumbersAndTheirText) {
    // 12: FALSE is 0 (a boolean cell is a number to an add-in), and the text "false" too.
    const std::vector<Cell> cells = {0.0, 1.0, Cell{"false"}, Cell{"FALSE"}, Cell{"no"}, empty_cell};
    EXPECT_EQ(picks(Cell{"FALSE"}, cells), (std::vector<int>{1, 0, 1, 1, 0, 0}));
    EXPECT_EQ(picks(Cell{"TRUE"}, cells), (std::vector<int>{0, 1, 0, 0, 0, 0}));
    EXPECT_EQ(picks(Cell{"<>FALSE"}, cells), (std::vector<int>{0, 1, 0, 0, 1, 1}));
}

TEST(CriteriaCases, CaseIsIgnoredUnlessTheFlagSaysOtherwise) {
    const std::vector<Cell> cells = {Cell{"abc"}, Cell{"ABC"}, Cell{"Abd"}};
    EXPECT_EQ(picks(Cell{"abc"}, cells), (std::vector<int>{1, 1, 0}));  // 13
    CriteriaSettings sensitive;
    sensitive.case_sensitive = true;  // never set for COUNTIFS; the flag is for a future Calc
    EXPECT_EQ(picks(Cell{"abc"}, cells, sensitive), (std::vector<int>{1, 0, 0}));
    EXPECT_EQ(picks(Cell{"a*"}, cells, sensitive), (std::vector<int>{1, 0, 0}));
}

TEST(CriteriaCases, WildcardsAndTheirEscape) {
    const std::vector<Cell> cells = {Cell{"abc"}, Cell{"a*"}, Cell{"a*c"}, Cell{"ab"},
                                     Cell{"a~"}, Cell{"ba"}};
    EXPECT_EQ(picks(Cell{"a*"}, cells), (std::vector<int>{1, 1, 1, 1, 1, 0}));  // 14
    EXPECT_EQ(picks(Cell{"a*"}, cells, with(Pattern::none)), (std::vector<int>{0, 1, 0, 0, 0, 0}));
    EXPECT_EQ(picks(Cell{"a~*c"}, cells), (std::vector<int>{0, 0, 1, 0, 0, 0}));  // 15
    EXPECT_EQ(picks(Cell{"a~b"}, cells), (std::vector<int>{0, 0, 0, 1, 0, 0}));
    EXPECT_EQ(picks(Cell{"a~"}, cells), (std::vector<int>{0, 0, 0, 0, 1, 0}));
    EXPECT_EQ(picks(Cell{"<>a*"}, cells), (std::vector<int>{0, 0, 0, 0, 0, 1}));
    EXPECT_EQ(picks(Cell{"?b*"}, cells), (std::vector<int>{1, 0, 0, 1, 0, 0}));
}

TEST(CriteriaCases, AStarSelectsNumbersByTheirText) {
    // 16: a text criterion meets a number as Calc writes it ("5"), so "*" selects it.
    const std::vector<Cell> cells = {5.0, 0.0, Cell{"x"}, empty_cell, jan_1_2025};
    EXPECT_EQ(picks(Cell{"*"}, cells), (std::vector<int>{1, 1, 1, 0, 1}));
    EXPECT_EQ(picks(Cell{"4*"}, cells), (std::vector<int>{0, 0, 0, 0, 1}));
    EXPECT_EQ(picks(Cell{"<>*"}, cells), (std::vector<int>{0, 0, 0, 1, 0}));
}

TEST(CriteriaCases, WholeCellOffLooksInside) {
    // 19: = and <> find the text inside a cell; numbers still compare by value.
    const std::vector<Cell> cells = {Cell{"abc"}, Cell{"ABBA"}, Cell{"x"}, 5.0, 15.0, Cell{"15"}, empty_cell};
    const CriteriaSettings inside = with(Pattern::wildcard, false);
    EXPECT_EQ(picks(Cell{"b"}, cells, inside), (std::vector<int>{1, 1, 0, 0, 0, 0, 0}));
    EXPECT_EQ(picks(Cell{"5"}, cells, inside), (std::vector<int>{0, 0, 0, 1, 0, 1, 0}));
    EXPECT_EQ(picks(Cell{"<>b"}, cells, inside), (std::vector<int>{0, 0, 1, 1, 1, 1, 1}));
    EXPECT_EQ(picks(Cell{"a*c"}, {Cell{"xabcx"}, Cell{"ab"}}, inside), (std::vector<int>{1, 0}));
    EXPECT_EQ(picks(Cell{""}, cells, inside), (std::vector<int>{0, 0, 0, 0, 0, 0, 1}));
}

TEST(CriteriaCases, RegularExpressions) {
    const CriteriaSettings regex = with(Pattern::regex);
    const std::vector<Cell> cells = {Cell{"abc"}, Cell{"ABC"}, Cell{"a.c"}, Cell{"*"}, Cell{"x"},
                                     5.0, 0.0, 15.0};
    EXPECT_EQ(picks(Cell{"a.c"}, cells, regex), (std::vector<int>{1, 1, 1, 0, 0, 0, 0, 0}));  // 20
    EXPECT_EQ(picks(Cell{"."}, cells, regex), (std::vector<int>{0, 0, 0, 1, 1, 1, 1, 0}));
    EXPECT_EQ(picks(Cell{"*"}, cells, regex), (std::vector<int>{0, 0, 0, 1, 0, 0, 0, 0}));
    EXPECT_EQ(picks(Cell{"a*"}, cells, regex), (std::vector<int>{0, 0, 0, 0, 0, 0, 0, 0}));
    // 21: the whole-cell rule checks the first match's span: "a" is found first in "ab".
    EXPECT_EQ(count(Cell{"a|ab"}, {Cell{"ab"}}, regex), 0);
    EXPECT_EQ(count(Cell{"ab|a"}, {Cell{"ab"}}, regex), 1);
    EXPECT_EQ(count(Cell{"a|ab"}, {Cell{"ab"}}, with(Pattern::regex, false)), 1);
}

TEST(CriteriaCases, NumbersCompareApproximatelyAsCalcDoes) {
    EXPECT_EQ(count(Cell{"=0.3"}, {Cell{0.1 + 0.2}}), 1);  // 23
    EXPECT_EQ(count(Cell{0.3}, {Cell{0.1 + 0.2}}), 1);
    EXPECT_EQ(count(Cell{"<0.3"}, {Cell{0.1 + 0.2}}), 0);
    EXPECT_EQ(count(Cell{"<=0.3"}, {Cell{0.1 + 0.2}}), 1);
    EXPECT_EQ(count(Cell{">0.3"}, {Cell{0.1 + 0.2}}), 0);
    EXPECT_EQ(count(Cell{"<>0.3"}, {Cell{0.1 + 0.2}}), 0);
}

TEST(CriteriaCases, OperatorsAfterTheFirstAreText) {
    const std::vector<Cell> cells = {Cell{"<5"}, Cell{"=a"}, 4.0, Cell{"a"}};
    EXPECT_EQ(picks(Cell{"=<5"}, cells), (std::vector<int>{1, 0, 0, 0}));  // 24
    EXPECT_EQ(picks(Cell{"==a"}, cells), (std::vector<int>{0, 1, 0, 0}));
}

// --- one criterion over many cells ----------------------------------------------

TEST(CriteriaSelector, AnswersAsSelectsDoes) {
    const std::vector<Cell> cells = {5.0, Cell{"5"}, empty_cell, 0.0, Cell{"abc"}, Cell{"ABC"}, Cell{"a*c"},
                                     jan_1_2025, Cell{"2025-01-01"}, Cell{""}, Cell{"b"}, 0.1 + 0.2};
    const char* criteria[] = {"5", "<>5", "", "=", "<>", ">4", "=0", "abc", "a*", "<>a*", "*",
                              ">a", ">=2025-01-01", "2025-01-01", "=0.3", "FALSE", "x"};
    for (const CriteriaSettings& settings :
         {with(Pattern::wildcard), with(Pattern::regex), with(Pattern::none, false)}) {
        for (const char* text : criteria) {
            CriteriaStandIn services;
            const ParsedCriterion parsed =
                saleskpi::parse_criterion(Cell{text}, "criterion 1", settings, services);
            saleskpi::CriterionSelector selector(parsed, settings, services);
            for (int pass = 0; pass < 2; ++pass)  // the second pass answers from memory
                for (const Cell& cell : cells)
                    EXPECT_EQ(selector(cell), saleskpi::selects(parsed, cell, settings, services))
                        << "criterion \"" << text << "\"";
        }
    }
}

TEST(CriteriaSelector, AsksLibreOfficeOncePerDistinctText) {
    CriteriaStandIn services;
    const CriteriaSettings settings;
    saleskpi::CriterionSelector won(
        saleskpi::parse_criterion(Cell{"Won"}, "criterion 1", settings, services), settings, services);
    saleskpi::CriterionSelector ent(
        saleskpi::parse_criterion(Cell{"Ent*"}, "criterion 2", settings, services), settings, services);
    const int upper_before = services.upper_calls;
    int selected = 0;
    for (int row = 0; row < 1000; ++row) {
        const Cell stage{row % 3 == 0 ? "won" : row % 3 == 1 ? "Lost" : "Open"};
        const Cell segment{row % 2 == 0 ? "Enterprise" : "SMB"};
        selected += won(stage) && ent(segment) ? 1 : 0;
    }
    EXPECT_EQ(selected, 167);  // rows 0, 6, 12, ...: multiples of 6 below 1000
    EXPECT_EQ(services.upper_calls - upper_before, 3);
    EXPECT_EQ(services.search_calls, 2);
}
