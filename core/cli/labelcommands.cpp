// label, labels: setting labels from the command line and CSV exchange.
#include "commands.h"
#include "console.h"

#include "media/importer.h"
#include "store/csvlabels.h"
#include "store/itemstore.h"
#include "store/labelstore.h"
#include "store/projectteam.h"
#include "store/projectdatabase.h"

#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFileInfo>

namespace nsfw::cli {

int labelsCommand(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Export the current labels to CSV (path,label,annotator), or import labels from such a file. Import "
           "exits 0 when every row applied, 3 when some rows could not be (each is reported), 1 when none did."));
    parser.addPositionalArgument(QStringLiteral("PROJECT"), tr("The project: a file or a postgresql:// URL."));
    const QCommandLineOption exportOpt(QStringLiteral("export"), tr("Write the labels to FILE.csv."),
                                       QStringLiteral("FILE.csv"));
    const QCommandLineOption importOpt(QStringLiteral("import"), tr("Read labels from FILE.csv."),
                                       QStringLiteral("FILE.csv"));
    const QCommandLineOption annotator(QStringLiteral("annotator"),
                                       tr("Annotator for rows without one (default: the user name)."),
                                       QStringLiteral("NAME"));
    parser.addOptions({exportOpt, importOpt, annotator});
    int status = 0;
    if (!parseArguments(parser, arguments, &status))
        return status;
    if (parser.positionalArguments().size() != 1 || parser.isSet(exportOpt) == parser.isSet(importOpt)) {
        err() << tr("labels takes one project and either --export FILE or --import FILE.") << '\n';
        return 2;
    }
    auto db = openProject(parser.positionalArguments().first(), parser.isSet(importOpt));
    if (!db)
        return 1;
    if (parser.isSet(exportOpt)) {
        QString error;
        const int rows = CsvLabels::exportLabels(*db, parser.value(exportOpt), &error);
        if (rows < 0) {
            err() << error << '\n';
            return 1;
        }
        out() << tr("Wrote %1 labels to %2").arg(rows).arg(parser.value(exportOpt)) << '\n';
        return 0;
    }
    QString name;
    if (!chooseAnnotator(*db, parser.value(annotator), &name))
        return 2;
    const CsvLabels::ImportResult r = CsvLabels::importLabels(*db, parser.value(importOpt), name);
    for (const CsvLabels::RowError &e : r.errors)
        err() << tr("%1, line %2: %3").arg(parser.value(importOpt)).arg(e.line).arg(e.message) << '\n';
    if (!r.error.isEmpty()) {
        err() << r.error << '\n';
        return 1;
    }
    out() << tr("%1 rows: %2 labels changed, %3 already so, %4 rows with errors.")
                 .arg(r.rows)
                 .arg(r.changed)
                 .arg(r.unchanged)
                 .arg(r.errors.size());
    if (r.superseded > 0)
        out() << ' ' << tr("%1 rows were overridden by a later row for the same item.").arg(r.superseded);
    out() << '\n';
    const int applied = r.changed + r.unchanged;
    if (applied == 0) {
        err() << tr("No label was applied.") << '\n';
        return 1;
    }
    return r.errors.isEmpty() ? 0 : 3;
}

int labelCommand(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Give items a label. Each label is committed before the next one is "
                                        "written, and reported as committed on standard output."));
    parser.addPositionalArgument(QStringLiteral("PROJECT"), tr("The project: a file or a postgresql:// URL."));
    parser.addPositionalArgument(QStringLiteral("LABEL"), tr("safe, nsfw, unsure or none."));
    parser.addPositionalArgument(QStringLiteral("ITEM"), tr("Item ids or stored paths."), QStringLiteral("ITEM..."));
    const QCommandLineOption annotator(QStringLiteral("annotator"), tr("Who labels (default: the user name)."),
                                       QStringLiteral("NAME"));
    const QCommandLineOption cycle(QStringLiteral("cycle"),
                                   tr("Label every item N times in turn, cycling through safe, nsfw, unsure "
                                      "(LABEL is ignored); for stress tests."),
                                   QStringLiteral("N"));
    const QCommandLineOption adjudicate(
        QStringLiteral("adjudicate"),
        tr("Record the label as an adjudication (a reviewer's or admin's decision): under the consensus rule it is the "
           "item's label whatever the annotators said (see team PROJECT rule); none withdraws it."));
    parser.addOptions({annotator, cycle, adjudicate});
    int status = 0;
    if (!parseArguments(parser, arguments, &status))
        return status;
    const QStringList positional = parser.positionalArguments();
    if (positional.size() < 3) {
        err() << tr("label takes a project file, a label and at least one item.") << '\n';
        return 2;
    }
    const auto label = parseLabel(positional.at(1));
    if (!label) {
        err() << tr("Unknown label: %1").arg(positional.at(1)) << '\n';
        return 2;
    }
    auto db = openProject(positional.first());
    if (!db)
        return 1;
    ItemStore items(*db);
    LabelStore labels(*db);
    QVector<qint64> ids;
    int unresolved = 0;
    for (const QString &ref : positional.mid(2)) {
        bool isNumber = false;
        const qint64 id = ref.toLongLong(&isNumber);
        std::optional<Item> item = isNumber ? items.item(id) : items.findByPath(ref);
        if (!item && !isNumber)
            item = items.findByPath(db->storedPath(QFileInfo(ref).absoluteFilePath()));
        if (!item && !isNumber && QFileInfo(ref).isFile()) {
            // A copy of an imported file, under another name or folder: the same content is the same item.
            QString error;
            if (const QString hash = contentHashOfFile(ref, &error); !hash.isEmpty())
                item = items.findByHash(hash);
        }
        if (!item) {
            err() << tr("No such item: %1 (not an item id, an imported path, or a copy of an imported file)").arg(ref)
                  << '\n';
            ++unresolved;
            continue;
        }
        ids << item->id;
    }
    QString who;
    if (!chooseAnnotator(*db, parser.value(annotator), &who))
        return 2;
    const int rounds = parser.isSet(cycle) ? parser.value(cycle).toInt() : 1;
    const Label cycleLabels[] = {Label::Safe, Label::Nsfw, Label::Unsure};
    for (int round = 0; round < rounds; ++round) {
        for (qint64 id : ids) {
            const Label l = parser.isSet(cycle) ? cycleLabels[(round + id) % 3] : *label;
            QString error;
            const int changed = labels.setLabel(
                {id}, l, who, parser.isSet(adjudicate) ? QString::fromLatin1(kAdjudicationSource) : QStringLiteral("cli"),
                &error);
            if (changed < 0) {
                err() << error << '\n';
                return 1;
            }
            out() << (changed > 0 ? "committed " : "unchanged ") << id << ' ' << labelName(l) << '\n';
            out().flush();
        }
    }
    if (unresolved > 0) {
        err() << tr("%1 of %2 items were not found; the others are labeled.")
                     .arg(unresolved)
                     .arg(positional.size() - 2)
              << '\n';
        return 1;
    }
    return 0;
}

} // namespace nsfw::cli
