#pragma once

#include "common/types.h"
#include "media/nearduplicates.h"

#include <QCoreApplication>
#include <QStringList>
#include <QVector>

#include <functional>

namespace nsfw {

class ProjectDatabase;

/// One group of near-copies as a person reviews it: its members (id order) and whether their labels contradict.
struct DuplicateGroup {
    QVector<Item> members;
    bool conflict = false; ///< members labeled both safe and nsfw

    /// What names the group while its members stay: its smallest item id.
    qint64 key() const { return members.isEmpty() ? 0 : members.first().id; }
    QVector<qint64> ids() const;
};

/// Whether labels contradict each other as training would take them: safe and nsfw among them (unsure and unlabeled
/// items are left out of training, so they contradict nothing).
bool labelsConflict(const QVector<Label> &labels);
/// Recomputes each group's conflict flag from its members' labels.
void updateConflict(DuplicateGroup &group);
/// Conflicts first, then the largest; the order among equals is kept (nearDuplicateGroups: largest first, then
/// by smallest id).
void orderDuplicateGroups(QVector<DuplicateGroup> &groups);
/// The member to keep when a group is kept once: the largest picture (pixels), then the largest file, then the
/// oldest item.
qint64 largestMember(const DuplicateGroup &group);
/// The reason stored with an item kept out of training because it copies `keptId` ("near-copy of #12"). Stored, not
/// shown translated: every user of a shared project, and the command line, reads the same words.
QString nearCopyReason(qint64 keptId);

/// What a duplicate scan found.
struct DuplicateScan {
    QVector<DuplicateGroup> groups; ///< ordered by orderDuplicateGroups
    qint64 hashedItems = 0;         ///< images and videos with a perceptual hash
    qint64 newlyHashed = 0;         ///< of which this scan computed
    QStringList unreadable;         ///< "path: reason" of the files that could not be hashed
    bool cancelled = false;
    QString error; ///< the database failed: nothing else is set
};

/// The whole duplicate pass on one connection, in the calling thread: computes the perceptual hashes the project
/// lacks (hashMissingMedia, reporting progress), groups the hashed items by the tool's rule less the pairs people
/// said are not copies, reads the members and orders the groups. cancelled() is asked between the steps.
/// With `rule`, the pairs are found by that rule afresh rather than taken from those kept in the project.
DuplicateScan scanDuplicates(ProjectDatabase &db, const std::function<void(qint64 done, qint64 total)> &progress = {},
                             const std::function<bool()> &cancelled = {}, const NearDuplicateRule *rule = nullptr);

} // namespace nsfw
