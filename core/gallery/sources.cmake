# gallery: what the labeling window needs that is no widget: the item model, thumbnails and pictures
# off the GUI thread, the labeling session (undo/redo), wellbeing filters.
target_sources(core PRIVATE
  store/itemquery.h store/itemquery.cpp
  gallery/gallerymodel.h gallery/gallerymodel.cpp
  gallery/thumbnailprovider.h gallery/thumbnailprovider.cpp
  gallery/pictureloader.h gallery/pictureloader.cpp
  gallery/labelsession.h gallery/labelsession.cpp
  gallery/wellbeing.h gallery/wellbeing.cpp
  gallery/backgroundpriority.h gallery/backgroundpriority.cpp
  gallery/duplicategroups.h gallery/duplicategroups.cpp
  gallery/duplicategroupmodel.h gallery/duplicategroupmodel.cpp
  gallery/videoscoretrack.h gallery/videoscoretrack.cpp
)
