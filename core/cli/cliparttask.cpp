#include "cliparttask.h"

#include "gallery/duplicategroups.h"
#include "store/itemstore.h"
#include "store/projectdatabase.h"

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QSet>

#include <algorithm>

namespace nsfw::cli {

QStringList shuffledClipArt(const QStringList &categories)
{
    QStringList files;
    for (const QString &c : categories) {
        QDirIterator it(QStringLiteral("/usr/share/openclipart/png/") + c, {QStringLiteral("*.png")}, QDir::Files,
                        QDirIterator::Subdirectories);
        while (it.hasNext())
            files << it.next();
    }
    std::sort(files.begin(), files.end(), [](const QString &a, const QString &b) {
        return QCryptographicHash::hash(a.toUtf8(), QCryptographicHash::Md5)
            < QCryptographicHash::hash(b.toUtf8(), QCryptographicHash::Md5);
    });
    return files;
}

ProxySets proxySets(const QString &project, const QString &heldOutPrefix, const QString &positivePrefix)
{
    ProxySets sets;
    auto db = ProjectDatabase::open(project, ProjectDatabase::OpenMode::OpenExisting, QStringLiteral("bench"),
                                    &sets.error);
    if (!db)
        return sets;
    const DuplicateScan scan = scanDuplicates(*db);
    if (!scan.error.isEmpty()) {
        sets.error = scan.error;
        return sets;
    }
    const auto heldOut = [&](const Item &item) { return db->absolutePath(item.path).startsWith(heldOutPrefix); };
    QSet<qint64> copies;
    for (const DuplicateGroup &group : scan.groups) {
        if (std::all_of(group.members.begin(), group.members.end(), heldOut))
            continue;
        for (const Item &m : group.members) {
            if (heldOut(m))
                copies.insert(m.id);
        }
    }
    sets.copiesLeftOut = int(copies.size());
    for (const Item &item : ItemStore(*db).all()) {
        if (item.kind != ItemKind::Image || item.missing)
            continue;
        if (!heldOut(item)) {
            if (item.label == Label::Safe || item.label == Label::Nsfw) {
                sets.labeledFiles << db->absolutePath(item.path);
                sets.labeledTruth << (item.label == Label::Nsfw ? 1 : 0);
            }
        } else if (!copies.contains(item.id)) {
            const int truth = db->absolutePath(item.path).startsWith(positivePrefix) ? 1 : 0;
            sets.truth.insert(item.path, truth);
            sets.heldOutFiles << db->absolutePath(item.path);
            sets.heldOutTruth << truth;
        }
    }
    return sets;
}

} // namespace nsfw::cli
