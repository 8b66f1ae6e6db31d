nsfw_add_test(tst_importer SOURCES media/tst_importer.cpp LIBS ${OpenCV_LIBS} LABELS media)
nsfw_add_test(tst_perceptualhash SOURCES media/tst_perceptualhash.cpp LIBS ${OpenCV_LIBS} LABELS media)
nsfw_add_test(tst_datasethealth SOURCES media/tst_datasethealth.cpp LIBS ${OpenCV_LIBS} LABELS media)
nsfw_add_test(tst_videosampler SOURCES media/tst_videosampler.cpp LIBS ${OpenCV_LIBS} LABELS media)
