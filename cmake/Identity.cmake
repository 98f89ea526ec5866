# What the Extension Manager and the template manager show of saleskpi: publisher, license,
# release notes, an icon drawn from packaging/icon.svg, and the template's thumbnail drawn
# from its own dashboard. Included by Addin.cmake before it configures description.xml;
# adds SALESKPI_IDENTITY_FILES (paths in the .oxt) and SALESKPI_IDENTITY_DEPENDS.
# Needs rsvg-convert (librsvg2-bin) and pdftoppm (poppler-utils); no network.
set(SALESKPI_PUBLISHER_URL "" CACHE STRING "The publisher's web address shown in the Extension Manager (none when empty)")
if(SALESKPI_PUBLISHER_URL)
  set(SALESKPI_PUBLISHER_LINK " xlink:href=\"${SALESKPI_PUBLISHER_URL}\"")
else()
  set(SALESKPI_PUBLISHER_LINK "")
endif()

find_program(SALESKPI_RSVG_CONVERT rsvg-convert REQUIRED)
find_program(SALESKPI_PDFTOPPM pdftoppm REQUIRED)
set(SALESKPI_THUMBNAIL_TOOL "${CMAKE_CURRENT_SOURCE_DIR}/tools/thumbnail.py")
set(SALESKPI_UNO_PYTHON "/usr/bin/python3" CACHE FILEPATH "A python3 that has the uno module (python3-uno)")

configure_file(LICENSE "${_stage}/LICENSE" COPYONLY)
configure_file(packaging/release-notes-en.txt "${_stage}/release-notes-en.txt" @ONLY)
configure_file(packaging/release-notes-nl.txt "${_stage}/release-notes-nl.txt" @ONLY)

add_custom_command(OUTPUT "${_stage}/icon.png"
  COMMAND "${SALESKPI_RSVG_CONVERT}" -w 42 -h 42 -o "${_stage}/icon.png"
          "${CMAKE_CURRENT_SOURCE_DIR}/packaging/icon.svg"
  DEPENDS "${CMAKE_CURRENT_SOURCE_DIR}/packaging/icon.svg"
  COMMENT "Rendering the extension icon")

# The thumbnail is drawn from a copy of the template generated for it (so the template in
# the .oxt can then be rewritten with the thumbnail inside without making it stale).
set(_thumbnail_dir "${SALESKPI_GENERATED_DIR}/thumbnail")
set(_thumbnail "${_thumbnail_dir}/thumbnail.png")
add_custom_command(OUTPUT "${_thumbnail}"
  COMMAND "${CMAKE_COMMAND}" -E make_directory "${_thumbnail_dir}"
  COMMAND Python3::Interpreter "${SALESKPI_WORKBOOK_GENERATOR}" "${SALESKPI_CATALOGUE}" template
          "${_thumbnail_dir}/template.ots"
  COMMAND "${CMAKE_COMMAND}" -E env "PYTHONPATH=${CMAKE_CURRENT_SOURCE_DIR}/tools"
          "LIBREOFFICE_PROGRAM_DIR=${LIBREOFFICE_PROGRAM_DIR}" PYTHONDONTWRITEBYTECODE=1
          "${SALESKPI_UNO_PYTHON}" "${SALESKPI_THUMBNAIL_TOOL}" render
          "${_thumbnail_dir}/template.ots" "${_thumbnail}"
  DEPENDS "${SALESKPI_WORKBOOK_GENERATOR}" "${SALESKPI_ODF_WRITER}" "${SALESKPI_CATALOGUE}"
          "${SALESKPI_THUMBNAIL_TOOL}" "${CMAKE_CURRENT_SOURCE_DIR}/tools/office.py"
  COMMENT "Rendering the template's thumbnail from its dashboard (private headless Calc)")
add_custom_command(OUTPUT "${_thumbnail_dir}/embedded.stamp"
  COMMAND Python3::Interpreter "${SALESKPI_THUMBNAIL_TOOL}" embed "${_stage}/${_template}" "${_thumbnail}"
  COMMAND "${CMAKE_COMMAND}" -E touch "${_thumbnail_dir}/embedded.stamp"
  DEPENDS "${_thumbnail}" "${_stage}/${_template}"
  COMMENT "Putting the thumbnail into the template")

set(SALESKPI_IDENTITY_FILES LICENSE release-notes-en.txt release-notes-nl.txt icon.png)
set(SALESKPI_IDENTITY_DEPENDS "${_stage}/LICENSE" "${_stage}/release-notes-en.txt"
    "${_stage}/release-notes-nl.txt" "${_stage}/icon.png" "${_thumbnail_dir}/embedded.stamp")
