// init, stats, check: commands about the project file as a whole.
#include "commands.h"
#include "console.h"

#include "store/itemstore.h"
#include "store/projectdatabase.h"

#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>

namespace nsfw::cli {

int initCommand(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Create a new, empty project file."));
    parser.addPositionalArgument(QStringLiteral("PROJECT"), tr("The project file to create, e.g. demo.nwproj."));
    int status = 0;
    if (!parseArguments(parser, arguments, &status))
        return status;
    if (parser.positionalArguments().size() != 1) {
        err() << tr("init takes one project file.") << '\n';
        return 2;
    }
    QString error;
    auto db = ProjectDatabase::open(parser.positionalArguments().first(), ProjectDatabase::OpenMode::CreateNew,
                                    QStringLiteral("cli"), &error);
    if (!db) {
        err() << error << '\n';
        return 1;
    }
    out() << tr("Created %1").arg(db->filePath()) << '\n';
    return 0;
}

int statsCommand(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Count the project's items by kind and by current label."));
    parser.addPositionalArgument(QStringLiteral("PROJECT"), tr("The project file."));
    const QCommandLineOption json(QStringLiteral("json"), tr("Print one JSON object."));
    parser.addOption(json);
    int status = 0;
    if (!parseArguments(parser, arguments, &status))
        return status;
    if (parser.positionalArguments().size() != 1) {
        err() << tr("stats takes one project file.") << '\n';
        return 2;
    }
    QElapsedTimer timer;
    timer.start();
    auto db = openProject(parser.positionalArguments().first());
    if (!db)
        return 1;
    QString error;
    const ItemStore::Stats s = ItemStore(*db).stats(&error);
    if (!error.isEmpty()) {
        err() << error << '\n';
        return 1;
    }
    const qint64 elapsedMs = timer.elapsed();
    const QList<ItemKind> kinds = {ItemKind::Image, ItemKind::Video, ItemKind::Frame};
    const QList<Label> labels = {Label::Safe, Label::Nsfw, Label::Unsure, Label::None};
    auto labelKey = [](Label l) { return l == Label::None ? QStringLiteral("unlabeled") : labelName(l); };
    if (parser.isSet(json)) {
        QJsonObject byKind;
        QJsonObject byLabel;
        QJsonObject matrix;
        for (ItemKind k : kinds) {
            byKind.insert(kindName(k), s.count(k));
            QJsonObject row;
            for (Label l : labels)
                row.insert(labelKey(l), s.count(k, l));
            matrix.insert(kindName(k), row);
        }
        for (Label l : labels)
            byLabel.insert(labelKey(l), s.count(l));
        QJsonObject root{{QStringLiteral("project"), db->filePath()},
                         {QStringLiteral("items"), s.total()},
                         {QStringLiteral("byKind"), byKind},
                         {QStringLiteral("byLabel"), byLabel},
                         {QStringLiteral("byKindAndLabel"), matrix},
                         {QStringLiteral("missing"), s.missing},
                         {QStringLiteral("elapsedMs"), elapsedMs}};
        out() << QJsonDocument(root).toJson(QJsonDocument::Compact) << '\n';
        return 0;
    }
    out() << tr("%1: %2 items").arg(db->filePath()).arg(s.total()) << '\n';
    out() << QStringLiteral("%1%2%3%4%5%6\n")
                 .arg(QString(), -8)
                 .arg(tr("total"), 10)
                 .arg(labelKey(Label::Safe), 10)
                 .arg(labelKey(Label::Nsfw), 10)
                 .arg(labelKey(Label::Unsure), 10)
                 .arg(labelKey(Label::None), 11);
    for (ItemKind k : kinds) {
        out() << QStringLiteral("%1%2%3%4%5%6\n")
                     .arg(kindName(k), -8)
                     .arg(s.count(k), 10)
                     .arg(s.count(k, Label::Safe), 10)
                     .arg(s.count(k, Label::Nsfw), 10)
                     .arg(s.count(k, Label::Unsure), 10)
                     .arg(s.count(k, Label::None), 11);
    }
    if (s.missing > 0)
        out() << tr("%1 items are missing on disk (see: nsfw-workbench check).").arg(s.missing) << '\n';
    return 0;
}

int checkCommand(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Look for every item's file; mark the ones that were moved or deleted as missing (and back)."));
    parser.addPositionalArgument(QStringLiteral("PROJECT"), tr("The project file."));
    int status = 0;
    if (!parseArguments(parser, arguments, &status))
        return status;
    if (parser.positionalArguments().size() != 1) {
        err() << tr("check takes one project file.") << '\n';
        return 2;
    }
    auto db = openProject(parser.positionalArguments().first());
    if (!db)
        return 1;
    ItemStore items(*db);
    int missing = 0;
    int found = 0;
    for (const Item &item : items.all()) {
        if (item.kind == ItemKind::Frame)
            continue;
        const QString path = db->absolutePath(item.path);
        const bool exists = QFileInfo(path).isFile();
        if (exists == !item.missing)
            continue;
        items.setMissing(item.id, !exists);
        if (exists) {
            ++found;
        } else {
            ++missing;
            out() << tr("missing: %1").arg(path) << '\n';
        }
    }
    const ItemStore::Stats s = items.stats();
    out() << tr("%1 newly missing, %2 found again; %3 items missing in all.").arg(missing).arg(found).arg(s.missing)
          << '\n';
    return 0;
}

} // namespace nsfw::cli
