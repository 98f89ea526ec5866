// LibreOffice's answers for the criteria module (src/saleskpi/criteria.hpp), from the office's
// own services used as Calc's COUNTIFS uses them: the document's number formatter, the office
// locale's character classification and collator, and TextSearch2 with Calc's options.
#pragma once

#include <vector>

#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/i18n/XCharacterClassification.hpp>
#include <com/sun/star/i18n/XCollator.hpp>
#include <com/sun/star/lang/Locale.hpp>
#include <com/sun/star/uno/XComponentContext.hpp>
#include <com/sun/star/util/XNumberFormatter.hpp>
#include <com/sun/star/util/XTextSearch2.hpp>

#include "saleskpi/criteria.hpp"

namespace saleskpi::addin {

// The document's settings from the property set Calc passes to the hidden argument
// (MatchWholeCell, Wildcards, RegularExpressions; a new document's where one is missing).
// IgnoreCase is not read: COUNTIFS ignores it (measured on 7.4 and 25.2).
CriteriaSettings criteria_settings(const css::uno::Reference<css::beans::XPropertySet>& options);

// The office locale Calc compares texts in: the "Locale setting" of Tools > Options >
// Language Settings, or the system's when it is "Default".
css::lang::Locale office_locale(const css::uno::Reference<css::uno::XComponentContext>& context);

// For one call: services are created on first use, one TextSearch2 per compiled pattern.
class OfficeCriteriaServices final : public CriteriaServices {
public:
    // `document` is the hidden argument: the document model, whose own number formatter reads
    // criteria as COUNTIFS does; without one, the office locale's.
    OfficeCriteriaServices(css::uno::Reference<css::uno::XComponentContext> context,
                           css::uno::Reference<css::beans::XPropertySet> document);

    std::optional<double> read_number(std::string_view text) override;
    std::string number_text(double value) override;
    bool approx_equal(double a, double b) override;
    std::string upper(std::string_view text) override;
    int collate(std::string_view a, std::string_view b, bool case_sensitive) override;
    std::optional<std::size_t> compile(std::string_view pattern, Pattern kind,
                                       const CriteriaSettings& settings) override;
    bool search(std::size_t id, std::string_view text) override;

private:
    const css::lang::Locale& locale();
    css::util::XNumberFormatter& formatter();
    css::uno::Reference<css::util::XTextSearch2> text_search(const rtl::OUString& pattern,
                                                             Pattern kind,
                                                             const CriteriaSettings& settings);

    struct Compiled {
        css::uno::Reference<css::util::XTextSearch2> search;
        bool whole_cell;
    };

    css::uno::Reference<css::uno::XComponentContext> context_;
    css::uno::Reference<css::beans::XPropertySet> document_;
    std::optional<css::lang::Locale> locale_;
    css::uno::Reference<css::util::XNumberFormatter> formatter_;
    css::uno::Reference<css::i18n::XCharacterClassification> characters_;
    css::uno::Reference<css::i18n::XCollator> collator_;
    std::optional<bool> collator_case_sensitive_;
    std::vector<Compiled> compiled_;
};

}  // namespace saleskpi::addin
