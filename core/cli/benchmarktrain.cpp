// benchmark train: training step speed against PyTorch-Python, head-only epoch time, and a proxy task
// built from Debian's clip art that shows what fine-tuning gains over the pretrained model and over a
// logistic-regression probe on the frozen features (scikit-learn, packaging/bench/probe_logreg.py).
#include "commands.h"
#include "console.h"
#include "cliparttask.h"
#include "pythonbench.h"

#include "media/importer.h"
#include "model/classifier.h"
#include "model/modellocator.h"
#include "store/itemstore.h"
#include "store/projectdatabase.h"
#include "store/runstore.h"
#include "train/metrics.h"
#include "train/trainbench.h"
#include "train/trainer.h"

#include <QCommandLineParser>
#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

#include <algorithm>
#include <functional>

namespace nsfw::cli {

namespace {

/// AP on the held-out items of a run's scores.
double heldOutAp(ProjectDatabase &db, qint64 runId, const QHash<QString, int> &truth)
{
    ItemStore items(db);
    QVector<float> scores;
    QVector<int> labels;
    for (const ItemScore &s : RunStore(db).itemScores(runId)) {
        const auto item = items.item(s.itemId);
        if (item && truth.contains(item->path)) {
            scores << s.score;
            labels << truth.value(item->path);
        }
    }
    return PrCurve::compute(scores, labels).averagePrecision;
}

/// Writes "label,feature,..." rows of the files' backbone features (the model's own preprocessing, as training
/// caches them); a file that cannot be read is left out, as training leaves it out. The rows written, or -1 when
/// the file cannot be written.
int writeFeatureCsv(Classifier &classifier, const QStringList &files, const QVector<int> &labels, const QString &path)
{
    const std::vector<std::vector<float>> features = classifier.featuresOfFiles(files);
    QFile out(path);
    if (!out.open(QIODevice::WriteOnly | QIODevice::Text))
        return -1;
    int rows = 0;
    for (size_t i = 0; i < features.size(); ++i) {
        if (features[i].empty())
            continue;
        QByteArray line = QByteArray::number(labels.at(int(i)));
        for (float v : features[i])
            line += ',' + QByteArray::number(double(v), 'g', 9);
        out.write(line + '\n');
        ++rows;
    }
    return out.flush() ? rows : -1;
}

/// The probe a practitioner has for free: scikit-learn's logistic regression on the frozen features of the labeled
/// images, scored on the held-out ones.
QJsonObject probeBaseline(const QString &modelDir, const QString &dir, const QStringList &labeled,
                          const QVector<int> &labeledTruth, const QStringList &heldOut, const QVector<int> &heldOutTruth)
{
    QElapsedTimer timer;
    timer.start();
    QString error;
    const std::unique_ptr<Classifier> classifier = Classifier::load(modelDir, &error);
    if (!classifier)
        return {{QStringLiteral("skipped"), error}};
    const QString train = dir + QStringLiteral("/probe-train.csv"), held = dir + QStringLiteral("/probe-heldout.csv");
    if (writeFeatureCsv(*classifier, labeled, labeledTruth, train) <= 0
        || writeFeatureCsv(*classifier, heldOut, heldOutTruth, held) <= 0)
        return {{QStringLiteral("skipped"), tr("the features could not be computed or written in %1").arg(dir)}};
    const double featureSeconds = timer.elapsed() / 1000.0;
    QJsonObject probe = runPythonBench(QStringLiteral("probe_logreg.py"),
                                       {QStringLiteral("--train"), train, QStringLiteral("--heldout"), held},
                                       QStringLiteral("heldOutAp"));
    if (!probe.contains(QStringLiteral("skipped")))
        probe.insert(QStringLiteral("seconds"), featureSeconds + probe.value(QStringLiteral("seconds")).toDouble());
    return probe;
}

QJsonObject proxyTask(const QString &modelDir, const QString &dir, int perClass, int heldOutPerClass, bool quiet,
                      const QStringList &recipes, int seeds, const QStringList &modes)
{
    const QStringList positives = shuffledClipArt({QStringLiteral("people")});
    const QStringList negatives = shuffledClipArt({QStringLiteral("animals"), QStringLiteral("buildings"), QStringLiteral("tools"),
                                           QStringLiteral("plants"), QStringLiteral("transportation")});
    if (positives.size() < perClass + heldOutPerClass || negatives.size() < perClass + heldOutPerClass)
        return {{QStringLiteral("skipped"), tr("openclipart-png is not installed or too small")}};
    const QString project = dir + QStringLiteral("/proxy.nwproj");
    QString error;
    ProjectDatabase::open(project, ProjectDatabase::OpenMode::CreateNew, QStringLiteral("bench"), &error);
    // Labeled: data/nsfw (people), data/safe (the rest). Held out, unlabeled: heldout/pos, heldout/neg.
    auto place = [&](const QStringList &files, int from, int count, const QString &folder) {
        QDir().mkpath(dir + QLatin1Char('/') + folder);
        for (int i = from; i < from + count; ++i)
            QFile::copy(files[i], dir + QLatin1Char('/') + folder + QStringLiteral("/%1.png").arg(i));
    };
    place(positives, 0, perClass, QStringLiteral("data/nsfw"));
    place(negatives, 0, perClass, QStringLiteral("data/safe"));
    place(positives, perClass, heldOutPerClass, QStringLiteral("heldout/pos"));
    place(negatives, perClass, heldOutPerClass, QStringLiteral("heldout/neg"));
    ImportOptions options;
    options.paths = {dir + QStringLiteral("/data"), dir + QStringLiteral("/heldout")};
    options.labelsFromFolders = true;
    options.annotator = QStringLiteral("bench");
    Importer(project, options).run();

    const QString root = QFileInfo(dir).absoluteFilePath();
    const ProxySets sets = proxySets(project, root + QStringLiteral("/heldout/"), root + QStringLiteral("/heldout/pos/"));
    if (!sets.error.isEmpty())
        return {{QStringLiteral("skipped"), sets.error}};
    const QHash<QString, int> &truth = sets.truth;
    const QStringList &labeledFiles = sets.labeledFiles, &heldOutFiles = sets.heldOutFiles;
    const QVector<int> &labeledTruth = sets.labeledTruth, &heldOutTruth = sets.heldOutTruth;
    // What every figure is judged on, for runs trained by hand in a kept folder: "truth,path" per held-out picture.
    QFile judged(dir + QStringLiteral("/heldout.csv"));
    if (judged.open(QIODevice::WriteOnly | QIODevice::Text))
        for (int i = 0; i < heldOutFiles.size(); ++i)
            judged.write(QByteArray::number(heldOutTruth.at(i)) + ',' + heldOutFiles.at(i).toUtf8() + '\n');

    QJsonObject result{{QStringLiteral("task"), tr("openclipart 'people' (nsfw stand-in) vs animals, buildings, "
                                                   "tools, plants, transportation")},
                       {QStringLiteral("labeledPerClass"), perClass},
                       {QStringLiteral("heldOutPerClass"), heldOutPerClass},
                       {QStringLiteral("labeled"), int(labeledFiles.size())},
                       {QStringLiteral("heldOut"), int(heldOutFiles.size())},
                       {QStringLiteral("heldOutPositives"), int(std::count(heldOutTruth.begin(), heldOutTruth.end(), 1))},
                       {QStringLiteral("heldOutCopiesLeftOut"), sets.copiesLeftOut},
                       {QStringLiteral("seeds"), seeds}};
    result.insert(QStringLiteral("model"), QFileInfo(modelDir).fileName());
    // One mode (with a recipe) trained with seeds 1..seeds: the held-out AP's mean, and each seed's.
    auto runMode = [&](TrainSettings::Mode mode, int epochs, const std::function<void(TrainSettings &)> &recipe = {}) {
        const int n = mode == TrainSettings::Mode::Pretrained ? 1 : seeds;
        QJsonArray heldOut, validation;
        QVector<double> seconds;
        QJsonObject last;
        double heldOutSum = 0, validationSum = 0;
        for (int seed = 1; seed <= n; ++seed) {
            TrainSettings s;
            s.mode = mode;
            s.epochs = epochs;
            s.patience = 0;
            s.seed = quint64(seed);
            s.modelDir = modelDir;
            if (recipe)
                recipe(s);
            if (!quiet)
                err() << tr("proxy task: %1, seed %2 ...").arg(TrainSettings::modeName(mode)).arg(seed) << '\n';
            Trainer trainer(project, s);
            const TrainResult r = trainer.run();
            auto db =
                ProjectDatabase::open(project, ProjectDatabase::OpenMode::OpenExisting, QStringLiteral("bench"), &error);
            const double ap = db ? heldOutAp(*db, r.runId, truth) : qQNaN();
            heldOut.append(ap);
            validation.append(r.best.averagePrecision);
            heldOutSum += ap;
            validationSum += r.best.averagePrecision;
            seconds.append(r.seconds);
            last = QJsonObject{{QStringLiteral("status"), r.status},
                               {QStringLiteral("error"), r.error},
                               {QStringLiteral("epochs"), epochs},
                               {QStringLiteral("bestEpoch"), r.bestEpoch},
                               {QStringLiteral("headEpochs"), s.effectiveHeadEpochs()}};
            if (!r.autoReport.isEmpty())
                last.insert(QStringLiteral("autoChose"),
                            r.autoReport.value(QStringLiteral("reason")).toString());
        }
        std::sort(seconds.begin(), seconds.end());
        last.insert(QStringLiteral("heldOutAp"), heldOutSum / n);
        last.insert(QStringLiteral("validationAp"), validationSum / n);
        last.insert(QStringLiteral("seconds"), seconds[seconds.size() / 2]);
        if (n > 1) {
            last.insert(QStringLiteral("heldOutAps"), heldOut);
            last.insert(QStringLiteral("validationAps"), validation);
        }
        return last;
    };
    if (modes.contains(QStringLiteral("probe"))) {
        if (!quiet)
            err() << tr("proxy task: probe ...") << '\n';
        result.insert(QStringLiteral("probe"),
                      probeBaseline(modelDir, dir, labeledFiles, labeledTruth, heldOutFiles, heldOutTruth));
    }
    for (const auto &[mode, epochs] : {std::pair{TrainSettings::Mode::Pretrained, 0}, {TrainSettings::Mode::Head, 15},
                                       {TrainSettings::Mode::Partial, 8}, {TrainSettings::Mode::Full, 8},
                                       {TrainSettings::Mode::Auto, 8}}) {
        if (modes.contains(TrainSettings::modeName(mode)))
            result.insert(TrainSettings::modeName(mode), runMode(mode, epochs));
    }
    if (!recipes.isEmpty()) {
        // Each recipe switched against the defaults, on partial and full: what the defaults are chosen from.
        const std::vector<std::pair<QString, std::function<void(TrainSettings &)>>> variants{
            {QStringLiteral("head first off"), [](TrainSettings &s) { s.headEpochs = 0; }},
            {QStringLiteral("head first 30"), [](TrainSettings &s) { s.headEpochs = 30; }},
            {QStringLiteral("constant rate"), [](TrainSettings &s) { s.schedule = QStringLiteral("constant"); }},
            {QStringLiteral("layer-decay 0.7"), [](TrainSettings &s) { s.layerDecay = 0.7; }},
            {QStringLiteral("label-smoothing 0.1"), [](TrainSettings &s) { s.labelSmoothing = 0.1; }},
            {QStringLiteral("linear head"), [](TrainSettings &s) { s.head = QStringLiteral("linear"); }},
            {QStringLiteral("ema 0.9"), [](TrainSettings &s) { s.emaDecay = 0.9; }},
            {QStringLiteral("mixup 0.2"), [](TrainSettings &s) { s.mixup = 0.2; }},
            {QStringLiteral("flip average"), [](TrainSettings &s) { s.flipAverage = true; }},
            {QStringLiteral("no refit"), [](TrainSettings &s) { s.refit = false; }},
            {QStringLiteral("ensemble 3"), [](TrainSettings &s) { s.ensemble = 3; }},
        };
        QJsonArray rows;
        for (const auto &[name, recipe] : variants) {
            if (!recipes.contains(QStringLiteral("all")) && !recipes.contains(name))
                continue;
            for (TrainSettings::Mode mode : {TrainSettings::Mode::Partial, TrainSettings::Mode::Full}) {
                if (!modes.contains(TrainSettings::modeName(mode)))
                    continue;
                QJsonObject r = runMode(mode, 8, recipe);
                r.insert(QStringLiteral("mode"), TrainSettings::modeName(mode));
                r.insert(QStringLiteral("recipe"), name);
                rows.append(r);
            }
        }
        result.insert(QStringLiteral("recipes"), rows);
    }
    return result;
}

QJsonObject stepComparison(const QString &modelDir, const QString &mode, int runs)
{
    const StepTiming ours = timeTrainingStep(modelDir, mode, 6, 32, runs, 2, true);
    QJsonObject result{{QStringLiteral("mode"), mode},
                       {QStringLiteral("batch"), 32},
                       {QStringLiteral("oursImagesPerSecond"), ours.imagesPerSecond},
                       {QStringLiteral("oursStepMs"), ours.stepMs}};
    if (!ours.error.isEmpty())
        result.insert(QStringLiteral("error"), ours.error);
    // PyTorch-Python at its best: channels_last and NCHW both measured, the faster one counts.
    double best = 0;
    QJsonObject python;
    for (bool channelsLast : {true, false}) {
        QStringList args = {QStringLiteral("--mode"), mode, QStringLiteral("--runs"), QString::number(runs)};
        if (!channelsLast)
            args << QStringLiteral("--no-channels-last");
        const QJsonObject py = runPythonBench(QStringLiteral("torchvision_train_step.py"), args,
                                              QStringLiteral("images_per_s"));
        python.insert(channelsLast ? QStringLiteral("channelsLast") : QStringLiteral("nchw"), py);
        best = std::max(best, py.value(QStringLiteral("images_per_s")).toDouble());
    }
    result.insert(QStringLiteral("pytorchPython"), python);
    if (best > 0) {
        result.insert(QStringLiteral("pythonBestImagesPerSecond"), best);
        result.insert(QStringLiteral("ratio"), ours.imagesPerSecond / best);
    }
    return result;
}

} // namespace

int benchmarkTrain(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Measure fine-tuning: a full and a partial training step (batch 32) against the same step in "
           "PyTorch-Python, a head-only epoch over 10,000 cached items, and AP on a held-out proxy task built from "
           "Debian's clip art (a logistic-regression probe on the frozen features, the pretrained model, head-only, "
           "partial and full)."));
    const QCommandLineOption json(QStringLiteral("json"), tr("Print one JSON object."));
    const QCommandLineOption noProxy(QStringLiteral("no-proxy"), tr("Skip the proxy task."));
    const QCommandLineOption perClass(QStringLiteral("per-class"), tr("Labeled images per class (default 200)."),
                                      QStringLiteral("N"), QStringLiteral("200"));
    const QCommandLineOption runs(QStringLiteral("runs"), tr("Timed steps (default 5)."), QStringLiteral("N"),
                                  QStringLiteral("5"));
    const QCommandLineOption onlyProxy(QStringLiteral("only-proxy"), tr("Only the proxy task."));
    const QCommandLineOption model(QStringLiteral("model"), tr("Pretrained model folder (default: mobilenet_v2)."),
                                   QStringLiteral("DIR"));
    const QCommandLineOption recipesOption(QStringLiteral("recipes"),
                                           tr("Also train partial and full with each recipe switched against the "
                                              "defaults (head first off, head first 30 epochs, constant rate, layer "
                                              "decay 0.7, label smoothing 0.1, linear head, EMA 0.9, mixup 0.2, "
                                              "test-time flip averaging, no refit, an ensemble of 3)."));
    const QCommandLineOption seedsOption(QStringLiteral("seeds"),
                                         tr("Train each mode with seeds 1 to N and give the mean held-out AP (default "
                                            "1)."),
                                         QStringLiteral("N"), QStringLiteral("1"));
    const QCommandLineOption recipeOption(QStringLiteral("recipe"),
                                          tr("Only this recipe of --recipes (repeatable), e.g. \"head first off\"."),
                                          QStringLiteral("NAME"));
    const QCommandLineOption modesOption(QStringLiteral("modes"),
                                         tr("The proxy task's rows, comma-separated (default all: "
                                            "probe,pretrained,head,partial,full,auto); the recipes train those of "
                                            "partial and full that are listed."),
                                         QStringLiteral("LIST"),
                                         QStringLiteral("probe,pretrained,head,partial,full,auto"));
    const QCommandLineOption keepOption(QStringLiteral("keep"),
                                        tr("Build the proxy task's project in DIR, a new folder, and keep it "
                                           "(labeled pictures in data/, the held-out ones unlabeled in heldout/pos "
                                           "and heldout/neg; heldout.csv lists the ones every figure is judged on, truth and path), to train on it "
                                           "by hand."),
                                        QStringLiteral("DIR"));
    parser.addOptions({json, noProxy, onlyProxy, perClass, runs, model, recipesOption, recipeOption, seedsOption,
                       modesOption, keepOption});
    int status = 0;
    if (!parseArguments(parser, arguments, &status))
        return status;
    QString error;
    const QString modelDir = locateModel(parser.value(model), &error);
    if (modelDir.isEmpty()) {
        err() << error << '\n';
        return 1;
    }
    const bool quiet = parser.isSet(json);
    const int n = std::max(1, parser.value(runs).toInt());
    if (!quiet)
        err() << tr("Timing training steps ...") << '\n';
    const bool steps = !parser.isSet(onlyProxy);
    const QJsonObject full = steps ? stepComparison(modelDir, QStringLiteral("full"), n) : QJsonObject();
    const QJsonObject partial = steps ? stepComparison(modelDir, QStringLiteral("partial"), n) : QJsonObject();
    const double headEpoch = steps ? timeHeadEpoch(modelDir, 10000, 32, 5, &error) : qQNaN();
    QJsonObject proxy;
    if (!parser.isSet(noProxy)) {
        QTemporaryDir tmp;
        QString dir = tmp.path();
        if (parser.isSet(keepOption)) {
            dir = parser.value(keepOption);
            if (QFileInfo::exists(dir) || !QDir().mkpath(dir)) {
                err() << tr("--keep needs a new folder: %1").arg(dir) << '\n';
                return 2;
            }
        }
        const int k = std::max(20, parser.value(perClass).toInt());
        const QStringList recipes = parser.isSet(recipeOption) ? parser.values(recipeOption)
                                    : parser.isSet(recipesOption) ? QStringList{QStringLiteral("all")}
                                                                  : QStringList();
        proxy = proxyTask(modelDir, dir, k, k * 2 / 3, quiet, recipes,
                          std::clamp(parser.value(seedsOption).toInt(), 1, 20),
                          parser.value(modesOption).toLower().split(QLatin1Char(','), Qt::SkipEmptyParts));
    }
    const QJsonObject all{{QStringLiteral("fullStep"), full},
                          {QStringLiteral("partialStep"), partial},
                          {QStringLiteral("headEpochSecondsFor10000"), headEpoch},
                          {QStringLiteral("proxy"), proxy}};
    if (quiet) {
        out() << QJsonDocument(all).toJson(QJsonDocument::Compact) << '\n';
        return 0;
    }
    for (const QJsonObject &step : {full, partial}) {
        if (step.isEmpty())
            continue;
        out() << tr("%1 training step, batch 32: ours %2 img/s, PyTorch-Python best %3 img/s, ratio %4")
                     .arg(step.value(QStringLiteral("mode")).toString())
                     .arg(step.value(QStringLiteral("oursImagesPerSecond")).toDouble(), 0, 'f', 1)
                     .arg(step.value(QStringLiteral("pythonBestImagesPerSecond")).toDouble(), 0, 'f', 1)
                     .arg(step.value(QStringLiteral("ratio")).toDouble(), 0, 'f', 2)
              << '\n';
    }
    if (steps)
        out() << tr("head-only epoch over 10,000 cached items: %1 s (target < 1 s)").arg(headEpoch, 0, 'f', 3) << '\n';
    if (proxy.contains(QStringLiteral("skipped")))
        out() << tr("proxy task skipped: %1").arg(proxy.value(QStringLiteral("skipped")).toString()) << '\n';
    if (!proxy.isEmpty() && !proxy.contains(QStringLiteral("skipped"))) {
        out() << tr("proxy task on %3 (%1 labeled and %2 held-out images per class):")
                     .arg(proxy.value(QStringLiteral("labeledPerClass")).toInt())
                     .arg(proxy.value(QStringLiteral("heldOutPerClass")).toInt())
                     .arg(proxy.value(QStringLiteral("model")).toString())
              << '\n';
        out() << tr("  judged on %1 held-out images (%2 of them positive), leaving out %3 that copy or nearly copy a "
                    "labeled one; trained on %4 labeled")
                     .arg(proxy.value(QStringLiteral("heldOut")).toInt())
                     .arg(proxy.value(QStringLiteral("heldOutPositives")).toInt())
                     .arg(proxy.value(QStringLiteral("heldOutCopiesLeftOut")).toInt())
                     .arg(proxy.value(QStringLiteral("labeled")).toInt())
              << '\n';
        const QJsonObject probe = proxy.value(QStringLiteral("probe")).toObject();
        if (probe.contains(QStringLiteral("skipped")))
            out() << tr("  probe     : skipped: %1").arg(probe.value(QStringLiteral("skipped")).toString()) << '\n';
        else if (!probe.isEmpty())
            out() << tr("  probe     : held-out AP %1 (logistic regression on the frozen features, C %2 by 5-fold "
                        "cross-validated AP), %3 s")
                         .arg(probe.value(QStringLiteral("heldOutAp")).toDouble(), 0, 'f', 3)
                         .arg(probe.value(QStringLiteral("C")).toDouble(), 0, 'g', 3)
                         .arg(probe.value(QStringLiteral("seconds")).toDouble(), 0, 'f', 1)
                  << '\n';
        // "0.812, 0.830, 0.799" when several seeds trained.
        auto perSeed = [](const QJsonObject &r) {
            QStringList aps;
            for (const QJsonValue v : r.value(QStringLiteral("heldOutAps")).toArray())
                aps << QString::number(v.toDouble(), 'f', 3);
            return aps.isEmpty() ? QString() : QStringLiteral(" [%1]").arg(aps.join(QStringLiteral(", ")));
        };
        for (const QString &mode : {QStringLiteral("pretrained"), QStringLiteral("head"), QStringLiteral("partial"),
                                    QStringLiteral("full"), QStringLiteral("auto")}) {
            const QJsonObject r = proxy.value(mode).toObject();
            if (r.isEmpty())
                continue;
            out() << tr("  %1: held-out AP %2 (validation AP %3), %4 s")
                         .arg(mode, -10)
                         .arg(r.value(QStringLiteral("heldOutAp")).toDouble(), 0, 'f', 3)
                         .arg(r.value(QStringLiteral("validationAp")).toDouble(), 0, 'f', 3)
                         .arg(r.value(QStringLiteral("seconds")).toDouble(), 0, 'f', 1)
                  << perSeed(r) << '\n';
            if (r.contains(QStringLiteral("autoChose")))
                out() << tr("              chose %1").arg(r.value(QStringLiteral("autoChose")).toString()) << '\n';
        }
        for (const QJsonValue v : proxy.value(QStringLiteral("recipes")).toArray()) {
            const QJsonObject r = v.toObject();
            out() << tr("  %1 with %2: held-out AP %3 (validation AP %4), %5 s")
                         .arg(r.value(QStringLiteral("mode")).toString(), -7)
                         .arg(r.value(QStringLiteral("recipe")).toString(), -19)
                         .arg(r.value(QStringLiteral("heldOutAp")).toDouble(), 0, 'f', 3)
                         .arg(r.value(QStringLiteral("validationAp")).toDouble(), 0, 'f', 3)
                         .arg(r.value(QStringLiteral("seconds")).toDouble(), 0, 'f', 1)
                  << perSeed(r) << '\n';
        }
        if (proxy.value(QStringLiteral("seeds")).toInt() > 1)
            out() << tr("  (held-out and validation AP: the mean over seeds 1-%1, each seed's in brackets; time: the "
                        "median)")
                         .arg(proxy.value(QStringLiteral("seeds")).toInt())
                  << '\n';
    }
    return 0;
}

} // namespace nsfw::cli
