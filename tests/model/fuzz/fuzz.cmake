# libFuzzer target for the TF.js loader (clang only). Configure a separate build dir:
#   cmake -S . -B build-fuzz -G Ninja -DCMAKE_CXX_COMPILER=clang++ -DNSFW_BUILD_FUZZ=ON
#   ninja -C build-fuzz fuzz_tfjsloader
#   build-fuzz/tests/fuzz_tfjsloader -max_total_time=60 tests/model/fuzz/corpus
# It compiles the loader sources itself, instrumented, instead of linking the uninstrumented core library.
if(NOT CMAKE_CXX_COMPILER_ID MATCHES "Clang")
  message(FATAL_ERROR "NSFW_BUILD_FUZZ needs clang (-DCMAKE_CXX_COMPILER=clang++)")
endif()
add_executable(fuzz_tfjsloader
  model/fuzz/fuzz_tfjsloader.cpp
  ${PROJECT_SOURCE_DIR}/core/model/tfjsmodel.cpp
  ${PROJECT_SOURCE_DIR}/core/model/keraslayers.cpp
  ${PROJECT_SOURCE_DIR}/core/model/kerasfactory.cpp
  ${PROJECT_SOURCE_DIR}/core/model/kerasgraph.cpp
  ${PROJECT_SOURCE_DIR}/core/common/logging.cpp)
target_include_directories(fuzz_tfjsloader PRIVATE ${PROJECT_SOURCE_DIR}/core)
target_compile_options(fuzz_tfjsloader PRIVATE -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined -g -O1)
target_link_options(fuzz_tfjsloader PRIVATE -fsanitize=fuzzer,address,undefined)
target_link_libraries(fuzz_tfjsloader PRIVATE Qt6::Core ${TORCH_LIBRARIES})
set_target_properties(fuzz_tfjsloader PROPERTIES AUTOMOC OFF)
