#include "workqueue.h"

#include "common/logging.h"
#include "projectdatabase.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>

namespace nsfw {

namespace {

bool fail(const QSqlQuery &q, QString *error)
{
    if (error)
        *error = q.lastError().text();
    qCWarning(lcStore) << "work queue:" << q.lastError().text();
    return false;
}

QString idsText(const QVector<qint64> &ids)
{
    QJsonArray a;
    for (qint64 id : ids)
        a.append(id);
    return QString::fromUtf8(QJsonDocument(a).toJson(QJsonDocument::Compact));
}

QVector<qint64> idsFromText(const QString &text)
{
    QVector<qint64> ids;
    for (const QJsonValue &v : QJsonDocument::fromJson(text.toUtf8()).array())
        ids.append(qint64(v.toDouble()));
    return ids;
}

} // namespace

WorkQueue::WorkQueue(ProjectDatabase &db, const QString &worker)
    : m_db(db)
    , m_worker(worker)
{
}

// The two dialect differences of the queue, kept here: it is the only user of a clock in SQL and of SKIP LOCKED.
QString WorkQueue::nowMs() const
{
    return m_db.isServer() ? QStringLiteral("CAST(floor(extract(epoch FROM clock_timestamp()) * 1000) AS BIGINT)")
                           : QStringLiteral("CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)");
}

QString WorkQueue::skipLocked() const
{
    // On a file, BEGIN IMMEDIATE has taken the database's write lock: no other claim runs meanwhile.
    return m_db.isServer() ? QStringLiteral(" FOR UPDATE SKIP LOCKED") : QString();
}

int WorkQueue::enqueueScoring(qint64 runId, const QString &modelKey, int chunkSize, QString *error)
{
    Transaction tx(m_db);
    if (!tx.isActive()) {
        if (error)
            *error = tx.error();
        return -1;
    }
    QSqlQuery q(m_db.db());
    // Workers starting together queue the work once: the run's row orders them.
    q.prepare(QStringLiteral("SELECT id FROM runs WHERE id = ?") + m_db.backend().forUpdate());
    q.addBindValue(runId);
    if (!q.exec()) {
        fail(q, error);
        return -1;
    }
    if (!q.next()) {
        if (error)
            *error = tr("There is no run %1 in this project.").arg(runId);
        return -1;
    }
    q.finish();
    q.prepare(
        QStringLiteral("SELECT count(*) FROM work_chunks WHERE run_id = ? AND kind = 'score' AND state <> 'done'"));
    q.addBindValue(runId);
    if (!q.exec() || !q.next()) {
        fail(q, error);
        return -1;
    }
    if (q.value(0).toLongLong() > 0)
        return 0;
    q.finish();
    q.prepare(QStringLiteral("SELECT id FROM items WHERE kind = 0 AND missing = 0 AND NOT EXISTS"
                             " (SELECT 1 FROM item_scores s WHERE s.run_id = ? AND s.item_id = items.id) ORDER BY id"));
    q.addBindValue(runId);
    if (!q.exec()) {
        fail(q, error);
        return -1;
    }
    QVector<qint64> ids;
    while (q.next())
        ids.append(q.value(0).toLongLong());
    q.finish();
    const int size = std::max(1, chunkSize);
    int chunks = 0;
    q.prepare(QStringLiteral("INSERT INTO work_chunks (kind, run_id, model_key, items, state)"
                             " VALUES ('score', ?, ?, ?, 'queued')"));
    for (qsizetype start = 0; start < ids.size(); start += size) {
        q.bindValue(0, runId);
        q.bindValue(1, modelKey);
        q.bindValue(2, idsText(ids.mid(start, size)));
        if (!q.exec()) {
            fail(q, error);
            return -1;
        }
        ++chunks;
    }
    if (!tx.commit()) {
        if (error)
            *error = tx.error();
        return -1;
    }
    return chunks;
}

std::optional<WorkChunk> WorkQueue::claim(qint64 runId, int leaseMs, QString *error)
{
    if (error)
        error->clear();
    Transaction tx(m_db);
    if (!tx.isActive()) {
        if (error)
            *error = tx.error();
        return std::nullopt;
    }
    QSqlQuery q(m_db.db());
    // The row stays locked until this transaction ends; a concurrent claim skips it and takes the next one.
    q.prepare(QStringLiteral("SELECT id, model_key, items, attempts, state, worker FROM work_chunks"
                             " WHERE run_id = ? AND kind = 'score'"
                             " AND (state = 'queued' OR (state = 'claimed' AND lease_until_ms < %1))"
                             " ORDER BY id LIMIT 1")
                  .arg(nowMs()) +
              skipLocked());
    q.addBindValue(runId);
    if (!q.exec()) {
        fail(q, error);
        return std::nullopt;
    }
    if (!q.next())
        return std::nullopt;
    WorkChunk chunk;
    chunk.id = q.value(0).toLongLong();
    chunk.runId = runId;
    chunk.modelKey = q.value(1).toString();
    chunk.itemIds = idsFromText(q.value(2).toString());
    chunk.attempts = q.value(3).toInt() + 1;
    if (q.value(4).toString() == QLatin1String("claimed"))
        chunk.previousWorker = q.value(5).toString();
    q.finish();
    q.prepare(QStringLiteral("UPDATE work_chunks SET state = 'claimed', worker = ?, lease_until_ms = %1 + ?,"
                             " attempts = attempts + 1 WHERE id = ?")
                  .arg(nowMs()));
    q.addBindValue(m_worker);
    q.addBindValue(leaseMs);
    q.addBindValue(chunk.id);
    if (!q.exec()) {
        fail(q, error);
        return std::nullopt;
    }
    if (!tx.commit()) {
        if (error)
            *error = tx.error();
        return std::nullopt;
    }
    return chunk;
}

bool WorkQueue::renew(qint64 chunkId, int leaseMs, QString *error)
{
    QSqlQuery q(m_db.db());
    q.prepare(QStringLiteral("UPDATE work_chunks SET lease_until_ms = %1 + ?"
                             " WHERE id = ? AND state = 'claimed' AND worker = ?")
                  .arg(nowMs()));
    q.addBindValue(leaseMs);
    q.addBindValue(chunkId);
    q.addBindValue(m_worker);
    if (!q.exec())
        return fail(q, error);
    return q.numRowsAffected() == 1;
}

WorkQueue::Completion WorkQueue::completeScoring(const WorkChunk &chunk, const QVector<ItemScore> &scores,
                                                 const QVector<UnreadableItem> &unreadable, QString *error)
{
    Transaction tx(m_db);
    if (!tx.isActive()) {
        if (error)
            *error = tx.error();
        return Completion::Failed;
    }
    QSqlQuery q(m_db.db());
    // Locking the row waits for a claim of it in progress, so the owner read here is the last word.
    q.prepare(QStringLiteral("SELECT state, worker FROM work_chunks WHERE id = ?") + m_db.backend().forUpdate());
    q.addBindValue(chunk.id);
    if (!q.exec()) {
        fail(q, error);
        return Completion::Failed;
    }
    if (!q.next() || q.value(0).toString() != QLatin1String("claimed") || q.value(1).toString() != m_worker)
        return Completion::Lost;
    q.finish();
    RunStore runs(m_db);
    if (!runs.setItemScores(chunk.runId, scores, error))
        return Completion::Failed;
    QJsonArray rows;
    for (const UnreadableItem &i : unreadable)
        rows.append(QJsonObject{{QStringLiteral("item"), i.itemId},
                                {QStringLiteral("path"), i.path},
                                {QStringLiteral("reason"), i.reason}});
    q.prepare(QStringLiteral("UPDATE work_chunks SET state = 'done', lease_until_ms = NULL, scored = ?,"
                             " unreadable = ?, done_ms = %1 WHERE id = ?")
                  .arg(nowMs()));
    q.addBindValue(scores.size());
    q.addBindValue(QString::fromUtf8(QJsonDocument(rows).toJson(QJsonDocument::Compact)));
    q.addBindValue(chunk.id);
    if (!q.exec()) {
        fail(q, error);
        return Completion::Failed;
    }
    if (!tx.commit()) {
        if (error)
            *error = tx.error();
        return Completion::Failed;
    }
    return Completion::Done;
}

WorkSummary WorkQueue::summary(qint64 runId, QString *error)
{
    WorkSummary s;
    QSqlQuery q(m_db.db());
    q.prepare(QStringLiteral("SELECT state, count(*), sum(scored) FROM work_chunks WHERE run_id = ? AND kind = 'score'"
                             " GROUP BY state"));
    q.addBindValue(runId);
    if (!q.exec()) {
        fail(q, error);
        return s;
    }
    while (q.next()) {
        const QString state = q.value(0).toString();
        const int n = q.value(1).toInt();
        if (state == QLatin1String("queued"))
            s.queued = n;
        else if (state == QLatin1String("claimed"))
            s.claimed = n;
        else if (state == QLatin1String("done")) {
            s.done = n;
            s.scored = q.value(2).toLongLong();
        }
    }
    q.finish();
    // The unreadable lists are short (most chunks have none): counted here rather than in SQL, the same on both.
    q.prepare(QStringLiteral("SELECT unreadable FROM work_chunks WHERE run_id = ? AND kind = 'score' AND state = 'done'"
                             " AND unreadable IS NOT NULL AND unreadable <> '[]'"));
    q.addBindValue(runId);
    if (!q.exec()) {
        fail(q, error);
        return s;
    }
    while (q.next())
        s.unreadable += QJsonDocument::fromJson(q.value(0).toString().toUtf8()).array().size();
    return s;
}

QHash<qint64, QString> WorkQueue::storedPaths(const QVector<qint64> &ids, QString *error)
{
    QHash<qint64, QString> paths;
    QSqlQuery q(m_db.db());
    q.prepare(QStringLiteral("SELECT items.id, items.path FROM items JOIN %1 AS wanted ON wanted.id = items.id")
                  .arg(m_db.backend().idsFromJsonArray()));
    q.addBindValue(idsText(ids));
    if (!q.exec()) {
        fail(q, error);
        return paths;
    }
    while (q.next())
        paths.insert(q.value(0).toLongLong(), q.value(1).toString());
    return paths;
}

} // namespace nsfw
