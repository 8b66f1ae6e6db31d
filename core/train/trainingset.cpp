#include "trainingset.h"

#include "split.h"
#include "media/nearduplicates.h"
#include "store/duplicatedecisionstore.h"
#include "store/itemstore.h"
#include "store/projectdatabase.h"

#include <QSet>

#include <algorithm>

namespace nsfw {

bool TrainingSetReader::read(ProjectDatabase &db, const TrainSettings &s, TrainingSet *set, QString *error)
{
    ItemStore items(db);
    QString problem;
    const QHash<qint64, QString> excluded = DuplicateDecisionStore(db).exclusions(&problem);
    const QHash<qint64, qint64> nearGroupOf = nearDuplicateGroupOf(db, &problem);
    if (!problem.isEmpty()) {
        *error = problem;
        return false;
    }
    QVector<Sample> labeled;
    QHash<QString, QSet<qint64>> labeledMediaOfGroup;
    for (const ItemStore::MediaRow &row : items.mediaRows()) {
        const Item &it = row.item;
        if (it.missing)
            continue;
        Sample sample;
        sample.itemId = it.id;
        Label label = it.label;
        if (label == Label::None && it.kind == ItemKind::Frame && s.inheritVideoLabels)
            label = row.parentLabel;
        sample.label = label == Label::Nsfw ? 1 : label == Label::Safe ? 0 : -1;
        const QString path = db.absolutePath(it.kind == ItemKind::Frame ? row.parentPath : it.path);
        sample.ref = MediaRef::of(it, path, row.parentHash);
        const qint64 media = it.kind == ItemKind::Frame ? it.parentId : it.id;
        if (const auto near = nearGroupOf.constFind(media); near != nearGroupOf.cend())
            sample.group = QStringLiteral("near:%1").arg(near.value());
        else
            sample.group = it.kind == ItemKind::Frame ? QStringLiteral("video:%1").arg(it.parentId)
                                                      : QStringLiteral("hash:") + it.contentHash;
        if (it.kind == ItemKind::Frame)
            set->videoFrames[it.parentId].append(it.id);
        if (sample.label >= 0 && (excluded.contains(it.id) || excluded.contains(media))) {
            ++set->excluded;
            sample.label = -1;
        }
        if (sample.label >= 0 && nearGroupOf.contains(media))
            labeledMediaOfGroup[sample.group].insert(media);
        (sample.label >= 0 ? labeled : set->unlabeled).append(sample);
    }
    // The groups of near-copies that the split holds together: two or more labeled pictures or videos in one group.
    for (const QSet<qint64> &m : std::as_const(labeledMediaOfGroup))
        set->nearDuplicateGroups += m.size() > 1 ? 1 : 0;
    qint64 nsfw = 0;
    for (const Sample &x : labeled)
        nsfw += x.label;
    const qint64 safe = labeled.size() - nsfw;
    if (s.mode == TrainSettings::Mode::Pretrained) {
        if (labeled.isEmpty()) {
            *error = tr("No labeled items: label some items safe or nsfw first.");
            return false;
        }
        set->validation = labeled;
        return true;
    }
    if (nsfw < 2 || safe < 2) {
        *error = tr("Training needs at least 2 safe and 2 nsfw items (labeled: %1 safe, %2 nsfw).").arg(safe).arg(nsfw);
        return false;
    }
    QVector<SplitItem> splitInput;
    QHash<qint64, Sample> byId;
    for (const Sample &x : labeled) {
        splitInput.append({x.itemId, x.label, x.group});
        byId.insert(x.itemId, x);
    }
    const int asked = s.effectiveFolds();
    if (asked > 1) {
        // Every fold's training side must hold both classes: no more folds than groups of the rarer class.
        QSet<QString> groups[2];
        for (const Sample &x : labeled)
            groups[x.label].insert(x.group.isEmpty() ? QString::number(x.itemId) : x.group);
        const int k = int(std::min<qsizetype>({qsizetype(asked), groups[0].size(), groups[1].size()}));
        if (k < 2) {
            *error = tr("Too few labeled items for cross-validation: every video's frames count once, and each class "
                        "needs at least 2 (labeled: %1 safe, %2 nsfw).")
                         .arg(safe)
                         .arg(nsfw);
            return false;
        }
        const QVector<int> folds = assignFolds(splitInput, k, s.seed);
        for (qsizetype i = 0; i < splitInput.size(); ++i) {
            Sample x = byId.value(splitInput[i].itemId);
            x.fold = folds[i];
            set->train.append(x);
        }
        set->folds = k;
    } else {
        const Split split = splitItems(splitInput, s.validationFraction, s.seed);
        for (const SplitItem &i : split.train)
            set->train.append(byId.value(i.itemId));
        for (const SplitItem &i : split.validation)
            set->validation.append(byId.value(i.itemId));
        if (set->validation.isEmpty() || set->train.isEmpty()) {
            *error = tr("Too few labeled items to keep a validation set apart (%1 labeled).").arg(labeled.size());
            return false;
        }
    }
    qint64 trainNsfw = 0;
    for (const Sample &x : set->train)
        trainNsfw += x.label;
    if (s.balance && trainNsfw > 0 && trainNsfw < set->train.size()) {
        set->positiveWeight = double(set->train.size()) / (2.0 * trainNsfw);
        set->negativeWeight = double(set->train.size()) / (2.0 * (set->train.size() - trainNsfw));
    }
    return true;
}

} // namespace nsfw
