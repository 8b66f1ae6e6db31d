// The proxy task's sets as `benchmark train` judges the probe and the runs on them, on both backends: clip art with a
// byte copy and a half-size copy of a labeled picture among the held-out ones (both left out: the import keeps the
// byte copy as the labeled item, the near-copy rule finds the other), and two held-out near-copies of each other
// (kept: neither was taught).
#include "cli/cliparttask.h"
#include "media/importer.h"
#include "media/mediadecoder.h"
#include "store/projectdatabase.h"
#include "testsupport.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

using namespace nsfw;

class TestProxySets : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        NSFW_REQUIRE_SETUP(test::clipArt(400).size() < 400 ? QStringLiteral("openclipart-png is not installed")
                                                           : QString());
    }

    void initTestCase_data() { test::addBackendRows(); }
    void sets()
    {
        NSFW_REQUIRE_BACKEND(test::currentBackend());
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString root = dir.path();
        for (const char *d : {"data/nsfw", "data/safe", "heldout/pos", "heldout/neg"})
            QVERIFY(QDir().mkpath(root + QLatin1Char('/') + QLatin1String(d)));
        const QStringList art = test::clipArt(400);
        auto put = [&](int index, const QString &name) {
            return QFile::copy(art[index], root + QLatin1Char('/') + name);
        };
        auto shrunk = [&](int index, double scale, const QString &name) {
            QString error;
            const cv::Mat original = MediaDecoder::readImage(art[index], MediaDecoder::kDefaultMaxPixels, &error);
            cv::Mat small;
            cv::resize(original, small, cv::Size(), scale, scale, cv::INTER_AREA);
            return cv::imwrite(QString(root + QLatin1Char('/') + name).toStdString(), small);
        };
        // Labeled: two nsfw, two safe, from across the package.
        QVERIFY(put(0, QStringLiteral("data/nsfw/a.png")));
        QVERIFY(put(60, QStringLiteral("data/nsfw/b.png")));
        QVERIFY(put(120, QStringLiteral("data/safe/c.png")));
        QVERIFY(put(180, QStringLiteral("data/safe/d.png")));
        // Held out: a byte copy of a and a half-size copy of c (both left out), three pictures of their own, and
        // a 60 % copy of one of them (kept, as its original is).
        QVERIFY(put(0, QStringLiteral("heldout/pos/copy.png")));
        QVERIFY(shrunk(120, 0.5, QStringLiteral("heldout/neg/half.png")));
        QVERIFY(put(240, QStringLiteral("heldout/pos/e.png")));
        QVERIFY(put(300, QStringLiteral("heldout/neg/f.png")));
        QVERIFY(put(360, QStringLiteral("heldout/neg/g.png")));
        QVERIFY(shrunk(360, 0.6, QStringLiteral("heldout/neg/g-small.png")));

        const QString project = test::freshProjectLocation(test::currentBackend(), dir);
        QVERIFY(!project.isEmpty());
        QString error;
        {
            auto db = ProjectDatabase::open(project, ProjectDatabase::OpenMode::CreateNew, QStringLiteral("t"), &error);
            QVERIFY2(db, qPrintable(error));
            if (db->isServer())
                QVERIFY2(db->setMediaRoot(root, &error), qPrintable(error)); // this user's mapping: no window asks
        }
        ImportOptions options;
        options.paths = {root + QStringLiteral("/data"), root + QStringLiteral("/heldout")};
        options.labelsFromFolders = true;
        options.annotator = QStringLiteral("t");
        const ImportSummary summary = Importer(project, options).run();
        QVERIFY2(summary.error.isEmpty() && summary.skipped.isEmpty(), qPrintable(summary.error));

        const cli::ProxySets sets =
            cli::proxySets(project, root + QStringLiteral("/heldout/"), root + QStringLiteral("/heldout/pos/"));
        QVERIFY2(sets.error.isEmpty(), qPrintable(sets.error));

        QHash<QString, int> labeled;
        for (int i = 0; i < sets.labeledFiles.size(); ++i)
            labeled.insert(QDir(root).relativeFilePath(sets.labeledFiles[i]), sets.labeledTruth.value(i, -1));
        const QHash<QString, int> expectedLabeled{{QStringLiteral("data/nsfw/a.png"), 1},
                                                  {QStringLiteral("data/nsfw/b.png"), 1},
                                                  {QStringLiteral("data/safe/c.png"), 0},
                                                  {QStringLiteral("data/safe/d.png"), 0}};
        QCOMPARE(labeled, expectedLabeled);

        QHash<QString, int> heldOut;
        for (int i = 0; i < sets.heldOutFiles.size(); ++i)
            heldOut.insert(QDir(root).relativeFilePath(sets.heldOutFiles[i]), sets.heldOutTruth.value(i, -1));
        const QHash<QString, int> expectedHeldOut{{QStringLiteral("heldout/pos/e.png"), 1},
                                                  {QStringLiteral("heldout/neg/f.png"), 0},
                                                  {QStringLiteral("heldout/neg/g.png"), 0},
                                                  {QStringLiteral("heldout/neg/g-small.png"), 0}};
        QCOMPARE(heldOut, expectedHeldOut);
        QCOMPARE(sets.copiesLeftOut, 1); // the half-size copy; the byte copy never became an item
        QCOMPARE(sets.truth.size(), 4);
        // The truth is keyed as the project stores paths, which is what a run's scores name.
        auto db = ProjectDatabase::open(project, ProjectDatabase::OpenMode::OpenExisting, QStringLiteral("t"), &error);
        QVERIFY(db);
        QCOMPARE(sets.truth.value(db->storedPath(root + QStringLiteral("/heldout/pos/e.png")), -1), 1);
        QCOMPARE(sets.truth.value(db->storedPath(root + QStringLiteral("/heldout/neg/half.png")), -1), -1);
    }
};

QTEST_GUILESS_MAIN(TestProxySets)
#include "tst_proxysets.moc"
