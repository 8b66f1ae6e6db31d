// duplicates: the groups of near-copies in a project, conflicting labels first.
#include "commands.h"
#include "console.h"

#include "gallery/duplicategroups.h"
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
    const NearDuplicateRule defaults;
    const QCommandLineOption threshold(
        QStringLiteral("threshold"),
        tr("The pHash distance (0-64) within which the best-aligned views correlated %1 make a pair (default %2; "
           "pairs further apart need their thumbnails correlated %3): lower finds fewer, surer pairs, higher more.")
            .arg(double(defaults.farCorrelation))
            .arg(defaults.farBits)
            .arg(double(defaults.beyondCorrelation)),
        QStringLiteral("BITS"));
    parser.addOptions({json, threshold});
    int status = 0;
    if (!parseArguments(parser, arguments, &status))
        return status;
    if (parser.positionalArguments().size() != 1) {
        err() << tr("duplicates takes one project.") << '\n';
        return 2;
    }
    NearDuplicateRule rule;
    if (parser.isSet(threshold)) {
        bool ok = false;
        rule.farBits = parser.value(threshold).toInt(&ok);
        if (!ok || rule.farBits < 0 || rule.farBits > 64) {
            err() << tr("--threshold takes a number of bits from 0 to 64.") << '\n';
            return 2;
        }
        rule.nearBits = std::min(rule.nearBits, rule.farBits);
    }
    auto db = openProject(parser.positionalArguments().first(), true);
    if (!db)
        return 1;
    // The same pass as the window's Duplicates tab: hashes older imports lack, groups less the pairs people said are
    // not copies, conflicts first.
    const DuplicateScan scan = scanDuplicates(
        *db,
        [](qint64 done, qint64 total) {
            if (errIsTerminal())
                err() << '\r' << tr("hashing %1 of %2 ...").arg(done).arg(total) << Qt::flush;
        },
        {}, parser.isSet(threshold) ? &rule : nullptr);
    if (!scan.error.isEmpty()) {
        err() << scan.error << '\n';
        return 1;
    }
    if (scan.newlyHashed > 0 && errIsTerminal())
        err() << '\n';
    for (const QString &line : scan.unreadable)
        err() << tr("not hashed: %1").arg(line) << '\n';
    const QVector<DuplicateGroup> &groups = scan.groups;

    if (parser.isSet(json)) {
        QJsonArray list;
        for (const DuplicateGroup &g : groups) {
            QJsonArray members;
            for (const Item &it : g.members)
                members.append(QJsonObject{{QStringLiteral("id"), it.id},
                                           {QStringLiteral("path"), it.path},
                                           {QStringLiteral("label"), labelName(it.label)}});
            list.append(QJsonObject{{QStringLiteral("items"), members}, {QStringLiteral("conflict"), g.conflict}});
        }
        out() << QJsonDocument(QJsonObject{{QStringLiteral("groups"), list},
                                           {QStringLiteral("hashed"), scan.hashedItems},
                                           {QStringLiteral("unreadable"), QJsonArray::fromStringList(scan.unreadable)}})
                     .toJson(QJsonDocument::Compact)
              << '\n';
        return 0;
    }
    qsizetype conflicts = 0, inGroups = 0;
    for (const DuplicateGroup &g : groups) {
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
                 .arg(scan.hashedItems)
                 .arg(conflicts)
          << '\n';
    return 0;
}

} // namespace nsfw::cli
