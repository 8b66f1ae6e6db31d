#include "duplicatecorpus.h"

#include "cliparttask.h"
#include "console.h"

#include "media/mediadecoder.h"

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QSet>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>
#include <random>

namespace nsfw::cli {

QStringList largestWallpapers()
{
    QStringList found;
    const QDir root(QStringLiteral("/usr/share/wallpapers"));
    for (const QString &theme : root.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name)) {
        QString best;
        qint64 bestSize = -1;
        QDirIterator it(root.filePath(theme), {QStringLiteral("*.jpg"), QStringLiteral("*.png")}, QDir::Files,
                        QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString path = it.next();
            // Dark and light variants of a theme are different pictures; sizes of one variant are not.
            if (path.contains(QLatin1String("/dark/")))
                continue;
            const qint64 size = QFileInfo(path).size();
            if (size > bestSize) {
                best = path;
                bestSize = size;
            }
        }
        if (!best.isEmpty())
            found << best;
    }
    return found;
}

namespace {

double uniform(std::mt19937_64 &rng, double lo, double hi)
{
    return std::uniform_real_distribution<double>(lo, hi)(rng);
}

cv::Mat reencode(const cv::Mat &bgr, const std::string &ext, int quality)
{
    std::vector<uchar> bytes;
    std::vector<int> params;
    if (ext == ".jpg")
        params = {cv::IMWRITE_JPEG_QUALITY, quality};
    else if (ext == ".webp")
        params = {cv::IMWRITE_WEBP_QUALITY, quality};
    cv::imencode(ext, bgr, bytes, params);
    return cv::imdecode(bytes, cv::IMREAD_COLOR);
}

cv::Mat scaled(const cv::Mat &bgr, double factor)
{
    cv::Mat out;
    cv::resize(bgr, out, cv::Size(std::max(1, int(std::lround(bgr.cols * factor))),
                                  std::max(1, int(std::lround(bgr.rows * factor)))),
               0, 0, factor < 1 ? cv::INTER_AREA : cv::INTER_CUBIC);
    return out;
}

/// One edit of a picture, as a user's copy would have it.
cv::Mat edited(const cv::Mat &bgr, const QString &edit, std::mt19937_64 &rng)
{
    if (edit == QLatin1String("resize"))
        return scaled(bgr, uniform(rng, 0.4, 0.7));
    if (edit == QLatin1String("jpeg"))
        return reencode(bgr, ".jpg", int(uniform(rng, 30, 60)));
    if (edit == QLatin1String("crop")) {
        auto cut = [&](int side) { return int(std::lround(side * uniform(rng, 0.04, 0.06))); };
        const int l = cut(bgr.cols), r = cut(bgr.cols), t = cut(bgr.rows), b = cut(bgr.rows);
        return bgr(cv::Rect(l, t, std::max(1, bgr.cols - l - r), std::max(1, bgr.rows - t - b))).clone();
    }
    if (edit == QLatin1String("gamma")) {
        const double gamma = uniform(rng, 0.6, 1.6), offset = uniform(rng, -25, 25);
        cv::Mat lut(1, 256, CV_8U);
        for (int i = 0; i < 256; ++i)
            lut.at<uchar>(i) = cv::saturate_cast<uchar>(255.0 * std::pow(i / 255.0, gamma) + offset);
        cv::Mat out;
        cv::LUT(bgr, lut, out);
        return out;
    }
    if (edit == QLatin1String("caption")) {
        cv::Mat out = bgr.clone();
        const int band = std::max(12, out.rows / 10);
        const cv::Rect strip(0, out.rows - band, out.cols, band);
        out(strip) = out(strip) * 0.3; // a dark band, the picture faintly through it
        const double scale = band / 30.0;
        cv::putText(out, "shared by @someone 2024", cv::Point(band / 4, out.rows - band / 3),
                    cv::FONT_HERSHEY_SIMPLEX, scale, cv::Scalar(255, 255, 255), std::max(1, int(scale * 1.5)),
                    cv::LINE_AA);
        return out;
    }
    if (edit == QLatin1String("border")) {
        const int width = std::max(2, int(std::lround(std::min(bgr.cols, bgr.rows) * uniform(rng, 0.02, 0.04))));
        const cv::Scalar colour = rng() % 2 ? cv::Scalar(0, 0, 0) : cv::Scalar(255, 255, 255);
        cv::Mat out;
        cv::copyMakeBorder(bgr, out, width, width, width, width, cv::BORDER_CONSTANT, colour);
        return out;
    }
    if (edit == QLatin1String("blur")) {
        cv::Mat out;
        const double sigma = uniform(rng, 1.0, 2.5) * std::max(1.0, std::min(bgr.cols, bgr.rows) / 400.0);
        cv::GaussianBlur(bgr, out, cv::Size(), sigma);
        return out;
    }
    if (edit == QLatin1String("webp"))
        return reencode(bgr, ".webp", int(uniform(rng, 50, 80)));
    if (edit == QLatin1String("png"))
        return scaled(bgr, uniform(rng, 0.75, 0.9));
    return bgr;
}

/// Pictures whose decoded pixels are the same count once: openclipart files the same drawing twice.
QByteArray pixelKey(const cv::Mat &bgr)
{
    QCryptographicHash h(QCryptographicHash::Sha1);
    h.addData(QByteArrayView(reinterpret_cast<const char *>(&bgr.cols), sizeof bgr.cols));
    for (int y = 0; y < bgr.rows; ++y)
        h.addData(QByteArrayView(reinterpret_cast<const char *>(bgr.ptr(y)), qsizetype(bgr.cols * bgr.elemSize())));
    return h.result();
}

} // namespace

QStringList DuplicateCorpus::edits()
{
    return {QStringLiteral("resize"), QStringLiteral("jpeg"),  QStringLiteral("crop"),
            QStringLiteral("gamma"),  QStringLiteral("caption"), QStringLiteral("border"),
            QStringLiteral("blur"),   QStringLiteral("webp"),  QStringLiteral("png")};
}

DuplicateCorpus DuplicateCorpus::build(const QString &folder, int originals, int distractors, quint64 seed,
                                       QString *error)
{
    DuplicateCorpus corpus;
    // Every category but the ones of flat symbols, which are near-copies of each other by nature.
    QStringList categories = QDir(QStringLiteral("/usr/share/openclipart/png"))
                                 .entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
    categories.removeAll(QStringLiteral("shapes"));
    categories.removeAll(QStringLiteral("buttons"));
    QStringList clipArt = shuffledClipArt(categories);
    QStringList photos = largestWallpapers();
    std::mt19937_64 rng(seed);
    std::shuffle(clipArt.begin(), clipArt.end(), rng);
    std::shuffle(photos.begin(), photos.end(), rng);
    if (clipArt.size() < originals + distractors) {
        *error = tr("openclipart-png is not installed or has too few pictures (packaging/setup.sh installs it).");
        return {};
    }
    const int wallpaperOriginals = std::min<int>(int(photos.size()), originals / 8);
    QSet<QByteArray> seen;
    const QDir dir(folder);
    int next = 0;
    auto take = [&](const QString &path, bool wallpaper, bool edit) {
        QString message;
        cv::Mat bgr = MediaDecoder::readImage(path, MediaDecoder::kDefaultMaxPixels, &message);
        // An original must take every edit: the caption's band is 12 rows high at least.
        if (bgr.empty() || (edit && std::min(bgr.rows, bgr.cols) < 12))
            return false;
        if (wallpaper)
            bgr = MediaDecoder::fitWithin(bgr, 1600);
        const QByteArray key = pixelKey(bgr);
        if (seen.contains(key))
            return false;
        seen.insert(key);
        const int source = next++;
        auto save = [&](const cv::Mat &picture, const QString &name, const std::string &ext, int quality) {
            const QString file = dir.filePath(QStringLiteral("%1-%2").arg(source, 5, 10, QLatin1Char('0')).arg(name)
                                              + QString::fromStdString(ext));
            std::vector<int> params;
            if (ext == ".jpg")
                params = {cv::IMWRITE_JPEG_QUALITY, quality};
            else if (ext == ".webp")
                params = {cv::IMWRITE_WEBP_QUALITY, quality};
            if (cv::imwrite(file.toStdString(), picture, params))
                corpus.files.append({file, source, name, wallpaper});
        };
        if (!edit) {
            save(bgr, QStringLiteral("distractor"), wallpaper ? ".jpg" : ".png", 92);
            return true;
        }
        ++corpus.originals;
        save(bgr, QStringLiteral("original"), wallpaper ? ".jpg" : ".png", 92);
        for (const QString &e : edits()) {
            const cv::Mat copy = edited(bgr, e, rng);
            // The lossy edits are kept as their own format's bytes; the others as PNG (JPEG for photos).
            const std::string ext = e == QLatin1String("jpeg")   ? ".jpg"
                                    : e == QLatin1String("webp") ? ".webp"
                                    : e == QLatin1String("png")  ? ".png"
                                    : wallpaper                  ? ".jpg"
                                                                 : ".png";
            save(copy, e, ext, 92);
        }
        return true;
    };
    qsizetype c = 0;
    for (int i = 0; i < wallpaperOriginals; ++i)
        take(photos[i], true, true);
    for (qsizetype i = wallpaperOriginals; i < photos.size(); ++i)
        take(photos[i], true, false); // the remaining wallpapers: distractors among the photos
    while (corpus.originals < originals && c < clipArt.size())
        take(clipArt[c++], false, true);
    int taken = 0;
    while (taken < distractors && c < clipArt.size())
        taken += take(clipArt[c++], false, false) ? 1 : 0;
    return corpus;
}

} // namespace nsfw::cli
