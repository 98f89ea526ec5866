#include "criteria_services.hxx"

#include <string>
#include <utility>

#include <com/sun/star/beans/NamedValue.hpp>
#include <com/sun/star/beans/UnknownPropertyException.hpp>
#include <com/sun/star/container/XNameAccess.hpp>
#include <com/sun/star/i18n/CollatorOptions.hpp>
#include <com/sun/star/i18n/TransliterationModules.hpp>
#include <com/sun/star/lang/XMultiComponentFactory.hpp>
#include <com/sun/star/lang/XMultiServiceFactory.hpp>
#include <com/sun/star/uno/RuntimeException.hpp>
#include <com/sun/star/util/NotNumericException.hpp>
#include <com/sun/star/util/NumberFormatsSupplier.hpp>
#include <com/sun/star/util/SearchAlgorithms2.hpp>
#include <com/sun/star/util/SearchFlags.hpp>
#include <com/sun/star/util/SearchOptions2.hpp>
#include <com/sun/star/util/XNumberFormatsSupplier.hpp>
#include <rtl/math.hxx>
#include <rtl/string.hxx>
#include <rtl/ustring.hxx>

namespace saleskpi::addin {

namespace {

using css::uno::Reference;
using rtl::OUString;

OUString ustring(std::string_view text) {
    return OUString(text.data(), static_cast<sal_Int32>(text.size()), RTL_TEXTENCODING_UTF8);
}

std::string utf8(const OUString& text) {
    const rtl::OString bytes = rtl::OUStringToOString(text, RTL_TEXTENCODING_UTF8);
    return std::string(bytes.getStr(), static_cast<std::size_t>(bytes.getLength()));
}

template <class Interface>
Reference<Interface> create(const Reference<css::uno::XComponentContext>& context, const char* service) {
    Reference<Interface> instance;
    if (context.is())
        instance.set(context->getServiceManager()->createInstanceWithContext(
                         OUString::createFromAscii(service), context),
                     css::uno::UNO_QUERY);
    if (!instance.is())
        throw css::uno::RuntimeException("saleskpi: a LibreOffice service for criteria is missing: " +
                                         OUString::createFromAscii(service));
    return instance;
}

bool flag(const Reference<css::beans::XPropertySet>& options, const char* name, bool fallback) {
    bool value = fallback;
    if (options.is()) {
        try {
            options->getPropertyValue(OUString::createFromAscii(name)) >>= value;
        } catch (const css::beans::UnknownPropertyException&) {
        }
    }
    return value;
}

OUString configured(const Reference<css::uno::XComponentContext>& context, const char* path,
                    const char* name) {
    const auto provider = create<css::lang::XMultiServiceFactory>(
        context, "com.sun.star.configuration.ConfigurationProvider");
    css::uno::Sequence<css::uno::Any> arguments(1);
    arguments.getArray()[0] <<= css::beans::NamedValue("nodepath", css::uno::Any(OUString::createFromAscii(path)));
    const Reference<css::container::XNameAccess> node(
        provider->createInstanceWithArguments("com.sun.star.configuration.ConfigurationAccess", arguments),
        css::uno::UNO_QUERY_THROW);
    OUString value;
    node->getByName(OUString::createFromAscii(name)) >>= value;
    return value;
}

bool all_in(const OUString& text, sal_Unicode first, sal_Unicode last) {
    for (sal_Int32 i = 0; i < text.getLength(); ++i)
        if (text[i] < first || text[i] > last)
            return false;
    return true;
}

// "nl-NL" and "de" are a language and a country; any other BCP 47 tag LibreOffice keeps as
// language "qlt" with the tag as variant.
css::lang::Locale locale_of(const OUString& tag) {
    const sal_Int32 dash = tag.indexOf('-');
    const OUString language = dash < 0 ? tag : tag.copy(0, dash);
    const OUString country = dash < 0 ? OUString() : tag.copy(dash + 1);
    const bool plain = language.getLength() >= 2 && language.getLength() <= 3 &&
                       all_in(language, 'a', 'z') &&
                       (country.isEmpty() || (country.getLength() == 2 && all_in(country, 'A', 'Z')));
    if (tag.isEmpty())
        return css::lang::Locale("en", "US", OUString());
    return plain ? css::lang::Locale(language, country, OUString()) : css::lang::Locale("qlt", OUString(), tag);
}

}  // namespace

CriteriaSettings criteria_settings(const Reference<css::beans::XPropertySet>& options) {
    CriteriaSettings settings;
    settings.whole_cell = flag(options, "MatchWholeCell", settings.whole_cell);
    // The two are exclusive in Calc; were both on, wildcards would win (ConvertToSearchType).
    if (flag(options, "Wildcards", true))
        settings.patterns = Pattern::wildcard;
    else
        settings.patterns = flag(options, "RegularExpressions", false) ? Pattern::regex : Pattern::none;
    return settings;
}

css::lang::Locale office_locale(const Reference<css::uno::XComponentContext>& context) {
    OUString tag = configured(context, "/org.openoffice.Setup/L10N", "ooSetupSystemLocale");
    if (tag.isEmpty())  // "Default": the system's, as the office read it at start
        tag = configured(context, "/org.openoffice.System/L10N", "Locale");
    return locale_of(tag);
}

OfficeCriteriaServices::OfficeCriteriaServices(Reference<css::uno::XComponentContext> context,
                                               Reference<css::beans::XPropertySet> document)
    : context_(std::move(context)), document_(std::move(document)) {}

const css::lang::Locale& OfficeCriteriaServices::locale() {
    if (!locale_)
        locale_ = office_locale(context_);
    return *locale_;
}

css::util::XNumberFormatter& OfficeCriteriaServices::formatter() {
    if (formatter_.is())
        return *formatter_;
    // The document model is its own formats supplier (the formatter COUNTIFS reads with, with
    // the document's null date); an options-only caller is not: the office locale's then.
    Reference<css::util::XNumberFormatsSupplier> supplier(document_, css::uno::UNO_QUERY);
    if (!supplier.is()) {
        supplier = css::util::NumberFormatsSupplier::createWithDefaultLocale(context_);
        try {
            if (document_.is())
                supplier->getNumberFormatSettings()->setPropertyValue(
                    "NullDate", document_->getPropertyValue("NullDate"));
        } catch (const css::beans::UnknownPropertyException&) {
        }
    }
    formatter_ = create<css::util::XNumberFormatter>(context_, "com.sun.star.util.NumberFormatter");
    formatter_->attachNumberFormatsSupplier(supplier);
    return *formatter_;
}

std::optional<double> OfficeCriteriaServices::read_number(std::string_view text) {
    try {
        return formatter().convertStringToNumber(0, ustring(text));  // format 0: the standard
    } catch (const css::util::NotNumericException&) {
        return std::nullopt;
    }
}

std::string OfficeCriteriaServices::number_text(double value) {
    return utf8(formatter().getInputString(0, value));
}

bool OfficeCriteriaServices::approx_equal(double a, double b) { return rtl::math::approxEqual(a, b); }

std::string OfficeCriteriaServices::upper(std::string_view text) {
    if (!characters_.is())
        characters_ = create<css::i18n::XCharacterClassification>(
            context_, "com.sun.star.i18n.CharacterClassification");
    const OUString cell = ustring(text);
    return utf8(characters_->toUpper(cell, 0, cell.getLength(), locale()));
}

int OfficeCriteriaServices::collate(std::string_view a, std::string_view b, bool case_sensitive) {
    if (!collator_.is())
        collator_ = create<css::i18n::XCollator>(context_, "com.sun.star.i18n.Collator");
    if (collator_case_sensitive_ != case_sensitive) {
        collator_->loadDefaultCollator(
            locale(), case_sensitive ? 0 : css::i18n::CollatorOptions::CollatorOptions_IGNORE_CASE);
        collator_case_sensitive_ = case_sensitive;
    }
    return collator_->compareString(ustring(a), ustring(b));
}

// The options utl::TextSearch builds from Calc's SearchParam (escape '~', whole cell as
// WILD_MATCH_SELECTION for wildcards, case ignored by flag and transliteration).
Reference<css::util::XTextSearch2> OfficeCriteriaServices::text_search(
    const OUString& pattern, Pattern kind, const CriteriaSettings& settings) {
    css::util::SearchOptions2 options;
    options.searchString = pattern;
    options.Locale = locale();
    if (kind == Pattern::wildcard) {
        options.AlgorithmType2 = css::util::SearchAlgorithms2::WILDCARD;
        options.WildcardEscapeCharacter = '~';
        if (settings.whole_cell)
            options.searchFlag |= css::util::SearchFlags::WILD_MATCH_SELECTION;
    } else if (kind == Pattern::regex) {
        options.AlgorithmType2 = css::util::SearchAlgorithms2::REGEXP;
        options.algorithmType = css::util::SearchAlgorithms_REGEXP;
    } else {
        options.AlgorithmType2 = css::util::SearchAlgorithms2::ABSOLUTE;
    }
    if (!settings.case_sensitive) {
        options.searchFlag |= css::util::SearchFlags::ALL_IGNORE_CASE;
        options.transliterateFlags |= css::i18n::TransliterationModules_IGNORE_CASE;
    }
    auto search = create<css::util::XTextSearch2>(context_, "com.sun.star.util.TextSearch2");
    search->setOptions2(options);
    return search;
}

std::optional<std::size_t> OfficeCriteriaServices::compile(std::string_view pattern, Pattern kind,
                                                           const CriteriaSettings& settings) {
    const OUString text = ustring(pattern);
    // TextSearch2 hides an invalid regular expression (it then finds nothing). "|" + P finds
    // the empty text exactly when P compiles: checked against Calc's REGEX() on 7.4 and 25.2.
    if (kind == Pattern::regex &&
        text_search("|" + text, kind, settings)->searchForward(OUString(), 0, 0).subRegExpressions <= 0)
        return std::nullopt;
    compiled_.push_back(Compiled{text_search(text, kind, settings), settings.whole_cell});
    return compiled_.size() - 1;
}

bool OfficeCriteriaServices::search(std::size_t id, std::string_view text) {
    const Compiled& compiled = compiled_.at(id);
    const OUString cell = ustring(text);
    const css::util::SearchResult found = compiled.search->searchForward(cell, 0, cell.getLength());
    if (found.subRegExpressions <= 0 || found.startOffset.getLength() == 0)
        return false;
    // Calc's whole-cell rule checks the first match's span, also for regular expressions.
    return !compiled.whole_cell ||
           (found.startOffset[0] == 0 && found.endOffset[0] == cell.getLength());
}

}  // namespace saleskpi::addin
