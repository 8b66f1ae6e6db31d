// The video timeline's score strip with real widgets (offscreen), on a file and on a server project: a video the test
// writes (seven one-second shots of plain colours, so six cuts and one sampled frame a shot) and a run with planted
// frame scores. The strip shows the two segments at the frames above the run's threshold, the cuts where the shots
// change and the verdict beside the video's label; clicking a segment selects exactly its frames in the timeline, the
// N key labels them all in the project (undo takes it back); the run's saved threshold decides the segments.
#include "gallery/gallerymodel.h"
#include "gallery/labelsession.h"
#include "gallerypanel.h"
#include "labelingpage.h"
#include "mainwindow.h"
#include "media/importer.h"
#include "store/itemstore.h"
#include "store/projectdatabase.h"
#include "store/runlock.h"
#include "store/runstore.h"
#include "testsupport.h"
#include "videoscorestrip.h"
#include "viewerpanel.h"

#include <QSettings>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

#include <opencv2/core.hpp>

using namespace nsfw;
using namespace nsfw::ui;

namespace {
/// The planted score of each shot's frame: flagged at 0.5 are shots 2-3 (one segment) and 7 (another: 3 s apart).
const double kScores[] = {0.1, 0.9, 0.8, 0.1, 0.1, 0.1, 0.95};
} // namespace

class TestVideoScoreStrip : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_project;
    std::unique_ptr<MainWindow> m_window;
    qint64 m_video = 0;
    qint64 m_run = 0;
    QVector<qint64> m_frames; ///< in time order
    int m_projects = 0;

    LabelingPage *page() const { return m_window->labelingPage(); }
    ViewerPanel *viewer() const { return page()->viewer(); }
    VideoScoreStrip *strip() const { return viewer()->scoreStrip(); }

    std::unique_ptr<ProjectDatabase> reader() const
    {
        static int n = 0;
        QString error;
        auto db = ProjectDatabase::open(m_project, ProjectDatabase::OpenMode::OpenExisting,
                                        QStringLiteral("check%1").arg(++n), &error);
        if (!db)
            qWarning() << error;
        return db;
    }

    Label labelOf(qint64 id) const
    {
        auto db = reader();
        const auto item = db ? ItemStore(*db).item(id) : std::nullopt;
        return item ? item->label : Label::Unsure;
    }

    QVector<qint64> selectedFrames() const
    {
        QVector<qint64> ids;
        for (const QModelIndex &i : viewer()->timeline()->selectionModel()->selectedIndexes())
            ids << viewer()->timelineModel()->idAt(i.row());
        std::sort(ids.begin(), ids.end());
        return ids;
    }

private Q_SLOTS:
    void initTestCase_data() { test::addBackendRows(); }

    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
        QSettings().setValue(QStringLiteral("annotator/name"), QStringLiteral("tester"));
    }

    void init()
    {
        NSFW_REQUIRE_BACKEND(test::currentBackend());
        const QString media = m_dir.filePath(QStringLiteral("media%1").arg(++m_projects));
        QVERIFY(QDir().mkpath(media));
        std::vector<cv::Mat> shots;
        for (int i = 0; i < 7; ++i) // plain colours far apart in grey: a cut between every two
            shots.emplace_back(64, 64, CV_8UC3, cv::Scalar(30 + 30 * i, (i % 2) * 200, 220 - 30 * i));
        const QString video = media + QStringLiteral("/shots.avi");
        QVERIFY(test::writeSceneVideo(video, shots, 10, 10.0, 160, 90));

        m_project = test::freshProjectLocation(test::currentBackend(), m_dir);
        QVERIFY(!m_project.isEmpty());
        QString error;
        auto db =
            ProjectDatabase::open(m_project, ProjectDatabase::OpenMode::CreateNew, QStringLiteral("setup"), &error);
        QVERIFY2(db, qPrintable(error));
        if (db->isServer())
            QVERIFY(db->setMediaRoot(media, &error));
        ImportOptions options;
        options.paths = {video};
        const ImportSummary summary = Importer(m_project, options).run();
        QVERIFY2(summary.error.isEmpty() && summary.skipped.isEmpty(), qPrintable(summary.error));
        QCOMPARE(summary.frames, 7);
        ItemStore items(*db);
        const auto v = items.findByPath(db->storedPath(video));
        QVERIFY(v);
        m_video = v->id;
        QVector<Item> frames = items.frames(m_video);
        std::sort(frames.begin(), frames.end(),
                  [](const Item &a, const Item &b) { return a.timestampMs < b.timestampMs; });
        m_frames.clear();
        QVector<ItemScore> scores;
        for (int i = 0; i < frames.size(); ++i) {
            QCOMPARE(frames[i].timestampMs, 1000 * i);
            m_frames << frames[i].id;
            scores.append({frames[i].id, float(kScores[i])});
        }
        scores.append({m_video, 0.95f});
        {
            // A finished run that scored the frames, with its threshold saved.
            RunLock lock(*db);
            QVERIFY2(lock.tryAcquire(&error), qPrintable(error));
            RunStore runs(*db);
            m_run = runs.create(QJsonObject{{QStringLiteral("mode"), QStringLiteral("head")}}, QStringLiteral("test"),
                                lock, &error);
            QVERIFY2(m_run > 0, qPrintable(error));
            QVERIFY2(runs.setItemScores(m_run, scores, &error), qPrintable(error));
            QVERIFY(runs.setThreshold(m_run, 0.5));
            QVERIFY(runs.finish(m_run, QStringLiteral("finished")));
        }
        db.reset();

        m_window = std::make_unique<MainWindow>();
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        QVERIFY(m_window->openProject(m_project, false));
        m_window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
        m_window->pages()->setCurrentWidget(page());
        // The video in the gallery (frames live in its timeline).
        const int row = page()->model()->rowOf(m_video);
        QVERIFY(row >= 0);
        page()->gallery()->view()->setCurrentIndex(page()->model()->index(row));
        QCOMPARE(viewer()->timelineVideo(), m_video);
        QCOMPARE(viewer()->timelineModel()->rowCount(), 7);
    }

    void cleanup() { m_window.reset(); }

    void showsSegmentsCutsAndTheVerdict()
    {
        QVERIFY(strip()->isVisible());
        const VideoScoreTrack &track = strip()->track();
        QCOMPARE(track.runId(), m_run);
        QCOMPARE(track.threshold(), 0.5);
        QCOMPARE(track.frames().size(), 7);
        QCOMPARE(track.segments().size(), 2);
        QCOMPARE(track.segments()[0].startMs, 1000);
        QCOMPARE(track.segments()[0].endMs, 3000);
        QCOMPARE(track.segments()[1].startMs, 6000);
        QCOMPARE(track.framesOf(0), (QVector<qint64>{m_frames[1], m_frames[2]}));
        QCOMPARE(track.framesOf(1), (QVector<qint64>{m_frames[6]}));
        // Drawn where their frames are: a bar under the cells of frames 2-3, another under frame 7.
        QCOMPARE(strip()->segmentRect(0).left(), strip()->frameRect(1).left());
        QCOMPARE(strip()->segmentRect(0).right(), strip()->frameRect(2).right());
        QCOMPARE(strip()->segmentRect(1).left(), strip()->frameRect(6).left());
        QVERIFY(strip()->frameRect(0).right() < strip()->segmentRect(0).left());
        // Each cell in its score's colour.
        const QImage image = strip()->grab().toImage();
        for (int i = 0; i < 7; ++i) {
            const QPoint c = strip()->frameRect(i).center() * image.devicePixelRatio();
            QCOMPARE(image.pixelColor(c).rgb(), VideoScoreStrip::scoreColor(kScores[i]).rgb());
        }
        // Six cuts, one where each shot starts.
        QCOMPARE(track.cuts().size(), 6);
        for (int i = 0; i < 6; ++i)
            QVERIFY(qAbs(strip()->cutX(i) - strip()->frameRect(i + 1).left()) <= 1);
        // Verdict beside the video's label: the mean of the three highest seconds, (0.95 + 0.9 + 0.8) / 3.
        QCOMPARE(viewer()->verdictText(),
                 QStringLiteral("Run %1: verdict 0.88 (topk-mean k=3) · 2 segment(s)").arg(m_run));
    }

    void clickingASegmentSelectsAndLabelsItsFrames()
    {
        QTest::mouseClick(strip(), Qt::LeftButton, {}, strip()->segmentRect(0).center());
        QCOMPARE(selectedFrames(), (QVector<qint64>{m_frames[1], m_frames[2]}));
        QCOMPARE(page()->shownItem(), m_frames[1]);
        QTRY_VERIFY(viewer()->timeline()->hasFocus());
        QTest::keyClick(viewer()->timeline(), Qt::Key_N);
        // Committed when given; a background pass of the window (hashing for the Duplicates tab) may hold the write
        // lock for a moment, and then the labels wait for it.
        QTRY_VERIFY(page()->session()->pendingLabels().isEmpty());
        for (int i = 0; i < 7; ++i)
            QCOMPARE(labelOf(m_frames[i]), i == 1 || i == 2 ? Label::Nsfw : Label::None);
        QCOMPARE(labelOf(m_video), Label::None);
        // The selection stays, so the annotator sees what was labeled; undo takes both labels back.
        QCOMPARE(selectedFrames(), (QVector<qint64>{m_frames[1], m_frames[2]}));
        QTest::keyClick(viewer()->timeline(), Qt::Key_Z, Qt::ControlModifier);
        QTRY_VERIFY(page()->session()->pendingLabels().isEmpty());
        QCOMPARE(labelOf(m_frames[1]), Label::None);
        QCOMPARE(labelOf(m_frames[2]), Label::None);

        // The second segment holds one frame; a click on a cell outside any segment goes to that frame alone.
        QTest::mouseClick(strip(), Qt::LeftButton, {}, strip()->segmentRect(1).center());
        QCOMPARE(selectedFrames(), (QVector<qint64>{m_frames[6]}));
        QTest::mouseClick(strip(), Qt::LeftButton, {}, strip()->frameRect(4).center());
        QCOMPARE(selectedFrames(), (QVector<qint64>{m_frames[4]}));
        QCOMPARE(page()->shownItem(), m_frames[4]);
    }

    void theRunsThresholdDecidesTheSegments()
    {
        {
            auto db = reader();
            QVERIFY(db);
            QVERIFY(RunStore(*db).setThreshold(m_run, 0.85));
        }
        page()->refresh();
        const VideoScoreTrack &track = strip()->track();
        QCOMPARE(track.threshold(), 0.85);
        QCOMPARE(track.segments().size(), 2);
        QCOMPARE(track.framesOf(0), (QVector<qint64>{m_frames[1]}));
        QCOMPARE(viewer()->verdictText(),
                 QStringLiteral("Run %1: verdict 0.88 (topk-mean k=3) · 2 segment(s)").arg(m_run));
    }
};

QTEST_MAIN(TestVideoScoreStrip)
#include "tst_videoscorestrip.moc"
