// How scoring a folder shares the cores, batch by batch: the wide share (every core to the network, decoding paused)
// and the narrow one (half the cores, decoding beside it). The budget measures each share's network run and the
// decode workers' CPU time, predicts each share's time per picture from them, uses the faster, and measures the
// other again after a few batches (twice as many each time it is still the slower), so that a change of load
// changes the choice.
#include "model/pipelinebudget.h"

#include <QtTest>

using namespace nsfw;

namespace {

struct Cost {
    double network = 0; ///< seconds per picture of the share's network run
    double decode = 0;  ///< the decode workers' CPU seconds per picture in the batch's cycle
};

/// Runs `batches` batches of 32 through the budget, each costing what `cost` gives for its share and index; returns
/// the shares used, 'w' or 'n' per batch.
template <typename CostOf>
QString run(PipelineBudget &budget, int batches, CostOf cost)
{
    QString used;
    for (int b = 0; b < batches; ++b) {
        const PipelineBudget::Share share = budget.next();
        used += share.wide ? QLatin1Char('w') : QLatin1Char('n');
        const Cost c = cost(share, b);
        budget.finished(share, 32, 32 * c.network, 32 * c.decode);
    }
    return used;
}

/// What the 2-core machine measured on the benchmark's folder (big wallpapers among clip art), idle: one network
/// thread beside a decoder 5.5 ms a picture, two with the decoders paused 4.5 (pictures still decoding stall them),
/// decoding 6.5 ms of CPU a picture.
Cost idleMixedFolder(const PipelineBudget::Share &s, int)
{
    return {s.wide ? 0.0045 : 0.0055, 0.0065};
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
        QCOMPARE(wide.decodersBeside, 0);
        budget.finished(wide, 32, 1.0, 1.0); // the first batch: its network run is not measured
        QVERIFY(budget.next().wide);
        QCOMPARE(budget.predictedSecondsPerPicture(true), -1.0);
        budget.finished(budget.next(), 32, 1.0, 1.0);
        const PipelineBudget::Share narrow = budget.next();
        QVERIFY(!narrow.wide);
        QCOMPARE(narrow.networkThreads, 1);
        QCOMPARE(narrow.decodersBeside, 1);
    }

    void predictions()
    {
        // Decoding the bottleneck: 8 ms a picture. Wide: 8 / 2 + 3. Narrow: 5, during which one decoder does 5 of the
        // 8 ms; the other 3 are done on both cores between batches.
        PipelineBudget budget(2);
        budget.begin();
        run(budget, 3, [](const PipelineBudget::Share &s, int) { return Cost{s.wide ? 0.003 : 0.005, 0.008}; });
        QCOMPARE(budget.predictedSecondsPerPicture(true), 0.007);
        QCOMPARE(budget.predictedSecondsPerPicture(false), 0.0065);
        QVERIFY(!budget.next().wide);
        // Small pictures, 2 ms: the narrow share waits for its network, the wide one takes 1 + 3.
        PipelineBudget small(2);
        small.begin();
        run(small, 3, [](const PipelineBudget::Share &s, int) { return Cost{s.wide ? 0.003 : 0.005, 0.002}; });
        QCOMPARE(small.predictedSecondsPerPicture(true), 0.004);
        QCOMPARE(small.predictedSecondsPerPicture(false), 0.005);
        QVERIFY(small.next().wide);
    }

    void theFasterShareIsUsedAndTheOtherRetried()
    {
        // The benchmark's folder on an idle machine: narrow (5.5 + 0.5 ms against 3.25 + 4.5). The wide share is
        // tried again after 6 batches, then 12, then 24: each try finds it the slower still.
        PipelineBudget quiet(2);
        quiet.begin();
        const QString used = run(quiet, 50, idleMixedFolder);
        QCOMPARE(used, QStringLiteral("ww") + QString(6, 'n') + QLatin1Char('w') + QString(12, 'n') +
                           QLatin1Char('w') + QString(24, 'n') + QLatin1Char('w') + QString(3, 'n'));
        // Small pictures on an idle machine: the wide share, and the narrow one retried.
        PipelineBudget small(2);
        small.begin();
        const QString fast = run(small, 12, [](const PipelineBudget::Share &s, int) {
            return Cost{s.wide ? 0.003 : 0.005, 0.002};
        });
        QCOMPARE(fast, QStringLiteral("wwn") + QString(6, 'w') + QStringLiteral("nww"));
        // Other programs on the cores: the wide share's team waits at its barriers.
        PipelineBudget loaded(2);
        loaded.begin();
        const QString busy = run(loaded, 12, [](const PipelineBudget::Share &s, int) {
            return Cost{s.wide ? 0.030 : 0.012, 0.002};
        });
        QCOMPARE(busy, QStringLiteral("ww") + QString(6, 'n') + QStringLiteral("wnnn"));
        QCOMPARE(loaded.wideBatches(), 3);
        QCOMPARE(loaded.narrowBatches(), 9);
    }

    void theBatchesPicturesDoNotDecide()
    {
        // Batches of big pictures and of small ones in turn (decoding 1 or 12 ms a picture), the network as on the
        // benchmark's folder: what a batch took follows its pictures, but the budget judges by the network runs and
        // the decoding over several batches, and keeps the narrow share but for its tries of the wide one.
        PipelineBudget budget(2);
        budget.begin();
        const QString used = run(budget, 40, [](const PipelineBudget::Share &s, int b) {
            return Cost{s.wide ? 0.0045 : 0.0055, b % 2 ? 0.012 : 0.001};
        });
        QCOMPARE(used.count(QLatin1Char('w')), 2 + 2); // the start, then two tries
        QCOMPARE(budget.narrowBatches(), 36);
    }

    void aNewRunKeepsWhatWasMeasured()
    {
        PipelineBudget budget(2);
        budget.begin();
        QCOMPARE(run(budget, 6, idleMixedFolder), QStringLiteral("wwnnnn"));
        budget.begin();
        // The narrow share at once; the new run's first batch measures nothing.
        const QString used = run(budget, 3, idleMixedFolder);
        QCOMPARE(used, QStringLiteral("nnn"));
        QCOMPARE(budget.narrowBatches(), 3);
        QCOMPARE(budget.wideBatches(), 0);
    }

    void aChangeOfLoadChangesTheShare()
    {
        // Small pictures, quiet for 12 batches, then loaded: the wide share is dropped after its first batch under
        // load. Quiet again from batch 30: the wide share's next try finds it the faster, and it stays (its old
        // time does not count).
        PipelineBudget budget(2);
        budget.begin();
        const QString used = run(budget, 80, [](const PipelineBudget::Share &s, int b) {
            const bool loaded = b >= 12 && b < 30;
            return Cost{s.wide ? (loaded ? 0.030 : 0.003) : (loaded ? 0.012 : 0.005), 0.002};
        });
        QCOMPARE(used.left(13), QStringLiteral("wwn") + QString(6, 'w') + QStringLiteral("nwww"));
        QVERIFY2(used.mid(13, 17).count(QLatin1Char('n')) >= 15, qPrintable(used));
        const int back = int(used.indexOf(QString(10, 'w'), 30));
        QVERIFY2(back >= 30 && back <= 30 + PipelineBudget::kLongestWait, qPrintable(used));
    }

    void aPinnedThreadCountIsNotMeasured()
    {
        PipelineBudget budget(2, 1);
        budget.begin();
        const QString used = run(budget, 10, [](const PipelineBudget::Share &s, int) {
            return Cost{s.wide ? 0.001 : 1.0, 0.0};
        });
        QCOMPARE(used, QStringLiteral("nnnnnnnnnn"));
        QCOMPARE(budget.next().networkThreads, 1);
        QCOMPARE(budget.next().decodersBeside, 1);
        // Pinned to every core or more: one picture still decodes beside the network.
        QCOMPARE(PipelineBudget(2, 4).next().decodersBeside, 1);
    }

    void sharesOfFourCores()
    {
        // The narrow share's decoders take the cores the network leaves, so no share asks for more than the cores.
        PipelineBudget budget(4);
        budget.begin();
        const PipelineBudget::Share wide = budget.next();
        QCOMPARE(wide.networkThreads, 4);
        QCOMPARE(wide.decodersBeside, 0);
        budget.finished(wide, 32, 1.0, 1.0);
        budget.finished(budget.next(), 32, 1.0, 1.0);
        const PipelineBudget::Share narrow = budget.next();
        QVERIFY(!narrow.wide);
        QCOMPARE(narrow.networkThreads, 2);
        QCOMPARE(narrow.decodersBeside, 2);
        QCOMPARE(PipelineBudget(4, 3).next().decodersBeside, 1);
        // Two decoders beside a 3 ms network run do 6 of the 8 ms of decoding a picture; the other 2 are done on all
        // four cores between batches. Wide: 8 / 4 + 2.
        PipelineBudget measured(4);
        measured.begin();
        run(measured, 3, [](const PipelineBudget::Share &s, int) { return Cost{s.wide ? 0.002 : 0.003, 0.008}; });
        QCOMPARE(measured.predictedSecondsPerPicture(false), 0.0035);
        QCOMPARE(measured.predictedSecondsPerPicture(true), 0.004);
    }

    void oneCore()
    {
        PipelineBudget budget(1);
        budget.begin();
        QCOMPARE(budget.next().networkThreads, 1);
        budget.finished(budget.next(), 32, 1.0, 1.0);
        budget.finished(budget.next(), 32, 1.0, 1.0);
        QCOMPARE(budget.next().networkThreads, 1); // narrow: still one thread
        QVERIFY(!budget.next().wide);
    }
};

QTEST_GUILESS_MAIN(TestPipelineBudget)
#include "tst_pipelinebudget.moc"
