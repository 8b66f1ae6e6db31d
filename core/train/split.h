#pragma once

#include <QString>
#include <QVector>

namespace nsfw {

/// One labeled item as the split sees it.
struct SplitItem {
    qint64 itemId = 0;
    int label = 0;  ///< 1 = nsfw, 0 = safe
    QString group;  ///< items of one group land on one side (the frames of a video, exact duplicates)
};

struct Split {
    QVector<SplitItem> train;
    QVector<SplitItem> validation;
};

/// Splits labeled items into training and validation: whole groups go to one side, stratified by each
/// group's majority label so both sides keep the class balance, deterministic for a seed (the same
/// items and seed give the same split, whatever their order).
Split splitItems(const QVector<SplitItem> &items, double validationFraction, quint64 seed);

/// Assigns labeled items to k folds for cross-validation: whole groups go to one fold, stratified by each group's
/// majority label (largest groups first, each to the fold holding the fewest items of its class so far; equal sizes in
/// an order drawn from the seed), deterministic for a seed whatever the items' order. Returns the fold (0..k-1) of
/// each item, in the items' order.
QVector<int> assignFolds(const QVector<SplitItem> &items, int k, quint64 seed);

} // namespace nsfw
