// libFuzzer target for the TF.js Layers loader: parses model.json + one shard from the fuzz input, then builds
// the torch graph (with its dry run) when the model is small. Any crash, abort, sanitizer report or escaping
// exception is a bug: the loader must turn every defect into a ModelError.
//
// Input format: the model.json bytes, optionally followed by "\n#SHARD#\n" and the bytes every shard path reads.
#include "model/kerasgraph.h"
#include "model/tfjsmodel.h"

#include <QByteArray>
#include <QJsonArray>
#include <QLoggingCategory>

#include <cstddef>
#include <cstdint>

// Largest number in a JSON value (recursing into arrays).
static double largest(const QJsonValue &v)
{
    double m = v.isDouble() ? v.toDouble() : 0;
    for (const QJsonValue &e : v.toArray())
        m = std::max(m, largest(e));
    return m;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const bool once = [] {
        at::set_num_threads(1);
        QLoggingCategory::setFilterRules(QStringLiteral("nsfw.*=false")); // warnings would drown the fuzzer
        return true;
    }();
    (void)once;
    const QByteArray input(reinterpret_cast<const char *>(data), static_cast<int>(size));
    const int sep = input.indexOf("\n#SHARD#\n");
    const QByteArray json = sep < 0 ? input : input.left(sep);
    const std::optional<QByteArray> shard = sep < 0 ? std::nullopt : std::optional<QByteArray>(input.mid(sep + 9));
    nsfw::ModelError error;
    const auto model = nsfw::parseTfjsModel(
        json, QStringLiteral("fuzz/model.json"), [&](const QString &) { return shard; }, &error);
    if (!model)
        return 0;
    // Keep the dry run cheap: small inputs and few weights only (the loader itself accepts big models).
    int64_t values = 0;
    for (const auto &w : model->weights)
        values += static_cast<int64_t>(w.values.size());
    for (const auto &l : model->layers) {
        if (l.className == QLatin1String("InputLayer")) {
            const auto shape = l.config.value(QLatin1String("batch_input_shape")).toArray();
            if (largest(shape) > 64)
                return 0;
        }
        // Channel counts come from weights, but pooling/padding sizes do not: cap them too.
        for (const char *key : {"padding", "pool_size", "filters", "units"}) {
            if (largest(l.config.value(QLatin1String(key))) > 64)
                return 0;
        }
    }
    if (values > 1 << 20 || model->layers.size() > 200)
        return 0;
    (void)nsfw::buildKerasGraph(*model, &error);
    return 0;
}
