// health: the data set's class balance, copies and label conflicts, and the image checks.
#include "commands.h"
#include "console.h"

#include "media/datasethealth.h"
#include "store/projectdatabase.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace nsfw::cli {

namespace {

QJsonObject countsJson(const LabelCounts &c)
{
    return {{QStringLiteral("safe"), c.safe},
            {QStringLiteral("nsfw"), c.nsfw},
            {QStringLiteral("unsure"), c.unsure},
            {QStringLiteral("unlabeled"), c.unlabeled},
            {QStringLiteral("total"), c.total()}};
}

QJsonArray balanceJson(const QVector<BalanceRow> &rows, const QString &key)
{
    QJsonArray list;
    for (const BalanceRow &row : rows) {
        QJsonObject o = countsJson(row.counts);
        o.insert(key, row.name);
        list.append(o);
    }
    return list;
}

QJsonArray groupsJson(const QVector<CopyGroup> &groups)
{
    QJsonArray list;
    for (const CopyGroup &g : groups) {
        QJsonArray ids;
        for (qint64 id : g.items)
            ids.append(id);
        list.append(QJsonObject{{QStringLiteral("items"), ids}, {QStringLiteral("conflict"), g.conflict}});
    }
    return list;
}

QString countsText(const LabelCounts &c)
{
    auto share = [&c](qint64 n) {
        return c.total() > 0 ? QStringLiteral("%1 (%2 %)").arg(n).arg(100.0 * double(n) / double(c.total()), 0, 'f', 1)
                             : QString::number(n);
    };
    return tr("safe %1, nsfw %2, unsure %3, unlabeled %4")
        .arg(share(c.safe), share(c.nsfw), share(c.unsure), share(c.unlabeled));
}

} // namespace

int healthCommand(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Check the data set's health: class balance overall, per kind and per source folder; exact and near copies "
           "and conflicting labels among them; nearly uniform, very dark, very bright, blurry, tiny, extremely "
           "stretched and greyscale images (the checks cleanvision knows, with its thresholds where they carry over). "
           "Measures missing from projects imported by older versions are computed first."));
    parser.addPositionalArgument(QStringLiteral("PROJECT"), tr("The project: a file or a postgresql:// URL."));
    const QCommandLineOption json(
        QStringLiteral("json"),
        tr("Print one JSON object: {\"balance\": {\"overall\", \"byKind\", \"byFolder\"}, \"checks\": [{\"id\", "
           "\"name\", \"description\", \"count\", \"items\": [{\"id\", \"path\", \"label\", \"value\"}]}], "
           "\"exactGroups\", \"nearGroups\", \"media\", \"measured\", \"unreadable\"}."));
    const QCommandLineOption limit(QStringLiteral("limit"),
                                   tr("Items listed per check in the text report (default 10; 0: all)."),
                                   QStringLiteral("N"), QStringLiteral("10"));
    parser.addOptions({json, limit});
    int status = 0;
    if (!parseArguments(parser, arguments, &status))
        return status;
    if (parser.positionalArguments().size() != 1) {
        err() << tr("health takes one project.") << '\n';
        return 2;
    }
    bool limitOk = false;
    const int shown = parser.value(limit).toInt(&limitOk);
    if (!limitOk || shown < 0) {
        err() << tr("--limit takes a number of items, 0 or more.") << '\n';
        return 2;
    }
    auto db = openProject(parser.positionalArguments().first(), true);
    if (!db)
        return 1;
    QString error;
    QStringList unreadable;
    const qint64 measured = DatasetHealth::measureMissing(
        *db,
        [](qint64 done, qint64 total) {
            if (errIsTerminal())
                err() << '\r' << tr("measuring %1 of %2 ...").arg(done).arg(total) << Qt::flush;
        },
        &unreadable, &error);
    if (measured < 0) {
        err() << error << '\n';
        return 1;
    }
    if (measured > 0 && errIsTerminal())
        err() << '\n';
    for (const QString &line : unreadable)
        err() << tr("not measured: %1").arg(line) << '\n';
    const HealthReport report = DatasetHealth::compute(*db, {}, &error);
    if (!error.isEmpty()) {
        err() << error << '\n';
        return 1;
    }

    if (parser.isSet(json)) {
        QJsonArray checks;
        for (const HealthCheck &check : report.checks) {
            QJsonArray items;
            for (int i = 0; i < check.items.size(); ++i) {
                const Item item = report.items.value(check.items[i]);
                items.append(QJsonObject{{QStringLiteral("id"), item.id},
                                         {QStringLiteral("path"), item.path},
                                         {QStringLiteral("label"), labelName(item.label)},
                                         {QStringLiteral("value"), check.values.value(i)}});
            }
            checks.append(QJsonObject{{QStringLiteral("id"), check.id},
                                      {QStringLiteral("name"), check.name},
                                      {QStringLiteral("description"), check.description},
                                      {QStringLiteral("count"), check.items.size()},
                                      {QStringLiteral("items"), items}});
        }
        const QJsonObject balance{{QStringLiteral("overall"), countsJson(report.overall)},
                                  {QStringLiteral("byKind"), balanceJson(report.byKind, QStringLiteral("kind"))},
                                  {QStringLiteral("byFolder"), balanceJson(report.byFolder, QStringLiteral("folder"))}};
        out() << QJsonDocument(QJsonObject{{QStringLiteral("balance"), balance},
                                           {QStringLiteral("checks"), checks},
                                           {QStringLiteral("exactGroups"), groupsJson(report.exactGroups)},
                                           {QStringLiteral("nearGroups"), groupsJson(report.nearGroups)},
                                           {QStringLiteral("media"), report.media},
                                           {QStringLiteral("measured"), report.measured},
                                           {QStringLiteral("unreadable"), QJsonArray::fromStringList(unreadable)}})
                     .toJson(QJsonDocument::Compact)
              << '\n';
        return 0;
    }

    out() << tr("Class balance (images and video frames; a frame without a label of its own counts with its video's)")
          << '\n';
    out() << "  " << tr("all: %1").arg(countsText(report.overall)) << '\n';
    for (const BalanceRow &row : report.byKind)
        out() << "  " << row.name << ": " << countsText(row.counts) << '\n';
    out() << tr("By source folder") << '\n';
    for (const BalanceRow &row : report.byFolder)
        out() << "  " << row.name << ": " << countsText(row.counts) << '\n';
    out() << '\n';
    for (const HealthCheck &check : report.checks) {
        out() << QStringLiteral("%1: %2").arg(check.name).arg(check.items.size()) << '\n';
        out() << "  " << check.description << '\n';
        const int n = shown == 0 ? int(check.items.size()) : std::min<int>(shown, int(check.items.size()));
        for (int i = 0; i < n; ++i) {
            const Item item = report.items.value(check.items[i]);
            out() << "    " << item.path;
            if (item.label != Label::None)
                out() << " (" << labelName(item.label) << ')';
            out() << "  " << QString::number(check.values.value(i), 'g', 3) << '\n';
        }
        if (n < check.items.size())
            out() << "    " << tr("... and %1 more (--limit 0 lists all)").arg(check.items.size() - n) << '\n';
    }
    err() << tr("%1 of %2 images and videos measured.").arg(report.measured).arg(report.media) << '\n';
    return 0;
}

} // namespace nsfw::cli
