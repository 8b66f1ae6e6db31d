nsfw_add_test(tst_cli SOURCES cli/tst_cli.cpp LABELS cli)
