target_sources(core PRIVATE
  train/metrics.h train/metrics.cpp
  train/split.h train/split.cpp
)
