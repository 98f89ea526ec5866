// A stand-in for LibreOffice's services behind the criteria, for tests only: ASCII upper case
// and order, numbers as C reads them plus ISO dates and TRUE/FALSE, a small wildcard matcher
// and std::regex. The real answers come from the office (addin/criteria_services.cxx).
#pragma once

#include <cctype>
#include <charconv>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <optional>
#include <regex>
#include <string>
#include <string_view>
#include <vector>

#include "saleskpi/criteria.hpp"

namespace saleskpi_test {

class CriteriaStandIn : public saleskpi::CriteriaServices {
public:
    std::optional<double> read_number(std::string_view text) override {
        ++calls;
        if (fold(text) == "TRUE" || fold(text) == "FALSE")
            return fold(text) == "TRUE" ? 1.0 : 0.0;
        if (const auto day = iso_date(text))
            return day;
        if (text.empty() || text.find_first_not_of("0123456789.eE+-") != text.npos)
            return std::nullopt;
        const std::string_view digits = text[0] == '+' ? text.substr(1) : text;
        double value = 0.0;
        const auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
        if (error != std::errc() || end != digits.data() + digits.size())
            return std::nullopt;
        return value;
    }

    std::string number_text(double value) override {
        ++calls;
        char text[32];
        std::snprintf(text, sizeof text, "%.15g", value);
        return text;
    }

    bool approx_equal(double a, double b) override {  // rtl's idea: 2^-48 relative
        if (a == b)
            return true;
        if (a == 0.0 || b == 0.0 || !std::isfinite(a - b))
            return false;
        const double d = std::fabs(a - b);
        return d < std::fabs(a) * 0x1p-48 && d < std::fabs(b) * 0x1p-48;
    }

    std::string upper(std::string_view text) override {
        ++calls;
        ++upper_calls;
        return fold(text);
    }

    int collate(std::string_view a, std::string_view b, bool case_sensitive) override {
        ++calls;
        const int order = fold(a).compare(fold(b));
        return order != 0 || !case_sensitive ? order : std::string(a).compare(b);
    }

    std::optional<std::size_t> compile(std::string_view pattern, saleskpi::Pattern kind,
                                       const saleskpi::CriteriaSettings& settings) override {
        ++calls;
        Compiled compiled{std::string(pattern), kind, settings, {}};
        if (kind == saleskpi::Pattern::regex) {
            try {
                auto flags = std::regex::ECMAScript;
                if (!settings.case_sensitive)
                    flags |= std::regex::icase;
                compiled.regex = std::regex(compiled.pattern, flags);
            } catch (const std::regex_error&) {
                return std::nullopt;
            }
        }
        compiled_.push_back(std::move(compiled));
        return compiled_.size() - 1;
    }

    bool search(std::size_t id, std::string_view text) override {
        ++calls;
        ++search_calls;
        const Compiled& c = compiled_.at(id);
        const bool whole = c.settings.whole_cell, fold = !c.settings.case_sensitive;
        if (c.kind == saleskpi::Pattern::regex) {
            std::match_results<std::string_view::const_iterator> found;
            if (!std::regex_search(text.begin(), text.end(), found, c.regex))
                return false;
            // Calc's whole-cell rule is a check of the first match's span, not an anchor.
            return !whole || (found.position(0) == 0 &&
                              static_cast<std::size_t>(found.length(0)) == text.size());
        }
        for (std::size_t start = 0; start <= (whole ? 0 : text.size()); ++start)
            if (wild(c.pattern, text.substr(start), whole, fold))
                return true;
        return false;
    }

    int calls = 0;
    int upper_calls = 0;
    int search_calls = 0;

private:
    struct Compiled {
        std::string pattern;
        saleskpi::Pattern kind;
        saleskpi::CriteriaSettings settings;
        std::regex regex;
    };

    static std::string fold(std::string_view text) {
        std::string folded(text);
        for (char& c : folded)
            c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        return folded;
    }

    // "2025-01-01" as a Calc serial (null date 1899-12-30).
    static std::optional<double> iso_date(std::string_view text) {
        int y = 0;
        unsigned m = 0, d = 0;
        char tail = 0;
        if (text.size() != 10 ||
            std::sscanf(std::string(text).c_str(), "%4d-%2u-%2u%c", &y, &m, &d, &tail) != 3)
            return std::nullopt;
        const std::chrono::year_month_day day{std::chrono::year{y}, std::chrono::month{m},
                                              std::chrono::day{d}};
        if (!day.ok())
            return std::nullopt;
        using std::chrono::sys_days;
        const sys_days null_date{std::chrono::year{1899} / 12 / 30};
        return static_cast<double>((sys_days{day} - null_date).count());
    }

    // Whether wildcard pattern p matches the start of t (all of t when whole): * any run,
    // ? one character, ~ makes the next character literal when there is one.
    static bool wild(std::string_view p, std::string_view t, bool whole, bool fold) {
        if (p.empty())
            return !whole || t.empty();
        if (p[0] == '*') {
            for (std::size_t skip = 0; skip <= t.size(); ++skip)
                if (wild(p.substr(1), t.substr(skip), whole, fold))
                    return true;
            return false;
        }
        if (t.empty())
            return false;
        if (p[0] == '?')
            return wild(p.substr(1), t.substr(1), whole, fold);
        const bool escaped = p[0] == '~' && p.size() > 1;
        const char want = escaped ? p[1] : p[0];
        const auto same = fold ? std::toupper(static_cast<unsigned char>(want)) ==
                                     std::toupper(static_cast<unsigned char>(t[0]))
                               : want == t[0];
        return same && wild(p.substr(escaped ? 2 : 1), t.substr(1), whole, fold);
    }

    std::vector<Compiled> compiled_;
};

}  // namespace saleskpi_test
