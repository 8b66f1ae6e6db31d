#include "model/keraslayers.h"

#include "model/kerasconfig.h"

namespace nsfw {

using namespace keras;

KerasLayerImpl::KerasLayerImpl(std::string kerasName, std::string className, bool kerasTrainable)
    : m_kerasName(std::move(kerasName))
    , m_className(std::move(className))
    , m_kerasTrainable(kerasTrainable)
{
}

void KerasLayerImpl::setKerasWeight(const std::string &shortName, const torch::Tensor &)
{
    bad(shortName, "layer '" + m_kerasName + "' has no weight '" + shortName + "'");
}

LayerCost KerasLayerImpl::cost(const std::vector<std::vector<int64_t>> &inputSizes) const
{
    LayerCost c;
    for (const std::vector<int64_t> &sizes : inputSizes) {
        std::vector<int64_t> out = sizes;
        if (m_zeroPadding.size() == 4 && out.size() == 4) {
            out[2] += m_zeroPadding[0] + m_zeroPadding[1];
            out[3] += m_zeroPadding[2] + m_zeroPadding[3];
        }
        c.values = std::max(c.values, product(out));
        c.work += product(out) * kSlowStep;
    }
    return c;
}

void checkActivation(const std::string &name, const std::string &field)
{
    static const char *const kKnown[] = {"linear", "relu",         "relu6",       "softmax",  "sigmoid",
                                         "tanh",   "elu",          "selu",        "softplus", "softsign",
                                         "swish",  "hard_sigmoid", "exponential", "gelu",     "silu"};
    for (const char *k : kKnown) {
        if (name == k)
            return;
    }
    bad(field, "unsupported activation '" + name + "'");
}

torch::Tensor applyActivation(const torch::Tensor &x, const std::string &a)
{
    if (a == "linear")
        return x;
    if (a == "relu")
        return torch::relu(x);
    if (a == "relu6")
        return torch::clamp(x, 0.0, 6.0);
    if (a == "softmax")
        return torch::softmax(x, 1);
    if (a == "sigmoid")
        return torch::sigmoid(x);
    if (a == "tanh")
        return torch::tanh(x);
    if (a == "elu")
        return torch::elu(x);
    if (a == "selu")
        return torch::selu(x);
    if (a == "softplus")
        return torch::softplus(x);
    if (a == "softsign")
        return x / (x.abs() + 1);
    if (a == "swish" || a == "silu")
        return torch::silu(x);
    if (a == "hard_sigmoid")
        return torch::clamp(x * 0.2 + 0.5, 0.0, 1.0);
    if (a == "exponential")
        return torch::exp(x);
    if (a == "gelu")
        return torch::gelu(x);
    bad("activation", "unsupported activation '" + a + "'");
}

// ---- Conv2D / DepthwiseConv2D --------------------------------------------------------------------------------

ConvLayerImpl::ConvLayerImpl(const KerasLayerSpec &spec, const WeightLookup &weights)
    : KerasLayerImpl(spec.name.toStdString(), spec.className.toStdString(), boolean(spec, "trainable", true))
    , m_depthwise(spec.className == QLatin1String("DepthwiseConv2D"))
    , m_same(padding(spec) == "same")
    , m_kernelSize(pair(spec, "kernel_size", std::nullopt, limits::kMaxKernelSide))
    , m_strides(pair(spec, "strides", std::vector<int64_t>{1, 1}, limits::kMaxStride))
    , m_dilation(pair(spec, "dilation_rate", std::vector<int64_t>{1, 1}, limits::kMaxDilation))
    , m_activation(text(spec, "activation", std::string("linear")))
{
    channelsLast(spec);
    checkActivation(m_activation, "activation");
    // Every size the config gives is checked before the weights become tensors.
    int64_t outChannels = 0;
    if (m_depthwise) {
        m_multiplier = integer(spec, "depth_multiplier", 1, 1, limits::kMaxDepthMultiplier);
    } else {
        outChannels = positive(value(spec, "filters"), "filters", limits::kMaxUnits);
        m_groups = integer(spec, "groups", 1, 1, limits::kMaxUnits);
    }
    const torch::Tensor k = tensorOf(need(weights, spec, m_depthwise ? "depthwise_kernel" : "kernel"));
    const std::string kname = m_depthwise ? "depthwise_kernel" : "kernel";
    if (k.dim() != 4 || k.size(0) != m_kernelSize[0] || k.size(1) != m_kernelSize[1])
        bad(kname, "weight shape " + c10::str(k.sizes()) + " does not match kernel_size");
    if (m_depthwise) {
        if (k.size(3) != m_multiplier)
            bad(kname, "weight shape " + c10::str(k.sizes()) + " does not match depth_multiplier");
        if (k.size(2) < 1 || k.size(2) * m_multiplier > limits::kMaxUnits)
            bad(kname, trLayer(QCoreApplication::translate("nsfw::KerasLayer",
                                                           "%1 input channels times depth_multiplier %2: expected 1 "
                                                           "to %3 output channels")
                                   .arg(k.size(2))
                                   .arg(m_multiplier)
                                   .arg(limits::kMaxUnits)));
        m_groups = k.size(2);
        outChannels = k.size(2) * m_multiplier;
        // [kh, kw, in, mult] -> [in*mult, 1, kh, kw]: output channel c*mult+m filters input channel c.
        m_kernel = register_parameter(
            "depthwise_kernel",
            k.reshape({k.size(0), k.size(1), outChannels}).permute({2, 0, 1}).unsqueeze(1).contiguous());
    } else {
        if (k.size(3) != outChannels || outChannels % m_groups != 0)
            bad(kname, "weight shape " + c10::str(k.sizes()) + " does not match filters/groups");
        // [kh, kw, in/groups, out] -> [out, in/groups, kh, kw]
        m_kernel = register_parameter("kernel", k.permute({3, 2, 0, 1}).contiguous());
    }
    if (boolean(spec, "use_bias", true)) {
        torch::Tensor b = tensorOf(need(weights, spec, "bias"));
        checkShape(b, {outChannels}, "bias");
        m_bias = register_parameter("bias", b);
    }
}

torch::Tensor ConvLayerImpl::convolve(const torch::Tensor &input, const torch::Tensor &kernel,
                                      const torch::Tensor &bias) const
{
    if (input.dim() != 4)
        bad("inbound_nodes", "expects a 4-D input");
    if (input.size(1) != kernel.size(1) * m_groups)
        bad(m_depthwise ? "depthwise_kernel" : "kernel", "kernel expects " + std::to_string(kernel.size(1) * m_groups) +
                                                             " input channels, got " + std::to_string(input.size(1)));
    torch::Tensor x = input;
    std::vector<int64_t> pad{0, 0};
    if (m_same) {
        const auto [top, bottom] = samePadding(x.size(2), m_kernelSize[0], m_strides[0], m_dilation[0]);
        const auto [left, right] = samePadding(x.size(3), m_kernelSize[1], m_strides[1], m_dilation[1]);
        if (top == bottom && left == right) {
            pad = {top, left};
        } else if (bottom >= top && right >= left && m_dilation == std::vector<int64_t>{1, 1} &&
                   !(kernel.requires_grad() && torch::GradMode::is_enabled())) {
            // TF pads one more at the bottom/right. Rather than copying the input into a padded buffer, pad
            // symmetrically by (bottom, right) and shift the windows by growing the kernel with leading zeros:
            // the window of output i then starts at the same input pixel as TF's does. Not for a kernel that
            // trains: the grown kernel's weight gradient is several times slower than the copy.
            return torch::conv2d(x, F::pad(kernel, F::PadFuncOptions({right - left, 0, bottom - top, 0})), bias,
                                 m_strides, {bottom, right}, m_dilation, m_groups);
        } else {
            x = zeroPad(x, {top, bottom, left, right});
        }
    }
    return torch::conv2d(x, kernel, bias, m_strides, pad, m_dilation, m_groups);
}

torch::Tensor ConvLayerImpl::convolveRaw(const torch::Tensor &x, const torch::Tensor &kernel, const torch::Tensor &bias,
                                         const std::vector<int64_t> &padding) const
{
    return torch::conv2d(x, kernel, bias, m_strides, padding, m_dilation, m_groups);
}

torch::Tensor ConvLayerImpl::forward(const std::vector<torch::Tensor> &in)
{
    return applyActivation(convolve(in.at(0), m_kernel, m_bias), m_activation);
}

LayerCost ConvLayerImpl::cost(const std::vector<std::vector<int64_t>> &inputSizes) const
{
    const std::vector<int64_t> &in = inputSizes.at(0);
    if (in.size() != 4)
        return KerasLayerImpl::cost(inputSizes); // forward refuses it
    double out = static_cast<double>(in[0]) * static_cast<double>(m_kernel.size(0));
    for (int axis = 0; axis < 2; ++axis) {
        const int64_t size = in[2 + axis], k = m_kernelSize[axis], s = m_strides[axis], d = m_dilation[axis];
        // 'same': ceil(size / stride); 'valid': windows that fit, none when the kernel is larger than the input.
        const int64_t n = m_same ? (size + s - 1) / s : std::max<int64_t>(0, (size - (k - 1) * d - 1) / s + 1);
        out *= static_cast<double>(n);
    }
    // oneDNN's dense convolution is fast per multiply-add, its depthwise one is not; bias and activation too.
    const double perOutput = static_cast<double>(m_kernel.size(1) * m_kernelSize[0] * m_kernelSize[1]);
    return {out, out * (m_kernel.size(1) == 1 && m_groups > 1 ? perOutput * kSlowStep : perOutput) + out * kSlowStep};
}

std::vector<std::pair<std::string, torch::Tensor>> ConvLayerImpl::kerasWeights() const
{
    std::vector<std::pair<std::string, torch::Tensor>> w;
    if (m_depthwise) {
        const auto kh = m_kernel.size(2), kw = m_kernel.size(3);
        w.emplace_back("depthwise_kernel",
                       m_kernel.squeeze(1).permute({1, 2, 0}).reshape({kh, kw, m_groups, m_multiplier}));
    } else {
        w.emplace_back("kernel", m_kernel.permute({2, 3, 1, 0}));
    }
    if (m_bias.defined())
        w.emplace_back("bias", m_bias);
    return w;
}

void ConvLayerImpl::setKerasWeight(const std::string &name, const torch::Tensor &v)
{
    torch::NoGradGuard noGrad;
    if (name == (m_depthwise ? "depthwise_kernel" : "kernel")) {
        const auto current = kerasWeights().front().second;
        checkShape(v, current.sizes().vec(), name);
        if (m_depthwise)
            m_kernel.copy_(v.reshape({v.size(0), v.size(1), -1}).permute({2, 0, 1}).unsqueeze(1));
        else
            m_kernel.copy_(v.permute({3, 2, 0, 1}));
    } else if (name == "bias" && m_bias.defined()) {
        checkShape(v, m_bias.sizes().vec(), name);
        m_bias.copy_(v);
    } else {
        KerasLayerImpl::setKerasWeight(name, v);
    }
}

// ---- BatchNormalization --------------------------------------------------------------------------------------

BatchNormLayerImpl::BatchNormLayerImpl(const KerasLayerSpec &spec, const WeightLookup &weights)
    : KerasLayerImpl(spec.name.toStdString(), spec.className.toStdString(), boolean(spec, "trainable", true))
    , m_epsilon(number(spec, "epsilon", 1e-3))
    , m_momentum(1.0 - number(spec, "momentum", 0.99))
{
    const QJsonValue axis = value(spec, "axis");
    const QJsonValue a = axis.isArray() && axis.toArray().size() == 1 ? axis.toArray().at(0) : axis;
    m_axis =
        a.isUndefined() || a.isNull() ? -1 : static_cast<int>(integer(a, "axis", -limits::kMaxAxis, limits::kMaxAxis));
    if (m_axis != -1 && m_axis != 1 && m_axis != 3)
        bad("axis", "only the channel axis (-1) is supported");
    if (m_epsilon <= 0)
        bad("epsilon", "must be positive");
    m_mean = register_buffer("moving_mean", tensorOf(need(weights, spec, "moving_mean")));
    if (m_mean.dim() != 1)
        bad("moving_mean", "expected a vector");
    const int64_t c = m_mean.size(0);
    m_variance = register_buffer("moving_variance", tensorOf(need(weights, spec, "moving_variance")));
    checkShape(m_variance, {c}, "moving_variance");
    if (boolean(spec, "scale", true)) {
        m_gamma = register_parameter("gamma", tensorOf(need(weights, spec, "gamma")));
        checkShape(m_gamma, {c}, "gamma");
    }
    if (boolean(spec, "center", true)) {
        m_beta = register_parameter("beta", tensorOf(need(weights, spec, "beta")));
        checkShape(m_beta, {c}, "beta");
    }
}

torch::Tensor BatchNormLayerImpl::forward(const std::vector<torch::Tensor> &in)
{
    const torch::Tensor &x = in.at(0);
    if ((m_axis == 3 && x.dim() != 4) || (m_axis == 1 && x.dim() != 2) || x.dim() < 2)
        bad("axis", "axis does not match a rank-" + std::to_string(x.dim()) + " input");
    if (x.size(1) != m_mean.size(0))
        bad("moving_mean",
            "layer has " + std::to_string(m_mean.size(0)) + " channels, input has " + std::to_string(x.size(1)));
    return torch::batch_norm(x, m_gamma, m_beta, m_mean, m_variance, is_training(), m_momentum, m_epsilon, true);
}

std::pair<torch::Tensor, torch::Tensor> BatchNormLayerImpl::evalAffine() const
{
    torch::Tensor scale = torch::rsqrt(m_variance + m_epsilon);
    if (m_gamma.defined())
        scale = scale * m_gamma;
    torch::Tensor shift = -m_mean * scale;
    if (m_beta.defined())
        shift = shift + m_beta;
    return {scale, shift};
}

std::vector<std::pair<std::string, torch::Tensor>> BatchNormLayerImpl::kerasWeights() const
{
    // Keras order: gamma, beta, moving_mean, moving_variance.
    std::vector<std::pair<std::string, torch::Tensor>> w;
    if (m_gamma.defined())
        w.emplace_back("gamma", m_gamma);
    if (m_beta.defined())
        w.emplace_back("beta", m_beta);
    w.emplace_back("moving_mean", m_mean);
    w.emplace_back("moving_variance", m_variance);
    return w;
}

void BatchNormLayerImpl::setKerasWeight(const std::string &name, const torch::Tensor &v)
{
    torch::NoGradGuard noGrad;
    for (auto &[n, t] : kerasWeights()) {
        if (n == name) {
            checkShape(v, t.sizes().vec(), name);
            t.copy_(v);
            return;
        }
    }
    KerasLayerImpl::setKerasWeight(name, v);
}
} // namespace nsfw
