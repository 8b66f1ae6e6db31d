// Health measures in the project, on both backends: stored exactly, replaced not doubled, listed as missing until
// computed (and when of another version), and gone with their item.
#include "media/mediastats.h"
#include "store/itemstore.h"
#include "store/mediastatsstore.h"
#include "store/projectdatabase.h"
#include "testsupport.h"

#include <QTemporaryDir>
#include <QTest>

#include <opencv2/imgproc.hpp>

using namespace nsfw;

namespace {

/// A picture that differs with `seed`: a gradient with a circle.
cv::Mat picture(int seed)
{
    cv::Mat m(90, 160, CV_8UC3);
    for (int y = 0; y < m.rows; ++y)
        for (int x = 0; x < m.cols; ++x)
            m.at<cv::Vec3b>(y, x) = cv::Vec3b(uchar(x + seed * 40), uchar(y * 2), uchar((x + y + seed * 90) % 256));
    cv::circle(m, cv::Point(40 + seed * 20, 45), 20, cv::Scalar(seed * 60 % 256, 255, 0), cv::FILLED);
    return m;
}

} // namespace

class TestMediaStatsStore : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<ProjectDatabase> m_db;
    QVector<qint64> m_ids;

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
        m_ids.clear();
        for (int i = 0; i < 3; ++i) {
            Item it;
            it.kind = i == 2 ? ItemKind::Video : ItemKind::Image;
            it.path = QStringLiteral("p/%1").arg(i);
            it.contentHash = QStringLiteral("h%1").arg(i);
            m_ids << items.insert(it, &error);
            QVERIFY2(m_ids.last() > 0, qPrintable(error));
        }
        Item frame;
        frame.kind = ItemKind::Frame;
        frame.parentId = m_ids.last();
        frame.frameIndex = 0;
        QVERIFY(items.insert(frame, &error) > 0);
    }

    void cleanup() { m_db.reset(); }

    void measuresAreStoredExactly()
    {
        MediaStatsStore store(*m_db);
        QCOMPARE(store.missing(), m_ids); // images and videos, not frames
        QVector<MediaStats> written;
        for (int i = 0; i < m_ids.size(); ++i) {
            written << MediaStats::of(picture(i), 1600 + i, 900);
            QString error;
            QVERIFY2(store.put(m_ids[i], written.last(), &error), qPrintable(error));
        }
        QVERIFY(store.missing().isEmpty());
        const QHash<qint64, MediaStats> read = store.all();
        QCOMPARE(read.size(), m_ids.size());
        for (int i = 0; i < m_ids.size(); ++i) {
            const MediaStats &s = read.value(m_ids[i]);
            QVERIFY(s.valid);
            QCOMPARE(s.width, 1600 + i);
            QCOMPARE(s.height, 900);
            QCOMPARE(s.brightness, written[i].brightness);
            QCOMPARE(s.sharpness, written[i].sharpness);
            QCOMPARE(s.chroma, written[i].chroma);
            QCOMPARE(s.toJson(), written[i].toJson());
        }
    }

    void newMeasuresReplaceTheOldAndLeaveWithTheirItem()
    {
        MediaStatsStore store(*m_db);
        QVERIFY(store.put(m_ids[1], MediaStats::of(picture(1), 10, 10)));
        const MediaStats second = MediaStats::of(picture(2), 20, 20);
        QVERIFY(store.put(m_ids[1], second));
        QCOMPARE(store.all().size(), 1);
        QCOMPARE(store.all().value(m_ids[1]).toJson(), second.toJson());
        QString error;
        QVERIFY2(m_db->exec(QStringLiteral("DELETE FROM items WHERE id = %1").arg(m_ids[1]), &error), qPrintable(error));
        QVERIFY(store.all().isEmpty());
    }

    void measuresOfAnotherVersionCountAsMissing()
    {
        MediaStatsStore store(*m_db);
        for (qint64 id : m_ids)
            QVERIFY(store.put(id, MediaStats::of(picture(int(id % 3)), 50, 50)));
        QString error;
        QVERIFY2(m_db->exec(QStringLiteral("UPDATE media_stats SET version = 0 WHERE item_id = %1").arg(m_ids[2]),
                            &error),
                 qPrintable(error));
        QCOMPARE(store.missing(), QVector<qint64>{m_ids[2]});
        QVERIFY(!store.all().contains(m_ids[2]));
    }
};

QTEST_GUILESS_MAIN(TestMediaStatsStore)
#include "tst_mediastatsstore.moc"
