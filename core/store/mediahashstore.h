#pragma once

#include "media/perceptualhash.h"

#include <QHash>
#include <QString>
#include <QVector>

namespace nsfw {

class ProjectDatabase;

/// The perceptual hashes of a project's images and videos (media_hashes). All SQL about them lives here.
class MediaHashStore
{
public:
    explicit MediaHashStore(ProjectDatabase &db);

    /// Stores an item's hash, replacing an older one; in the caller's transaction when one is open.
    bool put(qint64 itemId, const PerceptualHash &hash, QString *error = nullptr);
    /// Every hash of the current version, by item id.
    QHash<qint64, PerceptualHash> all(QString *error = nullptr) const;
    /// The images and videos that have no hash of the current version (imported before hashes existed, or hashed
    /// another way), in id order.
    QVector<qint64> missing(QString *error = nullptr) const;

private:
    ProjectDatabase &m_db;
};

} // namespace nsfw
