#pragma once

#include <QHash>
#include <QString>
#include <QStringList>
#include <QVector>

namespace nsfw::cli {

/// The PNG files of Debian's openclipart-png under the given categories, in a fixed, content-independent shuffle
/// (the same files on every machine), for the benchmarks' proxy tasks.
QStringList shuffledClipArt(const QStringList &categories);

/// A proxy task's pictures as its project holds them: the labeled ones (safe 0, nsfw 1) and the held-out ones (stored
/// under a folder of their own, unlabeled, their truth from their path), so a probe on the files and a run's scores
/// are judged on the same pictures. Clip art repeats itself: one file under two names (the import keeps one item) and
/// series drawn from one template. A held-out picture that copies or nearly copies a labeled one, by the tool's own
/// near-copy rule (scanDuplicates), is left out: it would be judged on what it was taught.
struct ProxySets {
    QStringList labeledFiles; ///< absolute paths
    QVector<int> labeledTruth;
    QStringList heldOutFiles; ///< absolute paths
    QVector<int> heldOutTruth;
    QHash<QString, int> truth; ///< the held-out items' stored paths and their truth
    int copiesLeftOut = 0;     ///< held-out items left out as copies of labeled ones
    QString error;             ///< the project could not be read; nothing else is set
};

/// The sets of the project at `project` (a file or a postgresql:// URL): held-out items are the pictures whose
/// absolute path starts with `heldOutPrefix`, positive when it starts with `positivePrefix`.
ProxySets proxySets(const QString &project, const QString &heldOutPrefix, const QString &positivePrefix);

} // namespace nsfw::cli
