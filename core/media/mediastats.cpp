#include "mediastats.h"

#include "mediadecoder.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <vector>

namespace nsfw {

namespace {

/// The value at fraction p (0..1) of a 256-bin histogram of n values (nearest rank).
int histogramPercentile(const std::array<qint64, 256> &histogram, qint64 n, double p)
{
    const qint64 rank = std::min<qint64>(n - 1, qint64(p * double(n - 1) + 0.5));
    qint64 seen = 0;
    for (int v = 0; v < 256; ++v) {
        seen += histogram[size_t(v)];
        if (seen > rank)
            return v;
    }
    return 255;
}

double standardDeviation(double sum, double sumSquares, double n)
{
    const double mean = sum / n;
    return std::sqrt(std::max(0.0, sumSquares / n - mean * mean));
}

} // namespace

double MediaStats::aspect() const
{
    if (width <= 0 || height <= 0)
        return 0;
    return std::min(double(width) / height, double(height) / width);
}

double MediaStats::side() const
{
    return std::sqrt(double(std::max(0, width)) * double(std::max(0, height)));
}

MediaStats MediaStats::of(const cv::Mat &picture, int width, int height)
{
    MediaStats s;
    if (picture.empty() || picture.depth() != CV_8U)
        return s;
    cv::Mat bgr = picture;
    if (picture.channels() == 1)
        cv::cvtColor(picture, bgr, cv::COLOR_GRAY2BGR);
    else if (picture.channels() == 4)
        cv::cvtColor(picture, bgr, cv::COLOR_BGRA2BGR);
    s.width = width > 0 ? width : picture.cols;
    s.height = height > 0 ? height : picture.rows;

    const cv::Mat small = MediaDecoder::fitWithin(bgr, kMeasureSide);
    std::array<qint64, 256> greyLevels{}, brightLevels{}, chromaLevels{};
    double brightSum = 0, greySum = 0, greySquares = 0;
    double rgSum = 0, rgSquares = 0, ybSum = 0, ybSquares = 0;
    for (int y = 0; y < small.rows; ++y) {
        const auto *row = small.ptr<cv::Vec3b>(y);
        for (int x = 0; x < small.cols; ++x) {
            const double b = row[x][0], g = row[x][1], r = row[x][2];
            const double bright = std::sqrt(0.241 * r * r + 0.691 * g * g + 0.068 * b * b);
            brightSum += bright;
            ++brightLevels[size_t(std::clamp(int(bright + 0.5), 0, 255))];
            // Rec. 601 luma, as cv::COLOR_BGR2GRAY and PIL's convert("L").
            const int grey = std::clamp(int(0.299 * r + 0.587 * g + 0.114 * b + 0.5), 0, 255);
            ++greyLevels[size_t(grey)];
            greySum += grey;
            greySquares += double(grey) * grey;
            const int hi = std::max({row[x][0], row[x][1], row[x][2]});
            const int lo = std::min({row[x][0], row[x][1], row[x][2]});
            ++chromaLevels[size_t(hi - lo)];
            const double rg = r - g, yb = 0.5 * (r + g) - b;
            rgSum += rg;
            rgSquares += rg * rg;
            ybSum += yb;
            ybSquares += yb * yb;
        }
    }
    const qint64 n = qint64(small.total());
    const double dn = double(n);
    s.brightness = brightSum / dn / 255;
    s.contrast = standardDeviation(greySum, greySquares, dn) / 255;
    s.brightP5 = histogramPercentile(brightLevels, n, 0.05) / 255.0;
    s.brightP99 = histogramPercentile(brightLevels, n, 0.99) / 255.0;
    for (qint64 count : greyLevels) {
        if (count > 0) {
            const double p = double(count) / dn;
            s.entropy -= p * std::log2(p);
        }
    }
    // Hasler and Suesstrunk (2003): the spread and the mean of the opponent colours rg and yb.
    const double sigma = std::hypot(standardDeviation(rgSum, rgSquares, dn), standardDeviation(ybSum, ybSquares, dn));
    const double mu = std::hypot(rgSum / dn, ybSum / dn);
    s.colourfulness = sigma + 0.3 * mu;
    s.chroma = histogramPercentile(chromaLevels, n, 0.999);
    // Sharpness at a fixed scale: a picture decoded at a quarter of its size has four times sharper edges.
    cv::Mat grey, laplacian;
    cv::cvtColor(small, grey, cv::COLOR_BGR2GRAY);
    cv::Laplacian(grey, laplacian, CV_32F, 1, 1, 0, cv::BORDER_REPLICATE);
    cv::Scalar mean, deviation;
    cv::meanStdDev(laplacian, mean, deviation);
    const double greyDeviation = s.contrast * 255;
    s.sharpness = greyDeviation > 0.5 ? deviation[0] / greyDeviation : 0;
    s.valid = true;
    return s;
}

QByteArray MediaStats::toJson() const
{
    const QJsonObject o{{QStringLiteral("width"), width},
                        {QStringLiteral("height"), height},
                        {QStringLiteral("brightness"), brightness},
                        {QStringLiteral("contrast"), contrast},
                        {QStringLiteral("brightP5"), brightP5},
                        {QStringLiteral("brightP99"), brightP99},
                        {QStringLiteral("entropy"), entropy},
                        {QStringLiteral("sharpness"), sharpness},
                        {QStringLiteral("colourfulness"), colourfulness},
                        {QStringLiteral("chroma"), chroma}};
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

MediaStats MediaStats::fromJson(const QByteArray &json)
{
    MediaStats s;
    const QJsonObject o = QJsonDocument::fromJson(json).object();
    for (const char *key : {"width", "height", "brightness", "contrast", "brightP5", "brightP99", "entropy",
                            "sharpness", "colourfulness", "chroma"}) {
        if (!o.value(QLatin1String(key)).isDouble())
            return s;
    }
    s.width = o.value(QLatin1String("width")).toInt();
    s.height = o.value(QLatin1String("height")).toInt();
    s.brightness = o.value(QLatin1String("brightness")).toDouble();
    s.contrast = o.value(QLatin1String("contrast")).toDouble();
    s.brightP5 = o.value(QLatin1String("brightP5")).toDouble();
    s.brightP99 = o.value(QLatin1String("brightP99")).toDouble();
    s.entropy = o.value(QLatin1String("entropy")).toDouble();
    s.sharpness = o.value(QLatin1String("sharpness")).toDouble();
    s.colourfulness = o.value(QLatin1String("colourfulness")).toDouble();
    s.chroma = o.value(QLatin1String("chroma")).toDouble();
    s.valid = true;
    return s;
}

} // namespace nsfw
