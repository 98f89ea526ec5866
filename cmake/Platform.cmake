# The extension's platform tokens, computed from the target of the build (so a
# cross-compile gets its own): description.xml takes lower case (linux_x86_64), the
# manifest's media type LibreOffice's spelling (Linux_x86_64); LibreOffice compares both
# case-insensitively.
#
# Sets SALESKPI_PLATFORM (description.xml) and SALESKPI_MANIFEST_PLATFORM (manifest.xml).
if(CMAKE_SYSTEM_NAME STREQUAL "Linux")
  set(_os Linux)
elseif(CMAKE_SYSTEM_NAME STREQUAL "Windows")
  set(_os Windows)
elseif(CMAKE_SYSTEM_NAME STREQUAL "Darwin")
  set(_os MacOSX)
else()
  message(FATAL_ERROR "No LibreOffice platform token for system ${CMAKE_SYSTEM_NAME}")
endif()

string(TOLOWER "${CMAKE_SYSTEM_PROCESSOR}" _cpu)
if(_cpu MATCHES "^(x86_64|amd64|x64)$")
  set(_cpu x86_64)
elseif(_cpu MATCHES "^(aarch64|arm64)$")
  set(_cpu aarch64)
elseif(_cpu MATCHES "^(i[3-6]86|x86)$")
  set(_cpu x86)
else()
  message(FATAL_ERROR "No LibreOffice platform token for processor ${CMAKE_SYSTEM_PROCESSOR}")
endif()

string(TOLOWER "${_os}_${_cpu}" SALESKPI_PLATFORM)
set(SALESKPI_MANIFEST_PLATFORM "${_os}_${_cpu}")
unset(_os)
unset(_cpu)
