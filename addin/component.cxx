#include "component.hxx"

#include <com/sun/star/uno/XComponentContext.hpp>
#include <cppuhelper/supportsservice.hxx>
#include <sal/types.h>

// The hardening cmake/Flags.cmake sets for optimised builds (its effect cannot be seen in
// the binary when no fortifiable libc call is left). Sanitized builds go without it: FORTIFY's
// wrappers would hide libc calls from ASan's interceptors.
#if defined(__OPTIMIZE__) && !defined(_FORTIFY_SOURCE) && !defined(__SANITIZE_ADDRESS__)
#error "build the component with -D_FORTIFY_SOURCE=2"
#endif

// The constructor's name comes from the catalogue's service name (cmake/Names.cmake).
#ifndef SALESKPI_CONSTRUCTOR
#error "SALESKPI_CONSTRUCTOR must name the component constructor"
#endif

namespace saleskpi::addin {

namespace {
constexpr char implementation_name[] = SALESKPI_IMPLEMENTATION_NAME;
constexpr char service_name[] = SALESKPI_SERVICE_NAME;
}  // namespace

rtl::OUString SAL_CALL Functions::getImplementationName() {
    return rtl::OUString::createFromAscii(implementation_name);
}

sal_Bool SAL_CALL Functions::supportsService(const rtl::OUString& name) {
    return cppu::supportsService(this, name);
}

css::uno::Sequence<rtl::OUString> SAL_CALL Functions::getSupportedServiceNames() {
    const rtl::OUString names[] = {rtl::OUString::createFromAscii(service_name)};
    return css::uno::Sequence<rtl::OUString>(names, 1);
}

}  // namespace saleskpi::addin

// The one symbol this library exports; named in saleskpi.components and exports.map.
extern "C" SAL_DLLPUBLIC_EXPORT css::uno::XInterface* SALESKPI_CONSTRUCTOR(
    css::uno::XComponentContext*, css::uno::Sequence<css::uno::Any> const&) {
    return cppu::acquire(new saleskpi::addin::Functions);
}
