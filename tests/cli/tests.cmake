nsfw_add_test(tst_cli SOURCES cli/tst_cli.cpp LIBS ${OpenCV_LIBS} LABELS cli)
nsfw_add_test(tst_loadbench SOURCES cli/tst_loadbench.cpp LABELS cli)
nsfw_add_test(tst_exportdataset SOURCES cli/tst_exportdataset.cpp LIBS ${OpenCV_LIBS} LABELS cli)
nsfw_add_test(tst_worker SOURCES cli/tst_worker.cpp LIBS tfjsbuilder LABELS cli)
