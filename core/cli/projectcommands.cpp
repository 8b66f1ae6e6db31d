// init, stats, check, media-root, copy-project: commands about the project as a whole.
#include "commands.h"
#include "console.h"

#include "store/itemstore.h"
#include "store/projectcopy.h"
#include "store/projectdatabase.h"

#include <QDir>

#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>

namespace nsfw::cli {

int initCommand(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Create a new, empty project: a file, or an empty PostgreSQL database given as "
           "postgresql://user@host:port/dbname (the database must exist; the password comes from ~/.pgpass)."));
    parser.addPositionalArgument(QStringLiteral("PROJECT"),
                                 tr("The project to create, e.g. demo.nwproj or postgresql://me@db.example/moderation."));
    const QCommandLineOption mediaRoot(QStringLiteral("media-root"),
                                       tr("Server projects: the folder media paths are stored relative to, on this "
                                          "machine (default: the current folder)."),
                                       QStringLiteral("DIR"));
    parser.addOption(mediaRoot);
    int status = 0;
    if (!parseArguments(parser, arguments, &status))
        return status;
    if (parser.positionalArguments().size() != 1) {
        err() << tr("init takes one project.") << '\n';
        return 2;
    }
    QString error;
    auto db = ProjectDatabase::open(parser.positionalArguments().first(), ProjectDatabase::OpenMode::CreateNew,
                                    QStringLiteral("cli"), &error);
    if (!db) {
        err() << error << '\n';
        return 1;
    }
    if (db->isServer()) {
        const QString root = parser.isSet(mediaRoot) ? parser.value(mediaRoot) : QDir::currentPath();
        if (!db->setMediaRoot(root, &error)) {
            err() << error << '\n';
            return 1;
        }
    } else if (parser.isSet(mediaRoot)) {
        err() << tr("A project file's media root is the folder it is in; --media-root is for server projects.")
              << '\n';
    }
    out() << tr("Created %1").arg(db->displayName()) << '\n';
    if (db->isServer())
        out() << tr("Media root on this machine: %1").arg(db->mediaRoot()) << '\n';
    return 0;
}

int mediaRootCommand(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Show or set where a server project's media are on this machine. Stored paths are relative to this folder; "
           "each machine (and user) maps its own. NSFW_WORKBENCH_MEDIA_ROOT overrides it."));
    parser.addPositionalArgument(QStringLiteral("PROJECT"), tr("The project: a file or a postgresql:// URL."));
    parser.addPositionalArgument(QStringLiteral("DIR"), tr("The folder to map (leave out to show the mapping)."),
                                 QStringLiteral("[DIR]"));
    int status = 0;
    if (!parseArguments(parser, arguments, &status))
        return status;
    const QStringList args = parser.positionalArguments();
    if (args.isEmpty() || args.size() > 2) {
        err() << tr("media-root takes a project and, to set it, a folder.") << '\n';
        return 2;
    }
    auto db = openProject(args.first());
    if (!db)
        return 1;
    if (args.size() == 2) {
        QString error;
        if (!db->setMediaRoot(args[1], &error)) {
            err() << error << '\n';
            return 1;
        }
    }
    if (db->mediaRoot().isEmpty()) {
        out() << tr("The media root of %1 is not mapped on this machine.").arg(db->displayName()) << '\n';
        return 3;
    }
    out() << db->mediaRoot() << '\n';
    return db->hasMediaRoot() ? 0 : 3;
}

int copyProjectCommand(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Copy a project with everything (items, the whole label history, runs, epochs, scores, settings) into a new "
           "project: a file or an empty PostgreSQL database, either way."));
    parser.addPositionalArgument(QStringLiteral("SRC"), tr("The project to copy: a file or a postgresql:// URL."));
    parser.addPositionalArgument(QStringLiteral("DST"), tr("The new project: a file that does not exist yet, or an "
                                                           "empty PostgreSQL database."));
    const QCommandLineOption mediaRoot(QStringLiteral("media-root"),
                                       tr("A server DST: its media root on this machine (default: SRC's)."),
                                       QStringLiteral("DIR"));
    parser.addOption(mediaRoot);
    int status = 0;
    if (!parseArguments(parser, arguments, &status))
        return status;
    const QStringList args = parser.positionalArguments();
    if (args.size() != 2) {
        err() << tr("copy-project takes a source and a destination.") << '\n';
        return 2;
    }
    auto src = openProject(args[0]);
    if (!src)
        return 1;
    QString error;
    auto dst = ProjectDatabase::open(args[1], ProjectDatabase::OpenMode::CreateNew, QStringLiteral("copy"), &error);
    if (!dst) {
        err() << error << '\n';
        return 1;
    }
    if (dst->isServer()) {
        const QString root = parser.isSet(mediaRoot) ? parser.value(mediaRoot) : src->mediaRoot();
        if (!root.isEmpty() && !dst->setMediaRoot(root, &error)) {
            err() << error << '\n';
            return 1;
        }
    }
    QElapsedTimer timer;
    timer.start();
    const ProjectCopy::Result result = ProjectCopy::run(*src, *dst);
    if (!result.error.isEmpty()) {
        err() << tr("Nothing was copied: %1").arg(result.error) << '\n';
        return 1;
    }
    for (const QString &warning : result.warnings)
        err() << warning << '\n';
    QStringList counts;
    for (qsizetype t = 0; t < projectTables().size(); ++t)
        counts << QStringLiteral("%1 %2").arg(result.rows[t]).arg(projectTables()[t].name);
    out() << tr("Copied %1 to %2 in %3 s: %4; %5 checkpoints.")
                 .arg(src->displayName(), dst->displayName())
                 .arg(timer.elapsed() / 1000.0, 0, 'f', 1)
                 .arg(counts.join(QStringLiteral(", ")))
                 .arg(result.checkpoints)
             << '\n';
    return 0;
}

int statsCommand(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Count the project's items by kind and by current label."));
    parser.addPositionalArgument(QStringLiteral("PROJECT"), tr("The project: a file or a postgresql:// URL."));
    const QCommandLineOption json(QStringLiteral("json"), tr("Print one JSON object."));
    parser.addOption(json);
    int status = 0;
    if (!parseArguments(parser, arguments, &status))
        return status;
    if (parser.positionalArguments().size() != 1) {
        err() << tr("stats takes one project.") << '\n';
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
        QJsonObject root{{QStringLiteral("project"), db->displayName()},
                         {QStringLiteral("items"), s.total()},
                         {QStringLiteral("byKind"), byKind},
                         {QStringLiteral("byLabel"), byLabel},
                         {QStringLiteral("byKindAndLabel"), matrix},
                         {QStringLiteral("missing"), s.missing},
                         {QStringLiteral("elapsedMs"), elapsedMs}};
        out() << QJsonDocument(root).toJson(QJsonDocument::Compact) << '\n';
        return 0;
    }
    out() << tr("%1: %2 items").arg(db->displayName()).arg(s.total()) << '\n';
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
    parser.addPositionalArgument(QStringLiteral("PROJECT"), tr("The project: a file or a postgresql:// URL."));
    int status = 0;
    if (!parseArguments(parser, arguments, &status))
        return status;
    if (parser.positionalArguments().size() != 1) {
        err() << tr("check takes one project.") << '\n';
        return 2;
    }
    auto db = openProject(parser.positionalArguments().first(), true);
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
