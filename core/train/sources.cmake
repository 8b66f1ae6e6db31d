# The training room: metrics, bootstrap, labelaudit and split are torch-free; trainer.cpp, trainrun.cpp, trainingdata.cpp
# and modelexport.cpp include torch behind headers that expose Qt/std types only (trainer.h, modelexport.h).
target_sources(core PRIVATE
  train/metrics.h train/metrics.cpp
  train/bootstrap.h train/bootstrap.cpp
  train/labelaudit.h train/labelaudit.cpp
  train/runreview.h train/runreview.cpp
  train/videometrics.h train/videometrics.cpp
  train/agreement.h train/agreement.cpp
  train/split.h train/split.cpp
  train/trainsettings.h train/trainsettings.cpp
  train/recipe.h train/recipe.cpp
  train/automode.h train/automode.cpp
  train/featurecache.h train/featurecache.cpp
  train/featureextractor.h train/featureextractor.cpp
  train/trainingset.h train/trainingset.cpp
  train/datasetexport.h train/datasetexport.cpp
  train/trainingdata.h train/trainingdata.cpp
  train/modelexport.h train/modelexport_p.h train/modelexport.cpp
  train/modelensemble.h train/modelensemble.cpp
  train/onnxexport.h train/onnxexport.cpp train/onnxgraph_p.h train/onnxgraph.cpp
  train/learner.h train/learner.cpp
  train/linearprobe.h train/linearprobe.cpp
  train/trainer.h train/trainer.cpp train/trainrun_p.h train/trainrun.cpp train/trainauto.cpp
  train/trainensemble.cpp
  train/trainbench.h train/trainbench.cpp
  train/trainingsession.h train/trainingsession.cpp
)
# The sources that include LibTorch, whose headers core/CMakeLists.txt precompiles for them alone.
list(APPEND NSFW_TORCH_SOURCES
  train/featureextractor.cpp train/trainingdata.cpp train/modelexport.cpp train/onnxexport.cpp train/onnxgraph.cpp
  train/learner.cpp train/linearprobe.cpp train/trainer.cpp train/trainrun.cpp train/trainauto.cpp
  train/trainensemble.cpp train/trainbench.cpp)
