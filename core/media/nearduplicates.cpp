#include "nearduplicates.h"

#include "mediadecoder.h"

#include "common/parallel.h"

#include "store/duplicatedecisionstore.h"
#include "store/itemstore.h"
#include "store/mediahashstore.h"
#include "store/projectdatabase.h"


#include <algorithm>
#include <numeric>

namespace nsfw {

bool NearDuplicateRule::matches(const PerceptualHash &a, const PerceptualHash &b) const
{
    // Cheapest first: 32 differences of colour, two popcounts, then 256 products.
    if (a.chromaDistance(b) > maxChromaDistance)
        return false;
    const int bits = a.phashDistance(b);
    const float needed = bits <= nearBits ? nearCorrelation : bits <= farBits ? farCorrelation : beyondCorrelation;
    return a.thumbnailCorrelation(b) >= needed;
}

namespace {

struct DisjointSets {
    std::vector<int> parent;
    explicit DisjointSets(int n)
        : parent(size_t(n))
    {
        std::iota(parent.begin(), parent.end(), 0);
    }
    int find(int x)
    {
        while (parent[size_t(x)] != x) {
            parent[size_t(x)] = parent[size_t(parent[size_t(x)])];
            x = parent[size_t(x)];
        }
        return x;
    }
    void join(int a, int b)
    {
        a = find(a);
        b = find(b);
        if (a != b)
            parent[size_t(std::max(a, b))] = std::min(a, b);
    }
};

} // namespace

QVector<QVector<qint64>> nearDuplicateGroups(const QHash<qint64, PerceptualHash> &hashes,
                                             const NearDuplicateRule &rule,
                                             const QSet<QPair<qint64, qint64>> &notDuplicates)
{
    QVector<qint64> ids = hashes.keys().toVector();
    std::sort(ids.begin(), ids.end());
    std::vector<const PerceptualHash *> h;
    h.reserve(size_t(ids.size()));
    for (qint64 id : ids)
        h.push_back(&hashes.find(id).value());
    // Every pair, checked cheaply; the index that avoids the all-pairs loop on big projects is still to come.
    DisjointSets sets(int(ids.size()));
    for (qsizetype i = 0; i < ids.size(); ++i) {
        for (qsizetype j = i + 1; j < ids.size(); ++j) {
            if (rule.matches(*h[size_t(i)], *h[size_t(j)]) && !notDuplicates.contains({ids[i], ids[j]}))
                sets.join(int(i), int(j));
        }
    }
    QHash<int, QVector<qint64>> byRoot;
    for (qsizetype i = 0; i < ids.size(); ++i)
        byRoot[sets.find(int(i))].append(ids[i]);
    QVector<QVector<qint64>> groups;
    for (auto &g : byRoot) {
        if (g.size() > 1)
            groups.append(g);
    }
    std::sort(groups.begin(), groups.end(), [](const QVector<qint64> &a, const QVector<qint64> &b) {
        return a.size() != b.size() ? a.size() > b.size() : a.first() < b.first();
    });
    return groups;
}

QHash<qint64, qint64> nearDuplicateGroupOf(ProjectDatabase &db, QString *error)
{
    QHash<qint64, qint64> groupOf;
    QString problem;
    const QHash<qint64, PerceptualHash> hashes = MediaHashStore(db).all(&problem);
    const QSet<QPair<qint64, qint64>> notDuplicates = DuplicateDecisionStore(db).notDuplicates(&problem);
    if (!problem.isEmpty()) {
        if (error)
            *error = problem;
        return groupOf;
    }
    for (const QVector<qint64> &group : nearDuplicateGroups(hashes, {}, notDuplicates)) {
        for (qint64 id : group)
            groupOf.insert(id, group.first());
    }
    return groupOf;
}

qint64 hashMissingMedia(ProjectDatabase &db, const std::function<void(qint64 done, qint64 total)> &progress,
                        QStringList *unreadable, QString *error)
{
    MediaHashStore store(db);
    const QVector<qint64> missing = store.missing(error);
    if (error && !error->isEmpty())
        return -1;
    ItemStore items(db);
    struct Job {
        qint64 id = 0;
        QString path;
        bool video = false;
        PerceptualHash hash;
        QString problem;
    };
    constexpr qsizetype kChunk = 64;
    qint64 hashed = 0;
    for (qsizetype from = 0; from < missing.size(); from += kChunk) {
        QVector<Job> jobs;
        for (qint64 id : missing.mid(from, kChunk)) {
            if (const auto item = items.item(id))
                jobs.append({id, db.absolutePath(item->path), item->kind == ItemKind::Video, {}, {}});
        }
        parallelFor(jobs.size(), 0, [&jobs](qsizetype i) {
            Job &job = jobs[i];
            cv::Mat picture;
            if (job.video)
                MediaDecoder::probeVideo(job.path, &job.problem, &picture);
            else
                picture = MediaDecoder::readImage(job.path, MediaDecoder::kDefaultMaxPixels, &job.problem);
            job.hash = PerceptualHash::of(picture);
        });
        Transaction tx(db);
        if (!tx.isActive()) {
            if (error)
                *error = tx.error();
            return -1;
        }
        for (const Job &job : jobs) {
            if (!job.hash.valid) {
                if (unreadable)
                    *unreadable << QStringLiteral("%1: %2").arg(job.path, job.problem);
                continue;
            }
            if (!store.put(job.id, job.hash, error))
                return -1;
            ++hashed;
        }
        if (!tx.commit()) {
            if (error)
                *error = tx.error();
            return -1;
        }
        if (progress)
            progress(std::min<qint64>(from + kChunk, missing.size()), missing.size());
    }
    return hashed;
}

} // namespace nsfw
