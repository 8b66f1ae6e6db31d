// `nsfw-workbench benchmark predict [DIR]`: scoring a folder end to end, as `predict` does it (walk, decode,
// preprocess, network, records), against the Python a PyTorch user would write for the same files
// (packaging/bench/pil_predict_folder.py), in the same run; with --videos, video frames/s the same way.
#include "benchmarkpredict.h"
#include "benchstats.h"
#include "commands.h"
#include "console.h"
#include "predictvideo.h"
#include "pythonbench.h"

#include "media/mediadecoder.h"
#include "model/classifier.h"
#include "model/modellocator.h"

#include <QCommandLineParser>
#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QTemporaryDir>
#include <QThread>

#include <algorithm>
#include <cmath>

namespace nsfw::cli {

namespace {

/// Every k-th file, so that at most `limit` remain spread over the whole list (a mixed folder stays mixed).
QStringList spread(const QStringList &files, int limit)
{
    if (limit <= 0 || files.size() <= limit)
        return files;
    QStringList out;
    for (int i = 0; i < limit; ++i)
        out << files.at(qsizetype(double(i) * double(files.size()) / double(limit)));
    return out;
}

QStringList filesUnder(const QString &root, const QStringList &patterns)
{
    QStringList found;
    QDirIterator it(root, patterns, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext())
        found << it.next();
    found.sort();
    return found;
}

/// A folder of links to Debian's pictures: one picture of each wallpaper (plasma-workspace-wallpapers: the first of
/// its sizes by name, as the tests take them; photos and renderings of 720x1440 to 5120x2880, JPEG and PNG) spread
/// among clip art (openclipart-png) up to `limit` files.
QString makeMixedFolder(const QString &dir, int limit, QString *error)
{
    QStringList photos;
    QSet<QString> folders;
    for (const QString &file :
         filesUnder(QStringLiteral("/usr/share/wallpapers"), {QStringLiteral("*.jpg"), QStringLiteral("*.png")})) {
        const QString folder =
            file.mid(QStringLiteral("/usr/share/wallpapers/").size()).section(QLatin1Char('/'), 0, 0);
        if (!file.contains(QLatin1String("/contents/images/")) || folders.contains(folder))
            continue;
        folders.insert(folder);
        photos << file;
    }
    const QStringList clipArt = filesUnder(QStringLiteral("/usr/share/openclipart/png"), {QStringLiteral("*.png")});
    if (photos.isEmpty() || clipArt.isEmpty()) {
        *error = tr("Give a folder, or install plasma-workspace-wallpapers and openclipart-png for the default mix.");
        return {};
    }
    const int total = std::max<int>(limit, int(photos.size()) + 1);
    const QStringList art = spread(clipArt, total - int(photos.size()));
    const QString folder = dir + QStringLiteral("/mix");
    QDir().mkpath(folder);
    // Names in scoring order: a wallpaper every total/photos files, clip art between.
    int a = 0, p = 0;
    for (int i = 0; i < total; ++i) {
        const bool photo = p < photos.size() && i >= int(double(p) * double(total) / double(photos.size()));
        const QString source = photo ? photos.at(p++) : art.at(a++);
        QFile::link(source,
                    folder +
                        QStringLiteral("/%1-%2").arg(i, 5, 10, QLatin1Char('0')).arg(QFileInfo(source).fileName()));
    }
    return folder;
}

struct Pass {
    double seconds = 0;
    int scored = 0;
    std::vector<ImageScore> scores;
};

/// One end-to-end pass of predict's image path over `dir`: the walk, the spread to `limit` files, the scoring and
/// each record formatted as predict prints it (kept in memory, not printed).
Pass scoreFolder(Classifier &classifier, const QString &dir, int limit)
{
    Pass pass;
    QElapsedTimer timer;
    timer.start();
    QStringList images;
    for (const QString &file : spread(predictFiles({dir}), limit)) {
        const bool gif = QFileInfo(file).suffix().compare(QLatin1String("gif"), Qt::CaseInsensitive) == 0;
        if (!gif && MediaDecoder::mediaType(file) != MediaType::Video)
            images << file;
    }
    const QStringList classes = classifier.classNames();
    qint64 bytes = 0;
    pass.scores = classifier.classifyFiles(images, [&](const ImageScore &s) {
        bytes += imageRecord(s, classes, false).size();
        pass.scored += s.ok() ? 1 : 0;
    });
    pass.seconds = double(timer.nsecsElapsed()) / 1e9;
    return pass;
}

/// The largest differences between two passes' scores of the same files: any class, and p(nsfw).
std::pair<double, double> drift(const Pass &a, const Pass &b)
{
    double maxClass = 0, maxNsfw = 0;
    for (size_t i = 0; i < a.scores.size() && i < b.scores.size(); ++i) {
        if (!a.scores[i].ok() || !b.scores[i].ok())
            continue;
        maxNsfw = std::max(maxNsfw, double(std::abs(a.scores[i].nsfw - b.scores[i].nsfw)));
        for (size_t c = 0; c < a.scores[i].probabilities.size(); ++c)
            maxClass =
                std::max(maxClass, double(std::abs(a.scores[i].probabilities[c] - b.scores[i].probabilities[c])));
    }
    return {maxClass, maxNsfw};
}

} // namespace

int benchmarkPredict(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Measures scoring a folder end to end as predict does it (walk, decode, preprocess, network, records): "
           "images/s, the median over repeats, and the same for torchvision's MobileNetV2 in PyTorch-Python with PIL "
           "decoding on a thread pool (packaging/bench/pil_predict_folder.py) over the same files, and their ratio. "
           "Without DIR: Debian's wallpapers spread among its clip art."));
    parser.addPositionalArgument(QStringLiteral("DIR"), tr("Folder of pictures (default: Debian's, mixed)."),
                                 QStringLiteral("[DIR]"));
    const QCommandLineOption json(QStringLiteral("json"), tr("Print one JSON object."));
    const QCommandLineOption model(QStringLiteral("model"), tr("Model folder (default: mobilenet_v2)."),
                                   QStringLiteral("DIR"));
    const QCommandLineOption limit(QStringLiteral("limit"),
                                   tr("At most N files, spread over the folder (default 400)."), QStringLiteral("N"),
                                   QStringLiteral("400"));
    const QCommandLineOption repeat(QStringLiteral("repeat"), tr("Timed passes on each side (default 3)."),
                                    QStringLiteral("R"), QStringLiteral("3"));
    const QCommandLineOption threads(QStringLiteral("threads"),
                                     tr("Torch threads of the network (default: predict's budget, half the cores)."),
                                     QStringLiteral("N"), QStringLiteral("0"));
    const QCommandLineOption decodeThreads(QStringLiteral("decode-threads"), tr("Decode workers (default: predict's)."),
                                           QStringLiteral("N"), QStringLiteral("0"));
    const QCommandLineOption opencvThreads(QStringLiteral("opencv-threads"),
                                           tr("OpenCV threads (default 1, as predict; 0 = OpenCV's own default)."),
                                           QStringLiteral("N"), QStringLiteral("1"));
    const QCommandLineOption fastDecode(QStringLiteral("fast-decode"),
                                        tr("Also measure predict --fast-decode, and how far its scores move."));
    const QCommandLineOption videos(QStringLiteral("videos"),
                                    tr("Also measure video frames/s on a video the benchmark writes."));
    const QCommandLineOption noPython(QStringLiteral("no-python"), tr("Skip the PyTorch-Python peer."));
    parser.addOptions(
        {json, model, limit, repeat, threads, decodeThreads, opencvThreads, fastDecode, videos, noPython});
    int status = 0;
    if (!parseArguments(parser, arguments, &status))
        return status;
    const int fileLimit = std::clamp(parser.value(limit).toInt(), 1, 1'000'000);
    const int repeats = std::clamp(parser.value(repeat).toInt(), 1, 100);
    const int cores = std::max(1, QThread::idealThreadCount());
    const int networkThreads = std::max(0, parser.value(threads).toInt()); // 0: predict's thread budget
    const bool quiet = parser.isSet(json);

    QString error;
    const QString modelDir = locateModel(parser.value(model), &error);
    if (modelDir.isEmpty()) {
        err() << error << '\n';
        return 1;
    }
    QTemporaryDir scratch;
    QString dir;
    if (!parser.positionalArguments().isEmpty()) {
        dir = parser.positionalArguments().first();
        if (!QFileInfo(dir).isDir()) {
            err() << tr("%1 is no folder.").arg(dir) << '\n';
            return 2;
        }
    } else {
        dir = makeMixedFolder(scratch.path(), fileLimit, &error);
        if (dir.isEmpty()) {
            err() << error << '\n';
            return 1;
        }
    }
    const int cvThreads = parser.value(opencvThreads).toInt();
    setOpenCvThreads(cvThreads);

    InferenceOptions options;
    options.threads = networkThreads;
    options.decodeThreads = std::max(0, parser.value(decodeThreads).toInt());
    const std::unique_ptr<Classifier> classifier = Classifier::load(modelDir, &error, options);
    if (!classifier) {
        err() << tr("Cannot load the model: %1").arg(error) << '\n';
        return 1;
    }
    // Warm-up, not timed: oneDNN's primitives and the allocator's pools (the peer warms its network too).
    classifier->timeForward(options.batchSize, 1, 1);

    auto measure = [&](Classifier &c, const QString &label, Pass *last) {
        std::vector<double> rates;
        for (int r = 0; r < repeats; ++r) {
            *last = scoreFolder(c, dir, fileLimit);
            rates.push_back(double(last->scores.size()) / last->seconds);
            const auto [wide, narrow] = c.lastPipelineShares();
            if (!quiet)
                err() << tr("%1: pass %2, %3 images in %4 s (batches with the network on all cores, decoding "
                            "paused: %5; on half of them beside decoding: %6)")
                             .arg(label)
                             .arg(r + 1)
                             .arg(last->scores.size())
                             .arg(last->seconds, 0, 'f', 2)
                             .arg(wide)
                             .arg(narrow)
                      << '\n'
                      << Qt::flush;
        }
        return rates;
    };
    Pass exact;
    const std::vector<double> rates = measure(*classifier, QStringLiteral("nsfw-workbench"), &exact);
    const double rate = median(rates);
    QJsonObject result{
        {QStringLiteral("folder"), parser.positionalArguments().isEmpty() ? QStringLiteral("debian-mix") : dir},
        {QStringLiteral("files"), int(exact.scores.size())},
        {QStringLiteral("scored"), exact.scored},
        {QStringLiteral("cores"), cores},
        // 0: the budget's shares, batch by batch (wide: every core, decoding paused; narrow: half of them)
        {QStringLiteral("threads"), networkThreads},
        {QStringLiteral("wide_batches"), classifier->lastPipelineShares().first},
        {QStringLiteral("narrow_batches"), classifier->lastPipelineShares().second},
        {QStringLiteral("decode_threads"), options.decodeThreads > 0 ? options.decodeThreads : decodeThreadsFor(cores)},
        {QStringLiteral("opencv_threads"), cvThreads},
        {QStringLiteral("runs"), QJsonArray::fromVariantList([&] {
             QVariantList v;
             for (double x : rates)
                 v << x;
             return v;
         }())},
        {QStringLiteral("images_per_s"), rate},
    };
    if (!quiet)
        out() << tr("nsfw-workbench predict: %1 img/s end to end (median of %2; %3 files, %4 scored)")
                     .arg(rate, 0, 'f', 1)
                     .arg(repeats)
                     .arg(exact.scores.size())
                     .arg(exact.scored)
              << '\n'
              << Qt::flush;

    if (parser.isSet(fastDecode)) {
        InferenceOptions fast = options;
        fast.fastDecode = true;
        const std::unique_ptr<Classifier> fastClassifier = Classifier::load(modelDir, &error, fast);
        Pass last;
        const double fastRate = median(measure(*fastClassifier, QStringLiteral("--fast-decode"), &last));
        const auto [maxClass, maxNsfw] = drift(exact, last);
        result.insert(QStringLiteral("fast_decode"), QJsonObject{{QStringLiteral("images_per_s"), fastRate},
                                                                 {QStringLiteral("max_abs_diff_class"), maxClass},
                                                                 {QStringLiteral("max_abs_diff_nsfw"), maxNsfw}});
        if (!quiet)
            out() << tr("predict --fast-decode: %1 img/s (%2x); scores moved by at most %3 (p(nsfw) %4)")
                         .arg(fastRate, 0, 'f', 1)
                         .arg(rate > 0 ? fastRate / rate : 0, 0, 'f', 2)
                         .arg(maxClass, 0, 'g', 3)
                         .arg(maxNsfw, 0, 'g', 3)
                  << '\n'
                  << Qt::flush;
    }

    if (!parser.isSet(noPython)) {
        QFile list(scratch.filePath(QStringLiteral("files.txt")));
        if (list.open(QIODevice::WriteOnly)) {
            for (const ImageScore &s : exact.scores)
                list.write(s.path.toUtf8() + '\n');
            list.close();
        }
        if (!quiet)
            err() << tr("Measuring the PyTorch-Python peer (PIL, ThreadPoolExecutor, torchvision mobilenet_v2)...")
                  << '\n'
                  << Qt::flush;
        const QJsonObject py = runPythonBench(QStringLiteral("pil_predict_folder.py"),
                                              {list.fileName(), QStringLiteral("--threads"), QString::number(cores),
                                               QStringLiteral("--batch"), QString::number(options.batchSize),
                                               QStringLiteral("--repeat"), QString::number(repeats)},
                                              QStringLiteral("images_per_s"));
        result.insert(QStringLiteral("pytorch_python"), py);
        if (py.contains(QLatin1String("images_per_s"))) {
            const double pyRate = py.value(QLatin1String("images_per_s")).toDouble();
            const double ratio = pyRate > 0 ? rate / pyRate : 0;
            result.insert(QStringLiteral("ratio_vs_pytorch_python"), ratio);
            if (!quiet)
                out() << tr("PyTorch-Python peer: %1 img/s end to end (median of %2)\nratio: %3x")
                             .arg(pyRate, 0, 'f', 1)
                             .arg(repeats)
                             .arg(ratio, 0, 'f', 2)
                      << '\n';
        } else if (!quiet) {
            out() << tr("PyTorch-Python peer skipped: %1").arg(py.value(QLatin1String("skipped")).toString()) << '\n';
        }
    }

    if (parser.isSet(videos)) {
        const QJsonObject video = benchmarkVideo(*classifier, scratch.path(), repeats, !parser.isSet(noPython), quiet);
        result.insert(QStringLiteral("video"), video);
    }
    if (quiet)
        out() << QJsonDocument(result).toJson(QJsonDocument::Compact) << '\n';
    return 0;
}

} // namespace nsfw::cli
