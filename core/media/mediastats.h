#pragma once

#include <QByteArray>
#include <QtGlobal>

#include <opencv2/core/mat.hpp>

namespace nsfw {

/// What the dataset health checks measure of one picture (an image, or a video's first frame). The pixel measures are
/// taken from a copy no larger than kMeasureSide (area-averaged), so they do not depend on the resolution the picture
/// was decoded at (the importer decodes big JPEGs reduced); the size is the original's. Brightness follows
/// cleanvision's perceived brightness, sqrt(0.241 R^2 + 0.691 G^2 + 0.068 B^2), so its thresholds carry over.
struct MediaStats {
    int width = 0;         ///< of the original
    int height = 0;        ///< of the original
    double brightness = 0; ///< mean perceived brightness, 0..1
    double contrast = 0;   ///< standard deviation of the grey levels, 0..1
    double brightP5 = 0;   ///< 5th percentile of the perceived brightness, 0..1
    double brightP99 = 0;  ///< 99th percentile of the perceived brightness, 0..1
    double entropy = 0;    ///< Shannon entropy of the 256-level grey histogram, bits (0..8)
    /// Standard deviation of the grey Laplacian over that of the grey levels: fine detail against overall contrast,
    /// so that neither a dark nor a low-contrast picture looks blurry for that alone (0 for a uniform one)
    double sharpness = 0;
    double colourfulness = 0; ///< Hasler and Suesstrunk's colourfulness (0: grey; 20s: muted; 100+: vivid)
    /// 99.9th percentile of max(B,G,R) - min(B,G,R), 0..255: ~0 for a grey picture (a drawing in black on white with
    /// a coloured spot of a thousandth of the picture is not)
    double chroma = 0;
    bool valid = false;

    static constexpr int kMeasureSide = 256;

    /// min(w/h, h/w): 1 for a square, 0.25 for a 4:1 strip; 0 when the size is unknown.
    double aspect() const;
    /// sqrt(width * height): the side of a square of as many pixels.
    double side() const;

    /// Of an 8-bit BGR (or grey) picture and its original size; invalid for an empty one.
    static MediaStats of(const cv::Mat &picture, int width, int height);

    /// What is computed, and how: stored stats of another version are computed again.
    static constexpr int kVersion = 1;
    /// As stored (media_stats.stats): a JSON object by measure name.
    QByteArray toJson() const;
    /// Invalid when the text is no object of this version's measures.
    static MediaStats fromJson(const QByteArray &json);
};

} // namespace nsfw
