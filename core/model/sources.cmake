# The model room: TF.js Layers reader (torch-free), the Keras graph in LibTorch, preprocessing and inference.
# Only the .cpp files here (and the training room's) include torch; classifier.h, preprocess.h, tfjsmodel.h
# and modellocator.h expose Qt/std types to the rest of the tree.
target_sources(core PRIVATE
  model/modelprofile.h model/modelprofile.cpp
  model/linearhead.h model/linearhead.cpp
  model/tfjsmodel.h model/tfjsmodel.cpp
  model/modelfiles.h model/modelfiles.cpp model/modellimits.h
  model/keraslayers.h model/keraslayers.cpp
  model/kerasconfig.h model/kerasfactory.cpp
  model/kerasgraph.h model/kerasgraph.cpp
  model/inferenceplan.h model/inferenceplan.cpp
  model/preprocess.h model/preprocess.cpp
  model/classifier.h model/classifier.cpp
  model/pipelinebudget.h model/pipelinebudget.cpp
  model/videoscorer.h model/videoscorer.cpp
  model/modellocator.h model/modellocator.cpp
  cli/predictcommand.cpp cli/predictvideo.h cli/predictvideo.cpp
  cli/benchmarkinference.cpp
  cli/benchmarkpredict.h cli/benchmarkpredict.cpp cli/benchmarkpredictvideo.cpp
)
target_compile_definitions(core PRIVATE NSFW_SOURCE_DIR="${PROJECT_SOURCE_DIR}")
# The sources that include LibTorch, whose headers core/CMakeLists.txt precompiles for them alone.
list(APPEND NSFW_TORCH_SOURCES
  model/keraslayers.cpp model/kerasfactory.cpp model/kerasgraph.cpp model/inferenceplan.cpp model/classifier.cpp)
