// WorkQueue on both backends: what is queued (a run's scores, a model's features), claims that never overlap, leases
// renewed and taken over, results written once; on a server, a claim skips a chunk another transaction holds instead of waiting for it.
#include "store/itemstore.h"
#include "store/projectdatabase.h"
#include "store/projectfeatures.h"
#include "store/runlock.h"
#include "store/runstore.h"
#include "store/workqueue.h"
#include "testsupport.h"

#include <QElapsedTimer>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <set>

using namespace nsfw;

class TestWorkQueue : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    struct Project {
        std::unique_ptr<ProjectDatabase> db;
        qint64 run = 0;
        QVector<qint64> images; ///< the images without a score, in id order
        qint64 scoredImage = 0;
        qint64 video = 0;
        qint64 frame = 0;
    };

    /// Seven images (one already scored by the run), a video whose file is missing and a frame of it, a finished run.
    Project fresh()
    {
        Project p;
        QString error;
        p.db = ProjectDatabase::open(test::freshProjectLocation(test::currentBackend(), m_dir),
                                     ProjectDatabase::OpenMode::CreateNew, QStringLiteral("t"), &error);
        if (!p.db) {
            qWarning() << error;
            return p;
        }
        ItemStore items(*p.db);
        for (int i = 0; i < 7; ++i) {
            Item it;
            it.path = QStringLiteral("%1.png").arg(i);
            it.contentHash = QStringLiteral("h%1").arg(i);
            p.images << items.insert(it, &error);
        }
        Item video;
        video.kind = ItemKind::Video;
        video.path = QStringLiteral("v.mp4");
        video.contentHash = QStringLiteral("v");
        const qint64 videoId = items.insert(video, &error);
        p.video = videoId;
        items.setMissing(videoId, true);
        Item frame;
        frame.kind = ItemKind::Frame;
        frame.parentId = videoId;
        frame.frameIndex = 0;
        frame.timestampMs = 0;
        p.frame = items.insert(frame, &error);
        RunStore runs(*p.db);
        RunLock lock(*p.db);
        if (!lock.tryAcquire(&error))
            qWarning() << error;
        p.run = runs.create({}, QStringLiteral("m"), lock, &error);
        runs.finish(p.run, QStringLiteral("finished"));
        p.scoredImage = p.images.takeAt(3);
        runs.setItemScores(p.run, {{p.scoredImage, 0.25f}});
        return p;
    }

private Q_SLOTS:
    void initTestCase_data() { test::addBackendRows(); }
    void init() { NSFW_REQUIRE_BACKEND(test::currentBackend()); }

    void queuesTheRunsUnscoredImagesOnce()
    {
        Project p = fresh();
        QVERIFY(p.db && p.run > 0);
        WorkQueue a(*p.db, QStringLiteral("a"));
        QString error;
        QCOMPARE(a.enqueueScoring(p.run, QStringLiteral("key"), 4, &error), 2); // six images: 4 + 2
        // A second worker joins the queued work rather than queueing it again.
        QCOMPARE(a.enqueueScoring(p.run, QStringLiteral("key"), 4, &error), 0);
        QCOMPARE(a.enqueueScoring(p.run + 100, QStringLiteral("key"), 4, &error), -1);
        QVERIFY(error.contains(QStringLiteral("no run")));
        const auto first = a.claim(p.run, 60'000, &error);
        QVERIFY2(first, qPrintable(error));
        QCOMPARE(first->itemIds, p.images.mid(0, 4));
        QCOMPARE(first->modelKey, QStringLiteral("key"));
        QCOMPARE(first->attempts, 1);
        QVERIFY(first->previousWorker.isEmpty());
        WorkQueue b(*p.db, QStringLiteral("b"));
        const auto second = b.claim(p.run, 60'000, &error);
        QVERIFY(second);
        QCOMPARE(second->itemIds, p.images.mid(4)); // the video, its frame and the scored image are not queued
        QVERIFY(!b.claim(p.run, 60'000, &error));   // both held, leases running
        QVERIFY(error.isEmpty());
        const WorkSummary s = a.summary(p.run);
        QCOMPARE(s.queued, 0);
        QCOMPARE(s.claimed, 2);
        QCOMPARE(s.done, 0);
        // What the worker reads of the chunk's items.
        const QVector<WorkItem> items = a.items(first->itemIds);
        QCOMPARE(items.size(), 4);
        QCOMPARE(items[1].id, p.images[1]);
        QCOMPARE(items[1].storedPath, QStringLiteral("1.png"));
        QCOMPARE(items[1].key, QStringLiteral("h1"));
        QVERIFY(items[1].kind == ItemKind::Image);
    }

    void framesAreQueuedWhenTheirVideoIsThere()
    {
        Project p = fresh();
        QVERIFY(p.db && p.run > 0);
        QVERIFY(ItemStore(*p.db).setMissing(p.video, false));
        WorkQueue a(*p.db, QStringLiteral("a"));
        QString error;
        QCOMPARE(a.enqueueScoring(p.run, QStringLiteral("key"), 100, &error), 1);
        const auto chunk = a.claim(p.run, 60'000, &error);
        QVERIFY2(chunk, qPrintable(error));
        QCOMPARE(chunk->itemIds, p.images + QVector<qint64>{p.frame}); // the frame, never the video itself
        // A frame is read from its video and keyed as MediaRef::of keys it ("<video hash>_<frame index>").
        const QVector<WorkItem> items = a.items({p.frame, p.images[0], 999'999});
        QCOMPARE(items.size(), 2); // in the order asked; an item since deleted is left out
        QCOMPARE(items[0].id, p.frame);
        QVERIFY(items[0].kind == ItemKind::Frame);
        QCOMPARE(items[0].storedPath, QStringLiteral("v.mp4"));
        QCOMPARE(items[0].key, QStringLiteral("v_0"));
        QCOMPARE(items[0].frameIndex, qint64(0));
        QCOMPARE(items[1].id, p.images[0]);
        // Feature work takes frames too, and not one whose features are stored under its key.
        QVERIFY(ProjectFeatures(*p.db).store(QStringLiteral("m"), {{QStringLiteral("v_0"), {1.0f}}}));
        QCOMPARE(a.enqueueFeatures(QStringLiteral("m"), 100, &error), 1);
        QCOMPARE(a.claimFeatures(QStringLiteral("m"), 60'000, &error)->itemIds.size(), 7); // the seven images
        QCOMPARE(a.enqueueFeatures(QStringLiteral("other"), 100, &error), 1);
        QCOMPARE(a.claimFeatures(QStringLiteral("other"), 60'000, &error)->itemIds.last(), p.frame);
    }

    void leasesAreRenewedOrTakenOver()
    {
        Project p = fresh();
        QVERIFY(p.db && p.run > 0);
        WorkQueue a(*p.db, QStringLiteral("a")), b(*p.db, QStringLiteral("b"));
        QString error;
        QCOMPARE(a.enqueueScoring(p.run, QStringLiteral("key"), 100, &error), 1);
        const auto held = a.claim(p.run, 300, &error);
        QVERIFY(held);
        QVERIFY(a.renew(held->id, 300));
        QVERIFY(!b.renew(held->id, 300)); // not b's
        QVERIFY(!b.claim(p.run, 300, &error));
        // a goes silent: once its lease runs out (on the database's clock) b takes the chunk over.
        QThread::msleep(400);
        const auto taken = b.claim(p.run, 60'000, &error);
        QVERIFY2(taken, qPrintable(error));
        QCOMPARE(taken->id, held->id);
        QCOMPARE(taken->previousWorker, QStringLiteral("a"));
        QCOMPARE(taken->attempts, 2);
        QVERIFY(!a.renew(held->id, 300)); // a learns it lost the chunk
        // a wakes up and finishes late: nothing of it is written. b's scores are.
        QVector<ItemScore> late, scores;
        for (qint64 id : held->itemIds) {
            late.append({id, 0.5f});
            scores.append({id, float(id) / 100.0f});
        }
        QCOMPARE(a.completeScoring(*held, late, {}, &error), WorkQueue::Completion::Lost);
        RunStore runs(*p.db);
        QCOMPARE(runs.itemScores(p.run).size(), 1); // only the image scored before
        const QVector<UnreadableItem> unreadable{
            {held->itemIds.last(), QStringLiteral("6.png"), QStringLiteral("bad")}};
        scores.removeLast();
        QCOMPARE(b.completeScoring(*taken, scores, unreadable, &error), WorkQueue::Completion::Done);
        QHash<qint64, float> stored;
        for (const ItemScore &s : runs.itemScores(p.run))
            stored.insert(s.itemId, s.score);
        QCOMPARE(stored.size(), 6);
        for (const ItemScore &s : scores)
            QCOMPARE(stored.value(s.itemId, -1), s.score);
        // Done is done: no second completion, no claim, and the queue tells what happened.
        QCOMPARE(b.completeScoring(*taken, scores, {}, &error), WorkQueue::Completion::Lost);
        QVERIFY(!a.claim(p.run, 300, &error));
        const WorkSummary s = a.summary(p.run);
        QCOMPARE(s.done, 1);
        QCOMPARE(s.claimed, 0);
        QCOMPARE(s.scored, qint64(5));
        QCOMPARE(s.unreadable, qint64(1));
        // A later worker queues what is still unscored (the unreadable image) again.
        QCOMPARE(a.enqueueScoring(p.run, QStringLiteral("key"), 100, &error), 1);
        QCOMPARE(a.claim(p.run, 300, &error)->itemIds, QVector<qint64>{held->itemIds.last()});
    }

    void featureWorkIsTheModelsNotARuns()
    {
        Project p = fresh();
        QVERIFY(p.db && p.run > 0);
        WorkQueue a(*p.db, QStringLiteral("a")), b(*p.db, QStringLiteral("b"));
        QString error;
        // Every image (the scored one too: features are not scores), not the video or its frame.
        QCOMPARE(a.enqueueFeatures(QStringLiteral("m1"), 4, &error), 2);
        QCOMPARE(b.enqueueFeatures(QStringLiteral("m1"), 4, &error), 0); // under way: b joins it
        QVERIFY(!a.claim(p.run, 60'000, &error));                        // no scoring work
        QVERIFY(!a.claimFeatures(QStringLiteral("m2"), 60'000, &error)); // another model has none
        const auto first = a.claimFeatures(QStringLiteral("m1"), 300, &error);
        QVERIFY2(first, qPrintable(error));
        QCOMPARE(first->runId, qint64(0));
        QCOMPARE(first->modelKey, QStringLiteral("m1"));
        QCOMPARE(first->itemIds.size(), 4);
        const auto second = b.claimFeatures(QStringLiteral("m1"), 60'000, &error);
        QVERIFY(second);
        QCOMPARE(second->itemIds.size(), 3);
        QHash<QString, std::vector<float>> computed;
        for (const WorkItem &it : b.items(second->itemIds, &error))
            computed.insert(it.key, {float(it.id), 1.0f, -2.5f});
        QCOMPARE(b.completeFeatures(*second, computed, {}, &error), WorkQueue::Completion::Done);
        // a goes silent: b takes its chunk over once the lease ran out; a's late results are not written.
        QThread::msleep(400);
        const auto taken = b.claimFeatures(QStringLiteral("m1"), 60'000, &error);
        QVERIFY2(taken, qPrintable(error));
        QCOMPARE(taken->id, first->id);
        QCOMPARE(taken->previousWorker, QStringLiteral("a"));
        QHash<qint64, QString> firstKeys;
        for (const WorkItem &it : a.items(first->itemIds, &error))
            firstKeys.insert(it.id, it.key);
        QHash<QString, std::vector<float>> late, theirs;
        for (qint64 id : first->itemIds) {
            late.insert(firstKeys.value(id), {0.0f});
            theirs.insert(firstKeys.value(id), {float(id), 2.0f, 3.0f});
        }
        QCOMPARE(a.completeFeatures(*first, late, {}, &error), WorkQueue::Completion::Lost);
        const QVector<UnreadableItem> unreadable{{first->itemIds.last(), QStringLiteral("x.png"), QStringLiteral("bad")}};
        theirs.remove(firstKeys.value(first->itemIds.last()));
        QCOMPARE(b.completeFeatures(*taken, theirs, unreadable, &error), WorkQueue::Completion::Done);
        const WorkSummary s = a.featureSummary(QStringLiteral("m1"));
        QCOMPARE(s.done, 2);
        QCOMPARE(s.scored, qint64(6));
        QCOMPARE(s.unreadable, qint64(1));
        QCOMPARE(a.summary(p.run).done, 0); // the run's scoring queue is another job
        // What was written is what workers computed, under the model's key only.
        ProjectFeatures stored(*p.db);
        QCOMPARE(stored.count(QStringLiteral("m1")), qint64(6));
        QCOMPARE(stored.count(QStringLiteral("m2")), qint64(0));
        const auto back = stored.load(QStringLiteral("m1"), computed.keys() + theirs.keys(), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(back.size(), 6);
        for (auto it = computed.cbegin(); it != computed.cend(); ++it)
            QVERIFY(back.value(it.key()) == it.value());
        for (auto it = theirs.cbegin(); it != theirs.cend(); ++it)
            QVERIFY(back.value(it.key()) == it.value());
        // A later worker queues what still has none (the unreadable image), for this model only.
        QCOMPARE(a.enqueueFeatures(QStringLiteral("m1"), 4, &error), 1);
        QCOMPARE(a.claimFeatures(QStringLiteral("m1"), 300, &error)->itemIds,
                 QVector<qint64>{first->itemIds.last()});
        QCOMPARE(a.enqueueFeatures(QStringLiteral("m2"), 100, &error), 1);
    }

    void aClaimDoesNotWaitForAnotherClaim()
    {
        Project p = fresh();
        QVERIFY(p.db && p.run > 0);
        if (test::currentBackend() == QLatin1String("sqlite")) {
            // On a file the database's write lock orders the claims of the processes of this machine: while another
            // holds it a claim is refused as busy (nothing claimed), and goes through once it is released.
            WorkQueue a(*p.db, QStringLiteral("a"));
            QString error;
            QCOMPARE(a.enqueueScoring(p.run, QStringLiteral("key"), 3, &error), 2);
            {
                QSqlDatabase other = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("other"));
                other.setDatabaseName(p.db->connectionText());
                QVERIFY(other.open());
                QSqlQuery q(other);
                QVERIFY2(q.exec(QStringLiteral("BEGIN IMMEDIATE")), qPrintable(q.lastError().text()));
                QVERIFY(p.db->setBusyTimeout(50));
                QVERIFY(!a.claim(p.run, 60'000, &error));
                QVERIFY(!error.isEmpty());
                QVERIFY(p.db->lastErrorWasBusy());
                QVERIFY(q.exec(QStringLiteral("ROLLBACK")));
                const auto chunk = a.claim(p.run, 60'000, &error);
                QVERIFY2(chunk, qPrintable(error));
                QCOMPARE(chunk->itemIds, p.images.mid(0, 3));
            }
            QSqlDatabase::removeDatabase(QStringLiteral("other"));
            return;
        }
        // On a server a claim skips the chunk another transaction is claiming (FOR UPDATE SKIP LOCKED).
        WorkQueue a(*p.db, QStringLiteral("a"));
        QString error;
        QCOMPARE(a.enqueueScoring(p.run, QStringLiteral("key"), 3, &error), 2);
        // Another client is in the middle of claiming the first chunk: its row is locked.
        QVERIFY2(test::addPostgresConnection(p.db->connectionText(), QStringLiteral("other"), &error),
                 qPrintable(error));
        {
            QSqlDatabase other = QSqlDatabase::database(QStringLiteral("other"));
            QSqlQuery q(other);
            QVERIFY(q.exec(QStringLiteral("BEGIN")));
            QVERIFY2(q.exec(QStringLiteral("SELECT id FROM work_chunks ORDER BY id LIMIT 1 FOR UPDATE")),
                     qPrintable(q.lastError().text()));
            QVERIFY(q.next());
            const qint64 lockedId = q.value(0).toLongLong();
            QElapsedTimer clock;
            clock.start();
            const auto chunk = a.claim(p.run, 60'000, &error);
            QVERIFY2(chunk, qPrintable(error));
            QVERIFY(chunk->id != lockedId);
            QCOMPARE(chunk->itemIds, p.images.mid(3));
            QVERIFY(!a.claim(p.run, 60'000, &error)); // the locked one is skipped, not waited for
            QVERIFY(clock.elapsed() < 5000);
            QVERIFY(q.exec(QStringLiteral("ROLLBACK")));
            // Released: it is claimable again.
            const auto next = a.claim(p.run, 60'000, &error);
            QVERIFY(next);
            QCOMPARE(next->id, lockedId);
        }
        QSqlDatabase::removeDatabase(QStringLiteral("other"));
    }
};

QTEST_GUILESS_MAIN(TestWorkQueue)
#include "tst_workqueue.moc"
