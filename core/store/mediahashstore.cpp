#include "mediahashstore.h"

#include "projectdatabase.h"

#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>
#include <functional>

namespace nsfw {

MediaHashStore::MediaHashStore(ProjectDatabase &db)
    : m_db(db)
{
}

bool MediaHashStore::put(qint64 itemId, const PerceptualHash &hash, QString *error)
{
    if (m_db.writesLabelsOnly())
        return true; // a member's pass keeps what it computes in memory (ProjectDatabase::writesLabelsOnly)
    QSqlQuery q(m_db.db());
    // A replaced hash has not been compared with anything yet: its pairs go.
    QSqlQuery forget(m_db.db());
    forget.prepare(QStringLiteral("DELETE FROM near_pairs WHERE item_a = ? OR item_b = ?"));
    forget.addBindValue(itemId);
    forget.addBindValue(itemId);
    if (!forget.exec()) {
        if (error)
            *error = m_db.errorText(forget.lastError());
        return false;
    }
    q.prepare(QStringLiteral("INSERT INTO media_hashes (item_id, version, phash, phash_trimmed, signature, paired)"
                             " VALUES (?, ?, ?, ?, ?, 0) ON CONFLICT (item_id) DO UPDATE SET version = excluded.version,"
                             " phash = excluded.phash, phash_trimmed = excluded.phash_trimmed,"
                             " signature = excluded.signature, paired = 0"));
    q.addBindValue(itemId);
    q.addBindValue(PerceptualHash::kVersion);
    // The 64 bits as a signed integer: both backends store 64-bit signed integers.
    q.addBindValue(qint64(hash.phash[0]));
    q.addBindValue(qint64(hash.phash[1]));
    q.addBindValue(QString::fromLatin1(hash.signature().toBase64()));
    if (!q.exec()) {
        if (error)
            *error = m_db.errorText(q.lastError());
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
            *error = m_db.errorText(q.lastError());
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
            *error = m_db.errorText(q.lastError());
        return ids;
    }
    while (q.next())
        ids << q.value(0).toLongLong();
    return ids;
}

namespace {

bool fail(const ProjectDatabase &db, const QSqlQuery &q, QString *error)
{
    if (error)
        *error = db.errorText(q.lastError());
    return false;
}

} // namespace

QVector<QPair<qint64, qint64>> MediaHashStore::pairs(const QString &rule, QString *error)
{
    QVector<QPair<qint64, qint64>> found;
    QSqlQuery q(m_db.db());
    if (!q.exec(QStringLiteral("SELECT value FROM meta WHERE key = 'near_pairs_rule'"))) {
        fail(m_db, q, error);
        return found;
    }
    const bool sameRule = q.next() && q.value(0).toString() == rule;
    q.finish();
    if (!sameRule && m_db.writesLabelsOnly())
        return found; // the stored pairs are of another rule, and a member cannot clear them: none hold
    if (!sameRule) {
        Transaction tx(m_db);
        if (!tx.isActive()) {
            if (error)
                *error = tx.error();
            return found;
        }
        QSqlQuery w(m_db.db());
        if (!w.exec(QStringLiteral("DELETE FROM near_pairs")) || !w.exec(QStringLiteral("UPDATE media_hashes SET paired = 0"))
            || !w.exec(QStringLiteral("DELETE FROM meta WHERE key = 'near_pairs_rule'"))) {
            fail(m_db, w, error);
            return found;
        }
        w.prepare(QStringLiteral("INSERT INTO meta (key, value) VALUES ('near_pairs_rule', ?)"));
        w.addBindValue(rule);
        if (!w.exec()) {
            fail(m_db, w, error);
            return found;
        }
        if (!tx.commit() && error)
            *error = tx.error();
        return found;
    }
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT item_a, item_b FROM near_pairs"))) {
        fail(m_db, q, error);
        return found;
    }
    while (q.next())
        found.append({q.value(0).toLongLong(), q.value(1).toLongLong()});
    return found;
}

qint64 MediaHashStore::count(QString *error) const
{
    QSqlQuery q(m_db.db());
    q.prepare(QStringLiteral("SELECT count(*) FROM media_hashes WHERE version = ?"));
    q.addBindValue(PerceptualHash::kVersion);
    if (!q.exec() || !q.next()) {
        fail(m_db, q, error);
        return 0;
    }
    return q.value(0).toLongLong();
}

QVector<qint64> MediaHashStore::unpaired(QString *error) const
{
    QVector<qint64> ids;
    QSqlQuery q(m_db.db());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT item_id FROM media_hashes WHERE version = ? AND paired = 0 ORDER BY item_id"));
    q.addBindValue(PerceptualHash::kVersion);
    if (!q.exec()) {
        fail(m_db, q, error);
        return ids;
    }
    while (q.next())
        ids << q.value(0).toLongLong();
    return ids;
}

bool MediaHashStore::addPairs(const QVector<QPair<qint64, qint64>> &found, const QVector<qint64> &compared,
                              QString *error)
{
    if (m_db.writesLabelsOnly())
        return true; // kept by the caller for its pass only
    // In short transactions, so that labels given meanwhile never wait long: first the pairs, then the marks. A pass
    // stopped in between leaves pairs whose hashes are still unpaired; the next pass finds them again (and keeps one).
    constexpr qsizetype kChunk = 2000;
    auto inChunks = [&](qsizetype total, const QString &sql, const std::function<void(QSqlQuery &, qsizetype)> &bind) {
        for (qsizetype from = 0; from < total; from += kChunk) {
            Transaction tx(m_db);
            if (!tx.isActive()) {
                if (error)
                    *error = tx.error();
                return false;
            }
            QSqlQuery q(m_db.db());
            q.prepare(sql);
            for (qsizetype i = from; i < std::min(total, from + kChunk); ++i) {
                bind(q, i);
                if (!q.exec())
                    return fail(m_db, q, error);
            }
            if (!tx.commit()) {
                if (error)
                    *error = tx.error();
                return false;
            }
        }
        return true;
    };
    // A pair whose item was deleted meanwhile is left out (its hash went with it).
    return inChunks(found.size(),
                    QStringLiteral("INSERT INTO near_pairs (item_a, item_b) SELECT ?, ? WHERE EXISTS"
                                   " (SELECT 1 FROM media_hashes WHERE item_id = ?) AND EXISTS"
                                   " (SELECT 1 FROM media_hashes WHERE item_id = ?) ON CONFLICT DO NOTHING"),
                    [&found](QSqlQuery &q, qsizetype i) {
                        const auto &[a, b] = found[i];
                        q.addBindValue(std::min(a, b));
                        q.addBindValue(std::max(a, b));
                        q.addBindValue(a);
                        q.addBindValue(b);
                    })
           // Only the hashes that were compared: one replaced meanwhile has paired = 0 again, and a new version too.
           && inChunks(compared.size(), QStringLiteral("UPDATE media_hashes SET paired = 1 WHERE item_id = ? AND version = ?"),
                       [&compared](QSqlQuery &q, qsizetype i) {
                           q.addBindValue(compared[i]);
                           q.addBindValue(PerceptualHash::kVersion);
                       });
}

} // namespace nsfw
