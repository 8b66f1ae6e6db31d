#include "duplicatedecisionstore.h"

#include "projectdatabase.h"

#include <QDateTime>
#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>

namespace nsfw {

namespace {

bool fail(const QSqlQuery &q, QString *error)
{
    if (error)
        *error = q.lastError().text();
    return false;
}

bool failWith(const QString &message, QString *error)
{
    if (error)
        *error = message;
    return false;
}

QVector<qint64> distinctSorted(QVector<qint64> items)
{
    std::sort(items.begin(), items.end());
    items.erase(std::unique(items.begin(), items.end()), items.end());
    return items;
}

} // namespace

DuplicateDecisionStore::DuplicateDecisionStore(ProjectDatabase &db)
    : m_db(db)
{
}

bool DuplicateDecisionStore::markNotDuplicates(const QVector<qint64> &items, const QString &annotator, QString *error)
{
    const QVector<qint64> ids = distinctSorted(items);
    Transaction tx(m_db);
    if (!tx.isActive())
        return failWith(tx.error(), error);
    QSqlQuery q(m_db.db());
    q.prepare(QStringLiteral("INSERT INTO not_duplicates (item_a, item_b, annotator, at_ms) VALUES (?, ?, ?, ?)"
                             " ON CONFLICT (item_a, item_b) DO NOTHING"));
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    for (qsizetype i = 0; i < ids.size(); ++i) {
        for (qsizetype j = i + 1; j < ids.size(); ++j) {
            q.addBindValue(ids[i]);
            q.addBindValue(ids[j]);
            q.addBindValue(annotator);
            q.addBindValue(now);
            if (!q.exec())
                return fail(q, error);
        }
    }
    return tx.commit() || failWith(tx.error(), error);
}

bool DuplicateDecisionStore::unmarkNotDuplicates(const QVector<qint64> &items, QString *error)
{
    const QVector<qint64> ids = distinctSorted(items);
    Transaction tx(m_db);
    if (!tx.isActive())
        return failWith(tx.error(), error);
    QSqlQuery q(m_db.db());
    q.prepare(QStringLiteral("DELETE FROM not_duplicates WHERE item_a = ? AND item_b = ?"));
    for (qsizetype i = 0; i < ids.size(); ++i) {
        for (qsizetype j = i + 1; j < ids.size(); ++j) {
            q.addBindValue(ids[i]);
            q.addBindValue(ids[j]);
            if (!q.exec())
                return fail(q, error);
        }
    }
    return tx.commit() || failWith(tx.error(), error);
}

QSet<QPair<qint64, qint64>> DuplicateDecisionStore::notDuplicates(QString *error) const
{
    QSet<QPair<qint64, qint64>> pairs;
    QSqlQuery q(m_db.db());
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT item_a, item_b FROM not_duplicates"))) {
        fail(q, error);
        return pairs;
    }
    while (q.next())
        pairs.insert({q.value(0).toLongLong(), q.value(1).toLongLong()});
    return pairs;
}

bool DuplicateDecisionStore::exclude(const QVector<qint64> &items, const QString &reason, const QString &annotator,
                                     QString *error)
{
    Transaction tx(m_db);
    if (!tx.isActive())
        return failWith(tx.error(), error);
    QSqlQuery q(m_db.db());
    q.prepare(QStringLiteral("INSERT INTO training_exclusions (item_id, reason, annotator, at_ms) VALUES (?, ?, ?, ?)"
                             " ON CONFLICT (item_id) DO UPDATE SET reason = excluded.reason,"
                             " annotator = excluded.annotator, at_ms = excluded.at_ms"));
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    for (qint64 id : distinctSorted(items)) {
        q.addBindValue(id);
        q.addBindValue(reason);
        q.addBindValue(annotator);
        q.addBindValue(now);
        if (!q.exec())
            return fail(q, error);
    }
    return tx.commit() || failWith(tx.error(), error);
}

bool DuplicateDecisionStore::include(const QVector<qint64> &items, QString *error)
{
    Transaction tx(m_db);
    if (!tx.isActive())
        return failWith(tx.error(), error);
    QSqlQuery q(m_db.db());
    q.prepare(QStringLiteral("DELETE FROM training_exclusions WHERE item_id = ?"));
    for (qint64 id : distinctSorted(items)) {
        q.addBindValue(id);
        if (!q.exec())
            return fail(q, error);
    }
    return tx.commit() || failWith(tx.error(), error);
}

QHash<qint64, QString> DuplicateDecisionStore::exclusions(QString *error) const
{
    QHash<qint64, QString> excluded;
    QSqlQuery q(m_db.db());
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT item_id, reason FROM training_exclusions"))) {
        fail(q, error);
        return excluded;
    }
    while (q.next())
        excluded.insert(q.value(0).toLongLong(), q.value(1).toString());
    return excluded;
}

} // namespace nsfw
