# The UNO component and the .oxt, built from idl/, addin/, packaging/ and the catalogue.
find_package(LibreOfficeSDK REQUIRED)

set(_gen "${SALESKPI_GENERATED_DIR}")
set(_rdb "${_gen}/saleskpi.rdb")
set(_headers "${_gen}/include")
file(MAKE_DIRECTORY "${_gen}")

# IDL -> type library; then C++ headers for it and the core UNO types (~0.2 s, 700 files).
add_custom_command(OUTPUT "${_rdb}"
  COMMAND "${LIBREOFFICE_UNOIDL_WRITE}" "${LIBREOFFICE_TYPES_RDB}" "${LIBREOFFICE_OFFAPI_RDB}"
          "${SALESKPI_IDL}" "${_rdb}"
  DEPENDS "${SALESKPI_IDL}"
  COMMENT "unoidl-write saleskpi.rdb")
add_custom_command(OUTPUT "${_headers}/${SALESKPI_INTERFACE_HEADER}"
  COMMAND "${CMAKE_COMMAND}" -E make_directory "${_headers}"
  COMMAND "${LIBREOFFICE_CPPUMAKER}" -Gc "-O${_headers}"
          "${LIBREOFFICE_TYPES_RDB}" "${_rdb}" "-X${LIBREOFFICE_OFFAPI_RDB}"
  # and the few office (offapi) types the add-in itself uses
  COMMAND "${LIBREOFFICE_CPPUMAKER}" -Gc "-O${_headers}" -Tcom.sun.star.util.Date
          -Tcom.sun.star.i18n.XExtendedTransliteration -Tcom.sun.star.i18n.TransliterationModules
          "${LIBREOFFICE_TYPES_RDB}" "${LIBREOFFICE_OFFAPI_RDB}"
  # and those the criteria read numbers, case, order and patterns with (criteria_services.cxx)
  COMMAND "${LIBREOFFICE_CPPUMAKER}" -Gc "-O${_headers}" -Tcom.sun.star.util.XNumberFormatter
          -Tcom.sun.star.util.NumberFormatsSupplier -Tcom.sun.star.util.NotNumericException
          -Tcom.sun.star.util.XTextSearch2 -Tcom.sun.star.util.SearchOptions2
          -Tcom.sun.star.util.SearchFlags -Tcom.sun.star.util.SearchAlgorithms2
          -Tcom.sun.star.i18n.XCharacterClassification -Tcom.sun.star.i18n.XCollator
          -Tcom.sun.star.i18n.CollatorOptions
          "${LIBREOFFICE_TYPES_RDB}" "${LIBREOFFICE_OFFAPI_RDB}"
  DEPENDS "${_rdb}"
  COMMENT "cppumaker: C++ headers for the UNO types")

# Catalogue -> XCU (names and help for Calc) and the add-in's method glue.
set(_glue "${_gen}/functions.glue.cxx")
set(_glue_decl "${_gen}/functions.decl.inc")
set(_xcu "${_gen}/CalcAddIns.xcu")
foreach(_kind_out IN ITEMS "glue|${_glue}" "glue-declarations|${_glue_decl}" "xcu|${_xcu}")
  string(REPLACE "|" ";" _pair "${_kind_out}")
  list(GET _pair 0 _kind)
  list(GET _pair 1 _out)
  add_custom_command(OUTPUT "${_out}"
    COMMAND ${SALESKPI_CATALOGUE_GENERATOR} "${SALESKPI_CATALOGUE}" ${_kind} "${_out}"
    DEPENDS "${SALESKPI_CATALOGUE}" ${SALESKPI_CATALOGUE_MODULES}
    COMMENT "Generating ${_kind} from the catalogue")
endforeach()

# Calc's arguments -> core values, and the error mapping: a library of its own so that
# tests/addin can test it without an office. It owns the generated UNO headers.
add_library(saleskpi_convert STATIC addin/convert.cxx addin/row_arguments.cxx
  "${_headers}/${SALESKPI_INTERFACE_HEADER}")
target_include_directories(saleskpi_convert PUBLIC addin "${_headers}")
target_link_libraries(saleskpi_convert PUBLIC saleskpi_core LibreOffice::SDK)
saleskpi_target(saleskpi_convert)
# LibreOffice's answers for the core's criteria (src/saleskpi/criteria.hpp).
target_sources(saleskpi_convert PRIVATE addin/criteria_services.cxx)

# The component and its generated method glue: objects of the add-in's library, and of
# tests/addin, which calls the glue as Calc does.
add_library(saleskpi_component OBJECT addin/component.cxx "${_glue}" "${_glue_decl}")
# The permanent names (cmake/Names.cmake) as C++ constants.
configure_file(addin/names.hxx.in "${_gen}/names.hxx" @ONLY)
target_include_directories(saleskpi_component PUBLIC "${_gen}")
target_link_libraries(saleskpi_component PUBLIC saleskpi_convert)
saleskpi_target(saleskpi_component)

add_library(saleskpi_addin MODULE $<TARGET_OBJECTS:saleskpi_component>)
set_target_properties(saleskpi_addin PROPERTIES OUTPUT_NAME saleskpi PREFIX "" SUFFIX ".uno.so")
target_link_libraries(saleskpi_addin PRIVATE saleskpi_convert)
saleskpi_target(saleskpi_addin)
# Every symbol resolved at link time, and only the component constructor exported.
set(_exports "${_gen}/exports.map")
configure_file(addin/exports.map.in "${_exports}" @ONLY)
target_link_options(saleskpi_addin PRIVATE LINKER:-z,defs "LINKER:--version-script=${_exports}")
set_property(TARGET saleskpi_addin APPEND PROPERTY LINK_DEPENDS "${_exports}")

# Package files, then the .oxt zipped by CMake itself.
set(_stage "${CMAKE_CURRENT_BINARY_DIR}/oxt")
include(Identity)  # publisher, license, release notes, icon
include(Templates)  # the English and the Dutch template, each with its thumbnail
include(Minimums)  # the oldest LibreOffice, glibc and libstdc++
include(Platform)  # SALESKPI_PLATFORM, SALESKPI_MANIFEST_PLATFORM from the build's target
set(SALESKPI_LIBRARY_FILE "saleskpi.uno.so")
configure_file(packaging/description.xml.in "${_stage}/description.xml" @ONLY)
configure_file(packaging/manifest.xml.in "${_stage}/META-INF/manifest.xml" @ONLY)
configure_file(packaging/saleskpi.components.in "${_stage}/saleskpi.components" @ONLY)
configure_file(packaging/description-en.txt "${_stage}/description-en.txt" COPYONLY)
configure_file(packaging/description-nl.txt "${_stage}/description-nl.txt" COPYONLY)
configure_file(packaging/Paths.xcu "${_stage}/Paths.xcu" COPYONLY)

set(SALESKPI_OXT "${CMAKE_CURRENT_BINARY_DIR}/saleskpi.oxt")
set(_oxt_files META-INF/manifest.xml description.xml description-en.txt description-nl.txt
    saleskpi.components saleskpi.rdb CalcAddIns.xcu ${SALESKPI_LIBRARY_FILE}
    Paths.xcu ${SALESKPI_TEMPLATE_FILES} ${SALESKPI_IDENTITY_FILES})
add_custom_command(OUTPUT "${SALESKPI_OXT}"
  COMMAND "${CMAKE_COMMAND}" -E copy_if_different "${_rdb}" "${_xcu}"
          "$<TARGET_FILE:saleskpi_addin>" "${_stage}/"
  COMMAND "${CMAKE_COMMAND}" -E rm -f "${SALESKPI_OXT}"
  COMMAND "${CMAKE_COMMAND}" -E tar cf "${SALESKPI_OXT}" --format=zip ${_oxt_files}
  WORKING_DIRECTORY "${_stage}"
  DEPENDS "${_rdb}" "${_xcu}" saleskpi_addin "${_stage}/description.xml"
          "${_stage}/META-INF/manifest.xml" "${_stage}/saleskpi.components"
          "${_stage}/description-en.txt" "${_stage}/description-nl.txt"
          "${_stage}/Paths.xcu" ${SALESKPI_TEMPLATE_DEPENDS} ${SALESKPI_IDENTITY_DEPENDS}
  COMMENT "Packing saleskpi.oxt")
add_custom_target(oxt ALL DEPENDS "${SALESKPI_OXT}")
include(Package)  # cpack -G DEB: the bundled-extension package
