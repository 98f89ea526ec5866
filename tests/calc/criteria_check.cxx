// The criteria module with LibreOffice's own services (addin/criteria_services) against COUNTIFS
// in a running office: for each document setting, criterion and cell, the core's answer must be
// Calc's. A UNO client: test_criteria_services.py starts the office and runs it with its URL.
//   criteria_check <UNO URL of the office's component context>
#include <iostream>
#include <string>
#include <variant>
#include <vector>

#include <com/sun/star/beans/PropertyValue.hpp>
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/bridge/UnoUrlResolver.hpp>
#include <com/sun/star/container/XIndexAccess.hpp>
#include <com/sun/star/frame/Desktop.hpp>
#include <com/sun/star/sheet/XCalculatable.hpp>
#include <com/sun/star/sheet/XCellRangeData.hpp>
#include <com/sun/star/sheet/XSpreadsheetDocument.hpp>
#include <com/sun/star/table/XCell.hpp>
#include <com/sun/star/table/XCellRange.hpp>
#include <com/sun/star/text/XTextRange.hpp>
#include <com/sun/star/util/XCloseable.hpp>
#include <cppuhelper/bootstrap.hxx>
#include <rtl/string.hxx>

#include "criteria_services.hxx"
#include "saleskpi/errors.hpp"

namespace {

using css::uno::Reference;
using css::uno::UNO_QUERY_THROW;
using rtl::OUString;
using saleskpi::Cell;

OUString ustring(const std::string& text) {
    return OUString(text.data(), static_cast<sal_Int32>(text.size()), RTL_TEXTENCODING_UTF8);
}

std::string shown(const Cell& cell) {
    if (const auto* number = std::get_if<double>(&cell))
        return std::to_string(*number);
    if (const auto* text = std::get_if<std::string>(&cell))
        return "\"" + *text + "\"";
    return "blank";
}

// Numbers stay General: a data cell's own format (a date shown as 01/01/2025) is what an add-in
// cannot see (design note §6.6).
const std::vector<Cell> cells = {
    5.0, 0.0, 1.0, -5.0, 0.5, 15.0, 45658.0, 45658.5, 45748.0, 0.1 + 0.2, Cell{}, Cell{},
    "5", "05", "15", "0", "abc", "ABC", "Abd", "a*c", "a?c", "a~c", "a.c", "ab", "b", "xabcx",
    "2025-01-01", "1/4/2025", "FALSE", "true", "été", "ÉTÉ", "straße", "STRASSE", "Won", "won",
    "Lost", "Enterprise", "*", "?", "~", "a b", "Ent*", "<5", "=a"};

// Criteria as a cell holds them: numbers, texts, an empty cell (blank) and ="" (the text "").
const std::vector<Cell> criteria = {
    5.0, 0.0, 0.3, 45658.0, Cell{}, "", "5", "05", "=5", "<>5", ">4", ">=5", "<5", "<=0", "=0",
    "0.3", "<>0.3", "=", "<>", ">=", "<", ">", "<=", "abc", "ABC", "<>abc", ">a", ">=b", "<b",
    "<=abc", ">Z", "a*", "*c", "a?c", "a~*c", "a~?c", "*", "?", "~", "<>a*", "*b*", "ÉT*", "a~",
    "Ent*", "=Ent*", "<>Ent*", "a.c", "a|ab", "ab|a", ".", "a.*", "^a", "c$", "[ab]+", "\\d+",
    "(", "a(", "<>a(", "[a", "2025-01-01", ">=2025-01-01", "<2025-01-01", "1/4/2025",
    ">=1/4/2025", "FALSE", "TRUE", "<>FALSE", "été", "STRASSE", "won", "=<5", "==a", "b", "<>b"};

struct Setting {
    const char* name;
    bool whole_cell, wildcards, regex, ignore_case;
    saleskpi::Pattern patterns;  // what criteria_settings() must read
};

const Setting settings[] = {
    {"new document", true, true, false, true, saleskpi::Pattern::wildcard},
    {"whole cell off", false, true, false, true, saleskpi::Pattern::wildcard},
    {"regular expressions", true, false, true, true, saleskpi::Pattern::regex},
    {"regular expressions, whole cell off", false, false, true, true, saleskpi::Pattern::regex},
    {"no patterns", true, false, false, true, saleskpi::Pattern::none},
    {"case sensitive", true, true, false, false, saleskpi::Pattern::wildcard},
};

void put(const Reference<css::table::XCell>& cell, const Cell& value, bool as_formula) {
    if (const auto* number = std::get_if<double>(&value))
        cell->setValue(*number);
    else if (const auto* text = std::get_if<std::string>(&value))
        as_formula ? cell->setFormula("=\"" + ustring(*text) + "\"")
                   : Reference<css::text::XTextRange>(cell, UNO_QUERY_THROW)->setString(ustring(*text));
    else
        cell->setFormula(OUString());
}

// Mismatches of one document setting.
int check(const Reference<css::uno::XComponentContext>& office,
          const Reference<css::frame::XDesktop2>& desktop, const Setting& setting) {
    css::uno::Sequence<css::beans::PropertyValue> hidden(1);
    hidden.getArray()[0].Name = "Hidden";
    hidden.getArray()[0].Value <<= true;
    const auto document = desktop->loadComponentFromURL("private:factory/scalc", "_blank", 0, hidden);
    const Reference<css::beans::XPropertySet> model(document, UNO_QUERY_THROW);
    model->setPropertyValue("IgnoreCase", css::uno::Any(setting.ignore_case));
    model->setPropertyValue("MatchWholeCell", css::uno::Any(setting.whole_cell));
    model->setPropertyValue("Wildcards", css::uno::Any(setting.wildcards));  // the one wanted last
    model->setPropertyValue("RegularExpressions", css::uno::Any(setting.regex));

    int mismatches = 0;
    const saleskpi::CriteriaSettings read = saleskpi::addin::criteria_settings(model);
    if (read.patterns != setting.patterns || read.whole_cell != setting.whole_cell || read.case_sensitive) {
        std::cout << setting.name << ": criteria_settings() read the document's settings wrong\n";
        ++mismatches;
    }
    const Reference<css::container::XIndexAccess> sheets(
        Reference<css::sheet::XSpreadsheetDocument>(document, UNO_QUERY_THROW)->getSheets(), UNO_QUERY_THROW);
    const Reference<css::table::XCellRange> sheet(sheets->getByIndex(0), UNO_QUERY_THROW);
    const auto rows = static_cast<sal_Int32>(cells.size());
    for (sal_Int32 row = 0; row < rows; ++row) {
        put(sheet->getCellByPosition(0, row), cells[static_cast<std::size_t>(row)], false);
        sheet->getCellByPosition(1, row)->setFormula("=COUNTIFS(A" + OUString::number(row + 1) + ";$C$1)");
    }
    const Reference<css::sheet::XCellRangeData> counts(sheet->getCellRangeByPosition(1, 0, 1, rows - 1),
                                                       UNO_QUERY_THROW);
    saleskpi::addin::OfficeCriteriaServices services(office, model);
    for (const Cell& criterion : criteria) {
        put(sheet->getCellByPosition(2, 0), criterion, true);
        Reference<css::sheet::XCalculatable>(document, UNO_QUERY_THROW)->calculateAll();
        const auto calc = counts->getDataArray();
        std::vector<bool> selected;
        for (const auto& line : calc)
            selected.push_back(line[0].get<double>() != 0.0);
        try {
            const auto parsed = saleskpi::parse_criterion(criterion, "criterion 1", read, services);
            for (std::size_t i = 0; i < cells.size(); ++i) {
                const bool mine = saleskpi::selects(parsed, cells[i], read, services);
                if (mine != selected[i]) {
                    std::cout << setting.name << ": criterion " << shown(criterion) << ", cell "
                              << shown(cells[i]) << ": COUNTIFS " << selected[i] << ", saleskpi " << mine << "\n";
                    ++mismatches;
                }
            }
        } catch (const saleskpi::InvalidArgument& error) {
            // An invalid regular expression: COUNTIFS selects nothing with =, everything with <>.
            const std::string& text = std::get<std::string>(criterion);
            const bool all = text.starts_with("<>");
            for (std::size_t i = 0; i < cells.size(); ++i)
                if (selected[i] != all) {
                    std::cout << setting.name << ": " << error.what() << ", yet COUNTIFS selects "
                              << (all ? "not " : "") << "cell " << shown(cells[i]) << "\n";
                    ++mismatches;
                }
        }
    }
    Reference<css::util::XCloseable>(document, UNO_QUERY_THROW)->close(true);
    std::cout << setting.name << ": " << criteria.size() << " criteria x " << cells.size()
              << " cells, " << mismatches << " mismatches\n";
    return mismatches;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 2) {
        std::cerr << "usage: criteria_check <UNO URL>\n";
        return 2;
    }
    try {
        const auto local = cppu::defaultBootstrap_InitialComponentContext();
        const Reference<css::uno::XComponentContext> office(
            css::bridge::UnoUrlResolver::create(local)->resolve(OUString::createFromAscii(argv[1])),
            UNO_QUERY_THROW);
        const auto desktop = css::frame::Desktop::create(office);
        int mismatches = 0;
        for (const Setting& setting : settings)
            mismatches += check(office, desktop, setting);
        return mismatches == 0 ? 0 : 1;
    } catch (const css::uno::Exception& error) {
        std::cerr << rtl::OUStringToOString(error.Message, RTL_TEXTENCODING_UTF8).getStr() << "\n";
        return 2;
    }
}
