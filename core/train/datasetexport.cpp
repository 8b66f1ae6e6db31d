#include "datasetexport.h"

#include "common/ownedfolder.h"
#include "common/parallel.h"
#include "media/mediacache.h"
#include "media/mediadecoder.h"
#include "store/csvlabels.h"
#include "store/duplicatedecisionstore.h"
#include "store/itemstore.h"
#include "store/labelstore.h"
#include "store/projectdatabase.h"
#include "train/trainingset.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QSaveFile>
#include <QSet>

#include <opencv2/videoio.hpp>

#include <algorithm>
#include <atomic>
#include <map>
#include <thread>

namespace nsfw {

namespace {

/// One file to write: an image (linked or copied) or a frame (decoded to JPEG).
struct Job {
    DatasetEntry entry;
    QString sourcePath;  ///< absolute: the image, or the frame's video
    QString cachedFrame; ///< the frame's JPEG in the project's cache (copied when present: the pixels training saw)
    qint64 frameIndex = 0;
};

/// The files of one unit of work: an image, or the frames of one video (its file is opened once).
struct Unit {
    QVector<int> jobs;
};

QString folderOf(Label label, const QString &split, DatasetExportOptions::Format format)
{
    if (format == DatasetExportOptions::Format::Csv)
        return QStringLiteral("media");
    const QString name = label == Label::None ? QStringLiteral("unlabeled") : labelName(label);
    return split.isEmpty() ? name : split + QLatin1Char('/') + name;
}

/// A name no other exported file has (case aside: the folder may be copied to a case-blind file system).
QString uniqueName(const QString &wanted, qint64 itemId, QSet<QString> *taken)
{
    const QFileInfo info(wanted);
    const QString base = info.completeBaseName().isEmpty() ? QStringLiteral("item") : info.completeBaseName();
    const QString suffix = info.suffix().isEmpty() ? QString() : QLatin1Char('.') + info.suffix();
    QString name = base + suffix;
    for (int n = 1; taken->contains(name.toLower()); ++n)
        name = base + QLatin1Char('-') + QString::number(itemId) + (n > 1 ? QStringLiteral("-%1").arg(n) : QString()) +
               suffix;
    taken->insert(name.toLower());
    return name;
}

bool writeBytes(const QString &path, const QByteArray &bytes, QString *error)
{
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size() || !f.commit()) {
        *error = f.errorString();
        return false;
    }
    return true;
}

/// Links or copies one image; false and *error when its file cannot be read.
bool writeImage(const Job &job, const QString &target, bool copy, QString *error)
{
    QFile source(job.sourcePath);
    if (!source.exists()) {
        *error = DatasetExport::tr("the file is missing (moved or deleted?)");
        return false;
    }
    if (!source.open(QIODevice::ReadOnly)) {
        *error = DatasetExport::tr("cannot read the file: %1").arg(source.errorString());
        return false;
    }
    source.close();
    if (copy) {
        if (!source.copy(target)) {
            *error = DatasetExport::tr("cannot copy the file: %1").arg(source.errorString());
            return false;
        }
        return true;
    }
    if (!QFile::link(QFileInfo(job.sourcePath).absoluteFilePath(), target)) {
        *error = DatasetExport::tr("cannot make a link to the file");
        return false;
    }
    return true;
}

/// Writes the frames of one video as JPEG files; *errors gets a message for each frame that failed (by job index).
void writeFrames(const QVector<Job> &jobs, const QVector<int> &indices, const QString &root,
                 QHash<int, QString> *errors)
{
    std::unique_ptr<cv::VideoCapture> capture;
    QString openError;
    qint64 next = -1; // the frame the capture reads next without seeking
    for (int i : indices) {
        const Job &job = jobs[i];
        const QString target = root + QLatin1Char('/') + job.entry.file;
        QString error;
        if (!job.cachedFrame.isEmpty() && QFileInfo(job.cachedFrame).isFile()) {
            QFile cached(job.cachedFrame);
            if (cached.open(QIODevice::ReadOnly) && writeBytes(target, cached.readAll(), &error))
                continue;
        }
        if (!capture && openError.isEmpty()) {
            if (!QFileInfo::exists(job.sourcePath)) {
                openError = MediaDecoder::tr("the video file is missing (moved or deleted?)");
            } else {
                try {
                    capture = std::make_unique<cv::VideoCapture>(job.sourcePath.toStdString(), cv::CAP_FFMPEG);
                    if (!capture->isOpened()) {
                        capture.reset();
                        openError = MediaDecoder::tr("cannot open the video");
                    }
                } catch (const cv::Exception &e) {
                    capture.reset();
                    openError = MediaDecoder::tr("cannot open the video") + QStringLiteral(": ") +
                                QString::fromStdString(e.msg);
                }
            }
        }
        if (!capture) {
            errors->insert(i, openError);
            continue;
        }
        cv::Mat frame;
        try {
            // Seeking by frame index is exact with FFmpeg (h264 with B-frames, VP9); the next frame needs no seek.
            if (job.frameIndex != next)
                capture->set(cv::CAP_PROP_POS_FRAMES, double(job.frameIndex));
            if (!capture->read(frame))
                frame.release();
        } catch (const cv::Exception &) {
            frame.release();
        }
        next = frame.empty() ? -1 : job.frameIndex + 1;
        if (frame.empty()) {
            errors->insert(i, MediaDecoder::tr("cannot decode frame %1").arg(job.frameIndex));
            continue;
        }
        if (!writeBytes(target, MediaDecoder::encodeJpeg(frame, 95), &error))
            errors->insert(i, DatasetExport::tr("cannot write %1: %2").arg(job.entry.file, error));
    }
}

QString number(double x)
{
    return qIsNaN(x) ? QString() : QString::number(x, 'f', 3);
}

} // namespace

DatasetExportResult DatasetExport::run(ProjectDatabase &db, const QString &outDir, const DatasetExportOptions &options,
                                       const Progress &progress)
{
    DatasetExportResult result;
    auto fail = [&result](const QString &message) {
        result.ok = false;
        result.error = message;
        return result;
    };

    // The target first: nothing is read or decoded for a folder that will be refused.
    const QString target = QDir::cleanPath(QFileInfo(outDir).absoluteFilePath());
    {
        const QFileInfo info(target);
        QStringList entries;
        if (info.isDir() && !info.isSymLink())
            entries = QDir(target).entryList(QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot);
        if (!entries.isEmpty() && OwnedFolder::isOwned(target) && !options.replace)
            return fail(tr("%1 holds files NSFW Workbench wrote before; add --replace to replace them.").arg(target));
    }
    OwnedFolder folder(target, options.replace ? OwnedFolder::Existing::Replace : OwnedFolder::Existing::Refuse);
    QString error;
    if (!folder.begin(&error))
        return fail(error);

    // Labels as training reads them, and with --split the split it makes.
    QString problem;
    const QHash<qint64, QString> hidden = DuplicateDecisionStore(db).exclusions(&problem);
    if (!problem.isEmpty())
        return fail(problem);
    QHash<qint64, QString> sideOf;
    if (options.split) {
        TrainSettings s;
        s.mode = TrainSettings::Mode::Partial;
        s.folds = 1;
        s.validationFraction = options.validationFraction;
        s.seed = options.seed;
        TrainingSet set;
        if (!TrainingSetReader::read(db, s, &set, &error))
            return fail(error);
        for (const Sample &x : std::as_const(set.train))
            sideOf.insert(x.itemId, QStringLiteral("train"));
        for (const Sample &x : std::as_const(set.validation))
            sideOf.insert(x.itemId, QStringLiteral("val"));
    }
    const QHash<qint64, QHash<QString, Label>> byAnnotator = LabelStore(db).annotatorLabels(&problem);
    if (!problem.isEmpty())
        return fail(problem);

    const MediaCache cache(db.cacheDir());
    QVector<Job> jobs;
    QSet<QString> taken;
    std::map<qint64, Unit> videos; // by video id: frames decoded together
    QVector<Unit> units;
    for (const ItemStore::MediaRow &row : ItemStore(db).mediaRows()) {
        const Item &it = row.item;
        const bool frame = it.kind == ItemKind::Frame;
        Label label = it.label;
        bool inherited = false;
        if (label == Label::None && frame) {
            label = row.parentLabel;
            inherited = true;
        }
        if ((label == Label::Unsure && !options.includeUnsure) || (label == Label::None && !options.includeUnlabeled))
            continue;
        if (hidden.contains(it.id) || hidden.contains(frame ? it.parentId : it.id)) {
            ++result.hidden;
            continue;
        }
        Job job;
        DatasetEntry &e = job.entry;
        e.itemId = it.id;
        e.label = label;
        e.isFrame = frame;
        e.source = frame ? row.parentPath + QStringLiteral("#frame=") + QString::number(it.frameIndex) : it.path;
        if (it.missing) {
            result.unreadable.append({it.id, e.source, tr("the file is missing (moved or deleted?)")});
            continue;
        }
        if (label == Label::Safe || label == Label::Nsfw)
            e.split = sideOf.value(it.id);
        // Agreement: each annotator's latest label of the item (of its video, when the frame took the video's).
        const auto votes = byAnnotator.constFind(inherited ? it.parentId : it.id);
        if (votes != byAnnotator.cend()) {
            int agreeing = 0;
            for (Label l : votes.value()) {
                e.annotators += l == Label::None ? 0 : 1;
                agreeing += l != Label::None && l == label ? 1 : 0;
            }
            if (e.annotators >= 2)
                e.agreement = double(agreeing) / double(e.annotators);
        }
        job.sourcePath = db.absolutePath(frame ? row.parentPath : it.path);
        QString wanted = QFileInfo(frame ? row.parentPath : it.path).fileName();
        if (frame) {
            wanted = QFileInfo(wanted).completeBaseName() + QStringLiteral("_frame") + QString::number(it.frameIndex) +
                     QStringLiteral(".jpg");
            job.frameIndex = it.frameIndex;
            job.cachedFrame = cache.framePath(MediaRef::of(it, job.sourcePath, row.parentHash).key);
        }
        e.file = folderOf(label, e.split, options.format) + QLatin1Char('/') + uniqueName(wanted, it.id, &taken);
        jobs.append(job);
        if (frame)
            videos[it.parentId].jobs.append(int(jobs.size() - 1));
        else
            units.append(Unit{{int(jobs.size() - 1)}});
    }
    for (auto &[video, unit] : videos) {
        std::sort(unit.jobs.begin(), unit.jobs.end(),
                  [&jobs](int a, int b) { return jobs[a].frameIndex < jobs[b].frameIndex; });
        units.append(unit);
    }
    if (jobs.isEmpty() && result.unreadable.isEmpty()) {
        return fail(options.includeUnsure || options.includeUnlabeled
                        ? tr("Nothing to export: the project has no items of the labels asked for.")
                        : tr("Nothing to export: no item is labeled safe or nsfw (--include-unsure and "
                             "--include-unlabelled add the others)."));
    }

    const QString root = folder.stagingPath();
    QSet<QString> folders;
    for (const Job &job : std::as_const(jobs))
        folders.insert(QFileInfo(job.entry.file).path());
    for (const QString &f : std::as_const(folders)) {
        if (!QDir(root).mkpath(f))
            return fail(tr("Cannot create the folder %1 in %2.").arg(f, root));
    }

    // Each unit writes only its own files and its own slot of errors: no locks needed.
    QVector<QHash<int, QString>> errorsOf(units.size());
    std::atomic<qint64> done{0};
    const auto caller = std::this_thread::get_id();
    const qint64 total = jobs.size();
    parallelFor(units.size(), options.threads, [&](qsizetype u) {
        const Unit &unit = units[u];
        if (jobs[unit.jobs.first()].entry.isFrame) {
            writeFrames(jobs, unit.jobs, root, &errorsOf[u]);
        } else {
            const int i = unit.jobs.first();
            QString why;
            if (!writeImage(jobs[i], root + QLatin1Char('/') + jobs[i].entry.file, options.copy, &why))
                errorsOf[u].insert(i, why);
        }
        const qint64 now = done.fetch_add(unit.jobs.size()) + unit.jobs.size();
        if (progress && std::this_thread::get_id() == caller)
            progress(now, total);
    });

    QHash<int, QString> failed;
    for (const QHash<int, QString> &e : std::as_const(errorsOf))
        failed.insert(e);
    for (int i = 0; i < jobs.size(); ++i) {
        const Job &job = jobs[i];
        if (const auto f = failed.constFind(i); f != failed.cend())
            result.unreadable.append({job.entry.itemId, job.entry.source, f.value()});
        else
            result.entries.append(job.entry);
    }
    std::sort(result.unreadable.begin(), result.unreadable.end(),
              [](const UnreadableItem &a, const UnreadableItem &b) { return a.itemId < b.itemId; });
    if (result.entries.isEmpty())
        return fail(tr("Nothing was exported: none of the %1 files could be read.").arg(result.unreadable.size()));

    if (options.format == DatasetExportOptions::Format::Csv) {
        QString text = csv::line({QStringLiteral("path"), QStringLiteral("label"), QStringLiteral("split"),
                                  QStringLiteral("annotators"), QStringLiteral("agreement"), QStringLiteral("item_id"),
                                  QStringLiteral("source")}) +
                       QLatin1Char('\n');
        for (const DatasetEntry &e : std::as_const(result.entries)) {
            text += csv::line({e.file, labelName(e.label), e.split,
                               e.annotators > 0 ? QString::number(e.annotators) : QString(), number(e.agreement),
                               QString::number(e.itemId), e.source}) +
                    QLatin1Char('\n');
        }
        if (!writeBytes(root + QLatin1Char('/') + QLatin1String(kManifestName), text.toUtf8(), &error))
            return fail(tr("Cannot write %1: %2").arg(QLatin1String(kManifestName), error));
    }
    if (!folder.commit(&error))
        return fail(error);
    result.ok = true;
    return result;
}

} // namespace nsfw
