#include "itemquery.h"

#include "common/logging.h"
#include "labelrule.h"
#include "projectdatabase.h"

#include <QSqlError>
#include <QSqlQuery>

namespace nsfw {

ItemQuery::ItemQuery(ProjectDatabase &db)
    : m_db(db)
{
}

QVector<qint64> ItemQuery::ids(const ItemFilter &filter, ItemSort sort, QString *error) const
{
    QStringList where;
    QVariantList binds;
    const bool scored = filter.scoreRunId > 0;
    const bool needsScore = scored && (filter.minScore || filter.maxScore || sort == ItemSort::ScoreAscending ||
                                       sort == ItemSort::ScoreDescending || sort == ItemSort::Uncertainty);
    if (!filter.labels.isEmpty()) {
        // The item's label, or an annotator's own (each use binds the name once).
        const QString column = filter.labelsOf.isEmpty() ? QStringLiteral("i.label")
                                                         : labelrule::ownLabelSql(QStringLiteral("i.id"));
        QStringList parts;
        QStringList values;
        for (Label l : filter.labels) {
            if (l == Label::None)
                parts << column + QStringLiteral(" IS NULL");
            else
                values << QString::number(int(l)); // enum values, not user input
        }
        for (int i = 0; !filter.labelsOf.isEmpty() && i < parts.size(); ++i)
            binds << filter.labelsOf;
        if (!values.isEmpty()) {
            parts << column + QStringLiteral(" IN (") + values.join(QLatin1Char(',')) + QLatin1Char(')');
            if (!filter.labelsOf.isEmpty())
                binds << filter.labelsOf;
        }
        where << QLatin1Char('(') + parts.join(QStringLiteral(" OR ")) + QLatin1Char(')');
    }
    if (!filter.queueOf.isEmpty()) {
        where << QStringLiteral("EXISTS (SELECT 1 FROM assignments a WHERE a.annotator = ?"
                                " AND a.item_id = coalesce(i.parent_id, i.id))");
        binds << filter.queueOf;
    }
    if (filter.disputed)
        where << labelrule::disputedSql(QStringLiteral("i.id"));
    if (!filter.kinds.isEmpty()) {
        QStringList values;
        for (ItemKind k : filter.kinds)
            values << QString::number(int(k));
        where << QStringLiteral("i.kind IN (") + values.join(QLatin1Char(',')) + QLatin1Char(')');
    }
    if (filter.parentId != 0) { // negative: nothing (an empty strip)
        where << QStringLiteral("i.parent_id = ?");
        binds << filter.parentId;
    }
    if (needsScore && filter.minScore) {
        where << QStringLiteral("s.score >= ?");
        binds << *filter.minScore;
    }
    if (needsScore && filter.maxScore) {
        where << QStringLiteral("s.score <= ?");
        binds << *filter.maxScore;
    }

    QString sql = QStringLiteral("SELECT i.id FROM items i");
    QVariantList joinBinds;
    if (sort == ItemSort::Name)
        sql += QStringLiteral(" LEFT JOIN items p ON p.id = i.parent_id");
    if (needsScore) {
        // Items without a score have no place in a score range or order: an inner join drops them.
        const bool inner = filter.minScore || filter.maxScore;
        sql += inner ? QStringLiteral(" JOIN") : QStringLiteral(" LEFT JOIN");
        sql += QStringLiteral(" item_scores s ON s.item_id = i.id AND s.run_id = ?");
        joinBinds << filter.scoreRunId;
    }
    if (!where.isEmpty())
        sql += QStringLiteral(" WHERE ") + where.join(QStringLiteral(" AND "));
    switch (sort) {
    case ItemSort::ImportOrder:
        sql += QStringLiteral(" ORDER BY coalesce(i.parent_id, i.id), i.id");
        break;
    case ItemSort::Name:
        // NULLS FIRST said aloud: SQLite's default, not PostgreSQL's (a video before its frames on both).
        sql += QStringLiteral(" ORDER BY coalesce(i.path, p.path), coalesce(i.parent_id, i.id), i.frame_index NULLS FIRST,"
                              " i.id");
        break;
    case ItemSort::ScoreDescending:
        sql += needsScore ? QStringLiteral(" ORDER BY s.score IS NULL, s.score DESC, i.id")
                          : QStringLiteral(" ORDER BY coalesce(i.parent_id, i.id), i.id");
        break;
    case ItemSort::ScoreAscending:
        sql += needsScore ? QStringLiteral(" ORDER BY s.score IS NULL, s.score ASC, i.id")
                          : QStringLiteral(" ORDER BY coalesce(i.parent_id, i.id), i.id");
        break;
    case ItemSort::Uncertainty:
        break; // below, with its bound run id
    }

    QVariantList orderBinds;
    if (sort == ItemSort::Uncertainty) {
        if (needsScore) {
            // The run's saved threshold (0.5 when it has none): the items the model is least sure about first.
            sql += QStringLiteral(" ORDER BY s.score IS NULL,"
                                  " abs(s.score - coalesce((SELECT threshold FROM runs WHERE id = ?), 0.5)), i.id");
            orderBinds << filter.scoreRunId;
        } else {
            sql += QStringLiteral(" ORDER BY coalesce(i.parent_id, i.id), i.id");
        }
    }

    QVector<qint64> result;
    QSqlQuery q(m_db.db());
    q.setForwardOnly(true);
    q.prepare(sql);
    for (const QVariant &v : joinBinds + binds + orderBinds)
        q.addBindValue(v);
    if (!q.exec()) {
        if (error)
            *error = q.lastError().text();
        qCWarning(lcStore) << "gallery query failed:" << q.lastError().text();
        return result;
    }
    while (q.next())
        result.append(q.value(0).toLongLong());
    return result;
}

QVector<ItemRow> ItemQuery::rows(const QVector<qint64> &ids, qint64 scoreRunId, const QString &labelsOf) const
{
    QVector<ItemRow> result;
    if (ids.isEmpty())
        return result;
    result.reserve(ids.size());
    // Ids are bound as one JSON array the database unpacks: one statement, any count.
    QStringList list;
    list.reserve(ids.size());
    for (qint64 id : ids)
        list << QString::number(id);
    QSqlQuery q(m_db.db());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT i.id, i.kind, %1, coalesce(i.path, p.path),"
                             " coalesce(i.content_hash, p.content_hash),"
                             " i.parent_id, i.frame_index, i.timestamp_ms, i.width, i.height, i.missing, s.score FROM ")
                  .arg(labelsOf.isEmpty() ? QStringLiteral("i.label") : labelrule::ownLabelSql(QStringLiteral("i.id")))
              + m_db.backend().idsFromJsonArray()
              + QStringLiteral(" j JOIN items i ON i.id = j.id"
                               " LEFT JOIN items p ON p.id = i.parent_id"
                               " LEFT JOIN item_scores s ON s.item_id = i.id AND s.run_id = ?"));
    if (!labelsOf.isEmpty())
        q.addBindValue(labelsOf);
    q.addBindValue(QString(QLatin1Char('[') + list.join(QLatin1Char(',')) + QLatin1Char(']')));
    q.addBindValue(scoreRunId);
    if (!q.exec()) {
        qCWarning(lcStore) << "gallery rows failed:" << q.lastError().text();
        return result;
    }
    while (q.next()) {
        ItemRow r;
        r.id = q.value(0).toLongLong();
        r.kind = static_cast<ItemKind>(q.value(1).toInt());
        r.label = labelFromColumn(q.value(2));
        r.path = q.value(3).toString();
        r.contentHash = q.value(4).toString();
        r.parentId = q.value(5).toLongLong();
        r.frameIndex = q.value(6).isNull() ? -1 : q.value(6).toLongLong();
        r.timestampMs = q.value(7).isNull() ? -1 : q.value(7).toLongLong();
        r.width = q.value(8).toInt();
        r.height = q.value(9).toInt();
        r.missing = q.value(10).toBool();
        if (!q.value(11).isNull())
            r.score = q.value(11).toDouble();
        result.append(r);
    }
    return result;
}

qint64 ItemQuery::latestScoredRun() const
{
    QSqlQuery q(m_db.db());
    if (q.exec(QStringLiteral("SELECT max(run_id) FROM item_scores")) && q.next())
        return q.value(0).toLongLong();
    return 0;
}

std::optional<double> ItemQuery::runThreshold(qint64 runId) const
{
    QSqlQuery q(m_db.db());
    q.prepare(QStringLiteral("SELECT threshold FROM runs WHERE id = ?"));
    q.addBindValue(runId);
    if (q.exec() && q.next() && !q.value(0).isNull())
        return q.value(0).toDouble();
    return std::nullopt;
}

} // namespace nsfw
