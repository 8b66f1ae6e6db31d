#include "model/tfjsmodel.h"

#include "common/logging.h"

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

class TfjsReader
{
    Q_DECLARE_TR_FUNCTIONS(nsfw::TfjsReader)
public:
    // Parsing stops at the first defect by throwing one of these; the public functions catch it.
    struct Failure {
        ModelError error;
    };

    TfjsReader(QString jsonName, std::function<std::optional<QByteArray>(const QString &)> readShard)
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
        for (const QJsonValue &lv : array(body, QStringLiteral("layers"), {})) {
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

    void parseWeights(TfjsModel &model, const QJsonArray &manifest)
    {
        QSet<QString> seen;
        for (int g = 0; g < manifest.size(); ++g) {
            const QString groupField = QStringLiteral("weightsManifest[%1]").arg(g);
            if (!manifest.at(g).isObject())
                fail({}, groupField, tr("expected an object"));
            const QJsonObject group = manifest.at(g).toObject();
            // A group's shards are one byte stream; its weights follow each other in manifest order.
            QByteArray bytes;
            QString lastShard;
            for (const QJsonValue &p : array(group, QStringLiteral("paths"), {})) {
                if (!p.isString() || p.toString().isEmpty())
                    fail({}, groupField + QStringLiteral(".paths"), tr("expected file names"));
                lastShard = p.toString();
                const std::optional<QByteArray> shard = m_readShard(lastShard);
                if (!shard)
                    fail({}, groupField + QStringLiteral(".paths"), tr("weight shard is missing or unreadable"),
                         shardFile(lastShard));
                bytes += *shard;
            }
            qint64 offset = 0;
            for (const QJsonValue &wv : array(group, QStringLiteral("weights"), {})) {
                const QString field = groupField + QStringLiteral(".weights");
                if (!wv.isObject())
                    fail({}, field, tr("expected an object"));
                const QJsonObject wo = wv.toObject();
                TfjsWeight w;
                w.group = g;
                w.name = string(wo, QStringLiteral("name"), {});
                if (seen.contains(w.name))
                    fail(w.name, field, tr("duplicate weight name"));
                seen.insert(w.name);
                qint64 count = 1;
                for (const QJsonValue &d : array(wo, QStringLiteral("shape"), w.name)) {
                    w.shape.push_back(integer(d, w.name, QStringLiteral("shape")));
                    count *= w.shape.back();
                    if (count > (qint64(1) << 31))
                        fail(w.name, QStringLiteral("shape"), tr("tensor too large"));
                }
                const QString dtype = string(wo, QStringLiteral("dtype"), w.name);
                if (dtype != QLatin1String("float32") && dtype != QLatin1String("int32"))
                    fail(w.name, QStringLiteral("dtype"), tr("unsupported dtype '%1'").arg(dtype));
                w.storedDtype = dtype;
                double scale = 1, minimum = 0;
                if (wo.contains(QLatin1String("quantization"))) {
                    const QJsonObject q = object(wo, QStringLiteral("quantization"), w.name);
                    w.storedDtype = string(q, QStringLiteral("dtype"), w.name);
                    if (w.storedDtype != QLatin1String("float16")) {
                        const QJsonValue s = q.value(QLatin1String("scale")), m = q.value(QLatin1String("min"));
                        if (!s.isDouble() || !m.isDouble())
                            fail(w.name, QStringLiteral("quantization"), tr("needs numeric 'scale' and 'min'"));
                        scale = s.toDouble();
                        minimum = m.toDouble();
                    }
                }
                int elementBytes = 4;
                if (w.storedDtype == QLatin1String("uint8"))
                    elementBytes = 1;
                else if (w.storedDtype == QLatin1String("uint16") || w.storedDtype == QLatin1String("float16"))
                    elementBytes = 2;
                else if (w.storedDtype != dtype)
                    fail(w.name, QStringLiteral("quantization.dtype"),
                         tr("unsupported quantization '%1'").arg(w.storedDtype));
                const qint64 need = count * elementBytes;
                if (offset + need > bytes.size())
                    fail(w.name, QStringLiteral("paths"),
                         tr("weight data too short: needs bytes %1..%2 of the group, shards hold %3")
                             .arg(offset)
                             .arg(offset + need)
                             .arg(bytes.size()),
                         shardFile(lastShard));
                const auto *src = reinterpret_cast<const unsigned char *>(bytes.constData() + offset);
                w.values.resize(static_cast<size_t>(count));
                for (qint64 i = 0; i < count; ++i) {
                    const unsigned char *p = src + i * elementBytes;
                    float v;
                    if (elementBytes == 1) {
                        v = static_cast<float>(p[0] * scale + minimum);
                    } else if (w.storedDtype == QLatin1String("uint16")) {
                        v = static_cast<float>((p[0] | (p[1] << 8)) * scale + minimum);
                    } else if (elementBytes == 2) {
                        v = halfToFloat(static_cast<uint16_t>(p[0] | (p[1] << 8)));
                    } else if (w.storedDtype == QLatin1String("int32")) {
                        int32_t iv;
                        std::memcpy(&iv, p, 4);
                        v = static_cast<float>(iv);
                    } else {
                        std::memcpy(&v, p, 4);
                    }
                    w.values[static_cast<size_t>(i)] = v;
                }
                offset += need;
                model.weights.push_back(std::move(w));
            }
            if (offset != bytes.size())
                qCWarning(lcModel) << m_jsonName << "weight group" << g << "has" << bytes.size() - offset
                                   << "unused trailing bytes";
        }
    }

    QString shardFile(const QString &path) const
    {
        const QFileInfo json(m_jsonName);
        return json.dir().filePath(path);
    }

    QString m_jsonName;
    std::function<std::optional<QByteArray>(const QString &)> m_readShard;
};

} // namespace

std::optional<TfjsModel> parseTfjsModel(const QByteArray &json, const QString &jsonName,
                                        const std::function<std::optional<QByteArray>(const QString &)> &readShard,
                                        ModelError *error)
{
    try {
        TfjsReader reader(jsonName, readShard);
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

std::optional<TfjsModel> readTfjsModel(const QString &modelJsonPath, ModelError *error)
{
    QFile file(modelJsonPath);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error =
                ModelError{modelJsonPath,
                           {},
                           {},
                           QCoreApplication::translate("nsfw::TfjsReader", "cannot open: %1").arg(file.errorString())};
        return std::nullopt;
    }
    const QDir dir = QFileInfo(modelJsonPath).dir();
    return parseTfjsModel(
        file.readAll(), modelJsonPath,
        [dir](const QString &path) -> std::optional<QByteArray> {
            QFile shard(dir.filePath(path));
            if (!shard.open(QIODevice::ReadOnly))
                return std::nullopt;
            return shard.readAll();
        },
        error);
}

} // namespace nsfw
