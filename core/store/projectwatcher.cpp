#include "projectwatcher.h"

#include "common/logging.h"
#include "projectdatabase.h"

#include <QHash>
#include <QSqlError>
#include <QSqlQuery>
#include <QTimer>

#include <algorithm>

namespace nsfw {

ProjectWatcher::ProjectWatcher(QObject *parent)
    : QObject(parent)
    , m_timer(new QTimer(this))
{
    qRegisterMetaType<nsfw::ProjectChanges>();
    m_timer->setInterval(kDefaultIntervalMs);
    connect(m_timer, &QTimer::timeout, this, &ProjectWatcher::check);
}

ProjectWatcher::~ProjectWatcher() = default;

void ProjectWatcher::setDatabase(ProjectDatabase *db)
{
    m_db = db;
    m_feed.reset();
    if (!db) {
        m_timer->stop();
        return;
    }
    m_feed = db->backend().changeFeed(*db, [this] { QMetaObject::invokeMethod(this, &ProjectWatcher::check, Qt::QueuedConnection); });
    m_feed->poll(&m_historyHead); // the baseline
    m_seen = look();
    m_timer->start();
}

void ProjectWatcher::setInterval(int ms)
{
    m_timer->setInterval(ms);
}

ProjectWatcher::Seen ProjectWatcher::look() const
{
    Seen s;
    QSqlQuery q(m_db->db());
    if (!q.exec(QStringLiteral("SELECT (SELECT coalesce(max(id), 0) FROM label_history),"
                               " (SELECT count(*) FROM items), (SELECT coalesce(max(id), 0) FROM items),"
                               " (SELECT count(*) FROM items WHERE missing <> 0),"
                               " (SELECT count(*) FROM run_epochs)"))
        || !q.next()) {
        if (!m_db->isBusyError(q.lastError()))
            qCWarning(lcStore) << "watching the project failed:" << q.lastError().text();
        return s;
    }
    s.historyId = q.value(0).toLongLong();
    s.itemCount = q.value(1).toLongLong();
    s.maxItemId = q.value(2).toLongLong();
    s.missing = q.value(3).toLongLong();
    s.runs = q.value(4).toString();
    s.ok = true;
    q.finish();
    // Runs are few: their status, end and threshold say whether one changed.
    if (q.exec(QStringLiteral("SELECT id, status, finished_ms, threshold FROM runs ORDER BY id"))) {
        while (q.next())
            s.runs += QLatin1Char(';') + q.value(0).toString() + QLatin1Char(',') + q.value(1).toString()
                      + QLatin1Char(',') + q.value(2).toString() + QLatin1Char(',') + q.value(3).toString();
    }
    return s;
}

void ProjectWatcher::check()
{
    if (!m_db)
        return;
    if (!m_feed->poll(&m_historyHead)) {
        m_seen.historyId = std::max(m_seen.historyId, m_historyHead); // our own labels: not news
        return;
    }
    const Seen now = look();
    if (!now.ok)
        return; // the connection is away: look again when it is back (the feed reports the reconnection)
    ProjectChanges changes;
    changes.items =
        now.itemCount != m_seen.itemCount || now.maxItemId != m_seen.maxItemId || now.missing != m_seen.missing;
    changes.runs = now.runs != m_seen.runs;
    if (now.historyId > m_seen.historyId || m_feed->historyLookback() > 0) {
        QSqlQuery q(m_db->db());
        q.setForwardOnly(true);
        q.prepare(QStringLiteral("SELECT h.item_id, i.label FROM label_history h JOIN items i ON i.id = h.item_id"
                                 " WHERE h.id > ? ORDER BY h.id LIMIT ?"));
        q.addBindValue(m_seen.historyId - m_feed->historyLookback());
        q.addBindValue(kMaxListedLabels + 1);
        QHash<qint64, int> at;
        if (q.exec()) {
            while (q.next()) {
                const qint64 id = q.value(0).toLongLong();
                const Label label = labelFromColumn(q.value(1));
                const auto it = at.constFind(id);
                if (it != at.constEnd()) {
                    changes.labels[*it] = label;
                    continue;
                }
                at.insert(id, int(changes.labelItems.size()));
                changes.labelItems.append(id);
                changes.labels.append(label);
            }
        }
        if (changes.labelItems.size() > kMaxListedLabels) {
            changes.labelItems.clear();
            changes.labels.clear();
            changes.items = true;
        }
    }
    m_seen = now;
    if (!changes.isEmpty()) {
        qCDebug(lcStore) << "other writers changed" << changes.labelItems.size() << "labels, items" << changes.items
                         << "runs" << changes.runs;
        Q_EMIT changed(changes);
    }
}

} // namespace nsfw
