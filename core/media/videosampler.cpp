#include "videosampler.h"

#include "common/logging.h"

#include <QElapsedTimer>
#include <QImageReader>

#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>
#include <opencv2/videoio.hpp>

#include <algorithm>
#include <cmath>
#include <deque>

namespace nsfw {

namespace {

/// More cuts than this are not listed (the frames chosen stay within the cap either way).
constexpr int kMaxCutsListed = 100'000;
/// A GIF whose frames together hold more pixels than this is read only that far.
constexpr qint64 kMaxGifPixelsTotal = 4'000'000'000LL;

cv::Mat smallGrey(const cv::Mat &bgr)
{
    cv::Mat small, grey;
    cv::resize(bgr, small, cv::Size(VideoSampler::kSmallWidth, VideoSampler::kSmallHeight), 0, 0, cv::INTER_AREA);
    if (small.channels() == 3)
        cv::cvtColor(small, grey, cv::COLOR_BGR2GRAY);
    else
        grey = small;
    return grey;
}

double meanAbsDifference(const cv::Mat &a, const cv::Mat &b)
{
    cv::Mat d;
    cv::absdiff(a, b, d);
    return cv::mean(d)[0];
}

/// The widened interval (in the units of `last`: frames or ms) that keeps the periodic samples within the cap, as
/// MediaDecoder::sampleFrames widens it.
double periodicStep(double wanted, double last, int cap)
{
    double step = std::max(1.0, wanted);
    if (last / step + 1 > cap)
        step = cap > 1 ? last / double(cap - 1) : last + 1;
    return step;
}

/// The scene rule, fed one frame at a time in order. `position` is what the interval is measured in (the frame
/// index for a video, milliseconds for a GIF).
class Selector
{
public:
    Selector(const SamplingOptions &options, double step, VideoSampling &out, const SampledFrameSink &sink)
        : m_options(options)
        , m_step(step)
        , m_out(out)
        , m_sink(sink)
    {
    }

    void offer(qint64 index, qint64 ms, double position, const cv::Mat &bgr)
    {
        const cv::Mat grey = smallGrey(bgr);
        bool cut = false;
        if (!m_previous.empty()) {
            const double d = meanAbsDifference(grey, m_previous);
            if (m_history.size() >= 2) {
                double mean = 0;
                for (double h : m_history)
                    mean += h;
                mean /= double(m_history.size());
                cut = d >= VideoSampler::kCutMinDifference && d >= VideoSampler::kCutRatio * mean;
            }
            m_history.push_back(d);
            if (int(m_history.size()) > VideoSampler::kCutHistory)
                m_history.pop_front();
            if (cut && m_out.cuts.size() < kMaxCutsListed)
                m_out.cuts.append({index, ms, d});
        }
        m_previous = grey;

        bool due = false;
        if (m_frames == 0 || position >= m_base + std::round(m_k * m_step)) {
            due = true;
            while (position >= m_base + std::round(m_k * m_step))
                ++m_k;
        }
        bool choose = false;
        if (cut) {
            choose = true;
            m_base = position; // the interval counts from the new shot's first frame
            m_k = 1;
        } else if (due) {
            choose = m_lastChosen.empty() || meanAbsDifference(grey, m_lastChosen) >= VideoSampler::kNearIdentical;
        }
        ++m_frames;
        if (!choose)
            return;
        m_lastChosen = grey;
        // Over the cap: every other sample goes, and from then on every other candidate, so what stays is spread
        // over the whole video.
        if (m_counter++ % m_keepEvery != 0)
            return;
        const SampledFrame frame{index, ms, cut};
        m_out.frames.append(frame);
        if (m_sink)
            m_sink(frame, bgr);
        if (m_out.frames.size() > m_options.maxFrames) {
            QList<SampledFrame> kept;
            for (qsizetype i = 0; i < m_out.frames.size(); i += 2)
                kept.append(m_out.frames.at(i));
            m_out.frames = kept;
            m_keepEvery *= 2;
            m_counter = 1;
        }
    }

private:
    SamplingOptions m_options;
    double m_step;
    VideoSampling &m_out;
    const SampledFrameSink &m_sink;
    cv::Mat m_previous;
    cv::Mat m_lastChosen;
    std::deque<double> m_history;
    double m_base = 0;
    qint64 m_k = 1;
    qint64 m_frames = 0;
    qint64 m_counter = 0;
    qint64 m_keepEvery = 1;
};

/// Fixed sampling's decoding: the frames at `indices` (ascending), each reached by decoding on from where the
/// capture is, or by seeking (CAP_PROP_POS_FRAMES: FFmpeg goes back to the key frame before and decodes on from
/// there). Whether a seek pays depends on the distance between key frames, which OpenCV does not tell: Auto decodes
/// its way to the first far frame and seeks to the second, timing both, and from then on seeks only when a seek has
/// cost less than decoding the frames between. Either way the frames are the same (the tests compare them).
void readFixed(cv::VideoCapture &capture, const QList<qint64> &indices, qint64 limit, FrameSeeking seeking,
               VideoSampling &out, const SampledFrameSink &sink, const std::atomic<bool> *cancel)
{
    const VideoInfo &info = out.info;
    qint64 next = 0; // the frame the capture gives next
    int failures = 0;
    double grabSeconds = 0, seekSeconds = 0; // measured decoding costs (Auto)
    qint64 grabs = 0, seeks = 0;
    QElapsedTimer timer;
    cv::Mat bgr;
    for (qint64 index : indices) {
        if (index >= limit || (cancel && cancel->load()))
            break;
        const qint64 gap = index - next;
        bool seek = false;
        if (seeking == FrameSeeking::Always)
            seek = gap > 0;
        else if (seeking == FrameSeeking::Auto && gap >= VideoSampler::kSeekMinStride)
            seek = grabs > 0 && (seeks == 0 || seekSeconds / double(seeks) < double(gap) * grabSeconds / double(grabs));
        timer.start();
        bool ok = true;
        if (seek) {
            ok = capture.set(cv::CAP_PROP_POS_FRAMES, double(index));
            next = index;
        }
        const qint64 grabbed = index - next;
        for (; ok && next < index; ++next) {
            ok = capture.grab();
            out.framesRead += ok ? 1 : 0;
        }
        if (!ok)
            break; // the stream ended before the frame it claimed
        ok = capture.read(bgr) && !bgr.empty();
        next = index + 1;
        if (seek) {
            seekSeconds += double(timer.nsecsElapsed()) / 1e9;
            ++seeks;
        } else if (grabbed > 0) {
            grabSeconds += double(timer.nsecsElapsed()) / 1e9;
            grabs += grabbed + 1;
        }
        if (!ok) {
            if (++failures >= 3)
                break;
            continue;
        }
        failures = 0;
        ++out.framesRead;
        const SampledFrame frame{index, qint64(std::llround(double(index) * 1000.0 / info.fps)), false};
        out.frames.append(frame);
        sink(frame, bgr);
    }
}

} // namespace

QString VideoSampler::modeName(SamplingMode mode)
{
    return mode == SamplingMode::Fixed ? QStringLiteral("fixed") : QStringLiteral("scenes");
}

std::optional<SamplingMode> VideoSampler::parseMode(const QString &name)
{
    if (name == QLatin1String("scenes"))
        return SamplingMode::Scenes;
    if (name == QLatin1String("fixed"))
        return SamplingMode::Fixed;
    return std::nullopt;
}

VideoSampling VideoSampler::sampleVideo(const QString &path, const SamplingOptions &options,
                                        const SampledFrameSink &sink, const std::optional<VideoInfo> &probed,
                                        const std::atomic<bool> *cancel)
{
    VideoSampling out;
    if (probed) {
        out.info = *probed;
    } else {
        const auto info = MediaDecoder::probeVideo(path, &out.error);
        if (!info)
            return out;
        out.info = *info;
    }
    const VideoInfo &info = out.info;
    auto msOf = [&info](qint64 index) { return static_cast<qint64>(std::llround(double(index) * 1000.0 / info.fps)); };
    const int cap = std::max(1, options.maxFrames);
    const double seconds = options.everySeconds > 0 ? options.everySeconds : 1.0;

    QList<qint64> fixedIndices;
    if (options.mode == SamplingMode::Fixed) {
        fixedIndices = MediaDecoder::sampleFrames(info, seconds, cap);
        std::sort(fixedIndices.begin(), fixedIndices.end());
        fixedIndices.erase(std::unique(fixedIndices.begin(), fixedIndices.end()), fixedIndices.end());
        if (!sink) { // nothing to decode: the indices are the answer
            for (qint64 index : fixedIndices)
                out.frames.append({index, msOf(index), false});
            return out;
        }
    }

    const double step = periodicStep(seconds * info.fps, double(info.frameCount - 1), cap);
    Selector selector(options, step, out, sink);
    try {
        cv::VideoCapture capture(path.toStdString(), cv::CAP_FFMPEG);
        if (!capture.isOpened()) {
            out.error = tr("cannot open the video: no decodable stream (damaged file or unknown codec)");
            return out;
        }
        cv::Mat bgr;
        // The probe's count bounds the pass (it is itself bounded by the longest video accepted), and a stream that
        // ends sooner ends it: a container that lies about its length costs no more than the length it claims.
        const qint64 limit = std::min<qint64>(
            info.frameCount, qint64(double(MediaDecoder::kMaxVideoSeconds) * std::min(info.fps, 1000.0)));
        if (options.mode == SamplingMode::Fixed) {
            readFixed(capture, fixedIndices, limit, options.seeking, out, sink, cancel);
        } else {
            for (qint64 index = 0; index < limit; ++index) {
                if (cancel && cancel->load())
                    break;
                if (!capture.grab())
                    break;
                ++out.framesRead;
                if (!capture.retrieve(bgr) || bgr.empty())
                    continue;
                selector.offer(index, msOf(index), double(index), bgr);
            }
        }
    } catch (const cv::Exception &e) {
        qCWarning(lcMedia) << path << ": sampling stopped:" << e.what();
        if (out.frames.isEmpty())
            out.error = tr("cannot decode the video: %1").arg(QString::fromStdString(e.msg));
    }
    if (out.frames.isEmpty() && out.error.isEmpty())
        out.error = tr("cannot decode any frame of the video");
    return out;
}

VideoSampling VideoSampler::sampleGif(const QString &path, const SamplingOptions &options, const SampledFrameSink &sink)
{
    VideoSampling out;
    QImageReader reader(path, "gif");
    const QSize size = reader.size();
    if (!size.isValid() || size.isEmpty()) {
        out.error = tr("cannot decode GIF: %1").arg(reader.errorString());
        return out;
    }
    if (qint64(size.width()) * size.height() > MediaDecoder::kDefaultMaxPixels) {
        out.error = tr("image too large: %1 x %2 pixels").arg(size.width()).arg(size.height());
        return out;
    }
    // The frames and their delays first: the cap's interval needs the total length.
    QList<QImage> images;
    QList<qint64> starts;
    qint64 ms = 0, pixels = 0;
    while (images.size() < kMaxGifFrames && pixels < kMaxGifPixelsTotal) {
        QImage image = reader.read();
        if (image.isNull())
            break;
        pixels += qint64(image.width()) * image.height();
        starts.append(ms);
        const int delay = reader.nextImageDelay();
        ms += delay < kMinGifDelayMs ? 100 : delay;
        images.append(image);
    }
    if (images.isEmpty()) {
        out.error = tr("cannot decode GIF: %1").arg(reader.errorString());
        return out;
    }
    out.animated = images.size() > 1;
    out.info.width = images.first().width();
    out.info.height = images.first().height();
    out.info.frameCount = images.size();
    out.info.durationMs = ms;
    out.info.fps = ms > 0 ? 1000.0 * double(images.size()) / double(ms) : 10.0;

    const int cap = std::max(1, options.maxFrames);
    const double seconds = options.everySeconds > 0 ? options.everySeconds : 1.0;
    const double step = periodicStep(seconds * 1000.0, double(starts.last()), cap);
    Selector selector(options, step, out, sink);
    double nextFixed = 0;
    int fixedTaken = 0;
    for (qsizetype i = 0; i < images.size(); ++i) {
        const cv::Mat bgr = MediaDecoder::fromQImage(images.at(i));
        images[i] = QImage(); // each frame's memory goes as soon as it is looked at
        ++out.framesRead;
        if (bgr.empty())
            continue;
        if (options.mode == SamplingMode::Fixed) {
            if (double(starts.at(i)) + 0.5 < nextFixed || fixedTaken >= cap)
                continue;
            while (nextFixed <= double(starts.at(i)) + 0.5)
                nextFixed += step;
            ++fixedTaken;
            const SampledFrame frame{i, starts.at(i), false};
            out.frames.append(frame);
            if (sink)
                sink(frame, bgr);
            continue;
        }
        selector.offer(i, starts.at(i), double(starts.at(i)), bgr);
    }
    return out;
}

} // namespace nsfw
