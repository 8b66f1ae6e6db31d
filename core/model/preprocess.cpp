#include "model/preprocess.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QFile>
#include <QImageReader>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <ATen/ATen.h>
#include <c10/core/InferenceMode.h>

namespace nsfw {

namespace {
constexpr qint64 kMaxPixels = 100'000'000;

QString tr(const char *text)
{
    // lupdate files the strings of a free tr() helper under the enclosing namespace: look them up there.
    return QCoreApplication::translate("nsfw", text);
}
} // namespace

PreparedImage prepareImage(const QByteArray &encoded, const Preprocessing &input)
{
    PreparedImage out;
    if (encoded.isEmpty()) {
        out.error = tr("empty file");
        return out;
    }
    {
        // Decompression-bomb guard: read only the header (OpenCV's own limit is 2^30 pixels, far too much RAM
        // once converted to float). Formats QImageReader does not know are left to OpenCV.
        QBuffer buffer(const_cast<QByteArray *>(&encoded));
        buffer.open(QIODevice::ReadOnly);
        const QSize size = QImageReader(&buffer).size();
        if (size.isValid() && qint64(size.width()) * size.height() > kMaxPixels) {
            out.error = tr("image too large (%1 x %2 pixels)").arg(size.width()).arg(size.height());
            return out;
        }
    }
    try {
        const cv::Mat raw(1, static_cast<int>(encoded.size()), CV_8UC1, const_cast<char *>(encoded.constData()));
        cv::Mat bgr = cv::imdecode(raw, cv::IMREAD_COLOR);
        if (bgr.empty()) {
            out.error = tr("not an image, or a format OpenCV cannot decode");
            return out;
        }
        return prepareBgr(bgr, input);
    } catch (const cv::Exception &e) {
        out.error = tr("cannot decode: %1").arg(QString::fromStdString(e.msg));
        out.hwc.clear();
    } catch (const c10::Error &e) {
        out.error = tr("cannot preprocess: %1").arg(QString::fromUtf8(e.what_without_backtrace()));
        out.hwc.clear();
    } catch (const std::bad_alloc &) {
        out.error = tr("image too large");
        out.hwc.clear();
    }
    return out;
}

PreparedImage prepareBgr(const cv::Mat &bgr, const Preprocessing &input)
{
    PreparedImage out;
    if (bgr.empty() || bgr.type() != CV_8UC3) {
        out.error = tr("no picture");
        return out;
    }
    try {
        const int height = input.height, width = input.width;
        if (height <= 0 || width <= 0) {
            out.error = tr("the model's input size is unknown");
            return out;
        }
        cv::Mat rgb; // never bgr's own buffer converted in place: the caller's picture stays as it was
        if (input.bgr)
            rgb = bgr;
        else
            cv::cvtColor(bgr, rgb, cv::COLOR_BGR2RGB);
        out.height = height;
        out.width = width;
        out.hwc.resize(static_cast<size_t>(height) * width * 3);
        c10::InferenceMode guard;
        // [1, H, W, 3] uint8 viewed as NCHW (channels_last in memory), scaled first, then resized: nsfwjs's order.
        if (!rgb.isContinuous())
            rgb = rgb.clone(); // a crop of a bigger picture
        const at::Tensor pixels = at::from_blob(rgb.data, {1, rgb.rows, rgb.cols, 3}, at::kByte).permute({0, 3, 1, 2});
        at::Tensor x = pixels.to(at::kFloat);
        if (input.scaling == Preprocessing::Scaling::Symmetric)
            x.div_(127.5f).sub_(1.0f);
        else
            x.div_(255.0f);
        if (rgb.rows != height || rgb.cols != width)
            x = at::upsample_bilinear2d(x, {height, width}, input.alignCorners);
        at::Tensor dst = at::from_blob(out.hwc.data(), {1, height, width, 3}, at::kFloat);
        dst.copy_(x.permute({0, 2, 3, 1}));
    } catch (const cv::Exception &e) {
        out.error = tr("cannot convert: %1").arg(QString::fromStdString(e.msg));
        out.hwc.clear();
    } catch (const c10::Error &e) {
        out.error = tr("cannot preprocess: %1").arg(QString::fromUtf8(e.what_without_backtrace()));
        out.hwc.clear();
    } catch (const std::bad_alloc &) {
        out.error = tr("image too large");
        out.hwc.clear();
    }
    return out;
}

PreparedImage prepareImageFile(const QString &path, const Preprocessing &input)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        PreparedImage out;
        out.error = tr("cannot open: %1").arg(file.errorString());
        return out;
    }
    return prepareImage(file.readAll(), input);
}

} // namespace nsfw
