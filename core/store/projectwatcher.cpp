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
    m_dataVersion = -1;
    if (!db) {
        m_timer->stop();
        return;
    }
    committedElsewhere(); // the baseline
    m_seen = look();
    m_timer->start();
}

void ProjectWatcher::setInterval(int ms)
{
    m_timer->setInterval(ms);
}

bool ProjectWatcher::committedElsewhere()
{
    // data_version is per connection: it moves when any *other* connection commits, never for our own. The
    // newest history id is read in the same snapshot: up to there, entries without a move are our own.
    QSqlQuery q(m_db->db());
    if (!q.exec(QStringLiteral("SELECT (SELECT data_version FROM pragma_data_version),"
                               " (SELECT coalesce(max(id), 0) FROM label_history)")) ||
        !q.next())
        return false;
    const qint64 version = q.value(0).toLongLong();
    m_historyHead = q.value(1).toLongLong();
    const bool moved = m_dataVersion >= 0 && version != m_dataVersion;
    m_dataVersion = version;
    return moved;
}

ProjectWatcher::Seen ProjectWatcher::look() const
{
    Seen s;
    QSqlQuery q(m_db->db());
    if (q.exec(QStringLiteral("SELECT (SELECT coalesce(max(id), 0) FROM label_history),"
                              " (SELECT count(*) FROM items), (SELECT coalesce(max(id), 0) FROM items),"
                              " (SELECT count(*) FROM items WHERE missing <> 0),"
                              " (SELECT count(*) || '/' || coalesce(max(id), 0) || '/' || total(finished_ms) || '/' ||"
                              "  total(threshold) || '/' || coalesce(group_concat(status), '') FROM runs),"
                              " (SELECT count(*) FROM run_epochs)")) &&
        q.next()) {
        s.historyId = q.value(0).toLongLong();
        s.itemCount = q.value(1).toLongLong();
        s.maxItemId = q.value(2).toLongLong();
        s.missing = q.value(3).toLongLong();
        s.runs = q.value(4).toString() + QLatin1Char('/') + q.value(5).toString();
    } else {
        qCWarning(lcStore) << "watching the project failed:" << q.lastError().text();
    }
    return s;
}

void ProjectWatcher::check()
{
    if (!m_db)
        return;
    if (!committedElsewhere()) {
        m_seen.historyId = std::max(m_seen.historyId, m_historyHead); // our own labels: not news
        return;
    }
    const Seen now = look();
    ProjectChanges changes;
    changes.items =
        now.itemCount != m_seen.itemCount || now.maxItemId != m_seen.maxItemId || now.missing != m_seen.missing;
    changes.runs = now.runs != m_seen.runs;
    if (now.historyId > m_seen.historyId) {
        QSqlQuery q(m_db->db());
        q.setForwardOnly(true);
        q.prepare(QStringLiteral("SELECT h.item_id, i.label FROM label_history h JOIN items i ON i.id = h.item_id"
                                 " WHERE h.id > ? ORDER BY h.id LIMIT ?"));
        q.addBindValue(m_seen.historyId);
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
