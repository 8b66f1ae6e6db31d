#pragma once

#include "media/videosampler.h"
#include "media/videoverdict.h"

#include <QCoreApplication>
#include <QList>
#include <QVector>

#include <optional>

namespace nsfw {

class ProjectDatabase;

/// One sampled frame of a video on the score strip.
struct TrackFrame {
    qint64 id = 0; ///< the frame's item
    qint64 ms = 0;
    std::optional<double> score; ///< none: the run did not score it
};

/// What the timeline's score strip shows of a video, for one run: each sampled frame's score, the segments of flagged
/// frames at the run's threshold, the verdict, and where the shots change. No widgets: the strip paints it, the tests
/// check it.
class VideoScoreTrack
{
    Q_DECLARE_TR_FUNCTIONS(nsfw::VideoScoreTrack)

public:
    /// The frames (in time order), segments and verdict of frame scores; options.threshold is the run's threshold.
    static VideoScoreTrack compute(qint64 videoId, qint64 runId, const QVector<TrackFrame> &frames, qint64 durationMs,
                                   const QList<SceneCut> &cuts, const VerdictOptions &options);
    /// Reads a video's frames, their scores in the run (0: none), the run's threshold (0.5 without one) and the cuts.
    static VideoScoreTrack load(ProjectDatabase &db, qint64 videoId, qint64 runId,
                                VerdictOptions options = VerdictOptions());

    qint64 videoId() const { return m_videoId; }
    qint64 runId() const { return m_runId; }
    double threshold() const { return m_options.threshold; }
    qint64 durationMs() const { return m_durationMs; }
    const QVector<TrackFrame> &frames() const { return m_frames; }
    const QList<SceneCut> &cuts() const { return m_cuts; }
    const QList<VideoSegment> &segments() const { return m_segments; }
    /// The verdict of the scored frames; none when the run scored none of them.
    const std::optional<VideoVerdict> &verdict() const { return m_verdict; }
    /// Where the strip ends: the video's length, or past the last frame's time when that is unknown.
    qint64 endMs() const;
    /// The frames a segment spans: every sampled frame from its start to its end (frames below the threshold in a
    /// gap it merged across included), in time order.
    QVector<qint64> framesOf(int segment) const;
    /// The segment a time falls in, or -1.
    int segmentAt(qint64 ms) const;
    /// "verdict 0.87 (topk-mean k=3) · 2 segments", or that the run has not scored the video.
    QString summary() const;

private:
    qint64 m_videoId = 0;
    qint64 m_runId = 0;
    qint64 m_durationMs = 0;
    VerdictOptions m_options;
    QVector<TrackFrame> m_frames;
    QList<SceneCut> m_cuts;
    QList<VideoSegment> m_segments;
    std::optional<VideoVerdict> m_verdict;
};

} // namespace nsfw
