// duplicates: the groups of near-copies in a project, conflicting labels first.
#include "commands.h"
#include "console.h"

#include "media/nearduplicates.h"
#include "store/itemstore.h"
#include "store/mediahashstore.h"
#include "store/projectdatabase.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

namespace nsfw::cli {

int duplicatesCommand(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("List the groups of near-copies among the project's images and videos (resized, recompressed, cropped, "
           "bordered, captioned copies of one picture), by their perceptual hashes; groups whose members carry both "
           "safe and nsfw labels are conflicts and come first, then the largest. Hashes missing from projects "
           "imported by older versions are computed first."));
    parser.addPositionalArgument(QStringLiteral("PROJECT"), tr("The project: a file or a postgresql:// URL."));
    const QCommandLineOption json(QStringLiteral("json"),
                                  tr("Print one JSON object: {\"groups\": [{\"items\": [{\"path\", \"label\"}, ...], "
                                     "\"conflict\": bool}, ...]}."));
    parser.addOptions({json});
    int status = 0;
    if (!parseArguments(parser, arguments, &status))
        return status;
    if (parser.positionalArguments().size() != 1) {
        err() << tr("duplicates takes one project.") << '\n';
        return 2;
    }
    auto db = openProject(parser.positionalArguments().first(), true);
    if (!db)
        return 1;
    QString error;
    QStringList unreadable;
    const qint64 hashed = hashMissingMedia(
        *db,
        [](qint64 done, qint64 total) {
            if (errIsTerminal())
                err() << '\r' << tr("hashing %1 of %2 ...").arg(done).arg(total) << Qt::flush;
        },
        &unreadable, &error);
    if (hashed < 0) {
        err() << error << '\n';
        return 1;
    }
    if (hashed > 0 && errIsTerminal())
        err() << '\n';
    for (const QString &line : unreadable)
        err() << tr("not hashed: %1").arg(line) << '\n';

    const QHash<qint64, PerceptualHash> hashes = MediaHashStore(*db).all(&error);
    if (!error.isEmpty()) {
        err() << error << '\n';
        return 1;
    }
    ItemStore items(*db);
    struct Group {
        QVector<Item> members;
        bool conflict = false;
    };
    QVector<Group> groups;
    for (const QVector<qint64> &ids : nearDuplicateGroups(hashes)) {
        Group g;
        bool safe = false, nsfw = false;
        for (qint64 id : ids) {
            if (const auto item = items.item(id)) {
                g.members.append(*item);
                safe = safe || item->label == Label::Safe;
                nsfw = nsfw || item->label == Label::Nsfw;
            }
        }
        g.conflict = safe && nsfw;
        groups.append(g);
    }
    std::stable_sort(groups.begin(), groups.end(), [](const Group &a, const Group &b) { return a.conflict > b.conflict; });

    if (parser.isSet(json)) {
        QJsonArray list;
        for (const Group &g : groups) {
            QJsonArray members;
            for (const Item &it : g.members)
                members.append(QJsonObject{{QStringLiteral("id"), it.id},
                                           {QStringLiteral("path"), it.path},
                                           {QStringLiteral("label"), labelName(it.label)}});
            list.append(QJsonObject{{QStringLiteral("items"), members}, {QStringLiteral("conflict"), g.conflict}});
        }
        out() << QJsonDocument(QJsonObject{{QStringLiteral("groups"), list},
                                           {QStringLiteral("hashed"), hashes.size()},
                                           {QStringLiteral("unreadable"), QJsonArray::fromStringList(unreadable)}})
                     .toJson(QJsonDocument::Compact)
              << '\n';
        return 0;
    }
    qsizetype conflicts = 0, inGroups = 0;
    for (const Group &g : groups) {
        conflicts += g.conflict;
        inGroups += g.members.size();
        QStringList names;
        for (const Item &it : g.members)
            names << (it.label == Label::None ? it.path : QStringLiteral("%1 (%2)").arg(it.path, labelName(it.label)));
        out() << (g.conflict ? tr("conflict: ") : QString()) << names.join(QStringLiteral("  ·  ")) << '\n';
    }
    err() << tr("%1 groups of near-copies (%2 items) among %3 hashed items; %4 with conflicting labels.")
                 .arg(groups.size())
                 .arg(inGroups)
                 .arg(hashes.size())
                 .arg(conflicts)
          << '\n';
    return 0;
}

} // namespace nsfw::cli
