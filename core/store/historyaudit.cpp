#include "historyaudit.h"

#include "projectdatabase.h"

#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>

namespace nsfw {

bool HistoryAudit::read(ProjectDatabase &db, QString *error)
{
    m_entries.clear();
    m_current.clear();
    auto fail = [error](const QSqlQuery &q) {
        if (error)
            *error = q.lastError().text();
        return false;
    };
    QSqlQuery items(db.db());
    items.setForwardOnly(true);
    if (!items.exec(QStringLiteral("SELECT id, label FROM items")))
        return fail(items);
    while (items.next())
        m_current.insert(items.value(0).toLongLong(), labelFromColumn(items.value(1)));
    QSqlQuery q(db.db());
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT id, item_id, label, previous, annotator, at_ms, source FROM label_history"
                               " ORDER BY id")))
        return fail(q);
    while (q.next()) {
        HistoryEntry e;
        e.id = q.value(0).toLongLong();
        e.itemId = q.value(1).toLongLong();
        e.label = labelFromColumn(q.value(2));
        e.previous = labelFromColumn(q.value(3));
        e.annotator = q.value(4).toString();
        e.at = QDateTime::fromMSecsSinceEpoch(q.value(5).toLongLong());
        e.source = q.value(6).toString();
        m_entries.append(e);
    }
    return true;
}

QVector<qint64> HistoryAudit::inconsistentItems() const
{
    // Walks the entries by id keeping each item's label so far: the chain breaks where an entry replaced another
    // label than the one before it.
    QHash<qint64, Label> latest;
    QVector<qint64> bad;
    for (const HistoryEntry &e : m_entries) {
        const Label before = latest.value(e.itemId, Label::None);
        if (e.previous != before || !m_current.contains(e.itemId))
            bad.append(e.itemId);
        latest.insert(e.itemId, e.label);
    }
    for (auto it = m_current.cbegin(); it != m_current.cend(); ++it) {
        if (latest.value(it.key(), Label::None) != it.value())
            bad.append(it.key());
    }
    std::sort(bad.begin(), bad.end());
    bad.erase(std::unique(bad.begin(), bad.end()), bad.end());
    return bad;
}

} // namespace nsfw
