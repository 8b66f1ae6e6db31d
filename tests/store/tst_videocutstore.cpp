// Where videos change shot, in the project, on both backends: stored exactly and in time order, replaced not
// doubled, kept per video, and gone with their video.
#include "store/itemstore.h"
#include "store/projectdatabase.h"
#include "store/videocutstore.h"
#include "testsupport.h"

#include <QTemporaryDir>
#include <QTest>

using namespace nsfw;

class TestVideoCutStore : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<ProjectDatabase> m_db;
    QVector<qint64> m_videos;

private Q_SLOTS:
    void initTestCase_data() { test::addBackendRows(); }

    void init()
    {
        NSFW_REQUIRE_BACKEND(test::currentBackend());
        QString error;
        m_db = ProjectDatabase::open(test::freshProjectLocation(test::currentBackend(), m_dir),
                                     ProjectDatabase::OpenMode::CreateNew, QStringLiteral("t"), &error);
        QVERIFY2(m_db, qPrintable(error));
        ItemStore items(*m_db);
        m_videos.clear();
        for (int i = 0; i < 2; ++i) {
            Item it;
            it.kind = ItemKind::Video;
            it.path = QStringLiteral("v/%1.mp4").arg(i);
            it.contentHash = QStringLiteral("h%1").arg(i);
            m_videos << items.insert(it, &error);
            QVERIFY2(m_videos.last() > 0, qPrintable(error));
        }
    }

    void cleanup() { m_db.reset(); }

    void cutsAreStoredExactlyInTimeOrder()
    {
        VideoCutStore store(*m_db);
        QString error;
        QVERIFY2(store.cuts(m_videos[0], &error).isEmpty() && error.isEmpty(), qPrintable(error));
        // Given out of order; the longest video accepted (48 h at 60 fps) still fits.
        const QList<SceneCut> given{{10'368'000 - 1, 172'799'983, 201.5}, {30, 1001, 50.8125}, {7, 233, 12.0}};
        QVERIFY2(store.put(m_videos[0], given, &error), qPrintable(error));
        const QList<SceneCut> read = store.cuts(m_videos[0], &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(read.size(), 3);
        const int order[] = {2, 1, 0};
        for (int i = 0; i < 3; ++i) {
            QCOMPARE(read[i].index, given[order[i]].index);
            QCOMPARE(read[i].ms, given[order[i]].ms);
            QCOMPARE(read[i].difference, given[order[i]].difference);
        }
        QVERIFY(store.cuts(m_videos[1]).isEmpty());
    }

    void newCutsReplaceTheOldAndLeaveWithTheirVideo()
    {
        VideoCutStore store(*m_db);
        QString error;
        QVERIFY2(store.put(m_videos[0], {{5, 500, 40}, {9, 900, 60}}, &error), qPrintable(error));
        QVERIFY2(store.put(m_videos[1], {{3, 100, 30}}, &error), qPrintable(error));
        QVERIFY2(store.put(m_videos[0], {{12, 1200, 70}}, &error), qPrintable(error));
        QCOMPARE(store.cuts(m_videos[0]).size(), 1);
        QCOMPARE(store.cuts(m_videos[0]).first().index, 12);
        QCOMPARE(store.cuts(m_videos[1]).size(), 1);
        QVERIFY2(store.put(m_videos[1], {}, &error), qPrintable(error));
        QVERIFY(store.cuts(m_videos[1]).isEmpty());
        QVERIFY2(m_db->exec(QStringLiteral("DELETE FROM items WHERE id = %1").arg(m_videos[0]), &error),
                 qPrintable(error));
        QVERIFY(store.cuts(m_videos[0]).isEmpty()); // the rows went with the item (ON DELETE CASCADE)
    }
};

QTEST_GUILESS_MAIN(TestVideoCutStore)
#include "tst_videocutstore.moc"
