// Calc arguments of the functions over export rows: text-or-number cells, case-folded text,
// criteria pairs and the document's null date.
#pragma once

#include <string>

#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/i18n/XExtendedTransliteration.hpp>
#include <com/sun/star/uno/XComponentContext.hpp>

#include "convert.hxx"
#include "saleskpi/calendar.hpp"
#include "saleskpi/cells.hpp"
#include "saleskpi/criteria_pairs.hpp"

namespace saleskpi::addin {

using AnySequence = css::uno::Sequence<css::uno::Any>;
// The hidden first argument: the document's settings (its null date).
using DocumentSettings = css::uno::Reference<css::beans::XPropertySet>;

// Text as Calc compares it: case-insensitively, non-ASCII letters included ("É" is "é"),
// through LibreOffice's own transliteration (IGNORE_CASE), never a hand-written table.
class TextFolder {
public:
    explicit TextFolder(const css::uno::Reference<css::uno::XComponentContext>& context);
    std::string operator()(const rtl::OUString& text) const;

private:
    css::uno::Reference<css::i18n::XExtendedTransliteration> transliteration_;
};

// A range of ids or names: each cell a number, text (folded when `fold` is given) or blank.
Cells to_cells(const AnyMatrix& cells, const char* argument, const TextFolder* fold);

// The trailing `criteria_range; criterion` pairs; text folded as Calc compares it.
Criteria to_criteria(const AnySequence& pairs, const TextFolder& fold);

// The document's null date from the settings Calc passes to the hidden first argument.
NullDate null_date(const DocumentSettings& options);

}  // namespace saleskpi::addin
