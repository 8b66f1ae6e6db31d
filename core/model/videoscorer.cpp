#include "model/videoscorer.h"

#include "media/mediadecoder.h"
#include "model/classifier.h"

#include <QFileInfo>
#include <QHash>

#include <opencv2/core/mat.hpp>

#include <vector>

namespace nsfw {

namespace {
/// Frames waiting for the network hold at most this many pixels (about 200 MB as BGR), however large the video.
constexpr qint64 kPendingPixels = 64'000'000;
} // namespace

VideoScores VideoScorer::score(Classifier &classifier, const QString &path, const SamplingOptions &options)
{
    VideoScores out;
    out.path = path;
    const size_t batch = size_t(std::max(1, classifier.options().batchSize));
    std::vector<cv::Mat> pending;
    std::vector<qint64> pendingIndex;
    qint64 pendingPixels = 0;
    QHash<qint64, double> scores;
    QString lastError;
    auto flush = [&] {
        if (pending.empty())
            return;
        const std::vector<ImageScore> results = classifier.classifyPixels(pending);
        for (size_t i = 0; i < results.size(); ++i) {
            if (results[i].ok())
                scores.insert(pendingIndex[i], double(results[i].nsfw));
            else
                lastError = results[i].error;
        }
        pending.clear();
        pendingIndex.clear();
        pendingPixels = 0;
    };
    const SampledFrameSink sink = [&](const SampledFrame &frame, const cv::Mat &bgr) {
        pending.push_back(bgr.clone());
        pendingIndex.push_back(frame.index);
        pendingPixels += qint64(bgr.cols) * bgr.rows;
        if (pending.size() >= batch || pendingPixels >= kPendingPixels)
            flush();
    };
    const bool gif = QFileInfo(path).suffix().compare(QLatin1String("gif"), Qt::CaseInsensitive) == 0;
    out.sampling = gif ? VideoSampler::sampleGif(path, options, sink) : VideoSampler::sampleVideo(path, options, sink);
    flush();
    if (!out.sampling.ok()) {
        out.error = out.sampling.error;
        return out;
    }
    for (const SampledFrame &f : out.sampling.frames) {
        const auto it = scores.constFind(f.index);
        if (it != scores.constEnd())
            out.frames.append({f.index, f.ms, it.value()});
    }
    if (out.frames.isEmpty())
        out.error = lastError.isEmpty() ? tr("no frame could be scored") : lastError;
    return out;
}

} // namespace nsfw
