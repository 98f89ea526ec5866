# Warnings, hardening and sanitizers as usage requirements of one INTERFACE target, not
# global flags: saleskpi_target(<target>) puts them on each of our targets, and nothing
# leaks into imported or third-party code.
add_library(saleskpi_flags INTERFACE)
target_compile_options(saleskpi_flags INTERFACE -Wall -Wextra -fstack-protector-strong)
target_link_options(saleskpi_flags INTERFACE LINKER:-z,relro,-z,now)

if(SALESKPI_SANITIZE)
  set(_sanitize -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer)
  target_compile_options(saleskpi_flags INTERFACE ${_sanitize})
  target_link_options(saleskpi_flags INTERFACE -fsanitize=address,undefined)
  # GCC's manual: sanitizers raise the rate of false -Wmaybe-uninitialized warnings (GCC 12
  # at -O2 flags std::variant's copy); shown, but not fatal, in these builds only.
  if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
    target_compile_options(saleskpi_flags INTERFACE -Wno-error=maybe-uninitialized)
  endif()
else()
  # FORTIFY needs optimisation, and under ASan it would hide libc calls from its
  # interceptors. -U first: some compilers (Ubuntu's) predefine a level.
  target_compile_options(saleskpi_flags INTERFACE
    "$<$<NOT:$<CONFIG:Debug>>:-U_FORTIFY_SOURCE;-D_FORTIFY_SOURCE=2>")
endif()

function(saleskpi_target target)
  target_link_libraries(${target} PRIVATE saleskpi_flags)
  set_target_properties(${target} PROPERTIES COMPILE_WARNING_AS_ERROR ON)
endfunction()
