// benchmark memory: the peak resident memory of predict and of a training feature pass over big photos, beside the
// same over small pictures: decoded pictures are brought down to the model's input in the worker that decoded them,
// so the peak must not grow with the pictures' size times the batch.
#include "commands.h"
#include "console.h"

#include "common/measuredrun.h"
#include "media/importer.h"
#include "store/itemstore.h"
#include "store/labelstore.h"
#include "store/projectdatabase.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <tuple>

namespace nsfw::cli {

namespace {

/// Debian's plasma-workspace-wallpapers: real photos to scale to the benchmark's size.
QStringList wallpapers()
{
    QStringList found;
    QDirIterator it(QStringLiteral("/usr/share/wallpapers"), {QStringLiteral("*.jpg"), QStringLiteral("*.png")},
                    QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext())
        found << it.next();
    found.sort();
    return found;
}

/// Writes n JPEG photos of width x height into dir, scaled from the wallpapers; false when there are none.
bool writePhotos(const QString &dir, int n, int width, int height)
{
    const QStringList sources = wallpapers();
    if (sources.isEmpty())
        return false;
    QDir().mkpath(dir);
    for (int i = 0; i < n; ++i) {
        const cv::Mat source = cv::imread(sources.at(i % sources.size()).toStdString(), cv::IMREAD_COLOR);
        if (source.empty())
            return false;
        cv::Mat scaled;
        cv::resize(source, scaled, cv::Size(width, height), 0, 0, cv::INTER_LINEAR);
        if (!cv::imwrite(QStringLiteral("%1/photo%2.jpg").arg(dir).arg(i, 3, 10, QLatin1Char('0')).toStdString(),
                         scaled, {cv::IMWRITE_JPEG_QUALITY, 90}))
            return false;
    }
    return true;
}

/// A project of the photos in dir, half labeled nsfw and half safe (names only: the pictures are wallpapers).
QString makeProject(const QString &dir, const QString &photos)
{
    QDir().mkpath(dir);
    const QString path = dir + QStringLiteral("/memory.nwproj");
    QString error;
    if (!ProjectDatabase::open(path, ProjectDatabase::OpenMode::CreateNew, QStringLiteral("bench"), &error))
        return {};
    ImportOptions options;
    options.paths = {photos};
    if (!Importer(path, options).run().error.isEmpty())
        return {};
    auto db = ProjectDatabase::open(path, ProjectDatabase::OpenMode::OpenExisting, QStringLiteral("bench"), &error);
    if (!db)
        return {};
    QVector<qint64> ids;
    for (const Item &item : ItemStore(*db).all())
        ids << item.id;
    LabelStore labels(*db);
    for (qsizetype i = 0; i < ids.size(); ++i) {
        if (labels.setLabel({ids[i]}, i % 2 ? Label::Nsfw : Label::Safe, QStringLiteral("bench"), QStringLiteral("cli"),
                            &error) < 0)
            return {};
    }
    return path;
}

QJsonObject measure(const QString &what, const QStringList &arguments)
{
    const MeasuredRun run = runMeasured(QCoreApplication::applicationFilePath(), arguments);
    return {{QStringLiteral("what"), what},
            {QStringLiteral("exitCode"), run.exitCode},
            {QStringLiteral("peakRssMB"), run.peakRssKb / 1024.0},
            {QStringLiteral("seconds"), run.seconds}};
}

} // namespace

int benchmarkMemory(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Peak resident memory of predict and of a training feature pass over N big photos (default 50 of "
           "5120x2880, scaled from Debian's wallpapers), beside the same over small pictures."));
    const QCommandLineOption count(QStringLiteral("images"), tr("How many photos (default 50)."), QStringLiteral("N"),
                                   QStringLiteral("50"));
    const QCommandLineOption batch(QStringLiteral("batch"), tr("predict's batch (default 32)."), QStringLiteral("N"),
                                   QStringLiteral("32"));
    const QCommandLineOption json(QStringLiteral("json"), tr("Print one JSON object."));
    parser.addOptions({count, batch, json});
    int status = 0;
    if (!parseArguments(parser, arguments, &status))
        return status;
    const int n = std::clamp(parser.value(count).toInt(), 1, 1000);
    QTemporaryDir dir;
    QJsonArray rows;
    for (const auto &[name, width, height] : {std::tuple{QStringLiteral("big"), 5120, 2880},
                                              std::tuple{QStringLiteral("small"), 320, 180}}) {
        const QString photos = dir.filePath(name);
        if (!writePhotos(photos, n, width, height)) {
            err() << tr("No pictures to scale: install plasma-workspace-wallpapers (packaging/setup.sh does).") << '\n';
            return 1;
        }
        const QString size = QStringLiteral("%1x%2").arg(width).arg(height);
        QJsonObject row = measure(QStringLiteral("predict"), {QStringLiteral("predict"), photos, QStringLiteral("--batch"),
                                                             parser.value(batch)});
        row.insert(QStringLiteral("pictures"), size);
        rows.append(row);
        const QString projectPath = makeProject(dir.filePath(name + QStringLiteral("-project")), photos);
        if (projectPath.isEmpty()) {
            err() << tr("Cannot make the benchmark's project in %1.").arg(dir.path()) << '\n';
            return 1;
        }
        row = measure(QStringLiteral("score (train --mode pretrained)"),
                      {QStringLiteral("train"), projectPath, QStringLiteral("--mode"), QStringLiteral("pretrained")});
        row.insert(QStringLiteral("pictures"), size);
        rows.append(row);
    }
    if (parser.isSet(json)) {
        out() << QJsonDocument(QJsonObject{{QStringLiteral("images"), n}, {QStringLiteral("runs"), rows}})
                     .toJson(QJsonDocument::Compact)
              << '\n';
        return 0;
    }
    out() << tr("Peak resident memory over %1 photos (each command in its own process):").arg(n) << '\n';
    for (const QJsonValue &v : rows) {
        const QJsonObject o = v.toObject();
        out() << QStringLiteral("  %1 %2: %3 MB in %4 s%5")
                     .arg(o.value(QStringLiteral("what")).toString(), -32)
                     .arg(o.value(QStringLiteral("pictures")).toString(), -10)
                     .arg(o.value(QStringLiteral("peakRssMB")).toDouble(), 0, 'f', 0)
                     .arg(o.value(QStringLiteral("seconds")).toDouble(), 0, 'f', 1)
                     .arg(o.value(QStringLiteral("exitCode")).toInt() == 0 ? QString() : QStringLiteral(" (failed)"))
              << '\n';
    }
    return 0;
}

} // namespace nsfw::cli
