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

/// The middle 90 % of a picture: what a 4-6 % crop of each side keeps.
cv::Mat middle(const cv::Mat &picture)
{
    const int dx = int(std::lround(picture.cols * 0.05)), dy = int(std::lround(picture.rows * 0.05));
    if (picture.cols - 2 * dx < 1 || picture.rows - 2 * dy < 1)
        return picture;
    return picture(cv::Rect(dx, dy, picture.cols - 2 * dx, picture.rows - 2 * dy));
}

void greyThumbnail(const cv::Mat &bgr, PerceptualHash::Thumbnail &out)
{
    cv::Mat grey, small;
    cv::cvtColor(bgr, grey, cv::COLOR_BGR2GRAY);
    cv::resize(grey, small, cv::Size(PerceptualHash::kThumbnailSide, PerceptualHash::kThumbnailSide), 0, 0,
               cv::INTER_AREA);
    for (int i = 0; i < PerceptualHash::kThumbnailPixels; ++i)
        out[size_t(i)] = small.at<uchar>(i / PerceptualHash::kThumbnailSide, i % PerceptualHash::kThumbnailSide);
}

void colourGrid(const cv::Mat &bgr, std::array<qint8, 32> &out)
{
    cv::Mat grid, lab;
    cv::resize(bgr, grid, cv::Size(4, 4), 0, 0, cv::INTER_AREA);
    grid.convertTo(grid, CV_32FC3, 1.0 / 255);
    cv::cvtColor(grid, lab, cv::COLOR_BGR2Lab);
    for (int i = 0; i < 16; ++i) {
        const auto &c = lab.at<cv::Vec3f>(i / 4, i % 4);
        out[size_t(2 * i)] = qint8(std::clamp(std::lround(c[1]), -128L, 127L));
        out[size_t(2 * i + 1)] = qint8(std::clamp(std::lround(c[2]), -128L, 127L));
    }
}

/// Sums over the pixels of two thumbnails (or of some of their rows) that make their Pearson correlation.
struct Moments {
    qint64 n = 0, a = 0, b = 0, aa = 0, bb = 0, ab = 0;
    Moments operator+(const Moments &o) const { return {n + o.n, a + o.a, b + o.b, aa + o.aa, bb + o.bb, ab + o.ab}; }
    float correlation() const
    {
        const double va = double(n) * double(aa) - double(a) * double(a);
        const double vb = double(n) * double(bb) - double(b) * double(b);
        if (va <= 0 || vb <= 0)
            return 0.f;
        return float((double(n) * double(ab) - double(a) * double(b)) / std::sqrt(va * vb));
    }
};

/// Products of two thumbnails' grey levels, row by row.
std::array<qint32, PerceptualHash::kThumbnailSide> rowProducts(const PerceptualHash::Thumbnail &x,
                                                               const PerceptualHash::Thumbnail &y)
{
    constexpr int side = PerceptualHash::kThumbnailSide;
    std::array<qint32, side> out{};
    for (int r = 0; r < side; ++r) {
        qint32 sum = 0;
        for (int c = 0; c < side; ++c)
            sum += qint32(x[size_t(r * side + c)]) * qint32(y[size_t(r * side + c)]);
        out[size_t(r)] = sum;
    }
    return out;
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
    const cv::Mat trimmed = trimMargins(bgr);
    const std::array<cv::Mat, 2> views{bgr, trimmed};
    cv::Mat out;
    for (size_t v = 0; v < views.size(); ++v) {
        phash->compute(views[v], out);
        std::array<quint64, 1> p{};
        packBytes(out, p);
        h.phash[v] = p[0];
        blockMean->compute(views[v], out);
        packBytes(out, h.blockMean[v]);
    }
    greyThumbnail(trimmed, h.grey[Trimmed]);
    greyThumbnail(bgr, h.grey[Whole]);
    greyThumbnail(middle(trimmed), h.grey[TrimmedMiddle]);
    greyThumbnail(middle(bgr), h.grey[WholeMiddle]);
    colourGrid(trimmed, h.chroma[0]);
    colourGrid(bgr, h.chroma[1]);
    h.derive();
    h.valid = true;
    return h;
}

void PerceptualHash::derive()
{
    const Thumbnail &trimmed = grey[Trimmed];
    double mean = 0;
    for (quint8 g : trimmed)
        mean += g;
    mean /= double(trimmed.size());
    double norm = 0;
    for (size_t i = 0; i < trimmed.size(); ++i) {
        const double v = trimmed[i] - mean;
        thumbnail[i] = float(v);
        norm += v * v;
    }
    norm = std::sqrt(norm);
    for (float &v : thumbnail)
        v = norm > 1e-6 ? float(v / norm) : 0.f;
    detail = 0;
    for (View v : {Trimmed, Whole}) {
        const Thumbnail &g = grey[v];
        qint64 sum = 0;
        for (int r = 1; r + 1 < kThumbnailSide; ++r) {
            for (int c = 1; c + 1 < kThumbnailSide; ++c) {
                const auto at = [&](int y, int x) { return qint32(g[size_t(y * kThumbnailSide + x)]); };
                sum += std::abs(4 * at(r, c) - at(r - 1, c) - at(r + 1, c) - at(r, c - 1) - at(r, c + 1));
            }
        }
        detail = std::max(detail, float(double(sum) / double((kThumbnailSide - 2) * (kThumbnailSide - 2))));
    }
    for (size_t v = 0; v < grey.size(); ++v) {
        for (int r = 0; r < kThumbnailSide; ++r) {
            qint32 sum = 0, squares = 0;
            for (int c = 0; c < kThumbnailSide; ++c) {
                const qint32 g = grey[v][size_t(r * kThumbnailSide + c)];
                sum += g;
                squares += g * g;
            }
            m_rows[v].sum[size_t(r)] = sum;
            m_rows[v].squares[size_t(r)] = squares;
        }
    }
    for (size_t v = 0; v < chroma.size(); ++v) {
        m_chromaSums[v] = {};
        for (size_t i = 0; i < chroma[v].size(); ++i)
            m_chromaSums[v][i % 2] = qint16(m_chromaSums[v][i % 2] + chroma[v][i]);
    }
}

float PerceptualHash::viewCorrelation(const PerceptualHash &o) const
{
    constexpr int kBand = 2; // rows a caption band may cover, at the bottom or at the top
    // The sums of view vx of this and view vy of o over rows [from, to) of both thumbnails.
    auto moments = [&](View vx, View vy, const std::array<qint32, kThumbnailSide> &products, int from, int to) {
        Moments m;
        for (int r = from; r < to; ++r) {
            m.n += kThumbnailSide;
            m.a += m_rows[vx].sum[size_t(r)];
            m.b += o.m_rows[vy].sum[size_t(r)];
            m.aa += m_rows[vx].squares[size_t(r)];
            m.bb += o.m_rows[vy].squares[size_t(r)];
            m.ab += products[size_t(r)];
        }
        return m;
    };
    // Two views compared without their bottom rows and without their top rows, and also whole when `whole`: the
    // sums of the top band, the middle rows and the bottom band, added up three ways.
    auto best = [&](View vx, View vy, bool whole, float sofar) {
        const auto products = rowProducts(grey[vx], o.grey[vy]);
        const Moments top = moments(vx, vy, products, 0, kBand),
                      rows = moments(vx, vy, products, kBand, kThumbnailSide - kBand),
                      bottom = moments(vx, vy, products, kThumbnailSide - kBand, kThumbnailSide);
        sofar = std::max({sofar, (top + rows).correlation(), (rows + bottom).correlation()});
        return whole ? std::max(sofar, (top + rows + bottom).correlation()) : sofar;
    };
    float result = -1.f;
    // The same view of both (a resize, a recompression, a caption) ...
    for (View v : {Trimmed, Whole})
        result = best(v, v, false, result);
    // ... and each one's middle against the other's whole (a crop; and a crop against a captioned copy, whose band
    // the middle keeps half of).
    for (const auto &[vx, vy] : {std::pair{TrimmedMiddle, Trimmed}, std::pair{Trimmed, TrimmedMiddle},
                                 std::pair{WholeMiddle, Whole}, std::pair{Whole, WholeMiddle}})
        result = best(vx, vy, true, result);
    return result;
}

PerceptualHash::ChromaDistance PerceptualHash::chromaDistance(const PerceptualHash &o) const
{
    ChromaDistance d{1e9f, 1e9f};
    for (size_t v = 0; v < chroma.size(); ++v) {
        float sum = 0, largest = 0;
        for (size_t i = 0; i < chroma[v].size(); i += 2) {
            // Whole units below 256: the square root of the sum of squares is exact enough (std::hypot guards
            // against overflow, at many times the cost).
            const float da = float(chroma[v][i] - o.chroma[v][i]), db = float(chroma[v][i + 1] - o.chroma[v][i + 1]);
            const float cell = std::sqrt(da * da + db * db);
            sum += cell;
            largest = std::max(largest, cell);
        }
        d.mean = std::min(d.mean, sum / float(chroma[v].size() / 2));
        d.largest = std::min(d.largest, largest);
    }
    return d;
}

float PerceptualHash::chromaMeanBound(const PerceptualHash &o) const
{
    constexpr float kCells = float(std::tuple_size_v<decltype(chroma)::value_type> / 2);
    float bound = 1e9f;
    for (size_t v = 0; v < chroma.size(); ++v) {
        const float da = float(m_chromaSums[v][0] - o.m_chromaSums[v][0]);
        const float db = float(m_chromaSums[v][1] - o.m_chromaSums[v][1]);
        bound = std::min(bound, std::sqrt(da * da + db * db) / kCells);
    }
    return bound;
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
    for (const Thumbnail &t : grey)
        bytes.append(reinterpret_cast<const char *>(t.data()), qsizetype(t.size()));
    for (const auto &c : chroma)
        bytes.append(reinterpret_cast<const char *>(c.data()), qsizetype(c.size()));
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
    for (Thumbnail &t : h.grey) {
        std::memcpy(t.data(), p, t.size());
        p += t.size();
    }
    for (auto &c : h.chroma) {
        std::memcpy(c.data(), p, c.size());
        p += c.size();
    }
    h.derive();
    h.valid = true;
    return h;
}

} // namespace nsfw
