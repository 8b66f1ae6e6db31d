// Scene-aware sampling (VideoSampler) on videos and GIFs the test writes, and the segments and verdict of given frame
// scores (VideoJudge).
#include "media/mediadecoder.h"
#include "media/videosampler.h"
#include "media/videoverdict.h"
#include "testsupport.h"

#include <QTemporaryDir>
#include <QtTest>

#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>

using namespace nsfw;

class TestVideoSampler : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::vector<cv::Mat> m_pictures;

    static QList<qint64> indices(const VideoSampling &s)
    {
        QList<qint64> out;
        for (const SampledFrame &f : s.frames)
            out << f.index;
        return out;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        const QStringList files = test::distinctWallpapers(3);
        if (files.size() < 3)
            NSFW_REQUIRE_SETUP("three Debian wallpapers (plasma-workspace-wallpapers) are needed");
        for (const QString &f : files) {
            QString error;
            const cv::Mat picture = MediaDecoder::readImage(f, MediaDecoder::kDefaultMaxPixels, &error, 360);
            QVERIFY2(!picture.empty(), qPrintable(error));
            m_pictures.push_back(picture);
        }
    }

    void cutsAreFoundWhereTheyWereWritten()
    {
        // Three shots of 3 s at 10 fps: cuts at frames 30 and 60; still shots give one frame each.
        const QString path = m_dir.filePath("three.avi");
        QVERIFY(test::writeSceneVideo(path, m_pictures, 30, 10.0));
        const VideoSampling s = VideoSampler::sampleVideo(path, {SamplingMode::Scenes, 1.0, 10'000});
        QVERIFY2(s.ok(), qPrintable(s.error));
        QCOMPARE(s.framesRead, 90);
        QCOMPARE(s.cuts.size(), 2);
        QVERIFY2(std::abs(s.cuts[0].index - 30) <= 1 && std::abs(s.cuts[1].index - 60) <= 1,
                 qPrintable(QStringLiteral("cuts at %1, %2").arg(s.cuts[0].index).arg(s.cuts[1].index)));
        QCOMPARE(s.cuts[0].ms, s.cuts[0].index * 100);
        QCOMPARE(indices(s), (QList<qint64>{0, s.cuts[0].index, s.cuts[1].index}));
        QVERIFY(s.frames[1].afterCut && s.frames[2].afterCut && !s.frames[0].afterCut);

        // The same shots with a camera's grain: the cuts stay, the grain is no cut and no new frame.
        const QString grainy = m_dir.filePath("grainy.avi");
        QVERIFY(test::writeSceneVideo(grainy, m_pictures, 30, 10.0, 320, 180, 4.0));
        const VideoSampling g = VideoSampler::sampleVideo(grainy, {SamplingMode::Scenes, 1.0, 10'000});
        QCOMPARE(g.cuts.size(), 2);
        QVERIFY(std::abs(g.cuts[0].index - 30) <= 1 && std::abs(g.cuts[1].index - 60) <= 1);
        QCOMPARE(g.frames.size(), 3);

        // The fixed rate stays: one frame a second, the same as MediaDecoder::sampleFrames, with or without pixels.
        const VideoSampling fixed = VideoSampler::sampleVideo(path, {SamplingMode::Fixed, 1.0, 10'000});
        QCOMPARE(fixed.frames.size(), 9);
        QVERIFY(fixed.cuts.isEmpty());
        int delivered = 0;
        const VideoSampling decoded = VideoSampler::sampleVideo(path, {SamplingMode::Fixed, 1.0, 10'000},
                                                                [&](const SampledFrame &f, const cv::Mat &bgr) {
                                                                    QCOMPARE(f.index % 10, 0);
                                                                    QCOMPARE(bgr.cols, 320);
                                                                    ++delivered;
                                                                });
        QCOMPARE(indices(decoded), indices(fixed));
        QCOMPARE(delivered, 9);
    }

    void aStaticVideoGivesFewFrames()
    {
        // 20 s of one grainy picture: one frame where a fixed rate takes twenty.
        const QString path = m_dir.filePath("static.avi");
        QVERIFY(test::writeSceneVideo(path, {m_pictures[0]}, 200, 10.0, 320, 180, 4.0));
        const VideoSampling s = VideoSampler::sampleVideo(path, {SamplingMode::Scenes, 1.0, 10'000});
        QVERIFY2(s.frames.size() <= 2, qPrintable(QString::number(s.frames.size())));
        QVERIFY(s.cuts.isEmpty());
        QCOMPARE(VideoSampler::sampleVideo(path, {SamplingMode::Fixed, 1.0, 10'000}).frames.size(), 20);
    }

    void everyFrameDifferentIsNoCut()
    {
        // The colour-per-frame test video the other tests import: motion everywhere, no cut, so scene sampling
        // takes the same frames as the fixed rate.
        const QString path = m_dir.filePath("strobe.avi");
        QVERIFY(test::writeTestVideo(path, 60, 10.0));
        for (double every : {0.5, 1.0, 2.0}) {
            const VideoSampling s = VideoSampler::sampleVideo(path, {SamplingMode::Scenes, every, 10'000});
            QVERIFY(s.cuts.isEmpty());
            QCOMPARE(indices(s), indices(VideoSampler::sampleVideo(path, {SamplingMode::Fixed, every, 10'000})));
        }
    }

    void theCapSpreadsFramesOverTheVideo()
    {
        // Two pictures alternating every 5 frames for 20 s: 39 cuts; a cap of 8 keeps 8 frames spread over it all.
        std::vector<cv::Mat> alternating;
        for (int i = 0; i < 40; ++i)
            alternating.push_back(m_pictures[size_t(i % 2)]);
        const QString path = m_dir.filePath("alternating.avi");
        QVERIFY(test::writeSceneVideo(path, alternating, 5, 10.0, 160, 90));
        const VideoSampling all = VideoSampler::sampleVideo(path, {SamplingMode::Scenes, 1.0, 10'000});
        QCOMPARE(all.cuts.size(), 39);
        const VideoSampling capped = VideoSampler::sampleVideo(path, {SamplingMode::Scenes, 1.0, 8});
        QCOMPARE(capped.cuts.size(), 39);
        QVERIFY(capped.frames.size() <= 8 && capped.frames.size() >= 4);
        QCOMPARE(capped.frames.first().index, 0);
        QVERIFY2(capped.frames.last().index >= 150, qPrintable(QString::number(capped.frames.last().index)));
    }

    void aLyingFrameCountBoundsTheWork()
    {
        const QString path = m_dir.filePath("short.avi");
        QVERIFY(test::writeSceneVideo(path, m_pictures, 10, 10.0, 160, 90));
        QString error;
        auto info = MediaDecoder::probeVideo(path, &error);
        QVERIFY2(info, qPrintable(error));
        // The container claims ten times the frames it holds: the pass ends with the stream.
        VideoInfo claimsMore = *info;
        claimsMore.frameCount *= 10;
        const VideoSampling more = VideoSampler::sampleVideo(path, {SamplingMode::Scenes, 1.0, 10'000}, {}, claimsMore);
        QCOMPARE(more.framesRead, 30);
        // It claims fewer: no more than that is read.
        VideoInfo claimsLess = *info;
        claimsLess.frameCount = 12;
        const VideoSampling less = VideoSampler::sampleVideo(path, {SamplingMode::Scenes, 1.0, 10'000}, {}, claimsLess);
        QCOMPARE(less.framesRead, 12);
        // Not a video at all.
        QFile junk(m_dir.filePath("junk.mp4"));
        QVERIFY(junk.open(QIODevice::WriteOnly));
        junk.write(QByteArray(5000, 'x'));
        junk.close();
        QVERIFY(!VideoSampler::sampleVideo(junk.fileName(), {}).ok());
    }

    void seekingGivesTheFramesDecodingDoes_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<double>("every");
        // MPEG-4 Part 2 (a key frame every 12 frames, as OpenCV writes it), VP8, MJPG (every frame a key frame).
        for (const char *name : {"seek.mp4", "seek.webm", "seek.avi"}) {
            QTest::addRow("%s every 1 s", name) << QString::fromLatin1(name) << 1.0;
            QTest::addRow("%s every 3.3 s", name) << QString::fromLatin1(name) << 3.3;
        }
    }

    void seekingGivesTheFramesDecodingDoes()
    {
        QFETCH(QString, name);
        QFETCH(double, every);
        const QString path = m_dir.filePath(name);
        if (!QFileInfo::exists(path) && !test::writeTestVideo(path, 300, 24.0))
            QSKIP("OpenCV's FFmpeg cannot write this format here");
        auto sample = [&](FrameSeeking seeking, std::vector<cv::Mat> *frames) {
            SamplingOptions options{SamplingMode::Fixed, every, 10'000, seeking};
            return VideoSampler::sampleVideo(
                path, options, [frames](const SampledFrame &, const cv::Mat &bgr) { frames->push_back(bgr.clone()); });
        };
        std::vector<cv::Mat> decoded, seeked, chosen;
        const VideoSampling sequential = sample(FrameSeeking::Sequential, &decoded);
        const VideoSampling always = sample(FrameSeeking::Always, &seeked);
        const VideoSampling automatic = sample(FrameSeeking::Auto, &chosen);
        QVERIFY(sequential.ok());
        QCOMPARE(indices(sequential), MediaDecoder::sampleFrames(sequential.info, every, 10'000));
        QCOMPARE(indices(always), indices(sequential));
        QCOMPARE(indices(automatic), indices(sequential));
        QCOMPARE(seeked.size(), decoded.size());
        QCOMPARE(chosen.size(), decoded.size());
        for (size_t i = 0; i < decoded.size(); ++i) {
            // The same frame, decoded from the same key frame: the same pixels.
            QVERIFY2(cv::norm(decoded[i], seeked[i], cv::NORM_INF) == 0, qPrintable(QStringLiteral("frame %1").arg(i)));
            QVERIFY2(cv::norm(decoded[i], chosen[i], cv::NORM_INF) == 0, qPrintable(QStringLiteral("frame %1").arg(i)));
        }
        // Seeking decodes fewer frames than reading on to the last sampled one does (a seek's own decoding aside).
        QVERIFY(always.framesRead < sequential.framesRead);
        QCOMPARE(always.framesRead, qint64(seeked.size()));
    }

    void gifFramesAreSampledByTheirDelays()
    {
        // 10 frames of 200 ms: A x4, B x3, A x3 -> cuts at frame 4 (800 ms) and 7 (1400 ms).
        std::vector<cv::Mat> frames;
        cv::Mat a, b;
        cv::resize(m_pictures[0], a, cv::Size(64, 36), 0, 0, cv::INTER_AREA);
        cv::resize(m_pictures[1], b, cv::Size(64, 36), 0, 0, cv::INTER_AREA);
        for (int i = 0; i < 10; ++i)
            frames.push_back(i >= 4 && i < 7 ? b : a);
        const QString path = m_dir.filePath("anim.gif");
        QVERIFY(test::writeTestGif(path, frames, std::vector<int>(10, 20)));
        int delivered = 0;
        const VideoSampling s = VideoSampler::sampleGif(path, {SamplingMode::Scenes, 1.0, 100},
                                                        [&](const SampledFrame &, const cv::Mat &bgr) {
                                                            QCOMPARE(bgr.cols, 64);
                                                            ++delivered;
                                                        });
        QVERIFY2(s.ok(), qPrintable(s.error));
        QVERIFY(s.animated);
        QCOMPARE(s.info.durationMs, 2000);
        QCOMPARE(s.cuts.size(), 2);
        QCOMPARE(s.cuts[0].ms, 800);
        QCOMPARE(s.cuts[1].ms, 1400);
        QCOMPARE(indices(s), (QList<qint64>{0, 4, 7}));
        QCOMPARE(delivered, 3);
        // A fixed rate of one a second: the frames showing at 0 and 1000 ms.
        const VideoSampling fixed = VideoSampler::sampleGif(path, {SamplingMode::Fixed, 1.0, 100});
        QCOMPARE(indices(fixed), (QList<qint64>{0, 5}));
    }

    void segmentsAndVerdict_data()
    {
        QTest::addColumn<QList<double>>("scores"); // one frame a second from 0
        QTest::addColumn<QString>("rule");
        QTest::addColumn<qint64>("mergeGapMs");
        QTest::addColumn<double>("verdict");
        QTest::addColumn<QList<qint64>>("segments"); // start, end, start, end, ...

        QList<double> film(60, 0.02);
        film[10] = 0.99; // one noisy frame
        QTest::newRow("one noisy frame: top-3 mean")
            << film << "topk-mean" << qint64(2000) << (0.99 + 0.04) / 3 << QList<qint64>{10000, 11000};
        QTest::newRow("one noisy frame: max") << film << "max" << qint64(2000) << 0.99 << QList<qint64>{10000, 11000};
        QList<double> scene(60, 0.0);
        for (int i = 20; i < 30; ++i)
            scene[i] = i == 24 ? 0.3 : 0.9; // a dip inside the scene is bridged by the merge gap
        QTest::newRow("a scene, merged") << scene << "topk-mean" << qint64(2000) << 0.9 << QList<qint64>{20000, 30000};
        QTest::newRow("a scene, no merging")
            << scene << "topk-mean" << qint64(0) << 0.9 << QList<qint64>{20000, 24000, 25000, 30000};
        QTest::newRow("mean") << scene << "mean" << qint64(2000) << (9 * 0.9 + 0.3) / 60 << QList<qint64>{20000, 30000};
    }

    void segmentsAndVerdict()
    {
        QFETCH(QList<double>, scores);
        QFETCH(QString, rule);
        QFETCH(qint64, mergeGapMs);
        QFETCH(double, verdict);
        QFETCH(QList<qint64>, segments);
        QList<FrameScore> frames;
        for (int i = 0; i < scores.size(); ++i)
            frames.append({i * 10, i * 1000, scores[i]});
        VerdictOptions options;
        options.rule = *VideoJudge::parseRule(rule);
        options.mergeGapMs = mergeGapMs;
        const VideoVerdict v = VideoJudge::judge(frames, scores.size() * 1000, options);
        QVERIFY2(std::abs(v.score - verdict) < 1e-9, qPrintable(QString::number(v.score)));
        QCOMPARE(v.flagged, verdict >= 0.5);
        QList<qint64> found;
        for (const VideoSegment &s : v.segments)
            found << s.startMs << s.endMs;
        QCOMPARE(found, segments);
    }

    void aStillShotCountsForItsLength()
    {
        // Scene sampling keeps one frame of each still shot: 0-3 s safe, 3-6 s flagged, 6-9 s safe. The flagged
        // frame stands for 3 s, so the top-3 mean is its score, not a third of it.
        const QList<FrameScore> frames{{0, 0, 0.05}, {30, 3000, 0.95}, {60, 6000, 0.1}};
        const VideoVerdict v = VideoJudge::judge(frames, 9000, VerdictOptions());
        QVERIFY(std::abs(v.score - 0.95) < 1e-9);
        QCOMPARE(v.rule, QStringLiteral("topk-mean k=3"));
        QCOMPARE(v.segments.size(), 1);
        QCOMPARE(v.segments[0].startMs, 3000);
        QCOMPARE(v.segments[0].endMs, 6000);
        QCOMPARE(v.segments[0].peak, 0.95);
        // No frames: no verdict to speak of.
        const VideoVerdict none = VideoJudge::judge({}, 9000, VerdictOptions());
        QCOMPARE(none.score, 0.0);
        QVERIFY(!none.flagged && none.segments.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestVideoSampler)
#include "tst_videosampler.moc"
