// The ONNX export's graph writer: each Keras layer of a KerasGraph as ONNX nodes (opset 10, the forms OpenCV 4.6's
// importer reads) and its weights as float initializers; every layer's output shape from one pass over a picture of
// zeros, for the explicit 'same' paddings and the Flatten order.
#include "onnxgraph_p.h"

#include "model/kerasconfig.h"
#include "model/modellimits.h"

#include <QCoreApplication>

#include <cfloat>
#include <map>

namespace nsfw::onnxexport {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("nsfw::OnnxExport", text);
}

[[noreturn]] void refuse(const std::string &layer, const QString &why)
{
    throw Refusal{tr("layer '%1': %2").arg(QString::fromStdString(layer), why)};
}

void setInt(onnx::NodeProto *n, const char *name, int64_t v)
{
    onnx::AttributeProto *a = n->add_attribute();
    a->set_name(name);
    a->set_type(onnx::AttributeProto::INT);
    a->set_i(v);
}

void setInts(onnx::NodeProto *n, const char *name, const std::vector<int64_t> &v)
{
    onnx::AttributeProto *a = n->add_attribute();
    a->set_name(name);
    a->set_type(onnx::AttributeProto::INTS);
    for (int64_t x : v)
        a->add_ints(x);
}

void setFloat(onnx::NodeProto *n, const char *name, double v)
{
    onnx::AttributeProto *a = n->add_attribute();
    a->set_name(name);
    a->set_type(onnx::AttributeProto::FLOAT);
    a->set_f(static_cast<float>(v));
}

void setString(onnx::NodeProto *n, const char *name, const std::string &v)
{
    onnx::AttributeProto *a = n->add_attribute();
    a->set_name(name);
    a->set_type(onnx::AttributeProto::STRING);
    a->set_s(v);
}

void setValueInfo(onnx::ValueInfoProto *info, const std::string &name, const std::vector<int64_t> &dims)
{
    info->set_name(name);
    onnx::TypeProto_Tensor *t = info->mutable_type()->mutable_tensor_type();
    t->set_elem_type(onnx::TensorProto::FLOAT);
    onnx::TensorShapeProto *shape = t->mutable_shape();
    for (size_t k = 0; k < dims.size(); ++k) {
        if (k == 0)
            shape->add_dim()->set_dim_param("batch");
        else
            shape->add_dim()->set_dim_value(dims[k]);
    }
}

} // namespace

onnx::NodeProto *GraphWriter::node(const char *op, const std::string &name, const std::vector<std::string> &inputs,
                                   const std::vector<std::string> &outputs)
{
    onnx::NodeProto *n = m_out->add_node();
    n->set_op_type(op);
    n->set_name(name);
    for (const std::string &s : inputs)
        n->add_input(s);
    for (const std::string &s : outputs)
        n->add_output(s);
    return n;
}

std::string GraphWriter::initializer(const std::string &base, const torch::Tensor &t)
{
    const std::string name = fresh(base);
    const torch::Tensor c = t.detach().to(torch::kFloat).contiguous().cpu();
    onnx::TensorProto *p = m_out->add_initializer();
    p->set_name(name);
    p->set_data_type(onnx::TensorProto::FLOAT);
    for (int64_t d : c.sizes())
        p->add_dims(d);
    // raw_data is little-endian float32, the layout of the tensor in memory here (x86-64, arm64).
    p->set_raw_data(
        std::string(reinterpret_cast<const char *>(c.data_ptr<float>()), size_t(c.numel()) * sizeof(float)));
    return name;
}

std::string GraphWriter::fresh(const std::string &base)
{
    std::string name = base;
    for (int k = 1; m_used.count(name); ++k)
        name = base + "_" + std::to_string(k);
    m_used.insert(name);
    return name;
}

void GraphWriter::inferShapes()
{
    // One picture of zeros through the layers the output needs; each activation is freed after its last reader.
    const auto &nodes = m_graph->nodes();
    const int n = static_cast<int>(nodes.size());
    m_needed.assign(size_t(n), false);
    m_needed[size_t(m_graph->outputNode())] = true;
    for (int i = n - 1; i >= 0; --i) {
        if (m_needed[size_t(i)]) {
            for (int in : nodes[size_t(i)].inputs)
                m_needed[size_t(in)] = true;
        }
    }
    std::vector<int> readers(size_t(n), 0);
    int input = -1;
    for (int i = 0; i < n; ++i) {
        if (nodes[size_t(i)].inputs.empty() && m_needed[size_t(i)]) {
            if (input >= 0)
                throw Refusal{tr("the model has more than one input; only single-input models are exported")};
            input = i;
        }
        if (m_needed[size_t(i)]) {
            for (int in : nodes[size_t(i)].inputs)
                ++readers[size_t(in)];
        }
    }
    if (input < 0)
        throw Refusal{tr("the model's output does not depend on its input")};
    torch::NoGradGuard noGrad;
    m_graph->eval();
    std::vector<torch::Tensor> values(static_cast<size_t>(n));
    m_shapes.assign(size_t(n), {});
    values[size_t(input)] = torch::zeros({1, m_graph->inputChannels(), m_graph->inputHeight(), m_graph->inputWidth()});
    m_shapes[size_t(input)] = values[size_t(input)].sizes().vec();
    for (int i = 0; i < n; ++i) {
        if (!m_needed[size_t(i)] || i == input)
            continue;
        std::vector<torch::Tensor> args;
        for (int in : nodes[size_t(i)].inputs)
            args.push_back(values[size_t(in)]);
        try {
            values[size_t(i)] = m_graph->runNode(i, args, 1);
        } catch (const ModelException &e) {
            throw Refusal{e.error.toString()};
        }
        m_shapes[size_t(i)] = values[size_t(i)].sizes().vec();
        for (int in : nodes[size_t(i)].inputs) {
            if (--readers[size_t(in)] == 0)
                values[size_t(in)] = torch::Tensor();
        }
    }
}

void GraphWriter::write()
{
    const auto &nodes = m_graph->nodes();
    if (nodes.size() != m_model.layers.size())
        throw Refusal{tr("the layer graph does not match model.json")};
    inferShapes();
    m_used = {kInputName, kOutputName};
    m_names.assign(nodes.size(), {});
    const int output = m_graph->outputNode();
    const Shape &outShape = m_shapes[size_t(output)];
    if (outShape.size() != 2)
        throw Refusal{
            tr("the model's output has %1 dimensions; the export expects [batch, classes]").arg(outShape.size())};
    m_classes = static_cast<int>(outShape[1]);
    for (size_t i = 0; i < nodes.size(); ++i) {
        if (!m_needed[i])
            continue;
        if (nodes[i].layer->kerasName() != m_model.layers[i].name.toStdString())
            throw Refusal{tr("the layer graph does not match model.json")};
        if (nodes[i].inputs.empty()) {
            m_names[i] = kInputName;
            setValueInfo(m_out->add_input(), kInputName, m_shapes[i]);
            continue;
        }
        try {
            writeNode(static_cast<int>(i));
        } catch (const LayerError &e) {
            refuse(nodes[i].layer->kerasName(),
                   QString::fromStdString(e.field.empty() ? e.message : e.field + ": " + e.message));
        }
    }
    setValueInfo(m_out->add_output(), kOutputName, outShape);
}

void GraphWriter::alias(int i, const std::string &in)
{
    if (i == m_graph->outputNode())
        node("Identity", m_graph->nodes()[size_t(i)].layer->kerasName(), {in}, {kOutputName});
    m_names[size_t(i)] = i == m_graph->outputNode() ? kOutputName : in;
}

void GraphWriter::writeActivation(const std::string &layer, const std::string &a, const std::string &in,
                                  const std::string &out, size_t rank)
{
    const std::string name = layer + "/" + a;
    if (a == "relu") {
        node("Relu", name, {in}, {out});
    } else if (a == "relu6") {
        onnx::NodeProto *n = node("Clip", name, {in}, {out});
        setFloat(n, "min", 0.0);
        setFloat(n, "max", 6.0);
    } else if (a == "softmax") {
        // Opset 10's Softmax flattens from `axis` on: the channel axis is the last only for a [batch, classes] input.
        if (rank != 2)
            refuse(layer,
                   tr("softmax over the channels of a %1-D tensor is not exported (only [batch, classes])").arg(rank));
        setInt(node("Softmax", name, {in}, {out}), "axis", 1);
    } else if (a == "sigmoid") {
        node("Sigmoid", name, {in}, {out});
    } else if (a == "tanh") {
        node("Tanh", name, {in}, {out});
    } else if (a == "elu") {
        setFloat(node("Elu", name, {in}, {out}), "alpha", 1.0);
    } else if (a == "selu") {
        node("Selu", name, {in}, {out}); // ONNX's default alpha and gamma are torch's and Keras's
    } else if (a == "softplus") {
        node("Softplus", name, {in}, {out});
    } else if (a == "softsign") {
        node("Softsign", name, {in}, {out});
    } else if (a == "swish" || a == "silu") {
        const std::string s = fresh(out + "/sigmoid");
        node("Sigmoid", name + "/sigmoid", {in}, {s});
        node("Mul", name, {in, s}, {out});
    } else if (a == "hard_sigmoid") {
        // As the tool computes it (keraslayers.cpp): clamp(0.2 x + 0.5, 0, 1).
        onnx::NodeProto *n = node("HardSigmoid", name, {in}, {out});
        setFloat(n, "alpha", 0.2);
        setFloat(n, "beta", 0.5);
    } else if (a == "exponential") {
        node("Exp", name, {in}, {out});
    } else {
        refuse(layer, tr("activation '%1' has no ONNX form that OpenCV 4.6 reads").arg(QString::fromStdString(a)));
    }
}

void GraphWriter::writeConv(int i, const ConvLayerImpl &conv, const std::string &in, const std::string &out)
{
    const KerasLayerSpec &spec = m_model.layers[size_t(i)];
    const std::string &layer = conv.kerasName();
    const Shape &inShape = m_shapes[size_t(m_graph->nodes()[size_t(i)].inputs.at(0))];
    const torch::Tensor kernel = conv.kernel(); // torch layout [out, in/groups, kh, kw] is ONNX's
    const std::vector<int64_t> strides = keras::pair(spec, "strides", std::vector<int64_t>{1, 1}, limits::kMaxStride);
    const std::vector<int64_t> dilation =
        keras::pair(spec, "dilation_rate", std::vector<int64_t>{1, 1}, limits::kMaxDilation);
    const int64_t kh = kernel.size(2), kw = kernel.size(3);
    std::vector<int64_t> pads{0, 0, 0, 0}; // top, left, bottom, right
    if (keras::padding(spec) == "same") {
        // TF's 'same' puts the odd pixel at the bottom/right; ONNX pads say so explicitly.
        std::tie(pads[0], pads[2]) = keras::samePadding(inShape.at(2), kh, strides[0], dilation[0]);
        std::tie(pads[1], pads[3]) = keras::samePadding(inShape.at(3), kw, strides[1], dilation[1]);
    }
    const std::string &act = conv.activation();
    const std::string convOut = act == "linear" ? out : fresh(out + "/conv");
    std::vector<std::string> inputs{in,
                                    initializer(layer + (conv.depthwise() ? "/depthwise_kernel" : "/kernel"), kernel)};
    if (conv.bias().defined())
        inputs.push_back(initializer(layer + "/bias", conv.bias()));
    onnx::NodeProto *n = node("Conv", layer, inputs, {convOut});
    setInts(n, "kernel_shape", {kh, kw});
    setInts(n, "strides", strides);
    setInts(n, "dilations", dilation);
    setInts(n, "pads", pads);
    setInt(n, "group", inShape.at(1) / kernel.size(1));
    if (act != "linear")
        writeActivation(layer, act, convOut, out, 4);
}

void GraphWriter::writePool(int i, const KerasLayerSpec &spec, const std::string &in, const std::string &out)
{
    const std::string layer = spec.name.toStdString();
    const Shape &inShape = m_shapes[size_t(m_graph->nodes()[size_t(i)].inputs.at(0))];
    if (inShape.size() != 4)
        refuse(layer, tr("pooling expects a 4-D input"));
    const bool isMax = spec.className.startsWith(QLatin1String("Max"));
    const std::vector<int64_t> size =
        keras::pair(spec, "pool_size", std::vector<int64_t>{2, 2}, limits::kMaxKernelSide);
    const std::vector<int64_t> strides = keras::pair(spec, "strides", size, limits::kMaxStride);
    std::vector<int64_t> pads{0, 0, 0, 0};
    if (keras::padding(spec) == "same") {
        std::tie(pads[0], pads[2]) = keras::samePadding(inShape[2], size[0], strides[0], 1);
        std::tie(pads[1], pads[3]) = keras::samePadding(inShape[3], size[1], strides[1], 1);
    }
    onnx::NodeProto *n = node(isMax ? "MaxPool" : "AveragePool", layer, {in}, {out});
    setInts(n, "kernel_shape", size);
    setInts(n, "strides", strides);
    setInts(n, "pads", pads);
    if (!isMax)
        setInt(n, "count_include_pad", 0); // Keras averages over the real pixels only
}

void GraphWriter::writeNode(int i)
{
    const KerasGraphImpl::Node &kn = m_graph->nodes()[size_t(i)];
    const KerasLayerImpl &layer = *kn.layer;
    const KerasLayerSpec &spec = m_model.layers[size_t(i)];
    const std::string &name = layer.kerasName();
    const std::string &cls = layer.className();
    std::vector<std::string> in;
    for (int k : kn.inputs)
        in.push_back(m_names[size_t(k)]);
    const Shape &inShape = m_shapes[size_t(kn.inputs.at(0))];
    const std::string out = i == m_graph->outputNode() ? kOutputName : fresh(name);
    m_names[size_t(i)] = out;

    if (cls == "Conv2D" || cls == "DepthwiseConv2D") {
        writeConv(i, static_cast<const ConvLayerImpl &>(layer), in[0], out);
    } else if (cls == "BatchNormalization") {
        const int64_t channels = inShape.at(1);
        std::map<std::string, torch::Tensor> w;
        for (const auto &[shortName, t] : layer.kerasWeights())
            w[shortName] = t;
        const torch::Tensor gamma = w.count("gamma") ? w["gamma"] : torch::ones({channels});
        const torch::Tensor beta = w.count("beta") ? w["beta"] : torch::zeros({channels});
        onnx::NodeProto *n = node("BatchNormalization", name,
                                  {in[0], initializer(name + "/gamma", gamma), initializer(name + "/beta", beta),
                                   initializer(name + "/moving_mean", w.at("moving_mean")),
                                   initializer(name + "/moving_variance", w.at("moving_variance"))},
                                  {out});
        setFloat(n, "epsilon", keras::number(spec, "epsilon", 1e-3));
    } else if (cls == "Dense") {
        if (inShape.size() != 2)
            refuse(name, tr("Dense on a %1-D input is not exported").arg(inShape.size()));
        const auto weights = layer.kerasWeights(); // kernel [in, out], bias [out]
        const torch::Tensor kernel = weights.at(0).second;
        const torch::Tensor bias = weights.size() > 1 ? weights[1].second : torch::zeros({kernel.size(1)});
        const std::string act = keras::text(spec, "activation", std::string("linear"));
        const std::string gemmOut = act == "linear" ? out : fresh(out + "/gemm");
        // B as [out, in] with transB: the form OpenCV 4.6's importer reads (it takes B's first size as the units).
        setInt(node("Gemm", name, {in[0], initializer(name + "/kernel", kernel.t()), initializer(name + "/bias", bias)},
                    {gemmOut}),
               "transB", 1);
        if (act != "linear")
            writeActivation(name, act, gemmOut, out, 2);
    } else if (cls == "Dropout" || cls == "SpatialDropout2D" || cls == "InputLayer") {
        alias(i, in[0]); // inference: the identity
    } else if (cls == "Add" || cls == "Multiply" || cls == "Average") {
        const char *op = cls == "Multiply" ? "Mul" : "Add";
        std::string acc = in[0];
        for (size_t k = 1; k < in.size(); ++k) {
            const bool last = k + 1 == in.size() && cls != "Average";
            const std::string next = last ? out : fresh(out + "/" + std::to_string(k));
            node(op, last ? name : name + "/" + std::to_string(k), {acc, in[k]}, {next});
            acc = next;
        }
        if (cls == "Average")
            node("Mul", name, {acc, initializer(name + "/scale", torch::full({1}, 1.0 / double(in.size())))}, {out});
    } else if (cls == "Subtract") {
        node("Sub", name, {in.at(0), in.at(1)}, {out});
    } else if (cls == "Maximum" || cls == "Minimum") {
        node(cls == "Maximum" ? "Max" : "Min", name, in, {out});
    } else if (cls == "Concatenate") {
        const int64_t axis = keras::integer(spec, "axis", -1, -limits::kMaxAxis, limits::kMaxAxis);
        setInt(node("Concat", name, in, {out}), "axis", keras::torchAxis(axis, int64_t(inShape.size())));
    } else if (cls == "MaxPooling2D" || cls == "AveragePooling2D") {
        writePool(i, spec, in[0], out);
    } else if (cls == "ZeroPadding2D") {
        const std::vector<int64_t> &p = layer.zeroPadding(); // top, bottom, left, right
        onnx::NodeProto *n = node("Pad", name, {in[0]}, {out});
        setString(n, "mode", "constant");
        setInts(n, "pads", {0, 0, p.at(0), p.at(2), 0, 0, p.at(1), p.at(3)});
        setFloat(n, "value", 0.0);
    } else if (cls == "ReLU") {
        const QJsonValue mv = keras::value(spec, "max_value");
        const bool hasMax = !mv.isNull() && !mv.isUndefined();
        const double maxValue = hasMax ? keras::number(spec, "max_value") : 0.0;
        const double slope = keras::number(spec, "negative_slope", 0.0);
        if (keras::number(spec, "threshold", 0.0) != 0)
            refuse(name, tr("ReLU with a threshold is not exported"));
        if (slope == 0 && !hasMax) {
            node("Relu", name, {in[0]}, {out});
        } else if (slope == 0) {
            onnx::NodeProto *n = node("Clip", name, {in[0]}, {out});
            setFloat(n, "min", 0.0);
            setFloat(n, "max", maxValue);
        } else {
            const std::string leaky = hasMax ? fresh(out + "/leaky") : out;
            setFloat(node("LeakyRelu", hasMax ? name + "/leaky" : name, {in[0]}, {leaky}), "alpha", slope);
            if (hasMax) {
                onnx::NodeProto *n = node("Clip", name, {leaky}, {out});
                setFloat(n, "min", -FLT_MAX);
                setFloat(n, "max", maxValue);
            }
        }
    } else if (cls == "LeakyReLU") {
        setFloat(node("LeakyRelu", name, {in[0]}, {out}), "alpha", keras::number(spec, "alpha", 0.3));
    } else if (cls == "Activation") {
        const std::string a = keras::text(spec, "activation");
        if (a == "linear")
            alias(i, in[0]);
        else
            writeActivation(name, a, in[0], out, inShape.size());
    } else if (cls == "Softmax") {
        const int64_t axis = keras::integer(spec, "axis", -1, -limits::kMaxAxis, limits::kMaxAxis);
        if (inShape.size() != 2 || keras::torchAxis(axis, 2) != 1)
            refuse(name, tr("softmax is exported over the classes of a [batch, classes] input only"));
        setInt(node("Softmax", name, {in[0]}, {out}), "axis", 1);
    } else if (cls == "Flatten") {
        if (inShape.size() == 2) {
            alias(i, in[0]);
        } else if (inShape.size() == 4 && (inShape[2] > 1 || inShape[3] > 1)) {
            // Keras flattens height, width, channels in that order: back to NHWC first so Dense weights line up.
            const std::string nhwc = fresh(out + "/nhwc");
            setInts(node("Transpose", name + "/nhwc", {in[0]}, {nhwc}), "perm", {0, 2, 3, 1});
            setInt(node("Flatten", name, {nhwc}, {out}), "axis", 1);
        } else {
            setInt(node("Flatten", name, {in[0]}, {out}), "axis", 1);
        }
    } else if (cls == "GlobalAveragePooling2D" || cls == "GlobalMaxPooling2D") {
        const char *op = cls == "GlobalMaxPooling2D" ? "GlobalMaxPool" : "GlobalAveragePool";
        if (keras::boolean(spec, "keepdims", false)) {
            node(op, name, {in[0]}, {out});
        } else {
            const std::string pooled = fresh(out + "/pooled");
            node(op, name + "/pool", {in[0]}, {pooled});
            setInt(node("Flatten", name, {pooled}, {out}), "axis", 1);
        }
    } else {
        refuse(name, tr("layer type '%1' has no ONNX form in this export").arg(QString::fromStdString(cls)));
    }
}

} // namespace nsfw::onnxexport
