#include "importer.h"

#include "common/logging.h"
#include "filewalker.h"
#include "mediacache.h"
#include "mediadecoder.h"
#include "mediastats.h"
#include "perceptualhash.h"
#include "store/itemstore.h"
#include "store/labelstore.h"
#include "store/mediahashstore.h"
#include "store/mediastatsstore.h"
#include "store/projectdatabase.h"
#include "store/videocutstore.h"

#include <QCryptographicHash>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QSet>
#include <QSqlQuery>
#include <QThread>

#include <opencv2/core/mat.hpp>

#include <algorithm>
#include <future>
#include <memory>
#include <vector>

namespace nsfw {

namespace {

constexpr int kBatchSize = 48;

/// What the workers learn about one file before the database sees it.
struct Prepared {
    WalkEntry entry;
    MediaType type = MediaType::Unsupported;
    QString error;
    QString hash;
    qint64 size = 0;
    qint64 width = 0;
    qint64 height = 0;
    VideoInfo video;
    QList<qint64> frames;      ///< the video's sampled frames, chosen here so the write transaction never waits on it
    QList<SceneCut> cuts;      ///< where its shots change (scene sampling)
    PerceptualHash perceptual; ///< of the picture (a video: its first frame), for finding near-copies
    MediaStats stats;          ///< of the same picture, for the dataset health checks
};

QString hashFile(QFile &file, QString *error)
{
    QCryptographicHash hash(QCryptographicHash::Sha1);
    if (!hash.addData(&file)) {
        *error = Importer::tr("cannot read: %1").arg(file.errorString());
        return {};
    }
    return QString::fromLatin1(hash.result().toHex());
}

Prepared prepare(const WalkEntry &entry, const ImportOptions &options, const MediaCache &cache,
                 const QSet<QString> &knownHashes, const std::atomic<bool> *cancel)
{
    Prepared p;
    p.entry = entry;
    if (!entry.skipReason.isEmpty()) {
        p.error = entry.skipReason;
        return p;
    }
    p.type = MediaDecoder::mediaType(entry.path);
    QFile file(entry.path);
    if (!file.open(QIODevice::ReadOnly)) {
        p.error = file.exists() ? Importer::tr("cannot read: %1").arg(file.errorString())
                                : Importer::tr("the file disappeared during the import");
        return p;
    }
    p.size = file.size();
    if (p.size == 0) {
        p.error = Importer::tr("empty file (0 bytes)");
        return p;
    }
    if (p.type == MediaType::Image) {
        if (p.size > MediaDecoder::kMaxImageFileBytes) {
            p.error = Importer::tr("file too large for an image (%1 MB)").arg(p.size / (1024 * 1024));
            return p;
        }
        const QByteArray bytes = file.readAll();
        if (bytes.size() != p.size) {
            p.error = Importer::tr("cannot read the whole file: %1").arg(file.errorString());
            return p;
        }
        p.hash = QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha1).toHex());
        if (knownHashes.contains(p.hash))
            return p; // a duplicate: the database stage reports it, no need to decode again
        ImageHeader header;
        const cv::Mat bgr = MediaDecoder::decodeImage(bytes, options.maxPixels, &p.error, MediaCache::kThumbnailSize,
                                                      &header);
        if (bgr.empty())
            return p;
        p.width = header.width;
        p.height = header.height;
        cache.storeThumbnail(p.hash, bgr);
        p.perceptual = PerceptualHash::of(bgr);
        p.stats = MediaStats::of(bgr, int(p.width), int(p.height));
        return p;
    }
    p.hash = hashFile(file, &p.error);
    if (p.hash.isEmpty() || knownHashes.contains(p.hash))
        return p;
    file.close();
    cv::Mat first;
    const auto info = MediaDecoder::probeVideo(entry.path, &p.error, &first);
    if (!info)
        return p;
    p.video = *info;
    p.width = info->width;
    p.height = info->height;
    const VideoSampling sampling = VideoSampler::sampleVideo(
        entry.path, {options.sampling, options.frameEverySeconds, options.maxFramesPerVideo}, {}, *info, cancel);
    if (!sampling.ok()) {
        p.error = sampling.error;
        return p;
    }
    for (const SampledFrame &f : sampling.frames)
        p.frames.append(f.index);
    p.cuts = sampling.cuts;
    cache.storeThumbnail(p.hash, first);
    p.perceptual = PerceptualHash::of(first);
    p.stats = MediaStats::of(first, int(p.width), int(p.height));
    return p;
}

/// The label given by the deepest folder named safe/sfw/nsfw/unsure, from the import root down.
Label labelFromFolders(const WalkEntry &entry)
{
    const QString rootParent = QFileInfo(entry.root).absolutePath();
    QString relative = QDir(rootParent).relativeFilePath(QFileInfo(entry.path).absolutePath());
    const QStringList parts = relative.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    for (auto it = parts.crbegin(); it != parts.crend(); ++it) {
        const auto label = parseLabel(*it);
        if (label && *label != Label::None && !it->isEmpty())
            return *label;
    }
    return Label::None;
}

} // namespace

QString contentHashOfFile(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = Importer::tr("cannot read: %1").arg(file.errorString());
        return {};
    }
    QString ignored;
    return hashFile(file, error ? error : &ignored);
}

QString ImportOptions::validate() const
{
    if (!(frameEverySeconds >= kMinFrameEverySeconds && frameEverySeconds <= kMaxFrameEverySeconds))
        return tr("The video sampling interval must be from %1 s to %2 s (one hour); %3 was given.")
            .arg(kMinFrameEverySeconds)
            .arg(kMaxFrameEverySeconds)
            .arg(frameEverySeconds);
    if (maxFramesPerVideo < 1 || maxFramesPerVideo > kMaxMaxFramesPerVideo)
        return tr("The frames per video must be from 1 to %1; %2 was given.")
            .arg(kMaxMaxFramesPerVideo)
            .arg(maxFramesPerVideo);
    if (maxPixels <= 0)
        return tr("The pixel limit must be positive.");
    return {};
}

Importer::Importer(const QString &projectPath, const ImportOptions &options, QObject *parent)
    : QObject(parent)
    , m_projectPath(projectPath)
    , m_options(options)
{
    qRegisterMetaType<ImportProgress>();
    qRegisterMetaType<ImportSummary>();
}

ImportSummary Importer::run()
{
    QElapsedTimer timer;
    timer.start();
    ImportSummary summary;
    auto finish = [&]() {
        summary.seconds = timer.elapsed() / 1000.0;
        Q_EMIT finished(summary);
        return summary;
    };

    summary.error = m_options.validate();
    if (!summary.error.isEmpty())
        return finish();
    auto db = ProjectDatabase::open(m_projectPath, ProjectDatabase::OpenMode::OpenExisting, QStringLiteral("import"),
                                    &summary.error);
    if (!db)
        return finish();
    if (const QString refused = db->refusal(ProjectDatabase::Action::Import); !refused.isEmpty()) {
        summary.error = refused; // a server project's annotator or reviewer: before any file is read
        return finish();
    }
    ItemStore items(*db);
    LabelStore labels(*db);
    MediaHashStore hashes(*db);
    MediaStatsStore measures(*db);
    VideoCutStore videoCuts(*db);
    const MediaCache cache(db->cacheDir());
    const QString annotator = db->annotator(m_options.annotator);

    if (db->isServer() && !db->hasMediaRoot()) {
        summary.error = ProjectDatabase::mediaRootMissingMessage(*db);
        return finish();
    }
    QSet<QString> knownHashes = items.contentHashes();

    ImportProgress state;
    QVector<WalkEntry> entries;
    FileWalker walker([](const QString &path) { return MediaDecoder::mediaType(path) != MediaType::Unsupported; });
    // The project's own files (its thumbnails above all) are never its media, wherever it sits in the tree.
    QDir().mkpath(db->cacheDir());
    for (const QString &own : db->ownPaths())
        walker.exclude(own);
    walker.walk(m_options.paths, [&](const WalkEntry &entry) {
        entries.append(entry);
        return !m_cancel.load();
    });
    state.found = static_cast<int>(entries.size());
    state.walkDone = true;
    Q_EMIT progress(state);

    // Each batch is decoded by `threads` workers (std::async: plain threads whose start and join ThreadSanitizer
    // sees, so `--sanitize` checks this hand-off), each taking every n-th file into its own slot of the results.
    // Each batch reads its own snapshot of the known hashes, while this thread adds to the set: a hash committed
    // since is caught again by the database stage (findByHash).
    const int threads = std::max(1, m_options.threads > 0 ? m_options.threads : QThread::idealThreadCount());
    const ImportOptions options = m_options;
    struct Batch {
        std::vector<Prepared> results;
        std::vector<std::future<void>> workers;
        QList<Prepared> take()
        {
            for (auto &w : workers)
                w.get();
            workers.clear();
            return QList<Prepared>(results.begin(), results.end());
        }
    };
    auto launch = [&](qsizetype from) {
        auto batch = std::make_unique<Batch>();
        const QVector<WalkEntry> chunk = entries.mid(from, kBatchSize);
        batch->results.resize(size_t(chunk.size()));
        const QSet<QString> known = knownHashes;
        for (int t = 0; t < std::min<int>(threads, int(chunk.size())); ++t) {
            batch->workers.push_back(std::async(std::launch::async, [t, threads, chunk, known, &options, &cache,
                                                                     cancel = &m_cancel, out = batch->results.data()] {
                for (qsizetype i = t; i < chunk.size(); i += threads)
                    out[i] = prepare(chunk[i], options, cache, known, cancel);
            }));
        }
        return batch;
    };

    std::unique_ptr<Batch> next;
    if (!entries.isEmpty())
        next = launch(0);
    for (qsizetype from = 0; from < entries.size(); from += kBatchSize) {
        std::unique_ptr<Batch> current = std::move(next);
        const QList<Prepared> batch = current->take();
        if (m_cancel.load()) {
            summary.cancelled = true;
            break;
        }
        // Decode the next batch while this one is written.
        if (from + kBatchSize < entries.size())
            next = launch(from + kBatchSize);
        Transaction tx(*db);
        if (!tx.isActive()) {
            summary.error = tx.error();
            break;
        }
        QVector<qint64> committedIds;
        QStringList committedPaths;
        ImportSummary delta;
        QString error;
        for (const Prepared &p : batch) {
            ++state.processed;
            state.currentPath = p.entry.path;
            if (!p.error.isEmpty()) {
                delta.skipped.append({p.entry.path, p.error});
                continue;
            }
            const QString stored = db->storedPath(p.entry.path);
            if (const auto existing = items.findByHash(p.hash)) {
                const QString existingPath = db->absolutePath(existing->path);
                if (existing->missing || !QFileInfo::exists(existingPath)) {
                    if (!items.setPath(existing->id, stored, &error))
                        break;
                    ++delta.relocated;
                } else {
                    ++delta.duplicates;
                }
                continue;
            }
            Item item;
            item.kind = p.type == MediaType::Video ? ItemKind::Video : ItemKind::Image;
            item.path = stored;
            item.contentHash = p.hash;
            item.width = static_cast<int>(p.width);
            item.height = static_cast<int>(p.height);
            item.fileSize = p.size;
            if (item.kind == ItemKind::Video) {
                item.fps = p.video.fps;
                item.frameCount = p.video.frameCount;
                item.durationMs = p.video.durationMs;
            }
            bool addedElsewhere = false;
            const qint64 id = items.insert(item, &addedElsewhere, &error);
            if (addedElsewhere) { // another import committed the same content since this batch looked
                ++delta.duplicates;
                continue;
            }
            if (id == 0)
                break;
            if (p.perceptual.valid && !hashes.put(id, p.perceptual, &error))
                break;
            if (p.stats.valid && !measures.put(id, p.stats, &error))
                break;
            if (item.kind == ItemKind::Video) {
                for (qint64 frameIndex : p.frames) {
                    Item frame;
                    frame.kind = ItemKind::Frame;
                    frame.parentId = id;
                    frame.frameIndex = frameIndex;
                    frame.timestampMs = static_cast<qint64>(frameIndex * 1000.0 / p.video.fps + 0.5);
                    frame.width = item.width;
                    frame.height = item.height;
                    if (items.insert(frame, &error) == 0)
                        break;
                    ++delta.frames;
                }
                if (!error.isEmpty())
                    break;
                if (!videoCuts.put(id, p.cuts, &error))
                    break;
            }
            if (m_options.labelsFromFolders) {
                const Label label = labelFromFolders(p.entry);
                if (label != Label::None) {
                    if (labels.setLabel({id}, label, annotator, QStringLiteral("folder"), &error) < 0)
                        break;
                    ++delta.labeled;
                }
            }
            knownHashes.insert(p.hash);
            ++delta.imported;
            committedIds.append(id);
            committedPaths.append(p.entry.path);
        }
        if (!error.isEmpty() || !tx.commit()) {
            summary.error = error.isEmpty() ? tx.error() : error;
            qCWarning(lcImport) << "import stopped:" << summary.error;
            break;
        }
        summary.imported += delta.imported;
        summary.frames += delta.frames;
        summary.duplicates += delta.duplicates;
        summary.relocated += delta.relocated;
        summary.labeled += delta.labeled;
        summary.skipped += delta.skipped;
        state.imported = summary.imported;
        state.duplicates = summary.duplicates;
        state.skipped = static_cast<int>(summary.skipped.size());
        if (!committedIds.isEmpty())
            Q_EMIT committed(committedIds, committedPaths);
        Q_EMIT progress(state);
    }
    if (next)
        next->take(); // the batch decoding ahead is not written; its workers are waited for
    return finish();
}

} // namespace nsfw
