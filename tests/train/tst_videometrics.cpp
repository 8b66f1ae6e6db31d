// A video as one unit of evaluation: each labeled video's verdict (the default rule, topk-mean k=3, frames weighted by
// the time they stand for) against its own label, AP and ROC AUC over the videos equal to a hand computation; unsure
// videos and videos without judged frames left out; the figures survive the run's JSON; and the same videos read from
// a project (frames' times, the videos' lengths and labels) on both backends, by `evaluate` (text and JSON), and as
// the trainer stores them with a run.
#include "media/importer.h"
#include "store/itemstore.h"
#include "store/labelstore.h"
#include "store/projectdatabase.h"
#include "store/runlock.h"
#include "store/runstore.h"
#include "testsupport.h"
#include "train/runreview.h"
#include "train/trainer.h"
#include "train/videometrics.h"

#include <QDir>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

#include <opencv2/core.hpp>

using namespace nsfw;

namespace {

struct Planted {
    int label; ///< 1 nsfw, 0 safe, 2 unsure
    qint64 durationMs;
    QList<FrameScore> frames;
};

/// Verdicts by hand (k=3 units of 1 s): A nsfw (0.9+0.8+0.7)/3 = 0.8; B nsfw (0.6+0.2+0.1)/3 = 0.3; C safe, one frame
/// standing for 5 s: 0.4; D safe, two frames of 1 s: (0.15+0.05)/2 = 0.1. E is unsure: left out.
QList<Planted> planted()
{
    return {{1, 4000, {{0, 0, 0.9}, {10, 1000, 0.8}, {20, 2000, 0.7}, {30, 3000, 0.1}}},
            {1, 3000, {{0, 0, 0.2}, {10, 1000, 0.6}, {20, 2000, 0.1}}},
            {0, 5000, {{0, 0, 0.4}}},
            {0, 2000, {{0, 0, 0.05}, {10, 1000, 0.15}}},
            {2, 1000, {{0, 0, 0.99}}}};
}

// Ranked 0.8 (P), 0.4 (N), 0.3 (P), 0.1 (N): AP = 1/2 * 1 + 1/2 * 2/3; three of the four (P, N) pairs ordered.
constexpr double kAp = 0.5 + 0.5 * 2.0 / 3.0;
constexpr double kAuc = 0.75;

void checkFigures(const VideoMetrics &m)
{
    QCOMPARE(m.videos(), 4);
    QCOMPARE(m.rule(), QStringLiteral("topk-mean k=3"));
    QCOMPARE(m.curve().positives, 2);
    QCOMPARE(m.curve().negatives, 2);
    QVERIFY(qAbs(m.curve().averagePrecision - kAp) < 1e-6);
    QVERIFY(qAbs(m.curve().rocAuc - kAuc) < 1e-6);
    QVector<float> scores = m.scores();
    std::sort(scores.begin(), scores.end());
    const QVector<float> expected{0.1f, 0.3f, 0.4f, 0.8f};
    for (int i = 0; i < 4; ++i)
        QVERIFY2(qAbs(scores[i] - expected[i]) < 1e-6, qPrintable(QString::number(scores[i])));
    // At 0.5 only A is flagged: precision 1, recall 1/2; at 0.35, A and C (a false positive) and not B.
    const ConfusionMatrix at50 = m.confusionAt(0.5);
    QCOMPARE(at50.tp, 1);
    QCOMPARE(at50.fp, 0);
    QCOMPARE(at50.fn, 1);
    QCOMPARE(at50.precision(), 1.0);
    QCOMPARE(at50.recall(), 0.5);
    const ConfusionMatrix at35 = m.confusionAt(0.35);
    QCOMPARE(at35.tp, 1);
    QCOMPARE(at35.fp, 1);
    QVERIFY(m.summary(0.5).contains(QStringLiteral("4 video(s) (2 NSFW)")));
    QVERIFY2(m.summary(0.5).contains(QStringLiteral("AP 0.833")), qPrintable(m.summary(0.5)));
    QVERIFY(m.summary(0.5).contains(QStringLiteral("ROC AUC 0.750")));
    QVERIFY(m.summary(0.5).contains(QStringLiteral("precision 1.000, recall 0.500")));
}

} // namespace

class TestVideoMetrics : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

private Q_SLOTS:
    void initTestCase_data() { test::addBackendRows(); }

    void verdictsAgainstLabelsEqualAHandComputation()
    {
        QVector<VideoUnit> units;
        qint64 id = 0;
        for (const Planted &p : planted())
            units.append({++id, p.label, p.durationMs, p.frames});
        units.append({++id, 1, 1000, {}}); // no judged frame: no unit
        const VideoMetrics m = VideoMetrics::compute(units);
        checkFigures(m);
        QCOMPARE(m.videoIds(), (QVector<qint64>{1, 2, 3, 4}));
        // The rule matters: by the highest frame, B (0.6) outranks C (0.4) and the ranking is perfect.
        VerdictOptions max;
        max.rule = VerdictRule::Max;
        const VideoMetrics byMax = VideoMetrics::compute(units, max);
        QCOMPARE(byMax.rule(), QStringLiteral("max"));
        QCOMPARE(byMax.curve().rocAuc, 1.0);
        // What the run stores reads back to the same figures (the curve from the scores: exact at any threshold).
        checkFigures(VideoMetrics::fromJson(m.toJson()));
        QVERIFY(VideoMetrics::fromJson(QJsonObject()).isEmpty());
        QVERIFY(VideoMetrics::compute({}).summary(0.5).contains(QStringLiteral("No labeled video")));
    }

    /// A project on the current backend with the planted videos (labels, lengths, frames given out of time order),
    /// a still image, and what a run judged of them (every frame and the image, out-of-sample).
    QVector<RunItem> plantProject(ProjectDatabase &db)
    {
        QString error;
        ItemStore items(db);
        LabelStore labels(db);
        QVector<RunItem> judged;
        int n = 0;
        for (const Planted &p : planted()) {
            Item video;
            video.kind = ItemKind::Video;
            video.path = QStringLiteral("v%1.mp4").arg(++n);
            video.contentHash = QStringLiteral("hash%1").arg(n);
            video.durationMs = p.durationMs;
            video.fps = 10;
            video.frameCount = p.durationMs / 100;
            const qint64 videoId = items.insert(video, &error);
            if (videoId <= 0)
                return {};
            const Label label = p.label == 1 ? Label::Nsfw : p.label == 0 ? Label::Safe : Label::Unsure;
            labels.setLabel({videoId}, label, QStringLiteral("t"), QStringLiteral("test"));
            // Frames given out of time order: the verdict reads them by their times.
            for (qsizetype i = p.frames.size() - 1; i >= 0; --i) {
                Item frame;
                frame.kind = ItemKind::Frame;
                frame.parentId = videoId;
                frame.frameIndex = p.frames[i].index;
                frame.timestampMs = p.frames[i].ms;
                const qint64 frameId = items.insert(frame, &error);
                if (frameId <= 0)
                    return {};
                // A frame's label in the run is its video's (inherited); the video's own label decides.
                judged.append({frameId, 1, p.label == 1 ? 1 : 0, float(p.frames[i].score), -1});
            }
        }
        // An image is no video's frame.
        Item image;
        image.path = QStringLiteral("still.png");
        image.contentHash = QStringLiteral("still");
        const qint64 imageId = items.insert(image, &error);
        judged.append({imageId, 1, 1, 0.99f, -1});
        return judged;
    }

    void theJudgedFramesOfAProjectsVideos()
    {
        NSFW_REQUIRE_BACKEND(test::currentBackend());
        QString error;
        auto db = ProjectDatabase::open(test::freshProjectLocation(test::currentBackend(), m_dir),
                                        ProjectDatabase::OpenMode::CreateNew, QStringLiteral("t"), &error);
        QVERIFY2(db, qPrintable(error));
        QVector<RunItem> judged = plantProject(*db);
        QCOMPARE(judged.size(), 12);
        // An item trained on has no out-of-sample score.
        judged.append({judged.first().itemId, 0, 1, float(qQNaN()), -1});
        checkFigures(VideoMetrics::ofJudged(*db, judged));
    }

    void evaluateReportsVideosAsUnits()
    {
        // A stored run (without video figures of its own, as before them): `evaluate` reads the videos now.
        NSFW_REQUIRE_BACKEND(test::currentBackend());
        if (test::workbenchBinary().isEmpty())
            NSFW_REQUIRE_SETUP("NSFW_WORKBENCH_BIN is not set");
        const QString location = test::freshProjectLocation(test::currentBackend(), m_dir);
        QString error;
        {
            auto db =
                ProjectDatabase::open(location, ProjectDatabase::OpenMode::CreateNew, QStringLiteral("t"), &error);
            QVERIFY2(db, qPrintable(error));
            const QVector<RunItem> judged = plantProject(*db);
            QCOMPARE(judged.size(), 12);
            RunLock lock(*db);
            QVERIFY2(lock.tryAcquire(&error), qPrintable(error));
            RunStore runs(*db);
            const qint64 run = runs.create(QJsonObject{{QStringLiteral("mode"), QStringLiteral("head")}},
                                           QStringLiteral("test"), lock, &error);
            QVERIFY2(run > 0, qPrintable(error));
            QVERIFY2(runs.setBest(run, 1, QJsonObject(), QString(), judged, &error), qPrintable(error));
            QVERIFY(runs.finish(run, QStringLiteral("finished")));
        }
        const test::WorkbenchRun json =
            test::runWorkbench({QStringLiteral("evaluate"), location, QStringLiteral("--json")});
        QVERIFY2(json.code == 0, qPrintable(json.err));
        const QJsonObject videos =
            QJsonDocument::fromJson(json.out.toUtf8()).object().value(QStringLiteral("videos")).toObject();
        QCOMPARE(videos.value(QStringLiteral("count")).toInt(), 4);
        QCOMPARE(videos.value(QStringLiteral("positives")).toInt(), 2);
        QCOMPARE(videos.value(QStringLiteral("rule")).toString(), QStringLiteral("topk-mean k=3"));
        QVERIFY(qAbs(videos.value(QStringLiteral("ap")).toDouble() - kAp) < 1e-6);
        QVERIFY(qAbs(videos.value(QStringLiteral("auc")).toDouble() - kAuc) < 1e-6);
        QCOMPARE(videos.value(QStringLiteral("precision")).toDouble(), 1.0);
        QCOMPARE(videos.value(QStringLiteral("recall")).toDouble(), 0.5);
        const test::WorkbenchRun text = test::runWorkbench({QStringLiteral("evaluate"), location});
        QVERIFY2(text.code == 0, qPrintable(text.err));
        QVERIFY2(text.out.contains(QStringLiteral("videos as units: 4 video(s) (2 NSFW), verdict topk-mean k=3: AP "
                                                  "0.833 · ROC AUC 0.750 · at 0.50 precision 1.000, recall 0.500")),
                 qPrintable(text.out));
    }

    void aRunStoresItsVideosAsUnits()
    {
        // The trainer records the judged videos with the run's best metrics: the pretrained model judging every
        // frame of two nsfw-labeled and two safe-labeled videos the test writes (frames inherit their video's label).
        NSFW_REQUIRE_BACKEND(test::currentBackend());
        NSFW_REQUIRE_SETUP(test::trainingSkipReason());
        const QString media = m_dir.filePath(QStringLiteral("videos-") + test::currentBackend());
        QVERIFY(QDir().mkpath(media));
        QStringList files;
        for (int v = 0; v < 4; ++v) {
            std::vector<cv::Mat> shots;
            for (int i = 0; i < 3; ++i)
                shots.emplace_back(64, 64, CV_8UC3, cv::Scalar(40 * i + 20 * v, 200 - 60 * i, 60 * v));
            files << media + QStringLiteral("/clip%1.avi").arg(v);
            QVERIFY(test::writeSceneVideo(files.last(), shots, 10, 10.0, 160, 90));
        }
        const QString project = test::freshProjectLocation(test::currentBackend(), m_dir);
        QString error;
        {
            auto created =
                ProjectDatabase::open(project, ProjectDatabase::OpenMode::CreateNew, QStringLiteral("new"), &error);
            QVERIFY2(created, qPrintable(error));
            if (created->isServer())
                QVERIFY(created->setMediaRoot(media, &error));
        }
        ImportOptions options;
        options.paths = files;
        const ImportSummary summary = Importer(project, options).run();
        QVERIFY2(summary.error.isEmpty(), qPrintable(summary.error));
        QCOMPARE(summary.imported, 4);
        auto db = ProjectDatabase::open(project, ProjectDatabase::OpenMode::OpenExisting, QStringLiteral("t"), &error);
        QVERIFY2(db, qPrintable(error));
        ItemStore items(*db);
        for (int v = 0; v < 4; ++v) {
            const auto video = items.findByPath(db->storedPath(files.at(v)));
            QVERIFY(video);
            QCOMPARE(LabelStore(*db).setLabel({video->id}, v < 2 ? Label::Nsfw : Label::Safe, QStringLiteral("t"),
                                              QStringLiteral("test")),
                     1);
        }
        TrainSettings settings;
        settings.mode = TrainSettings::Mode::Pretrained;
        settings.epochs = 0;
        settings.folds = 1;
        const TrainResult result = Trainer(project, settings).run();
        QVERIFY2(result.status == QStringLiteral("finished"), qPrintable(result.error));
        const std::optional<RunRecord> run = RunStore(*db).run(result.runId);
        QVERIFY(run);
        QVERIFY(run->bestMetrics.contains(QStringLiteral("video")));
        const VideoMetrics stored = VideoMetrics::fromJson(run->bestMetrics.value(QStringLiteral("video")).toObject());
        QCOMPARE(stored.videos(), 4);
        QCOMPARE(stored.curve().positives, 2);
        // The same as the verdicts of the frame scores the run stored, computed here.
        const VideoMetrics recomputed = VideoMetrics::ofJudged(*db, RunStore(*db).items(result.runId));
        QCOMPARE(recomputed.videoIds(), stored.videoIds());
        for (int i = 0; i < 4; ++i)
            QVERIFY(qAbs(recomputed.scores()[i] - stored.scores()[i]) < 1e-6);
        const std::optional<RunReview> review = RunReview::load(*db, result.runId);
        QVERIFY(review);
        QCOMPARE(review->videoMetrics().scores(), stored.scores());
    }
};

QTEST_GUILESS_MAIN(TestVideoMetrics)
#include "tst_videometrics.moc"
