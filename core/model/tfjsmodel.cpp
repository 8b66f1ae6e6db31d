#include "model/tfjsmodel.h"

#include "common/logging.h"
#include "model/modelfiles.h"
#include "model/modellimits.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QSet>

#include <cmath>
#include <cstring>
#include <limits>

namespace nsfw {

QString ModelError::toString() const
{
    QString text = file;
    if (!layer.isEmpty())
        text += (text.isEmpty() ? QString() : QStringLiteral(": ")) + QStringLiteral("layer '%1'").arg(layer);
    if (!field.isEmpty())
        text += (text.isEmpty() ? QString() : QStringLiteral(": ")) + QStringLiteral("field '%1'").arg(field);
    if (!message.isEmpty())
        text += (text.isEmpty() ? QString() : QStringLiteral(": ")) + message;
    return text;
}

const TfjsWeight *TfjsModel::weight(const QString &name) const
{
    for (const TfjsWeight &w : weights) {
        if (w.name == name)
            return &w;
    }
    return nullptr;
}

namespace {

/// Gives the shard with this plain file name, reading it only when it holds at most maxBytes.
using ShardSource = std::function<ShardData(const QString &name, qint64 maxBytes)>;

class TfjsReader
{
    Q_DECLARE_TR_FUNCTIONS(nsfw::TfjsReader)
public:
    // Parsing stops at the first defect by throwing one of these; the public functions catch it.
    struct Failure {
        ModelError error;
    };

    TfjsReader(QString jsonName, ShardSource readShard)
        : m_jsonName(std::move(jsonName))
        , m_readShard(std::move(readShard))
    {
    }

    TfjsModel parse(const QByteArray &json)
    {
        QJsonParseError parseError{};
        const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
        if (parseError.error != QJsonParseError::NoError)
            fail({}, {}, tr("malformed JSON at byte %1: %2").arg(parseError.offset).arg(parseError.errorString()));
        if (!doc.isObject())
            fail({}, {}, tr("the top level is not a JSON object"));
        TfjsModel model;
        model.jsonPath = m_jsonName;
        model.document = doc.object();
        const QString format = model.document.value(QLatin1String("format")).toString();
        if (format == QLatin1String("graph-model"))
            fail({}, QStringLiteral("format"), tr("this is a TF.js graph model; only Layers models are supported"));
        parseTopology(model, object(model.document, QStringLiteral("modelTopology"), {}));
        parseWeights(model, array(model.document, QStringLiteral("weightsManifest"), {}));
        return model;
    }

private:
    [[noreturn]] void fail(const QString &layer, const QString &field, const QString &message,
                           const QString &file = QString()) const
    {
        throw Failure{ModelError{file.isEmpty() ? m_jsonName : file, layer, field, message}};
    }

    QJsonObject object(const QJsonObject &parent, const QString &key, const QString &layer) const
    {
        const QJsonValue v = parent.value(key);
        if (v.isUndefined())
            fail(layer, key, tr("missing"));
        if (!v.isObject())
            fail(layer, key, tr("expected an object"));
        return v.toObject();
    }

    QJsonArray array(const QJsonObject &parent, const QString &key, const QString &layer) const
    {
        const QJsonValue v = parent.value(key);
        if (v.isUndefined())
            fail(layer, key, tr("missing"));
        if (!v.isArray())
            fail(layer, key, tr("expected an array"));
        return v.toArray();
    }

    QString string(const QJsonObject &parent, const QString &key, const QString &layer) const
    {
        const QJsonValue v = parent.value(key);
        if (v.isUndefined())
            fail(layer, key, tr("missing"));
        if (!v.isString() || v.toString().isEmpty())
            fail(layer, key, tr("expected a non-empty string"));
        return v.toString();
    }

    int integer(const QJsonValue &v, const QString &layer, const QString &field) const
    {
        const double d = v.toDouble(std::numeric_limits<double>::quiet_NaN());
        if (!v.isDouble() || !std::isfinite(d) || d != std::floor(d) || d < 0 || d > 1e9)
            fail(layer, field, tr("expected a non-negative integer"));
        return static_cast<int>(d);
    }

    KerasInbound tensorRef(const QJsonValue &v, const QString &layer, const QString &field) const
    {
        const QJsonArray a = v.toArray();
        if (!v.isArray() || a.size() < 3 || !a.at(0).isString())
            fail(layer, field, tr("expected [layer name, node index, tensor index]"));
        return {a.at(0).toString(), integer(a.at(1), layer, field), integer(a.at(2), layer, field)};
    }

    void parseTopology(TfjsModel &model, const QJsonObject &topology)
    {
        // Keras writes {"model_config": {...}, "keras_version": ...}; some exporters give the config directly.
        const QJsonObject config = topology.contains(QLatin1String("model_config"))
                                       ? object(topology, QStringLiteral("model_config"), {})
                                       : topology;
        const QString cls = string(config, QStringLiteral("class_name"), {});
        if (cls == QLatin1String("Sequential")) {
            parseSequential(model, config.value(QLatin1String("config")));
            return;
        }
        if (cls != QLatin1String("Model") && cls != QLatin1String("Functional"))
            fail({}, QStringLiteral("class_name"), tr("unsupported model class '%1'").arg(cls));
        const QJsonObject body = object(config, QStringLiteral("config"), {});
        model.modelName = body.value(QLatin1String("name")).toString();
        QSet<QString> names;
        const QJsonArray layers = array(body, QStringLiteral("layers"), {});
        checkLayerCount(layers);
        for (const QJsonValue &lv : layers) {
            if (!lv.isObject())
                fail({}, QStringLiteral("layers"), tr("a layer is not an object"));
            KerasLayerSpec layer = parseLayerHeader(lv.toObject());
            if (names.contains(layer.name))
                fail(layer.name, QStringLiteral("name"), tr("duplicate layer name"));
            const QJsonArray nodes = array(lv.toObject(), QStringLiteral("inbound_nodes"), layer.name);
            if (nodes.size() > 1)
                fail(layer.name, QStringLiteral("inbound_nodes"),
                     tr("shared layers (called more than once) are not supported"));
            if (!nodes.isEmpty()) {
                if (!nodes.at(0).isArray())
                    fail(layer.name, QStringLiteral("inbound_nodes"), tr("unsupported node format (Keras 3?)"));
                for (const QJsonValue &t : nodes.at(0).toArray()) {
                    KerasInbound in = tensorRef(t, layer.name, QStringLiteral("inbound_nodes"));
                    if (!names.contains(in.layer))
                        fail(layer.name, QStringLiteral("inbound_nodes"),
                             tr("refers to '%1', which is not defined before it").arg(in.layer));
                    layer.inbound << in;
                }
            }
            names.insert(layer.name);
            model.layers.push_back(std::move(layer));
        }
        if (model.layers.empty())
            fail({}, QStringLiteral("layers"), tr("the model has no layers"));
        for (const char *key : {"input_layers", "output_layers"}) {
            const QString field = QLatin1String(key);
            QVector<KerasInbound> &refs = field == QLatin1String("input_layers") ? model.inputs : model.outputs;
            for (const QJsonValue &t : array(body, field, {})) {
                refs << tensorRef(t, {}, field);
                if (!names.contains(refs.last().layer))
                    fail({}, field, tr("unknown layer '%1'").arg(refs.last().layer));
            }
        }
        if (model.inputs.size() != 1 || model.outputs.size() != 1)
            fail({}, QStringLiteral("input_layers"), tr("exactly one input and one output are supported"));
    }

    void checkLayerCount(const QJsonArray &layers) const
    {
        if (layers.size() > limits::kMaxLayers)
            fail({}, QStringLiteral("layers"),
                 tr("%1 layers; at most %2 are supported").arg(layers.size()).arg(limits::kMaxLayers));
    }

    KerasLayerSpec parseLayerHeader(const QJsonObject &lo) const
    {
        KerasLayerSpec layer;
        const QJsonObject cfg = lo.value(QLatin1String("config")).toObject();
        layer.name = lo.contains(QLatin1String("name")) ? string(lo, QStringLiteral("name"), {})
                                                        : string(cfg, QStringLiteral("name"), {});
        layer.className = string(lo, QStringLiteral("class_name"), layer.name);
        layer.config = object(lo, QStringLiteral("config"), layer.name);
        return layer;
    }

    void parseSequential(TfjsModel &model, const QJsonValue &config)
    {
        // Old Keras: config is the layer list; newer: {"name":..., "layers": [...]}.
        const QJsonArray layers =
            config.isArray() ? config.toArray() : array(config.toObject(), QStringLiteral("layers"), {});
        model.modelName = config.toObject().value(QLatin1String("name")).toString();
        checkLayerCount(layers);
        QString previous;
        for (const QJsonValue &lv : layers) {
            if (!lv.isObject())
                fail({}, QStringLiteral("layers"), tr("a layer is not an object"));
            KerasLayerSpec layer = parseLayerHeader(lv.toObject());
            if (previous.isEmpty() && layer.className != QLatin1String("InputLayer")) {
                // The first layer carries the input shape; give it an explicit InputLayer.
                KerasLayerSpec input;
                input.name = QStringLiteral("input");
                input.className = QStringLiteral("InputLayer");
                QJsonObject cfg;
                cfg.insert(QStringLiteral("batch_input_shape"), layer.config.value(QLatin1String("batch_input_shape")));
                input.config = cfg;
                model.layers.push_back(input);
                model.inputs << KerasInbound{input.name, 0, 0};
                previous = input.name;
            }
            for (const KerasLayerSpec &l : model.layers) {
                if (l.name == layer.name)
                    fail(layer.name, QStringLiteral("name"), tr("duplicate layer name"));
            }
            if (!previous.isEmpty())
                layer.inbound << KerasInbound{previous, 0, 0};
            else
                model.inputs << KerasInbound{layer.name, 0, 0};
            previous = layer.name;
            model.layers.push_back(std::move(layer));
        }
        if (model.layers.empty())
            fail({}, QStringLiteral("layers"), tr("the model has no layers"));
        model.outputs << KerasInbound{previous, 0, 0};
    }

    static float halfToFloat(uint16_t h)
    {
        const uint32_t sign = (h & 0x8000u) << 16;
        uint32_t exp = (h >> 10) & 0x1f;
        uint32_t mant = h & 0x3ffu;
        uint32_t bits;
        if (exp == 0x1f) {
            bits = sign | 0x7f800000u | (mant << 13);
        } else if (exp == 0) {
            if (mant == 0) {
                bits = sign;
            } else { // subnormal: normalise
                exp = 127 - 15 + 1;
                while ((mant & 0x400u) == 0) {
                    mant <<= 1;
                    --exp;
                }
                bits = sign | (exp << 23) | ((mant & 0x3ffu) << 13);
            }
        } else {
            bits = sign | ((exp + 127 - 15) << 23) | (mant << 13);
        }
        float f;
        std::memcpy(&f, &bits, sizeof f);
        return f;
    }

    /// One manifest entry before its bytes are read: where it lies in its group's byte stream.
    struct WeightSpec {
        TfjsWeight weight;
        qint64 count = 0;
        int elementBytes = 4;
        double scale = 1;
        double minimum = 0;
        qint64 offset = 0;
    };

    WeightSpec parseWeightSpec(const QJsonValue &wv, const QString &field, qint64 &parameters) const
    {
        if (!wv.isObject())
            fail({}, field, tr("expected an object"));
        const QJsonObject wo = wv.toObject();
        WeightSpec spec;
        TfjsWeight &w = spec.weight;
        w.name = string(wo, QStringLiteral("name"), {});
        const QJsonArray shape = array(wo, QStringLiteral("shape"), w.name);
        if (shape.size() > limits::kMaxWeightRank)
            fail(w.name, QStringLiteral("shape"),
                 tr("%1 dimensions; at most %2 are supported").arg(shape.size()).arg(limits::kMaxWeightRank));
        // Overflow-safe: the product is checked against what is left of the model's budget before each step.
        qint64 count = 1;
        for (const QJsonValue &d : shape) {
            const qint64 dim = integer(d, w.name, QStringLiteral("shape"));
            w.shape.push_back(dim);
            if (dim != 0 && count > (limits::kMaxParameters - parameters) / dim)
                fail(
                    w.name, QStringLiteral("shape"),
                    tr("the weights hold more than %L1 values, the most a model may have").arg(limits::kMaxParameters));
            count *= dim;
        }
        parameters += count;
        spec.count = count;
        const QString dtype = string(wo, QStringLiteral("dtype"), w.name);
        if (dtype != QLatin1String("float32") && dtype != QLatin1String("int32"))
            fail(w.name, QStringLiteral("dtype"), tr("unsupported dtype '%1'").arg(dtype));
        w.storedDtype = dtype;
        if (wo.contains(QLatin1String("quantization"))) {
            const QJsonObject q = object(wo, QStringLiteral("quantization"), w.name);
            w.storedDtype = string(q, QStringLiteral("dtype"), w.name);
            if (w.storedDtype != QLatin1String("float16")) {
                const QJsonValue s = q.value(QLatin1String("scale")), m = q.value(QLatin1String("min"));
                if (!s.isDouble() || !m.isDouble())
                    fail(w.name, QStringLiteral("quantization"), tr("needs numeric 'scale' and 'min'"));
                spec.scale = s.toDouble();
                spec.minimum = m.toDouble();
            }
        }
        if (w.storedDtype == QLatin1String("uint8"))
            spec.elementBytes = 1;
        else if (w.storedDtype == QLatin1String("uint16") || w.storedDtype == QLatin1String("float16"))
            spec.elementBytes = 2;
        else if (w.storedDtype != dtype)
            fail(w.name, QStringLiteral("quantization.dtype"), tr("unsupported quantization '%1'").arg(w.storedDtype));
        return spec;
    }

    void parseWeights(TfjsModel &model, const QJsonArray &manifest)
    {
        QSet<QString> seen;
        qint64 parameters = 0;
        for (int g = 0; g < manifest.size(); ++g) {
            const QString groupField = QStringLiteral("weightsManifest[%1]").arg(g);
            const QString pathsField = groupField + QStringLiteral(".paths");
            if (!manifest.at(g).isObject())
                fail({}, groupField, tr("expected an object"));
            const QJsonObject group = manifest.at(g).toObject();
            QStringList paths;
            for (const QJsonValue &p : array(group, QStringLiteral("paths"), {})) {
                if (!p.isString())
                    fail({}, pathsField, tr("expected file names"));
                const QString problem = shardNameProblem(p.toString());
                if (!problem.isEmpty())
                    fail({}, pathsField, problem);
                paths << p.toString();
            }
            // The whole manifest first: what each weight needs is known before a shard is opened.
            std::vector<WeightSpec> specs;
            qint64 need = 0;
            for (const QJsonValue &wv : array(group, QStringLiteral("weights"), {})) {
                if (model.weights.size() + specs.size() >= size_t(limits::kMaxWeights))
                    fail({}, groupField + QStringLiteral(".weights"),
                         tr("more than %1 weights").arg(limits::kMaxWeights));
                WeightSpec spec = parseWeightSpec(wv, groupField + QStringLiteral(".weights"), parameters);
                if (seen.contains(spec.weight.name))
                    fail(spec.weight.name, groupField + QStringLiteral(".weights"), tr("duplicate weight name"));
                seen.insert(spec.weight.name);
                spec.weight.group = g;
                spec.offset = need;
                need += spec.count * spec.elementBytes; // <= 4 * kMaxParameters: no overflow
                specs.push_back(std::move(spec));
            }
            if (paths.isEmpty() && need > 0)
                fail({}, pathsField, tr("the group's weights need %L1 bytes but it lists no shard").arg(need));
            // A group's shards are one byte stream; each is opened and its size checked against what the
            // manifest still needs before it is read.
            QByteArray bytes;
            for (const QString &path : std::as_const(paths)) {
                const qint64 left = need - bytes.size();
                ShardData shard = m_readShard(path, left);
                if (!shard.problem.isEmpty())
                    fail({}, pathsField, shard.problem, shardFile(path));
                if (shard.size < 0)
                    fail({}, pathsField, tr("weight shard is missing or unreadable"), shardFile(path));
                if (shard.size > left || !shard.bytes)
                    fail({}, pathsField,
                         tr("the shard holds %L1 bytes, more than the %L2 bytes the manifest's weights still need "
                            "(%L3 in this group)")
                             .arg(shard.size)
                             .arg(left)
                             .arg(need),
                         shardFile(path));
                bytes += *shard.bytes;
            }
            for (WeightSpec &spec : specs) {
                const qint64 end = spec.offset + spec.count * spec.elementBytes;
                if (end > bytes.size())
                    fail(spec.weight.name, QStringLiteral("paths"),
                         tr("weight data too short: needs bytes %1..%2 of the group, shards hold %3")
                             .arg(spec.offset)
                             .arg(end)
                             .arg(bytes.size()),
                         shardFile(paths.isEmpty() ? QString() : paths.last()));
                decode(spec, bytes.constData() + spec.offset);
                model.weights.push_back(std::move(spec.weight));
            }
        }
    }

    static void decode(WeightSpec &spec, const char *data)
    {
        TfjsWeight &w = spec.weight;
        const int elementBytes = spec.elementBytes;
        const bool uint16 = w.storedDtype == QLatin1String("uint16"), int32 = w.storedDtype == QLatin1String("int32");
        const auto *src = reinterpret_cast<const unsigned char *>(data);
        w.values.resize(static_cast<size_t>(spec.count));
        for (qint64 i = 0; i < spec.count; ++i) {
            const unsigned char *p = src + i * elementBytes;
            float v;
            if (elementBytes == 1) {
                v = static_cast<float>(p[0] * spec.scale + spec.minimum);
            } else if (uint16) {
                v = static_cast<float>((p[0] | (p[1] << 8)) * spec.scale + spec.minimum);
            } else if (elementBytes == 2) {
                v = halfToFloat(static_cast<uint16_t>(p[0] | (p[1] << 8)));
            } else if (int32) {
                int32_t iv;
                std::memcpy(&iv, p, 4);
                v = static_cast<float>(iv);
            } else {
                std::memcpy(&v, p, 4);
            }
            w.values[static_cast<size_t>(i)] = v;
        }
    }

    QString shardFile(const QString &path) const
    {
        const QFileInfo json(m_jsonName);
        return json.dir().filePath(path);
    }

    QString m_jsonName;
    ShardSource m_readShard;
};

} // namespace

namespace {

std::optional<TfjsModel> parseWith(const QByteArray &json, const QString &jsonName, const ShardSource &shards,
                                   ModelError *error)
{
    try {
        TfjsReader reader(jsonName, shards);
        return reader.parse(json);
    } catch (const TfjsReader::Failure &f) {
        if (error)
            *error = f.error;
    } catch (const std::bad_alloc &) {
        if (error)
            *error = ModelError{jsonName, {}, {}, QCoreApplication::translate("nsfw::TfjsReader", "out of memory")};
    }
    return std::nullopt;
}

} // namespace

std::optional<TfjsModel> parseTfjsModel(const QByteArray &json, const QString &jsonName,
                                        const std::function<std::optional<QByteArray>(const QString &)> &readShard,
                                        ModelError *error)
{
    // In memory the bytes are already there; the size check still refuses a shard larger than the manifest needs.
    const ShardSource shards = [&readShard](const QString &name, qint64 maxBytes) {
        ShardData d;
        std::optional<QByteArray> bytes = readShard(name);
        if (bytes) {
            d.size = bytes->size();
            if (d.size <= maxBytes)
                d.bytes = std::move(bytes);
        }
        return d;
    };
    if (json.size() > limits::kMaxModelJsonBytes) {
        if (error)
            *error = ModelError{
                jsonName,
                {},
                {},
                QCoreApplication::translate("nsfw::TfjsReader", "%L1 bytes; a model.json may have at most %L2")
                    .arg(json.size())
                    .arg(limits::kMaxModelJsonBytes)};
        return std::nullopt;
    }
    return parseWith(json, jsonName, shards, error);
}

QStringList layerNamesOf(const TfjsModel &model)
{
    QStringList names;
    for (const KerasLayerSpec &layer : model.layers)
        names << layer.name;
    return names;
}

std::optional<TfjsModel> readTfjsModel(const QString &modelJsonPath, ModelError *error)
{
    const ShardData json = readRegularFile(modelJsonPath, limits::kMaxModelJsonBytes);
    if (!json.bytes) {
        QString problem = json.problem;
        if (problem.isEmpty() && json.size < 0)
            problem = QCoreApplication::translate("nsfw::TfjsReader", "cannot open: %1")
                          .arg(QCoreApplication::translate("nsfw::TfjsReader", "no such file"));
        else if (problem.isEmpty())
            problem = QCoreApplication::translate("nsfw::TfjsReader", "%L1 bytes; a model.json may have at most %L2")
                          .arg(json.size)
                          .arg(limits::kMaxModelJsonBytes);
        if (error)
            *error = ModelError{modelJsonPath, {}, {}, problem};
        return std::nullopt;
    }
    // Shards must resolve inside the folder of model.json (itself resolved, so a linked model folder works).
    const QString folder = QFileInfo(modelJsonPath).absoluteDir().canonicalPath();
    QString profileError;
    std::optional<ModelProfile> profile = ModelProfile::read(folder, &profileError);
    if (!profile) {
        if (error)
            *error = ModelError{QDir(folder).filePath(QString::fromLatin1(ModelProfile::kFileName)), {}, {},
                                profileError};
        return std::nullopt;
    }
    std::optional<TfjsModel> model = parseWith(
        *json.bytes, modelJsonPath,
        [folder](const QString &name, qint64 maxBytes) {
            return readRegularFile(QDir(folder).filePath(name), maxBytes, folder);
        },
        error);
    if (model)
        model->profile = std::move(*profile);
    return model;
}

} // namespace nsfw
