#pragma once

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QVector>

#include "common/types.h"

#include <optional>

namespace nsfw {

class ProjectDatabase;
class RunLock;

/// A training run (or a scoring with the pretrained model) as stored in the project.
struct RunRecord {
    qint64 id = 0;
    QDateTime created;
    QDateTime finished;
    QString status; ///< running, finished, cancelled, failed
    QString error;
    QJsonObject settings;
    QString model;
    double threshold = 0.5;
    int bestEpoch = -1;
    QJsonObject bestMetrics;
    QString checkpoint; ///< relative to the project's cache folder
    QVector<UnreadableItem> unreadable; ///< items the run had to leave out
};

/// An item's part in a run: its split, the label it was trained or judged on, and its score.
struct RunItem {
    qint64 itemId = 0;
    int split = 0; ///< 0 train, 1 judged out-of-sample (the validation split, or every item of a cross-validated run)
    int label = 0; ///< 1 nsfw, 0 safe
    float score = 0;
    int fold = -1; ///< cross-validated runs: the fold whose model scored it; -1 otherwise
};

struct ItemScore {
    qint64 itemId = 0;
    float score = 0;
};

/// Runs, their epochs and their per-item results. All SQL about runs lives here.
class RunStore
{
    Q_DECLARE_TR_FUNCTIONS(nsfw::RunStore)

public:
    explicit RunStore(ProjectDatabase &db);

    /// Marks runs left "running" as failed when no process holds the project's run lock (their process died).
    /// Returns how many.
    int recoverInterrupted();
    /// Starts a run. The caller holds the project's run lock (ProjectDatabase::runLockPath) for the run's whole
    /// life; without it the run is refused (0 and *error). Rows still "running" are then stale and marked failed.
    qint64 create(const QJsonObject &settings, const QString &model, const RunLock &lock, QString *error);
    bool addEpoch(qint64 runId, int epoch, const QJsonObject &metrics, QString *error = nullptr);
    bool setBest(qint64 runId, int epoch, const QJsonObject &metrics, const QString &checkpoint,
                 const QVector<RunItem> &items, QString *error = nullptr);
    bool finish(qint64 runId, const QString &status, const QString &error = QString());
    bool setThreshold(qint64 runId, double threshold);
    /// Records the items the run could not read.
    bool setUnreadable(qint64 runId, const QVector<UnreadableItem> &items, QString *error = nullptr);
    /// Replaces the run's scores of items (for filters and sorts), in one transaction.
    bool setItemScores(qint64 runId, const QVector<ItemScore> &scores, QString *error = nullptr);

    std::optional<RunRecord> run(qint64 runId) const;
    QVector<RunRecord> runs() const;
    /// The newest finished run, or 0.
    qint64 latestFinished() const;
    QVector<QJsonObject> epochs(qint64 runId) const;
    QVector<RunItem> items(qint64 runId) const;
    QVector<ItemScore> itemScores(qint64 runId) const;

private:
    int markStaleRunsFailed();

    ProjectDatabase &m_db;
};

} // namespace nsfw
