#include "modelensemble.h"

#include "common/ownedfolder.h"
#include "model/tfjsmodel.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QSet>

#include <vector>

namespace nsfw {

namespace {

QString tr(const char *text)
{
    // lupdate files the strings of a free tr() helper under the enclosing namespace: look them up there.
    return QCoreApplication::translate("nsfw", text);
}

/// The layer a weight belongs to: the name before its last '/' ("block_1_expand/kernel"), as this tool writes them.
QString layerOfWeight(const QString &weight)
{
    return weight.section(QLatin1Char('/'), 0, -2);
}

QString memberName(const QString &name, int member)
{
    return member == 0 ? name : name + QStringLiteral("_m%1").arg(member + 1);
}

/// The layer objects of model.json's functional config, and where they sit in the document.
QJsonArray layersOf(const QJsonObject &document)
{
    return document.value(QLatin1String("modelTopology"))
        .toObject()
        .value(QLatin1String("model_config"))
        .toObject()
        .value(QLatin1String("config"))
        .toObject()
        .value(QLatin1String("layers"))
        .toArray();
}

/// A member's copy of a layer object: its name and the names of the layers feeding it that are the member's own.
QJsonObject renamed(QJsonObject layer, int member, const QSet<QString> &shared)
{
    const QString name = memberName(layer.value(QLatin1String("name")).toString(), member);
    layer.insert(QStringLiteral("name"), name);
    QJsonObject config = layer.value(QLatin1String("config")).toObject();
    config.insert(QStringLiteral("name"), name);
    layer.insert(QStringLiteral("config"), config);
    QJsonArray nodes;
    for (const QJsonValue &node : layer.value(QLatin1String("inbound_nodes")).toArray()) {
        QJsonArray refs;
        for (const QJsonValue &ref : node.toArray()) {
            QJsonArray r = ref.toArray();
            const QString from = r.at(0).toString();
            r.replace(0, shared.contains(from) ? from : memberName(from, member));
            refs.append(r);
        }
        nodes.append(refs);
    }
    layer.insert(QStringLiteral("inbound_nodes"), nodes);
    return layer;
}

} // namespace

bool writeEnsembleModel(const QStringList &memberDirs, const QString &outDir, QString *error)
{
    auto failed = [error](const QString &message) {
        if (error)
            *error = message;
        return false;
    };
    if (memberDirs.size() < 2)
        return failed(tr("an ensemble needs at least two models"));
    std::vector<TfjsModel> members;
    for (const QString &dir : memberDirs) {
        ModelError modelError;
        std::optional<TfjsModel> m = readTfjsModel(dir + QStringLiteral("/model.json"), &modelError);
        if (!m)
            return failed(modelError.toString());
        members.push_back(std::move(*m));
    }
    const TfjsModel &first = members.front();
    const QJsonArray firstLayers = layersOf(first.document);
    if (firstLayers.size() != qsizetype(first.layers.size()))
        return failed(tr("%1: not a functional model").arg(first.jsonPath));
    for (const TfjsModel &m : members) {
        bool same = m.layers.size() == first.layers.size() && m.weights.size() == first.weights.size() &&
                    m.outputs.size() == 1 && m.outputs.front().layer == first.outputs.front().layer;
        for (size_t i = 0; same && i < m.layers.size(); ++i)
            same = m.layers[i].name == first.layers[i].name && m.layers[i].className == first.layers[i].className;
        for (size_t i = 0; same && i < m.weights.size(); ++i)
            same = m.weights[i].name == first.weights[i].name && m.weights[i].shape == first.weights[i].shape;
        if (!same)
            return failed(tr("%1 and %2 are not the same model").arg(first.jsonPath, m.jsonPath));
    }

    QSet<QString> names;
    for (const KerasLayerSpec &layer : first.layers)
        names.insert(layer.name);
    for (const TfjsWeight &w : first.weights) {
        if (!names.contains(layerOfWeight(w.name)))
            return failed(
                tr("%1: the weight %2 names no layer (not a model this tool wrote)").arg(first.jsonPath, w.name));
    }
    // A layer is shared when every member holds the same weights in it and everything feeding it is shared.
    QSet<QString> differing;
    for (size_t w = 0; w < first.weights.size(); ++w) {
        for (size_t k = 1; k < members.size(); ++k) {
            if (members[k].weights[w].values != first.weights[w].values) {
                differing.insert(layerOfWeight(first.weights[w].name));
                break;
            }
        }
    }
    QSet<QString> shared;
    for (const KerasLayerSpec &layer : first.layers) {
        bool own = differing.contains(layer.name);
        for (const KerasInbound &in : layer.inbound)
            own = own || !shared.contains(in.layer);
        if (!own)
            shared.insert(layer.name);
    }
    const QString output = first.outputs.front().layer;
    if (shared.contains(output))
        return failed(tr("the models are all the same: there is nothing to average"));

    QJsonArray layers;
    for (const QJsonValue &layer : firstLayers) {
        if (shared.contains(layer.toObject().value(QLatin1String("name")).toString()))
            layers.append(layer);
    }
    QJsonArray averaged;
    for (int k = 0; k < int(members.size()); ++k) {
        for (const QJsonValue &layer : layersOf(members[size_t(k)].document)) {
            if (!shared.contains(layer.toObject().value(QLatin1String("name")).toString()))
                layers.append(renamed(layer.toObject(), k, shared));
        }
        averaged.append(QJsonArray{memberName(output, k), 0, 0, QJsonObject()});
    }
    const QString average = QLatin1String(kEnsembleAverageLayer);
    layers.append(
        QJsonObject{{QStringLiteral("class_name"), QStringLiteral("Average")},
                    {QStringLiteral("name"), average},
                    {QStringLiteral("config"), QJsonObject{{QStringLiteral("name"), average},
                                                           {QStringLiteral("trainable"), false},
                                                           {QStringLiteral("dtype"), QStringLiteral("float32")}}},
                    {QStringLiteral("inbound_nodes"), QJsonArray{averaged}}});

    // The weights: the shared ones once, then each member's own under its layers' names, all float32.
    QJsonArray entries;
    QByteArray shard;
    auto addWeight = [&](const TfjsWeight &w, const QString &name) {
        QJsonArray shape;
        for (int64_t d : w.shape)
            shape.append(qint64(d));
        entries.append(QJsonObject{{QStringLiteral("name"), name},
                                   {QStringLiteral("shape"), shape},
                                   {QStringLiteral("dtype"), QStringLiteral("float32")}});
        shard.append(reinterpret_cast<const char *>(w.values.data()), qsizetype(w.values.size() * sizeof(float)));
    };
    for (const TfjsWeight &w : first.weights) {
        if (shared.contains(layerOfWeight(w.name)))
            addWeight(w, w.name);
    }
    for (int k = 0; k < int(members.size()); ++k) {
        for (const TfjsWeight &w : members[size_t(k)].weights) {
            const QString layer = layerOfWeight(w.name);
            if (!shared.contains(layer))
                addWeight(w, memberName(layer, k) + w.name.mid(layer.size()));
        }
    }

    QJsonObject doc = first.document;
    QJsonObject topology = doc.value(QLatin1String("modelTopology")).toObject();
    QJsonObject modelConfig = topology.value(QLatin1String("model_config")).toObject();
    QJsonObject body = modelConfig.value(QLatin1String("config")).toObject();
    body.insert(QStringLiteral("layers"), layers);
    body.insert(QStringLiteral("output_layers"), QJsonArray{QJsonArray{average, 0, 0}});
    modelConfig.insert(QStringLiteral("config"), body);
    topology.insert(QStringLiteral("model_config"), modelConfig);
    doc.insert(QStringLiteral("modelTopology"), topology);
    const QString shardName = QStringLiteral("group1-shard1of1.bin");
    doc.insert(QStringLiteral("weightsManifest"),
               QJsonArray{QJsonObject{{QStringLiteral("paths"), QJsonArray{shardName}},
                                      {QStringLiteral("weights"), entries}}});
    doc.insert(QStringLiteral("format"), QStringLiteral("layers-model"));
    doc.insert(QStringLiteral("generatedBy"),
               QStringLiteral("NSFW Workbench (an ensemble of %1 fine-tuned models)").arg(members.size()));

    OwnedFolder folder(outDir, OwnedFolder::Existing::Replace);
    if (!folder.begin(error))
        return false;
    const QString tmp = folder.stagingPath();
    auto write = [&](const QString &path, const QByteArray &bytes) {
        QSaveFile f(path);
        if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size() || !f.commit())
            return failed(tr("cannot write %1: %2").arg(path, f.errorString()));
        return true;
    };
    if (!write(tmp + QLatin1Char('/') + shardName, shard) ||
        !write(tmp + QStringLiteral("/model.json"), QJsonDocument(doc).toJson(QJsonDocument::Compact)))
        return false;
    const QString profile = memberDirs.front() + QStringLiteral("/profile.json");
    if (QFile::exists(profile) && !QFile::copy(profile, tmp + QStringLiteral("/profile.json")))
        return failed(tr("cannot copy %1").arg(profile));
    return folder.commit(error);
}

} // namespace nsfw
