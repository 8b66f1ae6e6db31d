#pragma once

#include <QJsonObject>
#include <QVector>

namespace nsfw {

/// A two-sided confidence interval; NaN ends when too few resamples had both classes.
struct Interval {
    double low = qQNaN();
    double high = qQNaN();
    bool isValid() const { return !qIsNaN(low) && !qIsNaN(high); }
    double width() const { return high - low; }
    QJsonObject toJson() const;
    static Interval fromJson(const QJsonObject &o);
};

/// 95 % intervals of a run's evaluation figures, by the percentile bootstrap over groups: each resample draws as
/// many groups as there are, with replacement, and takes all items of each drawn group (the frames of a video
/// together, as the split keeps them), so items that move together are not counted as independent evidence.
struct MetricIntervals {
    Interval averagePrecision;
    Interval rocAuc;
    Interval precision; ///< at the threshold
    Interval recall;    ///< at the threshold
    double threshold = 0.5;
    double level = 0.95;
    int resamples = 0;  ///< drawn
    int groups = 0;     ///< independent units the resamples drew from
    quint64 seed = 1;

    QJsonObject toJson() const;
    static MetricIntervals fromJson(const QJsonObject &o);
};

/// The input of the bootstrap: one score, label (1 nsfw, 0 safe) and group per item. Items with an empty group
/// are groups of their own.
struct ScoredItem {
    float score = 0;
    int label = 0;
    qint64 group = 0; ///< 0: the item is its own group
};

/// Percentile-bootstrap intervals at `level` from `resamples` resamples, deterministic for a seed. A resample
/// without both classes counts for precision and recall where defined, never for AP or ROC AUC.
MetricIntervals bootstrapIntervals(const QVector<ScoredItem> &items, double threshold, int resamples = 1000,
                                   quint64 seed = 1, double level = 0.95);

/// Whether two runs' figures can be told apart: false when either interval holds the other's estimate.
bool separable(double estimateA, const Interval &a, double estimateB, const Interval &b);

} // namespace nsfw
