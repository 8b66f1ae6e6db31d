#include "nearduplicates.h"

#include "datasethealth.h"

#include "common/parallel.h"

#include "store/duplicatedecisionstore.h"
#include "store/mediahashstore.h"
#include "store/projectdatabase.h"


#include <QThread>

#include <cblas.h>
#include <opencv2/core.hpp>

#include <algorithm>
#include <future>
#include <numeric>
#include <unordered_map>

namespace nsfw {

bool NearDuplicateRule::matches(const PerceptualHash &a, const PerceptualHash &b) const
{
    // Cheapest first: two popcounts, the detail, then 256 products (beyond farBits), the two colour grids, the views.
    const int bits = a.phashDistance(b);
    if (bits > nearBits && std::min(a.detail, b.detail) < minDetail)
        return false;
    if (bits > farBits && a.thumbnailCorrelation(b) < beyondCorrelation)
        return false;
    // The mean colours' distance first: most pairs that get this far are told apart by it (a little slack, as the
    // cells' distances are rounded).
    if (a.chromaMeanBound(b) > maxChromaDistance + 1e-3f)
        return false;
    const PerceptualHash::ChromaDistance colour = a.chromaDistance(b);
    if (colour.mean > maxChromaDistance || colour.largest > maxChromaCellDistance)
        return false;
    return bits <= nearBits || bits > farBits || a.viewCorrelation(b) >= farCorrelation;
}

QString NearDuplicateRule::name() const
{
    // "views 2": viewCorrelation's alignments as of this version; pairs stored under another name are found again.
    return QStringLiteral("hash %1; views 2; same %2; far %3 %4; beyond %5; colour %6 %7; detail %8")
        .arg(PerceptualHash::kVersion)
        .arg(nearBits)
        .arg(farBits)
        .arg(double(farCorrelation))
        .arg(double(beyondCorrelation))
        .arg(double(maxChromaDistance))
        .arg(double(maxChromaCellDistance))
        .arg(double(minDetail));
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

// The screen counts bits with the popcount instruction where the CPU has one, chosen once at load time (an ifunc).
// ThreadSanitizer cannot run a resolver before it starts: there the plain build does.
#if defined(__SANITIZE_THREAD__)
#define NSFW_POPCOUNT_CLONES
#elif defined(__has_feature)
#if __has_feature(thread_sanitizer)
#define NSFW_POPCOUNT_CLONES
#endif
#endif
#ifndef NSFW_POPCOUNT_CLONES
#define NSFW_POPCOUNT_CLONES __attribute__((target_clones("popcnt", "default")))
#endif

namespace {

/// The pairs of row i with columns [c0, c1) (j > i only) that the rule takes, among pictures with detail. `bound`
/// holds upper bounds of the thumbnails' correlations (the product of their projections on a few principal components
/// plus the product of what is left of their lengths: Cauchy-Schwarz on the rest); a pair beyond farBits whose bound
/// is below the correlation that band needs cannot match. The rule itself decides the survivors. Cloned for CPUs with
/// a popcount instruction.
NSFW_POPCOUNT_CLONES void
screenRow(const float *bound, qsizetype i, qsizetype c0, qsizetype c1, const float *rest,
          const std::vector<const PerceptualHash *> &h, const std::vector<quint64> &whole,
          const std::vector<quint64> &trimmed, const NearDuplicateRule &rule, QVector<QPair<int, int>> *found)
{
    constexpr float kSlack = 1e-4f; // the BLAS products may differ from exact sums in the last bits
    const float restI = rest[i];
    const quint64 wholeI = whole[size_t(i)], trimmedI = trimmed[size_t(i)];
    const float beyondNeeds = rule.beyondCorrelation - kSlack;
    for (qsizetype j = std::max(c0, i + 1); j < c1; ++j) {
        const int bits = std::min(__builtin_popcountll(wholeI ^ whole[size_t(j)]),
                                  __builtin_popcountll(trimmedI ^ trimmed[size_t(j)]));
        if ((bits <= rule.farBits || bound[j - c0] + restI * rest[j] >= beyondNeeds)
            && rule.matches(*h[size_t(i)], *h[size_t(j)]))
            found->append({int(i), int(j)});
    }
}

/// The pairs with a picture of hardly any detail (`plain`), which the rule takes only within nearBits of pHash
/// (whole or trimmed view): two 64-bit hashes that close agree on one of nearBits + 1 pieces at least (the pigeonhole
/// principle), so each view's pieces are looked up, and the rule decides the pairs that share one. Positions below
/// `rows` are compared with every later one, as in the search of the others.
void plainPairs(const std::vector<char> &plain, qsizetype rows, const std::vector<const PerceptualHash *> &h,
                const NearDuplicateRule &rule, QVector<QPair<int, int>> *found)
{
    const int pieces = std::clamp(rule.nearBits + 1, 1, 64);
    auto piece = [pieces](quint64 hash, int k) {
        const int from = 64 * k / pieces, to = 64 * (k + 1) / pieces;
        return to - from == 64 ? hash : (hash >> from) & ((quint64(1) << (to - from)) - 1);
    };
    const int n = int(h.size());
    for (int view = 0; view < 2; ++view) {
        for (int k = 0; k < pieces; ++k) {
            std::unordered_map<quint64, std::vector<int>> buckets;
            for (int i = 0; i < n; ++i)
                buckets[piece(h[size_t(i)]->phash[size_t(view)], k)].push_back(i);
            for (const auto &[key, members] : buckets) {
                for (int p : members) {
                    if (!plain[size_t(p)])
                        continue;
                    for (int q : members) {
                        // Each pair once: from its plain member, the first one when both are.
                        if (q == p || (plain[size_t(q)] && q < p) || std::min(p, q) >= rows)
                            continue;
                        const PerceptualHash &a = *h[size_t(p)], &b = *h[size_t(q)];
                        // ... and from the first view and piece the two share.
                        bool earlier = false;
                        for (int v = 0; v <= view && !earlier; ++v) {
                            for (int e = 0; e < (v < view ? pieces : k) && !earlier; ++e)
                                earlier = piece(a.phash[size_t(v)], e) == piece(b.phash[size_t(v)], e);
                        }
                        if (!earlier && rule.matches(a, b))
                            found->append({std::min(p, q), std::max(p, q)});
                    }
                }
            }
        }
    }
}

} // namespace

QVector<QPair<qint64, qint64>> nearDuplicatePairs(const QHash<qint64, PerceptualHash> &hashes,
                                                  const QVector<qint64> &fresh, const NearDuplicateRule &rule,
                                                  qint64 blockedFrom)
{
    // Positions: the fresh items first (each compared to everything after it), then the settled ones.
    QVector<qint64> ids;
    qsizetype freshCount = 0; // of them hashed
    if (fresh.isEmpty()) {
        ids = hashes.keys().toVector();
        std::sort(ids.begin(), ids.end());
    } else {
        QSet<qint64> isFresh;
        for (qint64 id : fresh) {
            if (hashes.contains(id) && !isFresh.contains(id)) {
                isFresh.insert(id);
                ids << id;
            }
        }
        std::sort(ids.begin(), ids.end());
        freshCount = ids.size();
        QVector<qint64> settled;
        for (auto it = hashes.cbegin(); it != hashes.cend(); ++it) {
            if (!isFresh.contains(it.key()))
                settled << it.key();
        }
        std::sort(settled.begin(), settled.end());
        ids += settled;
    }
    const qsizetype n = ids.size();
    const qsizetype rows = fresh.isEmpty() ? n : freshCount;
    std::vector<const PerceptualHash *> h(static_cast<size_t>(n));
    for (qsizetype i = 0; i < n; ++i)
        h[size_t(i)] = &hashes.find(ids[i]).value();
    QVector<QPair<int, int>> found;
    const qint64 pairs = qint64(rows) * (n - 1) - qint64(rows) * (rows - 1) / 2;
    if (pairs < blockedFrom) {
        // Few pairs: the rule on each, cheapest test first.
        for (qsizetype i = 0; i < rows; ++i) {
            for (qsizetype j = i + 1; j < n; ++j) {
                if (rule.matches(*h[size_t(i)], *h[size_t(j)]))
                    found.append({int(i), int(j)});
            }
        }
    } else {
        // Pictures with hardly any detail (a quarter of the crops of wallpapers in `benchmark grouping`) match only
        // within nearBits of pHash: looked up by pieces of it. The others, in the same order, are searched in blocks.
        std::vector<char> plain(static_cast<size_t>(n));
        std::vector<int> detailed; // their positions
        qsizetype detailedRows = 0;
        for (qsizetype i = 0; i < n; ++i) {
            plain[size_t(i)] = h[size_t(i)]->detail < rule.minDetail;
            if (!plain[size_t(i)]) {
                detailed.push_back(int(i));
                detailedRows += i < rows ? 1 : 0;
            }
        }
        plainPairs(plain, rows, h, rule, &found);
        const qsizetype m = qsizetype(detailed.size());
        std::vector<const PerceptualHash *> dh(static_cast<size_t>(m));
        std::vector<quint64> whole(static_cast<size_t>(m)), trimmed(static_cast<size_t>(m));
        for (qsizetype i = 0; i < m; ++i) {
            dh[size_t(i)] = h[size_t(detailed[size_t(i)])];
            whole[size_t(i)] = dh[size_t(i)]->phash[0];
            trimmed[size_t(i)] = dh[size_t(i)]->phash[1];
        }
        // Each thumbnail (unit length, zero mean) as its coordinates on the first kDim principal components of
        // them all, plus the length of what is left: their products bound the correlations from above. Blocks of
        // kRows rows against kCols columns at a time, each block's products screened on the pool while BLAS
        // computes the next one's.
        constexpr int kDim = 64, kFull = PerceptualHash::kThumbnailSide * PerceptualHash::kThumbnailSide;
        constexpr qsizetype kRows = 512, kCols = 8192, kPcaSample = 20000;
        cv::Mat thumbnails(int(m), kFull, CV_32F);
        for (qsizetype i = 0; i < m; ++i)
            std::copy(dh[size_t(i)]->thumbnail.begin(), dh[size_t(i)]->thumbnail.end(), thumbnails.ptr<float>(int(i)));
        cv::Mat sample;
        for (qsizetype i = 0; i < m; i += std::max<qsizetype>(1, m / kPcaSample))
            sample.push_back(thumbnails.row(int(i)));
        cv::Mat coords, basis;
        if (m > 1) {
            const cv::PCA pca(sample, cv::noArray(), cv::PCA::DATA_AS_ROW, kDim);
            pca.eigenvectors.convertTo(basis, CV_32F); // orthonormal rows
            coords = thumbnails * basis.t();           // m x dim, contiguous
        }
        const int dim = basis.rows;
        std::vector<float> rest(static_cast<size_t>(m));
        for (qsizetype i = 0; i < m && m > 1; ++i) {
            const double all = cv::norm(thumbnails.row(int(i)), cv::NORM_L2SQR);
            const double kept = cv::norm(coords.row(int(i)), cv::NORM_L2SQR);
            // A little more than the exact remainder, so rounding never makes the bound too tight.
            rest[size_t(i)] = float(std::sqrt(std::max(0.0, all - kept)) + 1e-5);
        }
        thumbnails.release();
        const float *matrix = coords.empty() ? nullptr : coords.ptr<float>();
        struct Block {
            qsizetype r0, r1, c0, c1;
        };
        std::vector<Block> blocks;
        for (qsizetype r0 = 0; r0 < detailedRows && m > 1; r0 += kRows) {
            for (qsizetype c0 = r0; c0 < m; c0 += kCols)
                blocks.push_back({r0, std::min(detailedRows, r0 + kRows), c0, std::min(m, c0 + kCols)});
        }
        std::vector<float> products[2] = {std::vector<float>(size_t(kRows * kCols)),
                                          std::vector<float>(size_t(kRows * kCols))};
        auto multiply = [&](const Block &b, std::vector<float> &out) {
            cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasTrans, int(b.r1 - b.r0), int(b.c1 - b.c0), dim, 1.0f,
                        matrix + b.r0 * dim, dim, matrix + b.c0 * dim, dim, 0.0f, out.data(), int(b.c1 - b.c0));
        };
        const int threads = std::max(1, QThread::idealThreadCount());
        std::vector<QVector<QPair<int, int>>> perThread(static_cast<size_t>(threads));
        if (!blocks.empty())
            multiply(blocks[0], products[0]);
        for (size_t k = 0; k < blocks.size(); ++k) {
            const Block &b = blocks[k];
            const std::vector<float> &ready = products[k % 2];
            std::future<void> next;
            if (k + 1 < blocks.size())
                next = std::async(std::launch::async, [&, k] { multiply(blocks[k + 1], products[(k + 1) % 2]); });
            parallelFor(threads, threads, [&](qsizetype t) {
                for (qsizetype r = b.r0 + t; r < b.r1; r += threads)
                    screenRow(ready.data() + (r - b.r0) * (b.c1 - b.c0), r, b.c0, b.c1, rest.data(), dh, whole,
                              trimmed, rule, &perThread[size_t(t)]);
            });
            if (next.valid())
                next.get();
        }
        for (const auto &part : perThread) {
            for (const auto &[i, j] : part)
                found.append({detailed[size_t(i)], detailed[size_t(j)]});
        }
    }
    QVector<QPair<qint64, qint64>> result;
    result.reserve(found.size());
    for (const auto &[i, j] : std::as_const(found))
        result.append({std::min(ids[i], ids[j]), std::max(ids[i], ids[j])});
    return result;
}

QVector<QVector<qint64>> groupsOfPairs(const QVector<QPair<qint64, qint64>> &pairs,
                                       const QSet<QPair<qint64, qint64>> &notDuplicates)
{
    QHash<qint64, int> position;
    QVector<qint64> ids;
    for (const auto &[a, b] : pairs) {
        for (qint64 id : {a, b}) {
            if (!position.contains(id)) {
                position.insert(id, int(ids.size()));
                ids << id;
            }
        }
    }
    DisjointSets sets(int(ids.size()));
    for (const auto &pair : pairs) {
        if (!notDuplicates.contains(pair))
            sets.join(position.value(pair.first), position.value(pair.second));
    }
    QHash<int, QVector<qint64>> byRoot;
    for (qsizetype i = 0; i < ids.size(); ++i)
        byRoot[sets.find(int(i))].append(ids[i]);
    QVector<QVector<qint64>> groups;
    for (auto &g : byRoot) {
        if (g.size() > 1) {
            std::sort(g.begin(), g.end());
            groups.append(g);
        }
    }
    std::sort(groups.begin(), groups.end(), [](const QVector<qint64> &a, const QVector<qint64> &b) {
        return a.size() != b.size() ? a.size() > b.size() : a.first() < b.first();
    });
    return groups;
}

QVector<QVector<qint64>> nearDuplicateGroups(const QHash<qint64, PerceptualHash> &hashes,
                                             const NearDuplicateRule &rule,
                                             const QSet<QPair<qint64, qint64>> &notDuplicates)
{
    return groupsOfPairs(nearDuplicatePairs(hashes, {}, rule), notDuplicates);
}

QVector<QVector<qint64>> projectNearDuplicateGroups(ProjectDatabase &db, QString *error)
{
    const NearDuplicateRule rule;
    // The stored pairs hold for this rule and this way of hashing only.
    const QString ruleName = rule.name();
    MediaHashStore store(db);
    QString problem;
    QVector<QPair<qint64, qint64>> pairs = store.pairs(ruleName, &problem);
    const QVector<qint64> unpaired = problem.isEmpty() ? store.unpaired(&problem) : QVector<qint64>();
    if (problem.isEmpty() && !unpaired.isEmpty()) {
        const QHash<qint64, PerceptualHash> hashes = store.all(&problem);
        if (problem.isEmpty()) {
            const QVector<QPair<qint64, qint64>> found = nearDuplicatePairs(hashes, unpaired, rule);
            if (store.addPairs(found, unpaired, &problem))
                pairs += found;
        }
    }
    const QSet<QPair<qint64, qint64>> notDuplicates =
        problem.isEmpty() ? DuplicateDecisionStore(db).notDuplicates(&problem) : QSet<QPair<qint64, qint64>>();
    if (!problem.isEmpty()) {
        if (error)
            *error = problem;
        return {};
    }
    return groupsOfPairs(pairs, notDuplicates);
}

QHash<qint64, qint64> nearDuplicateGroupOf(ProjectDatabase &db, QString *error)
{
    QHash<qint64, qint64> groupOf;
    for (const QVector<qint64> &group : projectNearDuplicateGroups(db, error)) {
        for (qint64 id : group)
            groupOf.insert(id, group.first());
    }
    return groupOf;
}

qint64 hashMissingMedia(ProjectDatabase &db, const std::function<void(qint64 done, qint64 total)> &progress,
                        QStringList *unreadable, QString *error)
{
    // One pass for both: a picture an older import left unhashed lacks its health measures too.
    return DatasetHealth::measureMissing(db, progress, unreadable, error);
}

} // namespace nsfw
