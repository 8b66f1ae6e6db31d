# Runs CTest on a probe test with the suite's own skip expression and checks what it reports: a QSKIP is
# "Skipped" (not "Passed"), and a failure next to a skip is still "Failed".
# cmake -DPROBE=... -DSKIP_REGEX=... -DWORK=... -P ctestreport.cmake
file(REMOVE_RECURSE "${WORK}")
file(MAKE_DIRECTORY "${WORK}")
file(WRITE "${WORK}/CTestTestfile.cmake" "
add_test(skipping \"${PROBE}\")
set_tests_properties(skipping PROPERTIES SKIP_REGULAR_EXPRESSION \"${SKIP_REGEX}\")
add_test(failing \"${PROBE}\")
set_tests_properties(failing PROPERTIES SKIP_REGULAR_EXPRESSION \"${SKIP_REGEX}\" ENVIRONMENT SKIPPROBE_FAIL=1)
")
execute_process(COMMAND "${CMAKE_CTEST_COMMAND}" --test-dir "${WORK}" WORKING_DIRECTORY "${WORK}"
                OUTPUT_VARIABLE out ERROR_VARIABLE out RESULT_VARIABLE status)
message("${out}")
if(NOT out MATCHES "skipping [.]+[*]+Skipped")
  message(FATAL_ERROR "a test with a QSKIP was not reported as skipped")
endif()
if(NOT out MATCHES "failing [.]+[*]+Failed")
  message(FATAL_ERROR "a failing test with a QSKIP was not reported as failed")
endif()
if(status EQUAL 0)
  message(FATAL_ERROR "ctest exited 0 although a test failed")
endif()
file(REMOVE_RECURSE "${WORK}")
