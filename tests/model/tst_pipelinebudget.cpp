// How scoring a folder shares the cores, batch by batch: the wide share (every core to the network, decoding paused)
// and the narrow one (half the cores, decoding beside it) are each measured, the faster is used, and the slower is
// measured again after a few batches (twice as many each time it is still the slower), so that a change of load
// changes the choice.
#include "model/pipelinebudget.h"

#include <QtTest>

using namespace nsfw;

namespace {

/// Runs `batches` batches through the budget, each share taking the seconds per picture `cost` gives it; returns
/// the shares used, 'w' or 'n' per batch.
template <typename Cost>
QString run(PipelineBudget &budget, int batches, Cost cost)
{
    QString used;
    for (int b = 0; b < batches; ++b) {
        const PipelineBudget::Share share = budget.next();
        used += share.wide ? QLatin1Char('w') : QLatin1Char('n');
        budget.finished(share, 32, 32 * cost(share, b));
    }
    return used;
}

} // namespace

class TestPipelineBudget : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sharesOfTwoCores()
    {
        PipelineBudget budget(2);
        budget.begin();
        const PipelineBudget::Share wide = budget.next();
        QVERIFY(wide.wide);
        QCOMPARE(wide.networkThreads, 2);
        QVERIFY(wide.pauseDecoding);
        budget.finished(wide, 32, 1.0); // the first batch: not measured
        QVERIFY(budget.next().wide);
        budget.finished(budget.next(), 32, 1.0);
        const PipelineBudget::Share narrow = budget.next();
        QVERIFY(!narrow.wide);
        QCOMPARE(narrow.networkThreads, 1);
        QVERIFY(!narrow.pauseDecoding);
    }

    void theFasterShareIsUsedAndTheOtherRetried()
    {
        // An idle machine: the wide share takes 7 ms a picture, the narrow one 10. The narrow one is tried again after
        // 6 batches, then 12, then 24: each try finds it the slower still.
        PipelineBudget quiet(2);
        quiet.begin();
        const QString used = run(quiet, 50, [](const PipelineBudget::Share &s, int) { return s.wide ? 0.007 : 0.010; });
        QCOMPARE(used, QStringLiteral("wwn") + QString(6, 'w') + QLatin1Char('n') + QString(12, 'w') +
                           QLatin1Char('n') + QString(24, 'w') + QLatin1Char('n') + QString(2, 'w'));
        // Other programs on the cores: the wide share's team waits at its barriers, 30 ms a picture against 20.
        PipelineBudget loaded(2);
        loaded.begin();
        const QString busy = run(loaded, 20, [](const PipelineBudget::Share &s, int) { return s.wide ? 0.030 : 0.020; });
        QCOMPARE(busy, QStringLiteral("wwnnnnnnwnnnnnnnnnnn"));
        QCOMPARE(loaded.wideBatches(), 3);
        QCOMPARE(loaded.narrowBatches(), 17);
    }

    void aNewRunKeepsWhatWasMeasured()
    {
        PipelineBudget budget(2);
        budget.begin();
        auto cost = [](const PipelineBudget::Share &s, int) { return s.wide ? 0.030 : 0.020; };
        run(budget, 10, cost);
        budget.begin();
        // The narrow share at once; the new run's first batch measures nothing.
        const QString used = run(budget, 5, cost);
        QCOMPARE(used, QStringLiteral("nnnnn"));
        QCOMPARE(budget.narrowBatches(), 5);
        QCOMPARE(budget.wideBatches(), 0);
    }

    void aChangeOfLoadChangesTheShare()
    {
        // Quiet for 12 batches, then loaded: the wide share is dropped within two of its batches. Quiet again from
        // batch 30: the wide share's next try finds it the faster, and it stays (its old time does not count).
        PipelineBudget budget(2);
        budget.begin();
        const QString used = run(budget, 60, [](const PipelineBudget::Share &s, int b) {
            const bool loaded = b >= 12 && b < 30;
            return s.wide ? (loaded ? 0.040 : 0.007) : (loaded ? 0.020 : 0.010);
        });
        QCOMPARE(used.left(12), QStringLiteral("wwnwwwwwwnww"));
        QVERIFY2(used.mid(14, 16).count(QLatin1Char('n')) >= 12, qPrintable(used));
        const int back = int(used.indexOf(QString(10, 'w'), 30));
        QVERIFY2(back >= 30 && back <= 30 + PipelineBudget::kLongestWait, qPrintable(used));
    }

    void aPinnedThreadCountIsNotMeasured()
    {
        PipelineBudget budget(2, 1);
        budget.begin();
        const QString used = run(budget, 10, [](const PipelineBudget::Share &s, int) { return s.wide ? 0.001 : 1.0; });
        QCOMPARE(used, QStringLiteral("nnnnnnnnnn"));
        QCOMPARE(budget.next().networkThreads, 1);
        QVERIFY(!budget.next().pauseDecoding);
    }

    void oneCore()
    {
        PipelineBudget budget(1);
        budget.begin();
        QCOMPARE(budget.next().networkThreads, 1);
        budget.finished(budget.next(), 32, 1.0);
        budget.finished(budget.next(), 32, 1.0);
        QCOMPARE(budget.next().networkThreads, 1); // narrow: still one thread
        QVERIFY(!budget.next().wide);
    }
};

QTEST_GUILESS_MAIN(TestPipelineBudget)
#include "tst_pipelinebudget.moc"
