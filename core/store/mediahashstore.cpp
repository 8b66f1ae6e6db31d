#include "mediahashstore.h"

#include "projectdatabase.h"

#include <QSqlError>
#include <QSqlQuery>

namespace nsfw {

MediaHashStore::MediaHashStore(ProjectDatabase &db)
    : m_db(db)
{
}

bool MediaHashStore::put(qint64 itemId, const PerceptualHash &hash, QString *error)
{
    QSqlQuery q(m_db.db());
    q.prepare(QStringLiteral("INSERT INTO media_hashes (item_id, version, phash, phash_trimmed, signature)"
                             " VALUES (?, ?, ?, ?, ?) ON CONFLICT (item_id) DO UPDATE SET version = excluded.version,"
                             " phash = excluded.phash, phash_trimmed = excluded.phash_trimmed,"
                             " signature = excluded.signature"));
    q.addBindValue(itemId);
    q.addBindValue(PerceptualHash::kVersion);
    // The 64 bits as a signed integer: both backends store 64-bit signed integers.
    q.addBindValue(qint64(hash.phash[0]));
    q.addBindValue(qint64(hash.phash[1]));
    q.addBindValue(QString::fromLatin1(hash.signature().toBase64()));
    if (!q.exec()) {
        if (error)
            *error = q.lastError().text();
        return false;
    }
    return true;
}

QHash<qint64, PerceptualHash> MediaHashStore::all(QString *error) const
{
    QHash<qint64, PerceptualHash> hashes;
    QSqlQuery q(m_db.db());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT item_id, phash, phash_trimmed, signature FROM media_hashes WHERE version = ?"));
    q.addBindValue(PerceptualHash::kVersion);
    if (!q.exec()) {
        if (error)
            *error = q.lastError().text();
        return hashes;
    }
    while (q.next()) {
        const PerceptualHash h = PerceptualHash::fromStored(
            quint64(q.value(1).toLongLong()), quint64(q.value(2).toLongLong()),
            QByteArray::fromBase64(q.value(3).toString().toLatin1()));
        if (h.valid)
            hashes.insert(q.value(0).toLongLong(), h);
    }
    return hashes;
}

QVector<qint64> MediaHashStore::missing(QString *error) const
{
    QVector<qint64> ids;
    QSqlQuery q(m_db.db());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT i.id FROM items i LEFT JOIN media_hashes h ON h.item_id = i.id AND h.version = ?"
                             " WHERE i.kind <> 2 AND h.item_id IS NULL ORDER BY i.id"));
    q.addBindValue(PerceptualHash::kVersion);
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
