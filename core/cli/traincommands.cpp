// train, evaluate, export-model: fine-tuning from the command line.
#include "commands.h"
#include "console.h"

#include "media/nearduplicates.h"
#include "model/modellocator.h"
#include "store/csvlabels.h"
#include "store/itemstore.h"
#include "store/projectdatabase.h"
#include "store/runstore.h"
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

namespace nsfw::cli {

namespace {

std::atomic<Trainer *> s_running{nullptr};

void onInterrupt(int)
{
    if (Trainer *t = s_running.load())
        t->cancel(); // only an atomic store: safe in a signal handler
}

QString fmt(double v, int decimals = 3)
{
    return std::isnan(v) ? QStringLiteral("n/a") : QString::number(v, 'f', decimals);
}

QJsonObject compact(const EpochMetrics &m)
{
    QJsonObject o = m.toJson();
    o.remove(QStringLiteral("curve"));
    o.remove(QStringLiteral("stepLosses"));
    return o;
}

QJsonArray unreadableJson(const QVector<UnreadableItem> &items)
{
    QJsonArray rows;
    for (const UnreadableItem &i : items)
        rows.append(QJsonObject{{QStringLiteral("item"), i.itemId},
                                {QStringLiteral("path"), i.path},
                                {QStringLiteral("reason"), i.reason}});
    return rows;
}

/// The items a run left out, one line each on standard error.
void printUnreadable(const QVector<UnreadableItem> &items)
{
    if (items.isEmpty())
        return;
    err() << QCoreApplication::translate("nsfw::cli", "%n item(s) could not be read and were left out:", nullptr,
                                         int(items.size()))
          << '\n';
    for (const UnreadableItem &i : items)
        err() << "  " << i.path << ": " << i.reason << '\n';
}

/// "0.812-0.874", or "n/a" when the bootstrap could not place it.
QString intervalText(const Interval &i, int decimals = 3)
{
    return i.isValid() ? QStringLiteral("%1-%2").arg(fmt(i.low, decimals), fmt(i.high, decimals)) : QStringLiteral("n/a");
}

QJsonValue intervalJson(const Interval &i)
{
    return i.isValid() ? QJsonValue(QJsonArray{i.low, i.high}) : QJsonValue();
}

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

} // namespace

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
                                  tr("head (backbone frozen, features cached), partial (last K blocks), full, or "
                                     "pretrained (evaluate and score only). Default: head."),
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
                                      tr("Learning rate over the steps: constant (default) or cosine (a linear warm-up, "
                                         "then a cosine decay towards 0)."),
                                      QStringLiteral("NAME"), d.schedule);
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
    const QCommandLineOption json(QStringLiteral("json"), tr("One JSON object per epoch, and a final one."));
    parser.addOptions({mode, blocks, epochs, lr, batch, valFraction, folds, seed, optimizer, weightDecay, patience,
                       threshold, noAugment, trainBn, noScore, model, schedule, warmup, layerDecay, labelSmoothing,
                       json});
    int status = 0;
    if (!parseArguments(parser, arguments, &status))
        return status;
    if (parser.positionalArguments().size() != 1) {
        err() << tr("train takes one project.") << '\n';
        return 2;
    }
    TrainSettings s;
    if (!TrainSettings::parseMode(parser.value(mode), &s.mode)) {
        err() << tr("Unknown mode: %1 (head, partial, full, pretrained)").arg(parser.value(mode)) << '\n';
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
                                           {QStringLiteral("seconds"), r.seconds}})
                     .toJson(QJsonDocument::Compact)
              << '\n';
    } else if (r.status == QLatin1String("failed")) {
        err() << tr("Training failed: %1").arg(r.error) << '\n';
    } else {
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
    }
    if (!asJson)
        printUnreadable(r.unreadable);
    return r.status == QLatin1String("finished") ? 0 : r.status == QLatin1String("cancelled") ? 130 : 1;
}

int evaluateCommand(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Out-of-sample metrics of a run's best epoch (its validation split, or every labeled item of a "
           "cross-validated run): AP, ROC AUC, and precision, recall, F1 and the confusion matrix at a threshold, "
           "with 95 % bootstrap intervals over items grouped as the split grouped them (a video's frames together)."));
    parser.addPositionalArgument(QStringLiteral("PROJECT"), tr("The project: a file or a postgresql:// URL."));
    const QCommandLineOption run(QStringLiteral("run"), tr("The run (default: the latest finished one)."),
                                 QStringLiteral("N"));
    const QCommandLineOption threshold(QStringLiteral("threshold"), tr("Decision threshold (default: the run's)."),
                                       QStringLiteral("T"));
    const QCommandLineOption json(QStringLiteral("json"), tr("Print one JSON object."));
    const QCommandLineOption scores(QStringLiteral("scores"),
                                    tr("Write path,label,score,split,fold per item to FILE."), QStringLiteral("FILE.csv"));
    const QCommandLineOption resamples(QStringLiteral("resamples"),
                                       tr("Bootstrap resamples for the 95 % intervals (default 1000)."),
                                       QStringLiteral("N"), QStringLiteral("1000"));
    const QCommandLineOption seed(QStringLiteral("seed"), tr("Seed of the bootstrap (default 1)."), QStringLiteral("S"),
                                  QStringLiteral("1"));
    parser.addOptions({run, threshold, json, scores, resamples, seed});
    int status = 0;
    if (!parseArguments(parser, arguments, &status))
        return status;
    if (parser.positionalArguments().size() != 1) {
        err() << tr("evaluate takes one project.") << '\n';
        return 2;
    }
    auto db = openProject(parser.positionalArguments().first());
    if (!db)
        return 1;
    RunStore runs(*db);
    QString error;
    const qint64 id = resolveRun(runs, parser.value(run), &error);
    if (id == 0) {
        err() << error << '\n';
        return 1;
    }
    const std::optional<RunReview> review = RunReview::load(*db, id, &error);
    if (!review) {
        err() << error << '\n';
        return 1;
    }
    const RunRecord &record = review->run();
    const double t = parser.isSet(threshold) ? parser.value(threshold).toDouble() : record.threshold;
    const QVector<RunItem> &items = review->items();
    const PrCurve &curve = review->curve();
    const ConfusionMatrix m = curve.confusionAt(t);
    const MetricIntervals ci = review->intervals(t, parser.value(resamples).toInt(), parser.value(seed).toULongLong());
    const qsizetype judged = review->judged().size();
    const VideoMetrics &videos = review->videoMetrics();
    // Near-copies on two sides of the split make the figures optimistic: older runs, or copies found since.
    // (Pictures imported before hashes existed are hashed first, where this machine has the media.)
    QStringList unhashed;
    if (db->hasMediaRoot()
        && hashMissingMedia(
            *db,
            [](qint64 done, qint64 total) {
                if (errIsTerminal())
                    err() << '\r' << tr("hashing %1 of %2 ...").arg(done).arg(total) << Qt::flush;
            },
            &unhashed, &error)
        < 0) {
        err() << error << '\n';
        return 1;
    }
    const QVector<RunReview::SplitLeak> leaks = review->splitLeaks(*db, &error);
    if (!error.isEmpty()) {
        err() << error << '\n';
        return 1;
    }
    qint64 leakPairs = 0;
    for (const RunReview::SplitLeak &l : leaks)
        leakPairs += l.crossPairs;
    auto sideName = [&review](const RunItem &i) {
        return review->isCrossValidated() ? tr("fold %1").arg(i.fold + 1)
                                          : i.split ? tr("validation") : tr("training");
    };
    auto pathOf = [](const ItemRow &r) {
        return r.kind == ItemKind::Frame ? r.path + QStringLiteral("#frame=") + QString::number(r.frameIndex) : r.path;
    };
    if (parser.isSet(scores)) {
        QHash<qint64, float> all;
        for (const ItemScore &s : runs.itemScores(id))
            all.insert(s.itemId, s.score);
        ItemStore itemStore(*db);
        QSaveFile file(parser.value(scores));
        if (!file.open(QIODevice::WriteOnly)) {
            err() << tr("Cannot write %1: %2").arg(parser.value(scores), file.errorString()) << '\n';
            return 1;
        }
        file.write("path,label,score,split,fold\n");
        for (const RunItem &i : items) {
            const auto item = itemStore.item(i.itemId);
            if (!item)
                continue;
            QString path = item->path;
            if (item->kind == ItemKind::Frame) {
                const auto video = itemStore.item(item->parentId);
                path = (video ? video->path : QString()) + QStringLiteral("#frame=") + QString::number(item->frameIndex);
            }
            const float score = std::isnan(i.score) ? all.value(i.itemId, qQNaN()) : i.score;
            const QStringList fields = {path, i.label ? QStringLiteral("nsfw") : QStringLiteral("safe"),
                                        // Every digit of the float: the very value AP and ROC AUC were computed from,
                                        // so ties stay ties and near values stay apart when it is read back.
                                        std::isnan(score) ? QString()
                                                          : QString::number(double(score), 'g',
                                                                            QLocale::FloatingPointShortest),
                                        i.split ? QStringLiteral("validation") : QStringLiteral("train"),
                                        i.fold >= 0 ? QString::number(i.fold + 1) : QString()};
            file.write(csv::line(fields).toUtf8() + '\n');
        }
        if (!file.commit()) {
            err() << tr("Cannot write %1: %2").arg(parser.value(scores), file.errorString()) << '\n';
            return 1;
        }
    }

    if (parser.isSet(json)) {
        auto num = [](double v) { return std::isnan(v) ? QJsonValue() : QJsonValue(v); };
        auto leaksJson = [&] {
            QJsonArray groups;
            for (const RunReview::SplitLeak &l : leaks) {
                QJsonArray items;
                for (qsizetype k = 0; k < l.items.size(); ++k)
                    items.append(QJsonObject{{QStringLiteral("id"), l.items[k].itemId},
                                             {QStringLiteral("path"), pathOf(l.rows[k])},
                                             {QStringLiteral("side"), sideName(l.items[k])}});
                groups.append(QJsonObject{{QStringLiteral("items"), items}, {QStringLiteral("crossPairs"), l.crossPairs}});
            }
            return groups;
        };
        // A video as one unit: its verdict against its own label (null when no labeled video was judged).
        auto videoJson = [&]() -> QJsonValue {
            if (videos.isEmpty())
                return QJsonValue();
            const ConfusionMatrix vm = videos.confusionAt(t);
            return QJsonObject{{QStringLiteral("count"), videos.videos()},
                               {QStringLiteral("positives"), videos.curve().positives},
                               {QStringLiteral("rule"), videos.rule()},
                               {QStringLiteral("ap"), num(videos.curve().averagePrecision)},
                               {QStringLiteral("auc"), num(videos.curve().rocAuc)},
                               {QStringLiteral("precision"), vm.precision()},
                               {QStringLiteral("recall"), vm.recall()},
                               {QStringLiteral("confusion"), vm.toJson()}};
        };
        out() << QJsonDocument(QJsonObject{{QStringLiteral("run"), id},
                                           {QStringLiteral("status"), record.status},
                                           {QStringLiteral("bestEpoch"), record.bestEpoch},
                                           {QStringLiteral("validationItems"), judged},
                                           {QStringLiteral("folds"), review->folds()},
                                           {QStringLiteral("ap"), num(curve.averagePrecision)},
                                           {QStringLiteral("auc"), num(curve.rocAuc)},
                                           {QStringLiteral("threshold"), t},
                                           {QStringLiteral("precision"), m.precision()},
                                           {QStringLiteral("recall"), m.recall()},
                                           {QStringLiteral("f1"), m.f1()},
                                           {QStringLiteral("accuracy"), m.accuracy()},
                                           {QStringLiteral("confusion"), m.toJson()},
                                           {QStringLiteral("videos"), videoJson()},
                                           {QStringLiteral("intervals"),
                                            QJsonObject{{QStringLiteral("level"), ci.level},
                                                        {QStringLiteral("resamples"), ci.resamples},
                                                        {QStringLiteral("groups"), ci.groups},
                                                        {QStringLiteral("seed"), QString::number(ci.seed)},
                                                        {QStringLiteral("ap"), intervalJson(ci.averagePrecision)},
                                                        {QStringLiteral("auc"), intervalJson(ci.rocAuc)},
                                                        {QStringLiteral("precision"), intervalJson(ci.precision)},
                                                        {QStringLiteral("recall"), intervalJson(ci.recall)}}},
                                           {QStringLiteral("nearDuplicates"),
                                            QJsonObject{{QStringLiteral("heldTogether"),
                                                         record.settings.value(QStringLiteral("nearDuplicateGroups"))},
                                                        {QStringLiteral("acrossSplit"), leaksJson()},
                                                        {QStringLiteral("crossPairs"), leakPairs}}},
                                           {QStringLiteral("unreadable"), unreadableJson(record.unreadable)}})
                     .toJson(QJsonDocument::Compact)
              << '\n';
        return 0;
    }
    out() << (review->isCrossValidated()
                  ? tr("Run %1 (%2, best epoch %3), %4 items judged out-of-sample by %5 folds:")
                        .arg(id)
                        .arg(record.status)
                        .arg(record.bestEpoch)
                        .arg(judged)
                        .arg(review->folds())
                  : tr("Run %1 (%2, best epoch %3), %4 validation items:")
                        .arg(id)
                        .arg(record.status)
                        .arg(record.bestEpoch)
                        .arg(judged))
          << '\n';
    out() << tr("  AP %1 (%2), ROC AUC %3 (%4)")
                 .arg(fmt(curve.averagePrecision, 4), intervalText(ci.averagePrecision, 4), fmt(curve.rocAuc, 4),
                      intervalText(ci.rocAuc, 4))
          << '\n';
    out() << tr("  at threshold %1: precision %2 (%3), recall %4 (%5), F1 %6, accuracy %7")
                 .arg(fmt(t, 3), fmt(m.precision(), 4), intervalText(ci.precision, 4), fmt(m.recall(), 4),
                      intervalText(ci.recall, 4), fmt(m.f1(), 4), fmt(m.accuracy(), 4))
          << '\n';
    out() << tr("  confusion: %1 true positives, %2 false positives, %3 true negatives, %4 false negatives")
                 .arg(m.tp)
                 .arg(m.fp)
                 .arg(m.tn)
                 .arg(m.fn)
          << '\n';
    out() << QStringLiteral("  ") + tr("videos as units: %1").arg(videos.summary(t)) << '\n';
    out() << tr("  (in parentheses: 95 % bootstrap intervals, %1 resamples over %2 independent units)")
                 .arg(ci.resamples)
                 .arg(ci.groups)
          << '\n';
    const QJsonValue held = record.settings.value(QStringLiteral("nearDuplicateGroups"));
    if (leaks.isEmpty()) {
        out() << (held.isUndefined() ? tr("  near-copies: none on two sides of the split")
                                     : tr("  near-copies: %1 group(s) held on one side of the split, none across it")
                                          .arg(held.toInt()))
              << '\n';
    } else {
        out() << tr("  near-copies across the split: %1 group(s), %2 pair(s) on different sides: the figures above "
                    "may be optimistic (train again: new runs keep near-copies together)")
                     .arg(leaks.size())
                     .arg(leakPairs)
              << '\n';
        for (const RunReview::SplitLeak &l : leaks) {
            QStringList members;
            for (qsizetype k = 0; k < l.items.size(); ++k)
                members << QStringLiteral("%1 (%2)").arg(pathOf(l.rows[k]), sideName(l.items[k]));
            out() << QStringLiteral("    ") << members.join(QStringLiteral(", ")) << '\n';
        }
    }
    for (const QString &line : unhashed)
        err() << tr("not hashed: %1").arg(line) << '\n';
    printUnreadable(record.unreadable);
    return 0;
}

int exportModelCommand(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Write a run's fine-tuned model, or with --model a pretrained one: tfjs gives a TF.js Layers model "
           "(model.json + weights) that tf.loadLayersModel and nsfwjs load; native gives a LibTorch archive; onnx "
           "gives one ONNX file (opset 10, input NCHW RGB 0-1, preprocessing and class names in its metadata) that "
           "ONNX Runtime and OpenCV's DNN module load."));
    parser.addPositionalArgument(QStringLiteral("PROJECT"), tr("The project: a file or a postgresql:// URL."));
    const QCommandLineOption run(QStringLiteral("run"), tr("The run (default: the latest finished one)."),
                                 QStringLiteral("N"));
    const QCommandLineOption model(QStringLiteral("model"),
                                   tr("Export this model folder (model.json + shards; \"pretrained\": the installed "
                                      "mobilenet_v2) instead of a project's run."),
                                   QStringLiteral("DIR"));
    const QCommandLineOption format(QStringLiteral("format"), tr("tfjs (default), native or onnx."),
                                    QStringLiteral("FORMAT"), QStringLiteral("tfjs"));
    const QCommandLineOption outDir(QStringLiteral("out"),
                                    tr("Output folder (tfjs, native): new, empty, or one this tool exported before "
                                       "(with --force). Output file (onnx): new, or one this tool exported before "
                                       "(with --force)."),
                                    QStringLiteral("PATH"));
    const QCommandLineOption force(QStringLiteral("force"),
                                   tr("Replace a model this tool wrote before (never any other folder or file)."));
    parser.addOptions({run, model, format, outDir, force});
    int status = 0;
    if (!parseArguments(parser, arguments, &status))
        return status;
    const qsizetype projects = parser.positionalArguments().size();
    if (!parser.isSet(outDir) || (parser.isSet(model) ? projects != 0 : projects != 1)) {
        err() << tr("export-model takes one project (or --model DIR) and --out PATH.") << '\n';
        return 2;
    }
    if (parser.isSet(model) && parser.isSet(run)) {
        err() << tr("--run picks a project's run; it does not go with --model.") << '\n';
        return 2;
    }
    const QString fmtName = parser.value(format);
    if (fmtName != QLatin1String("tfjs") && fmtName != QLatin1String("native") && fmtName != QLatin1String("onnx")) {
        err() << tr("--format must be tfjs, native or onnx.") << '\n';
        return 2;
    }
    QString error;
    std::vector<std::pair<QString, QString>> metadata;
    QString from;
    if (parser.isSet(model)) {
        const bool pretrained = parser.value(model) == QLatin1String("pretrained");
        from = locateModel(pretrained ? QString() : parser.value(model), &error);
        metadata.emplace_back(QStringLiteral("source"),
                              (pretrained ? QStringLiteral("pretrained model %1") : QStringLiteral("model folder %1"))
                                  .arg(QFileInfo(from).fileName()));
    } else {
        from = runModelFolder(parser.positionalArguments().first(), parser.value(run), &error, &metadata);
    }
    if (from.isEmpty()) {
        err() << error << '\n';
        return 1;
    }
    const QString out = QFileInfo(parser.value(outDir)).absoluteFilePath();
    bool ok = false;
    if (fmtName == QLatin1String("tfjs")) {
        ok = copyModelFolder(from, out, parser.isSet(force), &error);
    } else if (fmtName == QLatin1String("native")) {
        ok = exportNative(from, out, parser.isSet(force), &error);
    } else {
        ok = exportOnnx(from, out, parser.isSet(force), &error, metadata);
    }
    if (!ok) {
        err() << error << '\n';
        return 1;
    }
    cli::out() << tr("Wrote %1").arg(out) << '\n';
    return 0;
}

} // namespace nsfw::cli
