#pragma once

#include "imageheader.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QImage>
#include <QString>
#include <QStringList>

#include <opencv2/core/mat.hpp>

#include <optional>

namespace nsfw {

enum class MediaType { Unsupported, Image, Video };

/// Video properties as the FFmpeg backend reports them.
struct VideoInfo {
    int width = 0;
    int height = 0;
    double fps = 0;
    qint64 frameCount = 0;
    qint64 durationMs = 0;
};

/// Decoding of images and videos with OpenCV (GIF through Qt, which OpenCV 4.6 lacks). Every function
/// reports failure as a message a person can act on; none throws.
class MediaDecoder
{
    Q_DECLARE_TR_FUNCTIONS(nsfw::MediaDecoder)

public:
    /// Default refusal limit: decompression bombs are refused from the header, before decoding.
    static constexpr qint64 kDefaultMaxPixels = 150'000'000;
    /// Image files larger than this are not read into memory.
    static constexpr qint64 kMaxImageFileBytes = 512LL * 1024 * 1024;

    static QStringList imageExtensions();
    static QStringList videoExtensions();
    /// By file extension.
    static MediaType mediaType(const QString &path);

    /// Decodes an image from its bytes to 8-bit BGR (alpha composited over white; first frame of a GIF).
    /// reduceTo > 0 lets big JPEGs decode at 1/2, 1/4 or 1/8 as long as both sides stay >= reduceTo.
    static cv::Mat decodeImage(const QByteArray &bytes, qint64 maxPixels, QString *error, int reduceTo = 0,
                               ImageHeader *headerOut = nullptr);
    /// Reads and decodes an image file (see decodeImage).
    static cv::Mat readImage(const QString &path, qint64 maxPixels, QString *error, int reduceTo = 0);

    /// Opens a video and reads its properties and first frame; nullopt with *error when it cannot be decoded.
    static std::optional<VideoInfo> probeVideo(const QString &path, QString *error, cv::Mat *firstFrame = nullptr);
    /// Decodes one frame of a video (BGR).
    static cv::Mat readFrame(const QString &path, qint64 frameIndex, QString *error);
    /// Longest video accepted: a container claiming more is damaged or crafted, and is refused.
    static constexpr qint64 kMaxVideoSeconds = 48 * 3600;
    /// The frame indices to sample every `seconds` seconds, at most maxFrames of them: beyond that the interval
    /// widens so the samples still span the whole video. The work is bounded by maxFrames, whatever the video claims.
    static QList<qint64> sampleFrames(const VideoInfo &info, double seconds, int maxFrames);

    /// Scales to fit within maxSide (never up), with area averaging.
    static cv::Mat fitWithin(const cv::Mat &bgr, int maxSide);
    /// JPEG bytes of a BGR image.
    static QByteArray encodeJpeg(const cv::Mat &bgr, int quality = 85);
    /// A QImage (RGB888, deep copy) of a BGR matrix.
    static QImage toQImage(const cv::Mat &bgr);
    /// 8-bit BGR of a QImage (alpha composited over white, as decodeImage does); empty for a null image.
    static cv::Mat fromQImage(const QImage &image);
};

} // namespace nsfw
