#include "saleskpi/criteria.hpp"

#include <cmath>
#include <utility>
#include <variant>

#include "checks.hpp"

namespace saleskpi {

namespace {

using Kind = ParsedCriterion::Kind;

struct Operator {
    Comparison op;
    std::string_view rest;
};

// FillInExcelSyntax: one operator at the very start, nothing trimmed ("=<5" is the text "<5").
Operator split_operator(std::string_view text) {
    if (text.starts_with("<>"))
        return {Comparison::not_equal, text.substr(2)};
    if (text.starts_with("<="))
        return {Comparison::less_equal, text.substr(2)};
    if (text.starts_with("<"))
        return {Comparison::less, text.substr(1)};
    if (text.starts_with(">="))
        return {Comparison::greater_equal, text.substr(2)};
    if (text.starts_with(">"))
        return {Comparison::greater, text.substr(1)};
    if (text.starts_with("="))
        return {Comparison::equal, text.substr(1)};
    return {Comparison::equal, text};
}

// = and <> compare texts too (and only they use patterns); < <= > >= compare numbers with
// numbers and texts with texts.
bool is_text_match(Comparison op) { return op == Comparison::equal || op == Comparison::not_equal; }

bool is_blank(const Cell& cell) {
    const auto* text = std::get_if<std::string>(&cell);
    return std::holds_alternative<std::monostate>(cell) || (text && text->empty());
}

bool in_order(int order, Comparison op) {
    switch (op) {
    case Comparison::less: return order < 0;
    case Comparison::less_equal: return order <= 0;
    case Comparison::greater: return order > 0;
    case Comparison::greater_equal: return order >= 0;
    case Comparison::equal: return order == 0;
    case Comparison::not_equal: return order != 0;
    }
    return false;
}

// ScQueryEvaluator::compareByValue.
bool compare_numbers(double cell, const ParsedCriterion& criterion, CriteriaServices& services) {
    const double wanted = criterion.number;
    const bool equal = services.approx_equal(cell, wanted);
    switch (criterion.op) {
    case Comparison::equal: return equal;
    case Comparison::not_equal: return !equal;
    case Comparison::less: return cell < wanted && !equal;
    case Comparison::less_equal: return cell < wanted || equal;
    case Comparison::greater: return cell > wanted && !equal;
    case Comparison::greater_equal: return cell > wanted || equal;
    }
    return false;
}

// compareByString for = and <>: the pattern; else the whole text; else (whole cell off) the
// text anywhere inside, where an empty text is found nowhere (rtl's indexOf).
bool text_matches(const ParsedCriterion& criterion, std::string_view text,
                  const CriteriaSettings& settings, CriteriaServices& services) {
    bool found = false;
    if (criterion.pattern != Pattern::none) {
        found = services.search(criterion.pattern_id, text);
    } else {
        const std::string folded = settings.case_sensitive ? std::string() : services.upper(text);
        const std::string_view cell = settings.case_sensitive ? text : std::string_view(folded);
        const std::string_view wanted = settings.case_sensitive ? criterion.text : criterion.folded;
        found = settings.whole_cell ? cell == wanted
                                    : !wanted.empty() && cell.find(wanted) != std::string_view::npos;
    }
    return criterion.op == Comparison::equal ? found : !found;
}

ParsedCriterion parse_text(std::string_view text, std::string_view argument,
                           const CriteriaSettings& settings, CriteriaServices& services) {
    ParsedCriterion criterion;
    const auto [op, rest] = split_operator(text);
    criterion.op = op;
    criterion.text = std::string(rest);
    // Calc's comment: "(empty = empty) is a match, and (empty <> not-empty) also is a match.
    // (empty = 0) is not a match."
    criterion.match_empty = (op == Comparison::equal && rest.empty()) ||
                            (op == Comparison::not_equal && !rest.empty());
    if (text == "=" || text == "<>") {
        criterion.kind = text == "=" ? Kind::empty : Kind::non_empty;
        return criterion;
    }
    const std::optional<double> number = rest.empty() ? std::nullopt : services.read_number(rest);
    criterion.kind = number ? Kind::number : Kind::text;
    criterion.number = number.value_or(0.0);
    if (!is_text_match(op) || rest.empty())
        return criterion;
    if (criterion.kind == Kind::text)
        criterion.pattern = detect_pattern(rest, settings.patterns);
    if (criterion.pattern == Pattern::none) {
        if (!settings.case_sensitive)
            criterion.folded = services.upper(rest);
        return criterion;
    }
    const std::optional<std::size_t> id = services.compile(rest, criterion.pattern, settings);
    if (!id)
        fail(argument, "(\"" + criterion.text + "\") is not a valid regular expression");
    criterion.pattern_id = *id;
    return criterion;
}

}  // namespace

bool may_be_wildcard(std::string_view text) { return text.find_first_of("*?~") != text.npos; }

// One character other than "." is never a regular expression ("*" is the text "*").
bool may_be_regex(std::string_view text) {
    if (text.empty() || (text.size() == 1 && text[0] != '.'))
        return false;
    return text.find_first_of("?*+.[]^$\\<>()|") != text.npos;
}

Pattern detect_pattern(std::string_view text, Pattern patterns) {
    if ((patterns == Pattern::wildcard && may_be_wildcard(text)) ||
        (patterns == Pattern::regex && may_be_regex(text)))
        return patterns;
    return Pattern::none;
}

ParsedCriterion parse_criterion(const Cell& criterion, std::string_view argument,
                                const CriteriaSettings& settings, CriteriaServices& services) {
    if (const auto* text = std::get_if<std::string>(&criterion))
        return parse_text(*text, argument, settings, services);
    ParsedCriterion number;  // = number, and its text "": never equal to a text
    if (const auto* value = std::get_if<double>(&criterion))
        number.number = *value;
    if (!std::isfinite(number.number))
        fail(argument, number.number, "must be a finite number or a text");
    return number;
}

bool selects(const ParsedCriterion& criterion, const Cell& cell, const CriteriaSettings& settings,
             CriteriaServices& services) {
    if (criterion.kind == Kind::empty || criterion.kind == Kind::non_empty)
        return is_blank(cell) == (criterion.kind == Kind::empty);
    if (is_blank(cell))
        return criterion.match_empty;
    if (const auto* number = std::get_if<double>(&cell)) {
        if (criterion.kind == Kind::number)
            return compare_numbers(*number, criterion, services);
        // A text criterion meets a number as Calc writes it: "*" selects numbers too.
        return is_text_match(criterion.op) &&
               text_matches(criterion, services.number_text(*number), settings, services);
    }
    const std::string& text = std::get<std::string>(cell);
    if (!is_text_match(criterion.op))
        return criterion.kind == Kind::text &&
               in_order(services.collate(text, criterion.text, settings.case_sensitive), criterion.op);
    if (criterion.kind == Kind::number && criterion.text.empty())  // Calc's #i18374#
        return criterion.op == Comparison::not_equal;
    return text_matches(criterion, text, settings, services);
}

CriterionSelector::CriterionSelector(ParsedCriterion criterion, const CriteriaSettings& settings,
                                     CriteriaServices& services)
    : criterion_(std::move(criterion)), settings_(settings), services_(&services) {}

bool CriterionSelector::operator()(const Cell& cell) {
    const Kind kind = criterion_.kind;
    const bool by_kind = kind == Kind::empty || kind == Kind::non_empty;
    if (by_kind || is_blank(cell))
        return selects(criterion_, cell, settings_, *services_);
    // Remembered only where an answer asks LibreOffice about a text.
    if (const auto* number = std::get_if<double>(&cell)) {
        if (kind == Kind::number || !std::isfinite(*number))
            return selects(criterion_, cell, settings_, *services_);
        const auto [at, added] = numbers_.try_emplace(*number, false);
        if (added)
            at->second = selects(criterion_, cell, settings_, *services_);
        return at->second;
    }
    if (kind == Kind::number && (criterion_.text.empty() || !is_text_match(criterion_.op)))
        return selects(criterion_, cell, settings_, *services_);
    const auto [at, added] = texts_.try_emplace(std::get<std::string>(cell), false);
    if (added)
        at->second = selects(criterion_, cell, settings_, *services_);
    return at->second;
}

}  // namespace saleskpi
