#pragma once

#include "media/mediastats.h"

#include <QHash>
#include <QString>
#include <QVector>

namespace nsfw {

class ProjectDatabase;

/// The health measures of a project's images and videos (media_stats). All SQL about them lives here.
class MediaStatsStore
{
public:
    explicit MediaStatsStore(ProjectDatabase &db);

    /// Stores an item's measures, replacing older ones; in the caller's transaction when one is open.
    bool put(qint64 itemId, const MediaStats &stats, QString *error = nullptr);
    /// Every item's measures of the current version, by item id.
    QHash<qint64, MediaStats> all(QString *error = nullptr) const;
    /// The images and videos that have no measures of the current version (imported before they existed, or
    /// measured another way), in id order.
    QVector<qint64> missing(QString *error = nullptr) const;

private:
    ProjectDatabase &m_db;
};

} // namespace nsfw
