// benchmark duplicates: how well a rule finds near-copies. A corpus of edited copies and distractors built from
// Debian's pictures (duplicatecorpus.h); every pair of files judged by plain pHash, by the block-mean hash, by the
// cosine of the backbone features, and by rules that combine a hash with the features. The combined rules are tuned
// on half of the originals and measured on the other half; the single measures are quoted at their best threshold
// on the measured half, which flatters them. Pairwise precision and recall: a pair is a duplicate exactly when both
// files come from the same original.
#include "commands.h"
#include "console.h"
#include "duplicatecorpus.h"

#include "common/parallel.h"
#include "media/mediadecoder.h"
#include "media/nearduplicates.h"
#include "media/perceptualhash.h"
#include "model/classifier.h"
#include "model/modellocator.h"

#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QTextStream>
#include <QHash>
#include <QMap>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

#include <numeric>

#include <array>
#include <functional>
#include <cmath>

namespace nsfw::cli {

namespace {

constexpr int kCosineBins = 200; ///< cosine similarity of the features in [0, 1] (they are non-negative)

/// Pair counts of one half of the corpus by (hash distance, cosine bin), duplicates and not, with the sums that
/// make any threshold rule an O(1) count.
struct PairTable {
    int distances = 0; ///< hash distance 0 .. distances-1
    std::array<std::vector<qint64>, 2> counts; ///< [duplicate][distance * kCosineBins + bin]
    std::array<std::vector<qint64>, 2> atLeast; ///< pairs with distance <= d and cosine bin >= b, cumulated

    explicit PairTable(int distanceCount)
        : distances(distanceCount)
    {
        for (auto *v : {&counts[0], &counts[1], &atLeast[0], &atLeast[1]})
            v->assign(size_t(distances * kCosineBins), 0);
    }
    void add(bool duplicate, int distance, int bin) { ++counts[duplicate][size_t(distance * kCosineBins + bin)]; }
    void finish()
    {
        for (int k = 0; k < 2; ++k) {
            for (int d = 0; d < distances; ++d) {
                qint64 run = 0;
                for (int b = kCosineBins - 1; b >= 0; --b) {
                    run += counts[k][size_t(d * kCosineBins + b)];
                    atLeast[k][size_t(d * kCosineBins + b)] = run + (d > 0 ? atLeast[k][size_t((d - 1) * kCosineBins + b)] : 0);
                }
            }
        }
    }
    /// Pairs of class k with distance in [from, to] and cosine bin >= bin.
    qint64 count(int k, int from, int to, int bin) const
    {
        if (to < from || bin >= kCosineBins)
            return 0;
        const qint64 upper = atLeast[k][size_t(to * kCosineBins + bin)];
        return from > 0 ? upper - atLeast[k][size_t((from - 1) * kCosineBins + bin)] : upper;
    }
    qint64 total(int k) const { return count(k, 0, distances - 1, 0); }
};

/// A rule: a pair is a duplicate when its hash distance is at most `near`, or at most `far` with a cosine of at
/// least `cosNear` ... written as three bands of distance, each with its own cosine threshold (bin; kCosineBins:
/// never). Plain hash thresholds and plain cosine thresholds are special cases.
struct Rule {
    int near = -1, far = -1;              ///< band ends: [0, near], (near, far], (far, max]
    std::array<int, 3> bins{kCosineBins, kCosineBins, kCosineBins};
};

struct Score {
    qint64 truePairs = 0, foundPairs = 0, correct = 0;
    double precision() const { return foundPairs ? double(correct) / double(foundPairs) : 1.0; }
    double recall() const { return truePairs ? double(correct) / double(truePairs) : 0.0; }
    double f1() const
    {
        const double p = precision(), r = recall();
        return p + r > 0 ? 2 * p * r / (p + r) : 0;
    }
};

Score evaluate(const PairTable &t, const Rule &r)
{
    Score s;
    s.truePairs = t.total(1);
    const int last = t.distances - 1;
    const std::array<std::pair<int, int>, 3> bands{{{0, r.near}, {r.near + 1, r.far}, {r.far + 1, last}}};
    for (int i = 0; i < 3; ++i) {
        const auto [from, to] = bands[size_t(i)];
        const qint64 dup = t.count(1, from, std::min(to, last), r.bins[size_t(i)]);
        s.correct += dup;
        s.foundPairs += dup + t.count(0, from, std::min(to, last), r.bins[size_t(i)]);
    }
    return s;
}

/// The best rule of a family on a table, by F1.
Rule bestHashThreshold(const PairTable &t)
{
    Rule best;
    double f = -1;
    for (int d = 0; d < t.distances; ++d) {
        Rule r;
        r.near = d;
        r.far = d;
        r.bins = {0, kCosineBins, kCosineBins};
        if (const double x = evaluate(t, r).f1(); x > f) {
            f = x;
            best = r;
        }
    }
    return best;
}

Rule bestCosineThreshold(const PairTable &t)
{
    Rule best;
    double f = -1;
    for (int b = 0; b < kCosineBins; ++b) {
        Rule r;
        r.near = t.distances - 1;
        r.far = t.distances - 1;
        r.bins = {b, kCosineBins, kCosineBins};
        if (const double x = evaluate(t, r).f1(); x > f) {
            f = x;
            best = r;
        }
    }
    return best;
}

/// Three distance bands, each with its own cosine threshold; bands searched on a grid, thresholds per band.
Rule bestCombined(const PairTable &t)
{
    Rule best;
    double f = -1;
    const int step = std::max(1, t.distances / 32);
    for (int near = 0; near < t.distances; near += step) {
        for (int far = near; far < t.distances; far += step) {
            Rule r;
            r.near = near;
            r.far = far;
            // Coordinate ascent over the three thresholds (the bands are independent given the others' counts).
            r.bins = {0, kCosineBins / 2, kCosineBins};
            double current = evaluate(t, r).f1();
            for (int round = 0; round < 3; ++round) {
                for (size_t band = 0; band < 3; ++band) {
                    for (int b = 0; b <= kCosineBins; b += 2) {
                        Rule trial = r;
                        trial.bins[band] = b;
                        if (const double x = evaluate(t, trial).f1(); x > current) {
                            current = x;
                            r = trial;
                        }
                    }
                }
            }
            if (current > f) {
                f = current;
                best = r;
            }
        }
    }
    return best;
}

/// Whether a rule takes one pair (its distance and cosine bin) as duplicates.
bool takes(const Rule &r, int distance, int bin)
{
    const size_t band = distance <= r.near ? 0 : distance <= r.far ? 1 : 2;
    return bin >= r.bins[band];
}

QString describe(const Rule &r, const QString &hash, int distances)
{
    auto cos = [](int bin) { return QString::number(double(bin) / kCosineBins, 'f', 3); };
    QStringList parts;
    const std::array<std::pair<int, int>, 3> bands{{{0, r.near}, {r.near + 1, r.far}, {r.far + 1, distances - 1}}};
    for (size_t i = 0; i < 3; ++i) {
        const auto [from, to] = bands[i];
        if (to < from || r.bins[i] >= kCosineBins)
            continue;
        const QString range = from == 0 && to >= distances - 1 ? QString()
                              : from == 0                     ? QStringLiteral("%1 <= %2").arg(hash).arg(to)
                              : to >= distances - 1           ? QStringLiteral("%1 > %2").arg(hash).arg(from - 1)
                                                    : QStringLiteral("%1 in %2-%3").arg(hash).arg(from).arg(to);
        const QString feature = r.bins[i] > 0 ? QStringLiteral("cosine >= %1").arg(cos(r.bins[i])) : QString();
        parts << (range.isEmpty() ? feature : feature.isEmpty() ? range : range + QStringLiteral(" and ") + feature);
    }
    return parts.isEmpty() ? QStringLiteral("never") : parts.join(QStringLiteral(", or "));
}

QJsonObject figures(const Score &s)
{
    return {{QStringLiteral("precision"), s.precision()},
            {QStringLiteral("recall"), s.recall()},
            {QStringLiteral("f1"), s.f1()},
            {QStringLiteral("pairs"), s.truePairs}};
}

} // namespace

int benchmarkDuplicates(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("How well near-copies are found: a corpus of edited copies (resized, JPEG, cropped 4-6 %, gamma, a "
           "caption, a border, blur, WebP, PNG) of Debian's clip art and wallpapers among distractors of the same "
           "kinds; pairwise precision and recall of plain pHash, the block-mean hash, the backbone features' cosine "
           "and the combined rules (tuned on half of the originals, measured on the other half)."));
    const QCommandLineOption originals(QStringLiteral("originals"), tr("Edited originals (default 240)."),
                                       QStringLiteral("N"), QStringLiteral("240"));
    const QCommandLineOption distractors(QStringLiteral("distractors"), tr("Unedited distractors (default 600)."),
                                         QStringLiteral("N"), QStringLiteral("600"));
    const QCommandLineOption seed(QStringLiteral("seed"), tr("Seed of the choice and the edits (default 1)."),
                                  QStringLiteral("S"), QStringLiteral("1"));
    const QCommandLineOption keep(QStringLiteral("keep-corpus"), tr("Write the corpus to DIR (a new folder) and keep it."),
                                  QStringLiteral("DIR"));
    const QCommandLineOption noFeatures(QStringLiteral("no-features"),
                                        tr("Leave out the rules with the backbone features (no model is loaded)."));
    const QCommandLineOption json(QStringLiteral("json"), tr("Print one JSON object."));
    parser.addOptions({originals, distractors, seed, keep, noFeatures, json});
    int status = 0;
    if (!parseArguments(parser, arguments, &status))
        return status;
    const bool quiet = parser.isSet(json);
    QTemporaryDir scratch;
    QString folder = scratch.path();
    if (parser.isSet(keep)) {
        folder = parser.value(keep);
        if (QFileInfo::exists(folder) || !QDir().mkpath(folder)) {
            err() << tr("%1: give a folder that does not exist yet; it will be made.").arg(folder) << '\n';
            return 2;
        }
    }
    QElapsedTimer timer;
    timer.start();
    QString error;
    const quint64 s = parser.value(seed).toULongLong();
    const DuplicateCorpus corpus = DuplicateCorpus::build(folder, std::max(10, parser.value(originals).toInt()),
                                                          std::max(0, parser.value(distractors).toInt()), s, &error);
    if (corpus.files.isEmpty()) {
        err() << error << '\n';
        return 1;
    }
    const qsizetype n = corpus.files.size();
    if (!quiet)
        err() << tr("corpus: %1 files (%2 originals with %3 edits each, and distractors) in %4 s; hashing ...")
                     .arg(n)
                     .arg(corpus.originals)
                     .arg(DuplicateCorpus::edits().size())
                     .arg(timer.elapsed() / 1000.0, 0, 'f', 1)
              << '\n';

    // Hashes (on the pool) and features (the network) of every file.
    QStringList paths;
    for (const DuplicateCorpus::File &f : corpus.files)
        paths << f.path;
    QVector<PerceptualHash> hashes(n);
    parallelFor(n, 0, [&](qsizetype i) {
        QString ignored;
        hashes[i] = PerceptualHash::of(MediaDecoder::readImage(paths[i], MediaDecoder::kDefaultMaxPixels, &ignored));
    });
    std::vector<std::vector<float>> unit; ///< each file's features at unit length (empty without the model)
    QString featureNote;
    const QString modelDir = parser.isSet(noFeatures) ? QString() : locateModel(QString(), &error);
    std::unique_ptr<Classifier> classifier = modelDir.isEmpty() ? nullptr : Classifier::load(modelDir, &error);
    if (parser.isSet(noFeatures))
        error = tr("--no-features");
    if (classifier) {
        if (!quiet)
            err() << tr("features of %1 files ...").arg(n) << '\n';
        const std::vector<std::vector<float>> features = classifier->featuresOfFiles(paths);
        const size_t d = features.empty() ? 0 : features.front().size();
        unit.assign(size_t(n), std::vector<float>(d, 0.f));
        for (qsizetype i = 0; i < n; ++i) {
            const std::vector<float> &f = features[size_t(i)];
            const double norm = f.size() == d ? std::sqrt(std::inner_product(f.cbegin(), f.cend(), f.cbegin(), 0.0)) : 0;
            if (norm > 0) {
                for (size_t k = 0; k < d; ++k)
                    unit[size_t(i)][k] = float(f[k] / norm);
            }
        }
    } else {
        featureNote = tr("no model (%1): the rules with features are left out").arg(error);
        if (!quiet)
            err() << featureNote << '\n';
    }
    const bool withFeatures = !unit.empty();
    auto cosine = [&unit](qsizetype i, qsizetype j) {
        return std::inner_product(unit[size_t(i)].cbegin(), unit[size_t(i)].cend(), unit[size_t(j)].cbegin(), 0.f);
    };

    // The signals of a pair: hash distances (0-64) and similarities (as bins of [0, 1]).
    auto bin = [](float similarity) { return std::clamp(int(similarity * kCosineBins), 0, kCosineBins - 1); };
    struct Family {
        QString name, hashName;
        std::function<int(qsizetype, qsizetype)> distance;
        bool features = false; ///< similarity: the features' cosine, else the thumbnails' correlation
        float chromaLimit = 1e9f; ///< pairs whose colours differ more are never duplicates
    };
    QVector<Family> families = {
        {tr("plain pHash"), QStringLiteral("pHash"),
         [&](qsizetype i, qsizetype j) { return int(qPopulationCount(hashes[i].phash[0] ^ hashes[j].phash[0])); }},
        {tr("pHash (whole or trimmed) with the thumbnail"), QStringLiteral("pHash"),
         [&](qsizetype i, qsizetype j) { return hashes[i].phashDistance(hashes[j]); }},
        {tr("block mean (whole or trimmed) with the thumbnail"), QStringLiteral("blockMean/4"),
         [&](qsizetype i, qsizetype j) { return hashes[i].blockMeanDistance(hashes[j]) / 4; }},
    };
    QVector<Family> vetoed;
    for (const float limit : {6.f, 10.f, 15.f, 25.f}) {
        Family f = families[1];
        f.name = tr("pHash (whole or trimmed) with the thumbnail, colours within %1").arg(limit);
        f.chromaLimit = limit;
        vetoed << f;
        f = families[2];
        f.name = tr("block mean (whole or trimmed) with the thumbnail, colours within %1").arg(limit);
        f.chromaLimit = limit;
        vetoed << f;
    }
    families += vetoed;
    if (withFeatures)
        families.append({tr("pHash (whole or trimmed) with the features"), QStringLiteral("pHash"),
                         [&](qsizetype i, qsizetype j) { return hashes[i].phashDistance(hashes[j]); }, true});
    const qsizetype usable = families.size();

    // The pairs of each half: the originals split in two by the seed, distractors too.
    std::vector<int> half(static_cast<size_t>(n));
    for (qsizetype i = 0; i < n; ++i)
        half[size_t(i)] = int((quint64(corpus.files[i].source) * 0x9E3779B97F4A7C15ULL + s) >> 63);
    std::vector<std::array<PairTable, 2>> tables;
    for (qsizetype f = 0; f < usable; ++f)
        tables.push_back({PairTable(65), PairTable(65)});
    for (qsizetype i = 0; i < n; ++i) {
        for (qsizetype j = i + 1; j < n; ++j) {
            const int h = half[size_t(i)];
            if (h != half[size_t(j)])
                continue;
            const bool dup = corpus.files[i].source == corpus.files[j].source;
            const int thumb = bin(hashes[i].thumbnailCorrelation(hashes[j]));
            const float chroma = hashes[i].chromaDistance(hashes[j]).mean;
            const int feature = withFeatures ? bin(cosine(i, j)) : 0;
            for (qsizetype f = 0; f < usable; ++f) {
                // A vetoed pair counts as the farthest and least similar.
                const bool veto = chroma > families[f].chromaLimit;
                tables[size_t(f)][size_t(h)].add(dup, veto ? 64 : families[f].distance(i, j),
                                                 veto ? 0 : families[f].features ? feature : thumb);
            }
        }
    }
    for (auto &pair : tables) {
        pair[0].finish();
        pair[1].finish();
    }
    // The tool's own rule (what `duplicates` uses), pair by pair.
    const NearDuplicateRule toolRule;
    std::array<Score, 2> tool;
    for (qsizetype i = 0; i < n; ++i) {
        for (qsizetype j = i + 1; j < n; ++j) {
            const int h = half[size_t(i)];
            if (h != half[size_t(j)])
                continue;
            const bool dup = corpus.files[i].source == corpus.files[j].source;
            const bool taken = toolRule.matches(hashes[i], hashes[j]);
            Score &t = tool[size_t(h)];
            t.truePairs += dup;
            t.foundPairs += taken;
            t.correct += dup && taken;
        }
    }

    // The single signals at their best threshold on the measured half (which flatters them); the combined rules
    // tuned on the tuning half and measured on the other.
    struct Line {
        QString name, rule;
        Score tuned, measured;
        qsizetype family = 0;
        Rule r;
    };
    QVector<Line> lines;
    auto line = [&](const QString &name, qsizetype f, const Rule &r, bool similarityIsFeatures) {
        const QString hashName = families[f].hashName;
        QString text = describe(r, hashName, 65);
        text.replace(QStringLiteral("cosine"), similarityIsFeatures ? tr("feature cosine") : tr("thumbnail correlation"));
        lines.append({name, text, evaluate(tables[size_t(f)][0], r), evaluate(tables[size_t(f)][1], r), f, r});
    };
    line(tr("plain pHash (64 bits), best threshold on the measured half"), 0, bestHashThreshold(tables[0][1]), false);
    line(tr("pHash, whole or trimmed, best threshold on the measured half"), 1, bestHashThreshold(tables[1][1]), false);
    line(tr("block mean (256 bits), whole or trimmed, best threshold on the measured half"), 2,
         bestHashThreshold(tables[2][1]), false);
    line(tr("thumbnail correlation, best threshold on the measured half"), 1, bestCosineThreshold(tables[1][1]), false);
    if (withFeatures)
        line(tr("feature cosine, best threshold on the measured half"), usable - 1,
             bestCosineThreshold(tables[size_t(usable - 1)][1]), true);
    qsizetype chosen = -1;
    for (qsizetype f = 1; f < usable; ++f) {
        line(families[f].name + tr(", tuned on the other half"), f, bestCombined(tables[size_t(f)][0]),
             families[f].features);
        if (chosen < 0 || lines.last().tuned.f1() > lines[chosen].tuned.f1())
            chosen = lines.size() - 1;
    }
    const Line best = lines[chosen]; // a copy: lines grows below
    lines.append({tr("the tool's rule (what duplicates uses)"),
                  tr("the same pHash, or pHash <= %1 and the best-aligned views correlated >= %2, or the trimmed "
                     "thumbnails correlated >= %3; colours within %4 (mean) and %5 (any cell)")
                      .arg(toolRule.farBits)
                      .arg(toolRule.farCorrelation)
                      .arg(toolRule.beyondCorrelation)
                      .arg(toolRule.maxChromaDistance)
                      .arg(toolRule.maxChromaCellDistance),
                  tool[0], tool[1], 1, Rule()});
    auto takesPair = [&](qsizetype i, qsizetype j) { return toolRule.matches(hashes[i], hashes[j]); };

    // Recall of each edit on the measured half: the pairs (original, its edited copy).
    QHash<int, qsizetype> originalOf;
    for (qsizetype i = 0; i < n; ++i) {
        if (corpus.files[i].edit == QLatin1String("original"))
            originalOf.insert(corpus.files[i].source, i);
    }
    struct EditRecall {
        int pairs = 0, plain = 0, best = 0;
    };
    QMap<QString, EditRecall> perEdit;
    const Rule &plainRule = lines[0].r;
    for (qsizetype j = 0; j < n; ++j) {
        const DuplicateCorpus::File &f = corpus.files[j];
        if (half[size_t(j)] != 1 || !originalOf.contains(f.source) || f.edit == QLatin1String("original"))
            continue;
        const qsizetype i = originalOf.value(f.source);
        EditRecall &e = perEdit[f.edit + (f.wallpaper ? QStringLiteral(" (photo)") : QString())];
        ++e.pairs;
        e.plain += takes(plainRule, families[0].distance(i, j), 0);
        e.best += takesPair(i, j);
    }

    // With a kept corpus, the tool's rule's mistakes on the measured half, to look at.
    if (parser.isSet(keep)) {
        QFile list(QDir(folder).filePath(QStringLiteral("mistakes.tsv")));
        if (list.open(QIODevice::WriteOnly | QIODevice::Text)) {
            QTextStream text(&list);
            text << "kind\tfirst\tsecond\n";
            for (qsizetype i = 0; i < n; ++i) {
                for (qsizetype j = i + 1; j < n; ++j) {
                    if (half[size_t(i)] != 1 || half[size_t(j)] != 1)
                        continue;
                    const bool dup = corpus.files[i].source == corpus.files[j].source;
                    if (takesPair(i, j) != dup)
                        text << (dup ? "missed" : "false") << '\t' << corpus.files[i].path << '\t'
                             << corpus.files[j].path << '\n';
                }
            }
        }
    }
    // How fast the tool groups: every pair of the corpus through the rule (the all-pairs loop).
    QHash<qint64, PerceptualHash> byId;
    for (qsizetype i = 0; i < n; ++i)
        byId.insert(i, hashes[i]);
    QElapsedTimer grouping;
    grouping.start();
    const qsizetype groupCount = nearDuplicateGroups(byId).size();
    const double groupingSeconds = std::max(1e-6, grouping.nsecsElapsed() / 1e9);
    const double pairsPerSecond = double(n) * double(n - 1) / 2 / groupingSeconds;
    const double seconds = timer.elapsed() / 1000.0;
    if (quiet) {
        QJsonArray rules;
        for (const Line &l : lines)
            rules.append(QJsonObject{{QStringLiteral("name"), l.name},
                                     {QStringLiteral("rule"), l.rule},
                                     {QStringLiteral("tuningHalf"), figures(l.tuned)},
                                     {QStringLiteral("measuredHalf"), figures(l.measured)}});
        QJsonObject edits;
        for (auto it = perEdit.cbegin(); it != perEdit.cend(); ++it)
            edits.insert(it.key(), QJsonObject{{QStringLiteral("pairs"), it->pairs},
                                               {QStringLiteral("plainPhash"), double(it->plain) / it->pairs},
                                               {QStringLiteral("chosen"), double(it->best) / it->pairs}});
        QJsonObject o{{QStringLiteral("files"), n},
                      {QStringLiteral("originals"), corpus.originals},
                      {QStringLiteral("seed"), QString::number(s)},
                      {QStringLiteral("rules"), rules},
                      {QStringLiteral("chosen"), best.name},
                      {QStringLiteral("tool"), figures(tool[1])},
                      {QStringLiteral("groupingSeconds"), groupingSeconds},
                      {QStringLiteral("pairsPerSecond"), pairsPerSecond},
                      {QStringLiteral("recallByEdit"), edits},
                      {QStringLiteral("seconds"), seconds}};
        if (!featureNote.isEmpty())
            o.insert(QStringLiteral("note"), featureNote);
        out() << QJsonDocument(o).toJson(QJsonDocument::Compact) << '\n';
        return 0;
    }
    out() << tr("%1 files, %2 originals with %3 edits each; duplicate pairs: %4 tuning, %5 measured")
                 .arg(n)
                 .arg(corpus.originals)
                 .arg(DuplicateCorpus::edits().size())
                 .arg(tables[0][0].total(1))
                 .arg(tables[0][1].total(1))
          << '\n';
    for (const Line &l : lines)
        out() << tr("%1: %2\n  measured half: precision %3, recall %4 (tuning half: %5, %6)")
                     .arg(l.name, l.rule)
                     .arg(l.measured.precision(), 0, 'f', 3)
                     .arg(l.measured.recall(), 0, 'f', 3)
                     .arg(l.tuned.precision(), 0, 'f', 3)
                     .arg(l.tuned.recall(), 0, 'f', 3)
              << '\n';
    out() << tr("chosen on the tuning half: %1").arg(best.name) << '\n'
          << tr("recall of (original, edited copy) pairs by edit, measured half: plain pHash / the tool's rule") << '\n';
    for (auto it = perEdit.cbegin(); it != perEdit.cend(); ++it)
        out() << QStringLiteral("  %1 %2 / %3 (%4 pairs)")
                     .arg(it.key(), -18)
                     .arg(double(it->plain) / it->pairs, 0, 'f', 3)
                     .arg(double(it->best) / it->pairs, 0, 'f', 3)
                     .arg(it->pairs)
              << '\n';
    out() << tr("grouping all %1 files: %2 groups in %3 s (%4 million pairs a second, every pair compared)")
                 .arg(n)
                 .arg(groupCount)
                 .arg(groupingSeconds, 0, 'f', 2)
                 .arg(pairsPerSecond / 1e6, 0, 'f', 1)
          << '\n';
    out() << tr("%1 s in all").arg(seconds, 0, 'f', 1) << '\n';
    return 0;
}

} // namespace nsfw::cli
