#include "mediadecoder.h"

#include "common/logging.h"

#include <QBuffer>
#include <QFile>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QImageReader>

#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>
#include <opencv2/videoio.hpp>

#include <cmath>

namespace nsfw {

namespace {
/// How long counting a video's frames one by one may take.
constexpr qint64 kCountBudgetMs = 30'000;
} // namespace

namespace {

cv::Mat flattenAlpha(const cv::Mat &image)
{
    cv::Mat img = image;
    if (img.depth() != CV_8U) {
        cv::Mat scaled;
        const double scale = img.depth() == CV_16U ? 1.0 / 257.0 : 1.0;
        img.convertTo(scaled, CV_8U, scale);
        img = scaled;
    }
    if (img.channels() == 1) {
        cv::Mat bgr;
        cv::cvtColor(img, bgr, cv::COLOR_GRAY2BGR);
        return bgr;
    }
    if (img.channels() == 3)
        return img;
    if (img.channels() == 4) {
        // Composite over white, as an image viewer shows transparency on a light page.
        cv::Mat bgr(img.rows, img.cols, CV_8UC3);
        for (int y = 0; y < img.rows; ++y) {
            const auto *src = img.ptr<cv::Vec4b>(y);
            auto *dst = bgr.ptr<cv::Vec3b>(y);
            for (int x = 0; x < img.cols; ++x) {
                const int a = src[x][3];
                for (int c = 0; c < 3; ++c)
                    dst[x][c] = static_cast<uchar>((src[x][c] * a + 255 * (255 - a) + 127) / 255);
            }
        }
        return bgr;
    }
    return {};
}

cv::Mat decodeGif(const QByteArray &bytes, QString *error)
{
    QBuffer buffer;
    buffer.setData(bytes);
    buffer.open(QIODevice::ReadOnly);
    QImageReader reader(&buffer, "gif");
    QImage image = reader.read();
    if (image.isNull()) {
        if (error)
            *error = MediaDecoder::tr("cannot decode GIF: %1").arg(reader.errorString());
        return {};
    }
    return MediaDecoder::fromQImage(image);
}

bool jpegHasEnd(const QByteArray &bytes)
{
    // libjpeg fills a truncated scan with grey and only warns, so look for the EOI marker ourselves.
    // Some writers pad after it; allow a little slack.
    const qsizetype from = qMax<qsizetype>(0, bytes.size() - 4096);
    return bytes.lastIndexOf(QByteArray("\xFF\xD9", 2)) >= from;
}

} // namespace

QStringList MediaDecoder::imageExtensions()
{
    return {QStringLiteral("jpg"), QStringLiteral("jpeg"), QStringLiteral("jpe"), QStringLiteral("png"),
            QStringLiteral("webp"), QStringLiteral("bmp"), QStringLiteral("tif"), QStringLiteral("tiff"),
            QStringLiteral("gif")};
}

QStringList MediaDecoder::videoExtensions()
{
    return {QStringLiteral("mp4"), QStringLiteral("m4v"), QStringLiteral("webm"), QStringLiteral("mkv"),
            QStringLiteral("avi"), QStringLiteral("mov")};
}

MediaType MediaDecoder::mediaType(const QString &path)
{
    const qsizetype dot = path.lastIndexOf(QLatin1Char('.'));
    if (dot < 0 || path.lastIndexOf(QLatin1Char('/')) > dot)
        return MediaType::Unsupported;
    const QString suffix = path.mid(dot + 1).toLower();
    if (imageExtensions().contains(suffix))
        return MediaType::Image;
    if (videoExtensions().contains(suffix))
        return MediaType::Video;
    return MediaType::Unsupported;
}

cv::Mat MediaDecoder::decodeImage(const QByteArray &bytes, qint64 maxPixels, QString *error, int reduceTo,
                                  ImageHeader *headerOut)
{
    auto fail = [error](const QString &message) {
        if (error)
            *error = message;
        return cv::Mat();
    };
    if (bytes.isEmpty())
        return fail(tr("empty file (0 bytes)"));
    const ImageHeader header = readImageHeader(bytes);
    if (headerOut)
        *headerOut = header;
    if (header.format == ImageHeader::Format::Unknown)
        return fail(tr("not an image: the content is no known image format"));
    if (!header.valid())
        return fail(tr("damaged %1 header: no image size").arg(formatName(header.format)));
    if (header.width * header.height > maxPixels)
        return fail(tr("image too large: %1 x %2 pixels is over the limit of %3 megapixels")
                        .arg(header.width)
                        .arg(header.height)
                        .arg(maxPixels / 1'000'000));
    if (header.format == ImageHeader::Format::Jpeg && !jpegHasEnd(bytes))
        return fail(tr("truncated JPEG: the data ends before the image does"));
    if (header.format == ImageHeader::Format::Gif)
        return decodeGif(bytes, error);

    int flags = cv::IMREAD_UNCHANGED;
    if (header.format == ImageHeader::Format::Jpeg) {
        flags = cv::IMREAD_COLOR;
        if (reduceTo > 0) {
            const qint64 shortSide = qMin(header.width, header.height);
            if (shortSide >= 8 * reduceTo)
                flags = cv::IMREAD_REDUCED_COLOR_8;
            else if (shortSide >= 4 * reduceTo)
                flags = cv::IMREAD_REDUCED_COLOR_4;
            else if (shortSide >= 2 * reduceTo)
                flags = cv::IMREAD_REDUCED_COLOR_2;
        }
    }
    cv::Mat decoded;
    try {
        const cv::Mat raw(1, static_cast<int>(bytes.size()), CV_8UC1, const_cast<char *>(bytes.constData()));
        decoded = cv::imdecode(raw, flags);
    } catch (const cv::Exception &e) {
        return fail(tr("cannot decode %1: %2").arg(formatName(header.format), QString::fromStdString(e.msg)));
    }
    if (decoded.empty())
        return fail(tr("cannot decode %1: damaged or truncated data").arg(formatName(header.format)));
    cv::Mat bgr = flattenAlpha(decoded);
    if (bgr.empty())
        return fail(tr("unsupported %1 pixel format").arg(formatName(header.format)));
    return bgr;
}

cv::Mat MediaDecoder::readImage(const QString &path, qint64 maxPixels, QString *error, int reduceTo)
{
    QFile file(path);
    if (!file.exists()) {
        if (error)
            *error = tr("the file is missing (moved or deleted?)");
        return {};
    }
    if (file.size() > kMaxImageFileBytes) {
        if (error)
            *error = tr("file too large for an image (%1 MB)").arg(file.size() / (1024 * 1024));
        return {};
    }
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = tr("cannot read: %1").arg(file.errorString());
        return {};
    }
    return decodeImage(file.readAll(), maxPixels, error, reduceTo);
}

std::optional<VideoInfo> MediaDecoder::probeVideo(const QString &path, QString *error, cv::Mat *firstFrame)
{
    auto fail = [error](const QString &message) -> std::optional<VideoInfo> {
        if (error)
            *error = message;
        return std::nullopt;
    };
    try {
        cv::VideoCapture cap(path.toStdString(), cv::CAP_FFMPEG);
        if (!cap.isOpened())
            return fail(tr("cannot open the video: no decodable stream (damaged file or unknown codec)"));
        VideoInfo info;
        info.width = static_cast<int>(cap.get(cv::CAP_PROP_FRAME_WIDTH));
        info.height = static_cast<int>(cap.get(cv::CAP_PROP_FRAME_HEIGHT));
        info.fps = cap.get(cv::CAP_PROP_FPS);
        info.frameCount = static_cast<qint64>(std::llround(cap.get(cv::CAP_PROP_FRAME_COUNT)));
        cv::Mat frame;
        if (!cap.read(frame) || frame.empty())
            return fail(tr("cannot decode the video's first frame"));
        if (firstFrame)
            *firstFrame = frame;
        if (info.width <= 0 || info.height <= 0) {
            info.width = frame.cols;
            info.height = frame.rows;
        }
        if (!(info.fps > 0 && info.fps < 1000))
            return fail(tr("the video reports no usable frame rate"));
        if (info.frameCount <= 0) {
            // Some containers carry no frame count: count by walking the packets, within the longest video
            // accepted and a time budget, so a crafted file cannot keep the import busy for hours.
            qint64 n = 1;
            const qint64 limit = static_cast<qint64>(kMaxVideoSeconds * info.fps);
            QElapsedTimer budget;
            budget.start();
            while (n <= limit && cap.grab()) {
                ++n;
                if ((n & 255) == 0 && budget.elapsed() > kCountBudgetMs) {
                    qCWarning(lcMedia) << path << ": frame count stopped after" << n << "frames (time budget)";
                    break;
                }
            }
            info.frameCount = n;
        }
        if (double(info.frameCount) / info.fps > double(kMaxVideoSeconds))
            return fail(tr("the video claims to last %1 hours (more than %2): damaged or crafted file")
                            .arg(double(info.frameCount) / info.fps / 3600, 0, 'f', 0)
                            .arg(kMaxVideoSeconds / 3600));
        info.durationMs = static_cast<qint64>(std::llround(info.frameCount * 1000.0 / info.fps));
        return info;
    } catch (const cv::Exception &e) {
        return fail(tr("cannot decode the video: %1").arg(QString::fromStdString(e.msg)));
    }
}

cv::Mat MediaDecoder::readFrame(const QString &path, qint64 frameIndex, QString *error)
{
    if (!QFileInfo::exists(path)) {
        if (error)
            *error = tr("the video file is missing (moved or deleted?)");
        return {};
    }
    try {
        cv::VideoCapture cap(path.toStdString(), cv::CAP_FFMPEG);
        if (!cap.isOpened()) {
            if (error)
                *error = tr("cannot open the video");
            return {};
        }
        if (frameIndex > 0)
            cap.set(cv::CAP_PROP_POS_FRAMES, static_cast<double>(frameIndex));
        cv::Mat frame;
        if (!cap.read(frame) || frame.empty()) {
            if (error)
                *error = tr("cannot decode frame %1").arg(frameIndex);
            return {};
        }
        return frame;
    } catch (const cv::Exception &e) {
        if (error)
            *error = tr("cannot decode frame %1: %2").arg(frameIndex).arg(QString::fromStdString(e.msg));
        return {};
    }
}

QList<qint64> MediaDecoder::sampleFrames(const VideoInfo &info, double seconds, int maxFrames)
{
    QList<qint64> frames;
    if (info.frameCount <= 0 || !(info.fps > 0) || maxFrames <= 0)
        return frames;
    if (!(seconds > 0))
        seconds = 1.0;
    // Frames between two samples, at least one; widened when the cap would cut the video short.
    double step = std::max(1.0, seconds * info.fps);
    const double last = double(info.frameCount - 1);
    if (last / step + 1 > maxFrames)
        step = maxFrames > 1 ? last / double(maxFrames - 1) : last + 1;
    for (qint64 k = 0; k < maxFrames; ++k) {
        const double at = std::round(double(k) * step);
        if (at > last)
            break;
        const auto index = static_cast<qint64>(at);
        if (frames.isEmpty() || frames.last() != index)
            frames.append(index);
    }
    return frames;
}

cv::Mat MediaDecoder::fitWithin(const cv::Mat &bgr, int maxSide)
{
    const int longSide = qMax(bgr.cols, bgr.rows);
    if (longSide <= maxSide)
        return bgr;
    const double scale = double(maxSide) / longSide;
    cv::Mat out;
    cv::resize(bgr, out, cv::Size(qMax(1, int(std::lround(bgr.cols * scale))), qMax(1, int(std::lround(bgr.rows * scale)))),
               0, 0, cv::INTER_AREA);
    return out;
}

QByteArray MediaDecoder::encodeJpeg(const cv::Mat &bgr, int quality)
{
    std::vector<uchar> buffer;
    try {
        cv::imencode(".jpg", bgr, buffer, {cv::IMWRITE_JPEG_QUALITY, quality});
    } catch (const cv::Exception &e) {
        qCWarning(lcMedia) << "JPEG encoding failed:" << e.what();
        return {};
    }
    return QByteArray(reinterpret_cast<const char *>(buffer.data()), static_cast<qsizetype>(buffer.size()));
}

QImage MediaDecoder::toQImage(const cv::Mat &bgr)
{
    if (bgr.empty() || bgr.type() != CV_8UC3)
        return {};
    QImage image(bgr.cols, bgr.rows, QImage::Format_RGB888);
    for (int y = 0; y < bgr.rows; ++y) {
        const auto *src = bgr.ptr<cv::Vec3b>(y);
        uchar *dst = image.scanLine(y);
        for (int x = 0; x < bgr.cols; ++x) {
            dst[3 * x] = src[x][2];
            dst[3 * x + 1] = src[x][1];
            dst[3 * x + 2] = src[x][0];
        }
    }
    return image;
}

cv::Mat MediaDecoder::fromQImage(const QImage &source)
{
    if (source.isNull())
        return {};
    QImage image = source.convertToFormat(QImage::Format_ARGB32);
    // ARGB32 in memory on little-endian is B, G, R, A: exactly OpenCV's BGRA.
    cv::Mat bgra(image.height(), image.width(), CV_8UC4, image.bits(), static_cast<size_t>(image.bytesPerLine()));
    return flattenAlpha(bgra.clone());
}

} // namespace nsfw
