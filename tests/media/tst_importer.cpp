#include "media/importer.h"
#include "media/mediacache.h"
#include "media/mediadecoder.h"
#include "media/perceptualhash.h"
#include "store/itemstore.h"
#include "store/mediahashstore.h"
#include "store/labelstore.h"
#include "store/projectdatabase.h"
#include "store/videocutstore.h"
#include "testsupport.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <opencv2/imgcodecs.hpp>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace nsfw;

namespace {

void writeFile(const QString &path, const QByteArray &bytes)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(bytes);
}

QByteArray readFile(const QString &path)
{
    QFile f(path);
    f.open(QIODevice::ReadOnly);
    return f.readAll();
}

// A PNG whose header claims 50000 x 50000 pixels: a decompression bomb's signature.
QByteArray bombPng()
{
    QByteArray png("\x89PNG\r\n\x1a\n", 8);
    const char ihdr[] = {0, 0, 0, 13, 'I', 'H', 'D', 'R', 0, 0, '\xc3', 'P', 0, 0, '\xc3', 'P', 8, 6, 0, 0, 0};
    png.append(ihdr, sizeof ihdr);
    png.append(QByteArray(4, '\0')); // CRC (never reached)
    png.append(QByteArray(64, '\0'));
    return png;
}

struct Project {
    QTemporaryDir dir;
    QString path;
    Project()
    {
        path = dir.filePath(QStringLiteral("test.nwproj"));
        QString error;
        ProjectDatabase::open(path, ProjectDatabase::OpenMode::CreateNew, QStringLiteral("setup"), &error);
    }
    std::unique_ptr<ProjectDatabase> open() const
    {
        QString error;
        return ProjectDatabase::open(path, ProjectDatabase::OpenMode::OpenExisting, QStringLiteral("check"), &error);
    }
};

ImportSummary runImport(const QString &project, const QStringList &paths, bool fromFolders = false,
                        double frameEvery = 1.0)
{
    ImportOptions options;
    options.paths = paths;
    options.labelsFromFolders = fromFolders;
    options.frameEverySeconds = frameEvery;
    options.annotator = QStringLiteral("tester");
    Importer importer(project, options);
    return importer.run();
}

QString reasonFor(const ImportSummary &s, const QString &fileName)
{
    for (const SkippedFile &f : s.skipped) {
        if (QFileInfo(f.path).fileName() == fileName || f.path.endsWith(fileName))
            return f.reason;
    }
    return QStringLiteral("<not skipped>");
}

} // namespace

class TestImporter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        if (test::clipArt(1).isEmpty())
            NSFW_REQUIRE_SETUP("openclipart-png is not installed (packaging/setup.sh installs it)");
    }

    void aLargeImportIsRaceFree()
    {
        // More than 1,000 files in-process on several threads: the pool workers once read the set of known hashes
        // while this thread inserted into it. Under ThreadSanitizer (packaging/test.sh --sanitize) it must be clean.
        Project p;
        const QStringList files = test::clipArt(1100);
        QCOMPARE(files.size(), 1100);
        ImportOptions options;
        options.paths = files;
        options.threads = 3;
        Importer importer(p.path, options);
        const ImportSummary s = importer.run();
        QVERIFY2(s.error.isEmpty(), qPrintable(s.error));
        QCOMPARE(s.imported + s.duplicates + int(s.skipped.size()), 1100);
        auto db = p.open();
        QCOMPARE(ItemStore(*db).stats().total(), qint64(s.imported));
    }

    void theProjectsOwnFilesAreNeverImported()
    {
        // The project sits inside the imported folder: its thumbnails (in the .cache folder) were imported by the
        // second import before the fix, and again on every later one.
        QTemporaryDir dir;
        const QString tree = dir.filePath(QStringLiteral("photos"));
        const QStringList files = test::clipArt(12, QStringLiteral("animals"));
        for (int i = 0; i < files.size(); ++i)
            writeFile(tree + QStringLiteral("/%1.png").arg(i), readFile(files[i]));
        const QString project = tree + QStringLiteral("/sub/my.nwproj");
        QDir().mkpath(tree + QStringLiteral("/sub"));
        QString error;
        QVERIFY(ProjectDatabase::open(project, ProjectDatabase::OpenMode::CreateNew, QStringLiteral("setup"), &error));
        // A JPEG the user put next to the project is theirs and is imported; a link into the cache is not.
        writeFile(tree + QStringLiteral("/sub/own.png"), readFile(test::clipArt(13, QStringLiteral("animals")).last()));
        QVERIFY(QFile::link(project + QStringLiteral(".cache"), tree + QStringLiteral("/cache-link")));

        const ImportSummary first = runImport(project, {tree});
        QVERIFY2(first.error.isEmpty(), qPrintable(first.error));
        QVERIFY(first.imported > 0);
        QVERIFY(!QDir(project + QStringLiteral(".cache/thumbs")).isEmpty());
        const ImportSummary second = runImport(project, {tree, project + QStringLiteral(".cache")});
        QCOMPARE(second.imported, 0);
        QCOMPARE(second.duplicates, first.imported + first.duplicates);
        for (const SkippedFile &f : second.skipped)
            QVERIFY2(!f.path.contains(QStringLiteral(".cache")) && !f.path.contains(QStringLiteral("my.nwproj")),
                     qPrintable(f.path + QStringLiteral(": ") + f.reason));
        auto db = ProjectDatabase::open(project, ProjectDatabase::OpenMode::OpenExisting, QStringLiteral("check"), &error);
        QSqlQuery q(db->db());
        QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM items WHERE path LIKE '%.cache%' OR path LIKE '%nwproj%'")));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toInt(), 0);
    }

    void videoSamplingIsBounded_data()
    {
        QTest::addColumn<qint64>("frameCount");
        QTest::addColumn<double>("fps");
        QTest::addColumn<double>("every");
        QTest::addColumn<int>("cap");
        QTest::addColumn<int>("expected");
        QTest::newRow("one a second") << qint64(300) << 30.0 << 1.0 << 10000 << 10;
        QTest::newRow("every frame") << qint64(300) << 30.0 << 0.01 << 10000 << 300;
        QTest::newRow("capped, spread") << qint64(36000) << 10.0 << 1.0 << 100 << 100;
        QTest::newRow("absurd count") << qint64(1'000'000'000'000'000) << 30.0 << 1.0 << 10000 << 10000;
        QTest::newRow("tiny interval") << qint64(1'000'000'000) << 30.0 << 1e-12 << 5000 << 5000;
        QTest::newRow("one frame") << qint64(1) << 25.0 << 1.0 << 10000 << 1;
        QTest::newRow("cap of one") << qint64(1000) << 25.0 << 1.0 << 1 << 1;
    }

    void videoSamplingIsBounded()
    {
        QFETCH(qint64, frameCount);
        QFETCH(double, fps);
        QFETCH(double, every);
        QFETCH(int, cap);
        QFETCH(int, expected);
        VideoInfo info;
        info.frameCount = frameCount;
        info.fps = fps;
        const QList<qint64> frames = MediaDecoder::sampleFrames(info, every, cap);
        QCOMPARE(frames.size(), expected);
        QCOMPARE(frames.first(), qint64(0));
        for (qsizetype i = 1; i < frames.size(); ++i)
            QVERIFY(frames[i] > frames[i - 1]);
        QVERIFY(frames.last() <= frameCount - 1);
        if (expected == cap && cap > 1) // the samples span the video, not just its start
            QVERIFY(frames.last() >= frameCount - 1 - frameCount / cap);
    }

    void samplingOptionsAreChecked_data()
    {
        QTest::addColumn<double>("every");
        QTest::addColumn<int>("maxFrames");
        QTest::addColumn<bool>("ok");
        QTest::newRow("default") << 1.0 << 10000 << true;
        QTest::newRow("25 fps") << 0.04 << 10000 << true;
        QTest::newRow("an hour") << 3600.0 << 10000 << true;
        QTest::newRow("zero") << 0.0 << 10000 << false;
        QTest::newRow("too fine") << 0.001 << 10000 << false;
        QTest::newRow("over an hour") << 3601.0 << 10000 << false;
        QTest::newRow("nan") << qQNaN() << 10000 << false;
        QTest::newRow("no frames") << 1.0 << 0 << false;
        QTest::newRow("too many frames") << 1.0 << 2'000'000 << false;
    }

    void samplingOptionsAreChecked()
    {
        QFETCH(double, every);
        QFETCH(int, maxFrames);
        QFETCH(bool, ok);
        ImportOptions options;
        options.frameEverySeconds = every;
        options.maxFramesPerVideo = maxFrames;
        QCOMPARE(options.validate().isEmpty(), ok);
        if (!ok) { // and the importer refuses to start, touching nothing
            Project p;
            options.paths = {p.dir.path()};
            const ImportSummary s = Importer(p.path, options).run();
            QVERIFY(!s.error.isEmpty());
        }
    }

    void importsRealClipArtWithThumbnails()
    {
        Project p;
        const QStringList files = test::clipArt(40, QStringLiteral("animals"));
        QCOMPARE(files.size(), 40);
        QDir().mkpath(p.dir.filePath(QStringLiteral("in")));
        for (int i = 0; i < files.size(); ++i)
            QVERIFY(QFile::copy(files[i], p.dir.filePath(QStringLiteral("in/%1_").arg(i) + QFileInfo(files[i]).fileName())));
        ImportOptions options;
        options.paths = {p.dir.filePath(QStringLiteral("in"))};
        Importer importer(p.path, options);
        QSignalSpy progress(&importer, &Importer::progress);
        QSignalSpy committed(&importer, &Importer::committed);
        const ImportSummary s = importer.run();
        QVERIFY2(s.error.isEmpty(), qPrintable(s.error));
        QCOMPARE(s.skipped.size(), 0);
        // Clip art repeats itself: count distinct contents.
        QSet<QByteArray> distinct;
        for (const QString &f : files)
            distinct.insert(QCryptographicHash::hash(readFile(f), QCryptographicHash::Sha1));
        QCOMPARE(s.imported, distinct.size());
        QCOMPARE(s.duplicates, files.size() - distinct.size());
        QVERIFY(progress.count() >= 2);
        QVERIFY(committed.count() >= 1);

        auto db = p.open();
        ItemStore items(*db);
        const QVector<Item> all = items.all();
        QCOMPARE(all.size(), distinct.size());
        const MediaCache cache(db->cacheDir());
        for (const Item &it : all) {
            QVERIFY2(it.path.startsWith(QStringLiteral("in/")), qPrintable(it.path)); // relative under the project
            const cv::Mat real = cv::imread(db->absolutePath(it.path).toStdString(), cv::IMREAD_UNCHANGED);
            QCOMPARE(it.width, real.cols);
            QCOMPARE(it.height, real.rows);
            QCOMPARE(it.contentHash.size(), 40);
            const QImage thumb(cache.thumbnailPath(it.contentHash));
            QVERIFY(!thumb.isNull());
            QVERIFY(qMax(thumb.width(), thumb.height()) <= MediaCache::kThumbnailSize);
        }
        // Every picture got its perceptual hash in the same transaction, the one a fresh decode gives.
        MediaHashStore hashes(*db);
        QVERIFY(hashes.missing().isEmpty());
        const QHash<qint64, PerceptualHash> stored = hashes.all();
        QCOMPARE(stored.size(), all.size());
        for (const Item &it : all.mid(0, 5)) {
            QString error;
            const PerceptualHash fresh = PerceptualHash::of(
                MediaDecoder::readImage(db->absolutePath(it.path), MediaDecoder::kDefaultMaxPixels, &error));
            QCOMPARE(stored.value(it.id).phash, fresh.phash);
            QCOMPARE(stored.value(it.id).signature(), fresh.signature());
        }

        // Importing again adds nothing.
        const ImportSummary again = runImport(p.path, {p.dir.filePath(QStringLiteral("in"))});
        QCOMPARE(again.imported, 0);
        QCOMPARE(again.duplicates, files.size());
    }

    void labelsFromFolderNames()
    {
        Project p;
        const QStringList a = test::clipArt(3, QStringLiteral("plants"));
        const QStringList b = test::clipArt(3, QStringLiteral("food"));
        const QString root = p.dir.filePath(QStringLiteral("data"));
        QDir().mkpath(root + QStringLiteral("/safe/x"));
        for (const QString &f : a)
            QFile::copy(f, root + QStringLiteral("/safe/x/") + QFileInfo(f).fileName());
        QDir().mkpath(root + QStringLiteral("/NSFW"));
        QDir().mkpath(root + QStringLiteral("/other"));
        for (const QString &f : b)
            QFile::copy(f, root + QStringLiteral("/NSFW/") + QFileInfo(f).fileName());
        QFile::copy(test::clipArt(1, QStringLiteral("tools")).first(), root + QStringLiteral("/other/t.png"));
        const ImportSummary s = runImport(p.path, {root}, true);
        QCOMPARE(s.imported, 7);
        QCOMPARE(s.labeled, 6);
        auto db = p.open();
        const ItemStore::Stats st = ItemStore(*db).stats();
        QCOMPARE(st.count(Label::Safe), 3);
        QCOMPARE(st.count(Label::Nsfw), 3);
        QCOMPARE(st.count(Label::None), 1);
        const auto item = ItemStore(*db).findByPath(QStringLiteral("data/NSFW/") + QFileInfo(b.first()).fileName());
        QVERIFY(item);
        const auto history = LabelStore(*db).history(item->id);
        QCOMPARE(history.size(), 1);
        QCOMPARE(history.first().source, QStringLiteral("folder"));
        QCOMPARE(history.first().annotator, QStringLiteral("tester"));
    }

    void videosAreSampledIntoFrames_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<double>("every");
        QTest::addColumn<int>("expectedFrames");
        // 40 frames at 10 fps = 4 s.
        QTest::newRow("mp4, 1 s") << QStringLiteral("clip.mp4") << 1.0 << 4;
        QTest::newRow("mp4, 0.5 s") << QStringLiteral("clip.mp4") << 0.5 << 8;
        QTest::newRow("avi, 2 s") << QStringLiteral("clip.avi") << 2.0 << 2;
        QTest::newRow("webm, 1 s") << QStringLiteral("clip.webm") << 1.0 << 4;
        QTest::newRow("mkv, 1 s") << QStringLiteral("clip.mkv") << 1.0 << 4;
        QTest::newRow("mov, 1 s") << QStringLiteral("clip.mov") << 1.0 << 4;
    }

    void videosAreSampledIntoFrames()
    {
        QFETCH(QString, name);
        QFETCH(double, every);
        QFETCH(int, expectedFrames);
        Project p;
        const QString video = p.dir.filePath(name);
        if (!test::writeTestVideo(video, 40, 10.0))
            QSKIP("this OpenCV cannot write that container");
        const ImportSummary s = runImport(p.path, {video}, false, every);
        QVERIFY2(s.skipped.isEmpty(), qPrintable(s.skipped.value(0).reason));
        QCOMPARE(s.imported, 1);
        QCOMPARE(s.frames, expectedFrames);
        auto db = p.open();
        ItemStore items(*db);
        const auto v = items.findByPath(name);
        QVERIFY(v);
        QCOMPARE(v->kind, ItemKind::Video);
        QCOMPARE(v->width, 160);
        QCOMPARE(v->height, 120);
        QCOMPARE(qRound(v->fps), 10);
        QCOMPARE(v->frameCount, 40);
        QCOMPARE(v->durationMs, 4000);
        const QVector<Item> frames = items.frames(v->id);
        QCOMPARE(frames.size(), expectedFrames);
        for (int i = 0; i < frames.size(); ++i) {
            QCOMPARE(frames[i].frameIndex, qint64(qRound(i * every * 10)));
            QCOMPARE(frames[i].timestampMs, qint64(qRound(i * every * 1000)));
        }
        // A frame decodes on demand to the colour that was written for its index.
        const MediaCache cache(db->cacheDir());
        const Item last = frames.last();
        QString error;
        const cv::Mat frame = cache.pixels(MediaRef::of(last, db->absolutePath(v->path), v->contentHash), &error);
        QVERIFY2(!frame.empty(), qPrintable(error));
        const cv::Vec3b px = frame.at<cv::Vec3b>(5, 5); // BGR, away from the printed number
        const int i = int(last.frameIndex);
        QVERIFY2(qAbs(px[0] - (i * 37) % 256) < 24 && qAbs(px[1] - (i * 91) % 256) < 24,
                 qPrintable(QStringLiteral("frame %1: %2 %3 %4").arg(i).arg(px[0]).arg(px[1]).arg(px[2])));
        QVERIFY(QFileInfo::exists(cache.framePath(MediaRef::of(last, QString(), v->contentHash).key)));
        QVERIFY(!cache.thumbnail(MediaRef::of(*v, db->absolutePath(v->path))).isNull());
        // The video has a perceptual hash (of its first frame); its frames are not items of their own there.
        QVERIFY(MediaHashStore(*db).all().contains(v->id));
        QVERIFY(MediaHashStore(*db).missing().isEmpty());
    }

    void scenesAreSampledAndTheirCutsKept()
    {
        // Three still shots of 2 s at 10 fps: the default (scene) sampling takes the first frame of each, and the
        // project keeps where the cuts are; the fixed rate takes one a second.
        const QStringList files = test::distinctWallpapers(3);
        if (files.size() < 3)
            NSFW_REQUIRE_SETUP("Debian's wallpapers (plasma-workspace-wallpapers) are not installed");
        std::vector<cv::Mat> pictures;
        for (const QString &f : files)
            pictures.push_back(cv::imread(f.toStdString(), cv::IMREAD_COLOR));
        Project p;
        const QString video = p.dir.filePath(QStringLiteral("shots.avi"));
        QVERIFY(test::writeSceneVideo(video, pictures, 20, 10.0, 160, 90));
        const ImportSummary s = runImport(p.path, {video});
        QVERIFY2(s.skipped.isEmpty(), qPrintable(s.skipped.value(0).reason));
        QCOMPARE(s.frames, 3);
        auto db = p.open();
        ItemStore items(*db);
        const auto v = items.findByPath(QStringLiteral("shots.avi"));
        QVERIFY(v);
        QVector<qint64> indices;
        for (const Item &f : items.frames(v->id))
            indices << f.frameIndex;
        QCOMPARE(indices, (QVector<qint64>{0, 20, 40}));
        const QList<SceneCut> cuts = VideoCutStore(*db).cuts(v->id);
        QCOMPARE(cuts.size(), 2);
        QCOMPARE(cuts[0].index, 20);
        QCOMPARE(cuts[0].ms, 2000);
        QCOMPARE(cuts[1].index, 40);
        QVERIFY(cuts[1].difference >= VideoSampler::kCutMinDifference);

        Project fixed;
        const QString copy = fixed.dir.filePath(QStringLiteral("shots.avi"));
        QVERIFY(QFile::copy(video, copy));
        ImportOptions options;
        options.paths = {copy};
        options.sampling = SamplingMode::Fixed;
        const ImportSummary f = Importer(fixed.path, options).run();
        QCOMPARE(f.frames, 6);
        auto fdb = fixed.open();
        QVERIFY(VideoCutStore(*fdb).cuts(ItemStore(*fdb).findByPath(QStringLiteral("shots.avi"))->id).isEmpty());
    }

    void badInputIsReportedAndSkipped()
    {
        Project p;
        const QString bad = p.dir.filePath(QStringLiteral("bad"));
        const QString goodPng = test::clipArt(1, QStringLiteral("shapes")).first();
        const QByteArray png = readFile(goodPng);
        cv::Mat photo = cv::imread(goodPng.toStdString(), cv::IMREAD_COLOR);
        std::vector<uchar> jpg;
        cv::imencode(".jpg", photo, jpg);
        const QByteArray jpeg(reinterpret_cast<const char *>(jpg.data()), qsizetype(jpg.size()));

        writeFile(bad + QStringLiteral("/good.png"), png);
        writeFile(bad + QStringLiteral("/zero.png"), QByteArray());
        writeFile(bad + QStringLiteral("/truncated.png"), png.left(png.size() * 6 / 10));
        writeFile(bad + QStringLiteral("/truncated.jpg"), jpeg.left(jpeg.size() * 6 / 10));
        writeFile(bad + QStringLiteral("/random.png"), QByteArray(4000, '\x5a') + QByteArray::number(12345));
        writeFile(bad + QStringLiteral("/bomb.png"), bombPng());
        writeFile(bad + QStringLiteral("/random.mp4"), QByteArray(20000, '\x17'));
        writeFile(bad + QStringLiteral("/notes.txt"), QByteArray("hello"));
        const QString video = p.dir.filePath(QStringLiteral("whole.mp4"));
        QVERIFY(test::writeTestVideo(video, 30, 10.0));
        writeFile(bad + QStringLiteral("/truncated.mp4"), readFile(video).left(1500));
        // A name that is not UTF-8 (Latin-1 'ä'), created with the raw bytes.
        const QByteArray rawName = QFile::encodeName(bad) + "/b\xe4r.png";
        const int fd = ::open(rawName.constData(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        QVERIFY(fd >= 0);
        QCOMPARE(::write(fd, png.constData(), size_t(png.size())), ssize_t(png.size()));
        ::close(fd);
        // Symbolic link loop, and a link to nothing.
        QVERIFY(QFile::link(bad, bad + QStringLiteral("/loop")));
        QVERIFY(QFile::link(bad + QStringLiteral("/gone.png"), bad + QStringLiteral("/dangling.png")));

        const ImportSummary s = runImport(p.path, {bad});
        QVERIFY2(s.error.isEmpty(), qPrintable(s.error));
        QCOMPARE(s.imported, 1);
        QVERIFY(reasonFor(s, QStringLiteral("zero.png")).contains(QStringLiteral("empty file")));
        QVERIFY(reasonFor(s, QStringLiteral("truncated.png")).contains(QStringLiteral("truncated")));
        QVERIFY(reasonFor(s, QStringLiteral("truncated.jpg")).contains(QStringLiteral("truncated JPEG")));
        QVERIFY(reasonFor(s, QStringLiteral("random.png")).contains(QStringLiteral("not an image")));
        QVERIFY(reasonFor(s, QStringLiteral("bomb.png")).contains(QStringLiteral("too large")));
        QVERIFY(reasonFor(s, QStringLiteral("random.mp4")).contains(QStringLiteral("video")));
        QVERIFY(reasonFor(s, QStringLiteral("truncated.mp4")).contains(QStringLiteral("video")));
        QVERIFY(reasonFor(s, QStringLiteral("notes.txt")).contains(QStringLiteral("not a supported")));
        QVERIFY(reasonFor(s, QStringLiteral("r.png")).contains(QStringLiteral("UTF-8")));
        QVERIFY(reasonFor(s, QStringLiteral("loop")).contains(QStringLiteral("already visited")));
        QVERIFY(reasonFor(s, QStringLiteral("dangling.png")).contains(QStringLiteral("broken symbolic link")));
        QCOMPARE(s.skipped.size(), 11);
    }

    void anUnreadableFileIsSkipped()
    {
        Project p;
        const QString dir = p.dir.filePath(QStringLiteral("locked"));
        writeFile(dir + QStringLiteral("/secret.png"), readFile(test::clipArt(1).first()));
        QFile::setPermissions(dir + QStringLiteral("/secret.png"), QFileDevice::WriteOwner);
        if (::geteuid() != 0) {
            const ImportSummary s = runImport(p.path, {dir});
            QCOMPARE(s.imported, 0);
            QVERIFY(reasonFor(s, QStringLiteral("secret.png")).contains(QStringLiteral("cannot read")));
            return;
        }
        // root reads everything: run the import as "nobody" instead, in the real command.
        const QString bin = test::workbenchBinary();
        if (bin.isEmpty() || QStandardPaths::findExecutable(QStringLiteral("setpriv")).isEmpty())
            NSFW_REQUIRE_SETUP("running as root without setpriv or the workbench binary");
        QFile::setPermissions(p.dir.path(), QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner
                                                | QFileDevice::ReadOther | QFileDevice::WriteOther
                                                | QFileDevice::ExeOther);
        ::chmod(QFile::encodeName(p.path).constData(), 0666);
        QProcess proc;
        proc.start(QStringLiteral("setpriv"), {QStringLiteral("--reuid=65534"), QStringLiteral("--regid=65534"),
                                               QStringLiteral("--clear-groups"), bin, QStringLiteral("import"), p.path,
                                               dir});
        QVERIFY(proc.waitForFinished(60000));
        const QString output = QString::fromUtf8(proc.readAllStandardOutput());
        QCOMPARE(proc.exitCode(), 0);
        QVERIFY2(output.contains(QStringLiteral("secret.png: cannot read")), qPrintable(output));
    }

    void missingFilesAreShownNotFatalAndFoundAgain()
    {
        Project p;
        const QString file = p.dir.filePath(QStringLiteral("a/pic.png"));
        writeFile(file, readFile(test::clipArt(1, QStringLiteral("buildings")).first()));
        QCOMPARE(runImport(p.path, {file}).imported, 1);
        QVERIFY(QFile::rename(file, p.dir.filePath(QStringLiteral("moved.png"))));
        {
            auto db = p.open();
            ItemStore items(*db);
            const Item item = items.all().first();
            QString error;
            const cv::Mat m = MediaDecoder::readImage(items.absoluteFilePath(item), MediaDecoder::kDefaultMaxPixels,
                                                      &error);
            QVERIFY(m.empty());
            QVERIFY(error.contains(QStringLiteral("missing")));
            // The cached thumbnail still shows.
            QVERIFY(!MediaCache(db->cacheDir()).thumbnail(MediaRef::of(item, items.absoluteFilePath(item))).isNull());
        }
        // Importing the moved file finds the item again instead of adding a second one.
        const ImportSummary s = runImport(p.path, {p.dir.filePath(QStringLiteral("moved.png"))});
        QCOMPARE(s.imported, 0);
        QCOMPARE(s.relocated, 1);
        auto db = p.open();
        QCOMPARE(ItemStore(*db).all().first().path, QStringLiteral("moved.png"));
    }

    void cancelStopsBetweenBatches()
    {
        Project p;
        ImportOptions options;
        options.paths = {QStringLiteral("/usr/share/openclipart/png/animals")};
        Importer importer(p.path, options);
        connect(&importer, &Importer::committed, &importer, [&importer] { importer.cancel(); });
        const ImportSummary s = importer.run();
        QVERIFY(s.cancelled);
        QVERIFY(s.imported > 0);
        auto db = p.open();
        QCOMPARE(ItemStore(*db).stats().total(), qint64(s.imported));
    }
};

QTEST_GUILESS_MAIN(TestImporter)
#include "tst_importer.moc"
