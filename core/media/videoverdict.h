#pragma once

#include <QList>
#include <QString>

#include <optional>

namespace nsfw {

/// The model's p(nsfw) of one sampled frame.
struct FrameScore {
    qint64 index = 0; ///< frame number
    qint64 ms = 0;    ///< its time from the start
    double score = 0;
};

/// A run of sampled frames scored at or above the threshold (runs closer than the merge gap are one segment). Each
/// sampled frame stands for the time until the next one (the last: until the end of the video), so a still shot
/// sampled once is flagged for as long as it lasts.
struct VideoSegment {
    qint64 startMs = 0; ///< the first flagged frame's time
    qint64 endMs = 0;   ///< where the last flagged frame's time ends: the next sampled frame's time, or the video's end
    double peak = 0;    ///< the highest score in it
    qint64 peakMs = 0;
    int frames = 0; ///< flagged frames in it
};

/// How the scores of a video's frames become one score for the whole video.
/// Frames are weighted by the time they stand for (until the next sampled frame), counted in units of the sampling
/// interval: scene sampling keeps one frame of a still shot however long it is, and a frame of a 3 s shot counts as
/// three samples, as it would with a fixed rate.
enum class VerdictRule {
    TopKMean, ///< the mean score over the k highest-scoring units of time: one noisy frame does not flag a film
    Max,      ///< the highest frame score (what the window showed for a video before)
    Mean,     ///< the mean score over the whole video
};

struct VerdictOptions {
    VerdictRule rule = VerdictRule::TopKMean;
    int k = 3;                ///< for TopKMean; fewer frames: the mean of those there are
    double threshold = 0.5;   ///< a frame at or above it is flagged
    qint64 mergeGapMs = 2000; ///< flagged runs whose gap (from one's end to the next one's start) is at most this merge
    qint64 unitMs = 1000;     ///< the unit of time of TopKMean's k: the sampling interval
};

/// A video's verdict: one score, the rule that made it, and where the flagged parts are.
struct VideoVerdict {
    double score = 0;
    QString rule;         ///< e.g. "topk-mean k=3", "max", "mean"
    bool flagged = false; ///< score >= threshold
    QList<VideoSegment> segments;
    int frames = 0; ///< frames the verdict is made of
};

/// Segments and the verdict of a video's frame scores (frames in time order; none: score 0, no segments).
class VideoJudge
{
public:
    /// durationMs: the video's length (where the last frame's time ends; 0 or less: one unit after it).
    static VideoVerdict judge(const QList<FrameScore> &frames, qint64 durationMs, const VerdictOptions &options);
    static QList<VideoSegment> segments(const QList<FrameScore> &frames, qint64 durationMs, double threshold,
                                        qint64 mergeGapMs, qint64 unitMs = 1000);
    /// "topk-mean", "max", "mean".
    static QString ruleName(VerdictRule rule);
    static std::optional<VerdictRule> parseRule(const QString &name);
    /// How the rule reads in a record: "topk-mean k=3", "max", "mean".
    static QString ruleText(const VerdictOptions &options);
};

} // namespace nsfw
