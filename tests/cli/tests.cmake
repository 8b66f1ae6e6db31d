nsfw_add_test(tst_cli SOURCES cli/tst_cli.cpp LIBS ${OpenCV_LIBS} LABELS cli)
nsfw_add_test(tst_loadbench SOURCES cli/tst_loadbench.cpp LABELS cli)
# It restarts the shared test server and measures throughput: nothing else runs meanwhile (ctest -j).
set_tests_properties(tst_loadbench PROPERTIES RUN_SERIAL TRUE)
nsfw_add_test(tst_exportdataset SOURCES cli/tst_exportdataset.cpp LIBS ${OpenCV_LIBS} LABELS cli)
nsfw_add_test(tst_worker SOURCES cli/tst_worker.cpp LIBS tfjsbuilder LABELS cli)
# Its leases expire on a clock: alone, so a neighbour's load cannot stretch a worker past its lease.
set_tests_properties(tst_worker PROPERTIES RUN_SERIAL TRUE)
nsfw_add_test(tst_proxysets SOURCES cli/tst_proxysets.cpp LIBS ${OpenCV_LIBS} LABELS cli)
