# Finds the LibreOffice program directory and its SDK (Debian: libreoffice-dev).
#
# Cache paths (override with -D...):
#   LIBREOFFICE_PROGRAM_DIR  directory with soffice.bin, unopkg, types.rdb
#   LIBREOFFICE_SDK_DIR      directory with include/, lib/, bin/ of the SDK
#
# Result variables:
#   LibreOfficeSDK_FOUND, LIBREOFFICE_TYPES_RDB, LIBREOFFICE_OFFAPI_RDB,
#   LIBREOFFICE_UNOIDL_WRITE, LIBREOFFICE_CPPUMAKER, LIBREOFFICE_UNOPKG,
#   LIBREOFFICE_SOFFICE_BIN
# Imported targets:
#   LibreOffice::SDK      headers, platform definitions and the URE libraries
#   LibreOffice::Runtime  for executables that run the URE in-process (tests, benchmarks):
#                         the SDK plus the program directory, where the URE libraries'
#                         own dependencies (libreglo.so, ...) live, at link and run time

find_path(LIBREOFFICE_PROGRAM_DIR
  NAMES types.rdb
  PATHS /usr/lib/libreoffice/program /opt/libreoffice/program /usr/lib64/libreoffice/program
  DOC "LibreOffice program directory (holds soffice.bin and types.rdb)")

find_path(LIBREOFFICE_SDK_DIR
  NAMES include/cppuhelper/implbase1.hxx
  PATHS /usr/lib/libreoffice/sdk /opt/libreoffice/sdk /usr/lib64/libreoffice/sdk
  DOC "LibreOffice SDK directory (holds include/, lib/ and bin/)")

if(LIBREOFFICE_PROGRAM_DIR)
  set(LIBREOFFICE_TYPES_RDB "${LIBREOFFICE_PROGRAM_DIR}/types.rdb")
  find_file(LIBREOFFICE_OFFAPI_RDB NAMES offapi.rdb
    PATHS "${LIBREOFFICE_PROGRAM_DIR}/types" NO_DEFAULT_PATH)
  find_program(LIBREOFFICE_UNOPKG NAMES unopkg PATHS "${LIBREOFFICE_PROGRAM_DIR}" NO_DEFAULT_PATH)
  find_program(LIBREOFFICE_SOFFICE_BIN NAMES soffice.bin PATHS "${LIBREOFFICE_PROGRAM_DIR}" NO_DEFAULT_PATH)
endif()

if(LIBREOFFICE_SDK_DIR)
  find_program(LIBREOFFICE_UNOIDL_WRITE NAMES unoidl-write
    PATHS "${LIBREOFFICE_SDK_DIR}/bin" NO_DEFAULT_PATH)
  find_program(LIBREOFFICE_CPPUMAKER NAMES cppumaker
    PATHS "${LIBREOFFICE_SDK_DIR}/bin" NO_DEFAULT_PATH)
  foreach(_lib uno_sal uno_cppu uno_cppuhelpergcc3)
    find_library(LIBREOFFICE_${_lib}_LIBRARY NAMES ${_lib}
      PATHS "${LIBREOFFICE_SDK_DIR}/lib" "${LIBREOFFICE_PROGRAM_DIR}" NO_DEFAULT_PATH)
    list(APPEND _lo_libraries "${LIBREOFFICE_${_lib}_LIBRARY}")
  endforeach()
endif()

include(FindPackageHandleStandardArgs)
find_package_handle_standard_args(LibreOfficeSDK
  REQUIRED_VARS LIBREOFFICE_SDK_DIR LIBREOFFICE_PROGRAM_DIR LIBREOFFICE_OFFAPI_RDB
                LIBREOFFICE_UNOIDL_WRITE LIBREOFFICE_CPPUMAKER LIBREOFFICE_UNOPKG
                LIBREOFFICE_SOFFICE_BIN LIBREOFFICE_uno_sal_LIBRARY
                LIBREOFFICE_uno_cppu_LIBRARY LIBREOFFICE_uno_cppuhelpergcc3_LIBRARY)

if(LibreOfficeSDK_FOUND AND NOT TARGET LibreOffice::SDK)
  add_library(LibreOffice::SDK INTERFACE IMPORTED)
  # The SDK headers select the platform ABI from these macros (sal/types.h).
  set_target_properties(LibreOffice::SDK PROPERTIES
    INTERFACE_INCLUDE_DIRECTORIES "${LIBREOFFICE_SDK_DIR}/include"
    INTERFACE_COMPILE_DEFINITIONS "LINUX;UNX;GCC;CPPU_ENV=gcc3"
    INTERFACE_LINK_LIBRARIES "${_lo_libraries}")
  add_library(LibreOffice::Runtime INTERFACE IMPORTED)
  set_target_properties(LibreOffice::Runtime PROPERTIES
    INTERFACE_LINK_LIBRARIES LibreOffice::SDK
    INTERFACE_LINK_OPTIONS
      "LINKER:-rpath-link,${LIBREOFFICE_PROGRAM_DIR};LINKER:-rpath,${LIBREOFFICE_PROGRAM_DIR}")
endif()

mark_as_advanced(LIBREOFFICE_OFFAPI_RDB LIBREOFFICE_UNOIDL_WRITE LIBREOFFICE_CPPUMAKER
  LIBREOFFICE_UNOPKG LIBREOFFICE_SOFFICE_BIN)
