#pragma once

#include "model/modelprofile.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <QVector>

#include <cstdint>
#include <functional>
#include <optional>
#include <vector>

namespace nsfw {

/// Why a model could not be read or built: the file, Keras layer and JSON field it concerns (any may be empty).
struct ModelError {
    QString file;
    QString layer;
    QString field;
    QString message;

    /// "FILE: layer 'L': field 'F': MESSAGE", leaving out the parts that are empty.
    QString toString() const;
};

/// One tensor feeding a Keras layer: the producing layer, its node index and output index.
struct KerasInbound {
    QString layer;
    int nodeIndex = 0;
    int tensorIndex = 0;
};

/// One layer of the Keras topology as written in model.json.
struct KerasLayerSpec {
    QString name;
    QString className;
    QJsonObject config;
    QVector<KerasInbound> inbound; ///< empty for InputLayer
};

/// One tensor of the weights manifest, dequantized to float32; manifest order is kept for export.
struct TfjsWeight {
    QString name;               ///< Keras weight name, e.g. "Conv1/kernel"
    std::vector<int64_t> shape; ///< Keras layout, e.g. [kh, kw, in, out]
    std::vector<float> values;  ///< dequantized: q * scale + min
    int group = 0;              ///< manifest group index
    QString storedDtype;        ///< "float32", "int32", or the quantization dtype ("uint8", "uint16", "float16")
};

/// A TF.js Layers model: topology and dequantized weights, free of torch so it can be fuzzed cheaply.
struct TfjsModel {
    QString jsonPath;                   ///< model.json (or the name given for in-memory parsing)
    QString modelName;                  ///< Keras model name
    std::vector<KerasLayerSpec> layers; ///< in file order (which is topological for Keras exports)
    QVector<KerasInbound> inputs;
    QVector<KerasInbound> outputs;
    std::vector<TfjsWeight> weights;
    QJsonObject document; ///< the whole model.json, kept for writing fine-tuned weights back
    /// profile.json beside model.json, or the defaults (not yet completed(): the graph knows the model's shape).
    ModelProfile profile;

    const TfjsWeight *weight(const QString &name) const;
};

/// The names of the model's layers, in file order.
QStringList layerNamesOf(const TfjsModel &model);

/// Reads model.json and its weight shards (and profile.json beside them, when there is one). Returns nullopt and fills *error on any defect; never throws.
std::optional<TfjsModel> readTfjsModel(const QString &modelJsonPath, ModelError *error);

/// Same from memory: `readShard` returns a shard's bytes by its manifest path, nullopt when missing.
/// Used by the fuzz target and the tests.
std::optional<TfjsModel> parseTfjsModel(const QByteArray &json, const QString &jsonName,
                                        const std::function<std::optional<QByteArray>(const QString &)> &readShard,
                                        ModelError *error);

} // namespace nsfw
