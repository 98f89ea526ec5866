#include "component.hxx"

#include <com/sun/star/uno/XComponentContext.hpp>
#include <cppuhelper/supportsservice.hxx>
#include <sal/types.h>

// An optimised build must be fortified (cmake/Flags.cmake; no fortifiable libc call may be
// left to show it in the binary), except under AddressSanitizer, whose interceptors
// FORTIFY's wrappers would bypass. GCC names ASan with a macro, clang with __has_feature.
#if defined(__SANITIZE_ADDRESS__)
#define SALESKPI_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define SALESKPI_ASAN 1
#endif
#endif
#if defined(__OPTIMIZE__) && !defined(_FORTIFY_SOURCE) && !defined(SALESKPI_ASAN)
#error "build the component with -D_FORTIFY_SOURCE=2"
#endif

namespace saleskpi::addin {

rtl::OUString SAL_CALL Functions::getImplementationName() {
    return rtl::OUString::createFromAscii(names::implementation);
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
    const rtl::OUString services[] = {rtl::OUString::createFromAscii(names::service)};
    return css::uno::Sequence<rtl::OUString>(services, 1);
}

}  // namespace saleskpi::addin

// The one symbol this library exports; saleskpi.components and the exports map name it.
extern "C" SAL_DLLPUBLIC_EXPORT css::uno::XInterface* SALESKPI_CONSTRUCTOR(
    css::uno::XComponentContext* context, css::uno::Sequence<css::uno::Any> const&) {
    return cppu::acquire(new saleskpi::addin::Functions(context));
}
