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
/// two pictures are as close as the closer of the two views. And a finer look: 16x16 grey thumbnails of both views
/// and of their middle 90 % (what a 4-6 % crop keeps), compared by correlation (brightness and contrast do not
/// count), and the colours of both views on a 4x4 grid.
struct PerceptualHash {
    /// [0]: the whole picture; [1]: without its uniform margins.
    std::array<quint64, 2> phash{};
    std::array<std::array<quint64, 4>, 2> blockMean{};
    static constexpr int kThumbnailSide = 16;
    static constexpr int kThumbnailPixels = kThumbnailSide * kThumbnailSide;
    using Thumbnail = std::array<quint8, kThumbnailPixels>;
    enum View { Trimmed, Whole, TrimmedMiddle, WholeMiddle, ViewCount };
    /// The thumbnails in grey levels, as stored: [Trimmed] the view without margins, [Whole] the whole picture, and
    /// the middle 90 % of each.
    std::array<Thumbnail, ViewCount> grey{};
    /// The trimmed view's thumbnail as the fast search compares it: zero mean and unit length (all zero when
    /// uniform).
    std::array<float, kThumbnailPixels> thumbnail{};
    /// The colours of the trimmed [0] and the whole [1] view: CIELAB a* and b* of a 4x4 grid (what gamma and
    /// brightness change least), rounded to whole units.
    std::array<std::array<qint8, 32>, 2> chroma{};
    /// How much detail the picture has: the mean absolute Laplacian of its whole or trimmed thumbnail, the larger, in
    /// grey levels (a patch of sky or a blurred background: below 3; clip art: mostly 20 to 100).
    float detail = 0;
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

    /// Pearson correlation of the trimmed views' thumbnails (-1..1; 0 when either is uniform).
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

    /// The correlation of the best-aligned views (-1..1): the trimmed views and the whole views, each without their
    /// two bottom rows or their two top rows (where a caption goes), and each view's middle against the other's
    /// whole (a crop), all of them and without those rows (a crop against a captioned copy). What a copy keeps of its
    /// original, however it was cut or captioned.
    float viewCorrelation(const PerceptualHash &o) const;

    /// How far the colours are: the mean and the largest distance of the grid cells in the a*b* plane, each of the
    /// closer view (0 for the same colours; about 2.3 is a just noticeable difference, a primary against grey is
    /// 60-100).
    struct ChromaDistance {
        float mean = 0, largest = 0;
    };
    ChromaDistance chromaDistance(const PerceptualHash &o) const;
    /// A lower bound of chromaDistance(o).mean at a fraction of its cost: the distance of the grids' mean colours, the
    /// closer view (the mean of the cells' distances is never below the distance of their means).
    float chromaMeanBound(const PerceptualHash &o) const;

    /// Of an 8-bit BGR (or grey) picture; invalid for an empty one.
    static PerceptualHash of(const cv::Mat &picture);

    /// What is computed, and how: stored hashes of another version are computed again.
    static constexpr int kVersion = 2;
    /// The block-mean hashes, the grey thumbnails and the colour grids in kSignatureBytes bytes (the pHashes are
    /// stored apart, as integers).
    static constexpr int kSignatureBytes = 2 * 32 + ViewCount * kThumbnailPixels + 2 * 32;
    QByteArray signature() const;
    /// From the stored parts; invalid when the signature has the wrong size.
    static PerceptualHash fromStored(quint64 phashWhole, quint64 phashTrimmed, const QByteArray &signature);

private:
    /// Sums of each thumbnail's grey levels and their squares, row by row, for correlations over parts of them.
    struct RowSums {
        std::array<qint32, kThumbnailSide> sum{}, squares{};
    };
    std::array<RowSums, ViewCount> m_rows{};
    /// Each colour grid's a* and b* summed over its cells.
    std::array<std::array<qint16, 2>, 2> m_chromaSums{};
    void derive();
};

} // namespace nsfw
