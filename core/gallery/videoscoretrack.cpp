#include "videoscoretrack.h"

#include "store/itemquery.h"
#include "store/itemstore.h"
#include "store/projectdatabase.h"
#include "store/videocutstore.h"

#include <algorithm>

namespace nsfw {

VideoScoreTrack VideoScoreTrack::compute(qint64 videoId, qint64 runId, const QVector<TrackFrame> &frames,
                                         qint64 durationMs, const QList<SceneCut> &cuts, const VerdictOptions &options)
{
    VideoScoreTrack t;
    t.m_videoId = videoId;
    t.m_runId = runId;
    t.m_durationMs = durationMs;
    t.m_options = options;
    t.m_frames = frames;
    std::stable_sort(t.m_frames.begin(), t.m_frames.end(),
                     [](const TrackFrame &a, const TrackFrame &b) { return a.ms < b.ms; });
    t.m_cuts = cuts;
    // The verdict is made of the frames the run scored; an unscored frame's time goes to the scored one before it.
    QList<FrameScore> scored;
    for (const TrackFrame &f : std::as_const(t.m_frames)) {
        if (f.score)
            scored.append({0, f.ms, *f.score});
    }
    if (!scored.isEmpty()) {
        t.m_verdict = VideoJudge::judge(scored, durationMs, options);
        t.m_segments = t.m_verdict->segments;
    }
    return t;
}

VideoScoreTrack VideoScoreTrack::load(ProjectDatabase &db, qint64 videoId, qint64 runId, VerdictOptions options)
{
    ItemQuery query(db);
    ItemFilter filter;
    filter.parentId = videoId > 0 ? videoId : -1;
    filter.kinds = {ItemKind::Frame};
    QVector<TrackFrame> frames;
    if (videoId > 0) {
        for (const ItemRow &r : query.rows(query.ids(filter, ItemSort::ImportOrder), runId))
            frames.append({r.id, std::max<qint64>(0, r.timestampMs), r.score});
    }
    options.threshold = runId > 0 ? query.runThreshold(runId).value_or(0.5) : 0.5;
    const std::optional<Item> video = videoId > 0 ? ItemStore(db).item(videoId) : std::nullopt;
    const QList<SceneCut> cuts = videoId > 0 ? VideoCutStore(db).cuts(videoId) : QList<SceneCut>();
    return compute(videoId, runId, frames, video ? video->durationMs : 0, cuts, options);
}

qint64 VideoScoreTrack::endMs() const
{
    qint64 end = m_durationMs;
    if (!m_frames.isEmpty())
        end = std::max(end, m_frames.last().ms + std::max<qint64>(1, m_options.unitMs));
    for (const VideoSegment &s : m_segments)
        end = std::max(end, s.endMs);
    return std::max<qint64>(end, 1);
}

QVector<qint64> VideoScoreTrack::framesOf(int segment) const
{
    QVector<qint64> ids;
    if (segment < 0 || segment >= m_segments.size())
        return ids;
    const VideoSegment &s = m_segments.at(segment);
    for (const TrackFrame &f : m_frames) {
        if (f.ms >= s.startMs && f.ms < s.endMs)
            ids << f.id;
    }
    return ids;
}

int VideoScoreTrack::segmentAt(qint64 ms) const
{
    for (int i = 0; i < m_segments.size(); ++i) {
        if (ms >= m_segments.at(i).startMs && ms < m_segments.at(i).endMs)
            return i;
    }
    return -1;
}

QString VideoScoreTrack::summary() const
{
    if (!m_verdict)
        return m_runId > 0 ? tr("not scored by run %1").arg(m_runId) : tr("no scores yet");
    return tr("verdict %1 (%2) · %n segment(s)", nullptr, int(m_segments.size()))
        .arg(m_verdict->score, 0, 'f', 2)
        .arg(m_verdict->rule);
}

} // namespace nsfw
