#pragma once

#include "common/types.h"

#include <QCoreApplication>
#include <QString>
#include <QVector>

#include <functional>

namespace nsfw {

class ProjectDatabase;

/// How a project's labeled pictures are written out for other trainers.
struct DatasetExportOptions {
    enum class Format {
        Folders, ///< DIR/safe/, DIR/nsfw/ (DIR/train/..., DIR/val/... with split)
        Csv      ///< DIR/manifest.csv and the pictures in DIR/media/
    };
    Format format = Format::Folders;
    /// train/ and val/ by the grouped split training uses (`train --folds 1` with this fraction and seed): a video's
    /// frames and a group of near-copies always on one side.
    bool split = false;
    bool copy = false; ///< copy the bytes; false: symbolic links to the project's files (frames are always JPEG files)
    bool includeUnsure = false;
    bool includeUnlabeled = false;
    bool replace = false; ///< replace a folder this tool wrote before (never any other)
    double validationFraction = 0.2;
    quint64 seed = 1;
    int threads = 0; ///< 0: one per core
};

/// One exported picture.
struct DatasetEntry {
    qint64 itemId = 0;
    QString file;               ///< relative to the output folder, '/'-separated
    QString source;             ///< the project's reference: the stored path, or "<video path>#frame=N"
    Label label = Label::None;  ///< a frame without a label of its own takes its video's, as training does
    QString split;              ///< "train", "val", or "" (no split asked; unsure and unlabeled items are in none)
    int annotators = 0;         ///< annotators whose latest label of the item (or of its video) is a label
    double agreement = qQNaN(); ///< the share of them whose label is `label`; NaN with fewer than two
    bool isFrame = false;
};

struct DatasetExportResult {
    bool ok = false;
    QString error;                      ///< when not ok: why nothing was written
    QVector<DatasetEntry> entries;      ///< what was written, in item order
    QVector<UnreadableItem> unreadable; ///< reported and skipped; the rest is written
    qint64 hidden = 0; ///< items a person kept out of training (near-copies): left out, as training leaves them out
};

/// Writes a project's labeled images and video frames as a dataset folder other trainers read: one folder per
/// label, or a CSV manifest with the label, split and annotator agreement of each file. Images are linked or copied
/// under their own names (a clash gets "-<item id>" before the extension, so the names depend only on the items);
/// frames are decoded at their index (the picture the label was given on) and written as JPEG. The folder is written
/// beside the target and moved into place whole (OwnedFolder): a folder the tool did not write is never touched.
class DatasetExport
{
    Q_DECLARE_TR_FUNCTIONS(nsfw::DatasetExport)

public:
    using Progress = std::function<void(qint64 done, qint64 total)>;
    /// Exports into outDir; progress is called on the calling thread.
    static DatasetExportResult run(ProjectDatabase &db, const QString &outDir, const DatasetExportOptions &options,
                                   const Progress &progress = {});
    static constexpr const char *kManifestName = "manifest.csv";
};

} // namespace nsfw
