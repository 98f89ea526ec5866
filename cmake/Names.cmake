# The permanent UNO names, read from the catalogue so they are spelled in one place:
# documents store <service>.<METHOD>, and .components names the constructor symbol.
#
# Sets SALESKPI_SERVICE_NAME, SALESKPI_INTERFACE_NAME, SALESKPI_IMPLEMENTATION_NAME,
# SALESKPI_CONSTRUCTOR (the C symbol Calc's loader calls), SALESKPI_IDL (the interface's
# IDL file), SALESKPI_INTERFACE_HEADER (cppumaker's header for it) and SALESKPI_INTERFACE_CXX
# (its C++ name). addin/names.hxx.in hands them to the C++ code.
file(READ "${SALESKPI_CATALOGUE}" _catalogue)
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS "${SALESKPI_CATALOGUE}")

string(JSON SALESKPI_SERVICE_NAME GET "${_catalogue}" service)
string(JSON SALESKPI_INTERFACE_NAME GET "${_catalogue}" interface)
set(SALESKPI_IMPLEMENTATION_NAME "${SALESKPI_SERVICE_NAME}.Impl")
# LibreOffice's convention for constructor symbols: the dotted name with underscores, plus
# _get_implementation.
string(REPLACE "." "_" SALESKPI_CONSTRUCTOR "${SALESKPI_SERVICE_NAME}_get_implementation")
string(REPLACE "." "/" _interface_path "${SALESKPI_INTERFACE_NAME}")
set(SALESKPI_IDL "${PROJECT_SOURCE_DIR}/idl/${_interface_path}.idl")
# cppumaker writes the interface's C++ header to the same relative path.
set(SALESKPI_INTERFACE_HEADER "${_interface_path}.hpp")
string(REPLACE "." "::" SALESKPI_INTERFACE_CXX "${SALESKPI_INTERFACE_NAME}")
unset(_catalogue)
unset(_interface_path)
