# Tests of core/common: torch-free, fast.
nsfw_add_test(tst_ownedfolder SOURCES common/tst_ownedfolder.cpp LABELS common)
