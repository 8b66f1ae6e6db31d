#include "modelexport.h"
#include "modelexport_p.h"

#include "common/logging.h"
#include "common/ownedfolder.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>

#include <torch/serialize.h>

namespace nsfw {

namespace {

QString tr(const char *text)
{
    // lupdate files the strings of a free tr() helper under the enclosing namespace: look them up there.
    return QCoreApplication::translate("nsfw", text);
}

} // namespace

bool writeTfjsModel(const TfjsModel &base, const KerasGraph &graph, const ModelProfile &profile, const QString &dir,
                    QString *error)
{
    // A checkpoint replaces the run's previous one; only a folder this tool wrote is ever replaced.
    OwnedFolder folder(dir, OwnedFolder::Existing::Replace);
    if (!folder.begin(error))
        return false;
    const QString tmp = folder.stagingPath();
    const QString shardName = QStringLiteral("group1-shard1of1.bin");
    QJsonArray entries;
    QByteArray shard;
    for (const auto &[name, tensor] : graph->kerasWeights()) {
        const torch::Tensor t = tensor.detach().to(torch::kFloat).contiguous().cpu();
        QJsonArray shape;
        for (int64_t d : t.sizes())
            shape.append(qint64(d));
        entries.append(QJsonObject{{QStringLiteral("name"), QString::fromStdString(name)},
                                   {QStringLiteral("shape"), shape},
                                   {QStringLiteral("dtype"), QStringLiteral("float32")}});
        shard.append(reinterpret_cast<const char *>(t.data_ptr<float>()), qsizetype(t.numel() * sizeof(float)));
    }
    QJsonObject doc = base.document;
    doc.insert(QStringLiteral("weightsManifest"),
               QJsonArray{QJsonObject{{QStringLiteral("paths"), QJsonArray{shardName}},
                                      {QStringLiteral("weights"), entries}}});
    doc.insert(QStringLiteral("format"), QStringLiteral("layers-model"));
    doc.insert(QStringLiteral("generatedBy"), QStringLiteral("NSFW Workbench (fine-tuned)"));
    auto write = [&](const QString &path, const QByteArray &bytes) {
        QSaveFile f(path);
        if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size() || !f.commit()) {
            if (error)
                *error = tr("cannot write %1: %2").arg(path, f.errorString());
            return false;
        }
        return true;
    };
    if (!write(tmp + QLatin1Char('/') + shardName, shard)
        || !write(tmp + QStringLiteral("/model.json"), QJsonDocument(doc).toJson(QJsonDocument::Compact))
        || !profile.write(tmp, error))
        return false;
    return folder.commit(error);
}

bool copyModelFolder(const QString &fromDir, const QString &outDir, bool replace, QString *error)
{
    const QFileInfoList files = QDir(fromDir).entryInfoList(QDir::Files);
    if (files.isEmpty()) {
        if (error)
            *error = tr("%1 holds no model").arg(fromDir);
        return false;
    }
    OwnedFolder folder(outDir, replace ? OwnedFolder::Existing::Replace : OwnedFolder::Existing::Refuse);
    if (!folder.begin(error))
        return false;
    const QString tmp = folder.stagingPath();
    for (const QFileInfo &f : files) {
        if (!QFile::copy(f.absoluteFilePath(), tmp + QLatin1Char('/') + f.fileName())) {
            if (error)
                *error = tr("cannot copy %1").arg(f.absoluteFilePath());
            return false;
        }
    }
    return folder.commit(error);
}

bool exportNative(const QString &tfjsDir, const QString &outDir, bool replace, QString *error)
{
    OwnedFolder folder(outDir, replace ? OwnedFolder::Existing::Replace : OwnedFolder::Existing::Refuse);
    if (!folder.begin(error))
        return false;
    ModelError modelError;
    auto graph = loadKerasGraph(tfjsDir, &modelError);
    if (!graph) {
        if (error)
            *error = modelError.toString();
        return false;
    }
    try {
        torch::serialize::OutputArchive archive;
        (*graph)->save(archive);
        archive.save_to(QString(folder.stagingPath() + QStringLiteral("/model.pt")).toStdString());
    } catch (const c10::Error &e) {
        if (error)
            *error = QString::fromUtf8(e.what_without_backtrace());
        return false;
    }
    return folder.commit(error);
}

} // namespace nsfw
