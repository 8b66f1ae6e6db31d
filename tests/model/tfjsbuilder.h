#pragma once
// Writes small synthetic TF.js Layers models (model.json + one shard) for the loader tests.

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QString>

#include <cstdint>
#include <functional>
#include <vector>

namespace nsfw::test {

struct SyntheticWeight {
    QString name;
    std::vector<int64_t> shape;
    std::vector<float> values;
};

class TfjsBuilder
{
public:
    /// Starts a functional model whose InputLayer "input" has shape [null, h, w, c].
    TfjsBuilder(int h, int w, int c);
    /// Adds a layer fed by `inputs` (layer names); returns its name.
    QString add(const QString &className, const QString &name, const QStringList &inputs, QJsonObject config = {});
    /// Adds a weight with deterministic pseudo-random values in [lo, hi].
    const SyntheticWeight &weight(const QString &name, std::vector<int64_t> shape, float lo = -1, float hi = 1);
    /// Adds a weight with the given values (row-major in the TF.js layout).
    const SyntheticWeight &weightValues(const QString &name, std::vector<int64_t> shape, std::vector<float> values)
    {
        m_weights.push_back({name, std::move(shape), std::move(values)});
        return m_weights.back();
    }
    void setOutput(const QString &layer) { m_output = layer; }
    /// Stores weights as uint8 (value = q*scale + min) instead of float32; `values` become the dequantized ones.
    void setQuantized(bool q) { m_quantized = q; }

    QJsonObject json() const;
    QByteArray shard() const;
    /// Writes model.json and group1-shard1of1 into dir.
    bool write(const QString &dir) const;
    const std::vector<SyntheticWeight> &weights() const { return m_weights; }

private:
    QJsonArray m_layers;
    std::vector<SyntheticWeight> m_weights;
    QString m_output;
    bool m_quantized = false;
    uint32_t m_seed = 12345;
};

/// A small classifier with two blocks: a 16x16 input -> conv_a (3x3, 4 filters, relu) -> conv_b (1x1, 4, relu) ->
/// global average "gap" -> dense (`classes`, softmax); weights pseudo-random and fixed.
TfjsBuilder twoBlockClassifier(int classes);
/// twoBlockClassifier(2) written into dir (made if missing) with a profile.json: classes "fine" and "flagged" (the
/// nsfw one), blocks conv_a and conv_b, and `extra` entries (e.g. "test_time_flip"). False when it cannot be written.
bool writeTwoClassModel(const QString &dir, const QJsonObject &extra = {});

// Edits of a model.json document, for the tests of defective models.
/// Applies `edit` to layer `index` of the topology.
QJsonObject editLayer(QJsonObject doc, int index, const std::function<void(QJsonObject &)> &edit);
/// Sets one entry of layer `index`'s config.
QJsonObject setConfig(const QJsonObject &doc, int index, const QString &key, const QJsonValue &value);
/// Replaces the shard paths of the first weight group.
QJsonObject setPaths(QJsonObject doc, const QJsonArray &paths);
/// Appends a float32 weight to the first weight group's manifest (its bytes are not added to the shard).
QJsonObject addWeight(QJsonObject doc, const QString &name, const QJsonArray &shape);

} // namespace nsfw::test
