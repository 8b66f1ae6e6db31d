// The gallery's item model, queries and labeling session over a real project file.
#include "gallery/gallerymodel.h"
#include "gallery/labelsession.h"
#include "gallery/thumbnailprovider.h"
#include "gallery/wellbeing.h"
#include "media/importer.h"
#include "store/itemquery.h"
#include "store/itemstore.h"
#include "store/labelstore.h"
#include "store/projectdatabase.h"
#include "testsupport.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace nsfw;

namespace {

// Items inserted directly (no files): enough for queries, orders and the model's paging.
qint64 insertImage(ProjectDatabase &db, const QString &path, const QString &hash)
{
    Item it;
    it.kind = ItemKind::Image;
    it.path = path;
    it.contentHash = hash;
    it.width = it.height = 10;
    return ItemStore(db).insert(it, nullptr);
}

QString sqlLabel(ProjectDatabase &db, qint64 id)
{
    QSqlQuery q(db.db());
    q.prepare(QStringLiteral("SELECT label FROM items WHERE id = ?"));
    q.addBindValue(id);
    if (q.exec() && q.next())
        return labelName(labelFromColumn(q.value(0)));
    return QStringLiteral("?");
}

} // namespace

class TestGalleryModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void modelPassesTester()
    {
        QTemporaryDir dir;
        QString error;
        auto db = ProjectDatabase::open(dir.filePath(QStringLiteral("p.nwproj")), ProjectDatabase::OpenMode::CreateNew,
                                        QStringLiteral("gui"), &error);
        QVERIFY2(db, qPrintable(error));
        {
            Transaction tx(*db);
            for (int i = 0; i < 1000; ++i)
                insertImage(*db, QStringLiteral("img/%1.png").arg(999 - i, 4, 10, QLatin1Char('0')),
                            QStringLiteral("%1").arg(i, 40, 16, QLatin1Char('0')));
            QVERIFY(tx.commit());
        }
        GalleryModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setDatabase(db.get());
        QCOMPARE(model.rowCount(), 1000);
        // Rows in several pages are read, in both orders.
        QCOMPARE(model.index(0).data().toString(), QStringLiteral("0999.png"));
        QCOMPARE(model.index(700).data().toString(), QStringLiteral("0299.png"));
        model.setSort(ItemSort::Name);
        QCOMPARE(model.index(0).data().toString(), QStringLiteral("0000.png"));

        // Label 10 items; filter to nsfw, then unlabeled.
        LabelSession session;
        session.setDatabase(db.get());
        session.setAnnotator(QStringLiteral("tester"));
        QVector<qint64> ten;
        for (int r = 0; r < 10; ++r)
            ten << model.idAt(r);
        QVERIFY(session.label(ten, Label::Nsfw));
        QCOMPARE(sqlLabel(*db, ten.first()), QStringLiteral("nsfw"));
        ItemFilter f;
        f.labels = {Label::Nsfw};
        model.setFilter(f);
        QCOMPARE(model.rowCount(), 10);
        f.labels = {Label::None};
        model.setFilter(f);
        QCOMPARE(model.rowCount(), 990);
        // An import appends rows without a reset.
        model.setFilter(ItemFilter());
        model.setSort(ItemSort::ImportOrder);
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        QSignalSpy inserts(&model, &QAbstractItemModel::rowsInserted);
        insertImage(*db, QStringLiteral("new.png"), QStringLiteral("f").repeated(40));
        model.refresh();
        QCOMPARE(model.rowCount(), 1001);
        QCOMPARE(resets.count(), 0);
        QCOMPARE(inserts.count(), 1);
        // A drill-down shows exactly the given ids.
        model.setExplicitIds({ten.at(3), ten.at(1)});
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.idAt(0), ten.at(3));
        model.clearExplicitIds();
        QCOMPARE(model.rowCount(), 1001);
    }

    void scoresFilterAndSort()
    {
        QTemporaryDir dir;
        QString error;
        auto db = ProjectDatabase::open(dir.filePath(QStringLiteral("p.nwproj")), ProjectDatabase::OpenMode::CreateNew,
                                        QStringLiteral("gui"), &error);
        QVERIFY(db);
        QVector<qint64> ids;
        for (int i = 0; i < 5; ++i)
            ids << insertImage(*db, QStringLiteral("%1.png").arg(i), QString::number(i).repeated(40));
        QVERIFY(db->exec(QStringLiteral("INSERT INTO runs (id, created_ms, status, settings, model) "
                                        "VALUES (7, 0, 'finished', '{}', 'x')")));
        const double scores[] = {0.9, 0.1, 0.5, 0.7, 0.3};
        for (int i = 0; i < 4; ++i) // the last item has no score
            QVERIFY(db->exec(QStringLiteral("INSERT INTO item_scores VALUES (7, %1, %2)").arg(ids[i]).arg(scores[i])));
        ItemQuery query(*db);
        QCOMPARE(query.latestScoredRun(), 7);
        ItemFilter f;
        f.scoreRunId = 7;
        QCOMPARE(query.ids(f, ItemSort::ScoreDescending), (QVector<qint64>{ids[0], ids[3], ids[2], ids[1], ids[4]}));
        // Uncertainty: nearest the run's threshold first (0.5 without one, then the saved 0.75); unscored last.
        // (0.9 and 0.1 tie at 0.4 from 0.5 up to rounding: only the unambiguous places are checked.)
        const QVector<qint64> uncertain = query.ids(f, ItemSort::Uncertainty);
        QCOMPARE(uncertain.mid(0, 2), (QVector<qint64>{ids[2], ids[3]}));
        QCOMPARE(uncertain.last(), ids[4]);
        QVERIFY(db->exec(QStringLiteral("UPDATE runs SET threshold = 0.75 WHERE id = 7")));
        QCOMPARE(query.ids(f, ItemSort::Uncertainty), (QVector<qint64>{ids[3], ids[0], ids[2], ids[1], ids[4]}));
        f.minScore = 0.4;
        f.maxScore = 0.8;
        QCOMPARE(query.ids(f, ItemSort::ScoreAscending), (QVector<qint64>{ids[2], ids[3]}));
        GalleryModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setDatabase(db.get());
        model.setFilter(f);
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.index(0).data(GalleryModel::ScoreRole).toDouble(), 0.5);
    }

    void undoIsAHistoryEntry()
    {
        QTemporaryDir dir;
        QString error;
        auto db = ProjectDatabase::open(dir.filePath(QStringLiteral("p.nwproj")), ProjectDatabase::OpenMode::CreateNew,
                                        QStringLiteral("gui"), &error);
        QVERIFY(db);
        const qint64 a = insertImage(*db, QStringLiteral("a.png"), QStringLiteral("a").repeated(40));
        LabelSession session;
        session.setDatabase(db.get());
        session.setAnnotator(QStringLiteral("tester"));
        QSignalSpy changed(&session, &LabelSession::labelsChanged);
        QVERIFY(session.label({a}, Label::Safe));
        QVERIFY(session.label({a}, Label::Nsfw));
        QVERIFY(session.undo());
        QCOMPARE(sqlLabel(*db, a), QStringLiteral("safe"));
        QVERIFY(session.redo());
        QCOMPARE(sqlLabel(*db, a), QStringLiteral("nsfw"));
        const auto history = LabelStore(*db).history(a);
        QCOMPARE(history.size(), 4);
        QCOMPARE(history.at(2).source, QStringLiteral("undo"));
        QCOMPARE(history.at(3).source, QStringLiteral("redo"));
        QCOMPARE(changed.count(), 4);
        QCOMPARE(session.sessionLabels(), 2);
    }

    void wellbeingCoversWhatItShould()
    {
        WellbeingSettings w;
        QVERIFY(w.covers(Label::None, std::nullopt));
        QVERIFY(w.covers(Label::Nsfw, std::nullopt));
        QVERIFY(!w.covers(Label::Safe, 0.99));
        w.coverUnlabeled = false;
        QVERIFY(!w.covers(Label::None, 0.2));
        QVERIFY(w.covers(Label::None, 0.8));
        w.mode = WellbeingSettings::Mode::Off;
        QVERIFY(!w.covers(Label::Nsfw, 1.0));
        // A blurred picture keeps its size and loses its detail.
        QImage checker(64, 64, QImage::Format_RGB32);
        for (int y = 0; y < 64; ++y)
            for (int x = 0; x < 64; ++x)
                checker.setPixel(x, y, ((x / 2 + y / 2) % 2) ? 0xffffffff : 0xff000000);
        const QImage blurred = applyWellbeing(checker, WellbeingSettings::Mode::Blur, 80);
        QCOMPARE(blurred.size(), checker.size());
        const int g = qGray(blurred.pixel(31, 31));
        QVERIFY2(g > 60 && g < 200, qPrintable(QString::number(g)));
    }

    void thumbnailsArriveAsync()
    {
        const QStringList clips = test::clipArt(3);
        if (clips.size() < 3)
            NSFW_REQUIRE_SETUP("openclipart-png is not installed");
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("p.nwproj"));
        QString error;
        auto db = ProjectDatabase::open(path, ProjectDatabase::OpenMode::CreateNew, QStringLiteral("gui"), &error);
        QVERIFY(db);
        ImportOptions options;
        options.paths = clips;
        Importer(path, options).run();
        GalleryModel model;
        model.setDatabase(db.get());
        const int n = model.rowCount(); // the first clips may share content (duplicates are skipped)
        QVERIFY(n >= 2);
        ThumbnailProvider provider;
        provider.setCacheDir(db->cacheDir());
        QSignalSpy ready(&provider, &ThumbnailProvider::thumbnailReady);
        // Removing the cached file forces a decode from the source.
        QFile::remove(MediaCache(db->cacheDir()).thumbnailPath(model.mediaRef(0).key));
        for (int r = 0; r < n; ++r)
            QVERIFY(provider.thumbnail(model.mediaRef(r)).isNull()); // a placeholder first
        QTRY_COMPARE_WITH_TIMEOUT(ready.count(), n, 10000);
        QVERIFY(!provider.thumbnail(model.mediaRef(0)).isNull());
        // Answers for a closed project are dropped.
        provider.setCacheDir(db->cacheDir());
        provider.thumbnail(model.mediaRef(1));
        provider.setCacheDir(QString());
        QTest::qWait(300);
        QCOMPARE(ready.count(), n);
    }
};

QTEST_GUILESS_MAIN(TestGalleryModel)
#include "tst_gallerymodel.moc"
