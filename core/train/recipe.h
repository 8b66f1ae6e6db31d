#pragma once
// The arithmetic of the fine-tuning recipes (issue 14), free of torch so it can be tested alone: the learning-rate
// schedule, the learning rate of each depth, and label smoothing's targets. Learner applies them.

#include <QString>

namespace nsfw::recipe {

/// How the learning rate moves over a training: "constant", or "cosine": a linear warm-up from 0 over the first
/// `warmup` share of the steps, then a cosine decay from the full rate towards 0 at the end of the last step.
struct Schedule {
    QString kind = QStringLiteral("constant");
    double warmup = 0.1;

    /// The factor of the base learning rate at step `step` (0-based) of `steps`; 1 for "constant".
    double factor(int step, int steps) const;
    static bool isKnown(const QString &kind);
};

/// The learning rate of parameters `depth` blocks below the top block (0: the top one), each block down taking
/// `decay` times the rate of the one above; decay 1 gives every block the base rate.
double depthRate(double baseRate, double decay, int depth);

/// The training target of a 0/1 label under label smoothing by epsilon: y (1 - epsilon) + epsilon / 2.
double smoothedTarget(double label, double epsilon);

} // namespace nsfw::recipe
