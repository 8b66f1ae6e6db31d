#include "mediastatsstore.h"

#include "projectdatabase.h"

#include <QSqlError>
#include <QSqlQuery>

namespace nsfw {

MediaStatsStore::MediaStatsStore(ProjectDatabase &db)
    : m_db(db)
{
}

bool MediaStatsStore::put(qint64 itemId, const MediaStats &stats, QString *error)
{
    if (m_db.writesLabelsOnly())
        return true; // a member's pass keeps what it computes in memory (ProjectDatabase::writesLabelsOnly)
    QSqlQuery q(m_db.db());
    q.prepare(
        QStringLiteral("INSERT INTO media_stats (item_id, version, stats) VALUES (?, ?, ?)"
                       " ON CONFLICT (item_id) DO UPDATE SET version = excluded.version, stats = excluded.stats"));
    q.addBindValue(itemId);
    q.addBindValue(MediaStats::kVersion);
    q.addBindValue(QString::fromUtf8(stats.toJson()));
    if (!q.exec()) {
        if (error)
            *error = q.lastError().text();
        return false;
    }
    return true;
}

QHash<qint64, MediaStats> MediaStatsStore::all(QString *error) const
{
    QHash<qint64, MediaStats> stats;
    QSqlQuery q(m_db.db());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT item_id, stats FROM media_stats WHERE version = ?"));
    q.addBindValue(MediaStats::kVersion);
    if (!q.exec()) {
        if (error)
            *error = q.lastError().text();
        return stats;
    }
    while (q.next()) {
        const MediaStats s = MediaStats::fromJson(q.value(1).toString().toUtf8());
        if (s.valid)
            stats.insert(q.value(0).toLongLong(), s);
    }
    return stats;
}

QVector<qint64> MediaStatsStore::missing(QString *error) const
{
    QVector<qint64> ids;
    QSqlQuery q(m_db.db());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT i.id FROM items i LEFT JOIN media_stats s ON s.item_id = i.id AND s.version = ?"
                             " WHERE i.kind <> 2 AND s.item_id IS NULL ORDER BY i.id"));
    q.addBindValue(MediaStats::kVersion);
    if (!q.exec()) {
        if (error)
            *error = q.lastError().text();
        return ids;
    }
    while (q.next())
        ids << q.value(0).toLongLong();
    return ids;
}

} // namespace nsfw
