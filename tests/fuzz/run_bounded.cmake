# cmake -DFUZZER=<fuzz_core> -DSEEDER=<fuzz_make_seeds> -DWORK=<dir in the build tree> -P this
# Writes fresh seeds from the catalogue's examples, then fuzzes for 60 s; fails on any finding.
file(REMOVE_RECURSE "${WORK}")
file(MAKE_DIRECTORY "${WORK}/findings")
execute_process(COMMAND "${SEEDER}" "${WORK}/corpus" RESULT_VARIABLE _seeded)
if(NOT _seeded STREQUAL "0")
  message(FATAL_ERROR "fuzz_make_seeds failed (${_seeded})")
endif()
execute_process(
  COMMAND "${FUZZER}" "${WORK}/corpus"
          -max_total_time=60 -timeout=5 -rss_limit_mb=2048
          # favour fast inputs: a whole-column range costs ~0.1 s, and without this the
          # run makes ~850 instead of ~7000 calls a second
          -entropic_scale_per_exec_time=1
          -print_final_stats=1 "-artifact_prefix=${WORK}/findings/"
  WORKING_DIRECTORY "${WORK}"
  RESULT_VARIABLE _result)
if(NOT _result STREQUAL "0")
  file(GLOB _findings "${WORK}/findings/*")
  message(FATAL_ERROR "fuzz_core failed (${_result}); replay with: ${FUZZER} ${_findings}")
endif()
