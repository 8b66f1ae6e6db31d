// benchmark store: import throughput, label commit latency, opening and counting a large project.
#include "benchstats.h"
#include "commands.h"
#include "console.h"

#include "media/importer.h"
#include "store/itemstore.h"
#include "store/labelstore.h"
#include "store/projectdatabase.h"

#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

#include <algorithm>
#include <vector>

namespace nsfw::cli {

namespace {

std::unique_ptr<ProjectDatabase> create(const QString &path)
{
    QString error;
    auto db = ProjectDatabase::open(path, ProjectDatabase::OpenMode::CreateNew, QStringLiteral("bench"), &error);
    if (!db)
        err() << error << '\n';
    return db;
}

QJsonObject benchImport(const QString &dir, const QString &images)
{
    const QString path = dir + QStringLiteral("/import.nwproj");
    create(path);
    ImportOptions options;
    options.paths = {images};
    Importer importer(path, options);
    const ImportSummary s = importer.run();
    const int files = s.imported + s.duplicates + int(s.skipped.size());
    const double rate = s.seconds > 0 ? files / s.seconds : 0;
    return {{QStringLiteral("folder"), images},
            {QStringLiteral("files"), files},
            {QStringLiteral("imported"), s.imported},
            {QStringLiteral("duplicates"), s.duplicates},
            {QStringLiteral("skipped"), int(s.skipped.size())},
            {QStringLiteral("seconds"), s.seconds},
            {QStringLiteral("filesPerSecond"), rate},
            {QStringLiteral("projectedSecondsFor10000"), rate > 0 ? 10000 / rate : 0}};
}

QJsonObject benchLabelLatency(const QString &dir, int commits)
{
    auto db = create(dir + QStringLiteral("/latency.nwproj"));
    ItemStore items(*db);
    QVector<qint64> ids;
    {
        Transaction tx(*db);
        if (!tx.isActive()) {
            err() << tx.error() << '\n';
            return {};
        }
        for (int i = 0; i < 1000; ++i) {
            Item it;
            it.path = QStringLiteral("%1.png").arg(i);
            it.contentHash = QStringLiteral("%1").arg(i, 40, 10, QLatin1Char('0'));
            QString error;
            ids << items.insert(it, &error);
        }
        tx.commit();
    }
    LabelStore labels(*db);
    std::vector<double> ms;
    ms.reserve(size_t(commits));
    const Label cycle[] = {Label::Safe, Label::Nsfw, Label::Unsure};
    QElapsedTimer timer;
    for (int i = 0; i < commits; ++i) {
        timer.start();
        labels.setLabel({ids[i % ids.size()]}, cycle[(i / ids.size() + i) % 3], QStringLiteral("bench"),
                        QStringLiteral("manual"));
        ms.push_back(timer.nsecsElapsed() / 1e6);
    }
    return {{QStringLiteral("commits"), commits},
            {QStringLiteral("medianMs"), percentile(ms, 0.5)},
            {QStringLiteral("p99Ms"), percentile(ms, 0.99)},
            {QStringLiteral("maxMs"), percentile(ms, 1.0)}};
}

QJsonObject benchLargeProject(const QString &dir, int count)
{
    const QString path = dir + QStringLiteral("/large.nwproj");
    QElapsedTimer timer;
    timer.start();
    {
        auto db = create(path);
        Transaction tx(*db);
        if (!tx.isActive()) {
            err() << tx.error() << '\n';
            return {};
        }
        // Through the stores, as an import would, in one transaction.
        ItemStore items(*db);
        QVector<LabelChange> changes;
        for (int i = 0; i < count; ++i) {
            Item it;
            it.path = QStringLiteral("images/%1.jpg").arg(i);
            it.contentHash = QStringLiteral("%1").arg(i, 40, 16, QLatin1Char('0'));
            it.width = 640;
            it.height = 480;
            it.fileSize = 12345;
            const qint64 id = items.insert(it, nullptr);
            if (i % 3 == 0)
                changes.append({id, static_cast<Label>((i / 3) % 3)});
        }
        LabelStore(*db).apply(changes, QStringLiteral("bench"), QStringLiteral("manual"));
        tx.commit();
    }
    const double buildSeconds = timer.elapsed() / 1000.0;
    // What a user waits for: open the file (validation, pragmas, migrations check) and count.
    std::vector<double> ms;
    qint64 total = 0;
    for (int run = 0; run < 5; ++run) {
        timer.start();
        QString error;
        auto db = ProjectDatabase::open(path, ProjectDatabase::OpenMode::OpenExisting, QStringLiteral("bench"), &error);
        const ItemStore::Stats s = ItemStore(*db).stats();
        total = s.total();
        ms.push_back(timer.nsecsElapsed() / 1e6);
    }
    return {{QStringLiteral("items"), total},
            {QStringLiteral("buildSeconds"), buildSeconds},
            {QStringLiteral("openAndCountMedianMs"), percentile(ms, 0.5)},
            {QStringLiteral("openAndCountMaxMs"), percentile(ms, 1.0)}};
}

} // namespace

int benchmarkStore(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Measure import throughput, label commit latency, and opening and "
                                        "counting a large project. Uses a temporary folder."));
    const QCommandLineOption json(QStringLiteral("json"), tr("Print one JSON object."));
    const QCommandLineOption images(QStringLiteral("images"), tr("Folder to import (default: Debian's clip art)."),
                                    QStringLiteral("DIR"), QStringLiteral("/usr/share/openclipart/png"));
    const QCommandLineOption items(QStringLiteral("items"), tr("Items in the large project (default 1000000)."),
                                   QStringLiteral("N"), QStringLiteral("1000000"));
    const QCommandLineOption commits(QStringLiteral("commits"), tr("Label commits to time (default 3000)."),
                                     QStringLiteral("N"), QStringLiteral("3000"));
    const QCommandLineOption workdir(QStringLiteral("workdir"), tr("Where to put the temporary projects."),
                                     QStringLiteral("DIR"));
    parser.addOptions({json, images, items, commits, workdir});
    int status = 0;
    if (!parseArguments(parser, arguments, &status))
        return status;
    QTemporaryDir tmp(parser.isSet(workdir) ? parser.value(workdir) + QStringLiteral("/bench-XXXXXX")
                                            : QDir::tempPath() + QStringLiteral("/nsfw-bench-XXXXXX"));
    if (!tmp.isValid()) {
        err() << tr("Cannot make a temporary folder.") << '\n';
        return 1;
    }
    const bool quiet = parser.isSet(json);
    if (!quiet)
        err() << tr("Importing %1 ...").arg(parser.value(images)) << '\n';
    const QJsonObject imp = benchImport(tmp.path(), parser.value(images));
    if (!quiet)
        err() << tr("Timing label commits ...") << '\n';
    const QJsonObject lat = benchLabelLatency(tmp.path(), parser.value(commits).toInt());
    if (!quiet)
        err() << tr("Building a project of %1 items ...").arg(parser.value(items)) << '\n';
    const QJsonObject big = benchLargeProject(tmp.path(), parser.value(items).toInt());
    if (quiet) {
        out() << QJsonDocument(QJsonObject{{QStringLiteral("import"), imp},
                                           {QStringLiteral("labelCommit"), lat},
                                           {QStringLiteral("largeProject"), big}})
                     .toJson(QJsonDocument::Compact)
              << '\n';
        return 0;
    }
    out() << tr("import: %1 files in %2 s = %3 files/s (10,000 files: %4 s; target < 60 s)")
                 .arg(imp.value(QStringLiteral("files")).toInt())
                 .arg(imp.value(QStringLiteral("seconds")).toDouble(), 0, 'f', 1)
                 .arg(imp.value(QStringLiteral("filesPerSecond")).toDouble(), 0, 'f', 0)
                 .arg(imp.value(QStringLiteral("projectedSecondsFor10000")).toDouble(), 0, 'f', 1)
          << '\n';
    out() << tr("label commit: median %1 ms, p99 %2 ms, max %3 ms over %4 commits (target p99 < 5 ms)")
                 .arg(lat.value(QStringLiteral("medianMs")).toDouble(), 0, 'f', 3)
                 .arg(lat.value(QStringLiteral("p99Ms")).toDouble(), 0, 'f', 3)
                 .arg(lat.value(QStringLiteral("maxMs")).toDouble(), 0, 'f', 3)
                 .arg(lat.value(QStringLiteral("commits")).toInt())
          << '\n';
    out() << tr("large project: %1 items opened and counted in %2 ms median (target < 1000 ms)")
                 .arg(big.value(QStringLiteral("items")).toInteger())
                 .arg(big.value(QStringLiteral("openAndCountMedianMs")).toDouble(), 0, 'f', 1)
          << '\n';
    return 0;
}

} // namespace nsfw::cli
