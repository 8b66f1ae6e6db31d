#include "labelaudit.h"

#include <QJsonArray>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <vector>

namespace nsfw {

namespace {

constexpr double kFuzz = 1e-6;           // cleanlab's floating-point comparison margin
constexpr double kThresholdFloor = 2e-6; // thresholds never fall below twice that margin

/// Rounds to integers keeping the rounded sum of the row (half to even, then the largest remainders move first).
void roundPreservingSum(const double in[2], qint64 out[2])
{
    double ints[2];
    for (int j = 0; j < 2; ++j)
        ints[j] = std::nearbyint(in[j]);
    const double want = std::nearbyint(in[0] + in[1]);
    double diff = want - (ints[0] + ints[1]);
    while (std::abs(diff) > kFuzz) {
        const int step = diff > 0 ? 1 : -1;
        // Adding: the entry rounded down the most; taking: the one rounded up the most.
        const double r0 = in[0] - ints[0];
        const double r1 = in[1] - ints[1];
        const int j = step > 0 ? (r1 > r0 ? 1 : 0) : (r1 < r0 ? 1 : 0);
        ints[j] += step;
        diff -= step;
    }
    out[0] = qint64(ints[0]);
    out[1] = qint64(ints[1]);
}

} // namespace

LabelAudit LabelAudit::compute(const QVector<AuditInput> &items)
{
    LabelAudit a;
    a.items = items.size();
    auto prob = [](const AuditInput &x, int j) { return j == 1 ? x.score : 1.0 - x.score; };
    qint64 counts[2] = {0, 0};
    double sums[2] = {0, 0};
    for (const AuditInput &x : items) {
        const int i = x.label ? 1 : 0;
        ++counts[i];
        sums[i] += prob(x, i);
    }
    for (int j = 0; j < 2; ++j)
        a.thresholds[j] = counts[j] > 0 ? std::max(kThresholdFloor, sums[j] / double(counts[j])) : 2.0;

    // 2. Confident joint.
    for (const AuditInput &x : items) {
        const bool confident[2] = {prob(x, 0) >= a.thresholds[0] - kFuzz, prob(x, 1) >= a.thresholds[1] - kFuzz};
        int truth;
        if (confident[0] && confident[1])
            truth = prob(x, 1) > prob(x, 0) ? 1 : 0; // argmax; a tie goes to the first class
        else if (confident[0] || confident[1])
            truth = confident[1] ? 1 : 0;
        else
            continue;
        ++a.confidentJoint[x.label ? 1 : 0][truth];
    }
    // 3. Calibration, after giving each class at least one correctly labeled item (as the paper's code does).
    for (int i = 0; i < 2; ++i) {
        qint64 row[2] = {a.confidentJoint[i][0], a.confidentJoint[i][1]};
        row[i] = std::max<qint64>(row[i], 1);
        const double total = double(row[0] + row[1]);
        const double scaled[2] = {double(row[0]) / total * double(counts[i]), double(row[1]) / total * double(counts[i])};
        roundPreservingSum(scaled, a.calibratedJoint[i]);
    }
    a.estimatedErrors = a.calibratedJoint[0][1] + a.calibratedJoint[1][0];

    // 4. Prune by noise rate, per given label.
    std::vector<bool> flagged(size_t(items.size()), false);
    for (int i = 0; i < 2; ++i) {
        const int j = 1 - i;
        std::vector<int> members;
        for (int k = 0; k < items.size(); ++k) {
            if ((items[k].label ? 1 : 0) == i)
                members.push_back(k);
        }
        if (qint64(members.size()) <= 1)
            continue;
        // At least one item keeps each given label.
        const qint64 prune = std::min<qint64>(a.calibratedJoint[i][j], qint64(members.size()) - 1);
        std::stable_sort(members.begin(), members.end(), [&](int p, int q) {
            return prob(items[p], j) - prob(items[p], i) > prob(items[q], j) - prob(items[q], i);
        });
        for (qint64 k = 0; k < prune; ++k)
            flagged[size_t(members[size_t(k)])] = true;
    }
    for (int k = 0; k < items.size(); ++k) {
        const int i = items[k].label ? 1 : 0;
        if (prob(items[k], i) + kFuzz >= prob(items[k], 1 - i))
            flagged[size_t(k)] = false;
    }

    // 5. Rank by normalized margin.
    for (int k = 0; k < items.size(); ++k) {
        if (!flagged[size_t(k)])
            continue;
        const AuditInput &x = items[k];
        const int i = x.label ? 1 : 0;
        LabelSuspect s;
        s.itemId = x.itemId;
        s.label = i;
        s.suggested = 1 - i;
        s.score = prob(x, 1 - i);
        s.quality = (prob(x, i) - prob(x, 1 - i) + 1) / 2;
        a.suspects.append(s);
    }
    std::stable_sort(a.suspects.begin(), a.suspects.end(), [](const LabelSuspect &p, const LabelSuspect &q) {
        return p.quality != q.quality ? p.quality < q.quality : p.itemId < q.itemId;
    });
    for (qsizetype r = 0; r < a.suspects.size(); ++r)
        a.suspects[r].rank = int(r + 1);
    return a;
}

QJsonObject LabelAudit::toJson() const
{
    auto matrix = [](const qint64 m[2][2]) {
        return QJsonArray{QJsonArray{m[0][0], m[0][1]}, QJsonArray{m[1][0], m[1][1]}};
    };
    return {{QStringLiteral("items"), items},
            {QStringLiteral("estimatedErrors"), estimatedErrors},
            {QStringLiteral("suspects"), suspects.size()},
            {QStringLiteral("thresholds"), QJsonArray{thresholds[0], thresholds[1]}},
            {QStringLiteral("confidentJoint"), matrix(confidentJoint)},
            {QStringLiteral("calibratedJoint"), matrix(calibratedJoint)}};
}

} // namespace nsfw
