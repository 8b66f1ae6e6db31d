#pragma once

#include <QJsonObject>
#include <QVector>

namespace nsfw {

/// One labeled item as the audit sees it: its given label and an out-of-sample p(nsfw) (from a model that did not
/// train on it).
struct AuditInput {
    qint64 itemId = 0;
    int label = 0;       ///< given: 1 nsfw, 0 safe
    double score = 0;    ///< out-of-sample p(nsfw)
};

/// An item whose label is probably wrong.
struct LabelSuspect {
    qint64 itemId = 0;
    int label = 0;       ///< given
    int suggested = 0;   ///< the label the model's confident counting puts it in
    double score = 0;    ///< how sure the audit is that the label is wrong: the model's probability of `suggested`
    double quality = 0;  ///< normalized margin of the given label (lower: more suspect)
    int rank = 0;        ///< 1 = most suspect
};

/// Confident learning (Northcutt, Jiang and Chuang, "Confident Learning: Estimating Uncertainty in Dataset Labels",
/// JAIR 2021) over out-of-sample probabilities of the two classes (p_safe = 1 - p_nsfw):
/// 1. per-class thresholds t_j = the mean probability of class j over the items labeled j;
/// 2. the confident joint C[given][true]: an item counts for the classes whose probability reaches their
///    threshold (the most probable of them when both do), not at all when none does;
/// 3. with at least 1 on the diagonal, calibrated so each row sums to the number of items with that given label, rounded preserving row totals;
/// 4. prune by noise rate: for given label i and true label j != i, the C[i][j] items labeled i with the largest
///    margin p_j - p_i are flagged (keeping at least one item per class), and an item the model still assigns to
///    its given label (p_given + 1e-6 >= p_other) is never flagged;
/// 5. suspects ranked by the normalized margin of the given label, (p_given - max p_other + 1) / 2, lowest first.
/// The estimated number of label errors is the calibrated joint's off-diagonal sum.
struct LabelAudit {
    double thresholds[2] = {0, 0};     ///< t_safe, t_nsfw
    qint64 confidentJoint[2][2] = {};  ///< [given][true], as counted
    qint64 calibratedJoint[2][2] = {}; ///< [given][true], calibrated and rounded
    qint64 items = 0;
    qint64 estimatedErrors = 0;
    QVector<LabelSuspect> suspects;    ///< most suspect first

    static LabelAudit compute(const QVector<AuditInput> &items);
    QJsonObject toJson() const; ///< the figures, without the suspects
};

} // namespace nsfw
