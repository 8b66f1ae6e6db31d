#pragma once

// Records of `predict` for videos and animated GIFs (JSON lines or CSV rows), apart from the command's parsing.
#include "media/videoverdict.h"
#include "model/classifier.h"
#include "model/videoscorer.h"

#include <QString>
#include <QStringList>

namespace nsfw::cli {

/// The files predict scores for its PATH arguments: files given directly are kept (so an unreadable one is
/// reported); folders are walked recursively for image, video and GIF files, each folder's finds sorted.
QStringList predictFiles(const QStringList &args);
/// An image's record as predict prints it (one JSON line, or one CSV row), newline included.
QString imageRecord(const ImageScore &s, const QStringList &classes, bool csv);

/// A field quoted for CSV when it needs to be.
QString csvField(const QString &s);
/// A JSON string literal (quotes included).
QString jsonString(const QString &s);
/// A score as predict prints it.
QString scoreText(double v);

/// One JSON line: path, kind, the verdict (nsfw, rule, flagged, threshold), sampling, frames, segments, cuts.
QString videoJsonLine(const VideoScores &video, const VideoVerdict &verdict, const VerdictOptions &options,
                      const QString &kind, const QString &sampling);
/// CSV rows, one per segment (a video without segments: one row with start, end and peak empty), in predict's
/// columns: path,nsfw,<classes...>,error,kind,start_ms,end_ms,peak,rule.
QString videoCsvRows(const VideoScores &video, const VideoVerdict &verdict, int classes, const QString &kind);

} // namespace nsfw::cli
