#include "runreview.h"

#include "media/nearduplicates.h"
#include "store/itemquery.h"
#include "store/labelstore.h"
#include "store/projectdatabase.h"

#include <algorithm>
#include <cmath>

namespace nsfw {

std::optional<RunReview> RunReview::load(ProjectDatabase &db, qint64 runId, QString *error)
{
    RunStore runs(db);
    std::optional<RunRecord> run = runs.run(runId);
    if (!run) {
        if (error)
            *error = tr("There is no run %1 in this project.").arg(runId);
        return std::nullopt;
    }
    QVector<RunItem> items = runs.items(runId);
    QVector<qint64> ids;
    for (const RunItem &i : items) {
        if (i.split == 1)
            ids << i.itemId;
    }
    QHash<qint64, qint64> videoOf;
    for (const ItemRow &r : ItemQuery(db).rows(ids)) {
        if (r.kind == ItemKind::Frame)
            videoOf.insert(r.id, r.parentId);
    }
    RunReview review(std::move(*run), std::move(items), std::move(videoOf));
    if (!review.m_run.bestMetrics.contains(QStringLiteral("video")))
        review.m_videoMetrics = VideoMetrics::ofJudged(db, review.m_judged);
    return review;
}

RunReview::RunReview(RunRecord run, QVector<RunItem> items, QHash<qint64, qint64> videoOf)
    : m_run(std::move(run))
    , m_items(std::move(items))
    , m_videoOf(std::move(videoOf))
{
    std::sort(m_items.begin(), m_items.end(), [](const RunItem &a, const RunItem &b) { return a.itemId < b.itemId; });
    QVector<float> scores;
    QVector<int> labels;
    int maxFold = -1;
    for (const RunItem &i : m_items) {
        m_used.insert(i.itemId, i.label);
        maxFold = std::max(maxFold, i.fold);
        if (i.split == 1 && std::isfinite(i.score)) {
            m_judged << i;
            scores << i.score;
            labels << i.label;
        }
    }
    m_folds = maxFold + 1 > 1 ? maxFold + 1 : 1;
    m_curve = PrCurve::compute(scores, labels);
    m_videoMetrics = VideoMetrics::fromJson(m_run.bestMetrics.value(QStringLiteral("video")).toObject());
}

RunReview::Cell RunReview::cellOf(const RunItem &item, double threshold)
{
    const bool predicted = item.score >= threshold;
    if (item.label == 1)
        return predicted ? Cell::TruePositive : Cell::FalseNegative;
    return predicted ? Cell::FalsePositive : Cell::TrueNegative;
}

QVector<RunItem> RunReview::cell(Cell cell, double threshold) const
{
    QVector<RunItem> chosen;
    for (const RunItem &i : m_judged) {
        if (cellOf(i, threshold) == cell)
            chosen << i;
    }
    const bool highFirst = cell == Cell::FalsePositive || cell == Cell::TrueNegative;
    std::stable_sort(chosen.begin(), chosen.end(), [highFirst](const RunItem &a, const RunItem &b) {
        return highFirst ? a.score > b.score : a.score < b.score;
    });
    return chosen;
}

MetricIntervals RunReview::intervals(double threshold, int resamples, quint64 seed) const
{
    QVector<ScoredItem> scored;
    scored.reserve(m_judged.size());
    for (const RunItem &i : m_judged)
        scored.append({i.score, i.label, m_videoOf.value(i.itemId, 0)});
    return bootstrapIntervals(scored, threshold, resamples, seed);
}

QVector<RunReview::SplitLeak> RunReview::splitLeaks(ProjectDatabase &db, QString *error) const
{
    QVector<SplitLeak> leaks;
    const QHash<qint64, qint64> groupOf = nearDuplicateGroupOf(db, error);
    if (error && !error->isEmpty())
        return leaks;
    QVector<qint64> ids;
    for (const RunItem &i : m_items)
        ids << i.itemId;
    QHash<qint64, SplitLeak> byGroup;
    const QVector<ItemRow> rows = ItemQuery(db).rows(ids);
    QHash<qint64, const ItemRow *> rowOf;
    for (const ItemRow &r : rows)
        rowOf.insert(r.id, &r);
    for (const RunItem &i : m_items) {
        const ItemRow *row = rowOf.value(i.itemId);
        if (!row)
            continue; // deleted since the run
        const qint64 media = row->kind == ItemKind::Frame ? row->parentId : row->id;
        const auto group = groupOf.constFind(media);
        if (group == groupOf.cend())
            continue;
        SplitLeak &leak = byGroup[group.value()];
        leak.items << i;
        leak.rows << *row;
    }
    for (SplitLeak &leak : byGroup) {
        QHash<int, qint64> perSide;
        for (const RunItem &i : std::as_const(leak.items))
            ++perSide[sideOf(i)];
        if (perSide.size() < 2)
            continue;
        // Pairs on different sides: all pairs less those within a side.
        const qint64 n = leak.items.size();
        leak.crossPairs = n * (n - 1) / 2;
        for (qint64 k : std::as_const(perSide))
            leak.crossPairs -= k * (k - 1) / 2;
        leaks << leak;
    }
    std::sort(leaks.begin(), leaks.end(), [](const SplitLeak &a, const SplitLeak &b) {
        return a.crossPairs != b.crossPairs ? a.crossPairs > b.crossPairs : a.items.first().itemId < b.items.first().itemId;
    });
    return leaks;
}

LabelAudit RunReview::audit() const
{
    QVector<AuditInput> inputs;
    inputs.reserve(m_judged.size());
    for (const RunItem &i : m_judged)
        inputs.append({i.itemId, i.label, double(i.score)});
    return LabelAudit::compute(inputs);
}

QVector<LabelSuspect> RunReview::openSuspects(ProjectDatabase &db, const LabelAudit &audit, QSet<qint64> *relabelled,
                                              QSet<qint64> *confirmed) const
{
    QVector<qint64> ids;
    for (const LabelSuspect &s : audit.suspects)
        ids << s.itemId;
    const QSet<qint64> changed = this->relabelled(db, ids);
    const QHash<qint64, HistoryEntry> latest = LabelStore(db).latest(ids);
    QVector<LabelSuspect> open;
    for (const LabelSuspect &s : audit.suspects) {
        if (changed.contains(s.itemId)) {
            if (relabelled)
                relabelled->insert(s.itemId);
            continue;
        }
        const auto it = latest.constFind(s.itemId);
        const Label given = s.label == 1 ? Label::Nsfw : Label::Safe;
        if (it != latest.cend() && it->source == confirmationSource() && it->label == given) {
            if (confirmed)
                confirmed->insert(s.itemId);
            continue;
        }
        open << s;
    }
    return open;
}

QSet<qint64> RunReview::relabelled(ProjectDatabase &db, const QVector<qint64> &ids) const
{
    QSet<qint64> changed;
    QVector<qint64> mine;
    for (qint64 id : ids) {
        if (m_used.contains(id))
            mine << id;
    }
    if (mine.isEmpty())
        return changed;
    for (const ItemRow &r : ItemQuery(db).rows(mine)) {
        const bool inherited = r.label == Label::None && r.kind == ItemKind::Frame;
        const Label was = m_used.value(r.id) == 1 ? Label::Nsfw : Label::Safe;
        if (!inherited && r.label != was)
            changed.insert(r.id);
    }
    return changed;
}

} // namespace nsfw
