target_sources(core PRIVATE
  store/projectlocation.h store/projectlocation.cpp
  store/projectcopy.h store/projectcopy.cpp
  store/backend.h store/backends.h store/sqlitebackend.cpp store/postgresbackend.cpp
  store/itemstore.h store/itemstore.cpp
  store/labelstore.h store/labelstore.cpp
  store/csvlabels.h store/csvlabels.cpp
  store/runstore.h store/runstore.cpp
  store/runlock.h store/runlock.cpp
  store/projectwatcher.h store/projectwatcher.cpp
  store/serveradmin.h store/serveradmin.cpp
  store/projectteam.h store/projectteam.cpp
  store/labelrule.h store/labelrule.cpp
  store/teamlabels.h store/teamlabels.cpp
  store/historyaudit.h store/historyaudit.cpp
  store/mediahashstore.h store/mediahashstore.cpp
  store/duplicatedecisionstore.h store/duplicatedecisionstore.cpp
  store/mediastatsstore.h store/mediastatsstore.cpp
  store/videocutstore.h store/videocutstore.cpp
  store/workqueue.h store/workqueue.cpp
  store/projectfeatures.h store/projectfeatures.cpp
)
