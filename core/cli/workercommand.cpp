// `nsfw-workbench worker`: scores a project's items with a run's model, sharing the work with other workers (on this
// machine or others that reach the same server and media) through the project's work queue.
#include "commands.h"
#include "console.h"

#include "model/classifier.h"
#include "store/projectdatabase.h"
#include "store/runstore.h"
#include "store/workqueue.h"
#include "train/featurecache.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QSysInfo>
#include <QThread>

namespace nsfw::cli {

namespace {

struct WorkerOptions {
    qint64 runId = 0;
    QString modelDir;
    int chunkSize = 64;
    int leaseMs = 60'000;
    int batch = 32;
};

/// Scores one claimed chunk and writes it; false on a failure that ends the worker (printed).
bool scoreChunk(ProjectDatabase &db, WorkQueue &queue, Classifier &classifier, const WorkChunk &chunk,
                const WorkerOptions &o, qint64 *scored, qint64 *unreadableCount)
{
    QString error;
    const QHash<qint64, QString> stored = queue.storedPaths(chunk.itemIds, &error);
    if (!error.isEmpty()) {
        err() << error << '\n';
        return false;
    }
    QVector<qint64> ids;
    QStringList paths;
    for (qint64 id : chunk.itemIds) {
        if (stored.contains(id)) { // an item deleted since it was queued is left out
            ids.append(id);
            paths << db.absolutePath(stored.value(id));
        }
    }
    QVector<ItemScore> scores;
    QVector<UnreadableItem> unreadable;
    QElapsedTimer sinceRenewal;
    sinceRenewal.start();
    bool held = true;
    int index = 0;
    classifier.classifyFiles(paths, [&](const ImageScore &s) {
        const qint64 id = ids.at(index++);
        if (s.ok())
            scores.append({id, s.nsfw});
        else
            unreadable.append({id, stored.value(id), s.error});
        // A third of the lease between renewals leaves two thirds for a slow batch or a slow server.
        if (held && sinceRenewal.elapsed() > o.leaseMs / 3) {
            held = queue.renew(chunk.id, o.leaseMs);
            sinceRenewal.restart();
        }
    });
    switch (queue.completeScoring(chunk, scores, unreadable, &error)) {
    case WorkQueue::Completion::Done:
        *scored += scores.size();
        *unreadableCount += unreadable.size();
        for (const UnreadableItem &u : unreadable)
            err() << tr("cannot read %1: %2").arg(u.path, u.reason) << '\n';
        return true;
    case WorkQueue::Completion::Lost:
        err() << tr("chunk %1: another worker took it over after this one's lease ran out; its scores are theirs")
                     .arg(chunk.id)
              << '\n';
        return true;
    case WorkQueue::Completion::Failed:
        break;
    }
    err() << tr("Cannot write the scores of chunk %1: %2").arg(chunk.id).arg(error) << '\n';
    return false;
}

} // namespace

int workerCommand(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Scores the project's images with a run's model, sharing the work with the other workers of the project: "
           "on this machine or on any machine that reaches the same server and the media (see: media-root). The first "
           "worker queues the images that have no score for the run yet, in chunks; each worker claims a chunk at a "
           "time under a lease it renews while it scores, and writes the scores where the window, the gallery's "
           "filters and sorts, and every other command read them. A chunk whose worker died is taken over when its "
           "lease runs out. A worker stops when every chunk is done. The scores equal predict --project's. Videos and "
           "their frames are not scored by workers."));
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
    parser.addOptions({runOption, modelOption, chunkOption, leaseOption, batchOption, nameOption});
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

    auto db = openProject(parser.positionalArguments().first(), true);
    if (!db)
        return 1;
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
    QString error;
    InferenceOptions inference;
    inference.batchSize = o.batch;
    const std::unique_ptr<Classifier> classifier = Classifier::load(o.modelDir, &error, inference);
    if (!classifier) {
        err() << tr("Cannot load the model: %1").arg(error) << '\n';
        return 1;
    }

    WorkQueue queue(*db, name);
    const int queued = queue.enqueueScoring(o.runId, modelKey, o.chunkSize, &error);
    if (queued < 0) {
        err() << tr("Cannot queue the work: %1").arg(error) << '\n';
        return 1;
    }
    if (queued > 0)
        err() << tr("%1: queued %2 chunk(s) of run %3's images to score").arg(name).arg(queued).arg(o.runId) << '\n';

    qint64 scored = 0, unreadable = 0;
    int chunks = 0;
    for (;;) {
        const std::optional<WorkChunk> chunk = queue.claim(o.runId, o.leaseMs, &error);
        if (!chunk && !error.isEmpty()) {
            err() << tr("Cannot claim work: %1").arg(error) << '\n';
            return 1;
        }
        if (chunk) {
            if (chunk->modelKey != modelKey) {
                err() << tr("Chunk %1 is to be scored with another model than %2; its lease runs out and a worker "
                            "with run %3's model takes it.")
                             .arg(chunk->id)
                             .arg(o.modelDir)
                             .arg(o.runId)
                      << '\n';
                return 1;
            }
            err() << (chunk->previousWorker.isEmpty()
                          ? tr("%1: claimed chunk %2 (%3 images)").arg(name).arg(chunk->id).arg(chunk->itemIds.size())
                          : tr("%1: took over chunk %2 (%3 images) from %4, whose lease ran out")
                                .arg(name)
                                .arg(chunk->id)
                                .arg(chunk->itemIds.size())
                                .arg(chunk->previousWorker))
                  << '\n'
                  << Qt::flush;
            // For the takeover test: a worker that holds its claim and never renews it, until it is killed.
            if (qEnvironmentVariableIsSet("NSFW_WORKBENCH_TEST_WORKER_STALL")) {
                for (;;)
                    QThread::sleep(1);
            }
            if (!scoreChunk(*db, queue, *classifier, *chunk, o, &scored, &unreadable))
                return 1;
            ++chunks;
            continue;
        }
        const WorkSummary s = queue.summary(o.runId, &error);
        if (!error.isEmpty()) {
            err() << tr("Cannot read the queue: %1").arg(error) << '\n';
            return 1;
        }
        if (s.claimed == 0 && s.queued == 0) {
            out() << tr("%1: scored %2 image(s) in %3 chunk(s); run %4: %5 chunk(s) done, %6 image(s) scored, %7 "
                        "unreadable")
                         .arg(name)
                         .arg(scored)
                         .arg(chunks)
                         .arg(o.runId)
                         .arg(s.done)
                         .arg(s.scored)
                         .arg(s.unreadable)
                  << '\n';
            return 0;
        }
        // Others hold the rest: wait for them to finish, or for a lease to run out and take that chunk over.
        QThread::msleep(static_cast<unsigned long>(std::clamp(o.leaseMs / 4, 50, 1000)));
    }
}

} // namespace nsfw::cli
