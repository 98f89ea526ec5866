#include "row_arguments.hxx"

#include <string>
#include <utility>
#include <vector>

#include <com/sun/star/i18n/TransliterationModules.hpp>
#include <com/sun/star/lang/Locale.hpp>
#include <com/sun/star/lang/XMultiComponentFactory.hpp>
#include <com/sun/star/util/Date.hpp>
#include <rtl/string.hxx>

namespace saleskpi::addin {

namespace {

std::string utf8(const rtl::OUString& text) {
    const rtl::OString bytes = rtl::OUStringToOString(text, RTL_TEXTENCODING_UTF8);
    return std::string(bytes.getStr(), static_cast<std::size_t>(bytes.getLength()));
}

Cell to_cell(const css::uno::Any& value, const char* argument, const TextFolder* fold) {
    double number = 0.0;
    if (value >>= number)
        return number;
    rtl::OUString text;
    if (!value.hasValue() || ((value >>= text) && text.isEmpty()))
        return Cell{};  // Calc passes an empty cell as ""
    if (value.getValueTypeClass() != css::uno::TypeClass_STRING)
        throw InvalidArgument(std::string(argument) + " holds neither text nor a number");
    return fold ? (*fold)(text) : utf8(text);
}

// A criteria range or criterion: a range, an inline array or a single value.
Cells cells_of(const css::uno::Any& value, const char* argument, const TextFolder& fold) {
    AnyMatrix matrix;
    if (value >>= matrix)
        return to_cells(matrix, argument, &fold);
    return Cells(1, 1, {to_cell(value, argument, &fold)});
}

}  // namespace

TextFolder::TextFolder(const css::uno::Reference<css::uno::XComponentContext>& context) {
    if (context.is())
        transliteration_.set(context->getServiceManager()->createInstanceWithContext(
                                 "com.sun.star.i18n.Transliteration", context),
                             css::uno::UNO_QUERY);
    if (!transliteration_.is())
        throw css::uno::RuntimeException("saleskpi: LibreOffice's transliteration service is missing");
    transliteration_->loadModule(css::i18n::TransliterationModules_IGNORE_CASE,
                                 css::lang::Locale("en", "US", ""));
}

std::string TextFolder::operator()(const rtl::OUString& text) const {
    return utf8(transliteration_->transliterateString2String(text, 0, text.getLength()));
}

Cells to_cells(const AnyMatrix& cells, const char* argument, const TextFolder* fold) {
    const auto rows = static_cast<std::size_t>(cells.getLength());
    const auto cols = rows ? static_cast<std::size_t>(cells[0].getLength()) : 0;
    std::vector<Cell> values;
    values.reserve(rows * cols);
    for (const auto& row : cells) {
        if (static_cast<std::size_t>(row.getLength()) != cols)
            throw InvalidArgument(std::string(argument) + " is not rectangular");
        for (const auto& cell : row)
            values.push_back(to_cell(cell, argument, fold));
    }
    return Cells(rows, cols, std::move(values));
}

// Errors name the pair by its number, as the core's do ("criterion 2 ...").
Criteria to_criteria(const AnySequence& pairs, const TextFolder& fold) {
    const sal_Int32 count = pairs.getLength();
    if (count % 2 != 0)
        throw InvalidArgument("criteria_range " + std::to_string(count / 2 + 1) + " has no criterion");
    Criteria criteria;
    for (sal_Int32 i = 0; i < count; i += 2) {
        const std::string number = std::to_string(i / 2 + 1);
        const std::string range = "criteria_range " + number, value = "criterion " + number;
        Cells criterion = cells_of(pairs[i + 1], value.c_str(), fold);
        if (criterion.size() != 1)
            throw InvalidArgument(value + " must be a single value");
        criteria.push_back(Criterion{cells_of(pairs[i], range.c_str(), fold), criterion[0]});
    }
    return criteria;
}

NullDate null_date(const DocumentSettings& options) {
    css::util::Date date;
    if (!options.is() || !(options->getPropertyValue("NullDate") >>= date))
        return default_null_date;
    return saleskpi::null_date(date.Year, date.Month, date.Day);  // the core's calendar check
}

}  // namespace saleskpi::addin
