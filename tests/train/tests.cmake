nsfw_add_test(tst_metrics SOURCES train/tst_metrics.cpp LABELS train)
nsfw_add_test(tst_split SOURCES train/tst_split.cpp LABELS train)
nsfw_add_test(tst_labelaudit SOURCES train/tst_labelaudit.cpp LABELS train)
nsfw_add_test(tst_agreement SOURCES train/tst_agreement.cpp LABELS train)
nsfw_add_test(tst_trainer SOURCES train/tst_trainer.cpp LABELS "train;slow")
target_compile_definitions(tst_trainer PRIVATE NSFW_SOURCE_DIR="${PROJECT_SOURCE_DIR}")
set_tests_properties(tst_trainer PROPERTIES TIMEOUT 900)
nsfw_add_test(tst_trainingsession SOURCES train/tst_trainingsession.cpp LABELS "train;slow")
set_tests_properties(tst_trainingsession PROPERTIES TIMEOUT 900)
nsfw_add_test(tst_leakageguard SOURCES train/tst_leakageguard.cpp LIBS ${OpenCV_LIBS} LABELS train)
# A video as one unit of evaluation (issue 15): verdicts against the videos' labels, on both backends.
nsfw_add_test(tst_videometrics SOURCES train/tst_videometrics.cpp LIBS ${OpenCV_LIBS} LABELS "train;store")
# The fine-tuning recipes (issue 14): schedule, layer decay, label smoothing, on a made-up two-block model.
nsfw_add_test(tst_recipes TORCH SOURCES train/tst_recipes.cpp LIBS tfjsbuilder LABELS train)
set_tests_properties(tst_recipes PROPERTIES TIMEOUT 600)
# The recipes that change weights or scores (issue 14): the linear head of LP-FT and its probe against
# scikit-learn's, weight averaging, mixup, test-time flip averaging.
nsfw_add_test(tst_recipeswitches TORCH SOURCES train/tst_recipeswitches.cpp LIBS tfjsbuilder ${OpenCV_LIBS}
              LABELS train)
set_tests_properties(tst_recipeswitches PROPERTIES TIMEOUT 600)
# Ensembles (issue 14): the written model averages its members (in predict and, through ONNX, OpenCV's DNN); a run
# with --ensemble trains them and scores with their mean.
nsfw_add_test(tst_ensemble TORCH SOURCES train/tst_ensemble.cpp LIBS tfjsbuilder opencv_dnn ${OpenCV_LIBS}
              LABELS train)
set_tests_properties(tst_ensemble PROPERTIES TIMEOUT 600)
