#pragma once

#include "media/videoverdict.h"
#include "store/runstore.h"
#include "train/metrics.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QVector>

namespace nsfw {

class ProjectDatabase;

/// A labeled video as one unit of evaluation: its label and its judged frames' scores.
struct VideoUnit {
    qint64 videoId = 0;
    int label = 0; ///< 1 nsfw, 0 safe: the video's own label
    qint64 durationMs = 0;
    QList<FrameScore> frames; ///< in time order
};

/// Evaluation with a video as one unit, next to the frame-level figures: a video is NSFW when its label says so, and
/// its score is the verdict (VideoJudge, the default rule) of its judged frames' out-of-sample scores. Torch-free; the
/// trainer stores it with the run's best metrics ("video"), the window and `evaluate` show it.
class VideoMetrics
{
    Q_DECLARE_TR_FUNCTIONS(nsfw::VideoMetrics)

public:
    /// The verdict of each video and the curve over them (videos without frames are left out).
    static VideoMetrics compute(const QVector<VideoUnit> &videos, const VerdictOptions &options = VerdictOptions());
    /// The videos of a run's judged frames, labeled safe or nsfw now (unsure and unlabeled videos are left out),
    /// with the frames' times and the videos' lengths read from the project.
    static VideoMetrics ofJudged(ProjectDatabase &db, const QVector<RunItem> &judged,
                                 const VerdictOptions &options = VerdictOptions());
    /// What the trainer stored under "video" in the run's best metrics (empty when it stored none).
    static VideoMetrics fromJson(const QJsonObject &o);
    QJsonObject toJson() const;

    bool isEmpty() const { return m_ids.isEmpty(); }
    int videos() const { return int(m_ids.size()); }
    QString rule() const { return m_rule; }
    const QVector<qint64> &videoIds() const { return m_ids; }
    const QVector<float> &scores() const { return m_scores; }
    const QVector<int> &labels() const { return m_labels; }
    const PrCurve &curve() const { return m_curve; }
    ConfusionMatrix confusionAt(double threshold) const { return m_curve.confusionAt(threshold); }
    /// One line: "4 videos (2 NSFW), verdict topk-mean k=3: AP 0.83 · ROC AUC 0.75 · at 0.50 precision 1.00,
    /// recall 0.50"; or that no video was judged.
    QString summary(double threshold) const;

private:
    QString m_rule;
    QVector<qint64> m_ids;
    QVector<float> m_scores;
    QVector<int> m_labels;
    PrCurve m_curve;
};

} // namespace nsfw
