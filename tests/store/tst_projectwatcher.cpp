// ProjectWatcher: what another connection commits is reported (labels by item, new items, runs); what the
// watched connection writes itself, or nothing at all, is not. On SQLite the watcher polls; on PostgreSQL the
// server's notification wakes it (the event loop must turn), so every expectation waits the same way on both.
#include "store/itemstore.h"
#include "store/labelstore.h"
#include "store/projectdatabase.h"
#include "store/projectwatcher.h"
#include "store/runlock.h"
#include "store/runstore.h"
#include "testsupport.h"

#include <QJsonObject>
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace nsfw;

class TestProjectWatcher : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<ProjectDatabase> m_mine;
    std::unique_ptr<ProjectDatabase> m_other;
    int m_items = 0;

    qint64 insertItem(ProjectDatabase &db)
    {
        Item it;
        const int i = m_items++;
        it.path = QStringLiteral("%1.png").arg(i);
        it.contentHash = QStringLiteral("%1").arg(i, 40, 16, QLatin1Char('0'));
        return ItemStore(db).insert(it, nullptr);
    }

    ProjectChanges last(QSignalSpy &spy) { return spy.takeLast().first().value<ProjectChanges>(); }

    /// Looks, and lets a notification arrive: true when the spy has n reports within 2 s (for n = 0: none in 300 ms).
    bool reports(ProjectWatcher &watcher, QSignalSpy &spy, int n)
    {
        watcher.check();
        if (n == 0) {
            QTest::qWait(300);
            watcher.check();
            return spy.count() == 0;
        }
        QElapsedTimer t;
        t.start();
        while (spy.count() < n && t.elapsed() < 2000) {
            QTest::qWait(10);
            watcher.check();
        }
        return spy.count() == n;
    }

private Q_SLOTS:
    void initTestCase_data() { test::addBackendRows(); }

    void init()
    {
        NSFW_REQUIRE_BACKEND(test::currentBackend());
        m_items = 0;
        const QString path = test::freshProjectLocation(test::currentBackend(), m_dir);
        m_mine = ProjectDatabase::open(path, ProjectDatabase::OpenMode::CreateNew, QStringLiteral("gui"), nullptr);
        m_other = ProjectDatabase::open(path, ProjectDatabase::OpenMode::OpenExisting, QStringLiteral("cli"), nullptr);
        QVERIFY(m_mine && m_other);
        for (int i = 0; i < 4; ++i)
            QVERIFY(insertItem(*m_mine) > 0);
    }

    void cleanup()
    {
        m_other.reset();
        m_mine.reset();
    }

    void reportsWhatOthersCommit()
    {
        ProjectWatcher watcher;
        watcher.setDatabase(m_mine.get());
        QSignalSpy spy(&watcher, &ProjectWatcher::changed);
        QVERIFY(reports(watcher, spy, 0)); // nothing happened

        // Our own label: not news.
        QCOMPARE(LabelStore(*m_mine).setLabel({1}, Label::Safe, QStringLiteral("me"), QStringLiteral("manual")), 1);
        QVERIFY(reports(watcher, spy, 0));

        // Theirs: item 2 twice (the last one counts) and item 3.
        LabelStore theirs(*m_other);
        QCOMPARE(theirs.setLabel({2, 3}, Label::Nsfw, QStringLiteral("cli"), QStringLiteral("cli")), 2);
        QCOMPARE(theirs.setLabel({2}, Label::Unsure, QStringLiteral("cli"), QStringLiteral("cli")), 1);
        QVERIFY(reports(watcher, spy, 1));
        ProjectChanges c = last(spy);
        if (m_mine->isServer()) {
            // A server's history ids may commit out of order, so recent entries are read again and our own label
            // comes along, with the label it has: harmless.
            QCOMPARE(c.labelItems, (QVector<qint64>{1, 2, 3}));
            QCOMPARE(c.labels, (QVector<Label>{Label::Safe, Label::Unsure, Label::Nsfw}));
        } else {
            QCOMPARE(c.labelItems, (QVector<qint64>{2, 3}));
            QCOMPARE(c.labels, (QVector<Label>{Label::Unsure, Label::Nsfw}));
        }
        QVERIFY(!c.items);
        QVERIFY(!c.runs);

        // An import.
        QVERIFY(insertItem(*m_other) > 0);
        QVERIFY(reports(watcher, spy, 1));
        c = last(spy);
        QVERIFY(c.items);

        // A run, and its end.
        RunLock lock(*m_other);
        QVERIFY(lock.tryAcquire());
        const qint64 run = RunStore(*m_other).create(QJsonObject{}, QStringLiteral("m"), lock, nullptr);
        QVERIFY(run > 0);
        QVERIFY(reports(watcher, spy, 1));
        QVERIFY(last(spy).runs);
        QVERIFY(RunStore(*m_other).finish(run, QStringLiteral("cancelled")));
        QVERIFY(reports(watcher, spy, 1));
        QVERIFY(last(spy).runs);

        QVERIFY(reports(watcher, spy, 0));
    }

    void pollsByItself()
    {
        ProjectWatcher watcher;
        watcher.setInterval(20);
        watcher.setDatabase(m_mine.get());
        QSignalSpy spy(&watcher, &ProjectWatcher::changed);
        QCOMPARE(LabelStore(*m_other).setLabel({4}, Label::Safe, QStringLiteral("cli"), QStringLiteral("cli")), 1);
        QTRY_COMPARE_WITH_TIMEOUT(spy.count(), 1, 2000);
        watcher.setDatabase(nullptr);
        QCOMPARE(LabelStore(*m_other).setLabel({4}, Label::Nsfw, QStringLiteral("cli"), QStringLiteral("cli")), 1);
        QTest::qWait(100);
        QCOMPARE(spy.count(), 1);
    }
};

QTEST_GUILESS_MAIN(TestProjectWatcher)
#include "tst_projectwatcher.moc"
