# The labeling window: its core pieces alone, then the real widgets driven by key and mouse events.
nsfw_add_test(tst_gallerymodel SOURCES ui/tst_gallerymodel.cpp LABELS "gallery;ui")
nsfw_add_test(tst_workbench SOURCES ui/tst_workbench.cpp LIBS ui LABELS ui)
