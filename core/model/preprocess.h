#pragma once

#include "model/modelprofile.h"

#include <QByteArray>
#include <QString>

#include <vector>

namespace cv {
class Mat;
}

namespace nsfw {

/// An image ready for the network: floats in HWC order, resized to the model's input size, scaled and ordered as its
/// profile says (nsfwjs: RGB in [0, 1]).
struct PreparedImage {
    int height = 0;
    int width = 0;
    std::vector<float> hwc;
    QString error; ///< non-empty when the bytes could not be decoded

    bool ok() const { return error.isEmpty(); }
};

/// Decodes and preprocesses as the model's profile says; for nsfwjs's models exactly as nsfwjs does: RGB, divided by
/// 255, then bilinear resize with align_corners=true to height x width (skipped when the image already has that
/// size). The profile's other choices: BGR order, pixel / 127.5 - 1, half-pixel bilinear resize.
///
/// Decoding is OpenCV's imdecode with IMREAD_COLOR:
/// - alpha is dropped, not composited: a transparent pixel keeps its stored RGB, as with tfjs-node's
///   decodeImage(bytes, 3) and tf.browser.fromPixels(imageData, 3). (A browser <img> drawn on a canvas instead
///   gives black for fully transparent pixels.)
/// - grayscale and palette images are expanded to RGB; 16-bit images are reduced to 8 bits.
/// - JPEG EXIF orientation is applied (the picture is turned upright, as browsers show it); tfjs-node's
///   decodeImage ignores EXIF, so for rotated JPEGs our input is the upright picture, not the raw pixel grid.
PreparedImage prepareImage(const QByteArray &encoded, const Preprocessing &input);
/// The same from decoded 8-bit BGR pixels (a video frame, a GIF frame): what prepareImage does after decoding.
/// The trainer prepares its pictures through this too, so training and scoring see the same input.
PreparedImage prepareBgr(const cv::Mat &bgr, const Preprocessing &input);
/// Reads the file and calls prepareImage; the error names the problem (missing, unreadable, not an image).
PreparedImage prepareImageFile(const QString &path, const Preprocessing &input);

/// The scale (1, 2, 4 or 8) a JPEG of width x height is decoded at under Preprocessing::fastDecode: the largest
/// that leaves both sides at least the input's larger side, so the resize to the input never enlarges (both axes
/// are resized independently, aspect ignored, and EXIF may turn the picture); 1 without fastDecode.
int fastDecodeFactor(qint64 width, qint64 height, const Preprocessing &input);
/// Decodes image bytes to 8-bit BGR as prepareImage does (OpenCV's IMREAD_COLOR; a big JPEG at fastDecodeFactor's
/// reduced scale under fastDecode). Training decodes its files through this too. Empty when OpenCV cannot decode
/// them; cv::Exception passes through.
cv::Mat decodeForInput(const QByteArray &encoded, const Preprocessing &input);

} // namespace nsfw
