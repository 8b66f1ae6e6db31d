nsfw_add_test(tst_metrics SOURCES train/tst_metrics.cpp LABELS train)
nsfw_add_test(tst_split SOURCES train/tst_split.cpp LABELS train)
