#include "perceptualhash.h"

#include <opencv2/img_hash.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <array>

namespace nsfw {

namespace {

/// img_hash's output bytes as 64-bit words, the first byte in the lowest bits.
template <size_t N>
void packBytes(const cv::Mat &bytes, std::array<quint64, N> &words)
{
    words.fill(0);
    const auto *p = bytes.ptr<uchar>();
    const size_t n = std::min(size_t(bytes.total()), N * 8);
    for (size_t i = 0; i < n; ++i)
        words[i / 8] |= quint64(p[i]) << (8 * (i % 8));
}

/// The picture without uniform margins: a border someone added, or the empty page around a drawing. Twice, so a
/// border around a drawing on white goes and then the white. Kept whole when nothing but margin would remain.
cv::Mat trimMargins(const cv::Mat &bgr)
{
    cv::Mat grey;
    cv::cvtColor(bgr, grey, cv::COLOR_BGR2GRAY);
    cv::Rect box(0, 0, grey.cols, grey.rows);
    for (int pass = 0; pass < 2; ++pass) {
        const cv::Mat g = grey(box);
        if (g.cols < 16 || g.rows < 16)
            break;
        // The margin's colour: the median of the four corners.
        std::array<int, 4> corners{g.at<uchar>(0, 0), g.at<uchar>(0, g.cols - 1), g.at<uchar>(g.rows - 1, 0),
                                   g.at<uchar>(g.rows - 1, g.cols - 1)};
        std::sort(corners.begin(), corners.end());
        const int margin = (corners[1] + corners[2]) / 2;
        cv::Mat content;
        cv::absdiff(g, cv::Scalar(margin), content);
        cv::threshold(content, content, 24, 255, cv::THRESH_BINARY);
        const cv::Rect inner = cv::boundingRect(content);
        if (inner.width < 8 || inner.height < 8 || inner == cv::Rect(0, 0, g.cols, g.rows))
            break;
        box = cv::Rect(box.x + inner.x, box.y + inner.y, inner.width, inner.height);
    }
    return bgr(box);
}

} // namespace

PerceptualHash PerceptualHash::of(const cv::Mat &picture)
{
    PerceptualHash h;
    if (picture.empty())
        return h;
    cv::Mat bgr = picture;
    if (picture.channels() == 1)
        cv::cvtColor(picture, bgr, cv::COLOR_GRAY2BGR);
    // Thread-local algorithm objects: creating them allocates, and one object is not safe on two threads.
    thread_local const cv::Ptr<cv::img_hash::PHash> phash = cv::img_hash::PHash::create();
    thread_local const cv::Ptr<cv::img_hash::BlockMeanHash> blockMean =
        cv::img_hash::BlockMeanHash::create(cv::img_hash::BLOCK_MEAN_HASH_MODE_0);
    const std::array<cv::Mat, 2> views{bgr, trimMargins(bgr)};
    cv::Mat out;
    for (size_t v = 0; v < views.size(); ++v) {
        phash->compute(views[v], out);
        std::array<quint64, 1> p{};
        packBytes(out, p);
        h.phash[v] = p[0];
        blockMean->compute(views[v], out);
        packBytes(out, h.blockMean[v]);
    }
    cv::Mat grey, small;
    cv::cvtColor(views[1], grey, cv::COLOR_BGR2GRAY);
    cv::resize(grey, small, cv::Size(kThumbnailSide, kThumbnailSide), 0, 0, cv::INTER_AREA);
    for (int i = 0; i < kThumbnailSide * kThumbnailSide; ++i)
        h.grey[size_t(i)] = small.at<uchar>(i / kThumbnailSide, i % kThumbnailSide);
    h.normaliseThumbnail();
    cv::Mat grid, lab;
    cv::resize(views[1], grid, cv::Size(4, 4), 0, 0, cv::INTER_AREA);
    grid.convertTo(grid, CV_32FC3, 1.0 / 255);
    cv::cvtColor(grid, lab, cv::COLOR_BGR2Lab);
    for (int i = 0; i < 16; ++i) {
        const auto &c = lab.at<cv::Vec3f>(i / 4, i % 4);
        h.chroma[size_t(2 * i)] = qint8(std::clamp(std::lround(c[1]), -128L, 127L));
        h.chroma[size_t(2 * i + 1)] = qint8(std::clamp(std::lround(c[2]), -128L, 127L));
    }
    h.valid = true;
    return h;
}

void PerceptualHash::normaliseThumbnail()
{
    double mean = 0;
    for (quint8 g : grey)
        mean += g;
    mean /= double(grey.size());
    double norm = 0;
    for (size_t i = 0; i < grey.size(); ++i) {
        const double v = grey[i] - mean;
        thumbnail[i] = float(v);
        norm += v * v;
    }
    norm = std::sqrt(norm);
    for (float &v : thumbnail)
        v = norm > 1e-6 ? float(v / norm) : 0.f;
}

QByteArray PerceptualHash::signature() const
{
    QByteArray bytes;
    bytes.reserve(kSignatureBytes);
    for (const auto &words : blockMean) {
        for (quint64 w : words) {
            for (int b = 0; b < 8; ++b)
                bytes.append(char((w >> (8 * b)) & 0xff));
        }
    }
    bytes.append(reinterpret_cast<const char *>(grey.data()), qsizetype(grey.size()));
    bytes.append(reinterpret_cast<const char *>(chroma.data()), qsizetype(chroma.size()));
    return bytes;
}

PerceptualHash PerceptualHash::fromStored(quint64 phashWhole, quint64 phashTrimmed, const QByteArray &signature)
{
    PerceptualHash h;
    if (signature.size() != kSignatureBytes)
        return h;
    h.phash = {phashWhole, phashTrimmed};
    const auto *p = reinterpret_cast<const uchar *>(signature.constData());
    for (auto &words : h.blockMean) {
        for (quint64 &w : words) {
            w = 0;
            for (int b = 0; b < 8; ++b)
                w |= quint64(*p++) << (8 * b);
        }
    }
    std::memcpy(h.grey.data(), p, h.grey.size());
    p += h.grey.size();
    std::memcpy(h.chroma.data(), p, h.chroma.size());
    h.normaliseThumbnail();
    h.valid = true;
    return h;
}

} // namespace nsfw
