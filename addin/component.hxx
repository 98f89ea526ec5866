// The UNO component Calc calls: one method per KPI, generated from the catalogue.
#pragma once

#include <memory>

#include <com/sun/star/lang/XServiceInfo.hpp>
#include <com/sun/star/uno/XComponentContext.hpp>
#include <com/sun/star/uno/Sequence.hxx>
#include <cppuhelper/implbase2.hxx>

#include "convert.hxx"
#include "names.hxx"
#include "row_arguments.hxx"

namespace saleskpi::addin {

// Deliberately not the com.sun.star.sheet.AddIn service: CalcAddIns.xcu describes the
// functions, so Calc loads this library only when a cell first calls one of them.
class Functions final
    : public cppu::WeakImplHelper2<names::Interface, css::lang::XServiceInfo> {
public:
    explicit Functions(css::uno::Reference<css::uno::XComponentContext> context)
        : context_(std::move(context)) {}

#include "functions.decl.inc"

    rtl::OUString SAL_CALL getImplementationName() override;
    sal_Bool SAL_CALL supportsService(const rtl::OUString& name) override;
    css::uno::Sequence<rtl::OUString> SAL_CALL getSupportedServiceNames() override;

private:
    // Created on first use: most functions compare no text.
    const TextFolder& folder();

    css::uno::Reference<css::uno::XComponentContext> context_;
    std::unique_ptr<TextFolder> folder_;
};

}  // namespace saleskpi::addin
