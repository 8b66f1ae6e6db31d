#pragma once

#include <QCoreApplication>
#include <QHash>
#include <QString>
#include <QVector>

#include "common/types.h"
#include "runstore.h"

#include <optional>

namespace nsfw {

class ProjectDatabase;

/// A chunk of work a worker claimed: items to score with a run's model.
struct WorkChunk {
    qint64 id = 0;
    qint64 runId = 0;
    QString modelKey; ///< FeatureCache::modelKey of the model the items are scored with
    QVector<qint64> itemIds;
    int attempts = 0;       ///< claims so far, this one included
    QString previousWorker; ///< who held it before, when this claim took over an expired lease
};

/// How far a run's scoring work has come.
struct WorkSummary {
    int queued = 0;
    int claimed = 0;
    int done = 0;
    qint64 scored = 0;     ///< items scored by finished chunks
    qint64 unreadable = 0; ///< items finished chunks could not read
};

/// Work shared by `worker` processes, possibly on several machines (table work_chunks): a run's items to score, cut
/// into chunks. A worker claims a chunk under a lease that it renews while it works; a chunk whose lease ran out (its
/// worker was killed or lost the server) is claimed again by the next worker that asks. On a server a claim skips the
/// chunks other transactions are claiming (FOR UPDATE SKIP LOCKED); on a file the write lock orders the claims of the
/// processes of one machine. Leases run on the database's clock, so the workers' clocks need not agree.
class WorkQueue
{
    Q_DECLARE_TR_FUNCTIONS(nsfw::WorkQueue)

public:
    /// `worker` names this process in the table (who holds which chunk), e.g. "host:pid".
    WorkQueue(ProjectDatabase &db, const QString &worker);

    QString worker() const { return m_worker; }

    /// Queues the run's images (not missing) that have no score for it, chunkSize items a chunk, unless the run has
    /// unfinished chunks already (then the caller joins that work). Returns how many chunks were queued, or -1 and
    /// *error.
    int enqueueScoring(qint64 runId, const QString &modelKey, int chunkSize, QString *error = nullptr);
    /// Claims the first chunk of the run that is queued or whose lease has run out, for leaseMs from now; nullopt
    /// when there is none (*error empty) or on failure (*error set).
    std::optional<WorkChunk> claim(qint64 runId, int leaseMs, QString *error = nullptr);
    /// Extends the lease of a chunk this worker holds; false when it no longer holds it (another worker took it
    /// over after the lease ran out, or it is done).
    bool renew(qint64 chunkId, int leaseMs, QString *error = nullptr);

    enum class Completion { Done, Lost, Failed };
    /// Writes a claimed chunk's scores (RunStore::setItemScores) and marks it done, in one transaction. Lost, with
    /// nothing written, when another worker took the chunk over meanwhile (it writes the same scores).
    Completion completeScoring(const WorkChunk &chunk, const QVector<ItemScore> &scores,
                               const QVector<UnreadableItem> &unreadable, QString *error = nullptr);

    /// The run's chunks by state, and what the finished ones did.
    WorkSummary summary(qint64 runId, QString *error = nullptr);
    /// The stored paths of items, by id.
    QHash<qint64, QString> storedPaths(const QVector<qint64> &ids, QString *error = nullptr);

private:
    QString nowMs() const;
    QString skipLocked() const;

    ProjectDatabase &m_db;
    QString m_worker;
};

} // namespace nsfw
