// The simple Keras layers (no or few weights) and the factory that maps class_name to a module.
#include "model/kerasconfig.h"
#include "model/keraslayers.h"

namespace nsfw {

using namespace keras;

namespace {

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
            m_axis = integer(spec, "axis", -1, -limits::kMaxAxis, limits::kMaxAxis);
    }
    int inputCount() const override { return -1; }
    LayerCost cost(const std::vector<std::vector<int64_t>> &inputSizes) const override
    {
        LayerCost c;
        if (className() == "Concatenate") {
            for (const auto &sizes : inputSizes)
                c.values += product(sizes);
            return {c.values, c.values * kSlowStep};
        }
        // Broadcasting: each axis (aligned from the right) takes the largest size among the inputs.
        std::vector<double> out;
        for (const auto &sizes : inputSizes) {
            if (sizes.size() > out.size())
                out.insert(out.begin(), sizes.size() - out.size(), 1.0);
            for (size_t i = 0; i < sizes.size(); ++i) {
                double &o = out[out.size() - sizes.size() + i];
                o = std::max(o, static_cast<double>(sizes[i]));
            }
        }
        c.values = 1;
        for (double d : out)
            c.values *= d;
        return {c.values, c.values * static_cast<double>(inputSizes.size()) * kSlowStep};
    }
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
        , m_size(pair(spec, "pool_size", std::vector<int64_t>{2, 2}, limits::kMaxKernelSide))
        , m_strides(pair(spec, "strides", m_size, limits::kMaxStride))
        , m_same(padding(spec) == "same")
    {
        channelsLast(spec);
    }
    LayerCost cost(const std::vector<std::vector<int64_t>> &inputSizes) const override
    {
        const std::vector<int64_t> &in = inputSizes.at(0);
        if (in.size() != 4)
            return KerasLayerImpl::cost(inputSizes);
        double out = product({in[0], in[1]});
        for (int axis = 0; axis < 2; ++axis) {
            const int64_t size = in[2 + axis], k = m_size[axis], s = m_strides[axis];
            out *= static_cast<double>(m_same ? (size + s - 1) / s : std::max<int64_t>(0, (size - k) / s + 1));
        }
        // The 'same' average pool with uneven padding also pools a padded copy and a count image.
        return {out, (out * static_cast<double>(m_size[0] * m_size[1]) * (m_same && !m_max ? 2 : 1) + product(in)) *
                         kSlowStep};
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
        const int64_t units = positive(value(spec, "units"), "units", limits::kMaxUnits);
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
    LayerCost cost(const std::vector<std::vector<int64_t>> &inputSizes) const override
    {
        const double out = static_cast<double>(inputSizes.at(0).empty() ? 1 : inputSizes.at(0)[0]) *
                           static_cast<double>(m_kernel.size(0));
        return {out, out * static_cast<double>(m_kernel.size(1)) + out * kSlowStep};
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

std::vector<int64_t> zeroPaddingOf(const KerasLayerSpec &spec)
{
    channelsLast(spec);
    const QJsonValue v = value(spec, "padding");
    if (v.isDouble()) {
        const int64_t n = integer(v, "padding", 0, limits::kMaxPadding);
        return {n, n, n, n};
    }
    const QJsonArray a = v.toArray();
    if (!v.isArray() || a.size() != 2)
        bad("padding", "expected an int, [h, w] or [[top, bottom], [left, right]]");
    std::vector<int64_t> tblr;
    for (const QJsonValue &e : a) {
        if (e.isArray() && e.toArray().size() == 2) {
            tblr.push_back(integer(e.toArray().at(0), "padding", 0, limits::kMaxPadding));
            tblr.push_back(integer(e.toArray().at(1), "padding", 0, limits::kMaxPadding));
        } else {
            const int64_t n = integer(e, "padding", 0, limits::kMaxPadding);
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
        const int64_t axis = integer(spec, "axis", -1, -limits::kMaxAxis, limits::kMaxAxis);
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
            return isMax ? std::get<0>(x.flatten(2).max(2, keep))
                               .reshape(keep ? std::vector<int64_t>{x.size(0), x.size(1), 1, 1}
                                             : std::vector<int64_t>{x.size(0), x.size(1)})
                         : x.mean({2, 3}, keep);
        });
    }
    bad("class_name", "unsupported layer class '" + c.toStdString() + "'");
}

} // namespace nsfw
