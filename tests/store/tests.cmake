nsfw_add_test(tst_projectdatabase SOURCES store/tst_projectdatabase.cpp LABELS store)
nsfw_add_test(tst_labelstore SOURCES store/tst_labelstore.cpp LABELS store)
nsfw_add_test(tst_crashsafety SOURCES store/tst_crashsafety.cpp LABELS "store;slow")
nsfw_add_test(tst_runstore SOURCES store/tst_runstore.cpp LABELS store)
nsfw_add_test(tst_mediahashstore SOURCES store/tst_mediahashstore.cpp LIBS ${OpenCV_LIBS} LABELS store)
nsfw_add_test(tst_projectwatcher SOURCES store/tst_projectwatcher.cpp LABELS store)
nsfw_add_test(tst_serverproject SOURCES store/tst_serverproject.cpp LABELS store)
# Its kill rounds stretch with the sanitizers' time factor, on both backends: past QtTest's 5-minute watchdog.
set_property(TEST tst_crashsafety APPEND PROPERTY ENVIRONMENT "QTEST_FUNCTION_TIMEOUT=1500000")
