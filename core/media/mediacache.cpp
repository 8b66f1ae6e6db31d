#include "mediacache.h"

#include "common/logging.h"
#include "mediadecoder.h"

#include <QDir>
#include <QFileInfo>
#include <QSaveFile>

#include <opencv2/imgcodecs.hpp>

namespace nsfw {

MediaRef MediaRef::of(const Item &item, const QString &absolutePath, const QString &parentHash)
{
    MediaRef ref;
    ref.kind = item.kind;
    ref.sourcePath = absolutePath;
    ref.frameIndex = item.kind == ItemKind::Frame ? item.frameIndex : 0;
    ref.key = item.kind == ItemKind::Frame ? parentHash + QLatin1Char('_') + QString::number(item.frameIndex)
                                           : item.contentHash;
    return ref;
}

MediaCache::MediaCache(const QString &cacheDir)
    : m_dir(cacheDir)
{
}

QString MediaCache::thumbnailPath(const QString &key) const
{
    return m_dir + QStringLiteral("/thumbs/") + key.left(2) + QLatin1Char('/') + key + QStringLiteral(".jpg");
}

QString MediaCache::framePath(const QString &key) const
{
    return m_dir + QStringLiteral("/frames/") + key.left(2) + QLatin1Char('/') + key + QStringLiteral(".jpg");
}

bool MediaCache::writeAtomically(const QString &path, const QByteArray &bytes)
{
    if (bytes.isEmpty())
        return false;
    QDir().mkpath(QFileInfo(path).absolutePath());
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return false;
    file.write(bytes);
    return file.commit();
}

bool MediaCache::storeThumbnail(const QString &key, const cv::Mat &bgr) const
{
    if (key.isEmpty() || bgr.empty())
        return false;
    return writeAtomically(thumbnailPath(key), MediaDecoder::encodeJpeg(MediaDecoder::fitWithin(bgr, kThumbnailSize)));
}

QImage MediaCache::thumbnail(const MediaRef &ref, QString *error) const
{
    const QString path = thumbnailPath(ref.key);
    QImage cached(path);
    if (!cached.isNull())
        return cached;
    cv::Mat bgr;
    if (ref.kind == ItemKind::Frame) {
        bgr = pixels(ref, error);
    } else if (ref.kind == ItemKind::Video) {
        MediaDecoder::probeVideo(ref.sourcePath, error, &bgr);
    } else {
        bgr = MediaDecoder::readImage(ref.sourcePath, MediaDecoder::kDefaultMaxPixels, error, kThumbnailSize);
    }
    if (bgr.empty())
        return {};
    const cv::Mat small = MediaDecoder::fitWithin(bgr, kThumbnailSize);
    if (!writeAtomically(path, MediaDecoder::encodeJpeg(small)))
        qCDebug(lcMedia) << "cannot cache thumbnail" << path;
    return MediaDecoder::toQImage(small);
}

cv::Mat MediaCache::pixels(const MediaRef &ref, QString *error) const
{
    if (ref.kind != ItemKind::Frame) {
        if (ref.kind == ItemKind::Video) {
            cv::Mat first;
            MediaDecoder::probeVideo(ref.sourcePath, error, &first);
            return first;
        }
        return MediaDecoder::readImage(ref.sourcePath, MediaDecoder::kDefaultMaxPixels, error);
    }
    const QString path = framePath(ref.key);
    if (QFileInfo::exists(path)) {
        cv::Mat cached = cv::imread(path.toStdString(), cv::IMREAD_COLOR);
        if (!cached.empty())
            return cached;
    }
    cv::Mat frame = MediaDecoder::readFrame(ref.sourcePath, ref.frameIndex, error);
    if (frame.empty())
        return frame;
    // The pixels a later read finds in the cache, now too: every read of a frame (a run's, a worker's on another
    // machine, before or after the cache was written) gives the same picture.
    const QByteArray jpeg = MediaDecoder::encodeJpeg(frame, 92);
    writeAtomically(path, jpeg);
    cv::Mat stored = cv::imdecode(cv::Mat(1, int(jpeg.size()), CV_8U, const_cast<char *>(jpeg.constData())),
                                  cv::IMREAD_COLOR);
    return stored.empty() ? frame : stored;
}

QImage MediaCache::picture(const MediaRef &ref, QString *error) const
{
    return MediaDecoder::toQImage(pixels(ref, error));
}

} // namespace nsfw
