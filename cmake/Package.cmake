# A Debian package for administrators: the unpacked extension as a *bundled* extension in
# /usr/lib/libreoffice/share/extensions/saleskpi/, which every user's LibreOffice picks up
# at its next start (libreoffice-common's dpkg trigger on that folder re-syncs; no
# maintainer script runs unopkg). Built with `cpack -G DEB` in the build tree:
#   build/saleskpi_<version>_amd64.deb, dependencies from dpkg-shlibdeps.
# Included by Addin.cmake after it lists the .oxt's files (_stage, _oxt_files).
set(SALESKPI_BUNDLED_DIR "lib/libreoffice/share/extensions/saleskpi")
foreach(_file IN LISTS _oxt_files)
  get_filename_component(_dir "${_file}" DIRECTORY)
  install(FILES "${_stage}/${_file}" DESTINATION "${SALESKPI_BUNDLED_DIR}/${_dir}")
endforeach()

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME saleskpi)
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_PACKAGE_CONTACT "saleskpi maintainers <saleskpi@invalid>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
set(CPACK_PACKAGE_DESCRIPTION
    "Sales and SaaS KPIs (LTV, CAC, funnel, pipeline, subscription) as LibreOffice Calc functions, installed as a bundled extension for every user.")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_PACKAGE_DIRECTORY "${PROJECT_BINARY_DIR}/package")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)  # saleskpi_<version>_<arch>.deb
set(CPACK_DEBIAN_PACKAGE_SECTION editors)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)     # libc6, libstdc++6, libuno-* from the library
# The office itself (the library needs only its UNO runtime): Calc, desktop or headless.
set(CPACK_DEBIAN_PACKAGE_DEPENDS
    "libreoffice-calc (>= 4:${SALESKPI_MIN_LIBREOFFICE}) | libreoffice-calc-nogui (>= 4:${SALESKPI_MIN_LIBREOFFICE})")
set(CPACK_STRIP_FILES OFF)  # the library is linked as shipped in the .oxt
include(CPack)

# One .oxt for several platforms: this build's .oxt merged with the .oxt files of builds for
# other platforms (scripts/build-aarch64.sh; Windows and macOS as docs/platforms.md says) by
# scripts/merge-oxt.py. When given, the Calc tests install the merged .oxt.
set(SALESKPI_MERGE_OXTS "" CACHE STRING
    "The saleskpi.oxt of builds for other platforms, merged with this one into saleskpi-multiplatform.oxt")
if(SALESKPI_MERGE_OXTS)
  set(SALESKPI_SINGLE_OXT "${SALESKPI_OXT}")
  set(SALESKPI_OXT "${CMAKE_CURRENT_BINARY_DIR}/saleskpi-multiplatform.oxt")
  add_custom_command(OUTPUT "${SALESKPI_OXT}"
    COMMAND Python3::Interpreter "${CMAKE_CURRENT_SOURCE_DIR}/scripts/merge-oxt.py"
            "${SALESKPI_OXT}" "${SALESKPI_SINGLE_OXT}" ${SALESKPI_MERGE_OXTS}
    DEPENDS "${SALESKPI_SINGLE_OXT}" ${SALESKPI_MERGE_OXTS} "${CMAKE_CURRENT_SOURCE_DIR}/scripts/merge-oxt.py"
    COMMENT "Merging saleskpi.oxt with ${SALESKPI_MERGE_OXTS}")
  add_custom_target(oxt_multiplatform ALL DEPENDS "${SALESKPI_OXT}")
endif()
