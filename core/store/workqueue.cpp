#include "workqueue.h"

#include "common/logging.h"
#include "projectdatabase.h"
#include "projectfeatures.h"

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

// The dialect differences of the queue, kept here: it is the only user of a clock in SQL and of SKIP LOCKED (and of
// an advisory lock, in enqueueFeatures).
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

QString WorkQueue::readable()
{
    // Images, and the frames of videos, whose file is there (items i, their videos v).
    return QStringLiteral("((i.kind = 0 AND i.missing = 0) OR (i.kind = 2 AND v.missing = 0))");
}

WorkQueue::Job WorkQueue::scoring(qint64 runId)
{
    return {QStringLiteral("run_id = ? AND kind = 'score'"), runId};
}

WorkQueue::Job WorkQueue::features(const QString &storeKey)
{
    return {QStringLiteral("model_key = ? AND kind = 'features' AND run_id IS NULL"), storeKey};
}

bool WorkQueue::queueChunks(const Job &job, const QString &kind, const QVariant &runId, const QString &modelKey,
                            const QVector<qint64> &ids, int chunkSize, int *chunks, QString *error)
{
    *chunks = 0;
    QSqlQuery q(m_db.db());
    q.prepare(QStringLiteral("SELECT count(*) FROM work_chunks WHERE %1 AND state <> 'done'").arg(job.condition));
    q.addBindValue(job.value);
    if (!q.exec() || !q.next())
        return fail(q, error);
    if (q.value(0).toLongLong() > 0)
        return true; // the job is under way: the caller joins it
    q.finish();
    const int size = std::max(1, chunkSize);
    q.prepare(QStringLiteral("INSERT INTO work_chunks (kind, run_id, model_key, items, state)"
                             " VALUES (?, ?, ?, ?, 'queued')"));
    for (qsizetype start = 0; start < ids.size(); start += size) {
        q.bindValue(0, kind);
        q.bindValue(1, runId);
        q.bindValue(2, modelKey);
        q.bindValue(3, idsText(ids.mid(start, size)));
        if (!q.exec())
            return fail(q, error);
        ++*chunks;
    }
    return true;
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
    q.prepare(QStringLiteral("SELECT i.id FROM items i LEFT JOIN items v ON v.id = i.parent_id WHERE %1 AND NOT EXISTS"
                             " (SELECT 1 FROM item_scores s WHERE s.run_id = ? AND s.item_id = i.id) ORDER BY i.id")
                  .arg(readable()));
    q.addBindValue(runId);
    if (!q.exec()) {
        fail(q, error);
        return -1;
    }
    QVector<qint64> ids;
    while (q.next())
        ids.append(q.value(0).toLongLong());
    q.finish();
    int chunks = 0;
    if (!queueChunks(scoring(runId), QStringLiteral("score"), runId, modelKey, ids, chunkSize, &chunks, error))
        return -1;
    if (!tx.commit()) {
        if (error)
            *error = tx.error();
        return -1;
    }
    return chunks;
}

int WorkQueue::enqueueFeatures(const QString &storeKey, int chunkSize, QString *error)
{
    Transaction tx(m_db);
    if (!tx.isActive()) {
        if (error)
            *error = tx.error();
        return -1;
    }
    QSqlQuery q(m_db.db());
    // Workers starting together queue the work once. On a file BEGIN IMMEDIATE orders them; on a server a lock of
    // the transaction, named after the model, does (no row stands for a model).
    if (m_db.isServer()) {
        q.prepare(QStringLiteral("SELECT pg_advisory_xact_lock(hashtext(?))"));
        q.addBindValue(QString(QStringLiteral("nsfw-features:") + storeKey));
        if (!q.exec()) {
            fail(q, error);
            return -1;
        }
        q.finish();
    }
    q.prepare(QStringLiteral("SELECT i.id FROM items i LEFT JOIN items v ON v.id = i.parent_id WHERE %1 AND NOT EXISTS"
                             " (SELECT 1 FROM item_features f WHERE f.model_key = ? AND f.content_key ="
                             " CASE WHEN i.kind = 2 THEN v.content_hash || '_' || CAST(i.frame_index AS TEXT)"
                             " ELSE i.content_hash END) ORDER BY i.id")
                  .arg(readable()));
    q.addBindValue(storeKey);
    if (!q.exec()) {
        fail(q, error);
        return -1;
    }
    QVector<qint64> ids;
    while (q.next())
        ids.append(q.value(0).toLongLong());
    q.finish();
    int chunks = 0;
    if (!queueChunks(features(storeKey), QStringLiteral("features"), QVariant(QMetaType::fromType<qint64>()),
                     storeKey, ids, chunkSize, &chunks, error))
        return -1;
    if (!tx.commit()) {
        if (error)
            *error = tx.error();
        return -1;
    }
    return chunks;
}

std::optional<WorkChunk> WorkQueue::claim(qint64 runId, int leaseMs, QString *error)
{
    return claimJob(scoring(runId), leaseMs, error);
}

std::optional<WorkChunk> WorkQueue::claimFeatures(const QString &storeKey, int leaseMs, QString *error)
{
    return claimJob(features(storeKey), leaseMs, error);
}

std::optional<WorkChunk> WorkQueue::claimJob(const Job &job, int leaseMs, QString *error)
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
    q.prepare(QStringLiteral("SELECT id, model_key, items, attempts, state, worker, run_id FROM work_chunks"
                             " WHERE %1 AND (state = 'queued' OR (state = 'claimed' AND lease_until_ms < %2))"
                             " ORDER BY id LIMIT 1")
                  .arg(job.condition, nowMs()) +
              skipLocked());
    q.addBindValue(job.value);
    if (!q.exec()) {
        fail(q, error);
        return std::nullopt;
    }
    if (!q.next())
        return std::nullopt;
    WorkChunk chunk;
    chunk.id = q.value(0).toLongLong();
    chunk.runId = q.value(6).toLongLong(); // NULL (features): 0
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
    return complete(
        chunk, [&](QString *e) { return RunStore(m_db).setItemScores(chunk.runId, scores, e); }, scores.size(),
        unreadable, error);
}

WorkQueue::Completion WorkQueue::completeFeatures(const WorkChunk &chunk,
                                                  const QHash<QString, std::vector<float>> &computed,
                                                  const QVector<UnreadableItem> &unreadable, QString *error)
{
    return complete(
        chunk, [&](QString *e) { return ProjectFeatures(m_db).store(chunk.modelKey, computed, e); }, computed.size(),
        unreadable, error);
}

WorkQueue::Completion WorkQueue::complete(const WorkChunk &chunk, const std::function<bool(QString *)> &write,
                                          qint64 done, const QVector<UnreadableItem> &unreadable, QString *error)
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
    if (!write(error))
        return Completion::Failed;
    QJsonArray rows;
    for (const UnreadableItem &i : unreadable)
        rows.append(QJsonObject{{QStringLiteral("item"), i.itemId},
                                {QStringLiteral("path"), i.path},
                                {QStringLiteral("reason"), i.reason}});
    q.prepare(QStringLiteral("UPDATE work_chunks SET state = 'done', lease_until_ms = NULL, scored = ?,"
                             " unreadable = ?, done_ms = %1 WHERE id = ?")
                  .arg(nowMs()));
    q.addBindValue(done);
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
    return summaryOf(scoring(runId), error);
}

WorkSummary WorkQueue::featureSummary(const QString &storeKey, QString *error)
{
    return summaryOf(features(storeKey), error);
}

WorkSummary WorkQueue::summaryOf(const Job &job, QString *error)
{
    WorkSummary s;
    QSqlQuery q(m_db.db());
    q.prepare(QStringLiteral("SELECT state, count(*), sum(scored) FROM work_chunks WHERE %1 GROUP BY state")
                  .arg(job.condition));
    q.addBindValue(job.value);
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
    q.prepare(QStringLiteral("SELECT unreadable FROM work_chunks WHERE %1 AND state = 'done'"
                             " AND unreadable IS NOT NULL AND unreadable <> '[]'")
                  .arg(job.condition));
    q.addBindValue(job.value);
    if (!q.exec()) {
        fail(q, error);
        return s;
    }
    while (q.next())
        s.unreadable += QJsonDocument::fromJson(q.value(0).toString().toUtf8()).array().size();
    return s;
}

QVector<WorkItem> WorkQueue::items(const QVector<qint64> &ids, QString *error)
{
    QSqlQuery q(m_db.db());
    q.setForwardOnly(true);
    // A frame is read from its video, and keyed as MediaRef::of keys it.
    q.prepare(QStringLiteral("SELECT i.id, i.kind, CASE WHEN i.kind = 2 THEN v.path ELSE i.path END,"
                             " CASE WHEN i.kind = 2 THEN v.content_hash || '_' || CAST(i.frame_index AS TEXT)"
                             " ELSE i.content_hash END, i.frame_index"
                             " FROM items i JOIN %1 AS wanted ON wanted.id = i.id LEFT JOIN items v ON v.id = i.parent_id")
                  .arg(m_db.backend().idsFromJsonArray()));
    q.addBindValue(idsText(ids));
    if (!q.exec()) {
        fail(q, error);
        return {};
    }
    QHash<qint64, WorkItem> found;
    while (q.next()) {
        WorkItem it;
        it.id = q.value(0).toLongLong();
        it.kind = ItemKind(q.value(1).toInt());
        it.storedPath = q.value(2).toString();
        it.key = q.value(3).toString();
        it.frameIndex = it.kind == ItemKind::Frame ? q.value(4).toLongLong() : 0;
        found.insert(it.id, it);
    }
    QVector<WorkItem> items;
    for (qint64 id : ids) {
        if (found.contains(id))
            items.append(found.value(id));
    }
    return items;
}

} // namespace nsfw
