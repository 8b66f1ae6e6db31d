target_sources(core PRIVATE
  store/itemstore.h store/itemstore.cpp
  store/labelstore.h store/labelstore.cpp
  store/csvlabels.h store/csvlabels.cpp
  store/runstore.h store/runstore.cpp
  store/runlock.h store/runlock.cpp
  store/projectwatcher.h store/projectwatcher.cpp
)
