// nsfw-workbench-bench-contention: the window's event-loop lateness while another process holds the project's
// write lock (as a CLI import does between its batches' commits) and the annotator keeps labeling.
//
// A 10 ms timer runs in the real window; its lateness (how much later than 10 ms after the previous tick it
// fires) is recorded first without contention, then while a child process (this program, --hold) keeps
// BEGIN IMMEDIATE open for --hold-ms at a time, --rounds times, and S is pressed every --pace ms throughout.
// Afterwards every label given must be in the file.
//
// Run offscreen: QT_QPA_PLATFORM=offscreen build/tests/nsfw-workbench-bench-contention [--rounds 3]
//                [--hold-ms 2000] [--pace 150] [--json]
#include "gallery/gallerymodel.h"
#include "gallery/labelsession.h"
#include "gallerypanel.h"
#include "labelingpage.h"
#include "mainwindow.h"
#include "store/itemstore.h"
#include "store/projectdatabase.h"
#include "testsupport.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSettings>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QTimer>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <thread>

using namespace nsfw;

namespace {

using test::latencySummary;
using test::percentile;

// The child: hold the write lock, say so, wait, commit.
int holdLock(const QString &path, int ms)
{
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("holder"));
    db.setDatabaseName(path);
    if (!db.open() || !QSqlQuery(db).exec(QStringLiteral("BEGIN IMMEDIATE"))) {
        std::fprintf(stderr, "cannot take the write lock\n");
        return 1;
    }
    std::printf("locked\n");
    std::fflush(stdout);
    QThread::msleep(ms);
    QSqlQuery(db).exec(QStringLiteral("COMMIT"));
    std::printf("released\n");
    std::fflush(stdout);
    return 0;
}

using test::LatenessProbe;

int labelsInFile(const QString &path)
{
    int n = -1;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("count"));
        db.setDatabaseName(path);
        QSqlQuery q(db);
        if (db.open() && q.exec(QStringLiteral("SELECT count(*) FROM items WHERE label IS NOT NULL")) && q.next())
            n = q.value(0).toInt();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("count"));
    return n;
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setApplicationName(QStringLiteral("nsfw-workbench-bench-contention"));
    QCommandLineParser parser;
    parser.addHelpOption();
    QCommandLineOption holdOption(QStringLiteral("hold"), QStringLiteral("Child mode: hold the write lock of FILE."),
                                  QStringLiteral("file"));
    QCommandLineOption holdMsOption(QStringLiteral("hold-ms"), QStringLiteral("How long the lock is held per round."),
                                    QStringLiteral("ms"), QStringLiteral("2000"));
    QCommandLineOption roundsOption(QStringLiteral("rounds"), QStringLiteral("How often the lock is taken."),
                                    QStringLiteral("n"), QStringLiteral("3"));
    QCommandLineOption paceOption(QStringLiteral("pace"), QStringLiteral("Milliseconds between key presses."),
                                  QStringLiteral("ms"), QStringLiteral("150"));
    QCommandLineOption jsonOption(QStringLiteral("json"), QStringLiteral("Print JSON."));
    parser.addOptions({holdOption, holdMsOption, roundsOption, paceOption, jsonOption});
    parser.process(app);
    const int holdMs = parser.value(holdMsOption).toInt();
    if (parser.isSet(holdOption))
        return holdLock(parser.value(holdOption), holdMs);
    const int rounds = parser.value(roundsOption).toInt();
    const int pace = std::max(10, parser.value(paceOption).toInt());
    QSettings().clear();

    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("contention.nwproj"));
    const int items = 400;
    {
        QString error;
        auto db = ProjectDatabase::open(path, ProjectDatabase::OpenMode::CreateNew, QStringLiteral("bench"), &error);
        if (!db) {
            std::fprintf(stderr, "%s\n", qPrintable(error));
            return 1;
        }
        const QStringList pool = test::clipArt(200);
        Transaction tx(*db);
        for (int i = 0; i < items; ++i) {
            Item it;
            it.path = pool.isEmpty() ? dir.filePath(QStringLiteral("%1.png").arg(i)) : pool.at(i % pool.size());
            it.contentHash = QStringLiteral("%1").arg(i, 40, 16, QLatin1Char('0'));
            it.width = it.height = 256;
            if (!ItemStore(*db).insert(it, &error)) {
                std::fprintf(stderr, "%s\n", qPrintable(error));
                return 1;
            }
        }
        tx.commit();
    }

    ui::MainWindow window;
    window.resize(1500, 920);
    window.show();
    if (!QTest::qWaitForWindowExposed(&window) || !window.openProject(path, false))
        return 1;
    ui::LabelingPage *page = window.labelingPage();
    QWidget *view = page->gallery()->view();
    view->setFocus();
    QTest::qWait(500);

    int pressed = 0;
    QTimer keys;
    keys.setInterval(pace);
    QObject::connect(&keys, &QTimer::timeout, [&] {
        QTest::keyClick(view, Qt::Key_S);
        ++pressed;
    });
    LatenessProbe probe;

    // 1. No other writer.
    probe.start();
    keys.start();
    QTest::qWait(holdMs);
    keys.stop();
    const std::vector<double> free = probe.stop();
    const int pressedFree = pressed;

    // 2. Another process holds the write lock, round after round; the annotator goes on.
    int maxPending = 0;
    QObject::connect(page->session(), &LabelSession::pendingChanged,
                     [&maxPending](int n) { maxPending = std::max(maxPending, n); });
    std::vector<double> commitAfterReleaseMs;
    probe.start();
    keys.start();
    for (int round = 0; round < rounds; ++round) {
        // The child is started and watched from a thread of its own: fork() of this process is the bench's
        // cost, not the window's.
        std::atomic<bool> locked{false}, released{false}, exited{false};
        std::thread watcher([&] {
            QProcess holder;
            holder.setProcessChannelMode(QProcess::ForwardedErrorChannel);
            holder.start(QCoreApplication::applicationFilePath(),
                         {QStringLiteral("--hold"), path, QStringLiteral("--hold-ms"), QString::number(holdMs)});
            while (holder.waitForReadyRead(15000)) {
                while (holder.canReadLine()) {
                    const QByteArray line = holder.readLine().trimmed();
                    if (line == "locked")
                        locked = true;
                    else if (line == "released")
                        released = true;
                }
                if (released)
                    break;
            }
            holder.waitForFinished(15000);
            released = true;
            exited = true;
        });
        while (!released)
            QTest::qWait(1);
        if (qEnvironmentVariableIsSet("BENCH_TRACE"))
            std::fprintf(stderr, "released seen at %.1f ms\n", probe.now());
        // Released: how long until the labels given meanwhile are in the file.
        QElapsedTimer release;
        release.start();
        while (page->session()->hasPending() && release.elapsed() < 10000)
            QTest::qWait(1);
        commitAfterReleaseMs.push_back(release.nsecsElapsed() / 1e6);
        while (!exited)
            QTest::qWait(1);
        watcher.join();    // at once: joining a thread that still waits would stall the window
        QTest::qWait(300); // a little time without the lock between rounds, as between an import's batches
    }
    keys.stop();
    const std::vector<double> locked = probe.stop();
    QTest::qWait(200);
    const int committed = labelsInFile(path);

    QJsonObject result;
    QJsonObject a = latencySummary(free);
    a.insert(QStringLiteral("keys"), pressedFree);
    result.insert(QStringLiteral("noOtherWriter"), a);
    QJsonObject b = latencySummary(locked);
    b.insert(QStringLiteral("keys"), pressed - pressedFree);
    b.insert(QStringLiteral("rounds"), rounds);
    b.insert(QStringLiteral("holdMs"), holdMs);
    b.insert(QStringLiteral("maxPending"), maxPending);
    b.insert(QStringLiteral("commitAfterReleaseMaxMs"), percentile(commitAfterReleaseMs, 1.0));
    result.insert(QStringLiteral("otherProcessHoldsLock"), b);
    result.insert(QStringLiteral("labelsGiven"), std::min(pressed, items));
    result.insert(QStringLiteral("labelsInFile"), committed);
    if (parser.isSet(jsonOption)) {
        std::printf("%s\n", QJsonDocument(result).toJson().constData());
    } else {
        const auto line = [](const char *name, const QJsonObject &o) {
            std::printf("%-52s median %6.2f ms   p99 %6.2f ms   max %6.2f ms   (%d ticks, %d keys)\n", name,
                        o.value(QStringLiteral("medianMs")).toDouble(), o.value(QStringLiteral("p99Ms")).toDouble(),
                        o.value(QStringLiteral("maxMs")).toDouble(), o.value(QStringLiteral("count")).toInt(),
                        o.value(QStringLiteral("keys")).toInt());
        };
        std::printf("10 ms timer lateness in the window, S pressed every %d ms:\n", pace);
        line("  no other writer", a);
        line(qPrintable(QStringLiteral("  another process holds the lock (%1 x %2 ms)").arg(rounds).arg(holdMs)), b);
        std::printf("  labels pending at most: %d; all written %.1f ms after the lock was released (worst round)\n",
                    maxPending, b.value(QStringLiteral("commitAfterReleaseMaxMs")).toDouble());
        std::printf("  labels given: %d, labeled items in the file: %d\n", std::min(pressed, items), committed);
    }
    return committed == std::min(pressed, items) ? 0 : 2;
}
