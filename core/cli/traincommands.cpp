// train: fine-tuning from the command line (evaluate and export-model have files of their own).
#include "commands.h"
#include "console.h"
#include "runoutput.h"

#include "media/nearduplicates.h"
#include "model/modellocator.h"
#include "store/csvlabels.h"
#include "store/itemstore.h"
#include "store/projectdatabase.h"
#include "store/runstore.h"
#include "train/automode.h"
#include "train/metrics.h"
#include "train/modelexport.h"
#include "train/onnxexport.h"
#include "train/runreview.h"
#include "train/trainer.h"

#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QCoreApplication>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QSaveFile>

#include <atomic>
#include <cmath>
#include <csignal>
#include <climits>


namespace nsfw::cli {

namespace {

std::atomic<Trainer *> s_running{nullptr};

void onInterrupt(int)
{
    if (Trainer *t = s_running.load())
        t->cancel(); // only an atomic store: safe in a signal handler
}

/// What auto mode tried, one line per candidate, and what it chose.
void printAutoReport(const automode::Report &report)
{
    if (report.trials.isEmpty())
        return;
    out() << tr("Auto mode (budget %1 min) tried, by %2:")
                 .arg(report.budgetSeconds / 60, 0, 'g', 3)
                 .arg(report.crossValidated ? tr("pooled out-of-fold AP") : tr("validation AP"))
          << '\n';
    for (int i = 0; i < report.trials.size(); ++i) {
        const automode::Trial &t = report.trials[i];
        const QString mark = i == report.chosen ? QStringLiteral(" *") : QString();
        if (t.status == QLatin1String("skipped"))
            out() << tr("  %1: not tried, the budget's half for trying was spent").arg(t.name, -18) << '\n';
        else
            out() << tr("  %1: AP %2 at epoch %3, %4 s%5%6")
                         .arg(t.name, -18)
                         .arg(fmt(t.averagePrecision))
                         .arg(t.bestEpoch)
                         .arg(t.seconds, 0, 'f', 1)
                         .arg(t.status == QLatin1String("stopped") ? tr(" (stopped by the budget)") : QString())
                         .arg(mark)
                  << '\n';
    }
    out() << tr("  chose %1").arg(report.reason) << '\n';
}

} // namespace

qint64 resolveRun(RunStore &runs, const QString &runText, QString *error)
{
    if (runText.isEmpty()) {
        const qint64 id = runs.latestFinished();
        if (id == 0)
            *error = tr("This project has no finished run yet (see: nsfw-workbench train).");
        return id;
    }
    bool ok = false;
    const qint64 id = runText.toLongLong(&ok);
    if (!ok || !runs.run(id)) {
        *error = tr("There is no run %1 in this project.").arg(runText);
        return 0;
    }
    return id;
}


QString runModelFolder(const QString &projectPath, const QString &runText, QString *error,
                       std::vector<std::pair<QString, QString>> *about)
{
    auto db = ProjectDatabase::open(projectPath, ProjectDatabase::OpenMode::OpenExisting, QStringLiteral("cli"), error);
    if (!db)
        return {};
    RunStore runs(*db);
    const qint64 id = resolveRun(runs, runText, error);
    if (id == 0)
        return {};
    const RunRecord run = *runs.run(id);
    const QString dir = db->cacheDir() + QLatin1Char('/') + run.checkpoint;
    if (run.checkpoint.isEmpty() || !QFileInfo::exists(dir + QStringLiteral("/model.json"))) {
        *error = tr("Run %1 has no saved model (its checkpoint is missing from %2; train again).")
                     .arg(id)
                     .arg(db->cacheDir());
        return {};
    }
    if (about) {
        // What an exported file says about where it came from (the ONNX export's metadata).
        about->emplace_back(QStringLiteral("source"),
                            QStringLiteral("fine-tuned: run %1 (from %2)").arg(id).arg(run.model));
        about->emplace_back(QStringLiteral("nsfw_threshold"), QString::number(run.threshold, 'g', 6));
        if (run.settings.value(QStringLiteral("fastDecode")).toBool()) // TrainSettings::fastDecode
            about->emplace_back(QStringLiteral("fast_decode"), QStringLiteral("true"));
    }
    return dir;
}

int trainCommand(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Fine-tune the pretrained model on the project's safe/nsfw labels (unsure items are left out). Prints "
           "one line per epoch; epoch 0 is the pretrained model on the validation set."));
    parser.addPositionalArgument(QStringLiteral("PROJECT"), tr("The project: a file or a postgresql:// URL."));
    const TrainSettings d;
    const QCommandLineOption mode(QStringLiteral("mode"),
                                  tr("head (backbone frozen, features cached), partial (last K blocks), full, "
                                     "auto (tries head, partial and full within --budget and trains the best by "
                                     "validation AP), or pretrained (evaluate and score only). Default: head."),
                                  QStringLiteral("MODE"), QStringLiteral("head"));
    const QCommandLineOption blocks(QStringLiteral("blocks"), tr("Blocks to retrain in partial mode (default 6)."),
                                    QStringLiteral("K"), QString::number(d.blocks));
    const QCommandLineOption epochs(QStringLiteral("epochs"), tr("Epochs (default: 30 in head mode, 10 in partial and full)."), QStringLiteral("N"),
                                    QString::number(d.epochs));
    const QCommandLineOption lr(QStringLiteral("lr"), tr("Learning rate (default by mode)."), QStringLiteral("X"));
    const QCommandLineOption batch(QStringLiteral("batch"), tr("Batch size (default 32)."), QStringLiteral("N"),
                                   QString::number(d.batchSize));
    const QCommandLineOption valFraction(QStringLiteral("val-fraction"),
                                         tr("Share of labeled items kept for validation (default 0.2)."),
                                         QStringLiteral("F"), QString::number(d.validationFraction));
    const QCommandLineOption folds(
        QStringLiteral("folds"),
        tr("Cross-validate on K grouped, stratified folds so every labeled item is judged out-of-sample; the run's "
           "model is then trained on all labels for the epochs the folds chose. 1: one validation split "
           "(--val-fraction). Default: 5 in head mode, 1 in partial and full."),
        QStringLiteral("K"));
    const QCommandLineOption seed(QStringLiteral("seed"), tr("Seed of the split and the shuffling (default 1)."),
                                  QStringLiteral("S"), QStringLiteral("1"));
    const QCommandLineOption optimizer(QStringLiteral("optimizer"), tr("adamw (default) or sgd."),
                                       QStringLiteral("NAME"), d.optimizer);
    const QCommandLineOption weightDecay(QStringLiteral("weight-decay"), tr("Weight decay (default 1e-4)."),
                                         QStringLiteral("X"), QString::number(d.weightDecay));
    const QCommandLineOption patience(QStringLiteral("patience"),
                                      tr("Stop after N epochs in which neither the validation AP nor the validation loss "
                                         "improved (0: never; default 3)."),
                                      QStringLiteral("N"), QString::number(d.patience));
    const QCommandLineOption threshold(QStringLiteral("threshold"), tr("Decision threshold (default 0.5)."),
                                       QStringLiteral("T"), QString::number(d.threshold));
    const QCommandLineOption noAugment(QStringLiteral("no-augment"), tr("No augmentation (partial, full)."));
    const QCommandLineOption trainBn(QStringLiteral("train-batchnorm"), tr("Let BatchNorm layers learn too."));
    const QCommandLineOption noScore(QStringLiteral("no-score"), tr("Do not score every item afterwards."));
    const QCommandLineOption model(QStringLiteral("model"), tr("Pretrained model folder (default: mobilenet_v2)."),
                                   QStringLiteral("DIR"));
    const QCommandLineOption schedule(QStringLiteral("schedule"),
                                      tr("Learning rate over the steps: constant or cosine (a linear warm-up, then a "
                                         "cosine decay towards 0). Default: cosine in partial and full mode, constant "
                                         "in head mode."),
                                      QStringLiteral("NAME"));
    const QCommandLineOption warmup(QStringLiteral("warmup"),
                                    tr("With --schedule cosine: the share of the steps the rate rises from 0 "
                                       "(default 0.1)."),
                                    QStringLiteral("F"), QString::number(d.warmup));
    const QCommandLineOption layerDecay(QStringLiteral("layer-decay"),
                                        tr("Partial and full: each block down the backbone learns at this times the "
                                           "rate of the block above (the model profile's blocks; default 1: one rate)."),
                                        QStringLiteral("X"), QString::number(d.layerDecay));
    const QCommandLineOption labelSmoothing(QStringLiteral("label-smoothing"),
                                            tr("Train towards y (1 - E) + E / 2 instead of 0 and 1 (default 0)."),
                                            QStringLiteral("E"), QString::number(d.labelSmoothing));
    const QCommandLineOption ema(QStringLiteral("ema"),
                                 tr("Weight averaging: judge and keep an exponential moving average of the weights, "
                                    "with this decay per step (e.g. 0.9; default 0: off)."),
                                 QStringLiteral("DECAY"), QString::number(d.emaDecay));
    const QCommandLineOption mixup(QStringLiteral("mixup"),
                                   tr("Mixup: train on blends of two items of a batch and of their labels, the share "
                                      "drawn from Beta(A, A) (e.g. 0.2; default 0: off)."),
                                   QStringLiteral("A"), QString::number(d.mixup));
    const QCommandLineOption flip(QStringLiteral("flip-average"),
                                  tr("Test-time flip averaging (partial, full): the run and its model score each "
                                     "picture as the mean of it and its mirror image."));
    const QCommandLineOption noRefit(QStringLiteral("no-refit"),
                                     tr("Partial and full with one validation split: keep the split's best epoch as "
                                        "the run's model, rather than training it again on every label for that many "
                                        "epochs."));
    const QCommandLineOption headEpochs(
        QStringLiteral("head-epochs"),
        tr("Partial and full: the head first trains alone this many epochs on the pretrained backbone's features, "
           "then the blocks train under it (default %1; 0: off).")
            .arg(TrainSettings::kDefaultHeadEpochs),
        QStringLiteral("N"));
    const QCommandLineOption head(
        QStringLiteral("head"),
        tr("The head: model (the model's own; default) or linear (one linear layer onto safe and NSFW, fitted first as "
           "a logistic-regression probe on the frozen features, then trained with the blocks: LP-FT)."),
        QStringLiteral("KIND"), d.head);
    const QCommandLineOption ensemble(
        QStringLiteral("ensemble"),
        tr("Partial and full: the run's model is an ensemble of N models (at most %1), each trained as the run's own "
           "with its own seed; it averages their outputs and keeps the frozen layers once. Costs a training per "
           "model (default 1: one model).")
            .arg(TrainSettings::kMaxEnsemble),
        QStringLiteral("N"), QStringLiteral("1"));
    const QCommandLineOption budget(QStringLiteral("budget"),
                                    tr("Auto mode: minutes the whole run may take; half goes to trying candidates "
                                       "(default %1).")
                                        .arg(d.budgetMinutes),
                                    QStringLiteral("MINUTES"), QString::number(d.budgetMinutes));
    const QCommandLineOption fastDecode(
        QStringLiteral("fast-decode"),
        tr("Decode big JPEGs at reduced scale, for training and for scoring with the run's model (as predict "
           "--fast-decode): faster, but the pictures are not nsfwjs's."));
    const QCommandLineOption json(QStringLiteral("json"), tr("One JSON object per epoch, and a final one."));
    parser.addOptions({mode, blocks, epochs, lr, batch, valFraction, folds, seed, optimizer, weightDecay, patience,
                       threshold, noAugment, trainBn, noScore, model, schedule, warmup, layerDecay, labelSmoothing,
                       ema, mixup, flip, noRefit, headEpochs, head, ensemble, budget, fastDecode, json});
    int status = 0;
    if (!parseArguments(parser, arguments, &status))
        return status;
    if (parser.positionalArguments().size() != 1) {
        err() << tr("train takes one project.") << '\n';
        return 2;
    }
    TrainSettings s;
    if (!TrainSettings::parseMode(parser.value(mode), &s.mode)) {
        err() << tr("Unknown mode: %1 (head, partial, full, auto, pretrained)").arg(parser.value(mode)) << '\n';
        return 2;
    }
    s.blocks = parser.value(blocks).toInt();
    s.epochs = parser.value(epochs).toInt();
    s.learningRate = parser.isSet(lr) ? parser.value(lr).toDouble() : 0;
    s.batchSize = parser.value(batch).toInt();
    s.validationFraction = parser.value(valFraction).toDouble();
    if (parser.isSet(folds)) {
        bool ok = false;
        s.folds = parser.value(folds).toInt(&ok);
        if (!ok || s.folds < 1) {
            err() << tr("--folds takes a number of folds from 1 to 20, not %1").arg(parser.value(folds)) << '\n';
            return 2;
        }
    }
    s.seed = parser.value(seed).toULongLong();
    s.optimizer = parser.value(optimizer).toLower();
    s.weightDecay = parser.value(weightDecay).toDouble();
    s.patience = parser.value(patience).toInt();
    s.threshold = parser.value(threshold).toDouble();
    s.augment = !parser.isSet(noAugment);
    s.freezeBatchNorm = !parser.isSet(trainBn);
    s.scoreAll = !parser.isSet(noScore);
    s.modelDir = parser.value(model);
    s.schedule = parser.value(schedule).toLower();
    s.warmup = parser.value(warmup).toDouble();
    s.layerDecay = parser.value(layerDecay).toDouble();
    s.labelSmoothing = parser.value(labelSmoothing).toDouble();
    s.fastDecode = parser.isSet(fastDecode);
    s.head = parser.value(head).toLower();
    s.emaDecay = parser.value(ema).toDouble();
    s.mixup = parser.value(mixup).toDouble();
    s.flipAverage = parser.isSet(flip);
    s.refit = !parser.isSet(noRefit);
    if (parser.isSet(headEpochs)) {
        bool ok = false;
        s.headEpochs = parser.value(headEpochs).toInt(&ok);
        if (!ok || s.headEpochs < 0) {
            err() << tr("--head-epochs takes a number of epochs (0: off), not %1").arg(parser.value(headEpochs))
                  << '\n';
            return 2;
        }
    }
    {
        bool ok = false;
        s.ensemble = parser.value(ensemble).toInt(&ok);
        if (!ok) {
            err() << tr("--ensemble takes a number of models, not %1").arg(parser.value(ensemble)) << '\n';
            return 2;
        }
    }
    {
        bool ok = false;
        s.budgetMinutes = parser.value(budget).toDouble(&ok);
        if (!ok) {
            err() << tr("--budget takes minutes, not %1").arg(parser.value(budget)) << '\n';
            return 2;
        }
    }
    if (const QString bad = s.validate(); !bad.isEmpty()) {
        err() << bad << '\n';
        return 2;
    }

    const bool asJson = parser.isSet(json);
    Trainer trainer(parser.positionalArguments().first(), s);
    QObject::connect(&trainer, &Trainer::started, [&](qint64 id) {
        if (!asJson)
            err() << tr("Run %1 (%2 mode%3)")
                         .arg(id)
                         .arg(TrainSettings::modeName(s.mode))
                         .arg(s.mode != TrainSettings::Mode::Pretrained && s.effectiveFolds() > 1
                                  ? tr(", %1-fold cross-validation").arg(s.effectiveFolds())
                                  : QString())
                  << '\n';
    });
    const bool tty = errIsTerminal();
    QObject::connect(&trainer, &Trainer::progress, [&](const TrainProgress &p) {
        if (tty && p.total > 0) {
            err() << '\r' << tr("%1 %2/%3").arg(p.phase).arg(p.done).arg(p.total);
            if (p.etaSeconds >= 0)
                err() << tr(", about %1 s left").arg(qRound(p.etaSeconds));
            err() << "\x1b[K";
            err().flush();
        }
    });
    QObject::connect(&trainer, &Trainer::epochFinished, [&](const EpochMetrics &m) {
        if (tty)
            err() << "\r\x1b[K";
        if (asJson) {
            out() << QJsonDocument(compact(m)).toJson(QJsonDocument::Compact) << '\n';
        } else {
            out() << tr("epoch %1: train loss %2, val loss %3, AP %4, ROC AUC %5, F1 %6 (precision %7, recall %8) "
                        "at %9, %10 s%11")
                         .arg(m.epoch)
                         .arg(fmt(m.trainLoss, 4), fmt(m.validationLoss, 4), fmt(m.averagePrecision),
                              fmt(m.rocAuc), fmt(m.confusion.f1()), fmt(m.confusion.precision()),
                              fmt(m.confusion.recall()), fmt(m.confusion.threshold, 2))
                         .arg(m.seconds, 0, 'f', 1)
                         .arg(m.best ? QStringLiteral(" *") : QString())
                  << '\n';
        }
        out().flush();
    });
    s_running = &trainer;
    auto previous = std::signal(SIGINT, onInterrupt);
    const TrainResult r = trainer.run();
    std::signal(SIGINT, previous);
    s_running = nullptr;
    if (tty)
        err() << "\r\x1b[K";
    if (asJson) {
        out() << QJsonDocument(QJsonObject{{QStringLiteral("run"), r.runId},
                                           {QStringLiteral("status"), r.status},
                                           {QStringLiteral("error"), r.error},
                                           {QStringLiteral("bestEpoch"), r.bestEpoch},
                                           {QStringLiteral("best"), compact(r.best)},
                                           {QStringLiteral("trainItems"), r.trainItems},
                                           {QStringLiteral("validationItems"), r.validationItems},
                                           {QStringLiteral("folds"), r.folds},
                                           {QStringLiteral("scoredItems"), r.scoredItems},
                                           {QStringLiteral("unreadable"), unreadableJson(r.unreadable)},
                                           {QStringLiteral("featuresFromProject"), r.featuresFromProject},
                                           {QStringLiteral("auto"), r.autoReport.isEmpty() ? QJsonValue()
                                                                                           : QJsonValue(r.autoReport)},
                                           {QStringLiteral("seconds"), r.seconds}})
                     .toJson(QJsonDocument::Compact)
              << '\n';
    } else if (r.status == QLatin1String("failed")) {
        err() << tr("Training failed: %1").arg(r.error) << '\n';
    } else {
        printAutoReport(automode::Report::fromJson(r.autoReport));
        const MetricIntervals &ci = r.best.intervals;
        out() << tr("Run %1 %2 in %3 s: best epoch %4 with AP %5 (95 % interval %6) (epoch 0: the pretrained "
                    "model). %7 items trained on, %8 judged out-of-sample%9, %10 scored.")
                     .arg(r.runId)
                     .arg(r.status)
                     .arg(r.seconds, 0, 'f', 1)
                     .arg(r.bestEpoch)
                     .arg(fmt(r.best.averagePrecision))
                     .arg(intervalText(ci.averagePrecision))
                     .arg(r.trainItems)
                     .arg(r.validationItems)
                     .arg(r.folds > 1 ? tr(" by %1 folds").arg(r.folds) : QString())
                     .arg(r.scoredItems)
              << '\n';
        if (r.featuresFromProject > 0) {
            const int fromWorkers = int(std::min(r.featuresFromProject, qint64(INT_MAX)));
            out() << QCoreApplication::translate(
                         "nsfw::cli", "%n item(s)' backbone features came from the project's workers (worker --features).",
                         nullptr, fromWorkers)
                  << '\n';
        }
    }
    if (!asJson)
        printUnreadable(r.unreadable);
    return r.status == QLatin1String("finished") ? 0 : r.status == QLatin1String("cancelled") ? 130 : 1;
}

} // namespace nsfw::cli
