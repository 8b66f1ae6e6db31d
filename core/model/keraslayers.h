#pragma once
// Torch-side header: include only from .cpp files of the model and training rooms (it pulls in <torch/torch.h>).

#include "model/tfjsmodel.h"

#include <torch/torch.h>

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace nsfw {

/// Raised while building or running a layer; the graph adds the layer name.
struct LayerError {
    std::string field;
    std::string message;
};

/// What running a layer once would cost, known before it runs: values in its output, and work in convolution
/// multiply-adds (limits::kMaxWork). Upper bounds, in double so no product of sizes can overflow.
struct LayerCost {
    double values = 0;
    double work = 0;
};

namespace keras {
/// Work of one step of a pooling window, a depthwise multiply-add or an element of an element-wise layer, in
/// convolution multiply-adds: measured 20-120x slower per step with one thread (pooling 0.15-0.84 G/s, depthwise
/// 0.45 G/s, oneDNN convolution 18-20 G/s).
constexpr double kSlowStep = 32;
} // namespace keras

/// One Keras layer as a torch module. Tensors are NCHW (4-D, maybe channels_last in memory) or NC (2-D);
/// Keras axes are mapped accordingly (Keras channel axis -1/3 is torch dim 1).
class KerasLayerImpl : public torch::nn::Module
{
public:
    KerasLayerImpl(std::string kerasName, std::string className, bool kerasTrainable);
    virtual torch::Tensor forward(const std::vector<torch::Tensor> &inputs) = 0;
    /// How many inputs the layer takes (-1: two or more).
    virtual int inputCount() const { return 1; }
    /// Cost of forward() on inputs of these sizes. The default fits element-wise layers, ZeroPadding2D and layers
    /// whose output is no larger than their input.
    virtual LayerCost cost(const std::vector<std::vector<int64_t>> &inputSizes) const;
    /// Weights by Keras short name ("kernel", "gamma", ...) in Keras layout, in Keras order.
    virtual std::vector<std::pair<std::string, torch::Tensor>> kerasWeights() const { return {}; }
    /// Sets a weight given in Keras layout. Throws LayerError on an unknown name or a shape mismatch.
    virtual void setKerasWeight(const std::string &shortName, const torch::Tensor &kerasValue);

    const std::string &kerasName() const { return m_kerasName; }
    const std::string &className() const { return m_className; }
    /// The `trainable` flag written in model.json (the original training's freezing).
    bool kerasTrainable() const { return m_kerasTrainable; }
    /// For layers that are a plain clamp (ReLU without slope/threshold, relu/relu6 activations): [lo, hi].
    std::optional<std::pair<double, double>> clampRange() const { return m_clamp; }
    void setClampRange(std::optional<std::pair<double, double>> range) { m_clamp = range; }
    /// For ZeroPadding2D: {top, bottom, left, right}; empty otherwise.
    const std::vector<int64_t> &zeroPadding() const { return m_zeroPadding; }
    void setZeroPadding(std::vector<int64_t> tblr) { m_zeroPadding = std::move(tblr); }

private:
    std::optional<std::pair<double, double>> m_clamp;
    std::vector<int64_t> m_zeroPadding;
    std::string m_kerasName;
    std::string m_className;
    bool m_kerasTrainable;
};

/// Finds a layer's weight in the manifest ("layer/short", or a name ending in "/layer/short").
using WeightLookup = std::function<const TfjsWeight *(const std::string &layer, const std::string &shortName)>;

/// Builds the module for one Keras layer and loads its weights. Throws LayerError.
std::shared_ptr<KerasLayerImpl> makeKerasLayer(const KerasLayerSpec &spec, const WeightLookup &weights);

/// Applies a Keras activation by name ("linear", "relu", "relu6", "softmax", "sigmoid", ...); channel dim is 1.
torch::Tensor applyActivation(const torch::Tensor &x, const std::string &name);
/// Throws LayerError unless `name` is an activation applyActivation knows.
void checkActivation(const std::string &name, const std::string &field);

/// Conv2D / DepthwiseConv2D with Keras padding ('valid', 'same' incl. TF's asymmetric case), stride, dilation.
class ConvLayerImpl : public KerasLayerImpl
{
public:
    ConvLayerImpl(const KerasLayerSpec &spec, const WeightLookup &weights);
    torch::Tensor forward(const std::vector<torch::Tensor> &inputs) override;
    LayerCost cost(const std::vector<std::vector<int64_t>> &inputSizes) const override;
    std::vector<std::pair<std::string, torch::Tensor>> kerasWeights() const override;
    void setKerasWeight(const std::string &shortName, const torch::Tensor &kerasValue) override;

    bool depthwise() const { return m_depthwise; }
    const std::string &activation() const { return m_activation; }
    /// Torch-layout kernel [out, in/groups, kh, kw] and bias (undefined when use_bias is false).
    torch::Tensor kernel() const { return m_kernel; }
    torch::Tensor bias() const { return m_bias; }
    /// Runs the convolution with the given weights (used by the fused inference plan).
    torch::Tensor convolve(const torch::Tensor &x, const torch::Tensor &kernel, const torch::Tensor &bias) const;
    /// Plain torch convolution with symmetric `padding` {h, w}, no Keras padding logic (fused plan).
    torch::Tensor convolveRaw(const torch::Tensor &x, const torch::Tensor &kernel, const torch::Tensor &bias,
                              const std::vector<int64_t> &padding) const;
    /// True for padding='valid' with dilation 1: a preceding ZeroPadding2D can be folded into it.
    bool foldablePadding() const { return !m_same && m_dilation == std::vector<int64_t>{1, 1}; }

private:
    bool m_depthwise = false;
    bool m_same = false;
    std::vector<int64_t> m_kernelSize, m_strides, m_dilation;
    int64_t m_groups = 1;
    int64_t m_multiplier = 1;
    std::string m_activation;
    torch::Tensor m_kernel, m_bias;
};

/// BatchNormalization over the channel dim; eval() uses the moving statistics, as Keras inference does.
class BatchNormLayerImpl : public KerasLayerImpl
{
public:
    BatchNormLayerImpl(const KerasLayerSpec &spec, const WeightLookup &weights);
    torch::Tensor forward(const std::vector<torch::Tensor> &inputs) override;
    std::vector<std::pair<std::string, torch::Tensor>> kerasWeights() const override;
    void setKerasWeight(const std::string &shortName, const torch::Tensor &kerasValue) override;
    /// Per-channel y = x * scale + shift equivalent to eval mode (for folding into a convolution).
    std::pair<torch::Tensor, torch::Tensor> evalAffine() const;

private:
    double m_epsilon = 1e-3;
    double m_momentum = 0.01; ///< torch convention: 1 - Keras momentum
    int m_axis = -1;
    torch::Tensor m_gamma, m_beta, m_mean, m_variance;
};

} // namespace nsfw
