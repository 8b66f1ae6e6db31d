#pragma once

#include "perceptualhash.h"

#include <QHash>
#include <QSet>
#include <QStringList>
#include <QVector>

#include <functional>

namespace nsfw {

class ProjectDatabase;

/// When two pictures are near-copies, from their perceptual hashes. The pHash distance (the closer of the whole and
/// the trimmed views) picks a band: the same pHash; within farBits, where the best-aligned views' correlation
/// decides (a caption, a crop); beyond, where only the trimmed thumbnails correlated almost perfectly will do. And the
/// colours must be close in the mean and in every cell of the grid (two drawings from one template, a red and a green
/// traffic light, differ in one cell). Pictures with hardly any detail need the same pHash. The thresholds are the ones
/// `benchmark duplicates` measured best on its corpora of edited copies of seeds 1 to 3, checked on seeds 4 to 6
/// (README: Near-duplicates).
struct NearDuplicateRule {
    int nearBits = 0;                  ///< pHash distance at most this: the colours decide alone
    int farBits = 20;                  ///< nearBits < distance <= farBits ...
    float farCorrelation = 0.89f;      ///< ... needs this correlation of the best-aligned views (viewCorrelation)
    float beyondCorrelation = 0.95f;   ///< beyond farBits: the trimmed thumbnails' correlation needed
    float maxChromaDistance = 14.f;    ///< mean colour distance of the grid cells, the closer view ...
    float maxChromaCellDistance = 30.f; ///< ... and its farthest cell
    /// Pictures with less detail than this (PerceptualHash::detail: a patch of sky, a blurred background) look
    /// alike on every view; a pair with one of them needs the same pHash.
    float minDetail = 3.f;

    bool matches(const PerceptualHash &a, const PerceptualHash &b) const;
    /// Names the rule and the way of hashing, for stored pairs: they hold for this name only.
    QString name() const;
};

/// The pairs the rule takes among hashed items, each as (smaller id, larger id), in no particular order: every pair
/// within `fresh` and between `fresh` and the other items (all of them when `fresh` is empty), so that a new import
/// is compared to the project without comparing the project to itself again. In big sets, pictures without detail
/// are looked up by pieces of their pHash (they match only within nearBits); the others take bounds of the
/// thumbnails' correlations from blocked matrix products (BLAS), then the pHash bands on those above the lowest
/// correlation any band needs, then the rule itself on the survivors: the same pairs as the rule on every pair, at a
/// fraction of the cost.
/// `blockedFrom`: how many pairs make a set big (tests lower it).
QVector<QPair<qint64, qint64>> nearDuplicatePairs(const QHash<qint64, PerceptualHash> &hashes,
                                                  const QVector<qint64> &fresh = {}, const NearDuplicateRule &rule = {},
                                                  qint64 blockedFrom = 4'000'000);

/// The connected components of pairs (item ids), less the pairs a person said are not duplicates. Groups of two or
/// more, each in id order; the largest first.
QVector<QVector<qint64>> groupsOfPairs(const QVector<QPair<qint64, qint64>> &pairs,
                                       const QSet<QPair<qint64, qint64>> &notDuplicates = {});

/// Groups of near-copies among hashed items: the connected components of the pairs the rule takes, less the pairs a
/// person said are not duplicates. Groups of two or more, each in id order; the largest first.
QVector<QVector<qint64>> nearDuplicateGroups(const QHash<qint64, PerceptualHash> &hashes,
                                             const NearDuplicateRule &rule = {},
                                             const QSet<QPair<qint64, qint64>> &notDuplicates = {});

/// The near-copy groups of a project by the default rule, less the pairs people said are not copies, from the
/// stored hashes (see hashMissingMedia). The pairs found are kept in the project: only the hashes not compared yet
/// are compared, with each other and with the rest, and what they find is stored for next time. Groups of two or
/// more, each in id order, the largest first; empty with *error when the database failed.
QVector<QVector<qint64>> projectNearDuplicateGroups(ProjectDatabase &db, QString *error);

/// The near-duplicate groups of a project, as training and evaluation hold them together: every hashed image or video
/// that has near-copies -> its group's smallest item id. From the stored hashes (see hashMissingMedia), less the
/// pairs people said are not copies. Empty with *error when the database failed.
QHash<qint64, qint64> nearDuplicateGroupOf(ProjectDatabase &db, QString *error);

/// Computes the perceptual hashes a project lacks (items imported before hashes existed, or hashed by another
/// version), with the health measures from the same decode: DatasetHealth::measureMissing. Files that cannot be read
/// are left out, each with its reason in `unreadable`. Returns how many items were measured, -1 with *error when the
/// database failed.
qint64 hashMissingMedia(ProjectDatabase &db, const std::function<void(qint64 done, qint64 total)> &progress,
                        QStringList *unreadable, QString *error);

} // namespace nsfw
