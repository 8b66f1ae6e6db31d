#pragma once

#include "videosampler.h"

#include <QCoreApplication>
#include <QMetaType>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QVector>

#include <atomic>

namespace nsfw {

struct ImportOptions {
    Q_DECLARE_TR_FUNCTIONS(nsfw::ImportOptions)

public:
    static constexpr double kMinFrameEverySeconds = 0.04; ///< 25 frames a second
    static constexpr double kMaxFrameEverySeconds = 3600;
    static constexpr int kDefaultMaxFramesPerVideo = 10'000;
    static constexpr int kMaxMaxFramesPerVideo = 1'000'000;

    QStringList paths;               ///< files and folders; folders are walked recursively
    bool labelsFromFolders = false;  ///< ".../safe/...", ".../nsfw/...", ".../unsure/..." give the label
    double frameEverySeconds = 1.0;  ///< video sampling interval (Scenes: at most one frame per interval, plus cuts)
    SamplingMode sampling = SamplingMode::Scenes; ///< how video frames are chosen (VideoSampler)
    int maxFramesPerVideo = kDefaultMaxFramesPerVideo; ///< beyond it the interval widens to spread them
    QString annotator;               ///< who the folder labels are attributed to
    qint64 maxPixels = 150'000'000;  ///< images over this are refused from the header
    int threads = 0;                 ///< decoding threads; 0 = one per core

    /// Why these options cannot run (a translated message), or "" when they can.
    QString validate() const;
};

struct SkippedFile {
    QString path;
    QString reason;
};

/// Progress of a running import, emitted after each committed batch.
struct ImportProgress {
    int processed = 0; ///< files looked at so far (imported, duplicate or skipped)
    int found = 0;     ///< files found by the walk so far
    bool walkDone = false;
    int imported = 0;
    int duplicates = 0;
    int skipped = 0;
    QString currentPath;
};

struct ImportSummary {
    int imported = 0;    ///< new images and videos
    int frames = 0;      ///< frame items sampled from the new videos
    int duplicates = 0;  ///< files whose content was already in the project
    int relocated = 0;   ///< missing items found again at a new path
    int labeled = 0;     ///< labels taken from folder names
    QVector<SkippedFile> skipped;
    bool cancelled = false;
    QString error;       ///< set when the import could not run at all (project refused, disk full)
    double seconds = 0;
};

/// The content hash by which a project knows a file (SHA-1 of its bytes, hex); "" and *error when unreadable.
QString contentHashOfFile(const QString &path, QString *error);

/// Imports files into a project: walks, hashes, validates and decodes on a thread pool, and commits
/// to the database in batches from the thread that calls run(). Every batch is one transaction, so
/// a kill loses at most the uncommitted batch and never damages the project.
class Importer : public QObject
{
    Q_OBJECT

public:
    Importer(const QString &projectPath, const ImportOptions &options, QObject *parent = nullptr);

    /// Runs the whole import in the calling thread (it opens its own connection). Emits progress.
    ImportSummary run();
    /// Asks a running import to stop after the current batch; thread-safe.
    void cancel() { m_cancel = true; }

Q_SIGNALS:
    void progress(const nsfw::ImportProgress &progress);
    /// Emitted after each commit with the ids of the images and videos it made durable.
    void committed(const QVector<qint64> &itemIds, const QStringList &paths);
    void finished(const nsfw::ImportSummary &summary);

private:
    QString m_projectPath;
    ImportOptions m_options;
    std::atomic<bool> m_cancel{false};
};

} // namespace nsfw

Q_DECLARE_METATYPE(nsfw::ImportProgress)
Q_DECLARE_METATYPE(nsfw::ImportSummary)
