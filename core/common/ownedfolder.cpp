#include "ownedfolder.h"

#include "logging.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QSet>
#include <QTemporaryDir>

namespace nsfw {

namespace {

QJsonObject readJson(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly) || f.size() > 64 * 1024 * 1024)
        return {};
    return QJsonDocument::fromJson(f.readAll()).object();
}

/// The files a marker or the tool's own model.json accounts for; empty when neither says the tool wrote dir.
QSet<QString> filesTheToolWrote(const QString &dir)
{
    QSet<QString> known;
    const QString marker = dir + QLatin1Char('/') + QLatin1String(OwnedFolder::kMarkerName);
    if (QFileInfo(marker).isFile()) {
        for (const QJsonValue &v : readJson(marker).value(QStringLiteral("files")).toArray())
            known << v.toString();
        known << QLatin1String(OwnedFolder::kMarkerName);
        return known;
    }
    // A model folder exported before markers existed: its model.json says who wrote it and names its shards.
    const QJsonObject model = readJson(dir + QStringLiteral("/model.json"));
    if (!model.value(QStringLiteral("generatedBy")).toString().startsWith(QLatin1String("NSFW Workbench")))
        return {};
    known << QStringLiteral("model.json") << QStringLiteral("model.pt");
    for (const QJsonValue &group : model.value(QStringLiteral("weightsManifest")).toArray()) {
        for (const QJsonValue &path : group.toObject().value(QStringLiteral("paths")).toArray())
            known << path.toString();
    }
    return known;
}

QStringList entriesOf(const QString &dir)
{
    return QDir(dir).entryList(QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot, QDir::Name);
}

} // namespace

bool OwnedFolder::isOwned(const QString &dir, QStringList *files, QString *why)
{
    auto foreign = [why](const QString &message) {
        if (why)
            *why = message;
        return false;
    };
    const QFileInfo info(dir);
    if (info.isSymLink())
        return foreign(tr("%1 is a symbolic link").arg(dir));
    if (!info.isDir())
        return foreign(tr("%1 is not a folder").arg(dir));
    const QStringList entries = entriesOf(dir);
    const QSet<QString> known = entries.isEmpty() ? QSet<QString>() : filesTheToolWrote(dir);
    if (!entries.isEmpty() && known.isEmpty())
        return foreign(tr("%1 holds files that NSFW Workbench did not write (%2)").arg(dir, entries.first()));
    for (const QString &name : entries) {
        const QFileInfo entry(dir + QLatin1Char('/') + name);
        if (!known.contains(name) || entry.isSymLink() || !entry.isFile())
            return foreign(tr("%1 holds a file that NSFW Workbench did not write: %2").arg(dir, name));
    }
    if (files)
        *files = entries;
    return true;
}

OwnedFolder::OwnedFolder(const QString &target, Existing existing)
    : m_target(QDir::cleanPath(QFileInfo(target).absoluteFilePath()))
    , m_existing(existing)
{
}

OwnedFolder::~OwnedFolder() = default; // an uncommitted staging folder (ours alone) goes with m_staging

bool OwnedFolder::begin(QString *error)
{
    auto fail = [error](const QString &message) {
        if (error)
            *error = message;
        return false;
    };
    const QFileInfo info(m_target);
    m_targetExists = info.exists() || info.isSymLink();
    if (m_targetExists) {
        QString why;
        if (info.isSymLink() || !info.isDir())
            return fail(tr("%1 exists and is not a folder; choose a new or empty folder.").arg(m_target));
        const bool empty = entriesOf(m_target).isEmpty();
        if (!empty && !isOwned(m_target, nullptr, &why))
            return fail(tr("%1 is not empty and is not a folder NSFW Workbench wrote (%2). Nothing was written; "
                           "choose a new or empty folder.")
                            .arg(m_target, why));
        if (!empty && m_existing == Existing::Refuse)
            return fail(tr("%1 already holds a model written by NSFW Workbench; add --force to replace it.")
                            .arg(m_target));
    }
    const QString parent = QFileInfo(m_target).absolutePath();
    if (!QDir().mkpath(parent))
        return fail(tr("Cannot create the folder %1.").arg(parent));
    m_staging = std::make_unique<QTemporaryDir>(parent + QStringLiteral("/.") + QFileInfo(m_target).fileName()
                                                + QStringLiteral(".partial-XXXXXX"));
    if (!m_staging->isValid())
        return fail(tr("Cannot write in %1: %2").arg(parent, m_staging->errorString()));
    // QTemporaryDir makes it private (0700); the finished folder is an ordinary one.
    QFile::setPermissions(m_staging->path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ReadGroup
                                                 | QFile::ExeGroup | QFile::ReadOther | QFile::ExeOther);
    return true;
}

QString OwnedFolder::stagingPath() const
{
    return m_staging ? m_staging->path() : QString();
}

bool OwnedFolder::commit(QString *error)
{
    auto fail = [error](const QString &message) {
        if (error)
            *error = message;
        return false;
    };
    if (!m_staging || !m_staging->isValid())
        return fail(tr("Nothing to write to %1.").arg(m_target));
    QJsonArray written;
    for (const QString &name : entriesOf(m_staging->path()))
        written.append(name);
    QSaveFile marker(m_staging->path() + QLatin1Char('/') + QLatin1String(kMarkerName));
    const QByteArray text = QJsonDocument(QJsonObject{{QStringLiteral("writtenBy"), QStringLiteral("NSFW Workbench")},
                                                      {QStringLiteral("files"), written}})
                                .toJson();
    if (!marker.open(QIODevice::WriteOnly) || marker.write(text) != text.size() || !marker.commit())
        return fail(tr("Cannot write %1: %2").arg(marker.fileName(), marker.errorString()));

    // The folder being replaced is moved aside first (into a fresh folder of ours), so a failure puts it back.
    std::unique_ptr<QTemporaryDir> trash;
    QString old;
    QStringList oldFiles;
    const QFileInfo now(m_target);
    if (now.exists() || now.isSymLink()) {
        if (now.isDir() && !now.isSymLink() && entriesOf(m_target).isEmpty()) {
            if (!QDir().rmdir(m_target))
                return fail(tr("Cannot replace the empty folder %1.").arg(m_target));
        } else {
            QString why;
            if (!m_targetExists || m_existing == Existing::Refuse || !isOwned(m_target, &oldFiles, &why))
                return fail(tr("%1 changed while the model was written (%2); nothing was replaced.").arg(m_target, why));
            trash = std::make_unique<QTemporaryDir>(QFileInfo(m_target).absolutePath() + QStringLiteral("/.")
                                                    + QFileInfo(m_target).fileName() + QStringLiteral(".old-XXXXXX"));
            trash->setAutoRemove(false);
            old = trash->path() + QStringLiteral("/old");
            if (!trash->isValid() || !QDir().rename(m_target, old)) {
                if (trash->isValid())
                    QDir().rmdir(trash->path());
                return fail(tr("Cannot replace %1.").arg(m_target));
            }
        }
    }
    if (!QDir().rename(m_staging->path(), m_target)) {
        if (!old.isEmpty() && QDir().rename(old, m_target))
            QDir().rmdir(trash->path());
        return fail(tr("Cannot move the new folder into %1.").arg(m_target));
    }
    m_staging->setAutoRemove(false);
    m_staging.reset();
    if (!old.isEmpty()) {
        // Only the files the tool wrote, one by one: never a recursive delete of what the user may have put there.
        for (const QString &name : oldFiles)
            QFile::remove(old + QLatin1Char('/') + name);
        if (!QDir().rmdir(old) || !QDir().rmdir(trash->path()))
            qCWarning(lcStore) << "left the replaced folder at" << old << "(it is not empty)";
    }
    return true;
}

} // namespace nsfw
