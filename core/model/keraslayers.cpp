#include "model/keraslayers.h"

#include <QJsonArray>

#include <cmath>
#include <limits>

namespace F = torch::nn::functional;

namespace nsfw {

namespace {

[[noreturn]] void bad(const std::string &field, const std::string &message)
{
    throw LayerError{field, message};
}

const QJsonValue value(const KerasLayerSpec &spec, const char *key)
{
    return spec.config.value(QLatin1String(key));
}

double number(const KerasLayerSpec &spec, const char *key, std::optional<double> fallback = std::nullopt)
{
    const QJsonValue v = value(spec, key);
    if ((v.isUndefined() || v.isNull()) && fallback)
        return *fallback;
    if (!v.isDouble() || !std::isfinite(v.toDouble()))
        bad(key, v.isUndefined() ? "missing" : "expected a number");
    return v.toDouble();
}

bool boolean(const KerasLayerSpec &spec, const char *key, bool fallback)
{
    const QJsonValue v = value(spec, key);
    if (v.isUndefined() || v.isNull())
        return fallback;
    if (!v.isBool())
        bad(key, "expected true or false");
    return v.toBool();
}

std::string text(const KerasLayerSpec &spec, const char *key, std::optional<std::string> fallback = std::nullopt)
{
    const QJsonValue v = value(spec, key);
    if ((v.isUndefined() || v.isNull()) && fallback)
        return *fallback;
    if (!v.isString())
        bad(key, v.isUndefined() ? "missing" : "expected a string");
    return v.toString().toStdString();
}

int64_t positive(const QJsonValue &v, const char *key, int64_t minimum = 1)
{
    const double d = v.toDouble(std::numeric_limits<double>::quiet_NaN());
    if (!v.isDouble() || !std::isfinite(d) || d != std::floor(d) || d < minimum || d > 1e6)
        bad(key, "expected an integer >= " + std::to_string(minimum));
    return static_cast<int64_t>(d);
}

/// An int or [h, w] pair (Keras accepts both for kernel sizes, strides, dilations).
std::vector<int64_t> pair(const KerasLayerSpec &spec, const char *key, std::optional<std::vector<int64_t>> fallback,
                          int64_t minimum = 1)
{
    const QJsonValue v = value(spec, key);
    if ((v.isUndefined() || v.isNull()) && fallback)
        return *fallback;
    if (v.isDouble()) {
        const int64_t n = positive(v, key, minimum);
        return {n, n};
    }
    const QJsonArray a = v.toArray();
    if (!v.isArray() || a.size() != 2)
        bad(key, v.isUndefined() ? "missing" : "expected an integer or a pair of integers");
    return {positive(a.at(0), key, minimum), positive(a.at(1), key, minimum)};
}

std::string padding(const KerasLayerSpec &spec)
{
    const std::string p = text(spec, "padding", std::string("valid"));
    if (p != "valid" && p != "same")
        bad("padding", "unsupported padding '" + p + "'");
    return p;
}

void channelsLast(const KerasLayerSpec &spec)
{
    const std::string f = text(spec, "data_format", std::string("channels_last"));
    if (f != "channels_last")
        bad("data_format", "only channels_last is supported");
}

/// TF 'same' padding along one axis: total = max((ceil(in/s)-1)*s + (k-1)*d + 1 - in, 0); the extra pixel of an
/// odd total goes after (bottom/right), unlike torch's symmetric padding.
std::pair<int64_t, int64_t> samePadding(int64_t in, int64_t k, int64_t s, int64_t d)
{
    const int64_t out = (in + s - 1) / s;
    const int64_t total = std::max<int64_t>((out - 1) * s + (k - 1) * d + 1 - in, 0);
    return {total / 2, total - total / 2};
}

/// Maps a Keras axis of a channels_last tensor to our torch dim (NCHW for rank 4).
int64_t torchAxis(int64_t kerasAxis, int64_t rank)
{
    if (kerasAxis < 0)
        kerasAxis += rank;
    if (kerasAxis < 0 || kerasAxis >= rank)
        bad("axis", "axis out of range for a rank-" + std::to_string(rank) + " tensor");
    if (rank != 4 || kerasAxis == 0)
        return kerasAxis;
    return kerasAxis == 3 ? 1 : kerasAxis + 1;
}

torch::Tensor tensorOf(const TfjsWeight &w)
{
    return torch::from_blob(const_cast<float *>(w.values.data()), w.shape, torch::kFloat32).clone();
}

const TfjsWeight &need(const WeightLookup &weights, const KerasLayerSpec &spec, const std::string &shortName)
{
    const TfjsWeight *w = weights(spec.name.toStdString(), shortName);
    if (!w)
        bad("weightsManifest", "weight '" + spec.name.toStdString() + "/" + shortName + "' is missing");
    return *w;
}

void checkShape(const torch::Tensor &t, const std::vector<int64_t> &expected, const std::string &shortName)
{
    if (t.sizes().vec() != expected)
        bad(shortName, "weight shape " + c10::str(t.sizes()) + " does not match the layer (" + c10::str(expected) +
                           ")");
}

// ---- simple layers -------------------------------------------------------------------------------------------

class FunctionLayerImpl : public KerasLayerImpl
{
public:
    FunctionLayerImpl(const KerasLayerSpec &spec, std::function<torch::Tensor(const torch::Tensor &)> fn)
        : KerasLayerImpl(spec.name.toStdString(), spec.className.toStdString(), boolean(spec, "trainable", true))
        , m_fn(std::move(fn))
    {
    }
    torch::Tensor forward(const std::vector<torch::Tensor> &in) override { return m_fn(in.at(0)); }

private:
    std::function<torch::Tensor(const torch::Tensor &)> m_fn;
};

class DropoutLayerImpl : public KerasLayerImpl
{
public:
    explicit DropoutLayerImpl(const KerasLayerSpec &spec)
        : KerasLayerImpl(spec.name.toStdString(), spec.className.toStdString(), boolean(spec, "trainable", true))
        , m_rate(number(spec, "rate"))
    {
        if (m_rate < 0 || m_rate >= 1)
            bad("rate", "must be in [0, 1)");
    }
    torch::Tensor forward(const std::vector<torch::Tensor> &in) override
    {
        return is_training() && m_rate > 0 ? torch::dropout(in.at(0), m_rate, true) : in.at(0);
    }

private:
    double m_rate;
};

class MergeLayerImpl : public KerasLayerImpl
{
public:
    explicit MergeLayerImpl(const KerasLayerSpec &spec)
        : KerasLayerImpl(spec.name.toStdString(), spec.className.toStdString(), boolean(spec, "trainable", true))
    {
        if (spec.className == QLatin1String("Concatenate"))
            m_axis = static_cast<int64_t>(number(spec, "axis", -1));
    }
    int inputCount() const override { return -1; }
    torch::Tensor forward(const std::vector<torch::Tensor> &in) override
    {
        const std::string &c = className();
        if (c == "Concatenate")
            return torch::cat(in, torchAxis(m_axis, in.at(0).dim()));
        torch::Tensor y = in.at(0);
        for (size_t i = 1; i < in.size(); ++i) {
            if (c == "Add" || c == "Average")
                y = y + in[i];
            else if (c == "Multiply")
                y = y * in[i];
            else if (c == "Subtract")
                y = y - in[i];
            else if (c == "Maximum")
                y = torch::maximum(y, in[i]);
            else
                y = torch::minimum(y, in[i]);
        }
        return c == "Average" ? y / static_cast<double>(in.size()) : y;
    }

private:
    int64_t m_axis = -1;
};

class PoolLayerImpl : public KerasLayerImpl
{
public:
    explicit PoolLayerImpl(const KerasLayerSpec &spec)
        : KerasLayerImpl(spec.name.toStdString(), spec.className.toStdString(), boolean(spec, "trainable", true))
        , m_max(spec.className.startsWith(QLatin1String("Max")))
        , m_size(pair(spec, "pool_size", std::vector<int64_t>{2, 2}))
        , m_strides(pair(spec, "strides", m_size))
        , m_same(padding(spec) == "same")
    {
        channelsLast(spec);
    }
    torch::Tensor forward(const std::vector<torch::Tensor> &in) override
    {
        torch::Tensor x = in.at(0);
        if (x.dim() != 4)
            bad("inbound_nodes", "expects a 4-D input");
        if (!m_same)
            return m_max ? torch::max_pool2d(x, m_size, m_strides) : torch::avg_pool2d(x, m_size, m_strides);
        const auto [top, bottom] = samePadding(x.size(2), m_size[0], m_strides[0], 1);
        const auto [left, right] = samePadding(x.size(3), m_size[1], m_strides[1], 1);
        if (top == bottom && left == right && 2 * top <= m_size[0] && 2 * left <= m_size[1]) {
            // Keras 'same' average pooling divides by the number of real pixels: count_include_pad=false.
            return m_max ? torch::max_pool2d(x, m_size, m_strides, {top, left})
                         : torch::avg_pool2d(x, m_size, m_strides, {top, left}, false, false);
        }
        if (m_max) {
            const auto inf = -std::numeric_limits<double>::infinity();
            return torch::max_pool2d(F::pad(x, F::PadFuncOptions({left, right, top, bottom}).value(inf)), m_size,
                                     m_strides);
        }
        const auto pad = F::PadFuncOptions({left, right, top, bottom});
        const torch::Tensor sum = torch::avg_pool2d(F::pad(x, pad), m_size, m_strides);
        const torch::Tensor count =
            torch::avg_pool2d(F::pad(torch::ones({1, 1, x.size(2), x.size(3)}, x.options()), pad), m_size, m_strides);
        return sum / count;
    }

private:
    bool m_max;
    std::vector<int64_t> m_size, m_strides;
    bool m_same;
};

class DenseLayerImpl : public KerasLayerImpl
{
public:
    DenseLayerImpl(const KerasLayerSpec &spec, const WeightLookup &weights)
        : KerasLayerImpl(spec.name.toStdString(), spec.className.toStdString(), boolean(spec, "trainable", true))
        , m_activation(text(spec, "activation", std::string("linear")))
    {
        checkActivation(m_activation, "activation");
        const int64_t units = positive(value(spec, "units"), "units");
        const torch::Tensor k = tensorOf(need(weights, spec, "kernel"));
        if (k.dim() != 2 || k.size(1) != units)
            bad("kernel", "weight shape " + c10::str(k.sizes()) + " does not match units " + std::to_string(units));
        m_kernel = register_parameter("kernel", k.t().contiguous());
        if (boolean(spec, "use_bias", true)) {
            torch::Tensor b = tensorOf(need(weights, spec, "bias"));
            checkShape(b, {units}, "bias");
            m_bias = register_parameter("bias", b);
        }
    }
    torch::Tensor forward(const std::vector<torch::Tensor> &in) override
    {
        if (in.at(0).dim() != 2)
            bad("inbound_nodes", "Dense on a rank-" + std::to_string(in.at(0).dim()) + " input is not supported");
        return applyActivation(torch::linear(in.at(0), m_kernel, m_bias), m_activation);
    }
    std::vector<std::pair<std::string, torch::Tensor>> kerasWeights() const override
    {
        std::vector<std::pair<std::string, torch::Tensor>> w{{"kernel", m_kernel.t()}};
        if (m_bias.defined())
            w.emplace_back("bias", m_bias);
        return w;
    }
    void setKerasWeight(const std::string &name, const torch::Tensor &v) override
    {
        torch::NoGradGuard noGrad;
        if (name == "kernel") {
            checkShape(v, {m_kernel.size(1), m_kernel.size(0)}, name);
            m_kernel.copy_(v.t());
        } else if (name == "bias" && m_bias.defined()) {
            checkShape(v, m_bias.sizes().vec(), name);
            m_bias.copy_(v);
        } else {
            KerasLayerImpl::setKerasWeight(name, v);
        }
    }

private:
    std::string m_activation;
    torch::Tensor m_kernel, m_bias;
};

torch::Tensor zeroPad(const torch::Tensor &x, const std::vector<int64_t> &tblr)
{
    return F::pad(x, F::PadFuncOptions({tblr[2], tblr[3], tblr[0], tblr[1]}));
}

std::vector<int64_t> zeroPaddingOf(const KerasLayerSpec &spec)
{
    channelsLast(spec);
    const QJsonValue v = value(spec, "padding");
    if (v.isDouble()) {
        const int64_t n = positive(v, "padding", 0);
        return {n, n, n, n};
    }
    const QJsonArray a = v.toArray();
    if (!v.isArray() || a.size() != 2)
        bad("padding", "expected an int, [h, w] or [[top, bottom], [left, right]]");
    std::vector<int64_t> tblr;
    for (const QJsonValue &e : a) {
        if (e.isArray() && e.toArray().size() == 2) {
            tblr.push_back(positive(e.toArray().at(0), "padding", 0));
            tblr.push_back(positive(e.toArray().at(1), "padding", 0));
        } else {
            const int64_t n = positive(e, "padding", 0);
            tblr.insert(tblr.end(), {n, n});
        }
    }
    return tblr;
}

torch::Tensor kerasRelu(const torch::Tensor &x, std::optional<double> maxValue, double slope, double threshold)
{
    if (slope == 0 && threshold == 0)
        return maxValue ? torch::clamp(x, 0.0, *maxValue) : torch::relu(x);
    // Keras: x >= max -> max; threshold <= x < max -> x; otherwise slope * (x - threshold).
    torch::Tensor y = torch::where(x >= threshold, x, (x - threshold) * slope);
    return maxValue ? torch::clamp_max(y, *maxValue) : y;
}

} // namespace

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

void checkActivation(const std::string &name, const std::string &field)
{
    static const char *const kKnown[] = {"linear", "relu",    "relu6",    "softmax",  "sigmoid",      "tanh", "elu",
                                         "selu",   "softplus", "softsign", "swish",    "hard_sigmoid", "exponential",
                                         "gelu",   "silu"};
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
    , m_kernelSize(pair(spec, "kernel_size", std::nullopt))
    , m_strides(pair(spec, "strides", std::vector<int64_t>{1, 1}))
    , m_dilation(pair(spec, "dilation_rate", std::vector<int64_t>{1, 1}))
    , m_activation(text(spec, "activation", std::string("linear")))
{
    channelsLast(spec);
    checkActivation(m_activation, "activation");
    const torch::Tensor k = tensorOf(need(weights, spec, m_depthwise ? "depthwise_kernel" : "kernel"));
    const std::string kname = m_depthwise ? "depthwise_kernel" : "kernel";
    if (k.dim() != 4 || k.size(0) != m_kernelSize[0] || k.size(1) != m_kernelSize[1])
        bad(kname, "weight shape " + c10::str(k.sizes()) + " does not match kernel_size");
    int64_t outChannels;
    if (m_depthwise) {
        m_multiplier = positive(value(spec, "depth_multiplier").isUndefined() ? QJsonValue(1)
                                                                             : value(spec, "depth_multiplier"),
                                "depth_multiplier");
        if (k.size(3) != m_multiplier)
            bad(kname, "weight shape " + c10::str(k.sizes()) + " does not match depth_multiplier");
        m_groups = k.size(2);
        outChannels = k.size(2) * m_multiplier;
        // [kh, kw, in, mult] -> [in*mult, 1, kh, kw]: output channel c*mult+m filters input channel c.
        m_kernel = register_parameter(
            "depthwise_kernel", k.reshape({k.size(0), k.size(1), outChannels}).permute({2, 0, 1}).unsqueeze(1).contiguous());
    } else {
        outChannels = positive(value(spec, "filters"), "filters");
        m_groups = positive(value(spec, "groups").isUndefined() ? QJsonValue(1) : value(spec, "groups"), "groups");
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
        bad(m_depthwise ? "depthwise_kernel" : "kernel",
            "kernel expects " + std::to_string(kernel.size(1) * m_groups) + " input channels, got " +
                std::to_string(input.size(1)));
    torch::Tensor x = input;
    std::vector<int64_t> pad{0, 0};
    if (m_same) {
        const auto [top, bottom] = samePadding(x.size(2), m_kernelSize[0], m_strides[0], m_dilation[0]);
        const auto [left, right] = samePadding(x.size(3), m_kernelSize[1], m_strides[1], m_dilation[1]);
        if (top == bottom && left == right) {
            pad = {top, left};
        } else if (bottom >= top && right >= left && m_dilation == std::vector<int64_t>{1, 1}) {
            // TF pads one more at the bottom/right. Rather than copying the input into a padded buffer, pad
            // symmetrically by (bottom, right) and shift the windows by growing the kernel with leading zeros:
            // the window of output i then starts at the same input pixel as TF's does.
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

std::vector<std::pair<std::string, torch::Tensor>> ConvLayerImpl::kerasWeights() const
{
    std::vector<std::pair<std::string, torch::Tensor>> w;
    if (m_depthwise) {
        const auto kh = m_kernel.size(2), kw = m_kernel.size(3);
        w.emplace_back("depthwise_kernel", m_kernel.squeeze(1).permute({1, 2, 0}).reshape({kh, kw, m_groups, m_multiplier}));
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
    m_axis = a.isUndefined() ? -1 : static_cast<int>(a.toDouble(99));
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
        bad("moving_mean", "layer has " + std::to_string(m_mean.size(0)) + " channels, input has " +
                               std::to_string(x.size(1)));
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

// ---- factory -------------------------------------------------------------------------------------------------

std::shared_ptr<KerasLayerImpl> makeKerasLayer(const KerasLayerSpec &spec, const WeightLookup &weights)
{
    const QString &c = spec.className;
    auto fn = [&spec](std::function<torch::Tensor(const torch::Tensor &)> f) {
        return std::make_shared<FunctionLayerImpl>(spec, std::move(f));
    };
    if (c == QLatin1String("InputLayer"))
        return fn([](const torch::Tensor &x) { return x; });
    if (c == QLatin1String("Conv2D") || c == QLatin1String("DepthwiseConv2D"))
        return std::make_shared<ConvLayerImpl>(spec, weights);
    if (c == QLatin1String("BatchNormalization"))
        return std::make_shared<BatchNormLayerImpl>(spec, weights);
    if (c == QLatin1String("Dense"))
        return std::make_shared<DenseLayerImpl>(spec, weights);
    if (c == QLatin1String("Dropout") || c == QLatin1String("SpatialDropout2D"))
        return std::make_shared<DropoutLayerImpl>(spec);
    if (c == QLatin1String("Add") || c == QLatin1String("Concatenate") || c == QLatin1String("Multiply") ||
        c == QLatin1String("Subtract") || c == QLatin1String("Average") || c == QLatin1String("Maximum") ||
        c == QLatin1String("Minimum"))
        return std::make_shared<MergeLayerImpl>(spec);
    if (c == QLatin1String("MaxPooling2D") || c == QLatin1String("AveragePooling2D"))
        return std::make_shared<PoolLayerImpl>(spec);
    if (c == QLatin1String("ZeroPadding2D")) {
        const std::vector<int64_t> tblr = zeroPaddingOf(spec);
        auto layer = fn([tblr](const torch::Tensor &x) { return zeroPad(x, tblr); });
        layer->setZeroPadding(tblr);
        return layer;
    }
    if (c == QLatin1String("ReLU")) {
        const QJsonValue mv = value(spec, "max_value");
        const std::optional<double> maxValue =
            mv.isNull() || mv.isUndefined() ? std::nullopt : std::optional<double>(number(spec, "max_value"));
        const double slope = number(spec, "negative_slope", 0.0), threshold = number(spec, "threshold", 0.0);
        auto layer = fn([=](const torch::Tensor &x) { return kerasRelu(x, maxValue, slope, threshold); });
        if (slope == 0 && threshold == 0)
            layer->setClampRange(std::make_pair(0.0, maxValue.value_or(std::numeric_limits<double>::infinity())));
        return layer;
    }
    if (c == QLatin1String("LeakyReLU")) {
        const double alpha = number(spec, "alpha", 0.3);
        return fn([alpha](const torch::Tensor &x) { return torch::leaky_relu(x, alpha); });
    }
    if (c == QLatin1String("Activation")) {
        const std::string a = text(spec, "activation");
        checkActivation(a, "activation");
        auto layer = fn([a](const torch::Tensor &x) { return applyActivation(x, a); });
        if (a == "relu" || a == "relu6")
            layer->setClampRange(std::make_pair(0.0, a == "relu6" ? 6.0 : std::numeric_limits<double>::infinity()));
        return layer;
    }
    if (c == QLatin1String("Softmax")) {
        const int64_t axis = static_cast<int64_t>(number(spec, "axis", -1));
        return fn([axis](const torch::Tensor &x) { return torch::softmax(x, torchAxis(axis, x.dim())); });
    }
    if (c == QLatin1String("Flatten")) {
        channelsLast(spec);
        // Keras flattens NHWC: permute back from our NCHW so Dense weights line up.
        return fn([](const torch::Tensor &x) {
            return x.dim() == 4 ? x.permute({0, 2, 3, 1}).reshape({x.size(0), -1}) : x.reshape({x.size(0), -1});
        });
    }
    if (c == QLatin1String("GlobalAveragePooling2D") || c == QLatin1String("GlobalMaxPooling2D")) {
        channelsLast(spec);
        const bool keep = boolean(spec, "keepdims", false), isMax = c.contains(QLatin1String("Max"));
        return fn([keep, isMax](const torch::Tensor &x) {
            if (x.dim() != 4)
                bad("inbound_nodes", "expects a 4-D input");
            return isMax ? std::get<0>(x.flatten(2).max(2, keep)).reshape(keep ? std::vector<int64_t>{x.size(0), x.size(1), 1, 1}
                                                                                 : std::vector<int64_t>{x.size(0), x.size(1)})
                         : x.mean({2, 3}, keep);
        });
    }
    bad("class_name", "unsupported layer class '" + c.toStdString() + "'");
}

} // namespace nsfw
