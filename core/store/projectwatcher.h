#pragma once

#include "common/types.h"

#include <QObject>
#include <QVector>

#include <memory>

class QTimer;

namespace nsfw {

class ChangeFeed;
class ProjectDatabase;

/// What other writers changed in a project since the watcher last looked.
struct ProjectChanges {
    QVector<qint64> labelItems; ///< items whose label changed, each once
    QVector<Label> labels;      ///< their labels now, by index of labelItems
    bool items = false;         ///< items were added, removed or marked missing (or too many labels to list)
    bool runs = false;          ///< runs were added or changed (status, epochs, threshold, scores)

    bool isEmpty() const { return labelItems.isEmpty() && !items && !runs; }
};

/// Notices what other connections commit to the project: the command line, a second window, and this
/// window's own import and training threads (each has a connection of its own). It works on the connection
/// of the thread that owns it and never writes.
///
/// Knowing *that* something changed is the backend's ChangeFeed: for SQLite it polls PRAGMA data_version
/// (which changes only when another connection commits), on PostgreSQL it listens for the notifications the
/// project's triggers send (and a notification checks at once, without waiting for the timer). *What* changed is read once something did: new label history
/// entries (so a cell changes in place without a requery; an item's label is reported as it is now),
/// the items' count, and the runs. The window's own labels are not reported as long as no other commit
/// falls between them and the next poll; if one does, they are reported too, which is harmless.
class ProjectWatcher : public QObject
{
    Q_OBJECT

public:
    static constexpr int kDefaultIntervalMs = 400;
    /// More new history entries than this are reported as items = true (refresh everything) instead.
    static constexpr int kMaxListedLabels = 5000;

    explicit ProjectWatcher(QObject *parent = nullptr);
    ~ProjectWatcher() override;

    /// Watches this connection's project (or none); what is there now is the baseline.
    void setDatabase(ProjectDatabase *db);
    void setInterval(int ms);
    /// Looks now (a timer does every interval); emits changed() when something changed.
    void check();

Q_SIGNALS:
    void changed(const nsfw::ProjectChanges &changes);

private:
    struct Seen {
        qint64 historyId = 0;
        qint64 itemCount = 0;
        qint64 maxItemId = 0;
        qint64 missing = 0;
        QString runs;
        bool ok = false; ///< read (a lost server connection reads nothing)
    };
    Seen look() const;

    ProjectDatabase *m_db = nullptr;
    std::unique_ptr<ChangeFeed> m_feed;
    QTimer *m_timer;
    qint64 m_historyHead = 0;
    Seen m_seen;
};

} // namespace nsfw

Q_DECLARE_METATYPE(nsfw::ProjectChanges)
