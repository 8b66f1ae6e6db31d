#include "metrics.h"

#include <QJsonArray>

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

namespace nsfw {

double ConfusionMatrix::f1() const
{
    const double p = precision();
    const double r = recall();
    return tp > 0 && p + r > 0 ? 2 * p * r / (p + r) : 0.0;
}

QJsonObject ConfusionMatrix::toJson() const
{
    return {{QStringLiteral("threshold"), threshold}, {QStringLiteral("tp"), tp}, {QStringLiteral("fp"), fp},
            {QStringLiteral("tn"), tn},               {QStringLiteral("fn"), fn}};
}

ConfusionMatrix ConfusionMatrix::fromJson(const QJsonObject &o)
{
    ConfusionMatrix m;
    m.threshold = o.value(QStringLiteral("threshold")).toDouble(0.5);
    m.tp = o.value(QStringLiteral("tp")).toInteger();
    m.fp = o.value(QStringLiteral("fp")).toInteger();
    m.tn = o.value(QStringLiteral("tn")).toInteger();
    m.fn = o.value(QStringLiteral("fn")).toInteger();
    return m;
}

PrCurve PrCurve::compute(const QVector<float> &scores, const QVector<int> &labels)
{
    PrCurve c;
    const qsizetype n = std::min(scores.size(), labels.size());
    std::vector<qsizetype> order(static_cast<size_t>(n));
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](qsizetype a, qsizetype b) { return scores[a] > scores[b]; });
    for (qsizetype i = 0; i < n; ++i)
        (labels[i] ? c.positives : c.negatives) += 1;

    qint64 tp = 0;
    qint64 fp = 0;
    for (qsizetype k = 0; k < n;) {
        const float s = scores[order[size_t(k)]];
        while (k < n && scores[order[size_t(k)]] == s) {
            (labels[order[size_t(k)]] ? tp : fp) += 1;
            ++k;
        }
        CurvePoint p;
        p.threshold = s;
        p.tp = tp;
        p.fp = fp;
        p.precision = double(tp) / double(tp + fp);
        p.recall = c.positives > 0 ? double(tp) / double(c.positives) : 0.0;
        p.fpr = c.negatives > 0 ? double(fp) / double(c.negatives) : 0.0;
        c.points.append(p);
    }

    // AP: step-wise integral with the precision at each recall step (no interpolation).
    double previousRecall = 0;
    for (const CurvePoint &p : c.points) {
        c.averagePrecision += (p.recall - previousRecall) * p.precision;
        previousRecall = p.recall;
    }
    if (c.positives == 0)
        c.averagePrecision = std::numeric_limits<double>::quiet_NaN();
    // ROC AUC: trapezoids from (0, 0) through every point.
    if (c.positives == 0 || c.negatives == 0) {
        c.rocAuc = std::numeric_limits<double>::quiet_NaN();
    } else {
        double x0 = 0;
        double y0 = 0;
        for (const CurvePoint &p : c.points) {
            c.rocAuc += (p.fpr - x0) * (p.recall + y0) / 2;
            x0 = p.fpr;
            y0 = p.recall;
        }
    }
    return c;
}

ConfusionMatrix PrCurve::confusionAt(double threshold) const
{
    ConfusionMatrix m;
    m.threshold = threshold;
    // The last point whose threshold is >= the threshold holds the counts of "score >= threshold".
    for (const CurvePoint &p : points) {
        if (p.threshold < threshold)
            break;
        m.tp = p.tp;
        m.fp = p.fp;
    }
    m.fn = positives - m.tp;
    m.tn = negatives - m.fp;
    return m;
}

double PrCurve::thresholdForRecall(double minRecall) const
{
    for (const CurvePoint &p : points) {
        if (p.recall >= minRecall)
            return p.threshold;
    }
    return -1;
}

double PrCurve::thresholdForPrecision(double minPrecision) const
{
    double best = -1;
    for (const CurvePoint &p : points) {
        if (p.precision >= minPrecision)
            best = p.threshold; // keep going: lower thresholds give more recall
    }
    return best;
}

QJsonObject PrCurve::toJson(int maxPoints) const
{
    // Thin long curves evenly by index, always keeping both ends.
    QJsonArray t, pr, re, fpr;
    const qsizetype n = points.size();
    const double step = n > maxPoints && maxPoints > 1 ? double(n - 1) / double(maxPoints - 1) : 1.0;
    qsizetype last = -1;
    for (double x = 0; n > 0; x += step) {
        const qsizetype i = std::min<qsizetype>(n - 1, qsizetype(std::llround(x)));
        if (i != last) {
            t.append(points[i].threshold);
            pr.append(points[i].precision);
            re.append(points[i].recall);
            fpr.append(points[i].fpr);
            last = i;
        }
        if (i == n - 1)
            break;
    }
    auto num = [](double v) { return std::isnan(v) ? QJsonValue() : QJsonValue(v); };
    return {{QStringLiteral("threshold"), t},
            {QStringLiteral("precision"), pr},
            {QStringLiteral("recall"), re},
            {QStringLiteral("fpr"), fpr},
            {QStringLiteral("positives"), positives},
            {QStringLiteral("negatives"), negatives},
            {QStringLiteral("ap"), num(averagePrecision)},
            {QStringLiteral("auc"), num(rocAuc)}};
}

PrCurve PrCurve::fromJson(const QJsonObject &o)
{
    PrCurve c;
    c.positives = o.value(QStringLiteral("positives")).toInteger();
    c.negatives = o.value(QStringLiteral("negatives")).toInteger();
    c.averagePrecision = o.value(QStringLiteral("ap")).toDouble(std::numeric_limits<double>::quiet_NaN());
    c.rocAuc = o.value(QStringLiteral("auc")).toDouble(std::numeric_limits<double>::quiet_NaN());
    const QJsonArray t = o.value(QStringLiteral("threshold")).toArray();
    const QJsonArray pr = o.value(QStringLiteral("precision")).toArray();
    const QJsonArray re = o.value(QStringLiteral("recall")).toArray();
    const QJsonArray fpr = o.value(QStringLiteral("fpr")).toArray();
    for (qsizetype i = 0; i < t.size(); ++i) {
        CurvePoint p;
        p.threshold = t[i].toDouble();
        p.precision = pr[i].toDouble();
        p.recall = re[i].toDouble();
        p.fpr = fpr[i].toDouble();
        p.tp = qint64(std::llround(p.recall * double(c.positives)));
        p.fp = qint64(std::llround(p.fpr * double(c.negatives)));
        c.points.append(p);
    }
    return c;
}

} // namespace nsfw
