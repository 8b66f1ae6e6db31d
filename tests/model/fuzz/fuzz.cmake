# libFuzzer target for the TF.js loader (clang only). packaging/fuzz.sh configures a separate build dir
# (build-fuzz/, clang++, -DNSFW_BUILD_FUZZ=ON), builds this target and runs it for a fixed time over a copy of
# tests/model/fuzz/corpus; run the binary on the corpus folder itself and libFuzzer adds its finds to the repository.
# It compiles the loader sources itself, instrumented, instead of linking the uninstrumented core library.
if(NOT CMAKE_CXX_COMPILER_ID MATCHES "Clang")
  message(FATAL_ERROR "NSFW_BUILD_FUZZ needs clang (-DCMAKE_CXX_COMPILER=clang++)")
endif()
add_executable(fuzz_tfjsloader
  model/fuzz/fuzz_tfjsloader.cpp
  ${PROJECT_SOURCE_DIR}/core/model/modelprofile.cpp
  ${PROJECT_SOURCE_DIR}/core/model/tfjsmodel.cpp
  ${PROJECT_SOURCE_DIR}/core/model/modelfiles.cpp
  ${PROJECT_SOURCE_DIR}/core/model/keraslayers.cpp
  ${PROJECT_SOURCE_DIR}/core/model/kerasfactory.cpp
  ${PROJECT_SOURCE_DIR}/core/model/kerasgraph.cpp
  ${PROJECT_SOURCE_DIR}/core/common/logging.cpp)
target_include_directories(fuzz_tfjsloader PRIVATE ${PROJECT_SOURCE_DIR}/core)
target_compile_options(fuzz_tfjsloader PRIVATE -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined -g -O1)
target_link_options(fuzz_tfjsloader PRIVATE -fsanitize=fuzzer,address,undefined)
target_link_libraries(fuzz_tfjsloader PRIVATE Qt6::Core ${TORCH_LIBRARIES})
set_target_properties(fuzz_tfjsloader PROPERTIES AUTOMOC OFF)
