#pragma once

#include <QJsonObject>
#include <QString>

namespace nsfw {
class Classifier;
}

namespace nsfw::cli {

/// `benchmark predict --videos`: writes test videos into `dir` (one with a key frame every 12 frames, one every 250
/// as cameras and x264 write them) and measures predict's video path on them: scene sampling, and fixed sampling at
/// strides of 25 and 100 frames read sequentially, by seeking, and as FrameSeeking::Auto chooses; the frames/s of
/// the video covered and of the frames scored, medians over `repeats`; the Python peer (PyAV, sequential) when
/// `python`. Prints a line per figure unless `quiet`.
QJsonObject benchmarkVideo(Classifier &classifier, const QString &dir, int repeats, bool python, bool quiet);

} // namespace nsfw::cli
