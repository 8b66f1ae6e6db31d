// evaluate: a run's out-of-sample figures with bootstrap intervals.
#include "commands.h"
#include "console.h"
#include "runoutput.h"

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

} // namespace nsfw::cli
