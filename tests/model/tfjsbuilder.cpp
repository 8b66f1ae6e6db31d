#include "tfjsbuilder.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>

#include <algorithm>
#include <cmath>
#include <cstring>

namespace nsfw::test {

namespace {
QJsonArray ref(const QString &layer)
{
    return QJsonArray{layer, 0, 0, QJsonObject{}};
}
} // namespace

TfjsBuilder::TfjsBuilder(int h, int w, int c)
{
    QJsonObject cfg{{"name", "input"}, {"batch_input_shape", QJsonArray{QJsonValue(), h, w, c}}, {"dtype", "float32"}};
    m_layers.append(
        QJsonObject{{"name", "input"}, {"class_name", "InputLayer"}, {"config", cfg}, {"inbound_nodes", QJsonArray{}}});
    m_output = QStringLiteral("input");
}

QString TfjsBuilder::add(const QString &className, const QString &name, const QStringList &inputs, QJsonObject config)
{
    config.insert(QStringLiteral("name"), name);
    QJsonArray node;
    for (const QString &in : inputs)
        node.append(ref(in));
    m_layers.append(QJsonObject{
        {"name", name}, {"class_name", className}, {"config", config}, {"inbound_nodes", QJsonArray{node}}});
    m_output = name;
    return name;
}

const SyntheticWeight &TfjsBuilder::weight(const QString &name, std::vector<int64_t> shape, float lo, float hi)
{
    SyntheticWeight w{name, shape, {}};
    int64_t n = 1;
    for (int64_t d : shape)
        n *= d;
    for (int64_t i = 0; i < n; ++i) {
        m_seed = m_seed * 1664525u + 1013904223u;
        w.values.push_back(lo + (hi - lo) * static_cast<float>((m_seed >> 8) & 0xffff) / 65535.0f);
    }
    m_weights.push_back(std::move(w));
    return m_weights.back();
}

QJsonObject TfjsBuilder::json() const
{
    QJsonArray specs;
    for (const SyntheticWeight &w : m_weights) {
        QJsonArray shape;
        for (int64_t d : w.shape)
            shape.append(static_cast<qint64>(d));
        QJsonObject spec{{"name", w.name}, {"shape", shape}, {"dtype", "float32"}};
        if (m_quantized) {
            const auto [mn, mx] = std::minmax_element(w.values.begin(), w.values.end());
            const double scale = w.values.empty() || *mx == *mn ? 1.0 : (*mx - *mn) / 255.0;
            spec.insert(
                "quantization",
                QJsonObject{{"dtype", "uint8"}, {"scale", scale}, {"min", w.values.empty() ? 0.0 : double(*mn)}});
        }
        specs.append(spec);
    }
    const QJsonObject config{{"name", "synthetic"},
                             {"layers", m_layers},
                             {"input_layers", QJsonArray{QJsonArray{"input", 0, 0}}},
                             {"output_layers", QJsonArray{QJsonArray{m_output, 0, 0}}}};
    return QJsonObject{
        {"format", "layers-model"},
        {"modelTopology", QJsonObject{{"keras_version", "2.2.4"},
                                      {"model_config", QJsonObject{{"class_name", "Model"}, {"config", config}}}}},
        {"weightsManifest", QJsonArray{QJsonObject{{"paths", QJsonArray{"group1-shard1of1"}}, {"weights", specs}}}}};
}

QByteArray TfjsBuilder::shard() const
{
    QByteArray bytes;
    const QJsonArray specs = json()["weightsManifest"][0]["weights"].toArray();
    for (size_t i = 0; i < m_weights.size(); ++i) {
        const SyntheticWeight &w = m_weights[i];
        if (m_quantized) {
            const QJsonObject q = specs[static_cast<int>(i)]["quantization"].toObject();
            const double scale = q["scale"].toDouble(), mn = q["min"].toDouble();
            for (float v : w.values)
                bytes.append(static_cast<char>(std::clamp<long>(std::lround((v - mn) / scale), 0, 255)));
        } else {
            bytes.append(reinterpret_cast<const char *>(w.values.data()), static_cast<int>(w.values.size() * 4));
        }
    }
    return bytes;
}

bool TfjsBuilder::write(const QString &dir) const
{
    QFile json(QDir(dir).filePath("model.json"));
    QFile shardFile(QDir(dir).filePath("group1-shard1of1"));
    if (!json.open(QIODevice::WriteOnly) || !shardFile.open(QIODevice::WriteOnly))
        return false;
    json.write(QJsonDocument(this->json()).toJson());
    shardFile.write(shard());
    return true;
}

QJsonObject editLayer(QJsonObject doc, int index, const std::function<void(QJsonObject &)> &edit)
{
    QJsonObject topo = doc["modelTopology"].toObject();
    QJsonObject mc = topo["model_config"].toObject();
    QJsonObject cfg = mc["config"].toObject();
    QJsonArray layers = cfg["layers"].toArray();
    QJsonObject layer = layers[index].toObject();
    edit(layer);
    layers[index] = layer;
    cfg["layers"] = layers;
    mc["config"] = cfg;
    topo["model_config"] = mc;
    doc["modelTopology"] = topo;
    return doc;
}

QJsonObject setConfig(const QJsonObject &doc, int index, const QString &key, const QJsonValue &value)
{
    return editLayer(doc, index, [&](QJsonObject &l) {
        QJsonObject c = l["config"].toObject();
        c[key] = value;
        l["config"] = c;
    });
}

QJsonObject setPaths(QJsonObject doc, const QJsonArray &paths)
{
    QJsonArray manifest = doc["weightsManifest"].toArray();
    QJsonObject group = manifest[0].toObject();
    group["paths"] = paths;
    manifest[0] = group;
    doc["weightsManifest"] = manifest;
    return doc;
}

QJsonObject addWeight(QJsonObject doc, const QString &name, const QJsonArray &shape)
{
    QJsonArray manifest = doc["weightsManifest"].toArray();
    QJsonObject group = manifest[0].toObject();
    QJsonArray weights = group["weights"].toArray();
    weights.append(QJsonObject{{"name", name}, {"shape", shape}, {"dtype", "float32"}});
    group["weights"] = weights;
    manifest[0] = group;
    doc["weightsManifest"] = manifest;
    return doc;
}

bool writeTwoClassModel(const QString &dir, const QJsonObject &extra)
{
    if (!QDir().mkpath(dir) || !twoBlockClassifier(2).write(dir))
        return false;
    QJsonObject profile{{"classes", QJsonArray{"fine", "flagged"}},
                        {"nsfw_classes", QJsonArray{"flagged"}},
                        {"blocks", QJsonArray{"conv_a", "conv_b"}}};
    for (auto it = extra.begin(); it != extra.end(); ++it)
        profile.insert(it.key(), it.value());
    QFile f(dir + "/profile.json");
    return f.open(QIODevice::WriteOnly) && f.write(QJsonDocument(profile).toJson()) > 0;
}

TfjsBuilder twoBlockClassifier(int classes)
{
    TfjsBuilder b(16, 16, 3);
    auto conv = [](int filters, int k) {
        return QJsonObject{{"filters", filters},          {"kernel_size", QJsonArray{k, k}},
                           {"strides", QJsonArray{1, 1}}, {"padding", "same"},
                           {"use_bias", true},            {"dilation_rate", QJsonArray{1, 1}},
                           {"activation", "relu"},        {"data_format", "channels_last"}};
    };
    b.add("Conv2D", "conv_a", {"input"}, conv(4, 3));
    b.weight("conv_a/kernel", {3, 3, 3, 4}, -0.5f, 0.5f);
    b.weight("conv_a/bias", {4}, 0.0f, 0.1f);
    b.add("Conv2D", "conv_b", {"conv_a"}, conv(4, 1));
    b.weight("conv_b/kernel", {1, 1, 4, 4}, -0.5f, 0.5f);
    b.weight("conv_b/bias", {4}, 0.0f, 0.1f);
    b.add("GlobalAveragePooling2D", "gap", {"conv_b"});
    b.add("Dense", "dense", {"gap"}, {{"units", classes}, {"activation", "softmax"}});
    b.weight("dense/kernel", {4, classes}, -1.0f, 1.0f);
    b.weight("dense/bias", {classes}, -0.1f, 0.1f);
    return b;
}

} // namespace nsfw::test
