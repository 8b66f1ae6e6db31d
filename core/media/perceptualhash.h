#pragma once

#include <QByteArray>
#include <QtGlobal>

#include <opencv2/core/mat.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <QtAlgorithms>

namespace nsfw {

/// Perceptual hashes of a picture (OpenCV's contrib img_hash), for finding near-copies: the same picture resized,
/// recompressed, slightly cropped, brightened, captioned or bordered. Two complementary views:
/// - pHash: the signs of the 8x8 lowest frequencies of the DCT of a 32x32 grey thumbnail (64 bits). Robust to
///   scaling, compression, blur and brightness; a crop or a border shifts it.
/// - block mean: 16x16 blocks of a 256x256 grey thumbnail, each above or below the median (256 bits). Coarser in
///   frequency, finer in space.
/// Both are computed from the picture as the tool shows it (alpha over white), once whole and once without its uniform
/// margins (a border someone added, the empty page around a drawing, which a crop or a frame would otherwise shift);
/// two pictures are as close as the closer of the two views. And a third, finer look: a 16x16 grey thumbnail of the
/// trimmed view, compared by correlation (brightness and contrast do not count).
struct PerceptualHash {
    /// [0]: the whole picture; [1]: without its uniform margins.
    std::array<quint64, 2> phash{};
    std::array<std::array<quint64, 4>, 2> blockMean{};
    static constexpr int kThumbnailSide = 16;
    /// The trimmed view in kThumbnailSide^2 grey levels, as stored ...
    std::array<quint8, kThumbnailSide * kThumbnailSide> grey{};
    /// ... and as compared: zero mean and unit length (all zero when uniform).
    std::array<float, kThumbnailSide * kThumbnailSide> thumbnail{};
    /// The colour of the trimmed view: CIELAB a* and b* of a 4x4 grid (what gamma and brightness change least),
    /// rounded to whole units.
    std::array<qint8, 32> chroma{};
    bool valid = false;

    static constexpr int kBlockMeanBits = 256;

    /// Bits that differ (0-64), the closer of the whole and the trimmed views.
    int phashDistance(const PerceptualHash &o) const
    {
        return std::min(int(qPopulationCount(phash[0] ^ o.phash[0])), int(qPopulationCount(phash[1] ^ o.phash[1])));
    }
    /// Bits that differ (0-256), the closer of the whole and the trimmed views.
    int blockMeanDistance(const PerceptualHash &o) const
    {
        int best = kBlockMeanBits;
        for (size_t v = 0; v < 2; ++v) {
            int d = 0;
            for (size_t i = 0; i < 4; ++i)
                d += int(qPopulationCount(blockMean[v][i] ^ o.blockMean[v][i]));
            best = std::min(best, d);
        }
        return best;
    }

    /// Pearson correlation of the thumbnails (-1..1; 0 when either is uniform).
    float thumbnailCorrelation(const PerceptualHash &o) const
    {
        // Eight running sums, added in a fixed order: the compiler vectorises them, and the result does not depend
        // on the caller.
        std::array<float, 8> sum{};
        for (size_t i = 0; i < thumbnail.size(); i += 8) {
            for (size_t k = 0; k < 8; ++k)
                sum[k] += thumbnail[i + k] * o.thumbnail[i + k];
        }
        return ((sum[0] + sum[1]) + (sum[2] + sum[3])) + ((sum[4] + sum[5]) + (sum[6] + sum[7]));
    }

    /// Mean distance of the grid cells' colours in the a*b* plane (0 for the same colours; about 2.3 is a just
    /// noticeable difference, a primary against grey is 60-100).
    float chromaDistance(const PerceptualHash &o) const
    {
        float sum = 0;
        for (size_t i = 0; i < chroma.size(); i += 2)
            sum += std::hypot(float(chroma[i] - o.chroma[i]), float(chroma[i + 1] - o.chroma[i + 1]));
        return sum / float(chroma.size() / 2);
    }

    /// Of an 8-bit BGR (or grey) picture; invalid for an empty one.
    static PerceptualHash of(const cv::Mat &picture);

    /// What is computed, and how: stored hashes of another version are computed again.
    static constexpr int kVersion = 1;
    /// The block-mean hashes, the grey thumbnail and the colour grid in kSignatureBytes bytes (the pHashes are
    /// stored apart, as integers).
    static constexpr int kSignatureBytes = 2 * 32 + kThumbnailSide * kThumbnailSide + 32;
    QByteArray signature() const;
    /// From the stored parts; invalid when the signature has the wrong size.
    static PerceptualHash fromStored(quint64 phashWhole, quint64 phashTrimmed, const QByteArray &signature);

private:
    void normaliseThumbnail();
};

} // namespace nsfw
