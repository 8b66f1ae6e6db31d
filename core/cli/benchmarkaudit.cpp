// benchmark audit: the label-error audit on planted noise. A proxy task from Debian's clip art ('people' as the nsfw
// stand-in, a mix of other categories as safe) with a share of the labels flipped by a seed; the tool's audit after a
// cross-validated head run against a baseline every practitioner has: logistic regression on the same frozen
// features, 5-fold cross-validation, the same confident-learning rule (packaging/bench/audit_baseline.py).
#include "benchstats.h"
#include "commands.h"
#include "console.h"
#include "cliparttask.h"
#include "pythonbench.h"

#include "media/importer.h"
#include "media/mediacache.h"
#include "model/modellocator.h"
#include "store/itemstore.h"
#include "store/labelstore.h"
#include "store/projectdatabase.h"
#include "train/featurecache.h"
#include "train/runreview.h"
#include "train/trainer.h"

#include <QCommandLineParser>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTemporaryDir>

#include <algorithm>
#include <random>

namespace nsfw::cli {

namespace {

/// Precision, recall and precision@k of a ranked suspect list against the flipped items (k = how many were flipped).
QJsonObject scoreSuspects(const QVector<qint64> &ranked, const QSet<qint64> &flipped, qint64 estimate)
{
    qsizetype hits = 0, hitsAtK = 0;
    for (qsizetype i = 0; i < ranked.size(); ++i) {
        if (flipped.contains(ranked[i])) {
            ++hits;
            if (i < flipped.size())
                ++hitsAtK;
        }
    }
    const double k = double(flipped.size());
    return {{QStringLiteral("suspects"), ranked.size()},
            {QStringLiteral("estimatedErrors"), estimate},
            {QStringLiteral("found"), hits},
            {QStringLiteral("precision"), ranked.isEmpty() ? 0.0 : double(hits) / double(ranked.size())},
            {QStringLiteral("recall"), k > 0 ? double(hits) / k : 0.0},
            {QStringLiteral("precisionAtK"), k > 0 ? double(hitsAtK) / k : 0.0}};
}

/// What every trial shares.
struct TrialSetup {
    QStringList positives, negatives;
    int perClass = 0;
    double share = 0;
    TrainSettings settings;
    QString folder; ///< where the trial's project is built (kept or temporary)
    bool quiet = false;
};

/// One trial: a fresh project from the pictures, a seeded share of its labels flipped, the tool's cross-validated
/// head run and audit, and the baseline on the same features and noisy labels. Empty (and `error` set) on failure.
QJsonObject trial(const TrialSetup &setup, quint64 seed, QString *error)
{
    const QDir dir(setup.folder);
    const QString project = dir.filePath(QStringLiteral("audit.nwproj"));
    if (!ProjectDatabase::open(project, ProjectDatabase::OpenMode::CreateNew, QStringLiteral("bench"), error))
        return {};
    for (const auto &[folder, files] : {std::pair{QStringLiteral("nsfw"), setup.positives.mid(0, setup.perClass)},
                                        std::pair{QStringLiteral("safe"), setup.negatives.mid(0, setup.perClass)}}) {
        QDir().mkpath(dir.filePath(QStringLiteral("data/") + folder));
        for (int i = 0; i < files.size(); ++i)
            QFile::copy(files[i], dir.filePath(QStringLiteral("data/%1/%2.png").arg(folder).arg(i)));
    }
    ImportOptions options;
    options.paths = {dir.filePath(QStringLiteral("data"))};
    options.labelsFromFolders = true;
    options.annotator = QStringLiteral("bench");
    Importer(project, options).run();

    // Plant the noise: flip a seeded share of the labels.
    auto db = ProjectDatabase::open(project, ProjectDatabase::OpenMode::OpenExisting, QStringLiteral("bench"), error);
    if (!db)
        return {};
    ItemStore items(*db);
    const QVector<ItemStore::MediaRow> rows = items.mediaRows();
    QHash<qint64, Label> given;
    QVector<qint64> order;
    for (const ItemStore::MediaRow &r : rows) {
        given.insert(r.item.id, r.item.label);
        order << r.item.id;
    }
    std::mt19937_64 rng(seed);
    std::shuffle(order.begin(), order.end(), rng);
    const auto flips = qsizetype(std::llround(setup.share * double(order.size())));
    QSet<qint64> flipped;
    QVector<qint64> toSafe, toNsfw;
    QJsonArray planted;
    for (qsizetype i = 0; i < flips; ++i) {
        flipped.insert(order[i]);
        planted.append(order[i]);
        (given.value(order[i]) == Label::Nsfw ? toSafe : toNsfw) << order[i];
    }
    LabelStore labels(*db);
    labels.setLabel(toSafe, Label::Safe, QStringLiteral("bench"), QStringLiteral("bench"));
    labels.setLabel(toNsfw, Label::Nsfw, QStringLiteral("bench"), QStringLiteral("bench"));
    QFile list(dir.filePath(QStringLiteral("flipped.json")));
    if (list.open(QIODevice::WriteOnly))
        list.write(QJsonDocument(planted).toJson(QJsonDocument::Compact));
    if (!setup.quiet)
        err() << tr("seed %1: %2 pictures, %3 labels flipped; cross-validated head run ...")
                     .arg(seed)
                     .arg(order.size())
                     .arg(flips)
              << '\n';

    // The tool: a cross-validated head run with its defaults, then the audit.
    TrainSettings settings = setup.settings;
    settings.seed = seed;
    Trainer trainer(project, settings);
    const TrainResult run = trainer.run();
    if (run.status != QLatin1String("finished")) {
        *error = tr("The training run failed: %1").arg(run.error);
        return {};
    }
    const std::optional<RunReview> review = RunReview::load(*db, run.runId, error);
    if (!review)
        return {};
    const LabelAudit audit = review->audit();
    QVector<qint64> ours;
    for (const LabelSuspect &x : audit.suspects)
        ours << x.itemId;

    // The baseline: the same frozen features, in the same item order, with the same noisy labels.
    QJsonObject baseline;
    const QString modelDir = locateModel(settings.modelDir, error);
    FeatureCache cache(db->cacheDir(), FeatureCache::modelKey(modelDir));
    QStringList keys;
    QVector<qint64> featureIds;
    QHash<qint64, Label> noisy;
    for (const ItemStore::MediaRow &r : items.mediaRows()) {
        keys << MediaRef::of(r.item, db->absolutePath(r.item.path)).key;
        featureIds << r.item.id;
        noisy.insert(r.item.id, r.item.label);
    }
    const QHash<QString, std::vector<float>> features = cache.load(keys);
    QFile raw(dir.filePath(QStringLiteral("features.f32")));
    int dimension = 0;
    QVector<qint64> kept;
    QJsonArray noisyLabels;
    if (raw.open(QIODevice::WriteOnly)) {
        for (qsizetype i = 0; i < keys.size(); ++i) {
            const auto it = features.constFind(keys[i]);
            if (it == features.cend())
                continue;
            dimension = int(it->size());
            raw.write(reinterpret_cast<const char *>(it->data()), qint64(it->size() * sizeof(float)));
            noisyLabels.append(noisy.value(featureIds[i]) == Label::Nsfw ? 1 : 0);
            kept << featureIds[i];
        }
        raw.close();
    }
    QFile meta(dir.filePath(QStringLiteral("meta.json")));
    if (dimension > 0 && meta.open(QIODevice::WriteOnly)) {
        meta.write(QJsonDocument(QJsonObject{{QStringLiteral("dimension"), dimension},
                                             {QStringLiteral("labels"), noisyLabels}})
                       .toJson(QJsonDocument::Compact));
        meta.close();
        const QJsonObject answer = runPythonBench(
            QStringLiteral("audit_baseline.py"), {raw.fileName(), meta.fileName(), QString::number(seed)},
            QStringLiteral("suspects"));
        if (answer.contains(QStringLiteral("skipped"))) {
            baseline = answer;
        } else {
            QVector<qint64> ranked;
            for (const QJsonValue v : answer.value(QStringLiteral("suspects")).toArray())
                ranked << kept.value(v.toInt());
            baseline = scoreSuspects(ranked, flipped, answer.value(QStringLiteral("estimatedErrors")).toInteger());
            baseline.insert(QStringLiteral("model"), answer.value(QStringLiteral("model")));
        }
    } else {
        baseline = {{QStringLiteral("skipped"), tr("no cached features to give the baseline")}};
    }
    return {{QStringLiteral("seed"), QString::number(seed)},
            {QStringLiteral("pictures"), order.size()},
            {QStringLiteral("flipped"), flips},
            {QStringLiteral("run"), QJsonObject{{QStringLiteral("folds"), run.folds},
                                                {QStringLiteral("bestEpoch"), run.bestEpoch},
                                                {QStringLiteral("ap"), run.best.averagePrecision},
                                                {QStringLiteral("seconds"), run.seconds}}},
            {QStringLiteral("audit"), scoreSuspects(ours, flipped, audit.estimatedErrors)},
            {QStringLiteral("baseline"), baseline}};
}

/// Medians over the trials of one side's figures.
QJsonObject medians(const QJsonArray &trials, const QString &side)
{
    QJsonObject m;
    for (const QString &key : {QStringLiteral("precision"), QStringLiteral("recall"), QStringLiteral("precisionAtK")}) {
        std::vector<double> values;
        for (const QJsonValue t : trials) {
            const QJsonObject o = t.toObject().value(side).toObject();
            if (!o.contains(QStringLiteral("skipped")))
                values.push_back(o.value(key).toDouble());
        }
        if (!values.empty())
            m.insert(key, median(values));
    }
    return m;
}

QString line(const QString &name, const QJsonObject &o)
{
    return tr("%1: %2 suspects (estimate %3), precision %4, recall %5, precision@k %6")
        .arg(name)
        .arg(o.value(QStringLiteral("suspects")).toInt())
        .arg(o.value(QStringLiteral("estimatedErrors")).toInt())
        .arg(o.value(QStringLiteral("precision")).toDouble(), 0, 'f', 3)
        .arg(o.value(QStringLiteral("recall")).toDouble(), 0, 'f', 3)
        .arg(o.value(QStringLiteral("precisionAtK")).toDouble(), 0, 'f', 3);
}

} // namespace

int benchmarkAudit(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("The label-error audit on planted noise: clip art 'people' (nsfw stand-in) against animals, buildings, "
           "tools, plants and transportation, a share of the labels flipped with a seed, a cross-validated head run "
           "and its audit; against logistic regression on the same frozen features with 5-fold cross-validation and "
           "the same confident-learning rule. Prints precision, recall and precision@k (k = labels flipped) of both "
           "for each seed, and their medians over the seeds."));
    const QCommandLineOption perClass(QStringLiteral("per-class"), tr("Pictures per class (default 400)."),
                                      QStringLiteral("N"), QStringLiteral("400"));
    const QCommandLineOption noise(QStringLiteral("noise"), tr("Share of labels flipped (default 0.1)."),
                                   QStringLiteral("F"), QStringLiteral("0.1"));
    const QCommandLineOption seed(QStringLiteral("seed"), tr("First seed of the flips, folds and training (default 1)."),
                                  QStringLiteral("S"), QStringLiteral("1"));
    const QCommandLineOption seeds(QStringLiteral("seeds"),
                                   tr("Trials, with seeds S, S+1, ... (default 5): one trial's precision@k moves "
                                      "by 1/k with each item."),
                                   QStringLiteral("N"), QStringLiteral("5"));
    const QCommandLineOption epochs(QStringLiteral("epochs"), tr("Epochs of the head run (default: the tool's, 30)."),
                                    QStringLiteral("N"), QStringLiteral("0"));
    const QCommandLineOption lr(QStringLiteral("lr"), tr("Learning rate of the head run (default: the tool's)."),
                                QStringLiteral("X"));
    const QCommandLineOption patience(QStringLiteral("patience"),
                                      tr("Early stopping of the head run (default: the tool's, 3; 0: never)."),
                                      QStringLiteral("N"), QStringLiteral("3"));
    const QCommandLineOption keep(QStringLiteral("keep-project"),
                                  tr("Build the projects in DIR (a new folder; one subfolder per seed) and keep them, "
                                     "to open the planted errors in the window or train on them again."),
                                  QStringLiteral("DIR"));
    const QCommandLineOption json(QStringLiteral("json"), tr("Print one JSON object."));
    parser.addOptions({perClass, noise, seed, seeds, epochs, lr, patience, keep, json});
    int status = 0;
    if (!parseArguments(parser, arguments, &status))
        return status;
    TrialSetup setup;
    setup.perClass = std::max(20, parser.value(perClass).toInt());
    setup.share = std::clamp(parser.value(noise).toDouble(), 0.0, 0.5);
    setup.quiet = parser.isSet(json);
    setup.settings.mode = TrainSettings::Mode::Head;
    setup.settings.epochs = std::max(0, parser.value(epochs).toInt());
    setup.settings.scoreAll = false;
    setup.settings.patience = parser.value(patience).toInt();
    if (parser.isSet(lr))
        setup.settings.learningRate = parser.value(lr).toDouble();
    const quint64 first = parser.value(seed).toULongLong();
    const int trials = std::clamp(parser.value(seeds).toInt(), 1, 100);

    setup.positives = shuffledClipArt({QStringLiteral("people")});
    setup.negatives = shuffledClipArt({QStringLiteral("animals"), QStringLiteral("buildings"), QStringLiteral("tools"),
                                       QStringLiteral("plants"), QStringLiteral("transportation")});
    if (setup.positives.size() < setup.perClass || setup.negatives.size() < setup.perClass) {
        err() << tr("openclipart-png is not installed or has too few pictures (%1 people; packaging/setup.sh "
                    "installs it).")
                     .arg(setup.positives.size())
              << '\n';
        return 1;
    }
    const QString keptDir = parser.value(keep);
    if (!keptDir.isEmpty() && (QFileInfo::exists(keptDir) || !QDir().mkpath(keptDir))) {
        err() << tr("%1: give a folder that does not exist yet; it will be made.").arg(keptDir) << '\n';
        return 2;
    }

    QJsonArray results;
    int wins = 0, compared = 0;
    for (int t = 0; t < trials; ++t) {
        const quint64 s = first + quint64(t);
        QTemporaryDir scratch;
        setup.folder = keptDir.isEmpty() ? scratch.path() : QDir(keptDir).filePath(QStringLiteral("seed-%1").arg(s));
        QDir().mkpath(setup.folder);
        QString error;
        const QJsonObject r = trial(setup, s, &error);
        if (r.isEmpty()) {
            err() << error << '\n';
            return 1;
        }
        results.append(r);
        const QJsonObject ours = r.value(QStringLiteral("audit")).toObject();
        const QJsonObject theirs = r.value(QStringLiteral("baseline")).toObject();
        if (!theirs.contains(QStringLiteral("skipped"))) {
            ++compared;
            wins += ours.value(QStringLiteral("precisionAtK")).toDouble()
                    > theirs.value(QStringLiteral("precisionAtK")).toDouble();
        }
        if (setup.quiet)
            continue;
        const QJsonObject run = r.value(QStringLiteral("run")).toObject();
        out() << tr("seed %1: %2 pictures, %3 labels flipped; head run: %4 folds, best epoch %5, out-of-fold AP %6")
                     .arg(s)
                     .arg(r.value(QStringLiteral("pictures")).toInt())
                     .arg(r.value(QStringLiteral("flipped")).toInt())
                     .arg(run.value(QStringLiteral("folds")).toInt())
                     .arg(run.value(QStringLiteral("bestEpoch")).toInt())
                     .arg(run.value(QStringLiteral("ap")).toDouble(), 0, 'f', 3)
              << '\n';
        out() << "  " << line(tr("audit (cross-validated head)"), ours) << '\n';
        if (theirs.contains(QStringLiteral("skipped")))
            out() << "  " << tr("baseline skipped: %1").arg(theirs.value(QStringLiteral("skipped")).toString()) << '\n';
        else
            out() << "  " << line(tr("baseline (logistic regression, 5 folds)"), theirs) << '\n';
    }

    const QJsonObject ourMedians = medians(results, QStringLiteral("audit"));
    const QJsonObject theirMedians = medians(results, QStringLiteral("baseline"));
    const bool beats = compared > 0 && ourMedians.value(QStringLiteral("precisionAtK")).toDouble()
                                           > theirMedians.value(QStringLiteral("precisionAtK")).toDouble();
    if (setup.quiet) {
        out() << QJsonDocument(QJsonObject{{QStringLiteral("trials"), results},
                                           {QStringLiteral("median"),
                                            QJsonObject{{QStringLiteral("audit"), ourMedians},
                                                        {QStringLiteral("baseline"), theirMedians}}},
                                           {QStringLiteral("aheadOnSeeds"), wins},
                                           {QStringLiteral("comparedSeeds"), compared},
                                           {QStringLiteral("beatsBaseline"), beats}})
                     .toJson(QJsonDocument::Compact)
              << '\n';
        return 0;
    }
    auto summary = [](const QJsonObject &m) {
        return tr("precision %1, recall %2, precision@k %3")
            .arg(m.value(QStringLiteral("precision")).toDouble(), 0, 'f', 3)
            .arg(m.value(QStringLiteral("recall")).toDouble(), 0, 'f', 3)
            .arg(m.value(QStringLiteral("precisionAtK")).toDouble(), 0, 'f', 3);
    };
    out() << tr("median over %1 seeds: audit %2").arg(trials).arg(summary(ourMedians)) << '\n';
    if (compared == 0) {
        out() << tr("The baseline was skipped on every seed.") << '\n';
        return 0;
    }
    out() << tr("median over %1 seeds: baseline %2").arg(compared).arg(summary(theirMedians)) << '\n'
          << (beats ? tr("The audit beats the baseline on median precision@k (ahead on %1 of %2 seeds).")
                    : tr("The audit does NOT beat the baseline on median precision@k (ahead on %1 of %2 seeds)."))
                 .arg(wins)
                 .arg(compared)
          << '\n';
    return 0;
}

} // namespace nsfw::cli
