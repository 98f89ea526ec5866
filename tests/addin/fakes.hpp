// Stand-ins for the office services the add-in asks for, so row_arguments.cxx runs without an office:
// a component context whose service manager makes one Transliteration, and the document
// settings Calc passes to the hidden first argument.
#pragma once

#include <optional>
#include <utility>

#include <com/sun/star/beans/UnknownPropertyException.hpp>
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/i18n/XExtendedTransliteration.hpp>
#include <com/sun/star/lang/XMultiComponentFactory.hpp>
#include <com/sun/star/uno/XComponentContext.hpp>
#include <com/sun/star/util/Date.hpp>
#include <cppuhelper/implbase1.hxx>
#include <cppuhelper/implbase2.hxx>

namespace saleskpi_addin_test {

namespace uno = css::uno;

[[noreturn]] inline void not_faked() { throw uno::RuntimeException("not part of the fake"); }

// Folds ASCII letters to lower case and remembers the module it was asked to load: enough to
// see that the add-in asks for IGNORE_CASE and folds both sides of a comparison.
class FakeTransliteration final : public cppu::WeakImplHelper1<css::i18n::XExtendedTransliteration> {
public:
    explicit FakeTransliteration(std::optional<css::i18n::TransliterationModules>& loaded)
        : loaded_(loaded) {}

    rtl::OUString SAL_CALL transliterateString2String(const rtl::OUString& text, sal_Int32 start,
                                                      sal_Int32 count) override {
        return text.copy(start, count).toAsciiLowerCase();
    }
    void SAL_CALL loadModule(css::i18n::TransliterationModules module,
                             const css::lang::Locale&) override {
        loaded_ = module;
    }

    rtl::OUString SAL_CALL transliterateChar2String(sal_Unicode) override { not_faked(); }
    sal_Unicode SAL_CALL transliterateChar2Char(sal_Unicode) override { not_faked(); }
    rtl::OUString SAL_CALL getName() override { not_faked(); }
    sal_Int16 SAL_CALL getType() override { not_faked(); }
    void SAL_CALL loadModuleNew(const uno::Sequence<css::i18n::TransliterationModulesNew>&,
                                const css::lang::Locale&) override { not_faked(); }
    void SAL_CALL loadModuleByImplName(const rtl::OUString&, const css::lang::Locale&) override {
        not_faked();
    }
    void SAL_CALL loadModulesByImplNames(const uno::Sequence<rtl::OUString>&,
                                         const css::lang::Locale&) override { not_faked(); }
    uno::Sequence<rtl::OUString> SAL_CALL getAvailableModules(const css::lang::Locale&,
                                                              sal_Int16) override { not_faked(); }
    rtl::OUString SAL_CALL transliterate(const rtl::OUString&, sal_Int32, sal_Int32,
                                         uno::Sequence<sal_Int32>&) override { not_faked(); }
    rtl::OUString SAL_CALL folding(const rtl::OUString&, sal_Int32, sal_Int32,
                                   uno::Sequence<sal_Int32>&) override { not_faked(); }
    sal_Bool SAL_CALL equals(const rtl::OUString&, sal_Int32, sal_Int32, sal_Int32&,
                             const rtl::OUString&, sal_Int32, sal_Int32, sal_Int32&) override {
        not_faked();
    }
    uno::Sequence<rtl::OUString> SAL_CALL transliterateRange(const rtl::OUString&,
                                                             const rtl::OUString&) override {
        not_faked();
    }
    sal_Int32 SAL_CALL compareSubstring(const rtl::OUString&, sal_Int32, sal_Int32,
                                        const rtl::OUString&, sal_Int32, sal_Int32) override {
        not_faked();
    }
    sal_Int32 SAL_CALL compareString(const rtl::OUString&, const rtl::OUString&) override {
        not_faked();
    }

private:
    std::optional<css::i18n::TransliterationModules>& loaded_;
};

// A component context that is its own service manager; it makes a FakeTransliteration when
// `with_transliteration`, and nothing else.
class FakeContext final
    : public cppu::WeakImplHelper2<uno::XComponentContext, css::lang::XMultiComponentFactory> {
public:
    explicit FakeContext(bool with_transliteration) : with_transliteration_(with_transliteration) {}

    // The module the last transliteration made here was asked to load.
    std::optional<css::i18n::TransliterationModules> loaded;

    uno::Reference<css::lang::XMultiComponentFactory> SAL_CALL getServiceManager() override {
        return this;
    }
    uno::Reference<uno::XInterface> SAL_CALL createInstanceWithContext(
        const rtl::OUString& service, const uno::Reference<uno::XComponentContext>&) override {
        if (with_transliteration_ && service == "com.sun.star.i18n.Transliteration")
            return static_cast<cppu::OWeakObject*>(new FakeTransliteration(loaded));
        return {};
    }

    uno::Any SAL_CALL getValueByName(const rtl::OUString&) override { return {}; }
    uno::Reference<uno::XInterface> SAL_CALL createInstanceWithArgumentsAndContext(
        const rtl::OUString&, const uno::Sequence<uno::Any>&,
        const uno::Reference<uno::XComponentContext>&) override {
        not_faked();
    }
    uno::Sequence<rtl::OUString> SAL_CALL getAvailableServiceNames() override { not_faked(); }

private:
    bool with_transliteration_;
};

// The document settings: NullDate holds `null_date` (a void Any: the property is missing).
class FakeSettings final : public cppu::WeakImplHelper1<css::beans::XPropertySet> {
public:
    explicit FakeSettings(uno::Any null_date) : null_date_(std::move(null_date)) {}

    uno::Any SAL_CALL getPropertyValue(const rtl::OUString& name) override {
        if (name != "NullDate")
            throw css::beans::UnknownPropertyException(name);
        return null_date_;
    }

    uno::Reference<css::beans::XPropertySetInfo> SAL_CALL getPropertySetInfo() override {
        not_faked();
    }
    void SAL_CALL setPropertyValue(const rtl::OUString&, const uno::Any&) override { not_faked(); }
    void SAL_CALL addPropertyChangeListener(
        const rtl::OUString&, const uno::Reference<css::beans::XPropertyChangeListener>&) override {
        not_faked();
    }
    void SAL_CALL removePropertyChangeListener(
        const rtl::OUString&, const uno::Reference<css::beans::XPropertyChangeListener>&) override {
        not_faked();
    }
    void SAL_CALL addVetoableChangeListener(
        const rtl::OUString&, const uno::Reference<css::beans::XVetoableChangeListener>&) override {
        not_faked();
    }
    void SAL_CALL removeVetoableChangeListener(
        const rtl::OUString&, const uno::Reference<css::beans::XVetoableChangeListener>&) override {
        not_faked();
    }

private:
    uno::Any null_date_;
};

}  // namespace saleskpi_addin_test
