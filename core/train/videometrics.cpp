#include "videometrics.h"

#include "store/itemquery.h"
#include "store/itemstore.h"
#include "store/projectdatabase.h"

#include <QHash>
#include <QJsonArray>

#include <algorithm>
#include <cmath>

namespace nsfw {

VideoMetrics VideoMetrics::compute(const QVector<VideoUnit> &videos, const VerdictOptions &options)
{
    VideoMetrics m;
    m.m_rule = VideoJudge::ruleText(options);
    for (const VideoUnit &v : videos) {
        if (v.frames.isEmpty() || (v.label != 0 && v.label != 1))
            continue;
        m.m_ids << v.videoId;
        m.m_scores << float(VideoJudge::judge(v.frames, v.durationMs, options).score);
        m.m_labels << v.label;
    }
    m.m_curve = PrCurve::compute(m.m_scores, m.m_labels);
    return m;
}

VideoMetrics VideoMetrics::ofJudged(ProjectDatabase &db, const QVector<RunItem> &judged, const VerdictOptions &options)
{
    QHash<qint64, float> scoreOf;
    QVector<qint64> ids;
    for (const RunItem &i : judged) {
        if (i.split == 1 && std::isfinite(i.score)) {
            scoreOf.insert(i.itemId, i.score);
            ids << i.itemId;
        }
    }
    ItemQuery query(db);
    QHash<qint64, QList<FrameScore>> framesOf;
    for (const ItemRow &r : query.rows(ids)) {
        if (r.kind == ItemKind::Frame && r.parentId > 0)
            framesOf[r.parentId].append({r.frameIndex, std::max<qint64>(0, r.timestampMs), scoreOf.value(r.id)});
    }
    ItemStore items(db);
    QVector<VideoUnit> units;
    for (const ItemRow &video : query.rows(framesOf.keys().toVector())) {
        if (video.label != Label::Nsfw && video.label != Label::Safe)
            continue;
        VideoUnit u;
        u.videoId = video.id;
        u.label = video.label == Label::Nsfw ? 1 : 0;
        const std::optional<Item> item = items.item(video.id);
        u.durationMs = item ? item->durationMs : 0;
        u.frames = framesOf.value(video.id);
        std::sort(u.frames.begin(), u.frames.end(),
                  [](const FrameScore &a, const FrameScore &b) { return a.ms < b.ms; });
        units << u;
    }
    std::sort(units.begin(), units.end(), [](const VideoUnit &a, const VideoUnit &b) { return a.videoId < b.videoId; });
    return compute(units, options);
}

QJsonObject VideoMetrics::toJson() const
{
    QJsonArray ids, scores, labels;
    for (qsizetype i = 0; i < m_ids.size(); ++i) {
        ids.append(m_ids[i]);
        scores.append(double(m_scores[i]));
        labels.append(m_labels[i]);
    }
    const auto number = [](double v) { return std::isfinite(v) ? QJsonValue(v) : QJsonValue(); };
    return {{QStringLiteral("rule"), m_rule},
            {QStringLiteral("videos"), videos()},
            {QStringLiteral("positives"), m_curve.positives},
            {QStringLiteral("ap"), number(m_curve.averagePrecision)},
            {QStringLiteral("rocAuc"), number(m_curve.rocAuc)},
            {QStringLiteral("ids"), ids},
            {QStringLiteral("scores"), scores},
            {QStringLiteral("labels"), labels}};
}

VideoMetrics VideoMetrics::fromJson(const QJsonObject &o)
{
    VideoMetrics m;
    m.m_rule = o.value(QStringLiteral("rule")).toString();
    const QJsonArray ids = o.value(QStringLiteral("ids")).toArray();
    const QJsonArray scores = o.value(QStringLiteral("scores")).toArray();
    const QJsonArray labels = o.value(QStringLiteral("labels")).toArray();
    for (qsizetype i = 0; i < ids.size() && i < scores.size() && i < labels.size(); ++i) {
        m.m_ids << ids[i].toInteger();
        m.m_scores << float(scores[i].toDouble());
        m.m_labels << labels[i].toInt();
    }
    // The curve from the scores themselves: exact at any threshold the user picks later.
    m.m_curve = PrCurve::compute(m.m_scores, m.m_labels);
    return m;
}

QString VideoMetrics::summary(double threshold) const
{
    if (isEmpty())
        return tr("No labeled video among the judged items: no video-level figures.");
    const ConfusionMatrix c = confusionAt(threshold);
    const auto figure = [](double v) { return std::isfinite(v) ? QString::number(v, 'f', 3) : tr("n/a"); };
    return tr("%n video(s) (%1 NSFW), verdict %2: AP %3 · ROC AUC %4 · at %5 precision %6, recall %7", nullptr,
              videos())
        .arg(m_curve.positives)
        .arg(m_rule, figure(m_curve.averagePrecision), figure(m_curve.rocAuc))
        .arg(threshold, 0, 'f', 2)
        .arg(c.precision(), 0, 'f', 3)
        .arg(c.recall(), 0, 'f', 3);
}

} // namespace nsfw
