#include "videocutstore.h"

#include "projectdatabase.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariantList>

namespace nsfw {

VideoCutStore::VideoCutStore(ProjectDatabase &db)
    : m_db(db)
{
}

bool VideoCutStore::put(qint64 videoId, const QList<SceneCut> &cuts, QString *error)
{
    auto fail = [error](const QSqlQuery &q) {
        if (error)
            *error = q.lastError().text();
        return false;
    };
    QSqlQuery clear(m_db.db());
    clear.prepare(QStringLiteral("DELETE FROM video_cuts WHERE item_id = ?"));
    clear.addBindValue(videoId);
    if (!clear.exec())
        return fail(clear);
    if (cuts.isEmpty())
        return true;
    QSqlQuery q(m_db.db());
    q.prepare(QStringLiteral("INSERT INTO video_cuts (item_id, frame_index, ms, difference) VALUES (?, ?, ?, ?)"));
    for (const SceneCut &cut : cuts) {
        q.addBindValue(videoId);
        q.addBindValue(cut.index);
        q.addBindValue(cut.ms);
        q.addBindValue(cut.difference);
        if (!q.exec())
            return fail(q);
    }
    return true;
}

QList<SceneCut> VideoCutStore::cuts(qint64 videoId, QString *error) const
{
    QList<SceneCut> out;
    QSqlQuery q(m_db.db());
    q.setForwardOnly(true);
    q.prepare(
        QStringLiteral("SELECT frame_index, ms, difference FROM video_cuts WHERE item_id = ? ORDER BY frame_index"));
    q.addBindValue(videoId);
    if (!q.exec()) {
        if (error)
            *error = q.lastError().text();
        return out;
    }
    while (q.next())
        out.append({q.value(0).toLongLong(), q.value(1).toLongLong(), q.value(2).toDouble()});
    return out;
}

} // namespace nsfw
