// Criteria as COUNTIFS reads them (CRITERIA.md): what a criterion means and which cells it
// selects. The rules are Calc's own (ScQueryParamBase::FillInExcelSyntax for the grammar,
// ScQueryEvaluator for the comparison); what only LibreOffice knows (numbers and dates as the
// document reads them, upper case, collation, wildcard and regular-expression search) comes
// through CriteriaServices, which the add-in implements with LibreOffice's own services.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "cells.hpp"

namespace saleskpi {

enum class Comparison : std::uint8_t { equal, not_equal, less, less_equal, greater, greater_equal };
enum class Pattern : std::uint8_t { none, wildcard, regex };

// The document's settings that decide text matching (Tools > Options > LibreOffice Calc >
// Calculate); the defaults are a new document's.
struct CriteriaSettings {
    // COUNTIFS never reads the document's "case sensitive" (IgnoreCase): always false.
    bool case_sensitive = false;
    // MatchWholeCell: = and <> compare whole cells; off, they look for the text inside a cell.
    bool whole_cell = true;
    // Wildcards, RegularExpressions, or neither (wildcards win when both are on).
    Pattern patterns = Pattern::wildcard;
};

// One criterion as Calc's query entry holds it.
struct ParsedCriterion {
    enum class Kind : std::uint8_t {
        number,     // compares numbers by value, and texts with `text` (= and <> only)
        text,       // compares texts (and numbers as Calc writes them) with `text`
        empty,      // "=": blank cells only
        non_empty,  // "<>": every cell but blanks
    };
    Kind kind = Kind::number;
    Comparison op = Comparison::equal;
    double number = 0.0;  // kind number
    // The text after the operator, also for a number read from text ("05" stays "05"); ""
    // when the criterion was a number, which then never equals a text.
    std::string text;
    std::string folded;       // text in upper case, unless case-sensitive
    bool match_empty = false;  // blank cells are selected ("" and "<>x")
    Pattern pattern = Pattern::none;  // kind text with = or <>: how `text` matches
    std::size_t pattern_id = 0;       // the services' compiled pattern
};

// What only LibreOffice knows. Texts are UTF-8; the add-in answers with the office's own
// number formatter, character classification, collator and TextSearch2.
class CriteriaServices {
public:
    virtual ~CriteriaServices() = default;
    // The number a text means in the document (its locale's numbers, dates, times,
    // percentages, booleans), or nothing.
    virtual std::optional<double> read_number(std::string_view text) = 0;
    // A number as Calc writes it in a General cell's edit line ("5", "0.5", "45658").
    virtual std::string number_text(double value) = 0;
    // Calc's equality of numbers (rtl::math::approxEqual).
    virtual bool approx_equal(double a, double b) = 0;
    // Upper case in the office locale: case-insensitive texts are equal when these are.
    virtual std::string upper(std::string_view text) = 0;
    // The office locale's order of a and b: < 0, 0 or > 0.
    virtual int collate(std::string_view a, std::string_view b, bool case_sensitive) = 0;
    // A handle for `pattern` compiled with the settings (case, whole cell), or nothing for an
    // invalid regular expression.
    virtual std::optional<std::size_t> compile(std::string_view pattern, Pattern kind,
                                               const CriteriaSettings& settings) = 0;
    // Whether compiled pattern `id` matches `text` (all of it when compiled for whole cells).
    virtual bool search(std::size_t id, std::string_view text) = 0;
};

// Calc's guesses of which texts are patterns (ScInterpreter::MayBeWildcard, MayBeRegExp):
// only these are searched with the document's wildcards or regular expressions.
bool may_be_wildcard(std::string_view text);
bool may_be_regex(std::string_view text);
Pattern detect_pattern(std::string_view text, Pattern patterns);

// A criterion as Calc passes it: a number (an empty cell is the number 0, as COUNTIFS reads
// an empty criterion cell; monostate is taken as that) or a text with an optional operator
// (=, <>, <, <=, >, >=). Throws InvalidArgument naming `argument` ("criterion 2") for a
// number that is not finite or an invalid regular expression.
ParsedCriterion parse_criterion(const Cell& criterion, std::string_view argument,
                                const CriteriaSettings& settings, CriteriaServices& services);

// Whether COUNTIFS would count `cell` for the criterion. A blank is monostate or "" (Calc
// passes empty cells as "").
bool selects(const ParsedCriterion& criterion, const Cell& cell, const CriteriaSettings& settings,
             CriteriaServices& services);

// selects() over many cells of one criteria range, each distinct text's and number's answer
// remembered: export columns repeat owners, stages and dates, and each answer may cost calls
// into LibreOffice.
class CriterionSelector {
public:
    CriterionSelector(ParsedCriterion criterion, const CriteriaSettings& settings,
                      CriteriaServices& services);
    bool operator()(const Cell& cell);
    const ParsedCriterion& criterion() const { return criterion_; }

private:
    ParsedCriterion criterion_;
    CriteriaSettings settings_;
    CriteriaServices* services_;
    std::unordered_map<std::string, bool> texts_;
    std::unordered_map<double, bool> numbers_;
};

}  // namespace saleskpi
