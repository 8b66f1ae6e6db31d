// Perceptual hashes of real pictures (Debian's clip art and wallpapers): an edited copy stays close on every view,
// a margin added or cut does not move the trimmed view, and different pictures are far apart.
#include "media/mediadecoder.h"
#include "media/nearduplicates.h"
#include "media/perceptualhash.h"

#include "testsupport.h"

#include <QTest>

#include <limits>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

using namespace nsfw;

namespace {

cv::Mat read(const QString &path)
{
    QString error;
    return MediaDecoder::readImage(path, MediaDecoder::kDefaultMaxPixels, &error);
}

cv::Mat recompressed(const cv::Mat &bgr, int quality)
{
    std::vector<uchar> bytes;
    cv::imencode(".jpg", bgr, bytes, {cv::IMWRITE_JPEG_QUALITY, quality});
    return cv::imdecode(bytes, cv::IMREAD_COLOR);
}

/// A caption on a dark band over the bottom tenth, as people share pictures.
cv::Mat withCaption(const cv::Mat &bgr)
{
    cv::Mat captioned = bgr.clone();
    const int band = std::max(12, captioned.rows / 10);
    const cv::Rect strip(0, captioned.rows - band, captioned.cols, band);
    captioned(strip) = captioned(strip) * 0.3;
    cv::putText(captioned, "shared by someone", cv::Point(band / 4, captioned.rows - band / 3),
                cv::FONT_HERSHEY_SIMPLEX, band / 30.0, cv::Scalar(255, 255, 255), 1, cv::LINE_AA);
    return captioned;
}

/// The picture with 5 % cut from each side.
cv::Mat middle(const cv::Mat &bgr)
{
    const int dx = bgr.cols / 20, dy = bgr.rows / 20;
    return bgr(cv::Rect(dx, dy, bgr.cols - 2 * dx, bgr.rows - 2 * dy)).clone();
}

} // namespace

class TestPerceptualHash : public QObject
{
    Q_OBJECT

    QStringList m_pictures;

private Q_SLOTS:
    void initTestCase()
    {
        m_pictures = test::clipArt(40);
        m_pictures += test::wallpapers(4);
        NSFW_REQUIRE_SETUP(m_pictures.size() < 40 ? QStringLiteral("openclipart-png is not installed "
                                                                   "(packaging/setup.sh)")
                                                  : QString());
    }

    void anEmptyPictureHasNoHash()
    {
        QVERIFY(!PerceptualHash::of(cv::Mat()).valid);
        // A uniform picture has hashes, but its thumbnail correlates with nothing.
        const PerceptualHash grey = PerceptualHash::of(cv::Mat(64, 64, CV_8UC3, cv::Scalar(128, 128, 128)));
        QVERIFY(grey.valid);
        QCOMPARE(grey.thumbnailCorrelation(grey), 0.f);
    }

    void editedCopiesStayCloseOnEveryView()
    {
        for (const QString &path : m_pictures.mid(0, 12)) {
            const cv::Mat original = read(path);
            QVERIFY2(!original.empty(), qPrintable(path));
            const PerceptualHash h = PerceptualHash::of(original);
            cv::Mat half, darker;
            cv::resize(original, half, cv::Size(), 0.5, 0.5, cv::INTER_AREA);
            original.convertTo(darker, -1, 0.9, -10);
            for (const cv::Mat &copy : {half, recompressed(original, 50), darker}) {
                const PerceptualHash c = PerceptualHash::of(copy);
                QVERIFY2(h.phashDistance(c) <= 10, qPrintable(path));
                QVERIFY2(h.blockMeanDistance(c) <= 40, qPrintable(path));
                QVERIFY2(h.thumbnailCorrelation(c) >= 0.9f, qPrintable(path));
                QVERIFY2(h.chromaDistance(c).mean <= 10, qPrintable(path));
            }
        }
    }

    void aBorderDoesNotMoveTheTrimmedView()
    {
        int plainFar = 0;
        for (const QString &path : m_pictures.mid(0, 12)) {
            const cv::Mat original = read(path);
            const int width = std::max(4, original.cols / 25);
            cv::Mat framed;
            cv::copyMakeBorder(original, framed, width, width, width, width, cv::BORDER_CONSTANT, cv::Scalar(0, 0, 0));
            const PerceptualHash h = PerceptualHash::of(original), f = PerceptualHash::of(framed);
            QVERIFY2(h.phashDistance(f) <= 4, qPrintable(path));
            QVERIFY2(h.thumbnailCorrelation(f) >= 0.95f, qPrintable(path));
            plainFar += qPopulationCount(h.phash[0] ^ f.phash[0]) > 10;
        }
        QVERIFY2(plainFar >= 3, "the black frame should move the whole picture's pHash of several pictures");
    }

    void captionsAndCropsAlignOnOtherViews()
    {
        // A caption band over the bottom tenth moves the trimmed view (its band spans the picture); a 5 % crop of
        // each side cuts into the drawing. The best-aligned views still see the same picture; the trimmed
        // thumbnails alone do not, for some of them.
        const float needs = NearDuplicateRule().farCorrelation;
        int captionsFound = 0, cropsFound = 0, trimmedMissed = 0;
        const int n = 12;
        for (const QString &path : m_pictures.mid(0, n)) {
            const cv::Mat original = read(path);
            const cv::Mat captioned = withCaption(original), cropped = middle(original);
            const PerceptualHash h = PerceptualHash::of(original), c = PerceptualHash::of(captioned),
                                 k = PerceptualHash::of(cropped);
            QCOMPARE(h.viewCorrelation(c), c.viewCorrelation(h)); // symmetric
            captionsFound += h.viewCorrelation(c) >= needs;
            cropsFound += h.viewCorrelation(k) >= needs;
            // Missed even at a lower bar than the rule's (11 of 24 here).
            trimmedMissed += (h.thumbnailCorrelation(c) < 0.86f) + (h.thumbnailCorrelation(k) < 0.86f);
            QVERIFY2(h.viewCorrelation(c) >= h.thumbnailCorrelation(c) - 0.1f, qPrintable(path));
        }
        QVERIFY2(captionsFound >= n - 1, qPrintable(QString::number(captionsFound)));
        QVERIFY2(cropsFound >= n - 1, qPrintable(QString::number(cropsFound)));
        QVERIFY2(trimmedMissed >= 3, qPrintable(QString::number(trimmedMissed)));
    }

    void aCaptionedCopyAlignsWithACroppedOne()
    {
        // Two copies of one drawing that fills its page (insects, drawn to their edges): one captioned, one
        // cropped. The middle of the captioned copy keeps half of its band, so it matches the cropped one only
        // without its bottom rows (before, 9 of these 12 pairs were found).
        const QStringList drawings = test::clipArt(12, QStringLiteral("animals/bugs"));
        QVERIFY(drawings.size() == 12);
        const float needs = NearDuplicateRule().farCorrelation;
        int found = 0;
        for (const QString &path : drawings) {
            const cv::Mat original = read(path);
            const PerceptualHash c = PerceptualHash::of(withCaption(original)), k = PerceptualHash::of(middle(original));
            QCOMPARE(c.viewCorrelation(k), k.viewCorrelation(c));
            found += c.viewCorrelation(k) >= needs;
        }
        QVERIFY2(found >= 11, qPrintable(QString::number(found)));
    }

    void oneCellOfAnotherColourIsAnotherPicture()
    {
        // Two pictures from one template (a traffic light lit red, then green): the same shapes, and the colours
        // differ in one cell of the grid only, which the mean hardly sees and the farthest cell does.
        cv::Mat red(256, 256, CV_8UC3, cv::Scalar(255, 255, 255));
        cv::rectangle(red, cv::Rect(80, 16, 96, 224), cv::Scalar(40, 40, 40), cv::FILLED);
        cv::Mat green = red.clone();
        cv::circle(red, cv::Point(116, 44), 15, cv::Scalar(0, 0, 230), cv::FILLED);
        cv::circle(green, cv::Point(116, 44), 15, cv::Scalar(0, 200, 0), cv::FILLED);
        const PerceptualHash a = PerceptualHash::of(red), b = PerceptualHash::of(green);
        const NearDuplicateRule rule;
        QVERIFY(a.chromaDistance(b).mean <= rule.maxChromaDistance);
        QVERIFY2(a.chromaDistance(b).largest > rule.maxChromaCellDistance,
                 qPrintable(QStringLiteral("%1 %2").arg(a.chromaDistance(b).mean).arg(a.chromaDistance(b).largest)));
        QVERIFY(!rule.matches(a, b));
        QVERIFY(rule.matches(a, PerceptualHash::of(recompressed(red, 60))));
    }

    void picturesWithoutDetailNeedTheSamePHash()
    {
        // Two patches of sky: smooth gradients, one a little tilted. Every view correlates; nothing tells them apart
        // but they are not copies, so their pHash must be the same, which it is not.
        cv::Mat a(240, 320, CV_8UC3), b(240, 320, CV_8UC3);
        for (int y = 0; y < a.rows; ++y) {
            for (int x = 0; x < a.cols; ++x) {
                a.at<cv::Vec3b>(y, x) = cv::Vec3b(200, uchar(120 + y / 4), uchar(60 + y / 3));
                b.at<cv::Vec3b>(y, x) = cv::Vec3b(200, uchar(118 + y / 4 + x / 40), uchar(60 + y / 3));
            }
        }
        const PerceptualHash h = PerceptualHash::of(a), k = PerceptualHash::of(b);
        const NearDuplicateRule rule;
        QVERIFY2(h.detail < rule.minDetail && k.detail < rule.minDetail,
                 qPrintable(QStringLiteral("%1 %2").arg(h.detail).arg(k.detail)));
        QVERIFY(h.viewCorrelation(k) >= rule.farCorrelation);
        QVERIFY(h.phashDistance(k) > rule.nearBits);
        QVERIFY(!rule.matches(h, k));
        // Clip art has detail.
        QVERIFY(PerceptualHash::of(read(m_pictures.first())).detail >= rule.minDetail);
    }

    void differentPicturesAreFarApart()
    {
        QVector<PerceptualHash> hashes;
        for (const QString &path : m_pictures)
            hashes << PerceptualHash::of(read(path));
        qint64 pairs = 0, close = 0;
        for (qsizetype i = 0; i < hashes.size(); ++i) {
            for (qsizetype j = i + 1; j < hashes.size(); ++j) {
                ++pairs;
                close += hashes[i].phashDistance(hashes[j]) <= 6 && hashes[i].thumbnailCorrelation(hashes[j]) >= 0.9f;
            }
        }
        // A few drawings of openclipart are variants of one another; nearly all pairs must be told apart.
        QVERIFY2(close * 100 <= pairs, qPrintable(QStringLiteral("%1 of %2 pairs close").arg(close).arg(pairs)));
    }

    void groupsAreTheConnectedCopies()
    {
        // Two pictures with copies (ids 10-12 of the first, 20-21 of the second) among other pictures (30+). Clip art
        // has variants of one drawing: pictures the rule joins to one already taken are left out.
        const NearDuplicateRule rule;
        QVector<PerceptualHash> taken;
        QStringList distinct;
        for (const QString &path : m_pictures) {
            const PerceptualHash h = PerceptualHash::of(read(path));
            if (std::none_of(taken.cbegin(), taken.cend(), [&](const PerceptualHash &t) { return rule.matches(h, t); })) {
                taken << h;
                distinct << path;
            }
        }
        QVERIFY(distinct.size() >= 12);
        QHash<qint64, PerceptualHash> hashes;
        const cv::Mat a = read(distinct[0]), b = read(distinct[1]);
        cv::Mat aHalf, aFramed;
        cv::resize(a, aHalf, cv::Size(), 0.5, 0.5, cv::INTER_AREA);
        cv::copyMakeBorder(a, aFramed, 10, 10, 10, 10, cv::BORDER_CONSTANT, cv::Scalar(255, 255, 255));
        hashes.insert(10, PerceptualHash::of(a));
        hashes.insert(11, PerceptualHash::of(aHalf));
        hashes.insert(12, PerceptualHash::of(aFramed));
        hashes.insert(20, PerceptualHash::of(b));
        hashes.insert(21, PerceptualHash::of(recompressed(b, 40)));
        for (qsizetype i = 2; i < distinct.size(); ++i)
            hashes.insert(30 + i, taken[i]);
        const QVector<QVector<qint64>> groups = nearDuplicateGroups(hashes);
        QCOMPARE(groups.size(), 2);
        QCOMPARE(groups[0], (QVector<qint64>{10, 11, 12})); // the largest first, members in id order
        QCOMPARE(groups[1], (QVector<qint64>{20, 21}));
        // "Not duplicates" cuts a pair: the second picture's copy stands alone, the first group holds through its
        // other links.
        const QVector<QVector<qint64>> cut = nearDuplicateGroups(hashes, {}, {{20, 21}, {10, 11}});
        QCOMPARE(cut, (QVector<QVector<qint64>>{{10, 11, 12}}));
    }

    void blockedSearchFindsTheRulesPairs()
    {
        // 600 clip-art pictures, every fifth with a half-size and a recompressed copy: the blocked search (BLAS
        // products, then the bands, then the rule) finds exactly the pairs the rule finds on every pair, and so
        // does comparing only the newest items to the rest.
        const QStringList art = test::clipArt(600);
        NSFW_REQUIRE_SETUP(art.size() < 600 ? QStringLiteral("openclipart-png is not installed (packaging/setup.sh)")
                                            : QString());
        QHash<qint64, PerceptualHash> hashes;
        for (qsizetype i = 0; i < art.size(); ++i) {
            const cv::Mat picture = read(art[i]);
            hashes.insert(i + 1, PerceptualHash::of(picture));
            if (i % 5 == 0) {
                cv::Mat half;
                cv::resize(picture, half, cv::Size(), 0.5, 0.5, cv::INTER_AREA);
                hashes.insert(1000 + i, PerceptualHash::of(half));
                hashes.insert(2000 + i, PerceptualHash::of(recompressed(picture, 50)));
            }
        }
        // And 60 patches of sky (smooth gradients: no detail), each with a recompressed copy, which the search looks
        // up by pieces of their pHash: the originals among the settled items, the copies among the new ones.
        cv::RNG random(7);
        for (int k = 0; k < 60; ++k) {
            cv::Mat sky(120, 160, CV_8UC3);
            const cv::Vec3d base(random.uniform(40, 200), random.uniform(40, 200), random.uniform(40, 200));
            const double dx = random.uniform(-0.3, 0.3), dy = random.uniform(-0.3, 0.3);
            for (int y = 0; y < sky.rows; ++y)
                for (int x = 0; x < sky.cols; ++x)
                    for (int c = 0; c < 3; ++c)
                        sky.at<cv::Vec3b>(y, x)[c] = cv::saturate_cast<uchar>(base[c] + (c + 1) * (dx * x + dy * y) / 2);
            hashes.insert(1700 + k, PerceptualHash::of(sky));
            hashes.insert(3000 + k, PerceptualHash::of(recompressed(sky, 70)));
        }
        auto sorted = [](QVector<QPair<qint64, qint64>> pairs) {
            std::sort(pairs.begin(), pairs.end());
            return pairs;
        };
        NearDuplicateRule narrow; // a same-pHash band of 3 bits: the pieces are four
        narrow.nearBits = 3;
        for (const NearDuplicateRule &rule : {NearDuplicateRule(), narrow}) {
            QVector<QPair<qint64, qint64>> every;
            const QVector<qint64> ids = [&] {
                QVector<qint64> v = hashes.keys().toVector();
                std::sort(v.begin(), v.end());
                return v;
            }();
            float boundOver = 0; // how far the mean colours' bound ever exceeds what it bounds
            for (qsizetype i = 0; i < ids.size(); ++i) {
                for (qsizetype j = i + 1; j < ids.size(); ++j) {
                    const PerceptualHash &a = hashes[ids[i]], &b = hashes[ids[j]];
                    boundOver = std::max(boundOver, a.chromaMeanBound(b) - a.chromaDistance(b).mean);
                    if (rule.matches(a, b))
                        every.append({ids[i], ids[j]});
                }
            }
            QVERIFY2(boundOver <= 1e-4f, qPrintable(QString::number(double(boundOver))));
            QVERIFY2(every.size() >= 240, qPrintable(QString::number(every.size()))); // the planted copies at least
            const auto withSky = std::count_if(every.cbegin(), every.cend(), [&](const QPair<qint64, qint64> &p) {
                return hashes[p.first].detail < rule.minDetail || hashes[p.second].detail < rule.minDetail;
            });
            QVERIFY2(withSky >= 30, qPrintable(QString::number(withSky)));
            const auto plain = sorted(nearDuplicatePairs(hashes, {}, rule, std::numeric_limits<qint64>::max()));
            const auto blocked = sorted(nearDuplicatePairs(hashes, {}, rule, 0));
            QCOMPARE(plain, every);
            QCOMPARE(blocked, every);
            // The 2000s and the 3000s arrive last: compared with each other and with everything else, they complete
            // the pairs among the rest.
            QHash<qint64, PerceptualHash> before;
            QVector<qint64> fresh;
            for (auto it = hashes.cbegin(); it != hashes.cend(); ++it) {
                if (it.key() >= 2000)
                    fresh << it.key();
                else
                    before.insert(it.key(), it.value());
            }
            for (qint64 blockedFrom : {std::numeric_limits<qint64>::max(), qint64(0)}) {
                QVector<QPair<qint64, qint64>> incremental = nearDuplicatePairs(before, {}, rule, blockedFrom);
                incremental += nearDuplicatePairs(hashes, fresh, rule, blockedFrom);
                QCOMPARE(sorted(incremental), every);
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestPerceptualHash)
#include "tst_perceptualhash.moc"
