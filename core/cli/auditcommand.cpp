// audit: the labels a cross-validated run's out-of-sample scores say are probably wrong (confident learning).
#include "commands.h"
#include "console.h"

#include "store/csvlabels.h"
#include "store/itemquery.h"
#include "store/projectdatabase.h"
#include "store/runstore.h"
#include "train/runreview.h"

#include <QCommandLineParser>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QSaveFile>

namespace nsfw::cli {

namespace {

QString labelName(int label)
{
    return label == 1 ? QStringLiteral("nsfw") : QStringLiteral("safe");
}

} // namespace

int auditCommand(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Find labels that are probably wrong: confident learning over a run's out-of-sample scores (every labeled "
           "item of a cross-validated run; see train --folds). Prints the estimated number of label errors and the "
           "suspects, most suspect first, with the label the model suggests and how sure it is (score). Items "
           "relabelled since the run, or confirmed right for this model, are left out; unsure items never take part."));
    parser.addPositionalArgument(QStringLiteral("PROJECT"), tr("The project: a file or a postgresql:// URL."));
    const QCommandLineOption run(QStringLiteral("run"), tr("The run (default: the latest finished one)."),
                                 QStringLiteral("N"));
    const QCommandLineOption json(QStringLiteral("json"),
                                  tr("Print one JSON object: the estimate and every suspect (path, label, suggested, "
                                     "score, rank)."));
    const QCommandLineOption csvFile(QStringLiteral("csv"), tr("Write rank,path,label,suggested,score to FILE."),
                                     QStringLiteral("FILE"));
    const QCommandLineOption limit(QStringLiteral("limit"), tr("Suspects listed in the text output (default 20)."),
                                   QStringLiteral("N"), QStringLiteral("20"));
    parser.addOptions({run, json, csvFile, limit});
    int status = 0;
    if (!parseArguments(parser, arguments, &status))
        return status;
    if (parser.positionalArguments().size() != 1) {
        err() << tr("audit takes one project.") << '\n';
        return 2;
    }
    auto db = openProject(parser.positionalArguments().first());
    if (!db)
        return 1;
    RunStore runs(*db);
    qint64 id = 0;
    if (parser.isSet(run)) {
        bool ok = false;
        id = parser.value(run).toLongLong(&ok);
        if (!ok || !runs.run(id)) {
            err() << tr("There is no run %1 in this project.").arg(parser.value(run)) << '\n';
            return 1;
        }
    } else {
        id = runs.latestFinished();
        if (id == 0) {
            err() << tr("This project has no finished run yet (see: nsfw-workbench train --folds 5).") << '\n';
            return 1;
        }
    }
    QString error;
    const std::optional<RunReview> review = RunReview::load(*db, id, &error);
    if (!review) {
        err() << error << '\n';
        return 1;
    }
    if (review->run().status != QLatin1String("finished")) {
        err() << tr("Run %1 is %2: audit a finished run.").arg(id).arg(review->run().status) << '\n';
        return 1;
    }
    if (!review->isCrossValidated())
        err() << tr("Run %1 judged only its validation split (%2 items): the audit covers those. Train with --folds "
                    "to judge every label.")
                     .arg(id)
                     .arg(review->judged().size())
              << '\n';

    const LabelAudit audit = review->audit();
    QSet<qint64> relabelled, confirmed;
    const QVector<LabelSuspect> open = review->openSuspects(*db, audit, &relabelled, &confirmed);
    QVector<qint64> ids;
    for (const LabelSuspect &s : open)
        ids << s.itemId;
    QHash<qint64, QString> paths;
    for (const ItemRow &r : ItemQuery(*db).rows(ids)) {
        paths.insert(r.id, r.kind == ItemKind::Frame
                               ? r.path + QStringLiteral("#frame=") + QString::number(r.frameIndex)
                               : r.path);
    }
    auto scoreText = [](double v) { return QString::number(v, 'g', QLocale::FloatingPointShortest); };

    if (parser.isSet(csvFile)) {
        QSaveFile file(parser.value(csvFile));
        if (!file.open(QIODevice::WriteOnly)) {
            err() << tr("Cannot write %1: %2").arg(parser.value(csvFile), file.errorString()) << '\n';
            return 1;
        }
        file.write("rank,path,label,suggested,score\n");
        for (const LabelSuspect &s : open)
            file.write(csv::line({QString::number(s.rank), paths.value(s.itemId), labelName(s.label),
                                  labelName(s.suggested), scoreText(s.score)})
                           .toUtf8()
                       + '\n');
        if (!file.commit()) {
            err() << tr("Cannot write %1: %2").arg(parser.value(csvFile), file.errorString()) << '\n';
            return 1;
        }
    }
    if (parser.isSet(json)) {
        QJsonArray suspects;
        for (const LabelSuspect &s : open)
            suspects.append(QJsonObject{{QStringLiteral("item"), s.itemId},
                                        {QStringLiteral("path"), paths.value(s.itemId)},
                                        {QStringLiteral("label"), labelName(s.label)},
                                        {QStringLiteral("suggested"), labelName(s.suggested)},
                                        {QStringLiteral("score"), s.score},
                                        {QStringLiteral("rank"), s.rank}});
        QJsonObject o = audit.toJson();
        o.insert(QStringLiteral("run"), id);
        o.insert(QStringLiteral("folds"), review->folds());
        o.insert(QStringLiteral("relabelledSince"), relabelled.size());
        o.insert(QStringLiteral("confirmed"), confirmed.size());
        o.insert(QStringLiteral("suspects"), suspects);
        out() << QJsonDocument(o).toJson(QJsonDocument::Compact) << '\n';
        return 0;
    }
    QStringList left;
    if (!relabelled.isEmpty())
        left << tr("%1 relabelled since the run").arg(relabelled.size());
    if (!confirmed.isEmpty())
        left << tr("%1 confirmed right").arg(confirmed.size());
    out() << tr("Run %1: %2 labels judged out-of-sample%3. About %4 label error(s) estimated; %5 suspect(s)%6.")
                 .arg(id)
                 .arg(audit.items)
                 .arg(review->isCrossValidated() ? tr(" by %1 folds").arg(review->folds()) : QString())
                 .arg(audit.estimatedErrors)
                 .arg(open.size())
                 .arg(left.isEmpty() ? QString() : QStringLiteral(" (") + tr("not counted: %1").arg(left.join(QStringLiteral(", "))) + QLatin1Char(')'))
          << '\n';
    const int shown = std::max(0, parser.value(limit).toInt());
    for (qsizetype i = 0; i < open.size() && i < shown; ++i) {
        const LabelSuspect &s = open[i];
        out() << QStringLiteral("%1. ").arg(s.rank) << paths.value(s.itemId) << "  "
              << tr("labeled %1, probably %2 (%3)").arg(labelName(s.label), labelName(s.suggested), scoreText(s.score))
              << '\n';
    }
    if (open.size() > shown)
        out() << tr("... and %1 more (--limit, --json or --csv for all)").arg(open.size() - shown) << '\n';
    return 0;
}

} // namespace nsfw::cli
