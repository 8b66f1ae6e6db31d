#pragma once

#include <QCoreApplication>
#include <QHash>
#include <QString>
#include <QVariant>
#include <QVector>

#include "common/types.h"
#include "runstore.h"

#include <functional>
#include <optional>
#include <vector>

namespace nsfw {

class ProjectDatabase;

/// A chunk of work a worker claimed: items (images, frames) to score with a run's model, or whose backbone features to
/// compute.
struct WorkChunk {
    qint64 id = 0;
    qint64 runId = 0; ///< the run whose model scores; 0 for features
    QString modelKey; ///< FeatureCache::modelKey of the model the items are scored with; for features its storeKey
    QVector<qint64> itemIds;
    int attempts = 0;       ///< claims so far, this one included
    QString previousWorker; ///< who held it before, when this claim took over an expired lease
};

/// A chunk's item as a worker reads it.
struct WorkItem {
    qint64 id = 0;
    ItemKind kind = ItemKind::Image; ///< an image or a video's frame
    QString storedPath;              ///< the image's, or the frame's video's, as stored (ProjectDatabase::absolutePath)
    QString key;                     ///< MediaRef::key: the content hash, or "<video hash>_<frame index>"
    qint64 frameIndex = 0;
};

/// How far a run's scoring work has come.
struct WorkSummary {
    int queued = 0;
    int claimed = 0;
    int done = 0;
    qint64 scored = 0;     ///< items scored (or whose features were computed) by finished chunks
    qint64 unreadable = 0; ///< items finished chunks could not read
};

/// Work shared by `worker` processes, possibly on several machines (table work_chunks): a run's items to score, or
/// the items whose backbone features to compute for a model, cut into chunks. A worker claims a chunk under a lease that it renews while it works; a chunk whose lease ran out (its
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

    /// Queues the run's images and video frames (not missing) that have no score for it, chunkSize items a chunk, unless the run has
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

    /// Feature work (`worker --features`): queues the images and frames (not missing) with no features stored for the model
    /// and preprocessing storeKey (FeatureCache::storeKey; table item_features), unless its unfinished chunks exist.
    int enqueueFeatures(const QString &storeKey, int chunkSize, QString *error = nullptr);
    std::optional<WorkChunk> claimFeatures(const QString &storeKey, int leaseMs, QString *error = nullptr);
    /// Writes a claimed chunk's features (ProjectFeatures, by content key) and marks it done, in one transaction.
    Completion completeFeatures(const WorkChunk &chunk, const QHash<QString, std::vector<float>> &features,
                                const QVector<UnreadableItem> &unreadable, QString *error = nullptr);
    WorkSummary featureSummary(const QString &storeKey, QString *error = nullptr);
    /// What a worker reads of a chunk's items, in the chunk's order; items deleted since they were queued are left out.
    QVector<WorkItem> items(const QVector<qint64> &ids, QString *error = nullptr);

private:
    /// Which chunks make a job: SQL over work_chunks with one parameter, and its value.
    struct Job {
        QString condition;
        QVariant value;
    };
    static QString readable();
    static Job scoring(qint64 runId);
    static Job features(const QString &storeKey);
    bool queueChunks(const Job &job, const QString &kind, const QVariant &runId, const QString &modelKey,
                     const QVector<qint64> &ids, int chunkSize, int *chunks, QString *error);
    std::optional<WorkChunk> claimJob(const Job &job, int leaseMs, QString *error);
    Completion complete(const WorkChunk &chunk, const std::function<bool(QString *)> &write, qint64 done,
                        const QVector<UnreadableItem> &unreadable, QString *error);
    WorkSummary summaryOf(const Job &job, QString *error);
    QString nowMs() const;
    QString skipLocked() const;

    ProjectDatabase &m_db;
    QString m_worker;
};

} // namespace nsfw
