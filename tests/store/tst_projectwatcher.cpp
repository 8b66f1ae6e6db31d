// ProjectWatcher: what another connection commits is reported (labels by item, new items, runs); what the
// watched connection writes itself, or nothing at all, is not.
#include "store/itemstore.h"
#include "store/labelstore.h"
#include "store/projectdatabase.h"
#include "store/projectwatcher.h"
#include "store/runlock.h"
#include "store/runstore.h"

#include <QJsonObject>
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

private Q_SLOTS:
    void initTestCase()
    {
        const QString path = m_dir.filePath(QStringLiteral("w.nwproj"));
        m_mine = ProjectDatabase::open(path, ProjectDatabase::OpenMode::CreateNew, QStringLiteral("gui"), nullptr);
        m_other = ProjectDatabase::open(path, ProjectDatabase::OpenMode::OpenExisting, QStringLiteral("cli"), nullptr);
        QVERIFY(m_mine && m_other);
        for (int i = 0; i < 4; ++i)
            QVERIFY(insertItem(*m_mine) > 0);
    }

    void reportsWhatOthersCommit()
    {
        ProjectWatcher watcher;
        watcher.setDatabase(m_mine.get());
        QSignalSpy spy(&watcher, &ProjectWatcher::changed);
        watcher.check();
        QCOMPARE(spy.count(), 0); // nothing happened

        // Our own label: not news.
        QCOMPARE(LabelStore(*m_mine).setLabel({1}, Label::Safe, QStringLiteral("me"), QStringLiteral("manual")), 1);
        watcher.check();
        QCOMPARE(spy.count(), 0);

        // Theirs: item 2 twice (the last one counts) and item 3.
        LabelStore theirs(*m_other);
        QCOMPARE(theirs.setLabel({2, 3}, Label::Nsfw, QStringLiteral("cli"), QStringLiteral("cli")), 2);
        QCOMPARE(theirs.setLabel({2}, Label::Unsure, QStringLiteral("cli"), QStringLiteral("cli")), 1);
        watcher.check();
        QCOMPARE(spy.count(), 1);
        ProjectChanges c = last(spy);
        QCOMPARE(c.labelItems, (QVector<qint64>{2, 3}));
        QCOMPARE(c.labels, (QVector<Label>{Label::Unsure, Label::Nsfw}));
        QVERIFY(!c.items);
        QVERIFY(!c.runs);

        // An import.
        QVERIFY(insertItem(*m_other) > 0);
        watcher.check();
        QCOMPARE(spy.count(), 1);
        c = last(spy);
        QVERIFY(c.items);
        QVERIFY(c.labelItems.isEmpty());

        // A run, and its end.
        RunLock lock(m_other->runLockPath());
        QVERIFY(lock.tryAcquire());
        const qint64 run = RunStore(*m_other).create(QJsonObject{}, QStringLiteral("m"), lock, nullptr);
        QVERIFY(run > 0);
        watcher.check();
        QCOMPARE(spy.count(), 1);
        QVERIFY(last(spy).runs);
        QVERIFY(RunStore(*m_other).finish(run, QStringLiteral("cancelled")));
        watcher.check();
        QCOMPARE(spy.count(), 1);
        QVERIFY(last(spy).runs);

        watcher.check();
        QCOMPARE(spy.count(), 0);
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
