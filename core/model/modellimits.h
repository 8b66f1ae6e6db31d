#pragma once
// The sizes a model folder may ask for, in one place. model.json and its shards are untrusted input: every size
// they give is checked against these before a byte is read or a tensor allocated, so a hostile or broken model
// gets a ModelError, never a crash, a hang or gigabytes of memory. The nsfwjs models are far inside every limit
// (MobileNetV2: 224 px, 1280 filters, 3.5 M values, 162 layers; InceptionV3: 299 px, 448 filters, 22 M values).

#include <cstdint>

namespace nsfw::limits {

/// model.json itself (nsfwjs InceptionV3: 0.2 MB).
constexpr int64_t kMaxModelJsonBytes = int64_t(64) << 20;
/// Layers in the topology and tensors in the weights manifest.
constexpr int64_t kMaxLayers = 4096;
constexpr int64_t kMaxWeights = 8192;
/// Dimensions of one weight tensor.
constexpr int64_t kMaxWeightRank = 8;
/// Weight values in the whole manifest (4 bytes each once dequantized: 1 GiB); this also bounds the shard bytes.
constexpr int64_t kMaxParameters = int64_t(1) << 28;

/// batch_input_shape: height and width in pixels, channels.
constexpr int64_t kMaxInputSide = 4096;
constexpr int64_t kMaxInputChannels = 16;
/// Dense units, Conv2D filters and groups, BatchNormalization channels.
constexpr int64_t kMaxUnits = 65536;
/// kernel_size and pool_size per axis; strides and dilation_rate per axis.
constexpr int64_t kMaxKernelSide = 64;
constexpr int64_t kMaxStride = 64;
constexpr int64_t kMaxDilation = 64;
/// ZeroPadding2D per side.
constexpr int64_t kMaxPadding = 1024;
/// DepthwiseConv2D depth_multiplier.
constexpr int64_t kMaxDepthMultiplier = 256;
/// Keras axis arguments (Concatenate, Softmax, BatchNormalization).
constexpr int64_t kMaxAxis = 8;

/// Values in one layer's output for one picture (float32: 256 MiB; nsfwjs's largest: 1.4 M); checked before the
/// layer runs. A 4096 x 4096 RGB input (50 M) fits; the dry run holds a few such tensors at once.
constexpr int64_t kMaxActivationValues = int64_t(1) << 26;
/// Work for one picture through the whole model, counted before each layer of the load-time dry run, in
/// convolution multiply-adds (~18 G/s on one core here). Other steps (a pooling window step, a depthwise
/// multiply-add, an element of an element-wise layer) run 20-100 times slower per step in LibTorch's CPU kernels
/// and count as keras::kSlowStep of them. MobileNetV2: ~1.5 G, InceptionV3 at 299 px: ~9 G. The limit keeps the
/// dry run of any model it admits to a few seconds, and so every fuzz input.
constexpr int64_t kMaxWork = int64_t(1) << 35;

} // namespace nsfw::limits
