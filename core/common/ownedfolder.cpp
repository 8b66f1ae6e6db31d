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

#include <algorithm>

namespace nsfw {

namespace {

QJsonObject readJson(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly) || f.size() > 64 * 1024 * 1024)
        return {};
    return QJsonDocument::fromJson(f.readAll()).object();
}

/// What a marker (or the tool's own model.json) says the tool wrote: files, symbolic links and subfolders, as paths
/// relative to the folder. Empty when neither says the tool wrote dir.
struct Written {
    QSet<QString> files;
    QSet<QString> links;   ///< symbolic links it made (a dataset export links to the media)
    QSet<QString> folders; ///< subfolders it made (a dataset export's safe/, nsfw/, train/safe/ ...)
    bool isEmpty() const { return files.isEmpty() && links.isEmpty() && folders.isEmpty(); }
};

QSet<QString> stringSet(const QJsonValue &list)
{
    QSet<QString> set;
    for (const QJsonValue &v : list.toArray())
        set << v.toString();
    return set;
}

Written filesTheToolWrote(const QString &dir)
{
    Written known;
    const QString marker = dir + QLatin1Char('/') + QLatin1String(OwnedFolder::kMarkerName);
    if (QFileInfo(marker).isFile()) {
        const QJsonObject o = readJson(marker);
        known.files = stringSet(o.value(QStringLiteral("files")));
        known.links = stringSet(o.value(QStringLiteral("links")));
        known.folders = stringSet(o.value(QStringLiteral("folders")));
        known.files << QLatin1String(OwnedFolder::kMarkerName);
        return known;
    }
    // A model folder exported before markers existed: its model.json says who wrote it and names its shards.
    const QJsonObject model = readJson(dir + QStringLiteral("/model.json"));
    if (!model.value(QStringLiteral("generatedBy")).toString().startsWith(QLatin1String("NSFW Workbench")))
        return {};
    known.files << QStringLiteral("model.json") << QStringLiteral("model.pt");
    for (const QJsonValue &group : model.value(QStringLiteral("weightsManifest")).toArray()) {
        for (const QJsonValue &path : group.toObject().value(QStringLiteral("paths")).toArray())
            known.files << path.toString();
    }
    return known;
}

QStringList entriesOf(const QString &dir)
{
    return QDir(dir).entryList(QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot, QDir::Name);
}

/// Everything under dir (never following a symbolic link), as relative paths: files and links, and subfolders.
void listTree(const QString &dir, const QString &prefix, QStringList *files, QStringList *links, QStringList *folders)
{
    for (const QString &name : entriesOf(dir)) {
        const QString rel = prefix + name;
        const QFileInfo entry(dir + QLatin1Char('/') + name);
        if (entry.isSymLink()) {
            links->append(rel);
        } else if (entry.isDir()) {
            folders->append(rel);
            listTree(entry.filePath(), rel + QLatin1Char('/'), files, links, folders);
        } else {
            files->append(rel);
        }
    }
}

} // namespace

bool OwnedFolder::isOwned(const QString &dir, QStringList *files, QString *why)
{
    return ownedTree(dir, files, nullptr, why);
}

bool OwnedFolder::ownedTree(const QString &dir, QStringList *files, QStringList *folders, QString *why)
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
    const Written known = entries.isEmpty() ? Written() : filesTheToolWrote(dir);
    if (!entries.isEmpty() && known.isEmpty())
        return foreign(tr("%1 holds files that NSFW Workbench did not write (%2)").arg(dir, entries.first()));
    QStringList regular, links, subfolders;
    listTree(dir, QString(), &regular, &links, &subfolders);
    // Each entry must be what the marker says it wrote there: a file as a file, a link as a link, a folder as a folder.
    for (const QString &name : std::as_const(regular)) {
        if (!known.files.contains(name) || !QFileInfo(dir + QLatin1Char('/') + name).isFile())
            return foreign(tr("%1 holds a file that NSFW Workbench did not write: %2").arg(dir, name));
    }
    for (const QString &name : std::as_const(links)) {
        if (!known.links.contains(name))
            return foreign(tr("%1 holds a file that NSFW Workbench did not write: %2").arg(dir, name));
    }
    for (const QString &name : std::as_const(subfolders)) {
        if (!known.folders.contains(name))
            return foreign(tr("%1 holds a file that NSFW Workbench did not write: %2").arg(dir, name));
    }
    if (files)
        *files = regular + links;
    if (folders)
        *folders = subfolders;
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
    QStringList files, links, folders;
    listTree(m_staging->path(), QString(), &files, &links, &folders);
    QJsonObject written{{QStringLiteral("writtenBy"), QStringLiteral("NSFW Workbench")},
                        {QStringLiteral("files"), QJsonArray::fromStringList(files)}};
    if (!links.isEmpty())
        written.insert(QStringLiteral("links"), QJsonArray::fromStringList(links));
    if (!folders.isEmpty())
        written.insert(QStringLiteral("folders"), QJsonArray::fromStringList(folders));
    QSaveFile marker(m_staging->path() + QLatin1Char('/') + QLatin1String(kMarkerName));
    const QByteArray text = QJsonDocument(written).toJson();
    if (!marker.open(QIODevice::WriteOnly) || marker.write(text) != text.size() || !marker.commit())
        return fail(tr("Cannot write %1: %2").arg(marker.fileName(), marker.errorString()));

    // The folder being replaced is moved aside first (into a fresh folder of ours), so a failure puts it back.
    std::unique_ptr<QTemporaryDir> trash;
    QString old;
    QStringList oldFiles, oldFolders;
    const QFileInfo now(m_target);
    if (now.exists() || now.isSymLink()) {
        if (now.isDir() && !now.isSymLink() && entriesOf(m_target).isEmpty()) {
            if (!QDir().rmdir(m_target))
                return fail(tr("Cannot replace the empty folder %1.").arg(m_target));
        } else {
            QString why;
            if (!m_targetExists || m_existing == Existing::Refuse || !ownedTree(m_target, &oldFiles, &oldFolders, &why))
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
        // Then its subfolders, deepest first (a child's path is longer than its parent's); rmdir takes empty ones only.
        std::sort(oldFolders.begin(), oldFolders.end(),
                  [](const QString &a, const QString &b) { return a.size() > b.size(); });
        for (const QString &name : std::as_const(oldFolders))
            QDir().rmdir(old + QLatin1Char('/') + name);
        if (!QDir().rmdir(old) || !QDir().rmdir(trash->path()))
            qCWarning(lcStore) << "left the replaced folder at" << old << "(it is not empty)";
    }
    return true;
}

} // namespace nsfw
