#pragma once

#include "common/types.h"

#include <QImage>
#include <QString>

#include <opencv2/core/mat.hpp>

namespace nsfw {

/// What to show or decode for one item: enough to find its cache entries and its source file.
struct MediaRef {
    ItemKind kind = ItemKind::Image;
    QString key;        ///< cache key: content hash, or "<video hash>_<frame index>" for frames
    QString sourcePath; ///< absolute path of the image or video file
    qint64 frameIndex = 0;

    /// The reference of an item; parentHash is the video's content hash for frames.
    static MediaRef of(const Item &item, const QString &absolutePath, const QString &parentHash = QString());
};

/// The disposable caches beside a project: thumbnails and decoded video frames as JPEG files, named by
/// content hash so they survive moves and never go stale. Deleting the folder only costs rebuild time.
/// Files are written atomically, so a kill never leaves half a JPEG. Safe to use from several threads.
class MediaCache
{
public:
    static constexpr int kThumbnailSize = 256;

    explicit MediaCache(const QString &cacheDir);

    QString thumbnailPath(const QString &key) const;
    QString framePath(const QString &key) const;

    /// Stores the thumbnail of a decoded image (scaled to kThumbnailSize).
    bool storeThumbnail(const QString &key, const cv::Mat &bgr) const;
    /// The cached thumbnail, or makes it from the source (decoding reduced) and caches it.
    QImage thumbnail(const MediaRef &ref, QString *error = nullptr) const;
    /// The full-size picture of an item (a frame is decoded once, then cached as JPEG).
    QImage picture(const MediaRef &ref, QString *error = nullptr) const;
    /// The full-size picture as BGR pixels (for the model). A frame is its JPEG in the cache (written on first read,
    /// and the first read returns those pixels too, so every read of a frame is the same picture).
    cv::Mat pixels(const MediaRef &ref, QString *error = nullptr) const;

private:
    static bool writeAtomically(const QString &path, const QByteArray &bytes);
    QString m_dir;
};

} // namespace nsfw
