#include "train/split.h"

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
};

QTEST_GUILESS_MAIN(TestSplit)
#include "tst_split.moc"
