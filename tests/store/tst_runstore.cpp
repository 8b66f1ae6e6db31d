#include "store/itemstore.h"
#include "store/projectdatabase.h"
#include "store/runlock.h"
#include "store/runstore.h"
#include "testsupport.h"

#include <QSqlQuery>
#include <QSysInfo>
#include <QTemporaryDir>
#include <QTest>

using namespace nsfw;

class TestRunStore : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    int m_n = 0;

    std::unique_ptr<ProjectDatabase> fresh()
    {
        QString error;
        auto db = ProjectDatabase::open(test::freshProjectLocation(test::currentBackend(), m_dir),
                                        ProjectDatabase::OpenMode::CreateNew, QStringLiteral("t"), &error);
        if (!db)
            qWarning() << error;
        return db;
    }

private Q_SLOTS:
    void initTestCase_data() { test::addBackendRows(); }
    void init() { NSFW_REQUIRE_BACKEND(test::currentBackend()); }

    void lifecycle()
    {
        auto db = fresh();
        ItemStore items(*db);
        QVector<qint64> ids;
        for (int i = 0; i < 4; ++i) {
            Item it;
            it.path = QStringLiteral("%1.png").arg(i);
            it.contentHash = QString::number(i);
            QString e;
            ids << items.insert(it, &e);
        }
        RunStore runs(*db);
        QString error;
        RunLock lock(*db);
        QVERIFY2(lock.tryAcquire(&error), qPrintable(error));
        const qint64 run = runs.create({{QStringLiteral("mode"), QStringLiteral("head")}}, QStringLiteral("mobilenet_v2"),
                                       lock, &error);
        QVERIFY2(run > 0, qPrintable(error));
        // One run at a time: a second lock on the project is refused, and a run without the lock too.
        RunLock second(*db);
        QVERIFY(!second.tryAcquire(&error));
        QVERIFY2(error.contains(QStringLiteral("in progress")), qPrintable(error));
        QCOMPARE(runs.create({}, QStringLiteral("m"), second, &error), 0);
        QVERIFY(runs.addEpoch(run, 0, {{QStringLiteral("ap"), 0.5}}));
        QVERIFY(runs.addEpoch(run, 1, {{QStringLiteral("ap"), 0.7}}));
        QVERIFY(runs.setBest(run, 1, {{QStringLiteral("ap"), 0.7}}, QStringLiteral("runs/1/best.pt"),
                             {{ids[0], 1, 1, 0.9f}, {ids[1], 1, 0, 0.2f}, {ids[2], 0, 1, 0.8f}}));
        QVERIFY(runs.setItemScores(run, {{ids[0], 0.9f}, {ids[3], 0.4f}}));
        QVERIFY(runs.finish(run, QStringLiteral("finished")));
        const auto r = runs.run(run);
        QVERIFY(r);
        QCOMPARE(r->status, QStringLiteral("finished"));
        QCOMPARE(r->bestEpoch, 1);
        QCOMPARE(r->checkpoint, QStringLiteral("runs/1/best.pt"));
        QCOMPARE(r->settings.value(QStringLiteral("mode")).toString(), QStringLiteral("head"));
        QCOMPARE(runs.epochs(run).size(), 2);
        QCOMPARE(runs.items(run).size(), 3);
        QCOMPARE(runs.items(run)[1].label, 0);
        QCOMPARE(runs.itemScores(run).size(), 2);
        QCOMPARE(runs.latestFinished(), run);
        QVERIFY(runs.setThreshold(run, 0.42));
        QCOMPARE(runs.run(run)->threshold, 0.42);
        // A second run may start now.
        QVERIFY(runs.create({}, QStringLiteral("m"), lock, &error) > 0);
    }

    void aRunOfADeadProcessIsMarkedFailed()
    {
        auto db = fresh();
        QSqlQuery q(db->db());
        q.prepare(QStringLiteral("INSERT INTO runs (created_ms, status, settings, model, pid, host) "
                                 "VALUES (0, 'running', '{}', 'm', ?, ?)"));
        q.addBindValue(qint64(2147483647)); // above any pid_max: never alive
        q.addBindValue(QSysInfo::machineHostName());
        QVERIFY(q.exec());
        RunStore runs(*db);
        QCOMPARE(runs.recoverInterrupted(), 1);
        const auto r = runs.runs().first();
        QCOMPARE(r.status, QStringLiteral("failed"));
        QVERIFY(r.error.contains(QStringLiteral("interrupted")));
        QVERIFY(r.finished.isValid());
    }

    void aRunWhosePidWasReusedIsMarkedFailed()
    {
        // After a reboot the dead run's pid may belong to a live process (here: this one). Before the fix the run
        // stayed "running" forever and blocked training; only the lock, which died with its process, counts now.
        auto db = fresh();
        QSqlQuery q(db->db());
        q.prepare(QStringLiteral("INSERT INTO runs (created_ms, status, settings, model, pid, host) "
                                 "VALUES (0, 'running', '{}', 'm', ?, ?)"));
        q.addBindValue(qint64(QCoreApplication::applicationPid()));
        q.addBindValue(QSysInfo::machineHostName());
        QVERIFY(q.exec());
        const QString path = db->connectionText();
        db.reset();
        QString error;
        db = ProjectDatabase::open(path, ProjectDatabase::OpenMode::OpenExisting, QStringLiteral("t"), &error);
        QVERIFY2(db, qPrintable(error));
        RunStore runs(*db);
        QCOMPARE(runs.runs().first().status, QStringLiteral("failed"));
        // And training may start at once.
        RunLock lock(*db);
        QVERIFY(lock.tryAcquire(&error));
        QVERIFY2(runs.create({}, QStringLiteral("m"), lock, &error) > 0, qPrintable(error));
    }

    void aRunOfThisLiveProcessIsLeftRunning()
    {
        auto db = fresh();
        RunStore runs(*db);
        QString error;
        RunLock lock(*db);
        QVERIFY(lock.tryAcquire(&error));
        QVERIFY(runs.create({}, QStringLiteral("m"), lock, &error) > 0);
        QCOMPARE(runs.recoverInterrupted(), 0);
        // Another connection opening the project (the window's, while its worker trains) leaves it alone too.
        auto other = ProjectDatabase::open(db->connectionText(), ProjectDatabase::OpenMode::OpenExisting, QStringLiteral("o"),
                                           &error);
        QVERIFY(other);
        QCOMPARE(RunStore(*other).runs().first().status, QStringLiteral("running"));
        // Once the lock is gone (its process ended), the next open marks it failed.
        lock.release();
        other.reset();
        other = ProjectDatabase::open(db->connectionText(), ProjectDatabase::OpenMode::OpenExisting, QStringLiteral("o"),
                                      &error);
        QCOMPARE(RunStore(*other).runs().first().status, QStringLiteral("failed"));
    }
};

QTEST_GUILESS_MAIN(TestRunStore)
#include "tst_runstore.moc"
