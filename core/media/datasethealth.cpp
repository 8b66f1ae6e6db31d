#include "datasethealth.h"

#include "mediacache.h"
#include "mediadecoder.h"
#include "mediastats.h"
#include "nearduplicates.h"
#include "perceptualhash.h"

#include "common/parallel.h"

#include "store/duplicatedecisionstore.h"
#include "store/itemstore.h"
#include "store/mediahashstore.h"
#include "store/mediastatsstore.h"
#include "store/projectdatabase.h"

#include <QFileInfo>
#include <QMap>
#include <QSet>

#include <algorithm>

namespace nsfw {

void LabelCounts::add(Label label)
{
    switch (label) {
    case Label::Safe:
        ++safe;
        break;
    case Label::Nsfw:
        ++nsfw;
        break;
    case Label::Unsure:
        ++unsure;
        break;
    case Label::None:
        ++unlabeled;
        break;
    }
}

namespace {

/// Whether a group's members carry both safe and nsfw.
bool conflicting(const QVector<qint64> &ids, const QHash<qint64, Item> &media)
{
    bool safe = false, nsfw = false;
    for (qint64 id : ids) {
        const Label label = media.value(id).label;
        safe = safe || label == Label::Safe;
        nsfw = nsfw || label == Label::Nsfw;
    }
    return safe && nsfw;
}

/// One image check: its words, the measure it sorts by (lowest first unless highFirst) and when it flags.
struct ImageCheck {
    QString id;
    QString name;
    QString description;
    bool videosToo = false; ///< a size check: videos are judged too
    bool highFirst = false;
    std::function<double(const MediaStats &)> measure;
    std::function<bool(const MediaStats &, const HealthThresholds &)> flagged;
};

bool nearlyUniform(const MediaStats &s, const HealthThresholds &t)
{
    return s.entropy < t.lowEntropy && s.contrast < t.lowContrast;
}

QVector<ImageCheck> imageChecks(const HealthThresholds &limits)
{
    using H = DatasetHealth;
    return {
        {QStringLiteral("low-information"), H::tr("Nearly uniform"),
         H::tr("Images with next to nothing in them (blank, a flat colour, a faint fade): grey-level entropy below "
               "%1 bits (cleanvision's \"low information\") and grey levels spread less than %2 % of the range.")
             .arg(limits.lowEntropy)
             .arg(limits.lowContrast * 100),
         false, false, [](const MediaStats &s) { return s.contrast; }, nearlyUniform},
        {QStringLiteral("dark"), H::tr("Very dark"),
         H::tr("Images whose brightest 1 % of pixels is still below %1 % brightness (cleanvision's \"dark\" "
               "threshold).")
             .arg(limits.darkP99 * 100),
         false, false, [](const MediaStats &s) { return s.brightP99; },
         [](const MediaStats &s, const HealthThresholds &t) { return s.brightP99 < t.darkP99; }},
        {QStringLiteral("bright"), H::tr("Very bright"),
         H::tr("Washed-out images: the darkest 5 % of pixels is still above %1 % brightness (cleanvision's \"light\" "
               "threshold) and grey levels spread less than %2 % of the range.")
             .arg(limits.brightP5 * 100)
             .arg(limits.brightContrast * 100),
         false, true, [](const MediaStats &s) { return s.brightP5; },
         [](const MediaStats &s, const HealthThresholds &t) {
             return s.brightP5 > t.brightP5 && s.contrast < t.brightContrast;
         }},
        {QStringLiteral("blurry"), H::tr("Blurry"),
         H::tr("Images with little fine detail for their contrast (out of focus, shaken, heavily smoothed): sharpness "
               "below %1. Nearly uniform images are left to their own check.")
             .arg(limits.sharpness),
         false, false, [](const MediaStats &s) { return s.sharpness; },
         [](const MediaStats &s, const HealthThresholds &t) {
             return s.sharpness < t.sharpness && !nearlyUniform(s, t);
         }},
        {QStringLiteral("tiny"), H::tr("Tiny"),
         H::tr("Images and videos of fewer pixels than %1x%1: the model sees 224x224 and enlarges them several "
               "times.")
             .arg(limits.tinySide),
         true, false, [](const MediaStats &s) { return s.side(); },
         [](const MediaStats &s, const HealthThresholds &t) { return s.side() < t.tinySide; }},
        {QStringLiteral("odd-aspect"), H::tr("Extreme aspect ratio"),
         H::tr("Images and videos whose short side is less than %1 of the long one (cleanvision's \"odd aspect "
               "ratio\"): the model squeezes them into a square.")
             .arg(limits.aspect),
         true, false, [](const MediaStats &s) { return s.aspect(); },
         [](const MediaStats &s, const HealthThresholds &t) { return s.aspect() < t.aspect; }},
        {QStringLiteral("greyscale"), H::tr("Greyscale"),
         H::tr("Images without colour: all but a thousandth of the pixels have their red, green and blue within %1 "
               "of each other (0-255); a model trained on colour may judge them differently.")
             .arg(limits.greyChroma),
         false, false, [](const MediaStats &s) { return s.chroma; },
         [](const MediaStats &s, const HealthThresholds &t) { return s.chroma <= t.greyChroma; }},
    };
}

bool judged(const ImageCheck &spec, ItemKind kind)
{
    return kind == ItemKind::Image || (spec.videosToo && kind == ItemKind::Video);
}

/// The measured items a check flags, worst first.
HealthCheck imageCheck(const ImageCheck &spec, const HealthThresholds &t, const QHash<qint64, MediaStats> &stats,
                       const QHash<qint64, Item> &media)
{
    HealthCheck check{spec.id, spec.name, spec.description, {}, {}};
    QVector<QPair<double, qint64>> hits;
    for (auto it = stats.cbegin(); it != stats.cend(); ++it) {
        const auto item = media.constFind(it.key());
        if (item != media.cend() && judged(spec, item->kind) && spec.flagged(it.value(), t))
            hits.append({spec.measure(it.value()), it.key()});
    }
    const bool highFirst = spec.highFirst;
    std::sort(hits.begin(), hits.end(), [highFirst](const auto &a, const auto &b) {
        if (a.first != b.first)
            return highFirst ? a.first > b.first : a.first < b.first;
        return a.second < b.second;
    });
    for (const auto &[value, item] : hits) {
        check.items.append(item);
        check.values.append(value);
    }
    return check;
}

HealthCheck groupCheck(const QString &id, const QString &name, const QString &description,
                       const QVector<CopyGroup> &groups, bool conflictsOnly)
{
    HealthCheck check{id, name, description, {}, {}};
    for (qsizetype g = 0; g < groups.size(); ++g) {
        if (conflictsOnly && !groups[g].conflict)
            continue;
        for (qint64 item : groups[g].items) {
            check.items.append(item);
            check.values.append(double(g + 1));
        }
    }
    return check;
}

} // namespace

HealthReport DatasetHealth::compute(ProjectDatabase &db, const HealthThresholds &t, QString *error)
{
    HealthReport report;
    QString problem;
    const QHash<qint64, PerceptualHash> hashes = MediaHashStore(db).all(&problem);
    const QHash<qint64, MediaStats> stats = MediaStatsStore(db).all(&problem);
    // The near-copies by the default rule, less what people said are not copies (the pairs kept in the project).
    const QVector<QVector<qint64>> nearGroups = problem.isEmpty() ? projectNearDuplicateGroups(db, &problem)
                                                                  : QVector<QVector<qint64>>();
    if (!problem.isEmpty()) {
        if (error)
            *error = problem;
        return {};
    }

    // Class balance: what a model is trained on, images and frames, a frame judged by its video's label when it has
    // none of its own (as the training set reads them), counted in its video's folder.
    QHash<qint64, Item> media;
    const QVector<Item> all = ItemStore(db).all();
    for (const Item &item : all) {
        if (item.kind != ItemKind::Frame)
            media.insert(item.id, item);
    }
    LabelCounts images, frames;
    QMap<QString, LabelCounts> folders;
    for (const Item &item : all) {
        if (item.kind == ItemKind::Video)
            continue;
        const Item *source = &item;
        Label label = item.label;
        if (item.kind == ItemKind::Frame) {
            const auto video = media.constFind(item.parentId);
            if (video == media.cend())
                continue;
            source = &video.value();
            if (label == Label::None)
                label = video->label;
        }
        report.overall.add(label);
        (item.kind == ItemKind::Frame ? frames : images).add(label);
        folders[QFileInfo(source->path).path()].add(label);
    }
    report.byKind = {{tr("image"), images}, {tr("video frame"), frames}};
    for (auto it = folders.cbegin(); it != folders.cend(); ++it)
        report.byFolder.append({it.key(), it.value()});

    report.media = media.size();
    report.measured = stats.size();
    report.hashed = hashes.size();

    // Exact copies: the same perceptual signature throughout (the same pixels in another file: byte-identical files
    // are never imported twice, the importer counts them as duplicates and keeps one item).
    QHash<QByteArray, QVector<qint64>> bySignature;
    for (auto it = hashes.cbegin(); it != hashes.cend(); ++it) {
        QByteArray key = it->signature();
        key.append(reinterpret_cast<const char *>(it->phash.data()), sizeof(it->phash));
        bySignature[key].append(it.key());
    }
    for (QVector<qint64> &ids : bySignature) {
        if (ids.size() < 2)
            continue;
        std::sort(ids.begin(), ids.end());
        report.exactGroups.append({ids, conflicting(ids, media)});
    }
    std::sort(report.exactGroups.begin(), report.exactGroups.end(),
              [](const CopyGroup &a, const CopyGroup &b) { return a.items.first() < b.items.first(); });
    for (const QVector<qint64> &ids : nearGroups)
        report.nearGroups.append({ids, conflicting(ids, media)});
    std::stable_sort(report.nearGroups.begin(), report.nearGroups.end(),
                     [](const CopyGroup &a, const CopyGroup &b) { return a.conflict > b.conflict; });

    report.checks.append(groupCheck(
        QStringLiteral("exact-duplicates"), tr("Exact copies"),
        tr("Images and videos with the same pixels as another one in a different file (byte-identical files are "
           "imported once)."),
        report.exactGroups, false));
    report.checks.append(groupCheck(QStringLiteral("near-duplicates"), tr("Near-copies"),
                                    tr("Groups of resized, recompressed, cropped, bordered or captioned copies of one "
                                       "picture, by their perceptual hashes (as `duplicates` finds them)."),
                                    report.nearGroups, false));
    report.checks.append(groupCheck(QStringLiteral("label-conflicts"), tr("Conflicting labels among copies"),
                                    tr("Groups of near-copies labeled both safe and nsfw: one of the labels is "
                                       "probably wrong."),
                                    report.nearGroups, true));

    for (const ImageCheck &spec : imageChecks(t))
        report.checks.append(imageCheck(spec, t, stats, media));

    for (const HealthCheck &check : report.checks) {
        for (qint64 id : check.items)
            report.items.insert(id, media.value(id));
    }
    return report;
}

QStringList DatasetHealth::imageIssues(const MediaStats &stats, ItemKind kind, const HealthThresholds &thresholds)
{
    QStringList ids;
    for (const ImageCheck &spec : imageChecks(thresholds)) {
        if (stats.valid && judged(spec, kind) && spec.flagged(stats, thresholds))
            ids << spec.id;
    }
    return ids;
}

qint64 DatasetHealth::measureMissing(ProjectDatabase &db, const std::function<void(qint64, qint64)> &progress,
                                     QStringList *unreadable, QString *error)
{
    MediaHashStore hashStore(db);
    MediaStatsStore statsStore(db);
    QString problem;
    const QVector<qint64> noHash = hashStore.missing(&problem);
    const QVector<qint64> noStats = statsStore.missing(&problem);
    if (!problem.isEmpty()) {
        if (error)
            *error = problem;
        return -1;
    }
    const QSet<qint64> needHash(noHash.cbegin(), noHash.cend());
    const QSet<qint64> needStats(noStats.cbegin(), noStats.cend());
    QVector<qint64> missing = (needHash | needStats).values().toVector();
    std::sort(missing.begin(), missing.end());

    ItemStore items(db);
    struct Job {
        qint64 id = 0;
        QString path;
        bool video = false;
        int width = 0;
        int height = 0;
        PerceptualHash hash;
        MediaStats stats;
        QString problem;
    };
    constexpr qsizetype kChunk = 64;
    qint64 measured = 0;
    for (qsizetype from = 0; from < missing.size(); from += kChunk) {
        QVector<Job> jobs;
        for (qint64 id : missing.mid(from, kChunk)) {
            if (const auto item = items.item(id))
                jobs.append({id,
                             db.absolutePath(item->path),
                             item->kind == ItemKind::Video,
                             item->width,
                             item->height,
                             {},
                             {},
                             {}});
        }
        parallelFor(jobs.size(), 0, [&jobs](qsizetype i) {
            Job &job = jobs[i];
            cv::Mat picture;
            if (job.video) {
                MediaDecoder::probeVideo(job.path, &job.problem, &picture);
            } else {
                // Decoded as the importer does (big JPEGs reduced): every measure is independent of the scale.
                picture = MediaDecoder::readImage(job.path, MediaDecoder::kDefaultMaxPixels, &job.problem,
                                                  MediaCache::kThumbnailSize);
            }
            job.hash = PerceptualHash::of(picture);
            job.stats = MediaStats::of(picture, job.width, job.height);
        });
        Transaction tx(db);
        if (!tx.isActive()) {
            if (error)
                *error = tx.error();
            return -1;
        }
        for (const Job &job : jobs) {
            if (!job.stats.valid) {
                if (unreadable)
                    *unreadable << QStringLiteral("%1: %2").arg(job.path, job.problem);
                continue;
            }
            if (needHash.contains(job.id) && !hashStore.put(job.id, job.hash, error))
                return -1;
            if (needStats.contains(job.id) && !statsStore.put(job.id, job.stats, error))
                return -1;
            ++measured;
        }
        if (!tx.commit()) {
            if (error)
                *error = tx.error();
            return -1;
        }
        if (progress)
            progress(std::min<qint64>(from + kChunk, missing.size()), missing.size());
    }
    return measured;
}

} // namespace nsfw
