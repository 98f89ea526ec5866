# What the Extension Manager shows of saleskpi: publisher, license, release notes and an
# icon drawn from packaging/icon.svg (the templates' thumbnails: Templates.cmake). Included
# by Addin.cmake before it configures description.xml; adds SALESKPI_IDENTITY_FILES (paths
# in the .oxt) and SALESKPI_IDENTITY_DEPENDS. Needs rsvg-convert (librsvg2-bin); no network.
set(SALESKPI_PUBLISHER_URL "" CACHE STRING "The publisher's web address shown in the Extension Manager (none when empty)")
if(SALESKPI_PUBLISHER_URL)
  set(SALESKPI_PUBLISHER_LINK " xlink:href=\"${SALESKPI_PUBLISHER_URL}\"")
else()
  set(SALESKPI_PUBLISHER_LINK "")
endif()

find_program(SALESKPI_RSVG_CONVERT rsvg-convert REQUIRED)

configure_file(LICENSE "${_stage}/LICENSE" COPYONLY)
configure_file(packaging/release-notes-en.txt "${_stage}/release-notes-en.txt" @ONLY)
configure_file(packaging/release-notes-nl.txt "${_stage}/release-notes-nl.txt" @ONLY)

add_custom_command(OUTPUT "${_stage}/icon.png"
  COMMAND "${SALESKPI_RSVG_CONVERT}" -w 42 -h 42 -o "${_stage}/icon.png"
          "${CMAKE_CURRENT_SOURCE_DIR}/packaging/icon.svg"
  DEPENDS "${CMAKE_CURRENT_SOURCE_DIR}/packaging/icon.svg"
  COMMENT "Rendering the extension icon")

set(SALESKPI_IDENTITY_FILES LICENSE release-notes-en.txt release-notes-nl.txt icon.png)
set(SALESKPI_IDENTITY_DEPENDS "${_stage}/LICENSE" "${_stage}/release-notes-en.txt"
    "${_stage}/release-notes-nl.txt" "${_stage}/icon.png")
