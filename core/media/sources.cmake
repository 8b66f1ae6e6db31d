target_sources(core PRIVATE
  media/imageheader.h media/imageheader.cpp
  media/filewalker.h media/filewalker.cpp
  media/mediadecoder.h media/mediadecoder.cpp
  media/mediacache.h media/mediacache.cpp
  media/importer.h media/importer.cpp
  media/videosampler.h media/videosampler.cpp
  media/videoverdict.h media/videoverdict.cpp
  media/perceptualhash.h media/perceptualhash.cpp
  media/nearduplicates.h media/nearduplicates.cpp
  media/mediastats.h media/mediastats.cpp
  media/datasethealth.h media/datasethealth.cpp
)
