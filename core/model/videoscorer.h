#pragma once

#include "media/videosampler.h"
#include "media/videoverdict.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

namespace nsfw {

class Classifier;

/// A video's (or an animated GIF's) sampled frames with their scores.
struct VideoScores {
    QString path;
    VideoSampling sampling;   ///< the frames chosen and the cuts found
    QList<FrameScore> frames; ///< the chosen frames that could be scored, in time order
    QString error;            ///< set when no frame could be scored
    bool ok() const { return error.isEmpty(); }
};

/// Samples a video or GIF in one pass and scores the frames chosen with the classifier, a batch at a time as the pass
/// finds them (so memory holds one batch of frames, not the video).
class VideoScorer
{
    Q_DECLARE_TR_FUNCTIONS(nsfw::VideoScorer)

public:
    static VideoScores score(Classifier &classifier, const QString &path, const SamplingOptions &options);
};

} // namespace nsfw
