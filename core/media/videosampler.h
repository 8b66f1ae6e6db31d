#pragma once

#include "mediadecoder.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

#include <atomic>
#include <functional>
#include <optional>

namespace nsfw {

/// How a video's frames are chosen.
enum class SamplingMode {
    Scenes, ///< at most one frame per interval, plus the first frame after every cut, near-repeats skipped
    Fixed,  ///< one frame per interval (MediaDecoder::sampleFrames)
};

/// How fixed sampling reaches its frames when it decodes them (the frames are the same either way).
enum class FrameSeeking {
    Auto,       ///< seek to a frame at least VideoSampler::kSeekMinStride ahead when seeks were measured to cost less
    Sequential, ///< decode every frame up to the last sampled one
    Always,     ///< seek to every sampled frame
};

struct SamplingOptions {
    SamplingMode mode = SamplingMode::Scenes;
    double everySeconds = 1.0; ///< the interval: a frame every (Fixed), at most one frame per (Scenes)
    int maxFrames = 10'000;    ///< per video; beyond it the samples are thinned evenly over the whole video
    FrameSeeking seeking = FrameSeeking::Auto; ///< Fixed only: Scenes looks at every frame
};

/// One chosen frame.
struct SampledFrame {
    qint64 index = 0;      ///< frame number from 0 (a GIF: its frame number)
    qint64 ms = 0;         ///< its time from the start
    bool afterCut = false; ///< chosen as the first frame after a cut
};

/// A cut: a large jump between two consecutive frames; `index` is the first frame of the new shot.
struct SceneCut {
    qint64 index = 0;
    qint64 ms = 0;
    double difference = 0; ///< the mean absolute grey difference to the frame before (0-255)
};

/// What sampling a video gave.
struct VideoSampling {
    VideoInfo info;
    QList<SampledFrame> frames; ///< in order, at most maxFrames
    QList<SceneCut> cuts;       ///< every cut found (Scenes only), in order
    qint64 framesRead = 0;      ///< frames decoded in the pass (a seek's decoding up to its frame not counted)
    bool animated = false;      ///< a GIF with more than one frame
    QString error;              ///< set when nothing could be sampled
    bool ok() const { return error.isEmpty(); }
};

/// Called with each frame chosen while the pass runs and its pixels (BGR); a frame the cap later thins out is not in
/// the result's list, so a consumer keys what it keeps by SampledFrame::index.
using SampledFrameSink = std::function<void(const SampledFrame &, const cv::Mat &bgr)>;

/// Scene-aware sampling of videos and animated GIFs in one sequential pass: every frame is decoded once and shrunk to
/// a 64x36 grey picture; consecutive pictures are compared by their mean absolute difference (MAD, 0-255).
///
/// A cut is a frame whose MAD to the frame before is at least kCutMinDifference and at least kCutRatio times the mean
/// of the kCutHistory differences before it (so fast motion or a strobe, where every frame differs, is no cut). A
/// frame is "nearly identical" to the last chosen one when their MAD is under kNearIdentical. Thresholds measured on
/// videos of 8 different Debian wallpapers, 20 frames each, written as MJPG and MPEG-4 Part 2 at 10 fps, still and
/// panning 0.3 px a frame: cuts 50.8-89.5; within a shot at most 1.54 (codec noise on a still picture at most 0.41;
/// a 3 px pan over a second 0.9-11.9); the colour-per-frame test video: 31-162 between every two frames, at most
/// 2.7 times the mean of the five before.
class VideoSampler
{
    Q_DECLARE_TR_FUNCTIONS(nsfw::VideoSampler)

public:
    static constexpr int kSmallWidth = 64;
    static constexpr int kSmallHeight = 36;
    static constexpr double kCutMinDifference = 12.0;
    static constexpr double kCutRatio = 3.0;
    static constexpr int kCutHistory = 5;
    static constexpr double kNearIdentical = 2.0;
    /// Fixed sampling (FrameSeeking::Auto) may seek (CAP_PROP_POS_FRAMES: back to a key frame, then decoding on)
    /// to a frame at least this many frames ahead; nearer ones are decoded to. OpenCV 4.6's seek cost 230-280 ms on
    /// 640x360 H.264 with a key frame every 12 or 250 frames, the time of decoding ~250 of its frames in order
    /// (`benchmark predict --videos`), so a nearer frame is never worth a seek, nor the probe.
    static constexpr int kSeekMinStride = 250;
    /// A GIF with more frames than this is read up to here.
    static constexpr int kMaxGifFrames = 20'000;
    /// A GIF frame shown for less than this (0 or 10 ms in many files) lasts 100 ms, as browsers show it.
    static constexpr int kMinGifDelayMs = 20;

    /// Samples a video file (probed first; info from an earlier probe may be given). Never reads more frames than
    /// the probe's count (itself capped at MediaDecoder::kMaxVideoSeconds) and stops where the stream ends.
    static VideoSampling sampleVideo(const QString &path, const SamplingOptions &options,
                                     const SampledFrameSink &sink = {}, const std::optional<VideoInfo> &info = {},
                                     const std::atomic<bool> *cancel = nullptr);
    /// Samples an animated GIF by its frames' delays (a single-frame GIF gives its one frame).
    static VideoSampling sampleGif(const QString &path, const SamplingOptions &options,
                                   const SampledFrameSink &sink = {});

    /// "scenes" / "fixed".
    static QString modeName(SamplingMode mode);
    static std::optional<SamplingMode> parseMode(const QString &name);
};

} // namespace nsfw
