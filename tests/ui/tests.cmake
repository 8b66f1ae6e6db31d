# The labeling window: its core pieces alone, then the real widgets driven by key and mouse events.
nsfw_add_test(tst_gallerymodel SOURCES ui/tst_gallerymodel.cpp LABELS "gallery;ui")
nsfw_add_test(tst_workbench SOURCES ui/tst_workbench.cpp LIBS ui LABELS ui)
# Another writer holds the write lock while labels are given; another writer's labels, imports and runs appear.
nsfw_add_test(tst_labelcontention SOURCES ui/tst_labelcontention.cpp LIBS ui LABELS ui)
# It times the window's event loop (no stall over 250 ms): alone, not beside tst_trainer's two torch threads, which
# once made a tick 278 ms late in CI wherever the window was (late ticks of 100-200 ms at random moments, reproduced
# beside two busy loops and a writing dd).
set_tests_properties(tst_labelcontention PROPERTIES RUN_SERIAL TRUE)
nsfw_add_test(tst_externalchanges SOURCES ui/tst_externalchanges.cpp LIBS ui LABELS ui)

# Not a test: the window's speed figures (README "Measured"). Run offscreen:
#   QT_QPA_PLATFORM=offscreen build/tests/nsfw-workbench-bench-gui
nsfw_add_tool(nsfw-workbench-bench-gui SOURCES ui/benchgui.cpp LIBS ui)

# Not a test: the window's event-loop lateness while another process holds the write lock (README). Run offscreen:
#   QT_QPA_PLATFORM=offscreen build/tests/nsfw-workbench-bench-contention [--rounds 3] [--hold-ms 2000]
nsfw_add_tool(nsfw-workbench-bench-contention SOURCES ui/benchcontention.cpp LIBS ui)

# The training and review page (issue 7): trains small head-only runs on clip art, so it takes a minute.
nsfw_add_test(tst_trainingpage SOURCES ui/tst_trainingpage.cpp LIBS ui LABELS "ui;train")
set_tests_properties(tst_trainingpage PROPERTIES TIMEOUT 900)

# The Duplicates tab (issue 13): planted near-copies listed, labeled as a group, kept once, not duplicates remembered.
nsfw_add_test(tst_duplicatespage SOURCES ui/tst_duplicatespage.cpp LIBS ui LABELS "ui;media")
nsfw_add_test(tst_healthpage SOURCES ui/tst_healthpage.cpp LIBS ui LABELS "ui;media")
# The Team tab (issue 16): agreement figures that follow the labels given here and elsewhere.
nsfw_add_test(tst_teampage SOURCES ui/tst_teampage.cpp LIBS ui LABELS ui)
# File > Export model as ONNX… (issue 17): the pretrained model, then a run trained meanwhile, off the GUI thread.
nsfw_add_test(tst_onnxexportaction SOURCES ui/tst_onnxexportaction.cpp LIBS ui LABELS "ui;model")
set_tests_properties(tst_onnxexportaction PROPERTIES TIMEOUT 600)

# Not a test: event-loop latency while a run trains (README "Training and review"). Run offscreen:
#   QT_QPA_PLATFORM=offscreen build/tests/nsfw-workbench-bench-training [full|partial|head] [epochs] [perClass]
nsfw_add_tool(nsfw-workbench-bench-training SOURCES ui/benchtraining.cpp LIBS ui)

# Not a test: README screenshots of the training page and a drill-down (see the file's first lines).
nsfw_add_tool(nsfw-workbench-screenshot-training SOURCES ui/screenshottraining.cpp LIBS ui)

# Not a test: the README's screenshot of the Duplicates tab (see the file's first lines).
nsfw_add_tool(nsfw-workbench-screenshot-duplicates SOURCES ui/screenshotduplicates.cpp LIBS ui)

# Server projects (PostgreSQL, NSFW_TEST_PG): two windows on one project see each other's labels; labels wait while the
# server is away. The restart case needs NSFW_TEST_PG_DIR (packaging/test.sh sets both).
nsfw_add_test(tst_serverwindows SOURCES ui/tst_serverwindows.cpp ui/modaldialogs.h LIBS ui LABELS "ui;server")
target_compile_definitions(tst_serverwindows PRIVATE NSFW_SOURCE_DIR="${PROJECT_SOURCE_DIR}")
# Its restart case ends every session on the shared test server: nothing else runs meanwhile.
set_tests_properties(tst_serverwindows PROPERTIES RUN_SERIAL TRUE)
# Opening a server project from the window: the media folder question, File > Open server project, recent projects.
nsfw_add_test(tst_serverprojectdialogs SOURCES ui/tst_serverprojectdialogs.cpp ui/modaldialogs.h LIBS ui
              LABELS "ui;server")

# Not a test: the README's screenshot of the Health tab (see the file's first lines).
nsfw_add_tool(nsfw-workbench-screenshot-health SOURCES ui/screenshothealth.cpp LIBS ui)

# Not a test: the README's screenshot of the Team tab (see the file's first lines).
nsfw_add_tool(nsfw-workbench-screenshot-team SOURCES ui/screenshotteam.cpp LIBS ui)

# The video timeline's score strip (issue 15): planted frame scores, segments selected and labeled, the verdict shown.
nsfw_add_test(tst_videoscorestrip SOURCES ui/tst_videoscorestrip.cpp LIBS ui ${OpenCV_LIBS} LABELS "ui;media")

# Not a test: the README's screenshot of a video's timeline and score strip (see the file's first lines).
nsfw_add_tool(nsfw-workbench-screenshot-video SOURCES ui/screenshotvideo.cpp LIBS ui ${OpenCV_LIBS})
