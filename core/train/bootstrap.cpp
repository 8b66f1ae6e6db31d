#include "bootstrap.h"

#include <QHash>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <random>
#include <vector>

namespace nsfw {

namespace {

QJsonValue number(double v)
{
    return std::isnan(v) ? QJsonValue() : QJsonValue(v);
}

double numberOf(const QJsonValue &v)
{
    return v.isDouble() ? v.toDouble() : qQNaN();
}

/// The value at quantile q of sorted values, interpolated linearly between ranks (numpy's default).
double quantile(const std::vector<double> &sorted, double q)
{
    if (sorted.empty())
        return qQNaN();
    const double pos = q * double(sorted.size() - 1);
    const auto below = size_t(std::floor(pos));
    const size_t above = std::min(sorted.size() - 1, below + 1);
    return sorted[below] + (sorted[above] - sorted[below]) * (pos - double(below));
}

Interval intervalOf(std::vector<double> values, double level)
{
    Interval i;
    values.erase(std::remove_if(values.begin(), values.end(), [](double v) { return std::isnan(v); }), values.end());
    // Fewer than 20 defined resamples cannot place a 95 % interval's ends.
    if (values.size() < 20)
        return i;
    std::sort(values.begin(), values.end());
    i.low = quantile(values, (1 - level) / 2);
    i.high = quantile(values, 1 - (1 - level) / 2);
    return i;
}

} // namespace

QJsonObject Interval::toJson() const
{
    return {{QStringLiteral("low"), number(low)}, {QStringLiteral("high"), number(high)}};
}

Interval Interval::fromJson(const QJsonObject &o)
{
    return {numberOf(o.value(QStringLiteral("low"))), numberOf(o.value(QStringLiteral("high")))};
}

QJsonObject MetricIntervals::toJson() const
{
    return {{QStringLiteral("ap"), averagePrecision.toJson()},
            {QStringLiteral("auc"), rocAuc.toJson()},
            {QStringLiteral("precision"), precision.toJson()},
            {QStringLiteral("recall"), recall.toJson()},
            {QStringLiteral("threshold"), threshold},
            {QStringLiteral("level"), level},
            {QStringLiteral("resamples"), resamples},
            {QStringLiteral("groups"), groups},
            {QStringLiteral("seed"), QString::number(seed)}};
}

MetricIntervals MetricIntervals::fromJson(const QJsonObject &o)
{
    MetricIntervals m;
    m.averagePrecision = Interval::fromJson(o.value(QStringLiteral("ap")).toObject());
    m.rocAuc = Interval::fromJson(o.value(QStringLiteral("auc")).toObject());
    m.precision = Interval::fromJson(o.value(QStringLiteral("precision")).toObject());
    m.recall = Interval::fromJson(o.value(QStringLiteral("recall")).toObject());
    m.threshold = o.value(QStringLiteral("threshold")).toDouble(0.5);
    m.level = o.value(QStringLiteral("level")).toDouble(0.95);
    m.resamples = o.value(QStringLiteral("resamples")).toInt();
    m.groups = o.value(QStringLiteral("groups")).toInt();
    m.seed = o.value(QStringLiteral("seed")).toString().toULongLong();
    return m;
}

MetricIntervals bootstrapIntervals(const QVector<ScoredItem> &items, double threshold, int resamples, quint64 seed,
                                   double level)
{
    MetricIntervals out;
    out.threshold = threshold;
    out.level = level;
    out.seed = seed;
    // Items by decreasing score, once: a resample is a count per item, so each figure is one pass in this order
    // (the same step-wise AP and trapezoid AUC as PrCurve, tied scores forming one point).
    std::vector<int> order(size_t(items.size()));
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return items[a].score > items[b].score; });
    // Groups, in order of first appearance (deterministic for a given input order).
    QHash<qint64, int> groupIndex;
    std::vector<std::vector<int>> members;
    for (int i = 0; i < items.size(); ++i) {
        int g;
        if (items[i].group == 0) {
            g = int(members.size());
            members.emplace_back();
        } else {
            auto it = groupIndex.find(items[i].group);
            if (it == groupIndex.end()) {
                it = groupIndex.insert(items[i].group, int(members.size()));
                members.emplace_back();
            }
            g = it.value();
        }
        members[size_t(g)].push_back(i);
    }
    out.groups = int(members.size());
    if (members.empty() || resamples <= 0)
        return out;
    out.resamples = resamples;

    std::mt19937_64 rng(seed);
    std::uniform_int_distribution<size_t> pick(0, members.size() - 1);
    std::vector<int> count(size_t(items.size()));
    std::vector<double> ap, auc, precision, recall;
    for (int r = 0; r < resamples; ++r) {
        std::fill(count.begin(), count.end(), 0);
        for (size_t k = 0; k < members.size(); ++k) {
            for (int i : members[pick(rng)])
                ++count[size_t(i)];
        }
        double positives = 0, negatives = 0;
        for (size_t i = 0; i < count.size(); ++i)
            (items[int(i)].label ? positives : negatives) += count[i];
        double tp = 0, fp = 0, tpAt = 0, fpAt = 0;
        double apSum = 0, aucSum = 0, previousRecall = 0, x0 = 0, y0 = 0;
        for (size_t k = 0; k < order.size();) {
            const float s = items[order[k]].score;
            while (k < order.size() && items[order[k]].score == s) {
                const int i = order[k];
                (items[i].label ? tp : fp) += count[size_t(i)];
                ++k;
            }
            if (double(s) >= threshold) {
                tpAt = tp;
                fpAt = fp;
            }
            if (tp + fp == 0)
                continue; // none of this score was drawn
            const double rec = positives > 0 ? tp / positives : 0;
            apSum += (rec - previousRecall) * (tp / (tp + fp));
            previousRecall = rec;
            if (positives > 0 && negatives > 0) {
                const double fpr = fp / negatives;
                aucSum += (fpr - x0) * (rec + y0) / 2;
                x0 = fpr;
                y0 = rec;
            }
        }
        const bool both = positives > 0 && negatives > 0;
        ap.push_back(positives > 0 && negatives > 0 ? apSum : qQNaN());
        auc.push_back(both ? aucSum : qQNaN());
        precision.push_back(tpAt + fpAt > 0 ? tpAt / (tpAt + fpAt) : 1.0);
        recall.push_back(positives > 0 ? tpAt / positives : qQNaN());
    }
    out.averagePrecision = intervalOf(std::move(ap), level);
    out.rocAuc = intervalOf(std::move(auc), level);
    out.precision = intervalOf(std::move(precision), level);
    out.recall = intervalOf(std::move(recall), level);
    return out;
}

bool separable(double estimateA, const Interval &a, double estimateB, const Interval &b)
{
    if (!a.isValid() || !b.isValid())
        return false;
    const bool aHoldsB = a.low <= estimateB && estimateB <= a.high;
    const bool bHoldsA = b.low <= estimateA && estimateA <= b.high;
    return !aHoldsB && !bHoldsA;
}

} // namespace nsfw
