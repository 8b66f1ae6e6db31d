# The Debian packages, made by `cpack -G DEB` in the build folder (packaging/deb.sh does that and checks them):
#   nsfw-workbench_<version>_amd64.deb      the application in /usr/bin, its desktop entry, icon, AppStream metainfo
#                                           and man page; its dependencies are the Debian packages of the libraries
#                                           it links (dpkg-shlibdeps) plus the Qt plugins it loads
#   nsfw-workbench-model_<version>_all.deb  nsfwjs's pretrained models (MIT) from the folder
#                                           packaging/model/fetch-model.sh fills, in /usr/share/nsfw-workbench/models
# Included at the end of the top-level CMakeLists.txt. The translations need nothing here: they are in the binary.

set(NSFW_APP_ID io.github.nsfw_workbench.NsfwWorkbench)
# The project's homepage, named in the metainfo and the packages; the screenshots are served from its repository.
set(NSFW_HOMEPAGE "https://github.com/nsfw-workbench/nsfw-workbench" CACHE STRING "The project's homepage (https)")
set(NSFW_SCREENSHOT_URL "https://raw.githubusercontent.com/nsfw-workbench/nsfw-workbench/main/resources/screenshots"
    CACHE STRING "Where the AppStream screenshots are served from (https)")
set(NSFW_PACKAGE_MAINTAINER "NSFW Workbench developers <maintainers@nsfw-workbench.invalid>"
    CACHE STRING "The Maintainer field of the Debian packages")
set(NSFW_RELEASE_DATE 2026-12-02) # the date of PROJECT_VERSION, for the metainfo: change the two together

set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(NSFW_MODELS_DESTINATION share/nsfw-workbench/models)
# The locator's fallback after the user's own folder (core/model/modellocator.cpp): where this package puts them.
set_property(SOURCE ${PROJECT_SOURCE_DIR}/core/model/modellocator.cpp TARGET_DIRECTORY core APPEND PROPERTY
             COMPILE_DEFINITIONS "NSFW_SYSTEM_MODELS_DIR=\"${CPACK_PACKAGING_INSTALL_PREFIX}/${NSFW_MODELS_DESTINATION}\"")

set(deb ${CMAKE_CURRENT_LIST_DIR})
set(icons ${PROJECT_SOURCE_DIR}/resources/icons)

# --- the application -------------------------------------------------------------------------------------------
install(FILES ${deb}/${NSFW_APP_ID}.desktop DESTINATION share/applications COMPONENT app)
install(FILES ${icons}/${NSFW_APP_ID}.svg DESTINATION share/icons/hicolor/scalable/apps COMPONENT app)
# The PNG sizes are checked in (resources/icons/render-icons.sh renders them): no SVG renderer at build time.
install(DIRECTORY ${icons}/hicolor DESTINATION share/icons COMPONENT app FILES_MATCHING PATTERN "*.png")
configure_file(${deb}/${NSFW_APP_ID}.metainfo.xml.in ${CMAKE_BINARY_DIR}/packaging/${NSFW_APP_ID}.metainfo.xml @ONLY)
install(FILES ${CMAKE_BINARY_DIR}/packaging/${NSFW_APP_ID}.metainfo.xml DESTINATION share/metainfo COMPONENT app)

# The man page: help2man over `nsfw-workbench --help` (in English whatever the builder's locale and settings), each
# time the binary changes (about a second). Not in sanitized builds, which are never packaged.
find_program(NSFW_HELP2MAN help2man)
if(NSFW_HELP2MAN AND NOT NSFW_SANITIZER_FLAGS)
  set(man ${CMAKE_BINARY_DIR}/packaging/nsfw-workbench.1)
  add_custom_command(OUTPUT ${man}.gz
    COMMAND ${CMAKE_COMMAND} -E env LC_ALL=C.UTF-8 LANG=C.UTF-8 LANGUAGE=
            XDG_CONFIG_HOME=${CMAKE_BINARY_DIR}/packaging/no-settings
            ${NSFW_HELP2MAN} --no-info --section=1 "--version-string=nsfw-workbench ${PROJECT_VERSION}"
            --include=${deb}/nsfw-workbench.h2m --output=${man} "${deb}/help-for-man.sh $<TARGET_FILE:nsfw-workbench>"
    COMMAND gzip -9nf ${man}
    DEPENDS nsfw-workbench ${deb}/nsfw-workbench.h2m ${deb}/help-for-man.sh
    COMMENT "Writing the man page with help2man"
    VERBATIM)
  add_custom_target(manpage ALL DEPENDS ${man}.gz)
  install(FILES ${man}.gz DESTINATION share/man/man1 COMPONENT app)
elseif(NOT NSFW_SANITIZER_FLAGS)
  message(WARNING "help2man not found (Debian: help2man): the package will have no man page")
endif()

# --- the pretrained models -------------------------------------------------------------------------------------
# Taken from where packaging/model/fetch-model.sh writes them (the same variables decide); never from git.
set(NSFW_MODEL_SOURCE_DIR "" CACHE PATH "Where the model package takes the models from (empty: fetch-model.sh's folder)")
set(models ${NSFW_MODEL_SOURCE_DIR})
if(NOT models)
  if(DEFINED ENV{NSFW_WORKBENCH_MODELS} AND NOT "$ENV{NSFW_WORKBENCH_MODELS}" STREQUAL "")
    set(models $ENV{NSFW_WORKBENCH_MODELS})
  elseif(DEFINED ENV{XDG_DATA_HOME} AND NOT "$ENV{XDG_DATA_HOME}" STREQUAL "")
    set(models $ENV{XDG_DATA_HOME}/nsfw-workbench/models)
  else()
    set(models $ENV{HOME}/.local/share/nsfw-workbench/models)
  endif()
endif()
# Packaging the model component without the models is an error; a plain `cmake --install` goes on without them.
install(CODE "
  foreach(nsfw_model mobilenet_v2 inception_v3)
    if(NOT EXISTS \"${models}/\${nsfw_model}/model.json\")
      if(CMAKE_INSTALL_COMPONENT STREQUAL \"model\")
        message(FATAL_ERROR \"No model at ${models}/\${nsfw_model}: run packaging/model/fetch-model.sh first \"
                            \"(or package the application alone: cpack -G DEB -D CPACK_COMPONENTS_ALL=app)\")
      endif()
      message(WARNING \"No model at ${models}/\${nsfw_model}: not installed\")
    endif()
  endforeach()" COMPONENT model)
install(DIRECTORY ${models}/mobilenet_v2 ${models}/inception_v3 DESTINATION ${NSFW_MODELS_DESTINATION} COMPONENT model
        OPTIONAL)
install(FILES ${deb}/model-copyright DESTINATION share/doc/nsfw-workbench-model RENAME copyright COMPONENT model)

# --- CPack -----------------------------------------------------------------------------------------------------
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME nsfw-workbench)
set(CPACK_PACKAGE_VENDOR "NSFW Workbench developers")
set(CPACK_PACKAGE_CONTACT ${NSFW_PACKAGE_MAINTAINER})
set(CPACK_STRIP_FILES ON)
set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_COMPONENTS_ALL app model)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE ${NSFW_HOMEPAGE})
set(CPACK_DEBIAN_PACKAGE_SECTION science)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)

set(CPACK_DEBIAN_APP_PACKAGE_NAME nsfw-workbench)
set(CPACK_DEBIAN_APP_PACKAGE_SHLIBDEPS ON)
# What dpkg-shlibdeps cannot see: the Qt plugins loaded at run time (SQLite driver, the window's platform plugins).
set(CPACK_DEBIAN_APP_PACKAGE_DEPENDS "libqt6sql6-sqlite, qt6-qpa-plugins")
# The model (else the user fetches one), PostgreSQL projects, more image formats, a fast BLAS (TECH-NOTES).
set(CPACK_DEBIAN_APP_PACKAGE_RECOMMENDS "nsfw-workbench-model, libqt6sql6-psql, qt6-image-formats-plugins, libopenblas0")
set(CPACK_DEBIAN_APP_DESCRIPTION "label images and videos for moderation, fine-tune an NSFW classifier
NSFW Workbench is a local, offline desktop tool for people who build
content-moderation models. Label images and videos as safe, nsfw or unsure in a
project file or a shared PostgreSQL database; fine-tune the pretrained nsfwjs
MobileNetV2 on the CPU, pick a threshold, review the mistakes and the suspected
label errors, find near-copies and check the data set's health. Every feature
is also a command of nsfw-workbench.")

set(CPACK_DEBIAN_MODEL_PACKAGE_NAME nsfw-workbench-model)
set(CPACK_DEBIAN_MODEL_PACKAGE_ARCHITECTURE all)
set(CPACK_DEBIAN_MODEL_PACKAGE_SHLIBDEPS OFF)
set(CPACK_DEBIAN_MODEL_PACKAGE_ENHANCES nsfw-workbench)
set(CPACK_DEBIAN_MODEL_DESCRIPTION "pretrained NSFW classifiers (nsfwjs) for NSFW Workbench
The MobileNetV2 (the default) and InceptionV3 models of nsfwjs (MIT, Infinite
Red) as TF.js Layers files in /usr/share/nsfw-workbench/models, where NSFW
Workbench finds them when the user has no model of their own.")

include(CPack)
