nsfw_add_test(tst_cli SOURCES cli/tst_cli.cpp LABELS cli)
nsfw_add_test(tst_loadbench SOURCES cli/tst_loadbench.cpp LABELS cli)
