#include "linearhead.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QSet>

namespace nsfw::linearhead {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("nsfw::LinearHead", text);
}

/// Whether a weight ("dense_1/kernel", or scoped "model_1/dense_1/kernel") belongs to one of `layers`.
bool belongsTo(const QString &weightName, const QSet<QString> &layers)
{
    const QStringList parts = weightName.split(QLatin1Char('/'));
    for (qsizetype i = 0; i + 1 < parts.size(); ++i) {
        if (layers.contains(parts[i]))
            return true;
    }
    return false;
}

QJsonObject denseLayer(const QString &name, const QString &input)
{
    const QJsonObject config{
        {QStringLiteral("name"), name},
        {QStringLiteral("trainable"), true},
        {QStringLiteral("units"), 2},
        {QStringLiteral("activation"), QStringLiteral("softmax")},
        {QStringLiteral("use_bias"), true},
        {QStringLiteral("kernel_initializer"),
         QJsonObject{{QStringLiteral("class_name"), QStringLiteral("Zeros")}, {QStringLiteral("config"), QJsonObject()}}},
        {QStringLiteral("bias_initializer"),
         QJsonObject{{QStringLiteral("class_name"), QStringLiteral("Zeros")}, {QStringLiteral("config"), QJsonObject()}}},
        {QStringLiteral("kernel_regularizer"), QJsonValue::Null},
        {QStringLiteral("bias_regularizer"), QJsonValue::Null},
        {QStringLiteral("activity_regularizer"), QJsonValue::Null},
        {QStringLiteral("kernel_constraint"), QJsonValue::Null},
        {QStringLiteral("bias_constraint"), QJsonValue::Null}};
    QJsonObject layer{{QStringLiteral("name"), name},
                      {QStringLiteral("class_name"), QStringLiteral("Dense")},
                      {QStringLiteral("config"), config}};
    if (!input.isEmpty())
        layer.insert(QStringLiteral("inbound_nodes"),
                     QJsonArray{QJsonArray{QJsonArray{input, 0, 0, QJsonObject()}}});
    return layer;
}

/// The layer list in model.json's topology, cut after `keep` layers and ended by the new head; false when the
/// document's layers are not where the reader found them.
bool rewriteTopology(QJsonObject &document, qsizetype keep, const QString &input, bool sequential)
{
    QJsonObject topology = document.value(QLatin1String("modelTopology")).toObject();
    const bool wrapped = topology.contains(QLatin1String("model_config"));
    QJsonObject config = wrapped ? topology.value(QLatin1String("model_config")).toObject() : topology;
    const QJsonValue body = config.value(QLatin1String("config"));
    // Old Keras Sequential models give the layer list itself as "config".
    const bool bare = sequential && body.isArray();
    QJsonObject bodyObject = body.toObject();
    QJsonArray layers = bare ? body.toArray() : bodyObject.value(QLatin1String("layers")).toArray();
    // A Sequential model without an explicit InputLayer got one from the reader, which model.json does not have.
    const qsizetype offset = sequential && !layers.isEmpty()
                                     && layers.at(0).toObject().value(QLatin1String("class_name")).toString()
                                            != QLatin1String("InputLayer")
                                 ? 1
                                 : 0;
    if (keep - offset < 1 || keep - offset > layers.size())
        return false;
    while (layers.size() > keep - offset)
        layers.removeLast();
    layers.append(denseLayer(QString::fromLatin1(kLayer), sequential ? QString() : input));
    if (bare) {
        config.insert(QStringLiteral("config"), layers);
    } else {
        bodyObject.insert(QStringLiteral("layers"), layers);
        if (!sequential)
            bodyObject.insert(QStringLiteral("output_layers"),
                              QJsonArray{QJsonArray{QString::fromLatin1(kLayer), 0, 0}});
        config.insert(QStringLiteral("config"), bodyObject);
    }
    if (wrapped) {
        topology.insert(QStringLiteral("model_config"), config);
        // The original training's loss and metrics were for the classes the model no longer has.
        topology.remove(QStringLiteral("training_config"));
    } else {
        topology = config;
    }
    document.insert(QStringLiteral("modelTopology"), topology);
    return true;
}

} // namespace

std::optional<TfjsModel> replaceHead(const TfjsModel &model, const QString &featureLayer, int features, QString *error)
{
    auto fail = [error](const QString &message) -> std::optional<TfjsModel> {
        if (error)
            *error = message;
        return std::nullopt;
    };
    qsizetype at = -1;
    for (size_t i = 0; i < model.layers.size(); ++i) {
        if (model.layers[i].name == featureLayer)
            at = qsizetype(i);
    }
    if (at < 0 || features < 1)
        return fail(tr("the model has no feature layer '%1' to put a linear head on").arg(featureLayer));
    const qsizetype keep = at + 1;
    QSet<QString> kept, removed;
    for (size_t i = 0; i < model.layers.size(); ++i)
        (qsizetype(i) < keep ? kept : removed).insert(model.layers[i].name);
    for (qsizetype i = 0; i < keep; ++i) {
        for (const KerasInbound &in : model.layers[size_t(i)].inbound) {
            if (removed.contains(in.layer))
                return fail(tr("layer '%1' reads '%2', which comes after the feature layer '%3'")
                                .arg(model.layers[size_t(i)].name, in.layer, featureLayer));
        }
    }
    const QString name = QString::fromLatin1(kLayer);
    if (kept.contains(name))
        return fail(tr("the model already has a layer named '%1' before its feature layer").arg(name));

    TfjsModel out = model;
    const QString topologyClass = [&] {
        const QJsonObject t = model.document.value(QLatin1String("modelTopology")).toObject();
        const QJsonObject c = t.contains(QLatin1String("model_config")) ? t.value(QLatin1String("model_config")).toObject() : t;
        return c.value(QLatin1String("class_name")).toString();
    }();
    if (!rewriteTopology(out.document, keep, featureLayer, topologyClass == QLatin1String("Sequential")))
        return fail(tr("the layers of model.json are not where they were read from"));
    out.layers.resize(size_t(keep));
    KerasLayerSpec head;
    head.name = name;
    head.className = QStringLiteral("Dense");
    head.config = denseLayer(name, featureLayer).value(QLatin1String("config")).toObject();
    head.inbound << KerasInbound{featureLayer, 0, 0};
    out.layers.push_back(head);
    out.outputs = {KerasInbound{name, 0, 0}};

    std::vector<TfjsWeight> weights;
    for (const TfjsWeight &w : model.weights) {
        if (!belongsTo(w.name, removed))
            weights.push_back(w);
    }
    TfjsWeight kernel;
    kernel.name = name + QStringLiteral("/kernel");
    kernel.shape = {features, 2};
    kernel.values.assign(size_t(features) * 2, 0.0f);
    kernel.storedDtype = QStringLiteral("float32");
    TfjsWeight bias;
    bias.name = name + QStringLiteral("/bias");
    bias.shape = {2};
    bias.values = {0.0f, 0.0f};
    bias.storedDtype = QStringLiteral("float32");
    weights.push_back(kernel);
    weights.push_back(bias);
    out.weights = std::move(weights);

    out.profile.name = model.profile.name.isEmpty() ? tr("linear head") : tr("%1, linear head").arg(model.profile.name);
    out.profile.classes = {QString::fromLatin1(kSafeClass), QString::fromLatin1(kNsfwClass)};
    out.profile.nsfwClasses = {QString::fromLatin1(kNsfwClass)};
    return out;
}

} // namespace nsfw::linearhead
