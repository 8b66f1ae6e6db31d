#include "runstore.h"

#include "common/logging.h"
#include "projectdatabase.h"
#include "runlock.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QSysInfo>

#include <limits>

#include <unistd.h>

namespace nsfw {

namespace {

QString toText(const QJsonObject &o)
{
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

QJsonObject fromText(const QVariant &v)
{
    return QJsonDocument::fromJson(v.toString().toUtf8()).object();
}

bool fail(QSqlQuery &q, QString *error)
{
    if (error)
        *error = q.lastError().text();
    qCWarning(lcStore) << "run store:" << q.lastError().text();
    return false;
}

const QString kRunColumns = QStringLiteral("id, created_ms, finished_ms, status, error, settings, model, threshold,"
                                           " best_epoch, best_metrics, checkpoint, unreadable");

RunRecord runFromQuery(const QSqlQuery &q)
{
    RunRecord r;
    r.id = q.value(0).toLongLong();
    r.created = QDateTime::fromMSecsSinceEpoch(q.value(1).toLongLong());
    if (!q.value(2).isNull())
        r.finished = QDateTime::fromMSecsSinceEpoch(q.value(2).toLongLong());
    r.status = q.value(3).toString();
    r.error = q.value(4).toString();
    r.settings = fromText(q.value(5));
    r.model = q.value(6).toString();
    r.threshold = q.value(7).isNull() ? 0.5 : q.value(7).toDouble();
    r.bestEpoch = q.value(8).isNull() ? -1 : q.value(8).toInt();
    r.bestMetrics = fromText(q.value(9));
    r.checkpoint = q.value(10).toString();
    for (const QJsonValue &v : QJsonDocument::fromJson(q.value(11).toString().toUtf8()).array()) {
        const QJsonObject o = v.toObject();
        r.unreadable.append({o.value(QStringLiteral("item")).toInteger(), o.value(QStringLiteral("path")).toString(),
                             o.value(QStringLiteral("reason")).toString()});
    }
    return r;
}

} // namespace

RunStore::RunStore(ProjectDatabase &db)
    : m_db(db)
{
}

int RunStore::recoverInterrupted()
{
    RunLock probe(m_db);
    if (!probe.tryAcquire())
        return 0; // a run is alive (here or in another process), or the lock cannot be had: leave the rows
    return markStaleRunsFailed();
}

int RunStore::markStaleRunsFailed()
{
    QSqlQuery q(m_db.db());
    QVector<qint64> dead;
    if (!q.exec(QStringLiteral("SELECT id FROM runs WHERE status = 'running'")))
        return 0;
    while (q.next())
        dead << q.value(0).toLongLong();
    q.finish();
    for (qint64 id : dead) {
        finish(id, QStringLiteral("failed"),
               tr("interrupted: the process running it ended before the run finished (crash or kill)"));
        qCInfo(lcStore) << "run" << id << "was interrupted; marked failed";
    }
    return int(dead.size());
}

qint64 RunStore::create(const QJsonObject &settings, const QString &model, const RunLock &lock, QString *error)
{
    if (!lock.isHeld() || lock.path() != m_db.runLockPath()) {
        if (error)
            *error = tr("A run can only start while it holds the project's run lock.");
        return 0;
    }
    // An annotator or reviewer of a server project: the server would refuse the row; say why in their words.
    if (const QString refused = m_db.refusal(ProjectDatabase::Action::Train); !refused.isEmpty()) {
        if (error)
            *error = refused;
        return 0;
    }
    Transaction tx(m_db);
    if (!tx.isActive()) {
        if (error)
            *error = tx.error();
        return 0;
    }
    // The lock is ours, so a row still "running" belongs to a process that died.
    markStaleRunsFailed();
    QSqlQuery q(m_db.db());
    q.prepare(QStringLiteral("INSERT INTO runs (created_ms, status, settings, model, threshold, pid, host)"
                             " VALUES (?, 'running', ?, ?, ?, ?, ?) RETURNING id"));
    q.addBindValue(QDateTime::currentMSecsSinceEpoch());
    q.addBindValue(toText(settings));
    q.addBindValue(model);
    q.addBindValue(settings.value(QStringLiteral("threshold")).toDouble(0.5));
    q.addBindValue(qint64(::getpid()));
    q.addBindValue(QSysInfo::machineHostName());
    if (!q.exec() || !q.next())
        return fail(q, error) ? 0 : 0;
    const qint64 id = q.value(0).toLongLong();
    q.finish();
    if (!tx.commit()) {
        if (error)
            *error = tx.error();
        return 0;
    }
    return id;
}

bool RunStore::addEpoch(qint64 runId, int epoch, const QJsonObject &metrics, QString *error)
{
    QSqlQuery q(m_db.db());
    q.prepare(QStringLiteral("INSERT INTO run_epochs (run_id, epoch, metrics) VALUES (?, ?, ?)"
                             " ON CONFLICT (run_id, epoch) DO UPDATE SET metrics = excluded.metrics"));
    q.addBindValue(runId);
    q.addBindValue(epoch);
    q.addBindValue(toText(metrics));
    return q.exec() || fail(q, error);
}

bool RunStore::setBest(qint64 runId, int epoch, const QJsonObject &metrics, const QString &checkpoint,
                       const QVector<RunItem> &items, QString *error)
{
    Transaction tx(m_db);
    if (!tx.isActive()) {
        if (error)
            *error = tx.error();
        return false;
    }
    QSqlQuery q(m_db.db());
    q.prepare(QStringLiteral("UPDATE runs SET best_epoch = ?, best_metrics = ?, checkpoint = ? WHERE id = ?"));
    q.addBindValue(epoch);
    q.addBindValue(toText(metrics));
    q.addBindValue(checkpoint);
    q.addBindValue(runId);
    if (!q.exec())
        return fail(q, error);
    q.prepare(QStringLiteral("DELETE FROM run_items WHERE run_id = ?"));
    q.addBindValue(runId);
    if (!q.exec())
        return fail(q, error);
    q.prepare(QStringLiteral(
        "INSERT INTO run_items (run_id, item_id, split, label, score, fold) VALUES (?, ?, ?, ?, ?, ?)"));
    for (const RunItem &item : items) {
        q.bindValue(0, runId);
        q.bindValue(1, item.itemId);
        q.bindValue(2, item.split);
        q.bindValue(3, item.label);
        q.bindValue(4, double(item.score));
        q.bindValue(5, item.fold >= 0 ? QVariant(item.fold) : QVariant(QMetaType::fromType<int>()));
        if (!q.exec())
            return fail(q, error);
    }
    if (!tx.commit()) {
        if (error)
            *error = tx.error();
        return false;
    }
    return true;
}

bool RunStore::finish(qint64 runId, const QString &status, const QString &error)
{
    QSqlQuery q(m_db.db());
    q.prepare(QStringLiteral("UPDATE runs SET status = ?, error = ?, finished_ms = ? WHERE id = ?"));
    q.addBindValue(status);
    q.addBindValue(error.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(error));
    q.addBindValue(QDateTime::currentMSecsSinceEpoch());
    q.addBindValue(runId);
    return q.exec() || fail(q, nullptr);
}

bool RunStore::setThreshold(qint64 runId, double threshold)
{
    QSqlQuery q(m_db.db());
    q.prepare(QStringLiteral("UPDATE runs SET threshold = ? WHERE id = ?"));
    q.addBindValue(threshold);
    q.addBindValue(runId);
    return q.exec() || fail(q, nullptr);
}

bool RunStore::setUnreadable(qint64 runId, const QVector<UnreadableItem> &items, QString *error)
{
    QJsonArray rows;
    for (const UnreadableItem &i : items)
        rows.append(QJsonObject{{QStringLiteral("item"), i.itemId},
                                {QStringLiteral("path"), i.path},
                                {QStringLiteral("reason"), i.reason}});
    QSqlQuery q(m_db.db());
    q.prepare(QStringLiteral("UPDATE runs SET unreadable = ? WHERE id = ?"));
    q.addBindValue(QString::fromUtf8(QJsonDocument(rows).toJson(QJsonDocument::Compact)));
    q.addBindValue(runId);
    return q.exec() || fail(q, error);
}

bool RunStore::setItemScores(qint64 runId, const QVector<ItemScore> &scores, QString *error)
{
    Transaction tx(m_db);
    if (!tx.isActive()) {
        if (error)
            *error = tx.error();
        return false;
    }
    QSqlQuery q(m_db.db());
    q.prepare(QStringLiteral("INSERT INTO item_scores (run_id, item_id, score) VALUES (?, ?, ?)"
                             " ON CONFLICT (run_id, item_id) DO UPDATE SET score = excluded.score"));
    for (const ItemScore &s : scores) {
        q.bindValue(0, runId);
        q.bindValue(1, s.itemId);
        q.bindValue(2, double(s.score));
        if (!q.exec())
            return fail(q, error);
    }
    if (!tx.commit()) {
        if (error)
            *error = tx.error();
        return false;
    }
    return true;
}

std::optional<RunRecord> RunStore::run(qint64 runId) const
{
    QSqlQuery q(m_db.db());
    q.prepare(QStringLiteral("SELECT ") + kRunColumns + QStringLiteral(" FROM runs WHERE id = ?"));
    q.addBindValue(runId);
    if (q.exec() && q.next())
        return runFromQuery(q);
    return std::nullopt;
}

QVector<RunRecord> RunStore::runs() const
{
    QVector<RunRecord> result;
    QSqlQuery q(m_db.db());
    if (q.exec(QStringLiteral("SELECT ") + kRunColumns + QStringLiteral(" FROM runs ORDER BY id"))) {
        while (q.next())
            result << runFromQuery(q);
    }
    return result;
}

qint64 RunStore::latestFinished() const
{
    QSqlQuery q(m_db.db());
    if (q.exec(QStringLiteral("SELECT max(id) FROM runs WHERE status = 'finished'")) && q.next())
        return q.value(0).toLongLong();
    return 0;
}

QVector<QJsonObject> RunStore::epochs(qint64 runId) const
{
    QVector<QJsonObject> result;
    QSqlQuery q(m_db.db());
    q.prepare(QStringLiteral("SELECT metrics FROM run_epochs WHERE run_id = ? ORDER BY epoch"));
    q.addBindValue(runId);
    if (q.exec()) {
        while (q.next())
            result << fromText(q.value(0));
    }
    return result;
}

QVector<RunItem> RunStore::items(qint64 runId) const
{
    QVector<RunItem> result;
    QSqlQuery q(m_db.db());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral(
        "SELECT item_id, split, label, score, fold FROM run_items WHERE run_id = ? ORDER BY item_id"));
    q.addBindValue(runId);
    if (q.exec()) {
        while (q.next())
            result.append({q.value(0).toLongLong(), q.value(1).toInt(), q.value(2).toInt(),
                           q.value(3).isNull() ? std::numeric_limits<float>::quiet_NaN() : q.value(3).toFloat(),
                           q.value(4).isNull() ? -1 : q.value(4).toInt()});
    }
    return result;
}

QVector<ItemScore> RunStore::itemScores(qint64 runId) const
{
    QVector<ItemScore> result;
    QSqlQuery q(m_db.db());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT item_id, score FROM item_scores WHERE run_id = ? ORDER BY item_id"));
    q.addBindValue(runId);
    if (q.exec()) {
        while (q.next())
            result.append({q.value(0).toLongLong(), q.value(1).toFloat()});
    }
    return result;
}

} // namespace nsfw
