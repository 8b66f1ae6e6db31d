// Kills a real nsfw-workbench process with SIGKILL while it labels or imports, many times, and checks
// after each kill that the project is intact and holds everything the child reported as committed.
#include "store/itemstore.h"
#include "store/projectdatabase.h"
#include "testsupport.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QProcess>
#include <QRandomGenerator>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace nsfw;

namespace {

/// Kills per backend: 25 in a release build. Under the sanitizers what they look for (memory and threading errors on
/// the way to the kill) shows in any round, and this test runs alone (RUN_SERIAL) on a core while the others idle: 8
/// with AddressSanitizer (rounds about 3 times slower), 6 with ThreadSanitizer (about 6 times; 12 took 5 minutes).
int kills()
{
    const int factor = test::timeFactor();
    return factor >= 6 ? 6 : factor > 1 ? 8 : 25;
}

QString integrity(ProjectDatabase &db)
{
    QSqlQuery q(db.db());
    if (db.isServer()) // the server keeps its own files consistent: every table must read
        return q.exec(QStringLiteral("SELECT (SELECT count(*) FROM items) + (SELECT count(*) FROM label_history)"))
                       && q.next()
                   ? QStringLiteral("ok")
                   : q.lastError().text();
    if (!q.exec(QStringLiteral("PRAGMA integrity_check")) || !q.next())
        return QStringLiteral("query failed");
    return q.value(0).toString();
}

enum class KillClock { FromStart, FromFirstLine };

/// Starts the child, lets it run for a random time within [minMs, maxMs], kills it, returns its stdout lines. The time
/// counts from the start, or from the child's first line of output: the binary loads LibTorch and opens the project
/// before it writes anything, which takes 1-2 s on a slow machine, so a window counted from the start may end every
/// round before the first label.
QStringList runAndKill(const QStringList &arguments, int minMs, int maxMs, bool *killedWhileRunning,
                       KillClock clock = KillClock::FromStart)
{
    QProcess child;
    child.setProcessChannelMode(QProcess::SeparateChannels);
    child.start(test::workbenchBinary(), arguments);
    if (!child.waitForStarted(10000))
        return {};
    // Sanitized builds start and run several times slower: the kill window stretches with them.
    const int factor = test::timeFactor();
    if (clock == KillClock::FromFirstLine) {
        // The output is kept for the end (reading it here would drop it).
        while (child.state() == QProcess::Running && !child.canReadLine())
            child.waitForReadyRead(30000 * factor);
    }
    QThread::msleep(QRandomGenerator::global()->bounded(minMs * factor, maxMs * factor));
    *killedWhileRunning = child.state() == QProcess::Running;
    child.kill(); // SIGKILL
    child.waitForFinished(10000);
    const QString output = QString::fromUtf8(child.readAllStandardOutput());
    QStringList lines = output.split(QLatin1Char('\n'));
    if (!output.endsWith(QLatin1Char('\n')))
        lines.removeLast(); // the line being written when the kill came is not a report
    lines.removeAll(QString());
    return lines;
}

} // namespace

class TestCrashSafety : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase_data() { test::addBackendRows(); }

    void init() { NSFW_REQUIRE_BACKEND(test::currentBackend()); }

    void initTestCase()
    {
        if (test::workbenchBinary().isEmpty() || !QFileInfo(test::workbenchBinary()).isExecutable())
            NSFW_REQUIRE_SETUP("NSFW_WORKBENCH_BIN is not set (run through ctest)");
    }

    void labelsSurviveSigkill()
    {
        QTemporaryDir dir;
        const QString path = test::freshProjectLocation(test::currentBackend(), dir);
        QStringList ids;
        {
            QString error;
            auto db = ProjectDatabase::open(path, ProjectDatabase::OpenMode::CreateNew, QStringLiteral("setup"), &error);
            QVERIFY(db);
            ItemStore items(*db);
            for (int i = 0; i < 40; ++i) {
                Item it;
                it.path = QStringLiteral("%1.png").arg(i);
                it.contentHash = QStringLiteral("h%1").arg(i);
                ids << QString::number(items.insert(it, &error));
            }
        }
        int reportedTotal = 0;
        int killedRunning = 0;
        for (int round = 0; round < kills(); ++round) {
            qint64 before = 0;
            {
                QString error;
                auto db = ProjectDatabase::open(path, ProjectDatabase::OpenMode::OpenExisting, QStringLiteral("c"), &error);
                QSqlQuery q(db->db());
                QVERIFY(q.exec(QStringLiteral("SELECT coalesce(max(id), 0) FROM label_history")) && q.next());
                before = q.value(0).toLongLong();
            }
            bool running = false;
            // Half the rounds kill at any time from the start (while it loads, opens the project, or labels), half
            // while it labels: counted from its first commit.
            const KillClock clock = round % 2 ? KillClock::FromFirstLine : KillClock::FromStart;
            const QStringList lines = runAndKill(QStringList{QStringLiteral("label"), path, QStringLiteral("safe")} + ids
                                                     + QStringList{QStringLiteral("--cycle"), QStringLiteral("100000"),
                                                                   QStringLiteral("--annotator"), QStringLiteral("crash")},
                                                 clock == KillClock::FromStart ? 300 : 0,
                                                 clock == KillClock::FromStart ? 1200 : 900, &running, clock);
            killedRunning += running ? 1 : 0;
            // Reported labels per item, in order.
            QHash<qint64, QStringList> reported;
            for (const QString &line : lines) {
                const QStringList parts = line.split(QLatin1Char(' '));
                QCOMPARE(parts.size(), 3);
                if (parts[0] == QStringLiteral("unchanged"))
                    continue; // it already had that label: nothing new to write
                QCOMPARE(parts[0], QStringLiteral("committed"));
                reported[parts[1].toLongLong()] << parts[2];
                ++reportedTotal;
            }
            QString error;
            auto db = ProjectDatabase::open(path, ProjectDatabase::OpenMode::OpenExisting, QStringLiteral("c"), &error);
            QVERIFY2(db, qPrintable(error));
            QCOMPARE(integrity(*db), QStringLiteral("ok"));
            QHash<qint64, QStringList> written;
            QSqlQuery q(db->db());
            q.prepare(QStringLiteral("SELECT item_id, label FROM label_history WHERE id > ? ORDER BY id"));
            q.addBindValue(before);
            QVERIFY(q.exec());
            while (q.next())
                written[q.value(0).toLongLong()] << labelName(labelFromColumn(q.value(1)));
            // Everything reported is in the history, in order; at most one unreported commit per kill.
            int extra = 0;
            for (auto it = reported.cbegin(); it != reported.cend(); ++it) {
                const QStringList &w = written.value(it.key());
                QVERIFY2(w.mid(0, it.value().size()) == it.value(),
                         qPrintable(QStringLiteral("item %1 lost a committed label").arg(it.key())));
                extra += int(w.size() - it.value().size());
            }
            for (auto it = written.cbegin(); it != written.cend(); ++it) {
                if (!reported.contains(it.key()))
                    extra += int(it.value().size());
            }
            QVERIFY2(extra <= 1, qPrintable(QStringLiteral("%1 unreported commits").arg(extra)));
            // The current label is the latest history entry.
            QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM items i WHERE i.label IS DISTINCT FROM (SELECT h.label FROM "
                                          "label_history h WHERE h.item_id = i.id ORDER BY h.id DESC LIMIT 1)"))
                    && q.next());
            QCOMPARE(q.value(0).toInt(), 0);
        }
        qInfo() << reportedTotal << "labels reported committed over" << kills() << "kills," << killedRunning
                << "kills landed while labeling";
        QVERIFY(killedRunning >= kills() / 2);
        QVERIFY(reportedTotal > kills() * 10);
    }

    void importSurvivesSigkill()
    {
        const QStringList files = test::clipArt(400, QStringLiteral("people"));
        if (files.size() < 100)
            NSFW_REQUIRE_SETUP("openclipart-png is not installed");
        QTemporaryDir dir;
        const QString path = test::freshProjectLocation(test::currentBackend(), dir);
        // A server project's media paths are relative to the media root this machine maps (the children inherit it).
        qputenv("NSFW_WORKBENCH_MEDIA_ROOT", QFile::encodeName(dir.path()));
        const QString in = dir.filePath(QStringLiteral("in"));
        QDir().mkpath(in);
        for (int i = 0; i < files.size(); ++i)
            QVERIFY(QFile::copy(files[i], in + QStringLiteral("/%1.png").arg(i)));
        {
            QString error;
            QVERIFY(ProjectDatabase::open(path, ProjectDatabase::OpenMode::CreateNew, QStringLiteral("setup"), &error));
        }
        int reportedTotal = 0;
        for (int round = 0; round < kills() / 2; ++round) {
            bool running = false;
            // The first batch commits after ~2 s on a loaded 2-core machine (48 pictures decoded, thumbnails written):
            // the window reaches past it, and a round that finishes the import leaves the next ones nothing to do.
            const QStringList lines = runAndKill({QStringLiteral("import"), path, in, QStringLiteral("--log-commits")},
                                                 700, 2800, &running);
            QString error;
            auto db = ProjectDatabase::open(path, ProjectDatabase::OpenMode::OpenExisting, QStringLiteral("c"), &error);
            QVERIFY2(db, qPrintable(error));
            QCOMPARE(integrity(*db), QStringLiteral("ok"));
            ItemStore items(*db);
            for (const QString &line : lines) {
                if (!line.startsWith(QStringLiteral("committed ")))
                    continue;
                const QStringList parts = line.split(QLatin1Char(' '));
                const auto item = items.item(parts.value(1).toLongLong());
                QVERIFY2(item, qPrintable(line));
                QCOMPARE(db->absolutePath(item->path), parts.value(2));
                ++reportedTotal;
            }
        }
        QVERIFY(reportedTotal > 0);
        // Finishing the import afterwards yields every distinct file exactly once.
        QProcess finish;
        finish.start(test::workbenchBinary(), {QStringLiteral("import"), path, in});
        QVERIFY(finish.waitForFinished(120000));
        QCOMPARE(finish.exitCode(), 0);
        QSet<QByteArray> distinct;
        for (const QString &f : files) {
            QFile file(f);
            file.open(QIODevice::ReadOnly);
            distinct.insert(QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha1));
        }
        QString error;
        auto db = ProjectDatabase::open(path, ProjectDatabase::OpenMode::OpenExisting, QStringLiteral("c"), &error);
        QCOMPARE(ItemStore(*db).stats().total(), qint64(distinct.size()));
    }
};

QTEST_GUILESS_MAIN(TestCrashSafety)
#include "tst_crashsafety.moc"
