#include "train/split.h"

#include <QHash>
#include <QSet>
#include <QTest>

#include <algorithm>
#include <random>

using namespace nsfw;

namespace {

QVector<SplitItem> sample()
{
    QVector<SplitItem> items;
    qint64 id = 1;
    // 300 images, 30% nsfw.
    for (int i = 0; i < 300; ++i, ++id)
        items.append({id, i % 10 < 3 ? 1 : 0, QStringLiteral("img%1").arg(id)});
    // 20 videos with 6 frames each; frames share their video's group.
    for (int v = 0; v < 20; ++v) {
        for (int f = 0; f < 6; ++f, ++id)
            items.append({id, v % 4 == 0 ? 1 : 0, QStringLiteral("video%1").arg(v)});
    }
    return items;
}

QSet<qint64> ids(const QVector<SplitItem> &items)
{
    QSet<qint64> s;
    for (const SplitItem &i : items)
        s.insert(i.itemId);
    return s;
}

double nsfwShare(const QVector<SplitItem> &items)
{
    double n = 0;
    for (const SplitItem &i : items)
        n += i.label;
    return items.isEmpty() ? 0 : n / double(items.size());
}

} // namespace

class TestSplit : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void groupsNeverStraddle()
    {
        const Split s = splitItems(sample(), 0.2, 7);
        QSet<QString> trainGroups;
        for (const SplitItem &i : s.train)
            trainGroups.insert(i.group);
        for (const SplitItem &i : s.validation)
            QVERIFY2(!trainGroups.contains(i.group), qPrintable(i.group));
        QCOMPARE(s.train.size() + s.validation.size(), sample().size());
        QCOMPARE(ids(s.train).intersect(ids(s.validation)).size(), 0);
    }

    void stratifiedAndSized()
    {
        const QVector<SplitItem> all = sample();
        const Split s = splitItems(all, 0.2, 7);
        QVERIFY(std::abs(double(s.validation.size()) / all.size() - 0.2) < 0.03);
        QVERIFY(std::abs(nsfwShare(s.validation) - nsfwShare(all)) < 0.03);
        QVERIFY(std::abs(nsfwShare(s.train) - nsfwShare(all)) < 0.03);
    }

    void deterministicForASeedWhateverTheOrder()
    {
        QVector<SplitItem> shuffled = sample();
        std::mt19937 rng(3);
        std::shuffle(shuffled.begin(), shuffled.end(), rng);
        QCOMPARE(ids(splitItems(sample(), 0.25, 42).validation), ids(splitItems(shuffled, 0.25, 42).validation));
        QVERIFY(ids(splitItems(sample(), 0.25, 42).validation) != ids(splitItems(sample(), 0.25, 43).validation));
    }

    // Cross-validation folds: each group in one fold, every fold about 1/k of the items with the class balance of the
    // whole, the same folds for a seed whatever the order.
    void foldsKeepGroupsTogether()
    {
        const QVector<SplitItem> all = sample();
        const int k = 5;
        const QVector<int> folds = assignFolds(all, k, 7);
        QCOMPARE(folds.size(), all.size());
        QHash<QString, int> foldOfGroup;
        QVector<QVector<SplitItem>> byFold(k);
        for (qsizetype i = 0; i < all.size(); ++i) {
            QVERIFY(folds[i] >= 0 && folds[i] < k);
            const auto it = foldOfGroup.constFind(all[i].group);
            if (it != foldOfGroup.cend())
                QCOMPARE(folds[i], it.value());
            foldOfGroup.insert(all[i].group, folds[i]);
            byFold[folds[i]].append(all[i]);
        }
        for (const QVector<SplitItem> &f : byFold) {
            QVERIFY2(std::abs(double(f.size()) / all.size() - 1.0 / k) < 0.03, qPrintable(QString::number(f.size())));
            QVERIFY2(std::abs(nsfwShare(f) - nsfwShare(all)) < 0.04, qPrintable(QString::number(nsfwShare(f))));
        }
    }

    void foldsDeterministicWhateverTheOrder()
    {
        QVector<SplitItem> shuffled = sample();
        std::mt19937 rng(5);
        std::shuffle(shuffled.begin(), shuffled.end(), rng);
        auto byId = [](const QVector<SplitItem> &items, const QVector<int> &folds) {
            QHash<qint64, int> m;
            for (qsizetype i = 0; i < items.size(); ++i)
                m.insert(items[i].itemId, folds[i]);
            return m;
        };
        QCOMPARE(byId(sample(), assignFolds(sample(), 5, 42)), byId(shuffled, assignFolds(shuffled, 5, 42)));
        QVERIFY(byId(sample(), assignFolds(sample(), 5, 42)) != byId(sample(), assignFolds(sample(), 5, 43)));
        // One fold: everything in fold 0.
        for (int f : assignFolds(sample(), 1, 42))
            QCOMPARE(f, 0);
    }
};

QTEST_GUILESS_MAIN(TestSplit)
#include "tst_split.moc"
