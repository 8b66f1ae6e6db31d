#pragma once

#include <QJsonObject>
#include <QMetaType>
#include <QVector>

namespace nsfw {

/// The counts and rates of a binary decision at one threshold (positive = nsfw, predicted when
/// score >= threshold).
struct ConfusionMatrix {
    double threshold = 0.5;
    qint64 tp = 0;
    qint64 fp = 0;
    qint64 tn = 0;
    qint64 fn = 0;

    qint64 total() const { return tp + fp + tn + fn; }
    double precision() const { return tp + fp > 0 ? double(tp) / double(tp + fp) : 1.0; }
    double recall() const { return tp + fn > 0 ? double(tp) / double(tp + fn) : 0.0; }
    double f1() const;
    double accuracy() const { return total() > 0 ? double(tp + tn) / double(total()) : 0.0; }
    double falsePositiveRate() const { return fp + tn > 0 ? double(fp) / double(fp + tn) : 0.0; }
    QJsonObject toJson() const;
    static ConfusionMatrix fromJson(const QJsonObject &o);
};

/// One point of the precision-recall and ROC curves: the decision at one distinct score.
struct CurvePoint {
    double threshold = 0;
    qint64 tp = 0;
    qint64 fp = 0;
    double precision = 1;
    double recall = 0;
    double fpr = 0;
};

/// Precision-recall and ROC curves of a list of scores, with the summary numbers computed exactly as
/// scikit-learn does (average_precision_score, roc_auc_score): tied scores form one point.
struct PrCurve {
    QVector<CurvePoint> points; ///< by decreasing threshold; one per distinct score
    qint64 positives = 0;
    qint64 negatives = 0;
    double averagePrecision = 0; ///< sum over points of (R_n - R_{n-1}) * P_n
    double rocAuc = 0;           ///< trapezoids under (fpr, tpr), NaN with only one class

    static PrCurve compute(const QVector<float> &scores, const QVector<int> &labels);
    /// The confusion matrix at a threshold (counts from the curve; exact for any threshold).
    ConfusionMatrix confusionAt(double threshold) const;
    /// The highest threshold whose recall reaches minRecall, or the lowest whose precision reaches
    /// minPrecision (most recall at that precision); -1 when no point qualifies.
    double thresholdForRecall(double minRecall) const;
    double thresholdForPrecision(double minPrecision) const;
    QJsonObject toJson(int maxPoints = 200) const;
    static PrCurve fromJson(const QJsonObject &o);
};

} // namespace nsfw

Q_DECLARE_METATYPE(nsfw::ConfusionMatrix)
Q_DECLARE_METATYPE(nsfw::PrCurve)
