#include "model/preprocess.h"

#include "media/imageheader.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QFile>
#include <QImageReader>

#include <opencv2/imgcodecs.hpp>

#include <c10/util/Exception.h>

#include <algorithm>

namespace nsfw {

namespace {
constexpr qint64 kMaxPixels = 100'000'000;

QString tr(const char *text)
{
    // lupdate files the strings of a free tr() helper under the enclosing namespace: look them up there.
    return QCoreApplication::translate("nsfw", text);
}

/// One axis of a bilinear resize: for each output position the two source positions and the weight of the second,
/// as tf.js's resizeBilinear computes them (in double precision: nsfwjs's reference scores came from it), with
/// align_corners or half-pixel centres.
struct LinearTaps {
    std::vector<int> i0, i1;
    std::vector<double> frac;
};

LinearTaps linearTaps(int in, int out, bool alignCorners)
{
    LinearTaps t;
    t.i0.resize(size_t(out));
    t.i1.resize(size_t(out));
    t.frac.resize(size_t(out));
    const double scale = alignCorners ? (out > 1 ? double(in - 1) / double(out - 1) : 0.0) : double(in) / double(out);
    for (int d = 0; d < out; ++d) {
        const double src = alignCorners ? scale * double(d) : std::max(scale * (double(d) + 0.5) - 0.5, 0.0);
        const int i = std::min(static_cast<int>(src), in - 1); // src >= 0: the cast is floor
        t.i0[size_t(d)] = i;
        t.i1[size_t(d)] = std::min(i + 1, in - 1);
        t.frac[size_t(d)] = std::clamp(src - double(i), 0.0, 1.0);
    }
    return t;
}

/// Scales and resizes 8-bit BGR straight into `out` (HWC floats): the pixels scaled to floats, then interpolated
/// as tf.js does (top, bottom, then between them; weights in double precision), at the cost of the output's pixels
/// only. A big picture is never converted whole to floats: that took longer than decoding some JPEGs. ATen's
/// upsample_bilinear2d, used before, computes the weights in single precision: up to ~1e-5 away from these.
void scaleAndResize(const cv::Mat &bgr, const Preprocessing &input, float *out)
{
    float lut[256];
    for (int v = 0; v < 256; ++v)
        lut[v] = input.scaling == Preprocessing::Scaling::Symmetric ? float(v) / 127.5f - 1.0f : float(v) / 255.0f;
    // Output channel c reads source channel order[c]: R, G, B from B, G, R unless the model wants BGR.
    const int order[3] = {input.bgr ? 0 : 2, 1, input.bgr ? 2 : 0};
    const int height = input.height, width = input.width;
    if (bgr.rows == height && bgr.cols == width) { // no resize, as ATen's path skipped it
        for (int y = 0; y < height; ++y) {
            const uchar *row = bgr.ptr<uchar>(y);
            for (int x = 0; x < width; ++x, out += 3) {
                for (int c = 0; c < 3; ++c)
                    out[c] = lut[row[3 * x + order[c]]];
            }
        }
        return;
    }
    const LinearTaps ys = linearTaps(bgr.rows, height, input.alignCorners);
    const LinearTaps xs = linearTaps(bgr.cols, width, input.alignCorners);
    for (int y = 0; y < height; ++y) {
        const uchar *r0 = bgr.ptr<uchar>(ys.i0[size_t(y)]);
        const uchar *r1 = bgr.ptr<uchar>(ys.i1[size_t(y)]);
        const double rowFrac = ys.frac[size_t(y)];
        for (int x = 0; x < width; ++x, out += 3) {
            const int a = 3 * xs.i0[size_t(x)], b = 3 * xs.i1[size_t(x)];
            const double colFrac = xs.frac[size_t(x)];
            for (int c = 0; c < 3; ++c) {
                const int k = order[c];
                const double topLeft = lut[r0[a + k]], top = topLeft + (lut[r0[b + k]] - topLeft) * colFrac;
                const double bottomLeft = lut[r1[a + k]], bottom = bottomLeft + (lut[r1[b + k]] - bottomLeft) * colFrac;
                out[c] = float(top + (bottom - top) * rowFrac);
            }
        }
    }
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
        const cv::Mat bgr = decodeForInput(encoded, input);
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
        out.height = height;
        out.width = width;
        out.hwc.resize(static_cast<size_t>(height) * width * 3);
        // nsfwjs's order, scaled first, then resized; bgr is only read (the caller's picture stays as it was).
        scaleAndResize(bgr, input, out.hwc.data());
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

int fastDecodeFactor(qint64 width, qint64 height, const Preprocessing &input)
{
    if (!input.fastDecode)
        return 1;
    const qint64 need = std::max(1, std::max(input.width, input.height));
    for (int factor : {8, 4, 2}) {
        // libjpeg's scaled size is the size divided, rounded up.
        if ((width + factor - 1) / factor >= need && (height + factor - 1) / factor >= need)
            return factor;
    }
    return 1;
}

cv::Mat decodeForInput(const QByteArray &encoded, const Preprocessing &input)
{
    int flags = cv::IMREAD_COLOR;
    if (input.fastDecode) {
        const ImageHeader header = readImageHeader(encoded);
        if (header.format == ImageHeader::Format::Jpeg) {
            switch (fastDecodeFactor(header.width, header.height, input)) {
            case 8:
                flags = cv::IMREAD_REDUCED_COLOR_8;
                break;
            case 4:
                flags = cv::IMREAD_REDUCED_COLOR_4;
                break;
            case 2:
                flags = cv::IMREAD_REDUCED_COLOR_2;
                break;
            default:
                break;
            }
        }
    }
    const cv::Mat raw(1, static_cast<int>(encoded.size()), CV_8UC1, const_cast<char *>(encoded.constData()));
    return cv::imdecode(raw, flags);
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
