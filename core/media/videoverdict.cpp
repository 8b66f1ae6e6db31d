#include "videoverdict.h"

#include <algorithm>
#include <numeric>
#include <vector>

namespace nsfw {

namespace {

/// Where frame i's time ends: the next frame's time, else the video's end (one unit when that is unknown).
qint64 endOf(const QList<FrameScore> &frames, qsizetype i, qint64 durationMs, qint64 unitMs)
{
    if (i + 1 < frames.size())
        return frames.at(i + 1).ms;
    const qint64 ms = frames.at(i).ms;
    return durationMs > ms ? durationMs : ms + std::max<qint64>(1, unitMs);
}

} // namespace

QList<VideoSegment> VideoJudge::segments(const QList<FrameScore> &frames, qint64 durationMs, double threshold,
                                         qint64 mergeGapMs, qint64 unitMs)
{
    QList<VideoSegment> out;
    for (qsizetype i = 0; i < frames.size(); ++i) {
        const FrameScore &f = frames.at(i);
        if (f.score < threshold)
            continue;
        const qint64 end = endOf(frames, i, durationMs, unitMs);
        if (!out.isEmpty() && f.ms - out.last().endMs <= mergeGapMs) {
            VideoSegment &s = out.last();
            s.endMs = end;
            ++s.frames;
            if (f.score > s.peak) {
                s.peak = f.score;
                s.peakMs = f.ms;
            }
            continue;
        }
        out.append({f.ms, end, f.score, f.ms, 1});
    }
    return out;
}

VideoVerdict VideoJudge::judge(const QList<FrameScore> &frames, qint64 durationMs, const VerdictOptions &options)
{
    VideoVerdict v;
    v.rule = ruleText(options);
    v.frames = int(frames.size());
    const qint64 unit = std::max<qint64>(1, options.unitMs);
    v.segments = segments(frames, durationMs, options.threshold, options.mergeGapMs, unit);
    if (frames.isEmpty())
        return v;
    // Each frame with the time it stands for, in units.
    std::vector<std::pair<double, double>> weighted; // score, units
    for (qsizetype i = 0; i < frames.size(); ++i) {
        const double units = double(endOf(frames, i, durationMs, unit) - frames.at(i).ms) / double(unit);
        weighted.emplace_back(frames.at(i).score, std::max(units, 1e-6));
    }
    switch (options.rule) {
    case VerdictRule::Max:
        v.score = std::max_element(weighted.begin(), weighted.end())->first;
        break;
    case VerdictRule::Mean: {
        double sum = 0, units = 0;
        for (const auto &[score, w] : weighted) {
            sum += score * w;
            units += w;
        }
        v.score = sum / units;
        break;
    }
    case VerdictRule::TopKMean: {
        std::sort(weighted.begin(), weighted.end(), [](const auto &a, const auto &b) { return a.first > b.first; });
        const double k = double(std::max(1, options.k));
        double sum = 0, units = 0;
        for (const auto &[score, w] : weighted) {
            const double take = std::min(w, k - units);
            sum += score * take;
            units += take;
            if (units >= k)
                break;
        }
        v.score = sum / units;
        break;
    }
    }
    v.flagged = v.score >= options.threshold;
    return v;
}

QString VideoJudge::ruleName(VerdictRule rule)
{
    switch (rule) {
    case VerdictRule::Max:
        return QStringLiteral("max");
    case VerdictRule::Mean:
        return QStringLiteral("mean");
    case VerdictRule::TopKMean:
        break;
    }
    return QStringLiteral("topk-mean");
}

std::optional<VerdictRule> VideoJudge::parseRule(const QString &name)
{
    for (VerdictRule r : {VerdictRule::TopKMean, VerdictRule::Max, VerdictRule::Mean}) {
        if (ruleName(r) == name)
            return r;
    }
    return std::nullopt;
}

QString VideoJudge::ruleText(const VerdictOptions &options)
{
    if (options.rule == VerdictRule::TopKMean)
        return QStringLiteral("topk-mean k=%1").arg(std::max(1, options.k));
    return ruleName(options.rule);
}

} // namespace nsfw
