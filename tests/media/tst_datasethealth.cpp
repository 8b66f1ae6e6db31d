// Dataset health as a user meets it: pictures planted dark, bright, blank, blurry, tiny, stretched and greyscale among
// real photos and clip art are each flagged by their check and by no other, and no normal picture is flagged; class
// balance per kind and folder; exact and near copies and their label conflicts; measures an older project lacks are
// computed again, with the same report.
#include "media/datasethealth.h"
#include "media/importer.h"
#include "media/mediacache.h"
#include "media/mediadecoder.h"
#include "media/mediastats.h"
#include "store/projectdatabase.h"

#include "testsupport.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QImageReader>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <map>

using namespace nsfw;

namespace {

/// The smallest file of one of Debian's wallpapers (photos), or "".
QString wallpaper(const QString &name)
{
    QStringList files = test::wallpapers(1000).filter(QStringLiteral("/%1/contents/images/").arg(name));
    std::sort(files.begin(), files.end(),
              [](const QString &a, const QString &b) { return QFileInfo(a).size() < QFileInfo(b).size(); });
    return files.value(0);
}

/// A photo brought to 640 pixels across.
cv::Mat photo(const QString &name)
{
    QString error;
    return MediaDecoder::fitWithin(MediaDecoder::readImage(wallpaper(name), MediaDecoder::kDefaultMaxPixels, &error),
                                   640);
}

bool write(const QString &path, const cv::Mat &m, std::vector<int> params = {})
{
    return cv::imwrite(path.toStdString(), m, params);
}

/// Colour clip art of at least 128 pixels a side and at most 2:1 (the planted pictures are what is not).
QStringList ordinaryClipArt(int n)
{
    QStringList chosen;
    QSet<QByteArray> contents; // Debian ships some drawings twice: the importer keeps one
    for (const QString &path : test::clipArt(400, QStringLiteral("food"))) {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            continue;
        const QByteArray bytes = file.readAll();
        if (contents.contains(bytes))
            continue;
        contents.insert(bytes);
        const QImage image(path);
        if (image.isNull() || image.allGray() || std::min(image.width(), image.height()) < 128 ||
            std::max(image.width(), image.height()) > 2 * std::min(image.width(), image.height()))
            continue;
        chosen << path;
        if (chosen.size() == n)
            break;
    }
    return chosen;
}

QSet<QString> names(const HealthReport &report, const HealthCheck &check)
{
    QSet<QString> set;
    for (qint64 id : check.items)
        set << QFileInfo(report.items.value(id).path).fileName();
    return set;
}

const HealthCheck *checkOf(const HealthReport &report, const QString &id)
{
    for (const HealthCheck &c : report.checks) {
        if (c.id == id)
            return &c;
    }
    return nullptr;
}

} // namespace

class TestDatasetHealth : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_project;
    QStringList m_normal;
    int m_videoFrames = 0;

private Q_SLOTS:
    void initTestCase()
    {
        NSFW_REQUIRE_SETUP(test::clipArt(1).isEmpty() || wallpaper(QStringLiteral("Path")).isEmpty()
                               ? QStringLiteral("openclipart-png or plasma-workspace-wallpapers is not installed "
                                                "(packaging/setup.sh)")
                               : QString());
        const QString root = m_dir.path() + QStringLiteral("/data");
        for (const char *folder : {"safe", "nsfw", "planted", "clips"})
            QVERIFY(QDir().mkpath(root + QLatin1Char('/') + QLatin1String(folder)));

        // Normal pictures: photos (safe) and colour clip art (standing in for nsfw; never explicit material).
        for (const char *name : {"BytheWater", "OneStandsOut", "Path", "SafeLanding", "Shell", "Flow",
                                 "Honeywave", "Canopee"}) {
            const QString from = wallpaper(QLatin1String(name));
            QVERIFY2(!from.isEmpty(), name);
            const QString to = root + QStringLiteral("/safe/%1.%2").arg(QLatin1String(name), QFileInfo(from).suffix());
            QVERIFY(QFile::copy(from, to));
            m_normal << QFileInfo(to).fileName();
        }
        const QStringList clip = ordinaryClipArt(40);
        QCOMPARE(clip.size(), 40);
        for (int i = 0; i < clip.size(); ++i) {
            const QString to = root + QStringLiteral("/nsfw/clip%1.png").arg(i);
            QVERIFY(QFile::copy(clip[i], to));
            m_normal << QFileInfo(to).fileName();
        }

        // Planted: each from a photo of its own (so that none is a near-copy of another), named by its one check.
        const QString planted = root + QStringLiteral("/planted/");
        cv::Mat dark, bright, blurry, tiny, grey;
        photo(QStringLiteral("Autumn")).convertTo(dark, -1, 0.12); // the lens nearly closed
        QVERIFY(write(planted + QStringLiteral("dark.png"), dark));
        photo(QStringLiteral("ColorfulCups")).convertTo(bright, -1, 0.04, 255 * 0.96); // blown out
        QVERIFY(write(planted + QStringLiteral("bright.png"), bright));
        cv::Mat blank(400, 640, CV_8UC3, cv::Scalar(230, 200, 150)), noise(400, 640, CV_8UC3);
        cv::randn(noise, cv::Scalar::all(0), cv::Scalar::all(1.5)); // a flat light blue with sensor noise
        QVERIFY(write(planted + QStringLiteral("low-information.jpg"), blank + noise));
        const cv::Mat kite = photo(QStringLiteral("Kite"));
        cv::GaussianBlur(kite, blurry, cv::Size(), kite.cols / 40.0); // out of focus
        QVERIFY(write(planted + QStringLiteral("blurry.jpg"), blurry));
        cv::resize(photo(QStringLiteral("EveningGlow")), tiny, cv::Size(48, 30), 0, 0, cv::INTER_AREA);
        QVERIFY(write(planted + QStringLiteral("tiny.png"), tiny));
        const cv::Mat leaf = photo(QStringLiteral("FallenLeaf"));
        QVERIFY(write(planted + QStringLiteral("odd-aspect.jpg"), leaf(cv::Rect(0, leaf.rows / 2 - 50, leaf.cols, 100))));
        cv::cvtColor(photo(QStringLiteral("ColdRipple")), grey, cv::COLOR_BGR2GRAY);
        QVERIFY(write(planted + QStringLiteral("greyscale.jpg"), grey));

        // Copies: the same pixels in another file (an exact copy), and a smaller copy labeled the other way.
        const QImage first(clip[0]);
        QVERIFY(first.save(root + QStringLiteral("/nsfw/copy-of-clip0.png"), "PNG", 0)); // other bytes, same pixels
        QVERIFY(first.scaledToWidth(first.width() * 4 / 5, Qt::SmoothTransformation)
                    .save(root + QStringLiteral("/safe/smaller-clip0.png")));
        // A video of solid-coloured frames: its frames count in the balance; the pixel checks judge images only.
        QVERIFY(test::writeTestVideo(root + QStringLiteral("/clips/video.avi"), 30, 10, 320, 240));

        m_project = m_dir.path() + QStringLiteral("/health.nwproj");
        QString error;
        QVERIFY2(ProjectDatabase::open(m_project, ProjectDatabase::OpenMode::CreateNew, QStringLiteral("t"), &error),
                 qPrintable(error));
        ImportOptions options;
        options.paths = {root};
        options.labelsFromFolders = true;
        options.annotator = QStringLiteral("test");
        const ImportSummary summary = Importer(m_project, options).run();
        QVERIFY2(summary.error.isEmpty(), qPrintable(summary.error));
        QVERIFY2(summary.skipped.isEmpty(), qPrintable(summary.skipped.value(0).reason));
        m_videoFrames = int(summary.frames);
        QVERIFY(m_videoFrames > 0);
    }

    void measuresRoundTrip()
    {
        const cv::Mat m = photo(QStringLiteral("Path"));
        const MediaStats s = MediaStats::of(m, 1920, 1080);
        QVERIFY(s.valid);
        QCOMPARE(s.width, 1920);
        const MediaStats back = MediaStats::fromJson(s.toJson());
        QVERIFY(back.valid);
        QCOMPARE(back.toJson(), s.toJson());
        QVERIFY(!MediaStats::fromJson("{\"width\": 3}").valid);
        QVERIFY(!MediaStats::of(cv::Mat(), 10, 10).valid);
        // The measures do not depend on the scale the picture was decoded at.
        cv::Mat half;
        cv::resize(m, half, cv::Size(), 0.5, 0.5, cv::INTER_AREA);
        const MediaStats h = MediaStats::of(half, 1920, 1080);
        QVERIFY(std::abs(h.brightness - s.brightness) < 0.01);
        QVERIFY(std::abs(h.sharpness - s.sharpness) < 0.35 * s.sharpness);
    }

    void eachPlantedPictureIsFlaggedByItsCheckAlone()
    {
        QString error;
        auto db = ProjectDatabase::open(m_project, ProjectDatabase::OpenMode::OpenExisting, QStringLiteral("t"), &error);
        QVERIFY2(db, qPrintable(error));
        const HealthReport report = DatasetHealth::compute(*db, {}, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(report.measured, report.media);
        const QStringList imageChecks{QStringLiteral("low-information"), QStringLiteral("dark"),
                                      QStringLiteral("bright"),          QStringLiteral("blurry"),
                                      QStringLiteral("tiny"),            QStringLiteral("odd-aspect"),
                                      QStringLiteral("greyscale")};
        const QStringList suffixes{QStringLiteral(".png"), QStringLiteral(".jpg")};
        for (const QString &id : imageChecks) {
            const HealthCheck *check = checkOf(report, id);
            QVERIFY2(check, qPrintable(id));
            QVERIFY(!check->name.isEmpty() && !check->description.isEmpty());
            QSet<QString> expected;
            for (const QString &suffix : suffixes) {
                if (QFile::exists(m_dir.path() + QStringLiteral("/data/planted/") + id + suffix))
                    expected << id + suffix;
            }
            QCOMPARE(names(report, *check), expected);
        }
        int normalFlagged = 0;
        for (const HealthCheck &check : report.checks) {
            if (imageChecks.contains(check.id))
                normalFlagged += int((names(report, check) & QSet<QString>(m_normal.cbegin(), m_normal.cend())).size());
        }
        QCOMPARE(normalFlagged, 0);
        qInfo("%d normal pictures (8 photos, 40 clip art), 7 planted: each planted one flagged by its check alone",
              int(m_normal.size()));
    }

    void balanceCountsImagesAndFramesByKindAndFolder()
    {
        QString error;
        auto db = ProjectDatabase::open(m_project, ProjectDatabase::OpenMode::OpenExisting, QStringLiteral("t"), &error);
        QVERIFY(db);
        const HealthReport report = DatasetHealth::compute(*db, {}, &error);
        // safe: 8 photos + the smaller copy; nsfw: 40 clip art + the exact copy; unlabeled: 7 planted + the frames.
        QCOMPARE(report.overall.safe, 9);
        QCOMPARE(report.overall.nsfw, 41);
        QCOMPARE(report.overall.unlabeled, 7 + m_videoFrames);
        QCOMPARE(report.byKind.size(), 2);
        QCOMPARE(report.byKind[0].counts.total(), 57);
        QCOMPARE(report.byKind[1].counts.total(), m_videoFrames);
        QHash<QString, LabelCounts> folders;
        for (const BalanceRow &row : report.byFolder)
            folders.insert(row.name, row.counts);
        QCOMPARE(folders.value(QStringLiteral("data/safe")).safe, 9);
        QCOMPARE(folders.value(QStringLiteral("data/nsfw")).nsfw, 41);
        QCOMPARE(folders.value(QStringLiteral("data/clips")).unlabeled, m_videoFrames);
        QCOMPARE(folders.value(QStringLiteral("data/planted")).total(), 7);
    }

    void copiesAndTheirConflictsAreFound()
    {
        QString error;
        auto db = ProjectDatabase::open(m_project, ProjectDatabase::OpenMode::OpenExisting, QStringLiteral("t"), &error);
        QVERIFY(db);
        const HealthReport report = DatasetHealth::compute(*db, {}, &error);
        QCOMPARE(names(report, *checkOf(report, QStringLiteral("exact-duplicates"))),
                 (QSet<QString>{QStringLiteral("clip0.png"), QStringLiteral("copy-of-clip0.png")}));
        QVERIFY(!report.nearGroups.isEmpty());
        QVERIFY(report.nearGroups.first().conflict); // conflicts first
        const QSet<QString> conflict = names(report, *checkOf(report, QStringLiteral("label-conflicts")));
        QVERIFY(conflict.contains(QStringLiteral("smaller-clip0.png")));
        QVERIFY(conflict.contains(QStringLiteral("clip0.png")));
        QVERIFY(names(report, *checkOf(report, QStringLiteral("near-duplicates"))).contains(conflict));
    }

    void measuresAnOlderProjectLacksAreComputed()
    {
        QString error;
        auto db = ProjectDatabase::open(m_project, ProjectDatabase::OpenMode::OpenExisting, QStringLiteral("t"), &error);
        QVERIFY(db);
        const HealthReport before = DatasetHealth::compute(*db, {}, &error);
        QVERIFY(db->exec(QStringLiteral("DELETE FROM media_stats")));
        QVERIFY(db->exec(QStringLiteral("DELETE FROM media_hashes WHERE item_id % 2 = 0")));
        QCOMPARE(DatasetHealth::compute(*db, {}, &error).measured, 0);
        QStringList unreadable;
        qint64 lastDone = 0, lastTotal = 0;
        const qint64 measured = DatasetHealth::measureMissing(
            *db, [&](qint64 done, qint64 total) { lastDone = done, lastTotal = total; }, &unreadable, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(measured, before.media);
        QCOMPARE(lastDone, lastTotal);
        QVERIFY(unreadable.isEmpty());
        const HealthReport after = DatasetHealth::compute(*db, {}, &error);
        QCOMPARE(after.measured, before.media);
        QCOMPARE(after.hashed, before.hashed);
        for (int i = 0; i < before.checks.size(); ++i)
            QCOMPARE(names(after, after.checks[i]), names(before, before.checks[i]));
        QCOMPARE(DatasetHealth::measureMissing(*db, {}, nullptr, &error), 0);
    }
};

QTEST_GUILESS_MAIN(TestDatasetHealth)
#include "tst_datasethealth.moc"
