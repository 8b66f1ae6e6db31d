#include "agreement.h"

#include "store/projectdatabase.h"

#include <algorithm>
#include <map>

namespace nsfw::agreement {

namespace {

int categoryOf(Label l)
{
    return l == Label::Safe ? 0 : l == Label::Nsfw ? 1 : l == Label::Unsure ? 2 : -1;
}

/// Entries given in bulk (labels from folder names at import, a CSV file) are no measure of anybody's pace.
bool countsForPace(const QString &source)
{
    return source != QLatin1String("folder") && source != QLatin1String("csv");
}

} // namespace

std::optional<double> cohenKappa(const QVector<std::pair<int, int>> &pairs, int categories)
{
    if (pairs.isEmpty())
        return std::nullopt;
    QVector<qint64> first(categories, 0), second(categories, 0);
    qint64 agree = 0;
    for (const auto &[a, b] : pairs) {
        ++first[a];
        ++second[b];
        agree += a == b ? 1 : 0;
    }
    const qint64 n = pairs.size();
    qint64 chance = 0; // n^2 * expected agreement, exact in integers
    for (int c = 0; c < categories; ++c)
        chance += first[c] * second[c];
    if (chance == n * n)
        return std::nullopt; // both always chose one and the same category: chance agreement is 1
    const double po = double(agree) / double(n);
    const double pe = double(chance) / (double(n) * double(n));
    return (po - pe) / (1.0 - pe);
}

std::optional<double> fleissKappa(const QVector<QVector<int>> &units, int categories)
{
    if (units.isEmpty())
        return std::nullopt;
    const qint64 n = units.first().size();
    if (n < 2)
        return std::nullopt;
    QVector<qint64> totals(categories, 0);
    double pBarSum = 0;
    for (const QVector<int> &unit : units) {
        if (unit.size() != n)
            return std::nullopt;
        QVector<qint64> counts(categories, 0);
        for (int c : unit)
            ++counts[c];
        qint64 squares = 0;
        for (int c = 0; c < categories; ++c) {
            squares += counts[c] * counts[c];
            totals[c] += counts[c];
        }
        pBarSum += double(squares - n) / double(n * (n - 1));
    }
    const qint64 ratings = n * units.size();
    if (*std::max_element(totals.cbegin(), totals.cend()) == ratings)
        return std::nullopt; // one category only: chance agreement is 1
    const double pBar = pBarSum / double(units.size());
    double pe = 0;
    for (int c = 0; c < categories; ++c) {
        const double p = double(totals[c]) / double(ratings);
        pe += p * p;
    }
    return (pBar - pe) / (1.0 - pe);
}

std::optional<double> krippendorffAlpha(const QVector<QVector<int>> &units, int categories)
{
    // Coincidence matrix: each unit with m >= 2 values adds its ordered pairs of values, weighted 1/(m-1).
    QVector<double> o(categories * categories, 0.0);
    for (const QVector<int> &unit : units) {
        const int m = unit.size();
        if (m < 2)
            continue;
        QVector<int> counts(categories, 0);
        for (int c : unit)
            ++counts[c];
        for (int c = 0; c < categories; ++c) {
            for (int k = 0; k < categories; ++k)
                o[c * categories + k] += double(counts[c]) * double(counts[k] - (c == k ? 1 : 0)) / double(m - 1);
        }
    }
    QVector<double> nc(categories, 0.0);
    double n = 0;
    double disagreeing = 0;
    for (int c = 0; c < categories; ++c) {
        for (int k = 0; k < categories; ++k) {
            nc[c] += o[c * categories + k];
            if (c != k)
                disagreeing += o[c * categories + k];
        }
        n += nc[c];
    }
    double expected = 0;
    for (int c = 0; c < categories; ++c) {
        for (int k = 0; k < categories; ++k) {
            if (c != k)
                expected += nc[c] * nc[k];
        }
    }
    if (n <= 1 || expected <= 0)
        return std::nullopt; // nothing pairable, or one category only: no disagreement to expect
    return 1.0 - (n - 1.0) * disagreeing / expected;
}

QHash<qint64, Label> referenceLabels(ProjectDatabase &db, QString *error)
{
    return LabelStore(db).currentLabels(error);
}

Report compute(const ItemLabels &labels, const QHash<qint64, Label> &reference, const QVector<LabelActivity> &activity)
{
    Report report;
    // Annotators with at least one label; items in a fixed order so sums do not depend on hashing.
    std::map<QString, AnnotatorAgreement> people;
    QVector<qint64> ids = labels.keys().toVector();
    std::sort(ids.begin(), ids.end());
    for (qint64 id : ids) {
        for (auto it = labels[id].cbegin(); it != labels[id].cend(); ++it) {
            if (categoryOf(it.value()) >= 0)
                people[it.key()].name = it.key();
        }
    }
    for (const auto &[name, unused] : people)
        report.annotators << name;
    const int raters = report.annotators.size();
    QHash<QString, int> index;
    for (int i = 0; i < raters; ++i)
        index.insert(report.annotators[i], i);

    // Per pair (i < j): the items both labeled, as category pairs.
    QVector<QVector<std::pair<int, int>>> pairItems(raters * raters);
    QVector<QVector<int>> units; // overlap items' categories
    QHash<int, QVector<QVector<int>>> unitsBySize;
    double agreementSum = 0;
    int unanimous = 0;
    for (qint64 id : ids) {
        QVector<int> cat(raters, -1);
        QVector<int> unit;
        for (auto it = labels[id].cbegin(); it != labels[id].cend(); ++it) {
            const int c = categoryOf(it.value());
            if (c < 0)
                continue;
            cat[index.value(it.key())] = c;
        }
        for (int i = 0; i < raters; ++i) {
            if (cat[i] >= 0) {
                unit << cat[i];
                ++people[report.annotators[i]].labeled;
            }
        }
        if (unit.isEmpty())
            continue;
        ++report.labeledItems;
        if (unit.size() < 2)
            continue;
        ++report.overlapItems;
        units << unit;
        unitsBySize[unit.size()] << unit;
        QVector<qint64> counts(kCategories, 0);
        for (int c : unit)
            ++counts[c];
        qint64 agreeing = 0;
        for (qint64 k : counts)
            agreeing += k * (k - 1);
        const qint64 m = unit.size();
        agreementSum += double(agreeing) / double(m * (m - 1));
        unanimous += *std::max_element(counts.cbegin(), counts.cend()) == m ? 1 : 0;
        const Label ref = reference.value(id, Label::None);
        for (int i = 0; i < raters; ++i) {
            if (cat[i] < 0)
                continue;
            AnnotatorAgreement &a = people[report.annotators[i]];
            ++a.overlap;
            if (categoryOf(ref) >= 0)
                ++a.confusion[size_t(cat[i])][size_t(categoryOf(ref))];
            else
                ++a.withoutReference;
            for (int j = i + 1; j < raters; ++j) {
                if (cat[j] >= 0)
                    pairItems[i * raters + j].append({cat[i], cat[j]});
            }
        }
    }
    if (report.overlapItems > 0) {
        report.percentAgreement = agreementSum / double(report.overlapItems);
        report.unanimous = double(unanimous) / double(report.overlapItems);
    }
    for (int i = 0; i < raters; ++i) {
        for (int j = i + 1; j < raters; ++j) {
            const QVector<std::pair<int, int>> &both = pairItems[i * raters + j];
            PairAgreement p;
            p.first = report.annotators[i];
            p.second = report.annotators[j];
            p.items = both.size();
            if (!both.isEmpty()) {
                const auto same = std::count_if(both.cbegin(), both.cend(),
                                                [](const std::pair<int, int> &b) { return b.first == b.second; });
                p.observed = double(same) / double(both.size());
            }
            p.kappa = cohenKappa(both);
            report.pairs << p;
        }
    }
    // Fleiss: the most common number of annotators per overlap item (ties: the larger).
    for (auto it = unitsBySize.cbegin(); it != unitsBySize.cend(); ++it) {
        if (it.value().size() > report.fleissItems ||
            (it.value().size() == report.fleissItems && it.key() > report.fleissRaters)) {
            report.fleissItems = it.value().size();
            report.fleissRaters = it.key();
        }
    }
    if (report.fleissItems > 0)
        report.fleissKappa = fleissKappa(unitsBySize.value(report.fleissRaters));
    report.krippendorffAlpha = krippendorffAlpha(units);

    // Pace: each annotator's entries in time order, split into sessions at pauses longer than kSessionGapMs.
    QHash<QString, QVector<qint64>> times;
    for (const LabelActivity &a : activity) {
        if (countsForPace(a.source) && people.count(a.annotator) > 0)
            times[a.annotator] << a.atMs;
    }
    for (auto &[name, a] : people) {
        QVector<qint64> t = times.value(name);
        std::sort(t.begin(), t.end());
        a.entries = t.size();
        qint64 activeMs = 0;
        for (int i = 0; i < t.size(); ++i) {
            if (i == 0 || t[i] - t[i - 1] > kSessionGapMs)
                ++a.sessions;
            else
                activeMs += t[i] - t[i - 1];
        }
        a.activeHours = double(activeMs) / 3600000.0;
        if (activeMs > 0)
            a.labelsPerHour = double(a.entries - a.sessions) / a.activeHours;
        int onDiagonal = 0, judged = 0;
        for (int r = 0; r < kCategories; ++r) {
            for (int c = 0; c < kCategories; ++c) {
                judged += a.confusion[size_t(r)][size_t(c)];
                onDiagonal += r == c ? a.confusion[size_t(r)][size_t(c)] : 0;
            }
        }
        if (judged > 0)
            a.accuracy = double(onDiagonal) / double(judged);
        report.perAnnotator << a;
    }
    return report;
}

Report compute(ProjectDatabase &db, QString *error)
{
    LabelStore store(db);
    QString problem;
    const ItemLabels labels = store.annotatorLabels(&problem);
    const QHash<qint64, Label> reference = problem.isEmpty() ? referenceLabels(db, &problem) : QHash<qint64, Label>();
    const QVector<LabelActivity> activity = problem.isEmpty() ? store.activity(&problem) : QVector<LabelActivity>();
    if (!problem.isEmpty()) {
        if (error)
            *error = problem;
        return {};
    }
    return compute(labels, reference, activity);
}

} // namespace nsfw::agreement
