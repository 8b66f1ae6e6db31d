#include "split.h"

#include <QCryptographicHash>
#include <QHash>

#include <algorithm>
#include <cmath>
#include <map>
#include <vector>

namespace nsfw {

namespace {

struct Group {
    QString key;
    QVector<SplitItem> items;
    quint64 order = 0;
    int majority() const
    {
        int nsfw = 0;
        for (const SplitItem &i : items)
            nsfw += i.label;
        return 2 * nsfw >= items.size() ? 1 : 0;
    }
};

quint64 orderKey(const QString &group, quint64 seed)
{
    QCryptographicHash h(QCryptographicHash::Sha1);
    h.addData(QByteArray::number(seed));
    h.addData(group.toUtf8());
    const QByteArray r = h.result();
    quint64 v = 0;
    for (int i = 0; i < 8; ++i)
        v = (v << 8) | quint8(r[i]);
    return v;
}

} // namespace

Split splitItems(const QVector<SplitItem> &items, double validationFraction, quint64 seed)
{
    // std::map keeps groups in key order, so the input order does not matter.
    std::map<QString, Group> groups;
    for (const SplitItem &item : items) {
        const QString key = item.group.isEmpty() ? QStringLiteral("#") + QString::number(item.itemId) : item.group;
        Group &g = groups[key];
        g.key = key;
        g.items.append(item);
    }
    QVector<Group> strata[2];
    for (auto &[key, g] : groups) {
        std::sort(g.items.begin(), g.items.end(),
                  [](const SplitItem &a, const SplitItem &b) { return a.itemId < b.itemId; });
        g.order = orderKey(key, seed);
        strata[g.majority()].append(g);
    }
    Split split;
    const double fraction = std::clamp(validationFraction, 0.0, 1.0);
    for (QVector<Group> &stratum : strata) {
        std::sort(stratum.begin(), stratum.end(), [](const Group &a, const Group &b) {
            return a.order != b.order ? a.order < b.order : a.key < b.key;
        });
        qsizetype total = 0;
        for (const Group &g : stratum)
            total += g.items.size();
        const auto target = qsizetype(std::llround(double(total) * fraction));
        qsizetype taken = 0;
        for (const Group &g : stratum) {
            // Take a group when it brings the validation side closer to its target.
            const bool take = taken < target && std::llabs(taken + g.items.size() - target) <= std::llabs(taken - target);
            if (take) {
                split.validation += g.items;
                taken += g.items.size();
            } else {
                split.train += g.items;
            }
        }
    }
    return split;
}

QVector<int> assignFolds(const QVector<SplitItem> &items, int k, quint64 seed)
{
    QVector<int> fold(items.size(), 0);
    if (k <= 1)
        return fold;
    std::map<QString, Group> groups;
    QHash<QString, QVector<int>> positions;
    for (int i = 0; i < items.size(); ++i) {
        const SplitItem &item = items[i];
        const QString key = item.group.isEmpty() ? QStringLiteral("#") + QString::number(item.itemId) : item.group;
        Group &g = groups[key];
        g.key = key;
        g.items.append(item);
        positions[key].append(i);
    }
    QVector<const Group *> strata[2];
    for (auto &[key, g] : groups) {
        g.order = orderKey(key, seed);
        strata[g.majority()].append(&g);
    }
    std::vector<qsizetype> total(size_t(k), 0);
    for (QVector<const Group *> &stratum : strata) {
        std::sort(stratum.begin(), stratum.end(), [](const Group *a, const Group *b) {
            if (a->items.size() != b->items.size())
                return a->items.size() > b->items.size();
            return a->order != b->order ? a->order < b->order : a->key < b->key;
        });
        std::vector<qsizetype> inStratum(size_t(k), 0);
        for (const Group *g : stratum) {
            int best = 0;
            for (int f = 1; f < k; ++f) {
                if (inStratum[size_t(f)] < inStratum[size_t(best)]
                    || (inStratum[size_t(f)] == inStratum[size_t(best)] && total[size_t(f)] < total[size_t(best)]))
                    best = f;
            }
            inStratum[size_t(best)] += g->items.size();
            total[size_t(best)] += g->items.size();
            for (int i : positions.value(g->key))
                fold[i] = best;
        }
    }
    return fold;
}

} // namespace nsfw
