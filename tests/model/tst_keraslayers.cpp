// Each supported layer type, built from a synthetic TF.js model, against a plain NHWC reference written here
// independently of the loader (no torch, no layout conversion), for float32 and uint8-quantized weights.
#include "model/inferenceplan.h"
#include "model/kerasgraph.h"
#include "model/tfjsmodel.h"
#include "tfjsbuilder.h"

#include <QTemporaryDir>
#include <QtTest>

#include <cmath>
#include <functional>

using namespace nsfw;
using nsfw::test::TfjsBuilder;

namespace {

struct T { // NHWC with N = 1, or a vector (h = w = 1)
    int h = 1, w = 1, c = 1;
    std::vector<float> v;
    float &at(int y, int x, int ch) { return v[(static_cast<size_t>(y) * w + x) * c + ch]; }
    float at(int y, int x, int ch) const { return v[(static_cast<size_t>(y) * w + x) * c + ch]; }
};

T make(int h, int w, int c)
{
    return T{h, w, c, std::vector<float>(static_cast<size_t>(h) * w * c, 0.f)};
}

std::pair<int, int> samePad(int in, int k, int s, int d)
{
    const int out = (in + s - 1) / s;
    const int total = std::max((out - 1) * s + (k - 1) * d + 1 - in, 0);
    return {total / 2, total - total / 2};
}

T pad(const T &x, int t, int b, int l, int r, float value = 0)
{
    T y = make(x.h + t + b, x.w + l + r, x.c);
    std::fill(y.v.begin(), y.v.end(), value);
    for (int i = 0; i < x.h; ++i)
        for (int j = 0; j < x.w; ++j)
            for (int c = 0; c < x.c; ++c)
                y.at(i + t, j + l, c) = x.at(i, j, c);
    return y;
}

// Keras Conv2D (groups = 1) or DepthwiseConv2D (mult) with kernel in Keras layout.
T conv(const T &in, const std::vector<float> &k, int kh, int kw, int outC, int s, int d, bool same,
       const std::vector<float> &bias, bool depthwise = false, int mult = 1)
{
    T x = in;
    if (same) {
        auto [t, b] = samePad(in.h, kh, s, d);
        auto [l, r] = samePad(in.w, kw, s, d);
        x = pad(in, t, b, l, r);
    }
    const int oh = (x.h - (kh - 1) * d - 1) / s + 1, ow = (x.w - (kw - 1) * d - 1) / s + 1;
    T y = make(oh, ow, outC);
    for (int i = 0; i < oh; ++i)
        for (int j = 0; j < ow; ++j)
            for (int o = 0; o < outC; ++o) {
                double acc = bias.empty() ? 0 : bias[o];
                for (int a = 0; a < kh; ++a)
                    for (int b = 0; b < kw; ++b) {
                        if (depthwise) {
                            const int c = o / mult, m = o % mult;
                            acc += x.at(i * s + a * d, j * s + b * d, c) * k[((a * kw + b) * x.c + c) * mult + m];
                        } else {
                            for (int c = 0; c < x.c; ++c)
                                acc += x.at(i * s + a * d, j * s + b * d, c) * k[((a * kw + b) * x.c + c) * outC + o];
                        }
                    }
                y.at(i, j, o) = static_cast<float>(acc);
            }
    return y;
}

T pool(const T &in, int k, int s, bool same, bool isMax)
{
    int t = 0, b = 0, l = 0, r = 0;
    if (same) {
        std::tie(t, b) = samePad(in.h, k, s, 1);
        std::tie(l, r) = samePad(in.w, k, s, 1);
    }
    const int oh = (in.h + t + b - k) / s + 1, ow = (in.w + l + r - k) / s + 1;
    T y = make(oh, ow, in.c);
    for (int i = 0; i < oh; ++i)
        for (int j = 0; j < ow; ++j)
            for (int c = 0; c < in.c; ++c) {
                double acc = isMax ? -1e30 : 0;
                int n = 0;
                for (int a = 0; a < k; ++a)
                    for (int bb = 0; bb < k; ++bb) {
                        const int yy = i * s + a - t, xx = j * s + bb - l;
                        if (yy < 0 || xx < 0 || yy >= in.h || xx >= in.w)
                            continue; // Keras 'same' pooling ignores padding
                        acc = isMax ? std::max<double>(acc, in.at(yy, xx, c)) : acc + in.at(yy, xx, c);
                        ++n;
                    }
                y.at(i, j, c) = static_cast<float>(isMax ? acc : acc / n);
            }
    return y;
}

T dense(const T &x, const std::vector<float> &k, const std::vector<float> &b, int units)
{
    T y = make(1, 1, units); // x.v is already in NHWC (Keras Flatten) order
    for (int o = 0; o < units; ++o) {
        double acc = b[o];
        for (size_t i = 0; i < x.v.size(); ++i)
            acc += x.v[i] * k[i * units + o];
        y.v[o] = static_cast<float>(acc);
    }
    return y;
}

T map(T x, const std::function<float(float)> &f)
{
    for (float &v : x.v)
        v = f(v);
    return x;
}

T input(int h, int w, int c)
{
    T x = make(h, w, c);
    for (size_t i = 0; i < x.v.size(); ++i)
        x.v[i] = std::sin(0.37f * i) * 0.9f + 0.05f * (i % 7);
    return x;
}

const std::vector<float> &W(const TfjsModel &m, const QString &name)
{
    return m.weight(name)->values;
}

QJsonObject conv2d(int filters, int k, int s, const char *padding, bool bias = true, int dilation = 1,
                   const char *activation = "linear")
{
    return {{"filters", filters},
            {"kernel_size", QJsonArray{k, k}},
            {"strides", QJsonArray{s, s}},
            {"padding", padding},
            {"use_bias", bias},
            {"dilation_rate", QJsonArray{dilation, dilation}},
            {"activation", activation},
            {"data_format", "channels_last"}};
}

} // namespace

class TestKerasLayers : public QObject
{
    Q_OBJECT

    // Builds the model, runs it on `x` and compares with `reference(loaded model)`.
    void check(TfjsBuilder &b, const T &x, const std::function<T(const TfjsModel &)> &reference, bool quantized)
    {
        b.setQuantized(quantized);
        QTemporaryDir dir;
        QVERIFY(b.write(dir.path()));
        ModelError error;
        const auto model = readTfjsModel(dir.filePath("model.json"), &error);
        QVERIFY2(model, qPrintable(error.toString()));
        auto graph = buildKerasGraph(*model, &error);
        QVERIFY2(graph, qPrintable(error.toString()));
        c10::InferenceMode guard;
        const auto in = torch::from_blob(const_cast<float *>(x.v.data()), {1, x.h, x.w, x.c}).permute({0, 3, 1, 2});
        const torch::Tensor y = (*graph)->forward(in).contiguous();
        const T expected = reference(*model);
        QCOMPARE(y.numel(), static_cast<int64_t>(expected.v.size()));
        for (size_t i = 0; i < expected.v.size(); ++i) {
            const float got = y.data_ptr<float>()[i];
            if (std::abs(got - expected.v[i]) > 1e-4f * std::max(1.0f, std::abs(expected.v[i])))
                QFAIL(qPrintable(QString("element %1: got %2, expected %3").arg(i).arg(got).arg(expected.v[i])));
        }
    }

private Q_SLOTS:
    void layers_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<bool>("quantized");
        for (const char *k : {"conv_same_stride2", "conv_same_even_kernel", "conv_valid_dilated_relu", "zeropad_conv",
                              "depthwise_same_stride2_mult2", "batchnorm", "batchnorm_noscale", "maxpool_valid",
                              "maxpool_same_stride2", "avgpool_same_stride1", "avgpool_same_stride2",
                              "gap_dense_softmax", "flatten_dense_nhwc", "add_concat_relu6", "activations"}) {
            QTest::newRow(qPrintable(QString(k) + "/float32")) << QString(k) << false;
            QTest::newRow(qPrintable(QString(k) + "/uint8")) << QString(k) << true;
        }
    }

    void layers()
    {
        QFETCH(QString, kind);
        QFETCH(bool, quantized);
        const T x = input(7, 6, 3);
        TfjsBuilder b(x.h, x.w, x.c);
        std::function<T(const TfjsModel &)> ref;
        auto flatten = [&](const QString &from) { b.add("Flatten", "flat", {from}); };
        if (kind == "conv_same_stride2" || kind == "conv_same_even_kernel" || kind == "conv_valid_dilated_relu") {
            const int k = kind == "conv_same_even_kernel" ? 2 : 3, s = kind == "conv_same_stride2" ? 2 : 1;
            const int d = kind == "conv_valid_dilated_relu" ? 2 : 1;
            const bool same = kind != "conv_valid_dilated_relu";
            b.add("Conv2D", "c", {"input"},
                  conv2d(4, k, s, same ? "same" : "valid", true, d, same ? "linear" : "relu"));
            b.weight("c/kernel", {k, k, 3, 4});
            b.weight("c/bias", {4});
            flatten("c");
            ref = [=](const TfjsModel &m) {
                T y = conv(x, W(m, "c/kernel"), k, k, 4, s, d, same, W(m, "c/bias"));
                return same ? y : map(y, [](float v) { return std::max(v, 0.f); });
            };
        } else if (kind == "zeropad_conv") {
            b.add("ZeroPadding2D", "p", {"input"}, {{"padding", QJsonArray{QJsonArray{0, 1}, QJsonArray{2, 1}}}});
            b.add("Conv2D", "c", {"p"}, conv2d(2, 3, 2, "valid", false));
            b.weight("c/kernel", {3, 3, 3, 2});
            flatten("c");
            ref = [=](const TfjsModel &m) {
                return conv(pad(x, 0, 1, 2, 1), W(m, "c/kernel"), 3, 3, 2, 2, 1, false, {});
            };
        } else if (kind == "depthwise_same_stride2_mult2") {
            b.add("DepthwiseConv2D", "dw", {"input"},
                  {{"kernel_size", QJsonArray{3, 3}},
                   {"strides", QJsonArray{2, 2}},
                   {"padding", "same"},
                   {"depth_multiplier", 2},
                   {"use_bias", true},
                   {"activation", "linear"}});
            b.weight("dw/depthwise_kernel", {3, 3, 3, 2});
            b.weight("dw/bias", {6});
            flatten("dw");
            ref = [=](const TfjsModel &m) {
                return conv(x, W(m, "dw/depthwise_kernel"), 3, 3, 6, 2, 1, true, W(m, "dw/bias"), true, 2);
            };
        } else if (kind.startsWith("batchnorm")) {
            const bool scale = kind == "batchnorm";
            b.add("BatchNormalization", "bn", {"input"},
                  {{"axis", -1}, {"epsilon", 0.001}, {"momentum", 0.99}, {"scale", scale}, {"center", true}});
            if (scale)
                b.weight("bn/gamma", {3}, 0.5f, 2.f);
            b.weight("bn/beta", {3});
            b.weight("bn/moving_mean", {3});
            b.weight("bn/moving_variance", {3}, 0.1f, 3.f);
            flatten("bn");
            ref = [=](const TfjsModel &m) {
                T y = x;
                for (size_t i = 0; i < y.v.size(); ++i) {
                    const int c = static_cast<int>(i % 3);
                    const float g = scale ? W(m, "bn/gamma")[c] : 1.f;
                    y.v[i] =
                        (x.v[i] - W(m, "bn/moving_mean")[c]) / std::sqrt(W(m, "bn/moving_variance")[c] + 1e-3f) * g +
                        W(m, "bn/beta")[c];
                }
                return y;
            };
        } else if (kind.contains("pool_")) {
            const bool isMax = kind.startsWith("max"), same = kind.contains("same");
            const int k = isMax && !same ? 2 : 3, s = kind.contains("stride2") ? 2 : (same ? 1 : 2);
            b.add(
                isMax ? "MaxPooling2D" : "AveragePooling2D", "pool", {"input"},
                {{"pool_size", QJsonArray{k, k}}, {"strides", QJsonArray{s, s}}, {"padding", same ? "same" : "valid"}});
            flatten("pool");
            ref = [=](const TfjsModel &) { return pool(x, k, s, same, isMax); };
        } else if (kind == "gap_dense_softmax" || kind == "flatten_dense_nhwc") {
            const bool gap = kind == "gap_dense_softmax";
            b.add(gap ? "GlobalAveragePooling2D" : "Flatten", "f", {"input"});
            b.add("Dense", "d", {"f"}, {{"units", 5}, {"activation", gap ? "softmax" : "linear"}, {"use_bias", true}});
            b.weight("d/kernel", {gap ? 3 : 7 * 6 * 3, 5});
            b.weight("d/bias", {5});
            ref = [=](const TfjsModel &m) {
                T f = x;
                if (gap) {
                    f = make(1, 1, 3);
                    for (size_t i = 0; i < x.v.size(); ++i)
                        f.v[i % 3] += x.v[i] / (7 * 6);
                }
                T y = dense(f, W(m, "d/kernel"), W(m, "d/bias"), 5);
                if (gap) {
                    float sum = 0;
                    for (float &v : y.v)
                        sum += (v = std::exp(v));
                    for (float &v : y.v)
                        v /= sum;
                }
                return y;
            };
        } else if (kind == "add_concat_relu6") {
            b.add("Conv2D", "a", {"input"}, conv2d(3, 1, 1, "same"));
            b.weight("a/kernel", {1, 1, 3, 3}, -4, 4);
            b.weight("a/bias", {3});
            b.add("Add", "sum", {"a", "input"});
            b.add("Concatenate", "cat", {"sum", "input"}, {{"axis", -1}});
            b.add("ReLU", "r6", {"cat"}, {{"max_value", 6}, {"negative_slope", 0}, {"threshold", 0}});
            flatten("r6");
            ref = [=](const TfjsModel &m) {
                const T a = conv(x, W(m, "a/kernel"), 1, 1, 3, 1, 1, true, W(m, "a/bias"));
                T y = make(x.h, x.w, 6);
                for (int i = 0; i < x.h; ++i)
                    for (int j = 0; j < x.w; ++j)
                        for (int c = 0; c < 3; ++c) {
                            y.at(i, j, c) = std::clamp(a.at(i, j, c) + x.at(i, j, c), 0.f, 6.f);
                            y.at(i, j, c + 3) = std::clamp(x.at(i, j, c), 0.f, 6.f);
                        }
                return y;
            };
        } else if (kind == "activations") {
            b.add("Activation", "s", {"input"}, {{"activation", "sigmoid"}});
            b.add("Activation", "t", {"s"}, {{"activation", "tanh"}});
            b.add("Dropout", "drop", {"t"}, {{"rate", 0.5}});
            b.add("Activation", "lin", {"drop"}, {{"activation", "linear"}});
            flatten("lin");
            ref = [=](const TfjsModel &) { return map(x, [](float v) { return std::tanh(1 / (1 + std::exp(-v))); }); };
        }
        check(b, x, ref, quantized);
    }

    // A small MobileNetV2-like graph: folded padding, BatchNorm, ReLU6, depthwise, residual add.
    static bool writeFusableModel(const QString &dir, const T &x)
    {
        TfjsBuilder b(x.h, x.w, x.c);
        auto bn = [&](const QString &name, const QString &from, int c) {
            b.add("BatchNormalization", name, {from}, {{"axis", -1}, {"epsilon", 0.001}});
            b.weight(name + "/gamma", {c}, 0.5f, 1.5f);
            b.weight(name + "/beta", {c});
            b.weight(name + "/moving_mean", {c});
            b.weight(name + "/moving_variance", {c}, 0.2f, 2.f);
        };
        b.add("ZeroPadding2D", "pad", {"input"}, {{"padding", QJsonArray{QJsonArray{0, 1}, QJsonArray{0, 1}}}});
        b.add("Conv2D", "c1", {"pad"}, conv2d(8, 3, 2, "valid", false));
        b.weight("c1/kernel", {3, 3, 3, 8});
        bn("bn1", "c1", 8);
        b.add("ReLU", "r1", {"bn1"}, {{"max_value", 6}});
        b.add("DepthwiseConv2D", "dw", {"r1"},
              {{"kernel_size", QJsonArray{3, 3}}, {"padding", "same"}, {"use_bias", false}});
        b.weight("dw/depthwise_kernel", {3, 3, 8, 1});
        bn("bn2", "dw", 8);
        b.add("Activation", "r2", {"bn2"}, {{"activation", "relu"}});
        b.add("Conv2D", "c2", {"r2"}, conv2d(8, 1, 1, "same", false));
        b.weight("c2/kernel", {1, 1, 8, 8});
        bn("bn3", "c2", 8);
        b.add("Add", "add", {"bn3", "r1"});
        b.add("Conv2D", "c3", {"add"}, conv2d(4, 3, 2, "same", true, 1, "relu"));
        b.weight("c3/kernel", {3, 3, 8, 4});
        b.weight("c3/bias", {4});
        b.add("Flatten", "flat", {"c3"});
        return b.write(dir);
    }

    // The fused inference plan (BatchNorm folded, ZeroPadding folded, in-place ReLU/Add, channels_last) must
    // compute what the plain graph computes.
    void fusedPlanMatchesGraph()
    {
        const T x = input(9, 8, 3);
        QTemporaryDir dir;
        QVERIFY(writeFusableModel(dir.path(), x));
        ModelError error;
        auto graph = loadKerasGraph(dir.path(), &error);
        QVERIFY2(graph, qPrintable(error.toString()));
        c10::InferenceMode guard;
        const auto in = torch::from_blob(const_cast<float *>(x.v.data()), {1, x.h, x.w, x.c}).permute({0, 3, 1, 2});
        const torch::Tensor plain = (*graph)->forward(in);
        for (bool channelsLast : {true, false}) {
            const InferencePlan plan(*graph, channelsLast, true);
            QCOMPARE(plan.foldedLayers(), 6); // 3 BatchNorm, 2 ReLU layers, 1 ZeroPadding
            const torch::Tensor fused = plan.run(in);
            QVERIFY(torch::allclose(fused, plain, 1e-5, 1e-5));
        }
        // The plan reads the caller's input, never writes it.
        QCOMPARE(in.contiguous().data_ptr<float>()[0], x.v[0]);
    }

    // Training with frozen BatchNorm through a live plan: same output and same gradients as the plain graph, with
    // every kernel training (padding copied before c1) and with c1 frozen (its kernel grown instead), and the residual
    // added in place into c2's output.
    void livePlanTrainsLikeTheGraph_data()
    {
        QTest::addColumn<bool>("freezeFirst");
        QTest::newRow("all train") << false;
        QTest::newRow("c1 frozen") << true;
    }

    void livePlanTrainsLikeTheGraph()
    {
        QFETCH(bool, freezeFirst);
        const T x = input(9, 8, 3);
        QTemporaryDir dir;
        QVERIFY(writeFusableModel(dir.path(), x));
        ModelError error;
        auto loaded = loadKerasGraph(dir.path(), &error);
        QVERIFY2(loaded, qPrintable(error.toString()));
        KerasGraph graph = *loaded;
        graph->eval(); // frozen BatchNorm: moving statistics
        int frozen = 0;
        for (auto &p : graph->named_parameters()) {
            if (freezeFirst && QString::fromStdString(p.key()).startsWith(QLatin1String("c1"))) {
                p.value().set_requires_grad(false);
                ++frozen;
            }
        }
        QCOMPARE(frozen, freezeFirst ? 1 : 0);
        const auto in = torch::from_blob(const_cast<float *>(x.v.data()), {1, x.h, x.w, x.c})
                            .permute({0, 3, 1, 2})
                            .clone();
        const torch::Tensor target = torch::rand({1, 4 * 2 * 2});
        auto gradients = [&](const std::function<torch::Tensor()> &forward) {
            for (auto &p : graph->parameters())
                p.mutable_grad() = torch::Tensor();
            const torch::Tensor y = forward();
            (y - target).pow(2).sum().backward();
            std::vector<torch::Tensor> g;
            for (const auto &p : graph->named_parameters()) {
                if (p.value().grad().defined())
                    g.push_back(p.value().grad().clone());
            }
            return std::make_pair(y.detach(), g);
        };
        const auto [plainY, plainG] = gradients([&] { return graph->forward(in); });
        for (bool channelsLast : {true, false}) {
            const InferencePlan plan(graph, channelsLast, true, InferencePlan::Weights::Live);
            const auto [liveY, liveG] = gradients([&] { return plan.run(in); });
            QVERIFY(torch::allclose(liveY, plainY, 1e-5, 1e-5));
            QCOMPARE(liveG.size(), plainG.size());
            QVERIFY(plainG.size() >= 6); // kernels of c1 (unless frozen), dw, c2, c3, c3's bias, BatchNorm gamma/beta
            for (size_t i = 0; i < plainG.size(); ++i) {
                // Float rounding differs (the fold reorders products): compare against the gradient's scale.
                const double scale = plainG[i].abs().max().item<double>();
                const double diff = (liveG[i] - plainG[i]).abs().max().item<double>();
                QVERIFY2(diff <= 1e-5 * scale + 1e-6,
                         qPrintable(QStringLiteral("gradient %1: max difference %2 of %3").arg(i).arg(diff).arg(scale)));
            }
        }
    }

    // What fine-tuning relies on: parameters by Keras name, features/head split, freezing, weight round trip.
    void trainingApi()
    {
        TfjsBuilder b(6, 6, 3);
        b.add("Conv2D", "conv", {"input"}, conv2d(4, 3, 1, "same", true, 1, "relu"));
        b.weight("conv/kernel", {3, 3, 3, 4});
        b.weight("conv/bias", {4});
        b.add("BatchNormalization", "bn", {"conv"}, {{"axis", -1}});
        b.weight("bn/gamma", {4}, 0.5f, 1.5f);
        b.weight("bn/beta", {4});
        b.weight("bn/moving_mean", {4});
        b.weight("bn/moving_variance", {4}, 0.5f, 1.5f);
        b.add("GlobalAveragePooling2D", "gap", {"bn"});
        b.add("Dense", "head", {"gap"}, {{"units", 5}, {"activation", "softmax"}});
        b.weight("head/kernel", {4, 5});
        b.weight("head/bias", {5});
        QTemporaryDir dir;
        QVERIFY(b.write(dir.path()));
        ModelError error;
        auto graphOpt = loadKerasGraph(dir.path(), &error);
        QVERIFY2(graphOpt, qPrintable(error.toString()));
        KerasGraph graph = *graphOpt;
        QVERIFY(!graph->is_training());
        QCOMPARE(graph->featureLayer(), std::string("gap"));
        QCOMPARE(graph->layerNames(), (std::vector<std::string>{"input", "conv", "bn", "gap", "head"}));
        std::vector<std::string> params;
        for (const auto &p : graph->named_parameters())
            params.push_back(p.key());
        QCOMPARE(params, (std::vector<std::string>{"conv.kernel", "conv.bias", "bn.gamma", "bn.beta", "head.kernel",
                                                   "head.bias"}));
        QCOMPARE(graph->named_buffers().size(), size_t(2)); // moving mean and variance

        const torch::Tensor x = torch::rand({2, 3, 6, 6});
        const torch::Tensor full = graph->forward(x);
        const torch::Tensor features = graph->forwardTo(x, graph->featureLayer());
        QCOMPARE(features.sizes().vec(), (std::vector<int64_t>{2, 4}));
        QVERIFY(torch::allclose(graph->forwardFrom(graph->featureLayer(), features), full));

        QVERIFY(graph->setTrainableFrom("head"));
        QVERIFY(!graph->layer("conv")->parameters()[0].requires_grad());
        QVERIFY(graph->layer("head")->parameters()[0].requires_grad());

        // Weights come back in Keras layout and manifest order, equal to the file's values.
        const auto weights = graph->kerasWeights();
        QCOMPARE(weights.size(), b.weights().size());
        for (size_t i = 0; i < weights.size(); ++i) {
            QCOMPARE(QString::fromStdString(weights[i].first), b.weights()[i].name);
            const auto &want = b.weights()[i].values;
            const torch::Tensor got = weights[i].second.contiguous();
            QCOMPARE(got.sizes().vec(), b.weights()[i].shape);
            for (size_t j = 0; j < want.size(); ++j)
                QCOMPARE(got.data_ptr<float>()[j], want[j]);
        }
        // Setting a weight by Keras name changes the output; setting it back restores it.
        const torch::Tensor kernel = weights[0].second.clone();
        graph->setKerasWeight("conv/kernel", torch::zeros_like(kernel));
        QVERIFY(!torch::allclose(graph->forward(x), full));
        graph->setKerasWeight("conv/kernel", kernel);
        QVERIFY(torch::allclose(graph->forward(x), full));
        bool threw = false;
        try {
            graph->setKerasWeight("conv/kernel", torch::zeros({1, 2}));
        } catch (const ModelException &e) {
            threw = e.error.layer == "conv";
        }
        QVERIFY(threw);
    }

    void dequantization()
    {
        TfjsBuilder b(2, 2, 1);
        b.add("Flatten", "f", {"input"});
        b.add("Dense", "d", {"f"}, {{"units", 2}, {"use_bias", false}});
        const auto original = b.weight("d/kernel", {4, 2}, -0.5f, 1.5f).values;
        b.setQuantized(true);
        const QJsonObject q = b.json()["weightsManifest"][0]["weights"][0]["quantization"].toObject();
        const QByteArray shard = b.shard();
        QCOMPARE(shard.size(), 8); // one byte per value
        ModelError error;
        const auto model = parseTfjsModel(
            QJsonDocument(b.json()).toJson(), "mem.json",
            [&](const QString &) { return std::optional<QByteArray>(shard); }, &error);
        QVERIFY2(model, qPrintable(error.toString()));
        const auto &values = model->weight("d/kernel")->values;
        for (int i = 0; i < 8; ++i) {
            const double expected = static_cast<unsigned char>(shard[i]) * q["scale"].toDouble() + q["min"].toDouble();
            QCOMPARE(values[i], static_cast<float>(expected));
            QVERIFY(std::abs(values[i] - original[i]) <= q["scale"].toDouble() / 2 + 1e-6);
        }
        QCOMPARE(model->weight("d/kernel")->storedDtype, QString("uint8"));
    }
};

QTEST_GUILESS_MAIN(TestKerasLayers)
#include "tst_keraslayers.moc"
