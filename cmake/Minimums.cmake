# What saleskpi needs, stated once: description.xml's dependency and the README say these,
# and tests/check_minimums.py fails when the built library needs anything newer (or when
# these claim more than it needs, so they stay exact).
set(SALESKPI_MIN_LIBREOFFICE 7.4)  # the oldest office it is built and tested against
set(SALESKPI_MIN_GLIBC 2.29)       # GLIBC_x symbol versions in objdump -T
set(SALESKPI_MIN_GLIBCXX 3.4.29)   # libstdc++ of GCC 11
set(SALESKPI_MIN_CXXABI 1.3.9)
