#pragma once

#include "store/itemquery.h"
#include "store/runstore.h"
#include "train/bootstrap.h"
#include "train/labelaudit.h"
#include "train/metrics.h"
#include "train/videometrics.h"

#include <QCoreApplication>
#include <QHash>
#include <QSet>
#include <QVector>

#include <optional>

namespace nsfw {

class ProjectDatabase;

/// What reviewing a run needs, without torch or widgets, for the window's training page and the CLI alike: the
/// items the run judged out-of-sample (its validation split, or every labeled item of a cross-validated run), their
/// curve and confusion matrix at a threshold, the items of each cell most wrong first, bootstrap intervals grouped
/// as the split was, the label-error audit, and which items were relabelled since the run.
class RunReview
{
    Q_DECLARE_TR_FUNCTIONS(nsfw::RunReview)

public:
    enum class Cell { TruePositive, FalsePositive, TrueNegative, FalseNegative };

    /// Reads a run, its per-item results and the video each judged frame belongs to; nullopt (and *error) when
    /// there is no such run.
    static std::optional<RunReview> load(ProjectDatabase &db, qint64 runId, QString *error = nullptr);
    RunReview(RunRecord run, QVector<RunItem> items, QHash<qint64, qint64> videoOf = {});

    const RunRecord &run() const { return m_run; }
    /// Every item of the run (trained on and judged).
    const QVector<RunItem> &items() const { return m_items; }
    /// The items judged out-of-sample with a score, by item id.
    const QVector<RunItem> &judged() const { return m_judged; }
    bool isCrossValidated() const { return m_folds > 1; }
    int folds() const { return m_folds; }
    /// The curve of the judged items' scores (what the run's best epoch and the confusion matrix are computed from).
    const PrCurve &curve() const { return m_curve; }
    ConfusionMatrix confusionAt(double threshold) const { return m_curve.confusionAt(threshold); }
    /// The judged videos as units (what the run stored; for a run from before that, read from the project now).
    const VideoMetrics &videoMetrics() const { return m_videoMetrics; }

    static Cell cellOf(const RunItem &item, double threshold);
    /// The judged items of a cell, the most wrong first: a false positive by its score, a false negative by its
    /// lack of one; in the correct cells, those nearest to being wrong first.
    QVector<RunItem> cell(Cell cell, double threshold) const;
    /// 95 % bootstrap intervals of AP, ROC AUC, precision and recall at the threshold, over items grouped as the
    /// split grouped them (a video's frames together); deterministic for a seed.
    MetricIntervals intervals(double threshold, int resamples = 1000, quint64 seed = 1) const;
    /// Confident learning over the judged items' out-of-sample scores (see LabelAudit). Meaningful for a
    /// cross-validated run, where every labeled item is judged; on a one-split run it audits the validation items.
    LabelAudit audit() const;

    /// The audit's suspects still open for review, most suspect first: not relabelled since the run, and not
    /// confirmed ("label is right", LabelStore::confirm) for this label and this run's model, since a confirmation
    /// holds until the label or the model changes. The items left out are added to *relabelled and *confirmed.
    QVector<LabelSuspect> openSuspects(ProjectDatabase &db, const LabelAudit &audit, QSet<qint64> *relabelled = nullptr,
                                       QSet<qint64> *confirmed = nullptr) const;
    /// The history source a confirmation against this run's model carries.
    QString confirmationSource() const { return QStringLiteral("confirmed:") + m_run.model; }

    /// Of `ids`, the items whose current label differs from the one the run used. A frame without a label of its
    /// own was trained on its video's label: not a change. Unsure now counts as a change.
    QSet<qint64> relabelled(ProjectDatabase &db, const QVector<qint64> &ids) const;
    /// The label the run used for an item (1 nsfw, 0 safe), or -1 when the run did not use it.
    int usedLabel(qint64 itemId) const { return m_used.value(itemId, -1); }

    /// A group of near-copies that the run's split did not hold together (a run from before the guard, or copies
    /// found since): its items in the run, and how many pairs of them were on different sides.
    struct SplitLeak {
        QVector<RunItem> items; ///< in id order; side: the fold in a cross-validated run, else the split
        QVector<ItemRow> rows;  ///< the same items as the project has them (paths; a frame's are its video's)
        qint64 crossPairs = 0;
    };
    /// The near-duplicate groups (nearDuplicateGroupOf over the hashes stored now; a frame belongs to its video's
    /// group) that the run had on two or more sides, most pairs first.
    QVector<SplitLeak> splitLeaks(ProjectDatabase &db, QString *error = nullptr) const;
    /// The side an item was on: its fold in a cross-validated run, else 0 training and 1 validation.
    static int sideOf(const RunItem &item) { return item.fold >= 0 ? 2 + item.fold : item.split; }

private:
    RunRecord m_run;
    QVector<RunItem> m_items;
    QVector<RunItem> m_judged;
    QHash<qint64, qint64> m_videoOf;
    QHash<qint64, int> m_used;
    PrCurve m_curve;
    VideoMetrics m_videoMetrics;
    int m_folds = 1;
};

} // namespace nsfw
