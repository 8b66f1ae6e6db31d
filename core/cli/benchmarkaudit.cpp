// benchmark audit: the label-error audit on planted noise. A proxy task from Debian's clip art ('people' as the nsfw
// stand-in, a mix of other categories as safe) with a share of the labels flipped by a seed; the tool's audit after a
// cross-validated head run against a baseline every practitioner has: logistic regression on the same frozen
// features, 5-fold cross-validation, the same confident-learning rule (packaging/bench/audit_baseline.py).
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

} // namespace

int benchmarkAudit(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("The label-error audit on planted noise: clip art 'people' (nsfw stand-in) against animals, buildings, "
           "tools, plants and transportation, a share of the labels flipped with a seed, a cross-validated head run "
           "and its audit; against logistic regression on the same frozen features with 5-fold cross-validation and "
           "the same confident-learning rule. Prints precision, recall and precision@k (k = labels flipped) of both."));
    const QCommandLineOption perClass(QStringLiteral("per-class"), tr("Pictures per class (default 200)."),
                                      QStringLiteral("N"), QStringLiteral("200"));
    const QCommandLineOption noise(QStringLiteral("noise"), tr("Share of labels flipped (default 0.1)."),
                                   QStringLiteral("F"), QStringLiteral("0.1"));
    const QCommandLineOption seed(QStringLiteral("seed"), tr("Seed of the flips, folds and training (default 1)."),
                                  QStringLiteral("S"), QStringLiteral("1"));
    const QCommandLineOption epochs(QStringLiteral("epochs"), tr("Epochs of the head run (default: the tool's, 10)."),
                                    QStringLiteral("N"), QStringLiteral("10"));
    const QCommandLineOption lr(QStringLiteral("lr"), tr("Learning rate of the head run (default: the tool's)."),
                                QStringLiteral("X"));
    const QCommandLineOption patience(QStringLiteral("patience"),
                                      tr("Early stopping of the head run (default: the tool's, 3; 0: never)."),
                                      QStringLiteral("N"), QStringLiteral("3"));
    const QCommandLineOption json(QStringLiteral("json"), tr("Print one JSON object."));
    parser.addOptions({perClass, noise, seed, epochs, lr, patience, json});
    int status = 0;
    if (!parseArguments(parser, arguments, &status))
        return status;
    const int n = std::max(20, parser.value(perClass).toInt());
    const double share = std::clamp(parser.value(noise).toDouble(), 0.0, 0.5);
    const quint64 s = parser.value(seed).toULongLong();

    const QStringList positives = shuffledClipArt({QStringLiteral("people")});
    const QStringList negatives = shuffledClipArt({QStringLiteral("animals"), QStringLiteral("buildings"),
                                                   QStringLiteral("tools"), QStringLiteral("plants"),
                                                   QStringLiteral("transportation")});
    if (positives.size() < n || negatives.size() < n) {
        err() << tr("openclipart-png is not installed or has too few pictures (packaging/setup.sh installs it).")
              << '\n';
        return 1;
    }
    QTemporaryDir dir;
    const QString project = dir.filePath(QStringLiteral("audit.nwproj"));
    QString error;
    if (!ProjectDatabase::open(project, ProjectDatabase::OpenMode::CreateNew, QStringLiteral("bench"), &error)) {
        err() << error << '\n';
        return 1;
    }
    for (const auto &[folder, files] : {std::pair{QStringLiteral("nsfw"), positives.mid(0, n)},
                                        std::pair{QStringLiteral("safe"), negatives.mid(0, n)}}) {
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
    auto db = ProjectDatabase::open(project, ProjectDatabase::OpenMode::OpenExisting, QStringLiteral("bench"), &error);
    if (!db) {
        err() << error << '\n';
        return 1;
    }
    ItemStore items(*db);
    const QVector<ItemStore::MediaRow> rows = items.mediaRows();
    QVector<qint64> ids;
    for (const ItemStore::MediaRow &r : rows)
        ids << r.item.id;
    std::mt19937_64 rng(s);
    QVector<qint64> order = ids;
    std::shuffle(order.begin(), order.end(), rng);
    const auto flips = qsizetype(std::llround(share * double(ids.size())));
    QSet<qint64> flipped;
    QVector<qint64> toSafe, toNsfw;
    for (qsizetype i = 0; i < flips; ++i) {
        flipped.insert(order[i]);
        for (const ItemStore::MediaRow &r : rows) {
            if (r.item.id == order[i])
                (r.item.label == Label::Nsfw ? toSafe : toNsfw) << r.item.id;
        }
    }
    LabelStore labels(*db);
    labels.setLabel(toSafe, Label::Safe, QStringLiteral("bench"), QStringLiteral("bench"));
    labels.setLabel(toNsfw, Label::Nsfw, QStringLiteral("bench"), QStringLiteral("bench"));
    const bool quiet = parser.isSet(json);
    if (!quiet)
        err() << tr("%1 pictures, %2 labels flipped; cross-validated head run ...").arg(ids.size()).arg(flips) << '\n';

    // The tool: a cross-validated head run with its defaults, then the audit.
    TrainSettings settings;
    settings.mode = TrainSettings::Mode::Head;
    settings.epochs = parser.value(epochs).toInt();
    settings.seed = s;
    settings.scoreAll = false;
    settings.patience = parser.value(patience).toInt();
    if (parser.isSet(lr))
        settings.learningRate = parser.value(lr).toDouble();
    Trainer trainer(project, settings);
    const TrainResult run = trainer.run();
    if (run.status != QLatin1String("finished")) {
        err() << tr("The training run failed: %1").arg(run.error) << '\n';
        return 1;
    }
    const std::optional<RunReview> review = RunReview::load(*db, run.runId, &error);
    if (!review) {
        err() << error << '\n';
        return 1;
    }
    const LabelAudit audit = review->audit();
    QVector<qint64> ours;
    for (const LabelSuspect &x : audit.suspects)
        ours << x.itemId;
    const QJsonObject ourScore = scoreSuspects(ours, flipped, audit.estimatedErrors);

    // The baseline: the same frozen features, in the same item order, with the same noisy labels.
    QJsonObject baseline;
    const QString modelDir = locateModel(QString(), &error);
    FeatureCache cache(db->cacheDir(), FeatureCache::modelKey(modelDir));
    QStringList keys;
    QVector<qint64> featureIds;
    QJsonArray noisy;
    for (const ItemStore::MediaRow &r : items.mediaRows()) {
        keys << MediaRef::of(r.item, db->absolutePath(r.item.path)).key;
        featureIds << r.item.id;
    }
    const QHash<QString, std::vector<float>> features = cache.load(keys);
    QFile raw(dir.filePath(QStringLiteral("features.f32")));
    int dimension = 0;
    QVector<qint64> kept;
    if (raw.open(QIODevice::WriteOnly)) {
        const QHash<qint64, Label> now = [&] {
            QHash<qint64, Label> m;
            for (const ItemStore::MediaRow &r : items.mediaRows())
                m.insert(r.item.id, r.item.label);
            return m;
        }();
        for (qsizetype i = 0; i < keys.size(); ++i) {
            const auto it = features.constFind(keys[i]);
            if (it == features.cend())
                continue;
            dimension = int(it->size());
            raw.write(reinterpret_cast<const char *>(it->data()), qint64(it->size() * sizeof(float)));
            noisy.append(now.value(featureIds[i]) == Label::Nsfw ? 1 : 0);
            kept << featureIds[i];
        }
        raw.close();
    }
    QFile meta(dir.filePath(QStringLiteral("meta.json")));
    if (dimension > 0 && meta.open(QIODevice::WriteOnly)) {
        meta.write(QJsonDocument(QJsonObject{{QStringLiteral("dimension"), dimension},
                                             {QStringLiteral("labels"), noisy}})
                       .toJson(QJsonDocument::Compact));
        meta.close();
        if (!quiet)
            err() << tr("baseline: logistic regression on %1 frozen features of %2 pictures ...")
                         .arg(dimension)
                         .arg(kept.size())
                  << '\n';
        const QJsonObject answer = runPythonBench(
            QStringLiteral("audit_baseline.py"), {raw.fileName(), meta.fileName(), QString::number(s)},
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

    const bool compared = !baseline.contains(QStringLiteral("skipped"));
    const bool beats = compared && ourScore.value(QStringLiteral("precisionAtK")).toDouble()
                                       > baseline.value(QStringLiteral("precisionAtK")).toDouble();
    QJsonObject result{{QStringLiteral("pictures"), ids.size()},
                       {QStringLiteral("flipped"), flips},
                       {QStringLiteral("seed"), QString::number(s)},
                       {QStringLiteral("run"), QJsonObject{{QStringLiteral("folds"), run.folds},
                                                           {QStringLiteral("bestEpoch"), run.bestEpoch},
                                                           {QStringLiteral("ap"), run.best.averagePrecision},
                                                           {QStringLiteral("seconds"), run.seconds}}},
                       {QStringLiteral("audit"), ourScore},
                       {QStringLiteral("baseline"), baseline},
                       {QStringLiteral("beatsBaseline"), beats}};
    if (quiet) {
        out() << QJsonDocument(result).toJson(QJsonDocument::Compact) << '\n';
        return 0;
    }
    auto line = [](const QString &name, const QJsonObject &o) {
        return tr("%1: %2 suspects (estimate %3), precision %4, recall %5, precision@k %6")
            .arg(name)
            .arg(o.value(QStringLiteral("suspects")).toInt())
            .arg(o.value(QStringLiteral("estimatedErrors")).toInt())
            .arg(o.value(QStringLiteral("precision")).toDouble(), 0, 'f', 3)
            .arg(o.value(QStringLiteral("recall")).toDouble(), 0, 'f', 3)
            .arg(o.value(QStringLiteral("precisionAtK")).toDouble(), 0, 'f', 3);
    };
    out() << tr("%1 pictures, %2 labels flipped (seed %3); head run: %4 folds, best epoch %5, out-of-fold AP %6")
                 .arg(ids.size())
                 .arg(flips)
                 .arg(s)
                 .arg(run.folds)
                 .arg(run.bestEpoch)
                 .arg(run.best.averagePrecision, 0, 'f', 3)
          << '\n';
    out() << line(tr("audit (cross-validated head)"), ourScore) << '\n';
    if (compared)
        out() << line(tr("baseline (logistic regression, 5 folds)"), baseline) << '\n'
              << (beats ? tr("The audit beats the baseline on precision@k.")
                        : tr("The audit does NOT beat the baseline on precision@k."))
              << '\n';
    else
        out() << tr("baseline skipped: %1").arg(baseline.value(QStringLiteral("skipped")).toString()) << '\n';
    return 0;
}

} // namespace nsfw::cli
