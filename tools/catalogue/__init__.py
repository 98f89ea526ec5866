"""The catalogue's generators: catalogue/functions.json -> everything that describes a function.

model.py     loading and validation, types, domains, names, example parsing
cpp.py       the C++ add-in glue and the unit tests' catalogue harness
generate.py  the command line: IDL, XCU, glue, harness, docs/functions.md, the README table
"""
