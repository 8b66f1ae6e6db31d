// `nsfw-workbench benchmark [inference]`: network throughput and latency, and the same measurement for
// torchvision's MobileNetV2 in PyTorch-Python (Debian's python3-torch) when it is installed.
#include "benchstats.h"
#include "commands.h"
#include "console.h"
#include "pythonbench.h"

#include "model/classifier.h"
#include "model/modellocator.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QThread>

#include <algorithm>

#ifndef NSFW_SOURCE_DIR
#define NSFW_SOURCE_DIR ""
#endif

namespace nsfw::cli {

namespace {

/// Runs the Python reference; returns its JSON object, or an object with "skipped" saying why.
QJsonObject runPython(int threads, int batch, int runs, int latencyRuns)
{
    return runPythonBench(QStringLiteral("torchvision_mobilenet_v2.py"),
                          {QStringLiteral("--threads"), QString::number(threads), QStringLiteral("--batch"),
                           QString::number(batch), QStringLiteral("--runs"), QString::number(runs),
                           QStringLiteral("--latency-runs"), QString::number(latencyRuns)},
                          QStringLiteral("images_per_s"));
}

} // namespace

int benchmarkInference(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Measures inference speed on the real model: images/s at batch 32 and batch-1 latency (medians after a "
           "warm-up), and the same for torchvision's MobileNetV2 in PyTorch-Python when python3-torch is installed."));
    const QCommandLineOption json(QStringLiteral("json"), tr("Print one JSON object."));
    const QCommandLineOption model(QStringLiteral("model"), tr("Model folder (default: mobilenet_v2)."),
                                   QStringLiteral("DIR"));
    const QCommandLineOption batch(QStringLiteral("batch"), tr("Batch size for throughput (default 32)."),
                                   QStringLiteral("N"), QStringLiteral("32"));
    const QCommandLineOption runs(QStringLiteral("runs"), tr("Timed batches (default 15)."), QStringLiteral("N"),
                                  QStringLiteral("15"));
    const QCommandLineOption latencyRuns(QStringLiteral("latency-runs"), tr("Timed batch-1 passes (default 30)."),
                                         QStringLiteral("N"), QStringLiteral("30"));
    const QCommandLineOption threads(QStringLiteral("threads"), tr("Torch threads (default: all cores)."),
                                     QStringLiteral("N"), QStringLiteral("0"));
    const QCommandLineOption noPython(QStringLiteral("no-python"), tr("Skip the PyTorch-Python comparison."));
    const QCommandLineOption contiguous(QStringLiteral("no-channels-last"), tr("Use NCHW memory (for comparison)."));
    const QCommandLineOption noFuse(QStringLiteral("no-fuse"), tr("Do not fold BatchNorm (for comparison)."));
    const QCommandLineOption micro(QStringLiteral("micro-batch"),
                                   tr("Run batches in slices of N images (default %1; 0 = whole batch).")
                                       .arg(InferenceOptions().microBatch),
                                   QStringLiteral("N"), QString::number(InferenceOptions().microBatch));
    parser.addOptions({json, model, batch, runs, latencyRuns, threads, noPython, contiguous, noFuse, micro});
    int status = 0;
    if (!parseArguments(parser, arguments, &status))
        return status;
    const int batchSize = std::clamp(parser.value(batch).toInt(), 1, 1024);
    const int runCount = std::clamp(parser.value(runs).toInt(), 1, 1000);
    const int latencyCount = std::clamp(parser.value(latencyRuns).toInt(), 1, 10000);
    const int threadCount =
        parser.value(threads).toInt() > 0 ? parser.value(threads).toInt() : std::max(1, QThread::idealThreadCount());

    QString error;
    const QString dir = locateModel(parser.value(model), &error);
    if (dir.isEmpty()) {
        err() << error << '\n';
        return 1;
    }
    InferenceOptions options;
    options.threads = threadCount;
    options.channelsLast = !parser.isSet(contiguous);
    options.fuse = !parser.isSet(noFuse);
    options.microBatch = std::max(0, parser.value(micro).toInt());
    const std::unique_ptr<Classifier> classifier = Classifier::load(dir, &error, options);
    if (!classifier) {
        err() << tr("Cannot load the model: %1").arg(error) << '\n';
        return 1;
    }
    const bool quiet = parser.isSet(json);
    if (!quiet)
        err() << tr("Measuring %1 (%2 threads, batch %3)...").arg(QDir(dir).dirName()).arg(threadCount).arg(batchSize)
              << '\n' << Qt::flush;
    const std::vector<double> batchTimes = classifier->timeForward(batchSize, runCount, 2);
    std::vector<double> rates;
    for (double t : batchTimes)
        rates.push_back(batchSize / t);
    std::vector<double> latencies;
    for (double t : classifier->timeForward(1, latencyCount, 5))
        latencies.push_back(t * 1000.0);
    const double rate = median(rates), latency = median(latencies);

    QJsonObject result{
        {QStringLiteral("model"), QDir(dir).dirName()},
        {QStringLiteral("model_dir"), dir},
        {QStringLiteral("input"), QStringLiteral("%1x%2").arg(classifier->inputWidth()).arg(classifier->inputHeight())},
        {QStringLiteral("threads"), threadCount},
        {QStringLiteral("batch"), batchSize},
        {QStringLiteral("channels_last"), options.channelsLast},
        {QStringLiteral("fused"), options.fuse},
        {QStringLiteral("micro_batch"), options.microBatch},
        {QStringLiteral("images_per_s"), rate},
        {QStringLiteral("latency_ms"), latency},
        {QStringLiteral("runs"), runCount},
        {QStringLiteral("latency_runs"), latencyCount},
    };
    if (!quiet) {
        out() << tr("nsfw-workbench (LibTorch): %1 img/s at batch %2, batch-1 latency %3 ms")
                     .arg(rate, 0, 'f', 1).arg(batchSize).arg(latency, 0, 'f', 2)
              << '\n' << Qt::flush;
    }
    if (!parser.isSet(noPython)) {
        if (!quiet)
            err() << tr("Measuring torchvision mobilenet_v2 in PyTorch-Python...") << '\n' << Qt::flush;
        const QJsonObject py = runPython(threadCount, batchSize, runCount, latencyCount);
        result.insert(QStringLiteral("pytorch_python"), py);
        if (py.contains(QLatin1String("images_per_s"))) {
            const double pyRate = py.value(QLatin1String("images_per_s")).toDouble();
            const double ratio = pyRate > 0 ? rate / pyRate : 0;
            result.insert(QStringLiteral("ratio_vs_pytorch_python"), ratio);
            if (!quiet)
                out() << tr("PyTorch-Python (torchvision mobilenet_v2, tcmalloc, channels_last): %1 img/s, batch-1 "
                            "latency %2 ms\nratio: %3x")
                             .arg(pyRate, 0, 'f', 1)
                             .arg(py.value(QLatin1String("latency_ms")).toDouble(), 0, 'f', 2)
                             .arg(ratio, 0, 'f', 2)
                      << '\n';
        } else if (!quiet) {
            out() << tr("PyTorch-Python comparison skipped: %1").arg(py.value(QLatin1String("skipped")).toString())
                  << '\n';
        }
    }
    if (quiet)
        out() << QJsonDocument(result).toJson(QJsonDocument::Compact) << '\n';
    return 0;
}

} // namespace nsfw::cli
