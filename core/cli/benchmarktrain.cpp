// benchmark train: training step speed against PyTorch-Python, head-only epoch time, and a proxy task
// built from Debian's clip art that shows what fine-tuning gains over the pretrained model.
#include "commands.h"
#include "console.h"
#include "cliparttask.h"
#include "pythonbench.h"

#include "media/importer.h"
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
#include <QFile>
#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

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

QJsonObject proxyTask(const QString &dir, int perClass, int heldOutPerClass, bool quiet)
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
    QHash<QString, int> truth;
    auto place = [&](const QStringList &files, int from, int count, const QString &folder, int label) {
        QDir().mkpath(dir + QLatin1Char('/') + folder);
        for (int i = from; i < from + count; ++i) {
            const QString name = folder + QStringLiteral("/%1.png").arg(i);
            QFile::copy(files[i], dir + QLatin1Char('/') + name);
            if (label >= 0)
                truth.insert(name, label);
        }
    };
    place(positives, 0, perClass, QStringLiteral("data/nsfw"), -1);
    place(negatives, 0, perClass, QStringLiteral("data/safe"), -1);
    place(positives, perClass, heldOutPerClass, QStringLiteral("heldout/pos"), 1);
    place(negatives, perClass, heldOutPerClass, QStringLiteral("heldout/neg"), 0);
    ImportOptions options;
    options.paths = {dir + QStringLiteral("/data"), dir + QStringLiteral("/heldout")};
    options.labelsFromFolders = true;
    options.annotator = QStringLiteral("bench");
    Importer(project, options).run();

    QJsonObject result{{QStringLiteral("task"), tr("openclipart 'people' (nsfw stand-in) vs animals, buildings, "
                                                   "tools, plants, transportation")},
                       {QStringLiteral("labeledPerClass"), perClass},
                       {QStringLiteral("heldOutPerClass"), heldOutPerClass}};
    auto runMode = [&](TrainSettings::Mode mode, int epochs) {
        TrainSettings s;
        s.mode = mode;
        s.epochs = epochs;
        s.patience = 0;
        if (!quiet)
            err() << tr("proxy task: %1 ...").arg(TrainSettings::modeName(mode)) << '\n';
        Trainer trainer(project, s);
        const TrainResult r = trainer.run();
        auto db = ProjectDatabase::open(project, ProjectDatabase::OpenMode::OpenExisting, QStringLiteral("bench"), &error);
        return QJsonObject{{QStringLiteral("status"), r.status},
                           {QStringLiteral("error"), r.error},
                           {QStringLiteral("epochs"), epochs},
                           {QStringLiteral("bestEpoch"), r.bestEpoch},
                           {QStringLiteral("validationAp"), r.best.averagePrecision},
                           {QStringLiteral("heldOutAp"), db ? heldOutAp(*db, r.runId, truth) : qQNaN()},
                           {QStringLiteral("seconds"), r.seconds}};
    };
    result.insert(QStringLiteral("pretrained"), runMode(TrainSettings::Mode::Pretrained, 0));
    result.insert(QStringLiteral("head"), runMode(TrainSettings::Mode::Head, 15));
    result.insert(QStringLiteral("partial"), runMode(TrainSettings::Mode::Partial, 8));
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
           "Debian's clip art (pretrained vs head-only vs partial)."));
    const QCommandLineOption json(QStringLiteral("json"), tr("Print one JSON object."));
    const QCommandLineOption noProxy(QStringLiteral("no-proxy"), tr("Skip the proxy task."));
    const QCommandLineOption perClass(QStringLiteral("per-class"), tr("Labeled images per class (default 200)."),
                                      QStringLiteral("N"), QStringLiteral("200"));
    const QCommandLineOption runs(QStringLiteral("runs"), tr("Timed steps (default 5)."), QStringLiteral("N"),
                                  QStringLiteral("5"));
    const QCommandLineOption onlyProxy(QStringLiteral("only-proxy"), tr("Only the proxy task."));
    parser.addOptions({json, noProxy, onlyProxy, perClass, runs});
    int status = 0;
    if (!parseArguments(parser, arguments, &status))
        return status;
    QString error;
    const QString modelDir = locateModel(QString(), &error);
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
        const int k = std::max(20, parser.value(perClass).toInt());
        proxy = proxyTask(tmp.path(), k, k * 2 / 3, quiet);
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
        out() << tr("proxy task (%1 labeled and %2 held-out images per class):")
                     .arg(proxy.value(QStringLiteral("labeledPerClass")).toInt())
                     .arg(proxy.value(QStringLiteral("heldOutPerClass")).toInt())
              << '\n';
        for (const QString &mode : {QStringLiteral("pretrained"), QStringLiteral("head"), QStringLiteral("partial")}) {
            const QJsonObject r = proxy.value(mode).toObject();
            out() << tr("  %1: held-out AP %2 (validation AP %3), %4 s")
                         .arg(mode, -10)
                         .arg(r.value(QStringLiteral("heldOutAp")).toDouble(), 0, 'f', 3)
                         .arg(r.value(QStringLiteral("validationAp")).toDouble(), 0, 'f', 3)
                         .arg(r.value(QStringLiteral("seconds")).toDouble(), 0, 'f', 1)
                  << '\n';
        }
    }
    return 0;
}

} // namespace nsfw::cli
