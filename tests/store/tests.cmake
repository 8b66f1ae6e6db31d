nsfw_add_test(tst_projectdatabase SOURCES store/tst_projectdatabase.cpp LABELS store)
nsfw_add_test(tst_labelstore SOURCES store/tst_labelstore.cpp LABELS store)
nsfw_add_test(tst_crashsafety SOURCES store/tst_crashsafety.cpp LABELS "store;slow")
nsfw_add_test(tst_runstore SOURCES store/tst_runstore.cpp LABELS store)
