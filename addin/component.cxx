#include "component.hxx"

#include <com/sun/star/uno/XComponentContext.hpp>
#include <cppuhelper/supportsservice.hxx>
#include <sal/types.h>

// The hardening CMake sets for optimised builds (its effect cannot be seen in the binary
// when no fortifiable libc call is left).
#if defined(__OPTIMIZE__) && !defined(_FORTIFY_SOURCE)
#error "build the component with -D_FORTIFY_SOURCE=2"
#endif

namespace saleskpi::addin {

namespace {
constexpr char implementation_name[] = SALESKPI_IMPLEMENTATION_NAME;
constexpr char service_name[] = SALESKPI_SERVICE_NAME;
}  // namespace

rtl::OUString SAL_CALL Functions::getImplementationName() {
    return rtl::OUString::createFromAscii(implementation_name);
}

const TextFolder& Functions::folder() {
    if (!folder_)
        folder_ = std::make_unique<TextFolder>(context_);
    return *folder_;
}

sal_Bool SAL_CALL Functions::supportsService(const rtl::OUString& name) {
    return cppu::supportsService(this, name);
}

css::uno::Sequence<rtl::OUString> SAL_CALL Functions::getSupportedServiceNames() {
    const rtl::OUString names[] = {rtl::OUString::createFromAscii(service_name)};
    return css::uno::Sequence<rtl::OUString>(names, 1);
}

}  // namespace saleskpi::addin

// The one symbol this library exports; named in saleskpi.components.
extern "C" SAL_DLLPUBLIC_EXPORT css::uno::XInterface* org_saleskpi_Functions_get_implementation(
    css::uno::XComponentContext* context, css::uno::Sequence<css::uno::Any> const&) {
    return cppu::acquire(new saleskpi::addin::Functions(context));
}
