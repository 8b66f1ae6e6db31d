// Perceptual hashes in the project, on both backends: stored exactly (all 64 bits of a pHash, the packed rest),
// replaced not doubled, listed as missing until computed, and gone with their item.
#include "media/nearduplicates.h"
#include "media/perceptualhash.h"
#include "store/duplicatedecisionstore.h"
#include "store/itemstore.h"
#include "store/mediahashstore.h"
#include "store/projectdatabase.h"
#include "testsupport.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <opencv2/imgproc.hpp>

using namespace nsfw;

namespace {

int QSqlQueryCount(ProjectDatabase &db, const QString &sql)
{
    QSqlQuery q(db.db());
    return q.exec(sql) && q.next() ? q.value(0).toInt() : -1;
}

/// A picture that differs with `seed`: circles of several colours on a gradient.
cv::Mat picture(int seed)
{
    cv::Mat m(120, 160, CV_8UC3);
    for (int y = 0; y < m.rows; ++y)
        for (int x = 0; x < m.cols; ++x)
            m.at<cv::Vec3b>(y, x) = cv::Vec3b(uchar(x + seed * 40), uchar(y * 2), uchar((x + y + seed * 90) % 256));
    for (int i = 0; i < 3 + seed; ++i)
        cv::circle(m, cv::Point((i * 37 + seed * 11) % 160, (i * 53 + seed * 7) % 120), 10 + i * 3,
                   cv::Scalar((i * 80) % 256, 255 - i * 60, seed * 50 % 256), cv::FILLED);
    return m;
}

} // namespace

class TestMediaHashStore : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<ProjectDatabase> m_db;
    QVector<qint64> m_ids;
    qint64 m_frame = 0;

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
        for (int i = 0; i < 4; ++i) {
            Item it;
            it.kind = i == 3 ? ItemKind::Video : ItemKind::Image;
            it.path = QStringLiteral("p/%1").arg(i);
            it.contentHash = QStringLiteral("h%1").arg(i);
            m_ids << items.insert(it, &error);
            QVERIFY2(m_ids.last() > 0, qPrintable(error));
        }
        Item frame;
        frame.kind = ItemKind::Frame;
        frame.parentId = m_ids.last();
        frame.frameIndex = 0;
        m_frame = items.insert(frame, &error);
        QVERIFY2(m_frame > 0, qPrintable(error));
    }

    void cleanup() { m_db.reset(); }

    void hashesAreStoredExactly()
    {
        MediaHashStore store(*m_db);
        QCOMPARE(store.missing(), m_ids); // images and videos, not frames
        QVector<PerceptualHash> written;
        for (int i = 0; i < m_ids.size(); ++i) {
            PerceptualHash h = PerceptualHash::of(picture(i));
            QVERIFY(h.valid);
            if (i == 0)
                h.phash = {~0ULL, 0x8000000000000001ULL}; // the sign bit must survive the signed column
            written << h;
            QString error;
            QVERIFY2(store.put(m_ids[i], h, &error), qPrintable(error));
        }
        QVERIFY(store.missing().isEmpty());
        const QHash<qint64, PerceptualHash> read = store.all();
        QCOMPARE(read.size(), m_ids.size());
        for (int i = 0; i < m_ids.size(); ++i) {
            const PerceptualHash &h = read.value(m_ids[i]);
            QCOMPARE(h.phash, written[i].phash);
            QCOMPARE(h.blockMean, written[i].blockMean);
            QCOMPARE(h.grey, written[i].grey);
            QCOMPARE(h.chroma, written[i].chroma);
            QCOMPARE(h.thumbnail, written[i].thumbnail);
            QCOMPARE(h.phashDistance(written[i]), 0);
            QVERIFY(qAbs(h.thumbnailCorrelation(written[i]) - 1.f) < 1e-5f);
        }
        // Different pictures stay apart after the round trip.
        QVERIFY(read.value(m_ids[1]).thumbnailCorrelation(read.value(m_ids[2])) < 0.95f);
    }

    void aNewHashReplacesTheOldAndLeavesWithItsItem()
    {
        MediaHashStore store(*m_db);
        QVERIFY(store.put(m_ids[1], PerceptualHash::of(picture(1))));
        const PerceptualHash second = PerceptualHash::of(picture(2));
        QVERIFY(store.put(m_ids[1], second));
        QCOMPARE(store.all().size(), 1);
        QCOMPARE(store.all().value(m_ids[1]).signature(), second.signature());
        QString error;
        QVERIFY2(m_db->exec(QStringLiteral("DELETE FROM items WHERE id = %1").arg(m_ids[1]), &error), qPrintable(error));
        QVERIFY(store.all().isEmpty());
    }

    void hashesOfAnotherVersionCountAsMissing()
    {
        MediaHashStore store(*m_db);
        for (qint64 id : m_ids)
            QVERIFY(store.put(id, PerceptualHash::of(picture(int(id % 4)))));
        QString error;
        QVERIFY2(m_db->exec(QStringLiteral("UPDATE media_hashes SET version = 0 WHERE item_id = %1").arg(m_ids[2]),
                            &error),
                 qPrintable(error));
        QCOMPARE(store.missing(), QVector<qint64>{m_ids[2]});
        QVERIFY(!store.all().contains(m_ids[2]));
    }

    void pairsAreKeptAndOnlyNewHashesCompared()
    {
        // Items 0 and 1 show one picture, 2 another; the video none yet.
        MediaHashStore store(*m_db);
        QVERIFY(store.put(m_ids[0], PerceptualHash::of(picture(1))));
        cv::Mat half;
        cv::resize(picture(1), half, cv::Size(), 0.5, 0.5, cv::INTER_AREA);
        QVERIFY(store.put(m_ids[1], PerceptualHash::of(half)));
        QVERIFY(store.put(m_ids[2], PerceptualHash::of(picture(2))));
        QCOMPARE(store.unpaired(), (QVector<qint64>{m_ids[0], m_ids[1], m_ids[2]}));
        QString error;
        QCOMPARE(projectNearDuplicateGroups(*m_db, &error), (QVector<QVector<qint64>>{{m_ids[0], m_ids[1]}}));
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(store.unpaired().isEmpty()); // compared, and the pair kept
        QCOMPARE(QSqlQueryCount(*m_db, QStringLiteral("SELECT count(*) FROM near_pairs")), 1);

        // A new import: only its hash is compared (with each of the others), and it joins the group.
        cv::Mat framed;
        cv::copyMakeBorder(picture(1), framed, 6, 6, 6, 6, cv::BORDER_CONSTANT, cv::Scalar(0, 0, 0));
        QVERIFY(store.put(m_ids[3], PerceptualHash::of(framed)));
        QCOMPARE(store.unpaired(), QVector<qint64>{m_ids[3]});
        QCOMPARE(projectNearDuplicateGroups(*m_db, &error), (QVector<QVector<qint64>>{{m_ids[0], m_ids[1], m_ids[3]}}));
        QCOMPARE(QSqlQueryCount(*m_db, QStringLiteral("SELECT count(*) FROM near_pairs")), 3);

        // "Not duplicates" cuts pairs without forgetting them; a replaced hash forgets its pairs and is compared again.
        QVERIFY(DuplicateDecisionStore(*m_db).markNotDuplicates({m_ids[0], m_ids[3]}, QStringLiteral("t"), &error));
        QVERIFY(DuplicateDecisionStore(*m_db).markNotDuplicates({m_ids[1], m_ids[3]}, QStringLiteral("t"), &error));
        QCOMPARE(projectNearDuplicateGroups(*m_db, &error), (QVector<QVector<qint64>>{{m_ids[0], m_ids[1]}}));
        QVERIFY(store.put(m_ids[1], PerceptualHash::of(picture(3))));
        QCOMPARE(QSqlQueryCount(*m_db, QStringLiteral("SELECT count(*) FROM near_pairs")), 1); // 0-3 is left
        QCOMPARE(store.unpaired(), QVector<qint64>{m_ids[1]});
        QVERIFY(projectNearDuplicateGroups(*m_db, &error).isEmpty());

        // Pairs another rule found are forgotten, and everything counts as not compared.
        QVERIFY(store.pairs(QStringLiteral("another rule"), &error).isEmpty());
        QCOMPARE(store.unpaired().size(), 4);
        QCOMPARE(QSqlQueryCount(*m_db, QStringLiteral("SELECT count(*) FROM near_pairs")), 0);
        QVERIFY(store.pairs(QStringLiteral("another rule"), &error).isEmpty());
        QCOMPARE(store.unpaired().size(), 4); // the same rule again: nothing forgotten, nothing to forget
        // And an item deleted takes its pairs along.
        QVERIFY(DuplicateDecisionStore(*m_db).unmarkNotDuplicates({m_ids[0], m_ids[3]}, &error));
        QCOMPARE(projectNearDuplicateGroups(*m_db, &error), (QVector<QVector<qint64>>{{m_ids[0], m_ids[3]}}));
        QVERIFY2(m_db->exec(QStringLiteral("DELETE FROM items WHERE id = %1").arg(m_ids[3]), &error), qPrintable(error));
        QCOMPARE(QSqlQueryCount(*m_db, QStringLiteral("SELECT count(*) FROM near_pairs")), 0);
    }
};

QTEST_GUILESS_MAIN(TestMediaHashStore)
#include "tst_mediahashstore.moc"
