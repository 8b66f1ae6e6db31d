// export-dataset as a user runs it, on both backends: a project of real clip art (two pictures both called a.png, a
// half-size copy of one, an unsure and an unlabeled picture) and two small videos, imported with labels from folder
// names. The folders and the CSV manifest hold exactly the project's labels and its training split; a video's frames
// and a group of near-copies stay on one side; frames are JPEG pictures of their frame; a folder of the user's is
// refused untouched; --copy writes bytes, --link links; a file that cannot be read is reported and the rest written.
#include "media/importer.h"
#include "media/mediadecoder.h"
#include "media/nearduplicates.h"
#include "store/csvlabels.h"
#include "store/itemstore.h"
#include "store/labelstore.h"
#include "store/projectdatabase.h"
#include "testsupport.h"
#include "train/datasetexport.h"
#include "train/trainingset.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

using namespace nsfw;

namespace {

using Run = test::WorkbenchRun;

Run run(const QStringList &arguments)
{
    return test::runWorkbench(arguments);
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

/// Every file and link under dir (not the marker), relative, sorted.
QStringList filesUnder(const QString &dir)
{
    QStringList files;
    QDirIterator it(dir, QDir::Files | QDir::System | QDir::Hidden | QDir::NoDotAndDotDot,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString rel = QDir(dir).relativeFilePath(it.next());
        if (rel != QLatin1String(".nsfw-workbench-folder"))
            files << rel;
    }
    files.sort();
    return files;
}

/// What the project says an exported item is: its label as training takes it, and where its pixels come from.
struct Expected {
    qint64 id = 0;
    Label label = Label::None;
    QString source;   ///< absolute image path, or the video's path for a frame
    qint64 video = 0; ///< a frame's video
    qint64 frameIndex = -1;
};

} // namespace

class TestExportDataset : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QHash<QString, QString> m_projectOf; ///< backend -> project location, made once per backend
    QString m_project;
    QString m_mediaDir;
    QString m_outRoot;
    qint64 m_disputed = 0; ///< the item three annotators labeled
    QVector<qint64> m_copyGroup;

    bool makeProject()
    {
        const QString backend = test::currentBackend();
        m_mediaDir = m_dir.filePath(QStringLiteral("media"));
        if (m_projectOf.contains(backend)) {
            m_project = m_projectOf.value(backend);
            return true;
        }
        const QStringList art = test::clipArt(400);
        if (!QFileInfo::exists(m_mediaDir)) {
            for (const char *d : {"safe", "nsfw", "unsure", "other"})
                QDir().mkpath(m_mediaDir + QLatin1Char('/') + QLatin1String(d));
            // Six safe and six nsfw pictures from across the package; one of each is called a.png.
            for (int i = 0; i < 12; ++i) {
                const QString folder = i < 6 ? QStringLiteral("safe") : QStringLiteral("nsfw");
                const QString name = i % 6 == 0 ? QStringLiteral("a.png") : QFileInfo(art[i * 30]).fileName();
                if (!QFile::copy(art[i * 30], m_mediaDir + QLatin1Char('/') + folder + QLatin1Char('/') + name))
                    return false;
            }
            // A half-size copy of the first safe picture, labeled nsfw: one group of near-copies across two labels.
            QString error;
            cv::Mat original = MediaDecoder::readImage(art[30], MediaDecoder::kDefaultMaxPixels, &error);
            cv::Mat half;
            cv::resize(original, half, cv::Size(), 0.5, 0.5, cv::INTER_AREA);
            cv::imwrite(QString(m_mediaDir + QStringLiteral("/nsfw/half.png")).toStdString(), half);
            QFile::copy(art[390], m_mediaDir + QStringLiteral("/unsure/doubt.png"));
            QFile::copy(art[395], m_mediaDir + QStringLiteral("/other/plain.png"));
            // Two videos of 20 frames at 5 fps: a frame a second gives four frames each.
            if (!test::writeTestVideo(m_mediaDir + QStringLiteral("/safe/clip.mp4"), 20, 5) ||
                !test::writeTestVideo(m_mediaDir + QStringLiteral("/nsfw/clip.avi"), 20, 5, 128, 96))
                return false;
        }
        // Made in this process (a process start costs a second or more on a loaded machine): as `init` and
        // `import --labels-from-folders` make it.
        m_project = test::freshProjectLocation(backend, m_dir);
        QString error;
        if (!ProjectDatabase::open(m_project, ProjectDatabase::OpenMode::CreateNew, QStringLiteral("t"), &error)) {
            qWarning() << error;
            return false;
        }
        ImportOptions import;
        import.paths = {m_mediaDir};
        import.labelsFromFolders = true;
        import.annotator = QStringLiteral("importer");
        const ImportSummary summary = Importer(m_project, import).run();
        if (!summary.error.isEmpty() || !summary.skipped.isEmpty()) {
            qWarning() << summary.error << summary.skipped.size();
            return false;
        }
        // Two more annotators on one nsfw picture: carol says safe, then bob nsfw again (the current label).
        auto db =
            ProjectDatabase::open(m_project, ProjectDatabase::OpenMode::OpenExisting, QStringLiteral("t"), &error);
        if (!db) {
            qWarning() << error;
            return false;
        }
        const auto disputed = ItemStore(*db).findByPath(db->storedPath(m_mediaDir + QStringLiteral("/nsfw/a.png")));
        if (!disputed) {
            qWarning() << "not imported:" << db->storedPath(m_mediaDir + QStringLiteral("/nsfw/a.png"));
            return false;
        }
        m_disputed = disputed->id;
        LabelStore labels(*db);
        labels.setLabel({m_disputed}, Label::Safe, QStringLiteral("carol"), QStringLiteral("manual"));
        labels.setLabel({m_disputed}, Label::Nsfw, QStringLiteral("bob"), QStringLiteral("manual"));
        m_projectOf.insert(backend, m_project);
        return true;
    }

    std::unique_ptr<ProjectDatabase> openDb()
    {
        QString error;
        auto db =
            ProjectDatabase::open(m_project, ProjectDatabase::OpenMode::OpenExisting, QStringLiteral("t"), &error);
        if (!db)
            qWarning() << error;
        return db;
    }

    /// The images and frames of the project as the export should write them (a frame takes its video's label).
    QHash<qint64, Expected> expected()
    {
        QHash<qint64, Expected> all;
        auto db = openDb();
        if (!db)
            return all;
        for (const ItemStore::MediaRow &row : ItemStore(*db).mediaRows()) {
            Expected e;
            e.id = row.item.id;
            const bool frame = row.item.kind == ItemKind::Frame;
            e.label = row.item.label == Label::None && frame ? row.parentLabel : row.item.label;
            e.source = db->absolutePath(frame ? row.parentPath : row.item.path);
            e.video = frame ? row.item.parentId : 0;
            e.frameIndex = frame ? row.item.frameIndex : -1;
            all.insert(e.id, e);
        }
        return all;
    }

    /// The export in this process (the command is a thin shell over it; each of its runs costs a process start).
    DatasetExportResult exportHere(const QString &out, DatasetExportOptions options)
    {
        options.threads = 2;
        auto db = openDb();
        if (!db)
            return {};
        return DatasetExport::run(*db, out, options);
    }

    QString freshOut(const QString &name) { return m_outRoot + QLatin1Char('/') + name; }

    /// The rows of a manifest by item id: path, label, split, annotators, agreement, item_id, source.
    QHash<qint64, QStringList> manifest(const QString &dir)
    {
        const QVector<QStringList> rows = csv::parse(QString::fromUtf8(readAll(dir + QStringLiteral("/manifest.csv"))));
        QHash<qint64, QStringList> byId;
        if (rows.isEmpty())
            return byId;
        for (qsizetype i = 1; i < rows.size(); ++i) {
            if (rows[i].size() == 7)
                byId.insert(rows[i][5].toLongLong(), rows[i]);
        }
        return byId;
    }

    /// The item of an exported file: a link's target (an image), or a frame's decoded pixels against every frame.
    void checkFrameFile(const QString &file, const Expected &e)
    {
        const cv::Mat exported = cv::imread(file.toStdString(), cv::IMREAD_COLOR);
        QVERIFY2(!exported.empty(), qPrintable(file + QStringLiteral(" is not a picture")));
        QVERIFY(readAll(file).startsWith("\xff\xd8")); // JPEG
        QString error;
        const cv::Mat truth = MediaDecoder::readFrame(e.source, e.frameIndex, &error);
        QVERIFY2(!truth.empty(), qPrintable(error));
        QCOMPARE(exported.cols, truth.cols);
        QCOMPARE(exported.rows, truth.rows);
        const double diff = cv::norm(exported, truth, cv::NORM_L1) / double(truth.total() * truth.channels());
        QVERIFY2(
            diff < 4.0,
            qPrintable(QStringLiteral("%1: mean difference %2 from frame %3").arg(file).arg(diff).arg(e.frameIndex)));
    }

private Q_SLOTS:
    void initTestCase_data() { test::addBackendRows(); }

    void initTestCase()
    {
        if (test::workbenchBinary().isEmpty())
            NSFW_REQUIRE_SETUP("NSFW_WORKBENCH_BIN is not set (run through ctest)");
        QVERIFY(m_dir.isValid());
        // Where a server project's media are on this machine, for this process and the commands it starts alike.
        qputenv("NSFW_WORKBENCH_MEDIA_ROOT", QFile::encodeName(m_dir.path()));
    }

    void init()
    {
        NSFW_REQUIRE_BACKEND(test::currentBackend());
        NSFW_REQUIRE_SETUP(test::clipArt(400).size() < 400
                               ? QStringLiteral("openclipart-png is not installed (packaging/setup.sh)")
                               : QString());
        QVERIFY(makeProject());
        m_outRoot = m_dir.filePath(QStringLiteral("out-") + test::currentBackend() + QLatin1Char('-') +
                                   QString::fromLatin1(QTest::currentTestFunction()));
        QDir(m_outRoot).removeRecursively();
        QVERIFY(QDir().mkpath(m_outRoot));
    }

    void foldersAndCsvMatchTheLabels()
    {
        const QHash<qint64, Expected> items = expected();
        const QString folders = freshOut(QStringLiteral("folders"));
        Run r = run({QStringLiteral("export-dataset"), m_project, QStringLiteral("--out"), folders});
        QVERIFY2(r.code == 0, qPrintable(r.out + r.err));

        // Every safe and nsfw image and frame, once, in its label's folder; nothing else (unsure, unlabeled).
        QHash<QString, qint64> imageBySource;
        QMultiHash<QString, qint64> framesByName; // "<video>_frame<N>.jpg" -> its frames (both videos are "clip")
        int wanted = 0;
        for (const Expected &e : items) {
            if (e.label != Label::Safe && e.label != Label::Nsfw)
                continue;
            ++wanted;
            if (e.video == 0)
                imageBySource.insert(e.source, e.id);
            else
                framesByName.insert(QFileInfo(e.source).completeBaseName() + QStringLiteral("_frame") +
                                        QString::number(e.frameIndex) + QStringLiteral(".jpg"),
                                    e.id);
        }
        QCOMPARE(framesByName.size(), 8); // two videos, four frames each
        QCOMPARE(framesByName.uniqueKeys().size(), 4);
        const QStringList files = filesUnder(folders);
        // A clash is named "<name>-<item id>.<ext>"; the frame without a suffix is then the other one of its name.
        const QRegularExpression clash(QStringLiteral("^(.*)-(\\d+)(\\.[a-z]+)$"));
        QSet<qint64> suffixed;
        for (const QString &rel : files) {
            const QRegularExpressionMatch m = clash.match(QFileInfo(rel).fileName());
            if (m.hasMatch())
                suffixed.insert(m.captured(2).toLongLong());
        }
        auto frameOf = [&](const QString &name) -> qint64 {
            const QRegularExpressionMatch m = clash.match(name);
            if (m.hasMatch())
                return framesByName.values(m.captured(1) + m.captured(3)).contains(m.captured(2).toLongLong())
                           ? m.captured(2).toLongLong()
                           : 0;
            for (qint64 id : framesByName.values(name)) {
                if (!suffixed.contains(id))
                    return id;
            }
            return 0;
        };
        QCOMPARE(files.size(), wanted);
        QSet<qint64> seen;
        QSet<QString> names;
        for (const QString &rel : files) {
            const QString folder = QFileInfo(rel).path();
            QVERIFY2(folder == QLatin1String("safe") || folder == QLatin1String("nsfw"), qPrintable(rel));
            const QString path = folders + QLatin1Char('/') + rel;
            QVERIFY2(!names.contains(QFileInfo(rel).fileName().toLower()), qPrintable(rel));
            names.insert(QFileInfo(rel).fileName().toLower());
            const QFileInfo info(path);
            if (info.isSymLink()) {
                // --link is the default: a link to the project's file.
                const qint64 id = imageBySource.value(info.symLinkTarget(), 0);
                QVERIFY2(id > 0, qPrintable(rel + QStringLiteral(" -> ") + info.symLinkTarget()));
                QCOMPARE(labelName(items[id].label), folder);
                seen.insert(id);
            } else {
                const qint64 id = frameOf(QFileInfo(rel).fileName());
                QVERIFY2(id > 0, qPrintable(rel));
                const Expected &frame = items[id];
                QCOMPARE(labelName(frame.label), folder);
                checkFrameFile(path, frame);
                seen.insert(frame.id);
            }
        }
        QCOMPARE(seen.size(), wanted);
        // The two a.png and the frames of the two clips: names of their own.
        QCOMPARE(files.filter(QRegularExpression(QStringLiteral("^(safe|nsfw)/a\\.png$"))).size(), 1);
        QCOMPARE(files.filter(QRegularExpression(QStringLiteral("^(safe|nsfw)/a-\\d+\\.png$"))).size(), 1);
        QCOMPARE(suffixed.size(), 1 + 4);

        // The manifest says the same, with the agreement of the item three annotators labeled.
        const QString csvOut = freshOut(QStringLiteral("csv"));
        DatasetExportOptions options;
        options.format = DatasetExportOptions::Format::Csv;
        options.includeUnsure = options.includeUnlabeled = true;
        DatasetExportResult result = exportHere(csvOut, options);
        QVERIFY2(result.ok, qPrintable(result.error));
        QCOMPARE(csv::parse(QString::fromUtf8(readAll(csvOut + QStringLiteral("/manifest.csv")))).value(0),
                 (QStringList{QStringLiteral("path"), QStringLiteral("label"), QStringLiteral("split"),
                              QStringLiteral("annotators"), QStringLiteral("agreement"), QStringLiteral("item_id"),
                              QStringLiteral("source")}));
        const QHash<qint64, QStringList> rows = manifest(csvOut);
        QCOMPARE(rows.size(), items.size()); // with unsure and unlabeled: every image and frame
        int unsure = 0, unlabeled = 0;
        for (const Expected &e : items) {
            QVERIFY2(rows.contains(e.id), qPrintable(QString::number(e.id)));
            const QStringList &row = rows[e.id];
            QCOMPARE(row[1], labelName(e.label));
            QCOMPARE(row[2], QString()); // no split asked
            QVERIFY2(row[0].startsWith(QLatin1String("media/")), qPrintable(row[0]));
            const QFileInfo file(csvOut + QLatin1Char('/') + row[0]);
            QVERIFY2(file.exists(), qPrintable(row[0]));
            if (e.video == 0)
                QCOMPARE(file.symLinkTarget(), e.source);
            if (e.id == m_disputed) {
                QCOMPARE(row[1], QStringLiteral("nsfw"));
                QCOMPARE(row[3], QStringLiteral("3"));
                QCOMPARE(row[4], QStringLiteral("0.667")); // the importer and bob; carol said safe
            } else if (e.label != Label::None) {
                QCOMPARE(row[3], QStringLiteral("1"));
                QCOMPARE(row[4], QString()); // one annotator: no agreement to speak of
            }
            unsure += e.label == Label::Unsure ? 1 : 0;
            unlabeled += e.label == Label::None ? 1 : 0;
        }
        QCOMPARE(unsure, 1);
        QCOMPARE(unlabeled, 1);
        QCOMPARE(filesUnder(csvOut).size(), items.size() + 1); // and the manifest

        // Unsure and unlabeled go to folders of their own when asked.
        const QString all = freshOut(QStringLiteral("all"));
        options.format = DatasetExportOptions::Format::Folders;
        result = exportHere(all, options);
        QVERIFY2(result.ok, qPrintable(result.error));
        QCOMPARE(filesUnder(all).filter(QRegularExpression(QStringLiteral("^unsure/"))),
                 QStringList{QStringLiteral("unsure/doubt.png")});
        QCOMPARE(filesUnder(all).filter(QRegularExpression(QStringLiteral("^unlabeled/"))),
                 QStringList{QStringLiteral("unlabeled/plain.png")});
    }

    void splitIsTheTrainingSplit()
    {
        // The split training makes with --folds 1, the default fraction and seed.
        TrainingSet set;
        QHash<qint64, QString> sideOf;
        QHash<qint64, qint64> groupOf;
        {
            auto db = openDb();
            QVERIFY(db);
            TrainSettings s;
            s.mode = TrainSettings::Mode::Partial;
            s.folds = 1;
            QString error;
            QVERIFY2(TrainingSetReader::read(*db, s, &set, &error), qPrintable(error));
            for (const Sample &x : std::as_const(set.train))
                sideOf.insert(x.itemId, QStringLiteral("train"));
            for (const Sample &x : std::as_const(set.validation))
                sideOf.insert(x.itemId, QStringLiteral("val"));
            groupOf = nearDuplicateGroupOf(*db, &error);
            QVERIFY2(error.isEmpty(), qPrintable(error));
        }
        QVERIFY(!set.validation.isEmpty());
        QVERIFY2(set.nearDuplicateGroups >= 1, "the half-size copy is grouped with its original");

        const QString csvOut = freshOut(QStringLiteral("csv"));
        DatasetExportOptions options;
        options.format = DatasetExportOptions::Format::Csv;
        options.split = true;
        DatasetExportResult result = exportHere(csvOut, options);
        QVERIFY2(result.ok, qPrintable(result.error));
        const QHash<qint64, QStringList> rows = manifest(csvOut);
        QCOMPARE(rows.size(), sideOf.size());
        const QHash<qint64, Expected> items = expected();
        QHash<qint64, QSet<QString>> sidesOfGroup; // a video, or a group of near-copies
        for (auto it = sideOf.cbegin(); it != sideOf.cend(); ++it) {
            QVERIFY2(rows.contains(it.key()), qPrintable(QString::number(it.key())));
            QCOMPARE(rows[it.key()][2], it.value());
            const Expected &e = items[it.key()];
            const qint64 media = e.video ? e.video : e.id;
            if (e.video)
                sidesOfGroup[media].insert(it.value());
            if (groupOf.contains(media))
                sidesOfGroup[-groupOf.value(media)].insert(it.value());
        }
        QVERIFY(sidesOfGroup.size() >= 3); // two videos and the copies
        for (auto it = sidesOfGroup.cbegin(); it != sidesOfGroup.cend(); ++it)
            QVERIFY2(it.value().size() == 1, qPrintable(QStringLiteral("group %1 on both sides").arg(it.key())));

        // The folders put each file under train/ or val/ as the manifest does.
        const QString folders = freshOut(QStringLiteral("folders"));
        options.format = DatasetExportOptions::Format::Folders;
        result = exportHere(folders, options);
        QVERIFY2(result.ok, qPrintable(result.error));
        const QStringList files = filesUnder(folders);
        QCOMPARE(files.size(), rows.size());
        for (const QStringList &row : rows) {
            const QString name = QFileInfo(row[0]).fileName();
            QVERIFY2(files.contains(row[2] + QLatin1Char('/') + row[1] + QLatin1Char('/') + name),
                     qPrintable(row.join(QLatin1Char(','))));
        }
        QVERIFY(!files.filter(QRegularExpression(QStringLiteral("^val/"))).isEmpty());
        QVERIFY(!files.filter(QRegularExpression(QStringLiteral("^train/"))).isEmpty());
    }

    void copyWritesTheBytes()
    {
        const QHash<qint64, Expected> items = expected();
        const QString out = freshOut(QStringLiteral("copy"));
        DatasetExportOptions options;
        options.format = DatasetExportOptions::Format::Csv;
        options.copy = true;
        const DatasetExportResult result = exportHere(out, options);
        QVERIFY2(result.ok, qPrintable(result.error));
        const QHash<qint64, QStringList> rows = manifest(out);
        QVERIFY(rows.size() > 10);
        for (const QStringList &row : rows) {
            const QFileInfo file(out + QLatin1Char('/') + row[0]);
            QVERIFY2(file.isFile() && !file.isSymLink(), qPrintable(row[0]));
            const Expected &e = items[row[5].toLongLong()];
            if (e.video == 0)
                QCOMPARE(readAll(file.filePath()), readAll(e.source));
        }
    }

    void aForeignFolderIsRefusedUntouched()
    {
        const QString documents = freshOut(QStringLiteral("Documents"));
        QDir().mkpath(documents + QStringLiteral("/safe"));
        QFile letter(documents + QStringLiteral("/safe/letter.txt"));
        QVERIFY(letter.open(QIODevice::WriteOnly));
        letter.write("dear");
        letter.close();
        const Run refused = run({QStringLiteral("export-dataset"), m_project, QStringLiteral("--out"), documents,
                                 QStringLiteral("--replace")});
        QCOMPARE(refused.code, 1);
        QVERIFY2(refused.err.contains(QStringLiteral("did not write")), qPrintable(refused.err));
        DatasetExportOptions options;
        options.copy = true;
        QVERIFY(!exportHere(documents, options).ok);
        QCOMPARE(filesUnder(documents), QStringList{QStringLiteral("safe/letter.txt")});
        QCOMPARE(readAll(documents + QStringLiteral("/safe/letter.txt")), QByteArray("dear"));
        QCOMPARE(QDir(m_outRoot).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot),
                 QStringList{QStringLiteral("Documents")}); // no staging folder left beside it

        // A folder this tool wrote is replaced only with --replace; a file put into it since makes it foreign.
        const QString out = freshOut(QStringLiteral("dataset"));
        options = {};
        DatasetExportResult result = exportHere(out, options);
        QVERIFY2(result.ok, qPrintable(result.error));
        const QStringList first = filesUnder(out);
        options.split = true;
        result = exportHere(out, options);
        QVERIFY(!result.ok);
        QVERIFY2(result.error.contains(QStringLiteral("--replace")), qPrintable(result.error));
        QCOMPARE(filesUnder(out), first);
        options.replace = true;
        result = exportHere(out, options);
        QVERIFY2(result.ok, qPrintable(result.error));
        QVERIFY(QFileInfo(out + QStringLiteral("/train")).isDir());
        QVERIFY(!QFileInfo::exists(out + QStringLiteral("/safe")));
        QFile mine(out + QStringLiteral("/train/notes.txt"));
        QVERIFY(mine.open(QIODevice::WriteOnly));
        mine.close();
        const QStringList second = filesUnder(out);
        result = exportHere(out, options);
        QVERIFY(!result.ok);
        QVERIFY2(result.error.contains(QStringLiteral("notes.txt")), qPrintable(result.error));
        QCOMPARE(filesUnder(out), second);
    }

    void unreadableFilesAreSkipped()
    {
        // One picture deleted behind the project's back, one video broken: both reported, the rest written.
        const QString picture = m_mediaDir + QStringLiteral("/safe/a.png");
        const QString video = m_mediaDir + QStringLiteral("/nsfw/clip.avi");
        const QByteArray pictureBytes = readAll(picture), videoBytes = readAll(video);
        QVERIFY(QFile::remove(picture));
        {
            QFile broken(video);
            QVERIFY(broken.open(QIODevice::WriteOnly | QIODevice::Truncate));
            broken.write("not a video");
        }
        const QString out = freshOut(QStringLiteral("partial"));
        const Run r = run({QStringLiteral("export-dataset"), m_project, QStringLiteral("--out"), out,
                           QStringLiteral("--format"), QStringLiteral("csv")});
        // Put the files back before anything can fail, for the other backend.
        QFile restore(picture);
        QVERIFY(restore.open(QIODevice::WriteOnly));
        restore.write(pictureBytes);
        restore.close();
        QFile fixed(video);
        QVERIFY(fixed.open(QIODevice::WriteOnly | QIODevice::Truncate));
        fixed.write(videoBytes);
        fixed.close();

        QCOMPARE(r.code, 3);
        QVERIFY2(r.err.contains(QStringLiteral("media/safe/a.png")), qPrintable(r.err));
        QCOMPARE(r.err.count(QStringLiteral("skipped media/nsfw/clip.avi#frame=")), 4);
        const QHash<qint64, QStringList> rows = manifest(out);
        int labeled = 0;
        for (const Expected &e : expected())
            labeled += e.label == Label::Safe || e.label == Label::Nsfw ? 1 : 0;
        QCOMPARE(rows.size(), labeled - 5);
        QCOMPARE(filesUnder(out).size(), rows.size() + 1);
    }
};

QTEST_GUILESS_MAIN(TestExportDataset)
#include "tst_exportdataset.moc"
