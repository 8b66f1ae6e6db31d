// `benchmark predict --videos`: predict's video path (VideoScorer: sampling and scoring) on videos written here.
#include "benchmarkpredict.h"
#include "benchstats.h"
#include "console.h"
#include "pythonbench.h"

#include "model/classifier.h"
#include "model/videoscorer.h"

#include <QDirIterator>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonArray>
#include <QThread>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>
#include <opencv2/videoio.hpp>

#include <algorithm>
#include <cmath>

namespace nsfw::cli {

namespace {

constexpr int kWidth = 640, kHeight = 360, kFps = 25, kSeconds = 40;

/// Pictures to film: Debian's wallpapers, else coloured noise.
std::vector<cv::Mat> scenes(int n)
{
    std::vector<cv::Mat> out;
    QDirIterator it(QStringLiteral("/usr/share/wallpapers"), {QStringLiteral("*.jpg")}, QDir::Files,
                    QDirIterator::Subdirectories);
    while (it.hasNext() && int(out.size()) < n) {
        cv::Mat picture = cv::imread(it.next().toStdString(), cv::IMREAD_REDUCED_COLOR_2);
        if (!picture.empty() && picture.cols >= kWidth * 2 && picture.rows >= kHeight)
            out.push_back(picture);
    }
    cv::RNG rng(1);
    while (int(out.size()) < n) {
        cv::Mat noise(kHeight * 2, kWidth * 3, CV_8UC3);
        rng.fill(noise, cv::RNG::UNIFORM, 0, 255);
        cv::GaussianBlur(noise, noise, cv::Size(31, 31), 0);
        out.push_back(noise);
    }
    return out;
}

/// An H.264 MP4 (MPEG-4 Part 2 where OpenCV's FFmpeg has no H.264 encoder) of panning shots, 4 s each, with a key
/// frame every `gop` frames (OpenCV writes 12; OPENCV_FFMPEG_WRITER_OPTIONS sets another).
QString writeVideo(const QString &path, int gop)
{
    qputenv("OPENCV_FFMPEG_WRITER_OPTIONS", QByteArray("g;") + QByteArray::number(gop));
    const std::vector<cv::Mat> pictures = scenes(kSeconds / 4);
    cv::VideoWriter writer;
    for (int fourcc : {cv::VideoWriter::fourcc('a', 'v', 'c', '1'), cv::VideoWriter::fourcc('m', 'p', '4', 'v')}) {
        if (writer.open(path.toStdString(), cv::CAP_FFMPEG, fourcc, kFps, cv::Size(kWidth, kHeight)))
            break;
    }
    qunsetenv("OPENCV_FFMPEG_WRITER_OPTIONS");
    if (!writer.isOpened())
        return {};
    const int framesEach = kFps * 4;
    for (int i = 0; i < kFps * kSeconds; ++i) {
        const cv::Mat &picture = pictures[size_t(i / framesEach) % pictures.size()];
        const int x = (i % framesEach) * (picture.cols - kWidth * 2) / framesEach; // a slow pan
        cv::Mat frame;
        cv::resize(picture(cv::Rect(x, 0, kWidth * 2, std::min(picture.rows, kHeight * 2))), frame,
                   cv::Size(kWidth, kHeight), 0, 0, cv::INTER_AREA);
        writer.write(frame);
    }
    writer.release();
    return QFileInfo(path).size() > 0 ? path : QString();
}

QString seekingName(FrameSeeking s)
{
    return s == FrameSeeking::Always       ? QStringLiteral("seek")
           : s == FrameSeeking::Sequential ? QStringLiteral("sequential")
                                           : QStringLiteral("auto");
}

} // namespace

QJsonObject benchmarkVideo(Classifier &classifier, const QString &dir, int repeats, bool python, bool quiet)
{
    QJsonArray rows;
    for (int gop : {12, 250}) {
        const QString path = writeVideo(dir + QStringLiteral("/gop%1.mp4").arg(gop), gop);
        if (path.isEmpty()) {
            err() << tr("Cannot write a test video: OpenCV's FFmpeg has no MPEG-4 encoder.") << '\n';
            return {{QStringLiteral("skipped"), QStringLiteral("no video encoder")}};
        }
        struct Case {
            SamplingMode mode;
            double every;
            FrameSeeking seeking;
        };
        std::vector<Case> cases = {{SamplingMode::Scenes, 1, FrameSeeking::Auto}};
        for (double every : {1.0, 4.0}) {
            for (FrameSeeking s : {FrameSeeking::Sequential, FrameSeeking::Always, FrameSeeking::Auto})
                cases.push_back({SamplingMode::Fixed, every, s});
        }
        QList<FrameScore> reference;
        for (const Case &c : cases) {
            SamplingOptions options;
            options.mode = c.mode;
            options.everySeconds = c.every;
            options.seeking = c.seeking;
            std::vector<double> rates, scoredRates;
            VideoScores last;
            for (int r = 0; r < repeats; ++r) {
                QElapsedTimer timer;
                timer.start();
                last = VideoScorer::score(classifier, path, options);
                const double seconds = double(timer.nsecsElapsed()) / 1e9;
                rates.push_back(double(last.sampling.info.frameCount) / seconds);
                scoredRates.push_back(double(last.frames.size()) / seconds);
            }
            QJsonObject row{
                {QStringLiteral("gop"), gop},
                {QStringLiteral("sampling"), VideoSampler::modeName(c.mode)},
                {QStringLiteral("every_s"), c.every},
                {QStringLiteral("seeking"), c.mode == SamplingMode::Fixed ? seekingName(c.seeking) : QString()},
                {QStringLiteral("frames_scored"), int(last.frames.size())},
                {QStringLiteral("frames_decoded"), last.sampling.framesRead},
                {QStringLiteral("video_frames_per_s"), median(rates)},
                {QStringLiteral("scored_frames_per_s"), median(scoredRates)}};
            if (c.mode == SamplingMode::Fixed) {
                // The same frames whichever way they were reached: their scores agree.
                double worst = 0;
                if (c.seeking == FrameSeeking::Sequential) {
                    reference = last.frames;
                } else {
                    bool sameFrames = reference.size() == last.frames.size();
                    for (qsizetype i = 0; i < last.frames.size() && i < reference.size(); ++i) {
                        sameFrames = sameFrames && reference[i].index == last.frames[i].index;
                        worst = std::max(worst, std::abs(reference[i].score - last.frames[i].score));
                    }
                    row.insert(QStringLiteral("same_frames_as_sequential"), sameFrames);
                    row.insert(QStringLiteral("max_abs_diff_vs_sequential"), worst);
                }
            }
            rows.append(row);
            if (!quiet)
                out() << tr("video (key frame every %1): %2 every %3 s%4: %5 video frames/s, %6 scored frames/s (%7 "
                            "scored, %8 decoded)")
                             .arg(gop)
                             .arg(VideoSampler::modeName(c.mode))
                             .arg(c.every)
                             .arg(c.mode == SamplingMode::Fixed ? QStringLiteral(", ") + seekingName(c.seeking)
                                                                : QString())
                             .arg(median(rates), 0, 'f', 1)
                             .arg(median(scoredRates), 0, 'f', 1)
                             .arg(last.frames.size())
                             .arg(last.sampling.framesRead)
                      << '\n'
                      << Qt::flush;
        }
        if (python) {
            for (double every : {1.0, 4.0}) {
                const QJsonObject py = runPythonBench(QStringLiteral("pil_predict_folder.py"),
                                                      {QStringLiteral("--video"), path, QStringLiteral("--every"),
                                                       QString::number(every), QStringLiteral("--threads"),
                                                       QString::number(std::max(1, QThread::idealThreadCount())),
                                                       QStringLiteral("--repeat"), QString::number(repeats)},
                                                      QStringLiteral("video_frames_per_s"));
                QJsonObject row = py;
                row.insert(QStringLiteral("gop"), gop);
                row.insert(QStringLiteral("every_s"), every);
                row.insert(QStringLiteral("peer"), QStringLiteral("pytorch-python pyav"));
                rows.append(row);
                if (!quiet && py.contains(QLatin1String("video_frames_per_s")))
                    out() << tr("video (key frame every %1): PyTorch-Python peer (PyAV, every frame decoded), every %2 "
                                "s: %3 video frames/s, %4 scored frames/s")
                                 .arg(gop)
                                 .arg(every)
                                 .arg(py.value(QLatin1String("video_frames_per_s")).toDouble(), 0, 'f', 1)
                                 .arg(py.value(QLatin1String("scored_frames_per_s")).toDouble(), 0, 'f', 1)
                          << '\n'
                          << Qt::flush;
                else if (!quiet)
                    out() << tr("PyTorch-Python video peer skipped: %1")
                                 .arg(py.value(QLatin1String("skipped")).toString())
                          << '\n';
            }
        }
    }
    return {{QStringLiteral("width"), kWidth},
            {QStringLiteral("height"), kHeight},
            {QStringLiteral("fps"), kFps},
            {QStringLiteral("seconds"), kSeconds},
            {QStringLiteral("rows"), rows}};
}

} // namespace nsfw::cli
