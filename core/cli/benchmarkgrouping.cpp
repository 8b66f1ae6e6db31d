// benchmark grouping: how long grouping near-copies takes on a big project once its hashes exist. The items are
// pictures cut from Debian's wallpapers (photos: random crops of random size and place, some mirrored), or with
// --corpus fashion Debian's Fashion-MNIST (70,000 small greyscale photos of clothes, many alike), and, past a share of
// them, edited copies (enlarged and recompressed, or brightened), so the search meets crowds of similar pictures and
// real copies. Prints the time to hash (once per item, at import), to group every item, to compare a new import
// with the project, and the rule on every pair measured on a sample and extrapolated, for comparison.
#include "commands.h"
#include "console.h"
#include "duplicatecorpus.h"

#include "common/parallel.h"
#include "media/nearduplicates.h"
#include "media/perceptualhash.h"

#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <cmath>
#include <random>
#include <vector>

namespace nsfw::cli {

namespace {

const char *const kFashionMnist[] = {"/usr/share/datasets/fashion-mnist/train-images-idx3-ubyte.gz",
                                     "/usr/share/datasets/fashion-mnist/t10k-images-idx3-ubyte.gz"};

/// The pictures of an IDX file (gzip-compressed, as Debian ships it), read through gzip.
bool readIdx(const QString &path, std::vector<cv::Mat> *pictures, QString *error)
{
    QProcess gzip;
    gzip.start(QStringLiteral("gzip"), {QStringLiteral("-dc"), path});
    if (!gzip.waitForFinished(120000) || gzip.exitCode() != 0) {
        *error = tr("Cannot read %1 (gzip: %2).").arg(path, QString::fromLocal8Bit(gzip.readAllStandardError()));
        return false;
    }
    const QByteArray data = gzip.readAllStandardOutput();
    auto be32 = [&data](int at) {
        return (quint32(quint8(data[at])) << 24) | (quint32(quint8(data[at + 1])) << 16)
               | (quint32(quint8(data[at + 2])) << 8) | quint32(quint8(data[at + 3]));
    };
    if (data.size() < 16 || be32(0) != 0x803) {
        *error = tr("%1 is not an IDX file of pictures.").arg(path);
        return false;
    }
    const int count = int(be32(4)), rows = int(be32(8)), cols = int(be32(12));
    if (data.size() < 16 + qint64(count) * rows * cols) {
        *error = tr("%1 is cut short.").arg(path);
        return false;
    }
    for (int i = 0; i < count; ++i) {
        cv::Mat m(rows, cols, CV_8UC1, const_cast<char *>(data.constData()) + 16 + qint64(i) * rows * cols);
        cv::Mat bgr;
        cv::cvtColor(255 - m, bgr, cv::COLOR_GRAY2BGR); // dark clothes on white, like a product photo
        pictures->push_back(bgr);
    }
    return true;
}

/// An edited copy: enlarged twice and recompressed as JPEG (variant 0), or brightened by a gamma of 0.8 (1).
cv::Mat editedCopy(const cv::Mat &picture, int variant)
{
    cv::Mat out;
    if (variant == 0) {
        cv::resize(picture, out, cv::Size(), 2.0, 2.0, cv::INTER_CUBIC);
        std::vector<uchar> jpeg;
        cv::imencode(".jpg", out, jpeg, {cv::IMWRITE_JPEG_QUALITY, 70});
        return cv::imdecode(jpeg, cv::IMREAD_COLOR);
    }
    cv::Mat lut(1, 256, CV_8U);
    for (int v = 0; v < 256; ++v)
        lut.at<uchar>(v) = cv::saturate_cast<uchar>(255.0 * std::pow(v / 255.0, 0.8));
    cv::LUT(picture, lut, out);
    return out;
}

/// n pictures cut from the wallpapers: a random crop of 8-30 % of the shorter side, of aspect 0.6-1.6, anywhere,
/// mirrored half of the time.
bool wallpaperCrops(qsizetype n, quint64 seed, std::vector<cv::Mat> *pictures, QString *error)
{
    std::vector<cv::Mat> photos;
    for (const QString &path : largestWallpapers()) {
        cv::Mat photo = cv::imread(path.toStdString(), cv::IMREAD_REDUCED_COLOR_2);
        if (photo.empty())
            continue;
        const double scale = 1280.0 / std::max(photo.cols, photo.rows);
        if (scale < 1)
            cv::resize(photo, photo, cv::Size(), scale, scale, cv::INTER_AREA);
        photos.push_back(photo);
    }
    if (photos.empty()) {
        *error = tr("No wallpapers: install plasma-workspace-wallpapers (packaging/setup.sh).");
        return false;
    }
    std::mt19937_64 rng(seed);
    auto uniform = [&rng](double lo, double hi) { return std::uniform_real_distribution<double>(lo, hi)(rng); };
    for (qsizetype i = 0; i < n; ++i) {
        const cv::Mat &photo = photos[size_t(rng() % photos.size())];
        const double side = uniform(0.08, 0.30) * std::min(photo.cols, photo.rows), aspect = uniform(0.6, 1.6);
        const int w = std::max(8, int(side * std::sqrt(aspect))), h = std::max(8, int(side / std::sqrt(aspect)));
        const cv::Rect r(int(uniform(0, photo.cols - w)), int(uniform(0, photo.rows - h)), w, h);
        cv::Mat crop = photo(r).clone();
        if (rng() % 2)
            cv::flip(crop, crop, 1);
        pictures->push_back(crop);
    }
    return true;
}

} // namespace

int benchmarkGrouping(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("How long grouping near-copies takes once hashes exist: Fashion-MNIST's 70,000 pictures and edited copies "
           "of them up to N items; times to hash, to group them all, to compare a new import with the rest, and the "
           "rule on every pair (measured on a sample, extrapolated)."));
    const QCommandLineOption items(QStringLiteral("items"), tr("Items (default 100000)."), QStringLiteral("N"),
                                   QStringLiteral("100000"));
    const QCommandLineOption fresh(QStringLiteral("new"), tr("Items of the new import (default 1000)."),
                                   QStringLiteral("N"), QStringLiteral("1000"));
    const QCommandLineOption sample(QStringLiteral("sample"),
                                    tr("Items the rule is timed on, pair by pair (default 4000)."), QStringLiteral("N"),
                                    QStringLiteral("4000"));
    const QCommandLineOption corpus(QStringLiteral("corpus"),
                                    tr("crops (default): pictures cut from the wallpapers; fashion: Fashion-MNIST."),
                                    QStringLiteral("NAME"), QStringLiteral("crops"));
    const QCommandLineOption copyShare(QStringLiteral("copies"),
                                       tr("Percent of the items that are edited copies of others (default 5)."),
                                       QStringLiteral("P"), QStringLiteral("5"));
    const QCommandLineOption json(QStringLiteral("json"), tr("Print one JSON object."));
    parser.addOptions({items, fresh, sample, corpus, copyShare, json});
    int status = 0;
    if (!parseArguments(parser, arguments, &status))
        return status;
    const qsizetype n = std::max(10, parser.value(items).toInt());
    const qsizetype m = std::clamp<qsizetype>(parser.value(fresh).toInt(), 1, n - 1);
    const qsizetype s = std::clamp<qsizetype>(parser.value(sample).toInt(), 2, n);

    const qsizetype wanted = n - qsizetype(std::llround(double(n) * std::clamp(parser.value(copyShare).toDouble(), 0.0, 90.0) / 100));
    const bool fashion = parser.value(corpus) == QLatin1String("fashion");
    if (!fashion && parser.value(corpus) != QLatin1String("crops")) {
        err() << tr("--corpus is crops or fashion.") << '\n';
        return 2;
    }
    std::vector<cv::Mat> pictures;
    QString error;
    if (fashion) {
        for (const char *file : kFashionMnist) {
            if (!QFileInfo::exists(QString::fromLatin1(file))) {
                err() << tr("%1 is missing: install dataset-fashion-mnist (packaging/setup.sh).")
                             .arg(QString::fromLatin1(file))
                      << '\n';
                return 1;
            }
            if (!readIdx(QString::fromLatin1(file), &pictures, &error)) {
                err() << error << '\n';
                return 1;
            }
        }
        if (qsizetype(pictures.size()) > wanted)
            pictures.resize(size_t(wanted));
    } else if (!wallpaperCrops(wanted, 1, &pictures, &error)) {
        err() << error << '\n';
        return 1;
    }
    const qsizetype originals = std::min<qsizetype>(qsizetype(pictures.size()), n);

    // Hashing, as the import does it once per item.
    QElapsedTimer timer;
    timer.start();
    std::vector<PerceptualHash> computed(static_cast<size_t>(n));
    parallelFor(n, 0, [&](qsizetype i) {
        const cv::Mat &original = pictures[size_t(i % originals)];
        computed[size_t(i)] = PerceptualHash::of(i < originals ? original : editedCopy(original, int(i % 2)));
    });
    const double hashSeconds = double(timer.nsecsElapsed()) / 1e9;
    QHash<qint64, PerceptualHash> hashes;
    hashes.reserve(n);
    for (qsizetype i = 0; i < n; ++i)
        hashes.insert(i + 1, computed[size_t(i)]);
    computed.clear();

    timer.restart();
    const QVector<QPair<qint64, qint64>> pairs = nearDuplicatePairs(hashes);
    const QVector<QVector<qint64>> groups = groupsOfPairs(pairs);
    const double groupSeconds = double(timer.nsecsElapsed()) / 1e9;
    qsizetype grouped = 0;
    QHash<qint64, int> groupOf;
    for (int g = 0; g < groups.size(); ++g) {
        grouped += groups[g].size();
        for (qint64 id : groups[g])
            groupOf.insert(id, g);
    }
    // The planted copies found: each copy in its original's group.
    qsizetype copies = 0, found = 0;
    for (qsizetype i = originals; i < n; ++i) {
        ++copies;
        const qint64 id = i + 1, original = i % originals + 1;
        found += groupOf.contains(id) && groupOf.value(id) == groupOf.value(original, -1) ? 1 : 0;
    }

    // A new import: its items against each other and the project.
    QVector<qint64> fresher;
    for (qsizetype i = n - m; i < n; ++i)
        fresher << i + 1;
    timer.restart();
    const qsizetype freshPairs = nearDuplicatePairs(hashes, fresher).size();
    const double freshSeconds = double(timer.nsecsElapsed()) / 1e9;

    // The rule on every pair of a sample (one thread, as the loop it replaces ran), extrapolated to all pairs.
    std::vector<const PerceptualHash *> h;
    for (qsizetype i = 0; i < s; ++i)
        h.push_back(&hashes.find(i + 1).value());
    const NearDuplicateRule rule;
    timer.restart();
    qint64 sampleMatches = 0;
    for (size_t i = 0; i < h.size(); ++i)
        for (size_t j = i + 1; j < h.size(); ++j)
            sampleMatches += rule.matches(*h[i], *h[j]) ? 1 : 0;
    const double sampleSeconds = double(timer.nsecsElapsed()) / 1e9;
    const double samplePairs = double(s) * double(s - 1) / 2;
    const double allPairs = double(n) * double(n - 1) / 2;
    const double pairsPerSecond = samplePairs / std::max(sampleSeconds, 1e-9);
    const double everyPairSeconds = allPairs / pairsPerSecond;

    if (parser.isSet(json)) {
        out() << QJsonDocument(QJsonObject{{QStringLiteral("items"), qint64(n)},
                                           {QStringLiteral("corpus"), fashion ? QStringLiteral("fashion") : QStringLiteral("crops")},
                                           {QStringLiteral("originals"), qint64(originals)},
                                           {QStringLiteral("threads"), QThread::idealThreadCount()},
                                           {QStringLiteral("hashSeconds"), hashSeconds},
                                           {QStringLiteral("groupSeconds"), groupSeconds},
                                           {QStringLiteral("pairs"), qint64(pairs.size())},
                                           {QStringLiteral("groups"), qint64(groups.size())},
                                           {QStringLiteral("itemsInGroups"), qint64(grouped)},
                                           {QStringLiteral("largestGroup"),
                                            qint64(groups.isEmpty() ? 0 : groups.first().size())},
                                           {QStringLiteral("plantedCopies"), qint64(copies)},
                                           {QStringLiteral("plantedCopiesFound"), qint64(found)},
                                           {QStringLiteral("newItems"), qint64(m)},
                                           {QStringLiteral("newSeconds"), freshSeconds},
                                           {QStringLiteral("newPairs"), qint64(freshPairs)},
                                           {QStringLiteral("everyPairPerSecond"), pairsPerSecond},
                                           {QStringLiteral("everyPairSeconds"), everyPairSeconds},
                                           {QStringLiteral("sampleMatches"), sampleMatches}})
                     .toJson(QJsonDocument::Compact)
              << '\n';
        return 0;
    }
    out() << tr("Grouping near-copies: %1 items (%2 %3, %4 edited copies of them), %5 threads")
                 .arg(n)
                 .arg(originals)
                 .arg(fashion ? tr("Fashion-MNIST pictures") : tr("pictures cut from the wallpapers"))
                 .arg(n - originals)
                 .arg(QThread::idealThreadCount())
          << '\n';
    out() << tr("  hashing (once per item, at import): %1 s").arg(hashSeconds, 0, 'f', 1) << '\n';
    out() << tr("  grouping every item: %1 s (%2 pairs, %3 groups holding %4 items, the largest %5)")
                 .arg(groupSeconds, 0, 'f', 1)
                 .arg(pairs.size())
                 .arg(groups.size())
                 .arg(grouped)
                 .arg(groups.isEmpty() ? 0 : groups.first().size())
          << '\n';
    out() << tr("  planted copies in their original's group: %1 of %2").arg(found).arg(copies) << '\n';
    out() << tr("  a new import of %1 items against the project: %2 s (%3 pairs)")
                 .arg(m)
                 .arg(freshSeconds, 0, 'f', 2)
                 .arg(freshPairs)
          << '\n';
    out() << tr("  the rule on every pair, one thread: %1 million pairs/s, %2 s for all %3 million pairs")
                 .arg(pairsPerSecond / 1e6, 0, 'f', 1)
                 .arg(everyPairSeconds, 0, 'f', 0)
                 .arg(allPairs / 1e6, 0, 'f', 0)
          << '\n';
    return 0;
}

} // namespace nsfw::cli
