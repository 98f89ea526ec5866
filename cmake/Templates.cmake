# The team KPI templates (File > New > Templates), one per language, generated like the
# example workbooks, each with a thumbnail drawn from its own dashboard. The English one
# sits in templates/common (listed on every UI), the Dutch one in templates/nl (Paths.xcu
# adds templates/$(vlang): listed on a Dutch UI, under its Dutch category name).
# Included by Addin.cmake; adds SALESKPI_TEMPLATE_FILES (paths in the .oxt) and
# SALESKPI_TEMPLATE_DEPENDS. Needs pdftoppm (poppler-utils) and a python3 with uno.
find_program(SALESKPI_PDFTOPPM pdftoppm REQUIRED)
set(SALESKPI_UNO_PYTHON "/usr/bin/python3" CACHE FILEPATH "A python3 that has the uno module (python3-uno)")
set(_workbook_depends "${SALESKPI_CATALOGUE}" ${SALESKPI_CATALOGUE_MODULES} ${SALESKPI_WORKBOOK_MODULES})
set(_office_modules "${SALESKPI_TOOLS_DIR}/office/thumbnail.py" "${SALESKPI_TOOLS_DIR}/office/driver.py")

set(SALESKPI_TEMPLATE_FILES "")
set(SALESKPI_TEMPLATE_DEPENDS "")
foreach(_language IN ITEMS en nl)
  if(_language STREQUAL "en")
    set(_folder "templates/common")
    set(_template "${_folder}/saleskpi/team-kpis.ots")
  else()
    set(_folder "templates/${_language}")
    set(_template "${_folder}/saleskpi/team-kpis-${_language}.ots")
  endif()
  configure_file("packaging/${_folder}/groupuinames.xml" "${_stage}/${_folder}/groupuinames.xml" COPYONLY)
  get_filename_component(_template_dir "${_stage}/${_template}" DIRECTORY)
  add_custom_command(OUTPUT "${_stage}/${_template}"
    COMMAND "${CMAKE_COMMAND}" -E make_directory "${_template_dir}"
    COMMAND ${SALESKPI_WORKBOOK_GENERATOR} "${SALESKPI_CATALOGUE}" template
            ${_language} "${_stage}/${_template}"
    DEPENDS ${_workbook_depends}
    COMMENT "Generating the team KPI template (${_language})")

  # The thumbnail is drawn from a copy of the template generated for it (so the template in
  # the .oxt can then be rewritten with the thumbnail inside without making it stale).
  set(_thumbnail_dir "${SALESKPI_GENERATED_DIR}/thumbnail-${_language}")
  set(_thumbnail "${_thumbnail_dir}/thumbnail.png")
  add_custom_command(OUTPUT "${_thumbnail}"
    COMMAND "${CMAKE_COMMAND}" -E make_directory "${_thumbnail_dir}"
    COMMAND ${SALESKPI_WORKBOOK_GENERATOR} "${SALESKPI_CATALOGUE}" template
            ${_language} "${_thumbnail_dir}/template.ots"
    COMMAND "${CMAKE_COMMAND}" -E env "PYTHONPATH=${SALESKPI_TOOLS_DIR}"
            "LIBREOFFICE_PROGRAM_DIR=${LIBREOFFICE_PROGRAM_DIR}" PYTHONDONTWRITEBYTECODE=1
            "${SALESKPI_UNO_PYTHON}" -m office.thumbnail render
            "${_thumbnail_dir}/template.ots" "${_thumbnail}"
    DEPENDS ${_workbook_depends} ${_office_modules}
    COMMENT "Rendering the ${_language} template's thumbnail from its dashboard (private headless Calc)")
  add_custom_command(OUTPUT "${_thumbnail_dir}/embedded.stamp"
    COMMAND ${SALESKPI_TOOLS_PYTHON} office.thumbnail embed "${_stage}/${_template}" "${_thumbnail}"
    COMMAND "${CMAKE_COMMAND}" -E touch "${_thumbnail_dir}/embedded.stamp"
    DEPENDS "${_thumbnail}" "${_stage}/${_template}"
    COMMENT "Putting the thumbnail into the ${_language} template")

  list(APPEND SALESKPI_TEMPLATE_FILES "${_folder}/groupuinames.xml" "${_template}")
  list(APPEND SALESKPI_TEMPLATE_DEPENDS "${_stage}/${_folder}/groupuinames.xml" "${_stage}/${_template}"
       "${_thumbnail_dir}/embedded.stamp")
endforeach()
