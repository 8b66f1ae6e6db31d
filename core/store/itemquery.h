#pragma once

#include "common/types.h"

#include <QCoreApplication>
#include <QVector>

#include <optional>

namespace nsfw {

class ProjectDatabase;

/// Which items a gallery shows. An empty label or kind list means "any".
struct ItemFilter {
    QVector<Label> labels; ///< Label::None stands for unlabeled
    QVector<ItemKind> kinds;
    qint64 parentId = 0;   ///< > 0: only the frames of this video; < 0: nothing
    qint64 scoreRunId = 0; ///< run whose item_scores the score range and score sort use; 0 = none
    std::optional<double> minScore;
    std::optional<double> maxScore;
    /// Team labelling (TeamLabels): when set, `labels` filters by this annotator's own latest label, not the item's
    /// (an annotator under the consensus rule sees only their own labels).
    QString labelsOf;
    /// When set, only the items in this annotator's queue (assigned to them; a video's frames with it).
    QString queueOf;
    /// Only the items whose annotators disagree and that no adjudication settles (the reviewer's queue).
    bool disputed = false;

    bool operator==(const ItemFilter &o) const
    {
        return labels == o.labels && kinds == o.kinds && parentId == o.parentId && scoreRunId == o.scoreRunId &&
               minScore == o.minScore && maxScore == o.maxScore && labelsOf == o.labelsOf && queueOf == o.queueOf &&
               disputed == o.disputed;
    }
};

/// Uncertainty: closest to the score run's threshold first (the items a labeling pass helps the model most).
enum class ItemSort { ImportOrder, Name, ScoreDescending, ScoreAscending, Uncertainty };

/// The few columns a gallery cell needs, with the parent video's path and hash for frames.
struct ItemRow {
    qint64 id = 0;
    ItemKind kind = ItemKind::Image;
    Label label = Label::None;
    QString path;        ///< as stored; the video's for frames
    QString contentHash; ///< the video's for frames
    qint64 parentId = 0;
    qint64 frameIndex = -1;
    qint64 timestampMs = -1;
    int width = 0;
    int height = 0;
    bool missing = false;
    std::optional<double> score;
};

/// Read-only queries for galleries: id lists by filter and sort, and rows by id. All SQL for them lives here.
class ItemQuery
{
    Q_DECLARE_TR_FUNCTIONS(nsfw::ItemQuery)

public:
    explicit ItemQuery(ProjectDatabase &db);

    /// The ids matching the filter, in the given order (frames of a video in frame order after it).
    QVector<qint64> ids(const ItemFilter &filter, ItemSort sort, QString *error = nullptr) const;
    /// Rows for the given ids (any order back; missing ids are left out). Scores from scoreRunId when > 0; labels
    /// are the annotator labelsOf's own when given (ItemFilter::labelsOf), else the items'.
    QVector<ItemRow> rows(const QVector<qint64> &ids, qint64 scoreRunId = 0, const QString &labelsOf = QString()) const;
    /// The newest run that has item scores, or 0.
    qint64 latestScoredRun() const;
    /// The decision threshold saved with a run, or nullopt.
    std::optional<double> runThreshold(qint64 runId) const;

private:
    ProjectDatabase &m_db;
};

} // namespace nsfw
