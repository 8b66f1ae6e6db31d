// The headless command line as a user runs it: real processes, exit codes, output.
#include "testsupport.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonArray>
#include "media/mediadecoder.h"
#include "store/projectdatabase.h"
#include <QCryptographicHash>
#include <QSet>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>
#include <QProcess>
#include <QProcessEnvironment>
#include <QTemporaryDir>
#include <QTest>

namespace {

using Run = nsfw::test::WorkbenchRun;

Run run(const QStringList &arguments, const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment())
{
    return nsfw::test::runWorkbench(arguments, env);
}

} // namespace

class TestCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        if (nsfw::test::workbenchBinary().isEmpty())
            NSFW_REQUIRE_SETUP("NSFW_WORKBENCH_BIN is not set (run through ctest)");
    }

    void everyCommandHasHelp_data()
    {
        QTest::addColumn<QString>("command");
        for (const char *c : {"init", "import", "stats", "label", "labels", "check", "predict", "train", "evaluate", "audit", "duplicates", "health", "agreement", "export-dataset", "benchmark"})
            QTest::newRow(c) << QString::fromLatin1(c);
    }

    void everyCommandHasHelp()
    {
        QFETCH(QString, command);
        const Run r = run({command, QStringLiteral("--help")});
        QCOMPARE(r.code, 0);
        QVERIFY2(r.out.contains(QStringLiteral("Usage: nsfw-workbench ") + command), qPrintable(r.out));
    }

    void wrongUseExitsTwoWithAHint()
    {
        const Run r = run({QStringLiteral("import"), QStringLiteral("--no-such-option")});
        QCOMPARE(r.code, 2);
        QVERIFY(r.err.contains(QStringLiteral("--help")));
    }

    void mistypedCommandIsReportedNotOpened_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("suggestion");
        QTest::newRow("typo") << QStringList{QStringLiteral("imprt"), QStringLiteral("p.nwproj")} << "import";
        QTest::newRow("swap") << QStringList{QStringLiteral("sttas"), QStringLiteral("p.nwproj")} << "stats";
        QTest::newRow("prefix") << QStringList{QStringLiteral("export")} << "export-model";
        QTest::newRow("far") << QStringList{QStringLiteral("frobnicate"), QStringLiteral("p.nwproj")} << QString();
        QTest::newRow("agreement") << QStringList{QStringLiteral("agrement"), QStringLiteral("p.nwproj")}
                                   << "agreement";
    }

    void mistypedCommandIsReportedNotOpened()
    {
        // Without a display, as on a server: before the fix this tried to open the window and Qt aborted.
        QFETCH(QStringList, arguments);
        QFETCH(QString, suggestion);
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        for (const char *name : {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"})
            env.remove(QLatin1String(name));
        const Run r = run(arguments, env);
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains(QStringLiteral("unknown command \"%1\"").arg(arguments.first())), qPrintable(r.err));
        if (!suggestion.isEmpty())
            QVERIFY2(r.err.contains(QStringLiteral("Did you mean \"%1\"?").arg(suggestion)), qPrintable(r.err));
        else
            QVERIFY2(!r.err.contains(QStringLiteral("Did you mean")), qPrintable(r.err));
        QVERIFY2(r.err.contains(QStringLiteral("  predict")), qPrintable(r.err)); // the list of commands
        QVERIFY(!QFileInfo::exists(QStringLiteral("p.nwproj")));
    }

    void windowWithoutDisplaySaysSoInOneLine()
    {
        QTemporaryDir dir;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        for (const char *name : {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"})
            env.remove(QLatin1String(name));
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), dir.filePath(QStringLiteral("config")));
        env.insert(QStringLiteral("XDG_DATA_HOME"), dir.filePath(QStringLiteral("data")));
        for (const QStringList &arguments : {QStringList(), QStringList{dir.filePath(QStringLiteral("new.nwproj"))}}) {
            const Run r = run(arguments, env);
            QCOMPARE(r.code, 1); // not a crash (-1) from Qt's abort
            QVERIFY2(r.err.startsWith(QStringLiteral("nsfw-workbench: cannot open the window: no display")),
                     qPrintable(r.err));
            QCOMPARE(r.err.count(QLatin1Char('\n')), 1);
        }
        QVERIFY(!QFileInfo::exists(dir.filePath(QStringLiteral("new.nwproj"))));
        const Run help = run({QStringLiteral("--help")}, env);
        QCOMPARE(help.code, 0);
        QVERIFY2(help.out.contains(QStringLiteral("Usage: nsfw-workbench [PROJECT]")), qPrintable(help.out));
        QVERIFY(help.out.contains(QStringLiteral("  export-model")));
    }

    void initImportStatsAndCsv()
    {
        QTemporaryDir dir;
        const QString project = dir.filePath(QStringLiteral("demo.nwproj"));
        Run r = run({QStringLiteral("init"), project});
        QCOMPARE(r.code, 0);
        r = run({QStringLiteral("init"), project});
        QCOMPARE(r.code, 1);
        QVERIFY(r.err.contains(QStringLiteral("already exists")));

        const QString data = dir.filePath(QStringLiteral("data"));
        QDir().mkpath(data + QStringLiteral("/safe"));
        QDir().mkpath(data + QStringLiteral("/nsfw"));
        const QStringList safe = nsfw::test::clipArt(5, QStringLiteral("plants"));
        const QStringList nsfw = nsfw::test::clipArt(4, QStringLiteral("office"));
        if (safe.size() < 5 || nsfw.size() < 4)
            NSFW_REQUIRE_SETUP("openclipart-png is not installed");
        for (const QString &f : safe)
            QFile::copy(f, data + QStringLiteral("/safe/") + QFileInfo(f).fileName());
        for (const QString &f : nsfw)
            QFile::copy(f, data + QStringLiteral("/nsfw/") + QFileInfo(f).fileName());
        QFile junk(data + QStringLiteral("/junk.jpg"));
        junk.open(QIODevice::WriteOnly);
        junk.write("not a jpeg at all");
        junk.close();
        const QString video = data + QStringLiteral("/clip.mp4");
        QVERIFY(nsfw::test::writeTestVideo(video, 50, 10.0));

        r = run({QStringLiteral("import"), project, data, QStringLiteral("--labels-from-folders"),
                 QStringLiteral("--frame-every"), QStringLiteral("2"), QStringLiteral("--annotator"),
                 QStringLiteral("ci")});
        QCOMPARE(r.code, 0); // completed, though a file was skipped
        QVERIFY2(r.out.contains(QStringLiteral("junk.jpg: not an image")), qPrintable(r.out));
        QVERIFY2(r.out.contains(QStringLiteral("Imported 10 files (3 video frames)")), qPrintable(r.out));

        r = run({QStringLiteral("stats"), project, QStringLiteral("--json")});
        QCOMPARE(r.code, 0);
        const QJsonObject stats = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QCOMPARE(stats.value(QStringLiteral("items")).toInt(), 13);
        QCOMPARE(stats.value(QStringLiteral("byKind")).toObject().value(QStringLiteral("image")).toInt(), 9);
        QCOMPARE(stats.value(QStringLiteral("byKind")).toObject().value(QStringLiteral("frame")).toInt(), 3);
        QCOMPARE(stats.value(QStringLiteral("byLabel")).toObject().value(QStringLiteral("safe")).toInt(), 5);
        QCOMPARE(stats.value(QStringLiteral("byLabel")).toObject().value(QStringLiteral("nsfw")).toInt(), 4);
        QCOMPARE(stats.value(QStringLiteral("byLabel")).toObject().value(QStringLiteral("unlabeled")).toInt(), 4);

        // Label a frame by CSV, export, and import the export into a second project of the same files.
        const QString csvIn = dir.filePath(QStringLiteral("in.csv"));
        QFile in(csvIn);
        in.open(QIODevice::WriteOnly);
        in.write("path,label,annotator\ndata/clip.mp4#frame=20,unsure,reviewer\ndata/clip.mp4,nsfw\n");
        in.close();
        r = run({QStringLiteral("labels"), project, QStringLiteral("--import"), csvIn});
        QCOMPARE(r.code, 0);
        QVERIFY2(r.out.contains(QStringLiteral("2 rows: 2 labels changed")), qPrintable(r.out));
        const QString csvOut = dir.filePath(QStringLiteral("out.csv"));
        r = run({QStringLiteral("labels"), project, QStringLiteral("--export"), csvOut});
        QCOMPARE(r.code, 0);
        QFile exported(csvOut);
        QVERIFY(exported.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(exported.readAll());
        QCOMPARE(text.count(QLatin1Char('\n')), 1 + 11);
        QVERIFY(text.contains(QStringLiteral("data/clip.mp4#frame=20,unsure,reviewer")));

        const QString second = dir.filePath(QStringLiteral("second.nwproj"));
        QCOMPARE(run({QStringLiteral("init"), second}).code, 0);
        QCOMPARE(run({QStringLiteral("import"), second, data}).code, 0);
        r = run({QStringLiteral("labels"), second, QStringLiteral("--import"), csvOut});
        QVERIFY2(r.out.contains(QStringLiteral("11 rows: 11 labels changed")), qPrintable(r.out));
        r = run({QStringLiteral("labels"), second, QStringLiteral("--export"), dir.filePath(QStringLiteral("again.csv"))});
        QFile again(dir.filePath(QStringLiteral("again.csv")));
        again.open(QIODevice::ReadOnly);
        QCOMPARE(QString::fromUtf8(again.readAll()), text);
    }

    void labelsImportReportsEveryRowAndTheLastRowWins()
    {
        QTemporaryDir dir;
        const QString project = dir.filePath(QStringLiteral("p.nwproj"));
        QCOMPARE(run({QStringLiteral("init"), project}).code, 0);
        // Three different pictures (clip art repeats itself within a category).
        const QStringList art = nsfw::test::clipArt(1, QStringLiteral("animals")) + nsfw::test::clipArt(1, QStringLiteral("buildings"))
            + nsfw::test::clipArt(1, QStringLiteral("tools"));
        QCOMPARE(art.size(), 3);
        for (int i = 0; i < 3; ++i)
            QVERIFY(QFile::copy(art[i], dir.filePath(QStringLiteral("%1.png").arg(i))));
        QCOMPARE(run({QStringLiteral("import"), project, dir.filePath(QStringLiteral("0.png")),
                      dir.filePath(QStringLiteral("1.png")), dir.filePath(QStringLiteral("2.png"))})
                     .code,
                 0);
        auto write = [&](const QString &name, const QByteArray &text) {
            QFile f(dir.filePath(name));
            f.open(QIODevice::WriteOnly);
            f.write(text);
            return dir.filePath(name);
        };
        // Before the fix: the empty label cleared 2.png silently, and the rows of 0.png were applied per annotator
        // (bob's nsfw last), not in file order (alice's unsure last).
        const QString csv = write(QStringLiteral("mixed.csv"), "path,label,annotator\n"
                                                               "0.png,safe,alice\n"
                                                               "0.png,nsfw,bob\n"
                                                               "1.png,nsfw,alice\n"
                                                               "2.png,,alice\n"
                                                               "gone.png,safe,alice\n"
                                                               "1.png,maybe,alice\n"
                                                               "0.png,unsure,alice\n");
        QCOMPARE(run({QStringLiteral("label"), project, QStringLiteral("safe"), dir.filePath(QStringLiteral("2.png"))}).code, 0);
        Run r = run({QStringLiteral("labels"), project, QStringLiteral("--import"), csv});
        QCOMPARE(r.code, 3); // some rows applied, some not
        QVERIFY2(r.err.contains(QStringLiteral("line 5: empty label")), qPrintable(r.err));
        QVERIFY2(r.err.contains(QStringLiteral("line 6: no item with the path \"gone.png\"")), qPrintable(r.err));
        QVERIFY2(r.err.contains(QStringLiteral("line 7: unknown label \"maybe\"")), qPrintable(r.err));
        QVERIFY2(r.out.contains(QStringLiteral("2 rows were overridden")), qPrintable(r.out));
        const QString exported = dir.filePath(QStringLiteral("out.csv"));
        QCOMPARE(run({QStringLiteral("labels"), project, QStringLiteral("--export"), exported}).code, 0);
        QFile out(exported);
        QVERIFY(out.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(out.readAll());
        QVERIFY2(text.contains(QStringLiteral("0.png,unsure,alice")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("1.png,nsfw,alice")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("2.png,safe,")), qPrintable(text)); // not cleared by the empty field

        const QString bad = write(QStringLiteral("bad.csv"), "gone.png,safe\n1.png,\n");
        r = run({QStringLiteral("labels"), project, QStringLiteral("--import"), bad});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains(QStringLiteral("No label was applied")), qPrintable(r.err));
    }

    void labelFindsCopiesAndLabelsWhatItFinds()
    {
        QTemporaryDir dir;
        const QString project = dir.filePath(QStringLiteral("p.nwproj"));
        QCOMPARE(run({QStringLiteral("init"), project}).code, 0);
        const QStringList art = nsfw::test::clipArt(1, QStringLiteral("animals")) + nsfw::test::clipArt(1, QStringLiteral("tools"));
        QVERIFY(QFile::copy(art[0], dir.filePath(QStringLiteral("a.png"))));
        QVERIFY(QFile::copy(art[1], dir.filePath(QStringLiteral("b.png"))));
        QCOMPARE(run({QStringLiteral("import"), project, dir.filePath(QStringLiteral("a.png")),
                      dir.filePath(QStringLiteral("b.png"))})
                     .code,
                 0);
        // A byte-identical copy elsewhere is the same item; a path that matches nothing is reported, and the
        // others are labeled all the same (before the fix, the first miss stopped the command with nothing labeled).
        QDir().mkpath(dir.filePath(QStringLiteral("elsewhere")));
        QVERIFY(QFile::copy(art[0], dir.filePath(QStringLiteral("elsewhere/renamed.png"))));
        const Run r = run({QStringLiteral("label"), project, QStringLiteral("nsfw"), dir.filePath(QStringLiteral("missing.png")),
                           dir.filePath(QStringLiteral("elsewhere/renamed.png")), dir.filePath(QStringLiteral("b.png"))});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains(QStringLiteral("No such item: ") + dir.filePath(QStringLiteral("missing.png"))), qPrintable(r.err));
        QVERIFY2(r.err.contains(QStringLiteral("1 of 3 items were not found")), qPrintable(r.err));
        QCOMPARE(r.out.count(QStringLiteral("committed ")), 2);
        const Run stats = run({QStringLiteral("stats"), project, QStringLiteral("--json")});
        QCOMPARE(QJsonDocument::fromJson(stats.out.toUtf8()).object().value(QStringLiteral("byLabel")).toObject()
                     .value(QStringLiteral("nsfw")).toInt(),
                 2);
    }

    void importRejectsAbsurdSampling_data()
    {
        QTest::addColumn<QString>("every");
        QTest::newRow("zero") << "0";
        QTest::newRow("too fine") << "0.001";
        QTest::newRow("over an hour") << "7200";
        QTest::newRow("nan") << "nan";
        QTest::newRow("negative") << "-1";
    }

    void importRejectsAbsurdSampling()
    {
        // Before the fix 0 and nan fell back to 1 s silently, and 1e-9 sampled without bound.
        QFETCH(QString, every);
        QTemporaryDir dir;
        const QString project = dir.filePath(QStringLiteral("p.nwproj"));
        QCOMPARE(run({QStringLiteral("init"), project}).code, 0);
        const Run r = run({QStringLiteral("import"), project, dir.path(), QStringLiteral("--frame-every"), every});
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains(QStringLiteral("0.04")), qPrintable(r.err));
    }

    void missingFilesAreReportedByCheck()
    {
        QTemporaryDir dir;
        const QString project = dir.filePath(QStringLiteral("p.nwproj"));
        QCOMPARE(run({QStringLiteral("init"), project}).code, 0);
        const QString file = dir.filePath(QStringLiteral("pic.png"));
        QVERIFY(QFile::copy(nsfw::test::clipArt(1).value(0), file));
        QCOMPARE(run({QStringLiteral("import"), project, file}).code, 0);
        QFile::remove(file);
        Run r = run({QStringLiteral("check"), project});
        QCOMPARE(r.code, 0);
        QVERIFY2(r.out.contains(QStringLiteral("missing: ") + file), qPrintable(r.out));
        r = run({QStringLiteral("stats"), project});
        QVERIFY(r.out.contains(QStringLiteral("1 items are missing")));
    }

    void refusesWhatIsNotAProject()
    {
        QTemporaryDir dir;
        const QString notes = dir.filePath(QStringLiteral("notes.txt"));
        QFile f(notes);
        f.open(QIODevice::WriteOnly);
        f.write("just text\n");
        f.close();
        const Run r = run({QStringLiteral("stats"), notes});
        QCOMPARE(r.code, 1);
        QVERIFY(r.err.contains(QStringLiteral("not an NSFW Workbench project")));
        QFile check(notes);
        check.open(QIODevice::ReadOnly);
        QCOMPARE(check.readAll(), QByteArray("just text\n"));
    }

    // Near-copies planted among real clip art are grouped, each with its original and nothing else; a group whose
    // members are labeled both ways is a conflict and comes first; a project imported before hashes existed is
    // hashed on the way.
    void duplicatesGroupsPlantedCopies()
    {
        QTemporaryDir dir;
        const QString project = dir.filePath(QStringLiteral("p.nwproj"));
        QCOMPARE(run({QStringLiteral("init"), project}).code, 0);
        const QStringList art = nsfw::test::clipArt(30, QStringLiteral("animals"));
        NSFW_REQUIRE_SETUP(art.size() < 30 ? QStringLiteral("openclipart-png is not installed (packaging/setup.sh)")
                                           : QString());
        const QString data = dir.filePath(QStringLiteral("data"));
        QDir().mkpath(data);
        QSet<QByteArray> seen;
        QStringList originals;
        for (const QString &f : art) {
            QFile in(f);
            in.open(QIODevice::ReadOnly);
            if (!seen.contains(QCryptographicHash::hash(in.readAll(), QCryptographicHash::Sha1)))
                originals << f;
            in.seek(0);
            seen.insert(QCryptographicHash::hash(in.readAll(), QCryptographicHash::Sha1));
        }
        for (int i = 0; i < originals.size(); ++i)
            QVERIFY(QFile::copy(originals[i], data + QStringLiteral("/%1.png").arg(i)));
        // Two planted copies: the first picture half size, the second with a black frame.
        QString error;
        for (int i = 0; i < 2; ++i) {
            cv::Mat picture = nsfw::MediaDecoder::readImage(originals[i], nsfw::MediaDecoder::kDefaultMaxPixels, &error);
            cv::Mat copy;
            if (i == 0)
                cv::resize(picture, copy, cv::Size(), 0.5, 0.5, cv::INTER_AREA);
            else
                cv::copyMakeBorder(picture, copy, 8, 8, 8, 8, cv::BORDER_CONSTANT, cv::Scalar(0, 0, 0));
            QVERIFY(cv::imwrite(QString(data + QStringLiteral("/copy%1.jpg").arg(i)).toStdString(), copy));
        }
        QCOMPARE(run({QStringLiteral("import"), project, data}).code, 0);
        QCOMPARE(run({QStringLiteral("label"), project, QStringLiteral("safe"), data + QStringLiteral("/1.png")}).code, 0);
        QCOMPARE(run({QStringLiteral("label"), project, QStringLiteral("nsfw"), data + QStringLiteral("/copy1.jpg")}).code,
                 0);

        auto groupsOf = [&](QJsonArray *groups) {
            const Run r = run({QStringLiteral("duplicates"), project, QStringLiteral("--json")});
            QVERIFY2(r.code == 0, qPrintable(r.err));
            *groups = QJsonDocument::fromJson(r.out.toUtf8()).object().value(QStringLiteral("groups")).toArray();
        };
        QJsonArray groups;
        groupsOf(&groups);
        QVERIFY(groups.size() >= 2);
        auto pathsOf = [](const QJsonValue &g) {
            QStringList paths;
            for (const QJsonValue m : g.toObject().value(QStringLiteral("items")).toArray())
                paths << QFileInfo(m.toObject().value(QStringLiteral("path")).toString()).fileName();
            paths.sort();
            return paths;
        };
        // The conflict first: the framed copy labeled nsfw, its original safe.
        QVERIFY(groups.first().toObject().value(QStringLiteral("conflict")).toBool());
        QCOMPARE(pathsOf(groups.first()), (QStringList{QStringLiteral("1.png"), QStringLiteral("copy1.jpg")}));
        bool resized = false;
        for (const QJsonValue g : groups) {
            const QStringList paths = pathsOf(g);
            if (paths.contains(QStringLiteral("copy0.jpg"))) {
                resized = true;
                QCOMPARE(paths, (QStringList{QStringLiteral("0.png"), QStringLiteral("copy0.jpg")}));
                QVERIFY(!g.toObject().value(QStringLiteral("conflict")).toBool());
            }
        }
        QVERIFY(resized);

        // As if imported before hashes existed: the command hashes the project first, and finds the same groups.
        {
            auto db = nsfw::ProjectDatabase::open(project, nsfw::ProjectDatabase::OpenMode::OpenExisting, QStringLiteral("t"), &error);
            QVERIFY2(db, qPrintable(error));
            QVERIFY(db->exec(QStringLiteral("DELETE FROM media_hashes"), &error));
        }
        QJsonArray again;
        groupsOf(&again);
        QCOMPARE(again, groups);

        // --threshold: another rule, found afresh. The widest band finds at least the same groups; a number of bits
        // that is none is refused.
        const Run wide = run({QStringLiteral("duplicates"), project, QStringLiteral("--json"),
                              QStringLiteral("--threshold"), QStringLiteral("24")});
        QVERIFY2(wide.code == 0, qPrintable(wide.err));
        QVERIFY(QJsonDocument::fromJson(wide.out.toUtf8()).object().value(QStringLiteral("groups")).toArray().size()
                >= groups.size());
        QCOMPARE(run({QStringLiteral("duplicates"), project, QStringLiteral("--threshold"), QStringLiteral("65")}).code,
                 2);
    }

    // health --json: a planted dark and a planted tiny picture among clip art are listed under their checks with
    // their paths; the class balance counts the labels; measures deleted (an older project) are computed again.
    void healthListsPlantedPictures()
    {
        QTemporaryDir dir;
        const QString project = dir.filePath(QStringLiteral("p.nwproj"));
        QCOMPARE(run({QStringLiteral("init"), project}).code, 0);
        const QStringList art = nsfw::test::clipArt(6, QStringLiteral("food"));
        NSFW_REQUIRE_SETUP(art.size() < 6 ? QStringLiteral("openclipart-png is not installed (packaging/setup.sh)")
                                          : QString());
        const QString data = dir.filePath(QStringLiteral("data/safe"));
        QDir().mkpath(data);
        for (int i = 0; i < art.size(); ++i)
            QFile::copy(art[i], data + QStringLiteral("/%1.png").arg(i));
        cv::Mat dark(300, 400, CV_8UC3, cv::Scalar(20, 30, 25));
        cv::circle(dark, cv::Point(200, 150), 80, cv::Scalar(40, 10, 50), cv::FILLED);
        QVERIFY(cv::imwrite(QString(data + QStringLiteral("/dark.png")).toStdString(), dark));
        cv::Mat tiny(24, 32, CV_8UC3, cv::Scalar(0, 128, 255));
        cv::line(tiny, cv::Point(0, 0), cv::Point(31, 23), cv::Scalar(255, 0, 0), 3);
        QVERIFY(cv::imwrite(QString(data + QStringLiteral("/tiny.png")).toStdString(), tiny));
        QCOMPARE(run({QStringLiteral("import"), project, dir.filePath(QStringLiteral("data")),
                      QStringLiteral("--labels-from-folders")})
                     .code,
                 0);
        {
            QString error;
            auto db = nsfw::ProjectDatabase::open(project, nsfw::ProjectDatabase::OpenMode::OpenExisting,
                                                  QStringLiteral("t"), &error);
            QVERIFY2(db, qPrintable(error));
            QVERIFY(db->exec(QStringLiteral("DELETE FROM media_stats"), &error));
        }
        const Run r = run({QStringLiteral("health"), project, QStringLiteral("--json")});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        const QJsonObject report = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QCOMPARE(report.value(QStringLiteral("measured")).toInt(), report.value(QStringLiteral("media")).toInt());
        const QJsonObject overall =
            report.value(QStringLiteral("balance")).toObject().value(QStringLiteral("overall")).toObject();
        QCOMPARE(overall.value(QStringLiteral("safe")).toInt(), report.value(QStringLiteral("media")).toInt());
        QHash<QString, QStringList> flagged;
        for (const QJsonValue c : report.value(QStringLiteral("checks")).toArray()) {
            const QJsonObject check = c.toObject();
            QVERIFY(!check.value(QStringLiteral("description")).toString().isEmpty());
            QStringList names;
            for (const QJsonValue item : check.value(QStringLiteral("items")).toArray())
                names << QFileInfo(item.toObject().value(QStringLiteral("path")).toString()).fileName();
            QCOMPARE(check.value(QStringLiteral("count")).toInt(), names.size());
            flagged.insert(check.value(QStringLiteral("id")).toString(), names);
        }
        QCOMPARE(flagged.value(QStringLiteral("dark")), QStringList{QStringLiteral("dark.png")});
        QCOMPARE(flagged.value(QStringLiteral("tiny")), QStringList{QStringLiteral("tiny.png")});
        QVERIFY(flagged.contains(QStringLiteral("near-duplicates")));
        // The text report names the checks too.
        const Run text = run({QStringLiteral("health"), project});
        QCOMPARE(text.code, 0);
        QVERIFY2(text.out.contains(QStringLiteral("dark.png")), qPrintable(text.out));
    }

    // The near-duplicate benchmark, small: the corpus is built, every rule measured, every edit accounted for.
    // Without the features' rules, so no LibTorch runs here (this test also runs under ThreadSanitizer, which does
    // not see inside LibTorch's OpenMP pool).
    void duplicateBenchmarkMeasuresEveryRule()
    {
        NSFW_REQUIRE_SETUP(nsfw::test::clipArt(1).isEmpty() ? QStringLiteral("openclipart-png is not installed "
                                                                             "(packaging/setup.sh)")
                                                            : QString());
        QTemporaryDir dir;
        const QString corpus = dir.filePath(QStringLiteral("corpus"));
        const Run r = run({QStringLiteral("benchmark"), QStringLiteral("duplicates"), QStringLiteral("--originals"),
                           QStringLiteral("12"), QStringLiteral("--distractors"), QStringLiteral("24"),
                           QStringLiteral("--keep-corpus"), corpus, QStringLiteral("--no-features"),
                           QStringLiteral("--json")});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        const QJsonObject o = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QCOMPARE(o.value(QStringLiteral("originals")).toInt(), 12);
        QVERIFY(o.value(QStringLiteral("files")).toInt() >= 12 * 10 + 24);
        QCOMPARE(QDir(corpus).entryList(QDir::Files).filter(QStringLiteral("-original.")).size(), 12);
        const QJsonArray rules = o.value(QStringLiteral("rules")).toArray();
        QVERIFY(rules.size() >= 5);
        QVERIFY(rules.first().toObject().value(QStringLiteral("name")).toString().startsWith(QStringLiteral("plain pHash")));
        for (const QJsonValue v : rules) {
            const QJsonObject measured = v.toObject().value(QStringLiteral("measuredHalf")).toObject();
            for (const char *key : {"precision", "recall"}) {
                const double x = measured.value(QLatin1String(key)).toDouble(-1);
                QVERIFY2(x >= 0 && x <= 1, qPrintable(v.toObject().value(QStringLiteral("name")).toString()));
            }
        }
        QVERIFY(!o.value(QStringLiteral("chosen")).toString().isEmpty());
        const QJsonObject edits = o.value(QStringLiteral("recallByEdit")).toObject();
        for (const char *edit : {"resize", "jpeg", "crop", "gamma", "caption", "border", "blur", "webp", "png"})
            QVERIFY2(edits.contains(QLatin1String(edit)), edit);
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
