// `nsfw-workbench worker`: scores a project's items with a run's model, or computes their backbone features for
// training (--features), sharing the work with other workers (on this machine or others that reach the same server and
// media) through the project's work queue.
#include "commands.h"
#include "console.h"

#include "media/mediacache.h"
#include "model/classifier.h"
#include "store/projectdatabase.h"
#include "store/runstore.h"
#include "store/workqueue.h"
#include "train/featurecache.h"
#include "train/featureextractor.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QSysInfo>
#include <QThread>

#include <algorithm>
#include <functional>
#include <optional>

namespace nsfw::cli {

namespace {

struct WorkerOptions {
    qint64 runId = 0;
    QString modelDir;
    int chunkSize = 64;
    int leaseMs = 60'000;
    int batch = 32;
};

/// Reports how writing a chunk's results went; false when it failed (the worker ends).
bool finishChunk(WorkQueue::Completion completion, const WorkChunk &chunk, qint64 done,
                 const QVector<UnreadableItem> &unreadable, const QString &error, qint64 *doneTotal,
                 qint64 *unreadableTotal)
{
    switch (completion) {
    case WorkQueue::Completion::Done:
        *doneTotal += done;
        *unreadableTotal += unreadable.size();
        for (const UnreadableItem &u : unreadable)
            err() << tr("cannot read %1: %2").arg(u.path, u.reason) << '\n';
        return true;
    case WorkQueue::Completion::Lost:
        err() << tr("chunk %1: another worker took it over after this one's lease ran out; its results are theirs")
                     .arg(chunk.id)
              << '\n';
        return true;
    case WorkQueue::Completion::Failed:
        break;
    }
    err() << tr("Cannot write the results of chunk %1: %2").arg(chunk.id).arg(error) << '\n';
    return false;
}

/// The lease of a claimed chunk, renewed as the work goes: a third of the lease between renewals leaves two thirds
/// for a slow batch or a slow server.
class Lease
{
public:
    Lease(WorkQueue &queue, const WorkChunk &chunk, int leaseMs)
        : m_queue(queue)
        , m_chunk(chunk.id)
        , m_leaseMs(leaseMs)
    {
        m_sinceRenewal.start();
    }
    /// Renews when a third of the lease has passed; false once another worker took the chunk over.
    bool renewIfDue()
    {
        if (m_held && m_sinceRenewal.elapsed() > m_leaseMs / 3) {
            m_held = m_queue.renew(m_chunk, m_leaseMs);
            m_sinceRenewal.restart();
        }
        return m_held;
    }

private:
    WorkQueue &m_queue;
    qint64 m_chunk;
    int m_leaseMs;
    QElapsedTimer m_sinceRenewal;
    bool m_held = true;
};

/// A frame as a run reads it (MediaCache: this machine's frame cache, else its video), and how messages name it.
MediaRef frameRef(ProjectDatabase &db, const WorkItem &it)
{
    MediaRef ref;
    ref.kind = ItemKind::Frame;
    ref.key = it.key;
    ref.sourcePath = db.absolutePath(it.storedPath);
    ref.frameIndex = it.frameIndex;
    return ref;
}

QString nameOf(const WorkItem &it)
{
    return it.kind == ItemKind::Frame ? QStringLiteral("%1#frame=%2").arg(it.storedPath).arg(it.frameIndex)
                                      : it.storedPath;
}

/// Scores one claimed chunk and writes it; false on a failure that ends the worker (printed).
bool scoreChunk(ProjectDatabase &db, WorkQueue &queue, Classifier &classifier, const WorkChunk &chunk,
                const WorkerOptions &o, qint64 *scored, qint64 *unreadableCount)
{
    QString error;
    const QVector<WorkItem> items = queue.items(chunk.itemIds, &error);
    if (!error.isEmpty()) {
        err() << error << '\n';
        return false;
    }
    QVector<WorkItem> images, frames;
    QStringList paths;
    for (const WorkItem &it : items) {
        if (it.kind == ItemKind::Frame) {
            frames.append(it);
        } else {
            images.append(it);
            paths << db.absolutePath(it.storedPath);
        }
    }
    QVector<ItemScore> scores;
    QVector<UnreadableItem> unreadable;
    Lease lease(queue, chunk, o.leaseMs);
    int index = 0;
    classifier.classifyFiles(paths, [&](const ImageScore &s) {
        const WorkItem &it = images.at(index++);
        if (s.ok())
            scores.append({it.id, s.nsfw});
        else
            unreadable.append({it.id, it.storedPath, s.error});
        lease.renewIfDue();
    });
    // Frames, a batch at a time, decoded as a run decodes them.
    const MediaCache cache(db.cacheDir());
    for (qsizetype from = 0; from < frames.size(); from += o.batch) {
        std::vector<cv::Mat> pixels;
        QVector<WorkItem> batch;
        for (const WorkItem &it : frames.mid(from, o.batch)) {
            QString why;
            cv::Mat bgr = cache.pixels(frameRef(db, it), &why);
            if (bgr.empty()) {
                unreadable.append({it.id, nameOf(it), why});
            } else {
                pixels.push_back(std::move(bgr));
                batch.append(it);
            }
        }
        const std::vector<ImageScore> results = classifier.classifyPixels(pixels);
        for (qsizetype i = 0; i < batch.size(); ++i) {
            if (results[size_t(i)].ok())
                scores.append({batch[i].id, results[size_t(i)].nsfw});
            else
                unreadable.append({batch[i].id, nameOf(batch[i]), results[size_t(i)].error});
        }
        lease.renewIfDue();
    }
    return finishChunk(queue.completeScoring(chunk, scores, unreadable, &error), chunk, scores.size(), unreadable,
                       error, scored, unreadableCount);
}

/// Computes one claimed chunk's features and writes them; false on a failure that ends the worker (printed).
bool featuresChunk(ProjectDatabase &db, WorkQueue &queue, FeatureExtractor &extractor, const WorkChunk &chunk,
                   const WorkerOptions &o, qint64 *computed, qint64 *unreadableCount)
{
    QString error;
    const QVector<WorkItem> items = queue.items(chunk.itemIds, &error);
    if (!error.isEmpty()) {
        err() << error << '\n';
        return false;
    }
    QVector<FeatureExtractor::Picture> pictures;
    QHash<qint64, QString> names;
    for (const WorkItem &it : items) {
        const MediaRef ref = it.kind == ItemKind::Frame ? frameRef(db, it)
                                                        : MediaRef{ItemKind::Image, it.key, db.absolutePath(it.storedPath)};
        pictures.append({it.id, ref});
        names.insert(it.id, nameOf(it));
    }
    Lease lease(queue, chunk, o.leaseMs);
    QVector<UnreadableItem> unreadable;
    const QHash<QString, std::vector<float>> features = extractor.compute(pictures, db.cacheDir(), &unreadable, [&] {
        // Lost: another worker has the chunk now and computes the same features.
        return !lease.renewIfDue();
    });
    for (UnreadableItem &u : unreadable)
        u.path = names.value(u.itemId);
    return finishChunk(queue.completeFeatures(chunk, features, unreadable, &error), chunk, features.size(), unreadable,
                       error, computed, unreadableCount);
}

} // namespace

int workerCommand(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Scores the project's images and video frames with a run's model, sharing the work with the other workers of the project: "
           "on this machine or on any machine that reaches the same server and the media (see: media-root). The first "
           "worker queues the items that have no score for the run yet, in chunks; each worker claims a chunk at a "
           "time under a lease it renews while it scores, and writes the scores where the window, the gallery's "
           "filters and sorts, and every other command read them. A chunk whose worker died is taken over when its "
           "lease runs out. A worker stops when every chunk is done. The scores equal predict --project's. Video "
           "frames are scored as a run scores them (a video's own verdict is not recomputed). With --features it computes the backbone features of the "
           "items instead, for training on any machine to read (see: train)."));
    parser.addPositionalArgument(QStringLiteral("PROJECT"), tr("The project: a postgresql:// URL or a file."));
    const QCommandLineOption runOption(QStringLiteral("run"),
                                       tr("The run whose model scores (default: the latest "
                                          "finished one)."),
                                       QStringLiteral("N"));
    const QCommandLineOption modelOption(
        QStringLiteral("model"),
        tr("The run's model folder, when this machine is not the one that trained it: a copy of the "
           "folder runs/N/model in that machine's cache of the project."),
        QStringLiteral("DIR"));
    const QCommandLineOption chunkOption(QStringLiteral("chunk"), tr("Images per chunk when queueing (default 64)."),
                                         QStringLiteral("N"), QStringLiteral("64"));
    const QCommandLineOption leaseOption(QStringLiteral("lease"),
                                         tr("Seconds a claimed chunk stays this worker's without news from it, before "
                                            "another worker may take it over (default 60)."),
                                         QStringLiteral("SECONDS"), QStringLiteral("60"));
    const QCommandLineOption batchOption(QStringLiteral("batch"), tr("Images per network pass (default 32)."),
                                         QStringLiteral("N"), QStringLiteral("32"));
    const QCommandLineOption nameOption(QStringLiteral("name"),
                                        tr("This worker's name in the queue (default: host:process id)."),
                                        QStringLiteral("NAME"));
    const QCommandLineOption featuresOption(
        QStringLiteral("features"),
        tr("Compute the backbone features of the project's images and video frames with a model (--model, default: the pretrained "
           "one) instead of a run's scores, and write them to the project: training on any machine reads them "
           "there instead of computing them (head mode, and the head-first step)."));
    const QCommandLineOption fastDecodeOption(
        QStringLiteral("fast-decode"),
        tr("With --features: decode big JPEGs at reduced scale, for runs trained with --fast-decode."));
    parser.addOptions({runOption, modelOption, featuresOption, fastDecodeOption, chunkOption, leaseOption, batchOption,
                       nameOption});
    int status = 0;
    if (!parseArguments(parser, arguments, &status))
        return status;
    if (parser.positionalArguments().size() != 1) {
        err() << tr("worker takes one project.") << '\n';
        return 2;
    }
    WorkerOptions o;
    bool ok = false;
    o.chunkSize = parser.value(chunkOption).toInt(&ok);
    if (!ok || o.chunkSize < 1 || o.chunkSize > 100'000) {
        err() << tr("--chunk must be a whole number from 1 to 100000") << '\n';
        return 2;
    }
    const double lease = parser.value(leaseOption).toDouble(&ok);
    if (!ok || lease < 1 || lease > 24 * 3600) {
        err() << tr("--lease must be a number of seconds from 1 to 86400") << '\n';
        return 2;
    }
    o.leaseMs = int(lease * 1000);
    o.batch = parser.value(batchOption).toInt(&ok);
    if (!ok || o.batch < 1 || o.batch > 4096) {
        err() << tr("--batch must be a number from 1 to 4096") << '\n';
        return 2;
    }
    const QString name =
        parser.isSet(nameOption)
            ? parser.value(nameOption)
            : QStringLiteral("%1:%2").arg(QSysInfo::machineHostName()).arg(QCoreApplication::applicationPid());

    const bool features = parser.isSet(featuresOption);
    if (features && parser.isSet(runOption)) {
        err() << tr("--features computes the model's features, not a run's scores: give one of --features and --run.")
              << '\n';
        return 2;
    }
    if (!features && parser.isSet(fastDecodeOption)) {
        err() << tr("--fast-decode goes with --features (a run's scores decode as the run was trained).") << '\n';
        return 2;
    }

    auto db = openProject(parser.positionalArguments().first(), true);
    if (!db)
        return 1;
    WorkQueue queue(*db, name);
    QString error;
    qint64 done = 0, unreadable = 0;
    int chunks = 0;
    // The loop every worker runs: claim a chunk, do it, and when nothing is left to claim, wait for the chunks others
    // hold (or for a lease to run out) until every chunk is done.
    auto work = [&](const std::function<std::optional<WorkChunk>(QString *)> &claim,
                    const std::function<bool(const WorkChunk &)> &doChunk,
                    const std::function<WorkSummary(QString *)> &summary, const QString &unit,
                    const std::function<QString(const WorkSummary &)> &report) {
        for (;;) {
            const std::optional<WorkChunk> chunk = claim(&error);
            if (!chunk && !error.isEmpty()) {
                err() << tr("Cannot claim work: %1").arg(error) << '\n';
                return 1;
            }
            if (chunk) {
                err() << (chunk->previousWorker.isEmpty()
                              ? tr("%1: claimed chunk %2 (%3 %4)").arg(name).arg(chunk->id).arg(chunk->itemIds.size())
                                    .arg(unit)
                              : tr("%1: took over chunk %2 (%3 %4) from %5, whose lease ran out")
                                    .arg(name)
                                    .arg(chunk->id)
                                    .arg(chunk->itemIds.size())
                                    .arg(unit, chunk->previousWorker))
                      << '\n'
                      << Qt::flush;
                // For the takeover test: a worker that holds its claim and never renews it, until it is killed.
                if (qEnvironmentVariableIsSet("NSFW_WORKBENCH_TEST_WORKER_STALL")) {
                    for (;;)
                        QThread::sleep(1);
                }
                if (!doChunk(*chunk))
                    return 1;
                ++chunks;
                continue;
            }
            const WorkSummary s = summary(&error);
            if (!error.isEmpty()) {
                err() << tr("Cannot read the queue: %1").arg(error) << '\n';
                return 1;
            }
            if (s.claimed == 0 && s.queued == 0) {
                out() << report(s) << '\n';
                return 0;
            }
            // Others hold the rest: wait for them to finish, or for a lease to run out and take that chunk over.
            QThread::msleep(static_cast<unsigned long>(std::clamp(o.leaseMs / 4, 50, 1000)));
        }
    };

    if (features) {
        const std::unique_ptr<FeatureExtractor> extractor =
            FeatureExtractor::load(parser.value(modelOption), parser.isSet(fastDecodeOption), &error);
        if (!extractor) {
            err() << tr("Cannot load the model: %1").arg(error) << '\n';
            return 1;
        }
        const QString key = extractor->storeKey();
        const int queued = queue.enqueueFeatures(key, o.chunkSize, &error);
        if (queued < 0) {
            err() << tr("Cannot queue the work: %1").arg(error) << '\n';
            return 1;
        }
        if (queued > 0)
            err() << tr("%1: queued %2 chunk(s) of items whose features to compute with %3")
                         .arg(name)
                         .arg(queued)
                         .arg(extractor->modelDir())
                  << '\n';
        return work([&](QString *e) { return queue.claimFeatures(key, o.leaseMs, e); },
                    [&](const WorkChunk &c) { return featuresChunk(*db, queue, *extractor, c, o, &done, &unreadable); },
                    [&](QString *e) { return queue.featureSummary(key, e); }, tr("items"),
                    [&](const WorkSummary &s) {
                        return tr("%1: computed the features of %2 item(s) in %3 chunk(s); model %4: %5 chunk(s) "
                                  "done, %6 item(s) with features from workers, %7 unreadable")
                            .arg(name)
                            .arg(done)
                            .arg(chunks)
                            .arg(key)
                            .arg(s.done)
                            .arg(s.scored)
                            .arg(s.unreadable);
                    });
    }

    RunStore runs(*db);
    if (parser.isSet(runOption)) {
        o.runId = parser.value(runOption).toLongLong(&ok);
        if (!ok || !runs.run(o.runId)) {
            err() << tr("There is no run %1 in this project.").arg(parser.value(runOption)) << '\n';
            return 1;
        }
    } else {
        o.runId = runs.latestFinished();
        if (o.runId == 0) {
            err() << tr("This project has no finished run yet (see: nsfw-workbench train).") << '\n';
            return 1;
        }
    }
    const RunRecord run = *runs.run(o.runId);
    o.modelDir =
        parser.isSet(modelOption) ? parser.value(modelOption) : db->cacheDir() + QLatin1Char('/') + run.checkpoint;
    if (parser.isSet(modelOption) && !QFileInfo::exists(o.modelDir + QStringLiteral("/model.json"))) {
        err() << tr("%1 holds no model (no model.json).").arg(o.modelDir) << '\n';
        return 1;
    }
    if (run.checkpoint.isEmpty() || !QFileInfo::exists(o.modelDir + QStringLiteral("/model.json"))) {
        err() << tr("Run %1's model is not on this machine (%2): give a copy of it with --model DIR.")
                     .arg(o.runId)
                     .arg(o.modelDir)
              << '\n';
        return 1;
    }
    const QString modelKey = FeatureCache::modelKey(o.modelDir);
    if (parser.isSet(modelOption) && !run.checkpoint.isEmpty()) {
        // Where this machine has the run's own model, a folder given must be a copy of it.
        const QString own = db->cacheDir() + QLatin1Char('/') + run.checkpoint;
        if (QFileInfo::exists(own + QStringLiteral("/model.json")) && FeatureCache::modelKey(own) != modelKey) {
            err() << tr("%1 is another model than run %2's (%3).").arg(o.modelDir).arg(o.runId).arg(own) << '\n';
            return 1;
        }
    }
    InferenceOptions inference;
    inference.batchSize = o.batch;
    const std::unique_ptr<Classifier> classifier = Classifier::load(o.modelDir, &error, inference);
    if (!classifier) {
        err() << tr("Cannot load the model: %1").arg(error) << '\n';
        return 1;
    }

    const int queued = queue.enqueueScoring(o.runId, modelKey, o.chunkSize, &error);
    if (queued < 0) {
        err() << tr("Cannot queue the work: %1").arg(error) << '\n';
        return 1;
    }
    if (queued > 0)
        err() << tr("%1: queued %2 chunk(s) of run %3's items to score").arg(name).arg(queued).arg(o.runId) << '\n';
    return work(
        [&](QString *e) { return queue.claim(o.runId, o.leaseMs, e); },
        [&](const WorkChunk &c) {
            if (c.modelKey != modelKey) {
                err() << tr("Chunk %1 is to be scored with another model than %2; its lease runs out and a worker "
                            "with run %3's model takes it.")
                             .arg(c.id)
                             .arg(o.modelDir)
                             .arg(o.runId)
                      << '\n';
                return false;
            }
            return scoreChunk(*db, queue, *classifier, c, o, &done, &unreadable);
        },
        [&](QString *e) { return queue.summary(o.runId, e); }, tr("items"),
        [&](const WorkSummary &s) {
            return tr("%1: scored %2 item(s) in %3 chunk(s); run %4: %5 chunk(s) done, %6 item(s) scored, %7 "
                      "unreadable")
                .arg(name)
                .arg(done)
                .arg(chunks)
                .arg(o.runId)
                .arg(s.done)
                .arg(s.scored)
                .arg(s.unreadable);
        });
}

} // namespace nsfw::cli
