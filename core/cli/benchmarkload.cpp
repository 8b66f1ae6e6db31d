// benchmark load: several processes label one project at once for a while, through the window's write path
// (LabelStore::write, retried every 25 ms while busy), while one of them is killed and replaced and the database
// server is restarted; then every acknowledged label is looked for in the history. `benchmark load-worker` is one
// of those processes (not listed: the parent starts it).
#include "benchmarkload.h"
#include "commands.h"
#include "console.h"

#include "gallery/labelsession.h"
#include "store/itemstore.h"
#include "store/labelstore.h"
#include "store/projectdatabase.h"
#include "store/projectlocation.h"
#include "store/serveradmin.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>

#include <csignal>
#include <memory>
#include <utility>
#include <vector>

#include <unistd.h>

#ifndef NSFW_SOURCE_DIR
#define NSFW_SOURCE_DIR ""
#endif

namespace nsfw::cli {

namespace {

volatile std::sig_atomic_t s_terminate = 0;

extern "C" void onTerminate(int)
{
    s_terminate = 1;
}

// After SIGTERM a worker still finishes the write in hand, but waits no longer than this for a lost server.
constexpr qint64 kGiveUpAfterTermMs = 10000;
// How long the parent waits for its workers to end after SIGTERM before it kills them.
constexpr int kStopGraceMs = 20000;

struct LoadOptions {
    int processes = 8;
    int seconds = 60;
    int items = 2000;
    QString server;    ///< admin URL of the PostgreSQL server
    QString serverDir; ///< the pgtest.sh folder of that server, for the restart
    QString pgtest;    ///< packaging/pgtest.sh
    bool quiet = false;
};

/// One worker process as the parent sees it.
struct Worker {
    QString annotator;
    std::unique_ptr<QProcess> process;
    QByteArray partial; ///< an unfinished line (a killed worker's last one is never an acknowledgement)
    QByteArray stderrTail;
    QVector<WorkerLine> lines;
    bool reconnectPending = false; ///< the next line is of a write during which the connection was reopened
    bool ready = false;            ///< it printed kReadyLine: SIGTERM is handled from then on
    bool killed = false;           ///< the one killed on purpose
    bool hung = false;             ///< still running long after SIGTERM: killed too, and reported
    bool finished = false;
};

/// Keeps the end of a worker's standard error (its messages), to show when it ended unexpectedly.
void keepTail(Worker &w)
{
    w.stderrTail.append(w.process->readAllStandardError());
    w.stderrTail = w.stderrTail.right(4096);
}

/// Creates an empty project with n items (no media: the benchmark reads none); "" and *error when it cannot.
bool createProject(const QString &location, int n, QString *error)
{
    auto db =
        ProjectDatabase::open(location, ProjectDatabase::OpenMode::CreateNew, QStringLiteral("bench-load"), error);
    if (!db)
        return false;
    ItemStore items(*db);
    Transaction tx(*db);
    if (!tx.isActive()) {
        *error = tx.error();
        return false;
    }
    for (int i = 0; i < n; ++i) {
        Item it;
        it.path = QStringLiteral("load/%1.png").arg(i);
        it.contentHash = QStringLiteral("%1").arg(i, 40, 10, QLatin1Char('0'));
        if (items.insert(it, error) == 0)
            return false;
    }
    if (!tx.commit()) {
        *error = tx.error();
        return false;
    }
    return true;
}

/// One backend's run: the project, the workers and their timeline, the server restart.
class LoadRun
{
public:
    LoadRun(const LoadOptions &options, QString backend)
        : m_options(options)
        , m_backend(std::move(backend))
    {
    }

    QJsonObject run();

private:
    bool prepare(QString *error);
    void drive();
    void startWorker(const QString &annotator, int seed);
    void readOutput(Worker &w);
    void killAndReplace();
    void restartServer();
    void stopAll();
    void maybeQuit();
    QJsonObject report();
    double now() const { return m_clock.nsecsElapsed() / 1e6; }
    void progress(const QString &text) const
    {
        if (!m_options.quiet)
            err() << m_backend << ": " << text << Qt::endl;
    }

    LoadOptions m_options;
    QString m_backend;
    QString m_location;
    QString m_databaseName; ///< on the server, to drop afterwards
    std::unique_ptr<QTemporaryDir> m_dir;
    std::vector<std::unique_ptr<Worker>> m_workers;
    QEventLoop m_loop;
    QElapsedTimer m_clock;
    double m_endMs = 0;
    bool m_stopping = false;
    int m_nextSeed = 1;
    // The victim of SIGKILL.
    QString m_killed, m_replacement;
    double m_killedAtMs = -1;
    // The server restart.
    QString m_restartNote;
    std::unique_ptr<QProcess> m_restart;
    double m_restartBeganMs = -1, m_restartEndedMs = -1;
    bool m_restartDone = false;
};

bool LoadRun::prepare(QString *error)
{
    if (m_backend == QLatin1String("sqlite")) {
        m_dir = std::make_unique<QTemporaryDir>(QDir::tempPath() + QStringLiteral("/nsfw-load-XXXXXX"));
        if (!m_dir->isValid()) {
            *error = tr("Cannot make a temporary folder.");
            return false;
        }
        m_location = m_dir->filePath(QStringLiteral("load.nwproj"));
        m_restartNote = tr("no server (a project file)");
    } else {
        m_databaseName = ServerAdmin::uniqueName(QStringLiteral("nsfw_load"));
        m_location = ServerAdmin::createDatabase(m_options.server, m_databaseName, error);
        if (m_location.isEmpty())
            return false;
        if (m_options.serverDir.isEmpty())
            m_restartNote = tr("NOT DONE: no --server-dir and NSFW_TEST_PG_DIR is not set");
        else if (!QFileInfo::exists(m_options.pgtest))
            m_restartNote = tr("NOT DONE: no pgtest script at '%1' (give --pgtest)").arg(m_options.pgtest);
    }
    return createProject(m_location, m_options.items, error);
}

void LoadRun::startWorker(const QString &annotator, int seed)
{
    auto w = std::make_unique<Worker>();
    w->annotator = annotator;
    w->process = std::make_unique<QProcess>();
    Worker *raw = w.get();
    QObject::connect(raw->process.get(), &QProcess::readyReadStandardOutput, &m_loop,
                     [this, raw] { readOutput(*raw); });
    QObject::connect(raw->process.get(), &QProcess::readyReadStandardError, &m_loop, [raw] { keepTail(*raw); });
    QObject::connect(raw->process.get(), &QProcess::errorOccurred, &m_loop, [this, raw](QProcess::ProcessError e) {
        if (e != QProcess::FailedToStart)
            return;
        raw->stderrTail += "\n(failed to start: " + raw->process->errorString().toUtf8() + ')';
        raw->finished = true;
        maybeQuit();
    });
    QObject::connect(raw->process.get(), &QProcess::finished, &m_loop, [this, raw] {
        readOutput(*raw);
        keepTail(*raw);
        raw->finished = true;
        maybeQuit();
    });
    // A safety net only: the parent ends every worker with SIGTERM at the end of the run.
    const int seconds = int((m_endMs - now()) / 1000) + 30;
    raw->process->start(QCoreApplication::applicationFilePath(),
                        {QStringLiteral("benchmark"), QStringLiteral("load-worker"), m_location,
                         QStringLiteral("--annotator"), annotator, QStringLiteral("--seed"), QString::number(seed),
                         QStringLiteral("--seconds"), QString::number(seconds)});
    m_workers.push_back(std::move(w));
}

void LoadRun::readOutput(Worker &w)
{
    w.partial += w.process->readAllStandardOutput();
    for (qsizetype nl = w.partial.indexOf('\n'); nl >= 0; nl = w.partial.indexOf('\n')) {
        const QString text = QString::fromUtf8(w.partial.left(nl));
        WorkerLine line;
        if (text == QLatin1String(kReadyLine)) {
            w.ready = true;
        } else if (text == QLatin1String(kReconnectLine)) {
            w.reconnectPending = true;
        } else if (parseWorkerLine(text, &line)) {
            line.arrivedMs = now();
            line.reconnected = std::exchange(w.reconnectPending, false);
            w.lines.append(line);
        }
        w.partial.remove(0, nl + 1);
    }
}

void LoadRun::killAndReplace()
{
    Worker &victim = *m_workers.at(size_t(m_options.processes / 2));
    victim.killed = true;
    victim.process->kill(); // SIGKILL: no chance to finish a write or an acknowledgement
    m_killed = victim.annotator;
    m_killedAtMs = now();
    m_replacement = victim.annotator + QLatin1Char('b');
    progress(tr("killed %1 (SIGKILL) at %2 s; starting %3")
                 .arg(m_killed)
                 .arg(m_killedAtMs / 1000, 0, 'f', 1)
                 .arg(m_replacement));
    startWorker(m_replacement, m_nextSeed++);
}

void LoadRun::restartServer()
{
    progress(tr("restarting the server at %1 s").arg(now() / 1000, 0, 'f', 1));
    m_restart = std::make_unique<QProcess>();
    m_restartBeganMs = now();
    QObject::connect(m_restart.get(), &QProcess::finished, &m_loop, [this](int code, QProcess::ExitStatus status) {
        m_restartEndedMs = now();
        m_restartDone = status == QProcess::NormalExit && code == 0;
        if (!m_restartDone)
            m_restartNote = tr("FAILED: %1").arg(QString::fromUtf8(m_restart->readAllStandardError()).trimmed());
        progress(tr("server back after %1 s").arg((m_restartEndedMs - m_restartBeganMs) / 1000, 0, 'f', 1));
        maybeQuit();
    });
    // The server started by the script outlives this process: it must not keep descriptors this process inherited
    // (a build lock held by whoever started the benchmark would stay held as long as the server runs).
    m_restart->setChildProcessModifier([] { ::close_range(3, ~0U, CLOSE_RANGE_CLOEXEC); });
    m_restart->start(QStringLiteral("bash"), {m_options.pgtest, QStringLiteral("restart"), m_options.serverDir});
}

void LoadRun::stopAll()
{
    m_stopping = true;
    m_endMs = now();
    progress(tr("stopping the workers"));
    for (auto &w : m_workers) {
        if (!w->finished)
            w->process->terminate(); // SIGTERM: the write in hand is finished and acknowledged first
    }
    // Looks at the processes' state as well as waiting for their signals (a process that dies while it starts
    // sends none), kills what outlives the grace time, and gives up on what even SIGKILL leaves.
    auto *ticker = new QTimer(&m_loop);
    QObject::connect(ticker, &QTimer::timeout, &m_loop, [this] {
        const double since = now() - m_endMs;
        for (auto &w : m_workers) {
            if (!w->finished && w->process->state() == QProcess::NotRunning) {
                readOutput(*w);
                w->finished = true;
            } else if (!w->finished && since > kStopGraceMs && !w->hung) {
                w->hung = true;
                w->process->kill();
            } else if (!w->finished && since > 2 * kStopGraceMs) {
                w->finished = true;
            }
        }
        maybeQuit();
    });
    ticker->start(100);
    maybeQuit();
}

void LoadRun::maybeQuit()
{
    if (!m_stopping || (m_restart && m_restartEndedMs < 0))
        return;
    for (const auto &w : m_workers) {
        if (!w->finished)
            return;
    }
    m_loop.quit();
}

void LoadRun::drive()
{
    const double total = m_options.seconds * 1000.0;
    m_clock.start();
    m_endMs = total;
    for (int i = 1; i <= m_options.processes; ++i)
        startWorker(QStringLiteral("w%1").arg(i), m_nextSeed++);
    QTimer::singleShot(int(total / 3), &m_loop, [this] { killAndReplace(); });
    if (m_backend == QLatin1String("postgresql") && m_restartNote.isEmpty())
        QTimer::singleShot(int(total / 2), &m_loop, [this] { restartServer(); });
    QTimer::singleShot(int(total), &m_loop, [this] { stopAll(); });
    m_loop.exec();
}

QJsonObject LoadRun::run()
{
    QString error;
    progress(tr("creating a project of %1 items").arg(m_options.items));
    if (!prepare(&error)) {
        if (!m_databaseName.isEmpty())
            ServerAdmin::dropDatabase(m_options.server, m_databaseName);
        return {
            {QStringLiteral("backend"), m_backend}, {QStringLiteral("error"), error}, {QStringLiteral("ok"), false}};
    }
    progress(tr("%1 processes labelling for %2 s").arg(m_options.processes).arg(m_options.seconds));
    drive();
    progress(tr("checking the history"));
    QJsonObject result = report();
    const bool ok = result.value(QStringLiteral("ok")).toBool();
    // A failed run keeps its project for a look; a good one leaves nothing behind.
    if (!ok) {
        if (m_dir)
            m_dir->setAutoRemove(false);
        result.insert(QStringLiteral("keptProject"), ProjectLocation::parse(m_location).text());
    } else if (!m_databaseName.isEmpty()) {
        ServerAdmin::dropDatabase(m_options.server, m_databaseName);
    }
    return result;
}

QJsonObject LoadRun::report()
{
    QVector<WorkerRecord> records;
    QStringList workerFailures, notStarted;
    for (const auto &w : m_workers) {
        records.append({w->annotator, w->lines, w->killed});
        const bool clean = w->process->exitStatus() == QProcess::NormalExit && w->process->exitCode() == 0;
        // The end of the run's SIGTERM reached a worker still starting (on a loaded machine a replacement can take
        // seconds to load): it had written nothing, so nothing of it can be lost.
        const bool endedWhileStarting = !w->ready && w->lines.isEmpty() && m_stopping &&
            w->process->exitStatus() == QProcess::CrashExit && w->process->exitCode() == SIGTERM;
        if (endedWhileStarting)
            notStarted << w->annotator;
        else if (w->hung)
            workerFailures << tr("%1 did not end within %2 s of SIGTERM").arg(w->annotator).arg(kStopGraceMs / 1000);
        else if (!w->killed && !clean)
            workerFailures << tr("%1 ended with status %2: %3")
                                  .arg(w->annotator)
                                  .arg(w->process->exitCode())
                                  .arg(QString::fromUtf8(w->stderrTail).trimmed().right(400));
    }
    const LoadVerdict verdict = verifyLoad(m_location, records, m_options.items);
    QJsonObject o =
        loadSummary(verdict, records, m_endMs / 1000, m_restartBeganMs, m_restartDone ? m_restartEndedMs : -1);
    o.insert(QStringLiteral("backend"), m_backend);
    QJsonObject restart{{QStringLiteral("done"), m_restartDone}};
    if (m_restartDone) {
        restart.insert(QStringLiteral("atSeconds"), m_restartBeganMs / 1000);
        restart.insert(QStringLiteral("seconds"), (m_restartEndedMs - m_restartBeganMs) / 1000);
    } else {
        restart.insert(QStringLiteral("note"), m_restartNote);
    }
    o.insert(QStringLiteral("serverRestart"), restart);
    o.insert(QStringLiteral("killed"), QJsonObject{{QStringLiteral("annotator"), m_killed},
                                                   {QStringLiteral("replacement"), m_replacement},
                                                   {QStringLiteral("atSeconds"), m_killedAtMs / 1000}});
    o.insert(QStringLiteral("workerFailures"), QJsonArray::fromStringList(workerFailures));
    o.insert(QStringLiteral("endedWhileStarting"), QJsonArray::fromStringList(notStarted));
    // A restart that was asked for and failed is a run that did not test what it says.
    const bool restartFailed = m_restart && !m_restartDone;
    o.insert(QStringLiteral("ok"),
             o.value(QStringLiteral("ok")).toBool() && workerFailures.isEmpty() && !restartFailed);
    return o;
}

} // namespace

int benchmarkLoadWorker(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("One labelling process of `benchmark load` (started by it)."));
    const QCommandLineOption annotator(QStringLiteral("annotator"), tr("Annotator name."), QStringLiteral("NAME"));
    const QCommandLineOption seed(QStringLiteral("seed"), tr("Random seed."), QStringLiteral("N"), QStringLiteral("1"));
    const QCommandLineOption seconds(QStringLiteral("seconds"), tr("How long to label."), QStringLiteral("S"),
                                     QStringLiteral("60"));
    parser.addOptions({annotator, seed, seconds});
    parser.addPositionalArgument(QStringLiteral("location"), tr("The project."));
    int status = 0;
    if (!parseArguments(parser, arguments, &status))
        return status;
    if (parser.positionalArguments().size() != 1 || parser.value(annotator).isEmpty()) {
        err() << tr("Usage: benchmark load-worker LOCATION --annotator NAME [--seed N] [--seconds S]") << '\n';
        return 2;
    }
    std::signal(SIGTERM, onTerminate);
    out() << kReadyLine << '\n' << Qt::flush;
    QElapsedTimer clock;
    clock.start();
    const qint64 endMs = qint64(parser.value(seconds).toDouble() * 1000);
    const QString name = parser.value(annotator);

    std::unique_ptr<ProjectDatabase> db;
    QString error;
    while (!db && !s_terminate && clock.elapsed() < endMs) {
        db = ProjectDatabase::open(parser.positionalArguments().constFirst(), ProjectDatabase::OpenMode::OpenExisting,
                                   QStringLiteral("load-worker"), &error);
        if (!db)
            QThread::msleep(250); // a server that is restarting
    }
    if (!db) {
        err() << error << '\n';
        return 3;
    }
    // The server may go away between the open and the first read (the parent restarts it): read again until it
    // answers, as the opening does.
    QVector<qint64> ids;
    while (ids.isEmpty()) {
        for (const Item &item : ItemStore(*db).all())
            ids << item.id;
        if (!ids.isEmpty() || s_terminate || clock.elapsed() >= endMs)
            break;
        QThread::msleep(250);
    }
    if (ids.isEmpty()) {
        err() << tr("The project has no items.") << '\n';
        return 3;
    }
    QRandomGenerator random(quint32(parser.value(seed).toUInt()));
    const Label labels[] = {Label::Safe, Label::Nsfw, Label::Unsure};
    LabelStore store(*db);
    const int ownTimeout = db->busyTimeout();
    while (!s_terminate && clock.elapsed() < endMs) {
        const LabelChange change{ids.at(random.bounded(int(ids.size()))), labels[random.bounded(3)]};
        // As LabelSession: the first try waits kWriteWaitMs for another writer's lock; while busy (locked, or the
        // server away) the label is queued and tried every kRetryMs, waiting for no lock. The latency is timed as
        // the session times its writes (from after the wait is set) up to the write that succeeded.
        QElapsedTimer latency;
        qint64 termAtMs = -1;
        int attempts = 0;
        qint64 latencyUs = 0;
        const int generation = db->connectionGeneration();
        LabelWriteResult result;
        for (;;) {
            db->setBusyTimeout(attempts == 0 ? LabelSession::kWriteWaitMs : 0);
            if (attempts == 0)
                latency.start();
            ++attempts;
            result = store.write({change}, name, QStringLiteral("manual"));
            latencyUs = latency.nsecsElapsed() / 1000;
            db->setBusyTimeout(ownTimeout);
            if (!result.busy)
                break;
            if (s_terminate && termAtMs < 0)
                termAtMs = clock.elapsed();
            if (termAtMs >= 0 && clock.elapsed() - termAtMs > kGiveUpAfterTermMs)
                return 0; // never acknowledged: nothing is claimed
            QThread::msleep(LabelSession::kRetryMs);
        }
        WorkerLine line;
        line.item = change.itemId;
        line.label = change.label;
        line.failed = !result.ok();
        line.changed = result.changed > 0;
        line.latencyUs = latencyUs;
        line.attempts = attempts;
        line.message = result.error;
        if (db->connectionGeneration() != generation)
            out() << kReconnectLine << '\n';
        out() << formatWorkerLine(line) << '\n';
        out().flush(); // the acknowledgement is what the parent counts: it goes out at once
    }
    return 0;
}

int benchmarkLoad(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Several processes label random items of one project at once through the window's write path, while "
           "one is killed (SIGKILL) and replaced and the PostgreSQL server is restarted; then every acknowledged "
           "label is looked for in the history. Prints commit latencies; exit status 1 when a label was lost or "
           "the history is inconsistent."));
    const QCommandLineOption json(QStringLiteral("json"), tr("Print one JSON object."));
    const QCommandLineOption backends(QStringLiteral("backends"), tr("Backends to run (default sqlite,postgresql)."),
                                      QStringLiteral("LIST"), QStringLiteral("sqlite,postgresql"));
    const QCommandLineOption processes(QStringLiteral("processes"), tr("Labelling processes (default 8)."),
                                       QStringLiteral("N"), QStringLiteral("8"));
    const QCommandLineOption seconds(QStringLiteral("seconds"), tr("How long they label (default 60)."),
                                     QStringLiteral("S"), QStringLiteral("60"));
    const QCommandLineOption items(QStringLiteral("items"), tr("Items in the project (default 2000)."),
                                   QStringLiteral("N"), QStringLiteral("2000"));
    const QCommandLineOption server(QStringLiteral("server"),
                                    tr("PostgreSQL admin URL on which a fresh database is made (default: "
                                       "NSFW_TEST_PG)."),
                                    QStringLiteral("URL"), qEnvironmentVariable("NSFW_TEST_PG"));
    const QCommandLineOption serverDir(QStringLiteral("server-dir"),
                                       tr("The server's packaging/pgtest.sh folder: the server is restarted once "
                                          "at half time (default: NSFW_TEST_PG_DIR)."),
                                       QStringLiteral("DIR"), qEnvironmentVariable("NSFW_TEST_PG_DIR"));
    const QCommandLineOption pgtest(QStringLiteral("pgtest"),
                                    tr("The script that restarts the server (default: packaging/pgtest.sh of "
                                       "the source tree this was built from)."),
                                    QStringLiteral("SCRIPT"),
                                    QStringLiteral(NSFW_SOURCE_DIR) + QStringLiteral("/packaging/pgtest.sh"));
    parser.addOptions({json, backends, processes, seconds, items, server, serverDir, pgtest});
    int status = 0;
    if (!parseArguments(parser, arguments, &status))
        return status;

    LoadOptions options;
    options.processes = parser.value(processes).toInt();
    options.seconds = parser.value(seconds).toInt();
    options.items = parser.value(items).toInt();
    options.server = parser.value(server);
    options.serverDir = parser.value(serverDir);
    options.pgtest = parser.value(pgtest);
    options.quiet = parser.isSet(json);
    if (options.processes < 1 || options.seconds < 3 || options.items < 1) {
        err() << tr("--processes and --items must be at least 1, --seconds at least 3.") << '\n';
        return 2;
    }
    const QStringList names = parser.value(backends).split(QLatin1Char(','), Qt::SkipEmptyParts);
    for (const QString &name : names) {
        if (name != QLatin1String("sqlite") && name != QLatin1String("postgresql")) {
            err() << tr("Unknown backend: %1 (sqlite, postgresql)").arg(name) << '\n';
            return 2;
        }
    }
    if (names.contains(QStringLiteral("postgresql")) && options.server.isEmpty()) {
        err() << tr("The postgresql backend needs a server: give --server URL (an admin URL such as "
                    "postgresql://postgres@127.0.0.1:5432/postgres) or set NSFW_TEST_PG, or run --backends sqlite.")
              << '\n';
        return 2;
    }

    QJsonArray results;
    bool ok = !names.isEmpty();
    for (const QString &name : names) {
        const QJsonObject r = LoadRun(options, name).run();
        ok = ok && r.value(QStringLiteral("ok")).toBool();
        results.append(r);
    }
    if (options.quiet) {
        out() << QJsonDocument(QJsonObject{{QStringLiteral("processes"), options.processes},
                                           {QStringLiteral("seconds"), options.seconds},
                                           {QStringLiteral("items"), options.items},
                                           {QStringLiteral("backends"), results},
                                           {QStringLiteral("ok"), ok}})
                     .toJson(QJsonDocument::Compact)
              << '\n';
    } else {
        printLoadTable(results, options.processes, options.seconds, options.items);
    }
    return ok ? 0 : 1;
}

} // namespace nsfw::cli
