// Team labelling: the label rule (the SQL is in labelrule.cpp, run by the history's trigger), the annotators'
// queues with their overlap, and the reviewer's queue of disagreements.
#include "teamlabels.h"

#include "projectdatabase.h"
#include "projectteam.h"

#include <QDateTime>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>
#include <cmath>
#include <random>

namespace nsfw {

namespace {

constexpr char kOverlapKey[] = "overlap_share";

bool setMeta(ProjectDatabase &db, const QString &key, const QString &value, QString *error)
{
    QSqlQuery q(db.db());
    q.prepare(QStringLiteral("DELETE FROM meta WHERE key = ?"));
    q.addBindValue(key);
    if (!q.exec()) {
        *error = db.errorText(q.lastError());
        return false;
    }
    q.prepare(QStringLiteral("INSERT INTO meta (key, value) VALUES (?, ?)"));
    q.addBindValue(key);
    q.addBindValue(value);
    if (!q.exec()) {
        *error = db.errorText(q.lastError());
        return false;
    }
    return true;
}

} // namespace

TeamLabels::TeamLabels(ProjectDatabase &db)
    : m_db(db)
{
}

std::optional<LabelRule> TeamLabels::rule(QString *error) const
{
    QSqlQuery q(m_db.db());
    q.prepare(QStringLiteral("SELECT value FROM meta WHERE key = ?"));
    q.addBindValue(QString::fromLatin1(labelrule::kMetaKey));
    if (!q.exec()) {
        if (error)
            *error = q.lastError().text();
        return std::nullopt;
    }
    if (!q.next())
        return LabelRule::Latest;
    return labelrule::parse(q.value(0).toString()).value_or(LabelRule::Latest);
}

bool TeamLabels::setRule(LabelRule rule, QString *error)
{
    QString ignored;
    if (!error)
        error = &ignored;
    QSqlQuery q(m_db.db()); // before the transaction: a server rolls back first, then frees the statement
    Transaction tx(m_db);
    if (!tx.isActive()) {
        *error = tx.error();
        return false;
    }
    if (!setMeta(m_db, QString::fromLatin1(labelrule::kMetaKey), labelrule::name(rule), error))
        return false;
    // Every labelled item again, as the trigger computes it.
    if (!q.exec(QStringLiteral("UPDATE items SET label = %1 WHERE id IN (SELECT item_id FROM label_history)")
                    .arg(labelrule::currentLabelSql(QStringLiteral("items.id"),
                                                    labelrule::latestLabelSql(QStringLiteral("items.id")))))) {
        *error = m_db.errorText(q.lastError());
        return false;
    }
    if (!tx.commit()) {
        *error = tx.error();
        return false;
    }
    return true;
}

double TeamLabels::overlapShare() const
{
    QSqlQuery q(m_db.db());
    q.prepare(QStringLiteral("SELECT value FROM meta WHERE key = ?"));
    q.addBindValue(QString::fromLatin1(kOverlapKey));
    if (q.exec() && q.next())
        return q.value(0).toDouble();
    return 0;
}

std::optional<Assignment> TeamLabels::assign(const QStringList &annotatorList, std::optional<double> overlap,
                                             quint64 seed, QString *error)
{
    QString ignored;
    if (!error)
        error = &ignored;
    QStringList annotators;
    for (const QString &name : annotatorList) {
        if (!name.trimmed().isEmpty() && !annotators.contains(name.trimmed()))
            annotators << name.trimmed();
    }
    if (annotators.isEmpty()) {
        *error = tr("No annotators to assign items to.");
        return std::nullopt;
    }
    const double share = overlap.value_or(overlapShare());
    if (!(share >= 0 && share <= 1)) {
        *error = tr("The overlap share is a fraction from 0 to 1, not %1.").arg(share);
        return std::nullopt;
    }
    if (share > 0 && annotators.size() < 2) {
        *error = tr("An overlap needs two annotators or more; %1 is the only one.").arg(annotators.first());
        return std::nullopt;
    }
    // The statements before the transaction: a server rolls back first, then frees them.
    QSqlQuery q(m_db.db());
    QSqlQuery insert(m_db.db());
    Transaction tx(m_db);
    if (!tx.isActive()) {
        *error = tx.error();
        return std::nullopt;
    }
    // Each annotator's load so far, so that new items even it out.
    QHash<QString, int> load;
    if (!q.exec(QStringLiteral("SELECT annotator, count(*) FROM assignments GROUP BY annotator"))) {
        *error = m_db.errorText(q.lastError());
        return std::nullopt;
    }
    while (q.next())
        load.insert(q.value(0).toString(), q.value(1).toInt());
    QVector<qint64> items;
    if (!q.exec(QStringLiteral("SELECT id FROM items WHERE kind <> 2 AND missing = 0 AND NOT EXISTS"
                               " (SELECT 1 FROM assignments a WHERE a.item_id = items.id) ORDER BY id"))) {
        *error = m_db.errorText(q.lastError());
        return std::nullopt;
    }
    while (q.next())
        items.append(q.value(0).toLongLong());
    std::mt19937_64 rng(seed);
    std::shuffle(items.begin(), items.end(), rng);
    const int twice = int(std::lround(share * items.size()));
    Assignment result;
    if (!insert.prepare(QStringLiteral("INSERT INTO assignments (item_id, annotator, at_ms) VALUES (?, ?, ?)"))) {
        *error = m_db.errorText(insert.lastError());
        return std::nullopt;
    }
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    // The least loaded annotator takes the next item, and for an overlap item the least loaded of the others too;
    // ties are drawn (seeded), so that every pair of annotators meets on overlap items, for their kappa.
    auto leastLoaded = [&](const QString &besides) {
        QStringList best;
        for (const QString &name : annotators) {
            if (name == besides)
                continue;
            if (!best.isEmpty() && load.value(name) < load.value(best.first()))
                best.clear();
            if (best.isEmpty() || load.value(name) == load.value(best.first()))
                best << name;
        }
        return best.at(int(rng() % quint64(best.size())));
    };
    for (int i = 0; i < items.size(); ++i) {
        QStringList to{leastLoaded(QString())};
        if (i < twice)
            to << leastLoaded(to.first());
        for (const QString &name : to) {
            insert.bindValue(0, items[i]);
            insert.bindValue(1, name);
            insert.bindValue(2, now);
            if (!insert.exec()) {
                *error = m_db.errorText(insert.lastError());
                return std::nullopt;
            }
            ++load[name];
            ++result.perAnnotator[name];
        }
        ++result.items;
        result.overlap += to.size() > 1 ? 1 : 0;
    }
    if (overlap && !setMeta(m_db, QString::fromLatin1(kOverlapKey), QString::number(share), error))
        return std::nullopt;
    if (share > 0) {
        const auto current = rule(error);
        if (!current)
            return std::nullopt;
        if (*current == LabelRule::Latest) {
            if (!setRule(LabelRule::Consensus, error)) // a savepoint in this transaction
                return std::nullopt;
            result.ruleChanged = true;
        }
    }
    if (!tx.commit()) {
        *error = tx.error();
        return std::nullopt;
    }
    return result;
}

QVector<qint64> TeamLabels::queue(const QString &annotator, bool pendingOnly, QString *error) const
{
    QVector<qint64> ids;
    QSqlQuery q(m_db.db());
    q.setForwardOnly(true);
    // Labelled: the annotator has an entry of their own on the item, or on a frame of the video.
    q.prepare(QStringLiteral("SELECT a.item_id FROM assignments a WHERE a.annotator = ?%1 ORDER BY a.item_id")
                  .arg(pendingOnly ? QStringLiteral(
                                         " AND NOT EXISTS (SELECT 1 FROM label_history h WHERE h.annotator = a.annotator"
                                         "  AND (h.item_id = a.item_id OR h.item_id IN"
                                         "   (SELECT f.id FROM items f WHERE f.parent_id = a.item_id)))")
                                   : QString()));
    q.addBindValue(annotator);
    if (!q.exec()) {
        if (error)
            *error = q.lastError().text();
        return {};
    }
    while (q.next())
        ids.append(q.value(0).toLongLong());
    return ids;
}

bool TeamLabels::hasQueues() const
{
    QSqlQuery q(m_db.db());
    return q.exec(QStringLiteral("SELECT 1 FROM assignments LIMIT 1")) && q.next();
}

QVector<std::pair<QString, std::pair<int, int>>> TeamLabels::queues(QString *error) const
{
    QVector<std::pair<QString, std::pair<int, int>>> result;
    QSqlQuery q(m_db.db());
    if (!q.exec(QStringLiteral(
            "SELECT a.annotator, count(*), sum(CASE WHEN EXISTS (SELECT 1 FROM label_history h"
            "  WHERE h.annotator = a.annotator AND (h.item_id = a.item_id OR h.item_id IN"
            "   (SELECT f.id FROM items f WHERE f.parent_id = a.item_id))) THEN 1 ELSE 0 END)"
            " FROM assignments a GROUP BY a.annotator ORDER BY a.annotator"))) {
        if (error)
            *error = q.lastError().text();
        return {};
    }
    while (q.next())
        result.append({q.value(0).toString(), {q.value(1).toInt(), q.value(2).toInt()}});
    return result;
}

QVector<Disagreement> TeamLabels::reviewQueue(QString *error) const
{
    QSqlQuery q(m_db.db());
    q.setForwardOnly(true);
    const QString adjudicated = QLatin1String(kAdjudicationSource) + QLatin1Char('%');
    // Each annotator's latest own entry with a label, on items no standing adjudication settles (the latest
    // adjudication cleared the label, or there is none): the trigger's consensus rule, item by item.
    if (!q.exec(QStringLiteral(
                    "SELECT o.item_id, o.annotator, o.label, coalesce(i.path, p.path), i.frame_index"
                    " FROM label_history o JOIN items i ON i.id = o.item_id LEFT JOIN items p ON p.id = i.parent_id"
                    " WHERE o.label IS NOT NULL"
                    " AND o.id = (SELECT max(x.id) FROM label_history x WHERE x.item_id = o.item_id"
                    "  AND x.annotator = o.annotator AND x.source NOT LIKE '%1')"
                    " AND (SELECT a.label FROM label_history a WHERE a.item_id = o.item_id AND a.source LIKE '%1'"
                    "  ORDER BY a.id DESC LIMIT 1) IS NULL"
                    " ORDER BY o.item_id, o.annotator")
                    .arg(adjudicated))) {
        if (error)
            *error = q.lastError().text();
        return {};
    }
    QVector<Disagreement> result;
    Disagreement current;
    auto flush = [&] {
        QSet<int> distinct;
        for (const auto &said : current.labels)
            distinct.insert(int(said.second));
        if (distinct.size() > 1)
            result.append(current);
    };
    while (q.next()) {
        const qint64 item = q.value(0).toLongLong();
        if (item != current.itemId) {
            if (current.itemId != 0)
                flush();
            current = Disagreement();
            current.itemId = item;
            current.path = q.value(3).toString();
            current.frameIndex = q.value(4).isNull() ? -1 : q.value(4).toInt();
        }
        current.labels.append({q.value(1).toString(), labelFromColumn(q.value(2))});
    }
    if (current.itemId != 0)
        flush();
    return result;
}

} // namespace nsfw
