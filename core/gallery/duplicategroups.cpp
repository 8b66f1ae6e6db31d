#include "duplicategroups.h"

#include "media/nearduplicates.h"
#include "store/duplicatedecisionstore.h"
#include "store/itemstore.h"
#include "store/mediahashstore.h"
#include "store/projectdatabase.h"

#include <algorithm>

namespace nsfw {

QVector<qint64> DuplicateGroup::ids() const
{
    QVector<qint64> list;
    list.reserve(members.size());
    for (const Item &item : members)
        list << item.id;
    return list;
}

bool labelsConflict(const QVector<Label> &labels)
{
    return labels.contains(Label::Safe) && labels.contains(Label::Nsfw);
}

void updateConflict(DuplicateGroup &group)
{
    QVector<Label> labels;
    for (const Item &item : std::as_const(group.members))
        labels << item.label;
    group.conflict = labelsConflict(labels);
}

void orderDuplicateGroups(QVector<DuplicateGroup> &groups)
{
    std::stable_sort(groups.begin(), groups.end(), [](const DuplicateGroup &a, const DuplicateGroup &b) {
        if (a.conflict != b.conflict)
            return a.conflict;
        return a.members.size() > b.members.size();
    });
}

qint64 largestMember(const DuplicateGroup &group)
{
    const Item *best = nullptr;
    for (const Item &item : group.members) {
        if (!best) {
            best = &item;
            continue;
        }
        const qint64 pixels = qint64(item.width) * item.height, bestPixels = qint64(best->width) * best->height;
        if (pixels > bestPixels || (pixels == bestPixels && item.fileSize > best->fileSize))
            best = &item; // members are in id order: on a full tie the oldest stays
    }
    return best ? best->id : 0;
}

QString nearCopyReason(qint64 keptId)
{
    return QStringLiteral("near-copy of #%1").arg(keptId);
}

DuplicateScan scanDuplicates(ProjectDatabase &db, const std::function<void(qint64, qint64)> &progress,
                             const std::function<bool()> &cancelled, const NearDuplicateRule *rule)
{
    DuplicateScan scan;
    auto stop = [&] {
        scan.cancelled = cancelled && cancelled();
        return scan.cancelled;
    };
    scan.newlyHashed = hashMissingMedia(db, progress, &scan.unreadable, &scan.error);
    if (scan.newlyHashed < 0 || stop())
        return scan;
    scan.hashedItems = MediaHashStore(db).count(&scan.error);
    if (!scan.error.isEmpty() || stop())
        return scan;
    // The pairs kept in the project, brought up to date (only what was not compared yet is compared).
    QVector<QVector<qint64>> groups;
    if (rule) {
        const QHash<qint64, PerceptualHash> hashes = MediaHashStore(db).all(&scan.error);
        const QSet<QPair<qint64, qint64>> notDuplicates = DuplicateDecisionStore(db).notDuplicates(&scan.error);
        if (scan.error.isEmpty())
            groups = groupsOfPairs(nearDuplicatePairs(hashes, {}, *rule), notDuplicates);
    } else {
        groups = projectNearDuplicateGroups(db, &scan.error);
    }
    if (!scan.error.isEmpty() || stop())
        return scan;
    ItemStore items(db);
    for (const QVector<qint64> &ids : groups) {
        DuplicateGroup group;
        for (qint64 id : ids) {
            if (const auto item = items.item(id))
                group.members << *item; // an item deleted meanwhile is simply not there
        }
        if (group.members.size() < 2)
            continue;
        updateConflict(group);
        scan.groups << group;
    }
    orderDuplicateGroups(scan.groups);
    return scan;
}

} // namespace nsfw
