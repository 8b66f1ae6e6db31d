// agreement: how well the annotators of a project agree, and their pace.
#include "commands.h"
#include "console.h"

#include "store/projectdatabase.h"
#include "train/agreement.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace nsfw::cli {

namespace {

using agreement::AnnotatorAgreement;
using agreement::PairAgreement;
using agreement::Report;

const char *const kCategoryNames[agreement::kCategories] = {"safe", "nsfw", "unsure"};

QJsonValue number(const std::optional<double> &v)
{
    return v ? QJsonValue(*v) : QJsonValue(QJsonValue::Null);
}

QJsonObject reportJson(const Report &r)
{
    QJsonArray categories;
    for (const char *name : kCategoryNames)
        categories.append(QLatin1String(name));
    QJsonArray pairs;
    for (const PairAgreement &p : r.pairs) {
        pairs.append(QJsonObject{{QStringLiteral("annotators"), QJsonArray{p.first, p.second}},
                                 {QStringLiteral("items"), p.items},
                                 {QStringLiteral("agreement"), number(p.observed)},
                                 {QStringLiteral("cohenKappa"), number(p.kappa)}});
    }
    QJsonArray people;
    for (const AnnotatorAgreement &a : r.perAnnotator) {
        QJsonArray confusion;
        for (const auto &row : a.confusion) {
            QJsonArray cells;
            for (int n : row)
                cells.append(n);
            confusion.append(cells);
        }
        people.append(QJsonObject{{QStringLiteral("annotator"), a.name},
                                  {QStringLiteral("labeled"), a.labeled},
                                  {QStringLiteral("overlap"), a.overlap},
                                  {QStringLiteral("confusion"), confusion},
                                  {QStringLiteral("withoutReference"), a.withoutReference},
                                  {QStringLiteral("agreesWithReference"), number(a.accuracy)},
                                  {QStringLiteral("entries"), a.entries},
                                  {QStringLiteral("sessions"), a.sessions},
                                  {QStringLiteral("activeHours"), a.activeHours},
                                  {QStringLiteral("labelsPerHour"), number(a.labelsPerHour)}});
    }
    return {{QStringLiteral("categories"), categories},
            {QStringLiteral("annotators"), QJsonArray::fromStringList(r.annotators)},
            {QStringLiteral("labeledItems"), r.labeledItems},
            {QStringLiteral("overlapItems"), r.overlapItems},
            {QStringLiteral("percentAgreement"), number(r.percentAgreement)},
            {QStringLiteral("unanimous"), number(r.unanimous)},
            {QStringLiteral("fleissKappa"), number(r.fleissKappa)},
            {QStringLiteral("fleissItems"), r.fleissItems},
            {QStringLiteral("fleissRaters"), r.fleissRaters},
            {QStringLiteral("krippendorffAlpha"), number(r.krippendorffAlpha)},
            {QStringLiteral("pairs"), pairs},
            {QStringLiteral("perAnnotator"), people},
            {QStringLiteral("sessionGapMinutes"), double(agreement::kSessionGapMs) / 60000.0}};
}

QString figure(const std::optional<double> &v, const QString &undefined)
{
    return v ? QString::number(*v, 'f', 3) : undefined;
}

QString percent(const std::optional<double> &v)
{
    return v ? QStringLiteral("%1 %").arg(100.0 * *v, 0, 'f', 1) : QStringLiteral("-");
}

void printText(const Report &r)
{
    const QString oneCategory = tr("undefined (one category only)");
    out() << tr("Annotators: %1 (%2)").arg(r.annotators.join(QStringLiteral(", "))).arg(r.annotators.size()) << '\n';
    out() << tr("Items labeled: %1; labeled by two annotators or more (the overlap): %2")
                 .arg(r.labeledItems)
                 .arg(r.overlapItems)
          << '\n';
    if (r.overlapItems == 0) {
        out() << tr("No item has labels of two annotators: there is no agreement to measure yet.") << '\n';
    } else {
        out() << tr("Percent agreement: %1 (all annotators of an item agree on %2 of the items)")
                     .arg(percent(r.percentAgreement), percent(r.unanimous))
              << '\n';
        out() << tr("Fleiss' kappa: %1 (the %2 items with %3 annotators each)")
                     .arg(figure(r.fleissKappa, oneCategory))
                     .arg(r.fleissItems)
                     .arg(r.fleissRaters)
              << '\n';
        out() << tr("Krippendorff's alpha (nominal): %1").arg(figure(r.krippendorffAlpha, oneCategory)) << '\n';
    }
    if (!r.pairs.isEmpty()) {
        out() << '\n'
              << QStringLiteral("%1 %2 %3 %4")
                     .arg(tr("pair"), -30)
                     .arg(tr("items"), 7)
                     .arg(tr("agreement"), 10)
                     .arg(tr("Cohen's kappa"), 14)
              << '\n';
        for (const PairAgreement &p : r.pairs) {
            out() << QStringLiteral("%1 %2 %3 %4")
                         .arg(QStringLiteral("%1 - %2").arg(p.first, p.second), -30)
                         .arg(p.items, 7)
                         .arg(percent(p.observed), 10)
                         .arg(p.items == 0 ? QStringLiteral("-") : figure(p.kappa, tr("undefined")), 14)
                  << '\n';
        }
    }
    if (r.perAnnotator.isEmpty())
        return;
    out() << '\n'
          << QStringLiteral("%1 %2 %3 %4 %5 %6")
                 .arg(tr("annotator"), -20)
                 .arg(tr("labeled"), 8)
                 .arg(tr("overlap"), 8)
                 .arg(tr("as reference"), 13)
                 .arg(tr("labels/hour"), 12)
                 .arg(tr("active hours"), 13)
          << '\n';
    for (const AnnotatorAgreement &a : r.perAnnotator) {
        out() << QStringLiteral("%1 %2 %3 %4 %5 %6")
                     .arg(a.name, -20)
                     .arg(a.labeled, 8)
                     .arg(a.overlap, 8)
                     .arg(percent(a.accuracy), 13)
                     .arg(a.labelsPerHour ? QString::number(*a.labelsPerHour, 'f', 0) : QStringLiteral("-"), 12)
                     .arg(a.activeHours, 13, 'f', 2)
              << '\n';
    }
    out() << tr("(labels/hour: pauses over %1 minutes end a session; labels from folder names and CSV files are not "
                "counted)")
                 .arg(agreement::kSessionGapMs / 60000)
          << '\n';
    for (const AnnotatorAgreement &a : r.perAnnotator) {
        if (a.overlap == 0)
            continue;
        out() << '\n'
              << tr("%1 against the reference label on the overlap (rows: %1, columns: reference):").arg(a.name)
              << '\n';
        QString header = QStringLiteral("%1").arg(QString(), -8);
        for (const char *name : kCategoryNames)
            header += QStringLiteral(" %1").arg(QLatin1String(name), 7);
        out() << header << '\n';
        for (int row = 0; row < agreement::kCategories; ++row) {
            QString line = QStringLiteral("%1").arg(QLatin1String(kCategoryNames[row]), -8);
            for (int col = 0; col < agreement::kCategories; ++col)
                line += QStringLiteral(" %1").arg(a.confusion[size_t(row)][size_t(col)], 7);
            out() << line << '\n';
        }
        if (a.withoutReference > 0)
            out() << tr("%1 items without a reference label").arg(a.withoutReference) << '\n';
    }
}

} // namespace

int agreementCommand(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("How well the annotators agree, on the items labeled by two or more of them (each annotator's latest "
           "label; safe, nsfw and unsure are the categories): percent agreement, Cohen's kappa for every pair, "
           "Fleiss' kappa (over the items with the most common number of annotators), Krippendorff's alpha "
           "(nominal); each annotator against the item's current label (a confusion matrix), and labels per "
           "hour."));
    parser.addPositionalArgument(QStringLiteral("PROJECT"), tr("The project: a file or a postgresql:// URL."));
    const QCommandLineOption json(
        QStringLiteral("json"),
        tr("Print one JSON object: {\"categories\", \"annotators\", \"labeledItems\", \"overlapItems\", "
           "\"percentAgreement\", \"unanimous\", \"fleissKappa\", \"fleissItems\", \"fleissRaters\", "
           "\"krippendorffAlpha\", \"pairs\": [{\"annotators\": [A, B], \"items\", \"agreement\", \"cohenKappa\"}], "
           "\"perAnnotator\": [{\"annotator\", \"labeled\", \"overlap\", \"confusion\", \"withoutReference\", "
           "\"agreesWithReference\", \"entries\", \"sessions\", \"activeHours\", \"labelsPerHour\"}], "
           "\"sessionGapMinutes\"}; an undefined figure is null."));
    parser.addOption(json);
    int status = 0;
    if (!parseArguments(parser, arguments, &status))
        return status;
    if (parser.positionalArguments().size() != 1) {
        err() << tr("agreement takes one project.") << '\n';
        return 2;
    }
    auto db = openProject(parser.positionalArguments().first());
    if (!db)
        return 1;
    QString error;
    const Report report = agreement::compute(*db, &error);
    if (!error.isEmpty()) {
        err() << error << '\n';
        return 1;
    }
    if (parser.isSet(json))
        out() << QJsonDocument(reportJson(report)).toJson(QJsonDocument::Indented);
    else
        printText(report);
    return 0;
}

} // namespace nsfw::cli
