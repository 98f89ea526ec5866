# The extension's LibreOffice platform token, computed from what the build targets (so a
# cross-compile gets its own), never written by hand.
#
#   saleskpi_platform(<system> <processor> <out_token> <out_manifest_token>)
#     Maps a CMAKE_SYSTEM_NAME / CMAKE_SYSTEM_PROCESSOR pair to LibreOffice's tokens:
#     <out_token> for description.xml's <platform value=...> (lower case: linux_x86_64),
#     <out_manifest_token> for the manifest's ";platform=" media type (LibreOffice's own
#     spelling: Linux_x86_64; it compares both case-insensitively). Fails for a pair
#     LibreOffice has no token for. Use it to name the other platforms of a multi-platform
#     .oxt.
#
# For this build it sets SALESKPI_PLATFORM and SALESKPI_MANIFEST_PLATFORM.
function(saleskpi_platform system processor out_token out_manifest_token)
  if(system STREQUAL "Linux")
    set(os Linux)
  elseif(system STREQUAL "Windows")
    set(os Windows)
  elseif(system STREQUAL "Darwin")
    set(os MacOSX)
  else()
    message(FATAL_ERROR "No LibreOffice platform token for system ${system}")
  endif()

  string(TOLOWER "${processor}" cpu)
  if(cpu MATCHES "^(x86_64|amd64|x64)$")
    set(cpu x86_64)
  elseif(cpu MATCHES "^(aarch64|arm64)$")
    set(cpu aarch64)
  elseif(cpu MATCHES "^(i[3-6]86|x86)$")
    set(cpu x86)
  else()
    message(FATAL_ERROR "No LibreOffice platform token for processor ${processor}")
  endif()

  string(TOLOWER "${os}_${cpu}" token)
  set(${out_token} "${token}" PARENT_SCOPE)
  set(${out_manifest_token} "${os}_${cpu}" PARENT_SCOPE)
endfunction()

saleskpi_platform("${CMAKE_SYSTEM_NAME}" "${CMAKE_SYSTEM_PROCESSOR}"
                  SALESKPI_PLATFORM SALESKPI_MANIFEST_PLATFORM)
