# The model room's tests. The loader tests write their own tiny models; the parity test needs the real
# nsfwjs models installed by packaging/setup.sh (or NSFW_WORKBENCH_MODEL_DIR) and skips without them.
add_library(tfjsbuilder STATIC model/tfjsbuilder.h model/tfjsbuilder.cpp)
target_link_libraries(tfjsbuilder PUBLIC Qt6::Core)
target_include_directories(tfjsbuilder PUBLIC ${CMAKE_CURRENT_SOURCE_DIR}/model)

# tst_keraslayers drives the torch module directly, so it compiles against torch (TORCH).
nsfw_add_test(tst_keraslayers TORCH SOURCES model/tst_keraslayers.cpp LIBS tfjsbuilder LABELS model)
nsfw_add_test(tst_tfjserrors SOURCES model/tst_tfjserrors.cpp LIBS tfjsbuilder LABELS model)
nsfw_add_test(tst_parity SOURCES model/tst_parity.cpp LABELS model)
set_tests_properties(tst_parity PROPERTIES TIMEOUT 600)
nsfw_add_test(tst_predictcli SOURCES model/tst_predictcli.cpp LIBS tfjsbuilder LABELS model)

option(NSFW_BUILD_FUZZ "Build the libFuzzer target for the TF.js loader (needs clang)" OFF)
if(NSFW_BUILD_FUZZ)
  include(model/fuzz/fuzz.cmake)
endif()
# ONNX export read back by a second runtime (OpenCV's DNN module) and onnx.checker (python3-onnx); the real models
# and pictures come from packaging/setup.sh.
nsfw_add_test(tst_onnxexport SOURCES model/tst_onnxexport.cpp LIBS tfjsbuilder opencv_dnn LABELS model)
set_tests_properties(tst_onnxexport PROPERTIES TIMEOUT 900)
# Model profiles (issue 14): preprocessing, classes and blocks from profile.json; a made-up model with other classes
# trains and predicts with the same p(nsfw) (the training part needs openclipart-png).
nsfw_add_test(tst_modelprofile TORCH SOURCES model/tst_modelprofile.cpp LIBS tfjsbuilder LABELS model)
set_tests_properties(tst_modelprofile PROPERTIES TIMEOUT 600)
# Preprocessing (issue 15 part 4): the resize from 8-bit pixels equals ATen's; --fast-decode is the same in training
# and predict.
nsfw_add_test(tst_preprocess TORCH SOURCES model/tst_preprocess.cpp LABELS model)
# Scoring a folder shares the cores batch by batch: the faster of two shares, measured, retried as load changes.
nsfw_add_test(tst_pipelinebudget SOURCES model/tst_pipelinebudget.cpp LABELS model)
