# cmake -P: saleskpi_platform() maps CMake's system and processor names to LibreOffice's
# platform tokens (description.xml, manifest), and refuses what it cannot name.
set(CMAKE_SYSTEM_NAME Linux)  # Platform.cmake also names this build's platform
set(CMAKE_SYSTEM_PROCESSOR x86_64)
include("${CMAKE_CURRENT_LIST_DIR}/../../cmake/Platform.cmake")

function(expect system processor token manifest)
  saleskpi_platform("${system}" "${processor}" got got_manifest)
  if(NOT got STREQUAL token OR NOT got_manifest STREQUAL manifest)
    message(FATAL_ERROR "${system}/${processor}: got ${got} and ${got_manifest}, "
                        "expected ${token} and ${manifest}")
  endif()
endfunction()

expect(Linux x86_64 linux_x86_64 Linux_x86_64)
expect(Linux aarch64 linux_aarch64 Linux_aarch64)
expect(Linux i686 linux_x86 Linux_x86)
expect(Windows AMD64 windows_x86_64 Windows_x86_64)
expect(Windows ARM64 windows_aarch64 Windows_aarch64)
expect(Darwin arm64 macosx_aarch64 MacOSX_aarch64)
expect(Darwin x86_64 macosx_x86_64 MacOSX_x86_64)
if(NOT SALESKPI_PLATFORM STREQUAL "linux_x86_64")
  message(FATAL_ERROR "this build's token: ${SALESKPI_PLATFORM}")
endif()

if(DEFINED REFUSE)  # -DREFUSE=<system>: must stop with a message naming it
  saleskpi_platform("${REFUSE}" x86_64 token manifest)
endif()
message(STATUS "ok")
