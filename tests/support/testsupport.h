#pragma once

#include <QElapsedTimer>
#include <QJsonObject>
#include <QObject>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>
#include <QTimer>
#include <QVariant>
#include <QVariantList>

#include <vector>

namespace cv {
class Mat;
}

namespace nsfw::test {

/// How many times slower than a release build this build runs (NSFW_TEST_TIME_FACTOR, set by packaging/test.sh for
/// the sanitized builds; 1 otherwise), for tests that act at chosen moments, never to stretch a timing assertion:
/// those hold in the release build and are left out where this is above 1.
int timeFactor();

/// The value at fraction p (0..1, nearest rank) of values; 0 for none.
double percentile(std::vector<double> values, double p);
/// {count, medianMs, p99Ms, maxMs} of millisecond figures, as the benchmark programs print them.
QJsonObject latencySummary(const std::vector<double> &ms);

/// How late a precise 10 ms timer fires: the event loop's responsiveness as the annotator feels it.
class LatenessProbe : public QObject
{
public:
    LatenessProbe();
    /// Starts (again) from no samples.
    void start();
    /// Stops and returns each tick's lateness in ms.
    std::vector<double> stop();
    double now() const { return m_clock.nsecsElapsed() / 1e6; }
    double worstMs() const { return m_worst; }
    int ticks() const { return int(m_samples.size()); }

private:
    QTimer m_timer;
    QElapsedTimer m_clock;
    double m_last = -1;
    double m_worst = 0;
    std::vector<double> m_samples;
};

/// Reads a project file through a connection of its own, as another program would.
struct FileView {
    explicit FileView(const QString &path);
    ~FileView();
    FileView(const FileView &) = delete;
    FileView &operator=(const FileView &) = delete;
    /// The first column of the first row (invalid when none).
    QVariant scalar(const QString &sql, const QVariantList &binds = {}) const;
    /// An item's current label as its name (safe, nsfw, unsure, none).
    QString label(qint64 id) const;
    /// How many items match an SQL condition.
    int count(const QString &where) const;

    QString connection;
};

/// True under CI (CI set and not "false"): there, whatever packaging/setup.sh installs must be present.
bool underCi();

/// Skips the test when `reason` is not empty, except under CI, where the test fails instead: a missing model,
/// picture package or tool that the set-up installs is a broken set-up, not a reason to pass quietly.
#define NSFW_REQUIRE_SETUP(reason)                                                                                \
    do {                                                                                                           \
        const QString nsfwWhy_ = QString(reason);                                                                         \
        if (!nsfwWhy_.isEmpty()) {                                                                                 \
            if (nsfw::test::underCi())                                                                             \
                QFAIL(qPrintable(nsfwWhy_ + QStringLiteral(" (under CI, packaging/setup.sh must have installed it)"))); \
            QSKIP(qPrintable(nsfwWhy_));                                                                           \
        }                                                                                                          \
    } while (false)

/// The project backends a test can run on, in the order of addBackendRows(): "sqlite", "postgresql".
QStringList backendNames();
/// For a test's initTestCase_data(): a global column "backend" with one row per backend (tags "sqlite",
/// "postgresql"), so that every test function runs on each.
void addBackendRows();
/// The backend of the global data row running now, in init() or a test function of a test with addBackendRows()
/// (anywhere else QtTest aborts: "Test data requested, but no testdata available").
QString currentBackend();

/// True when a throwaway PostgreSQL server is there for tests: NSFW_TEST_PG holds its URL,
/// postgresql://postgres@127.0.0.1:PORT/postgres (packaging/test.sh starts one with packaging/pgtest.sh, whose
/// folder is in NSFW_TEST_PG_DIR).
bool postgresAvailable();
/// Why a test cannot run on backend here ("" when it can): for postgresql, no server or no QPSQL driver.
QString backendSkipReason(const QString &backend);
/// Adds and opens a QPSQL connection named connectionName to the database of a postgresql:// URL (host, port,
/// user, password, path = database name). On failure returns false with *error set; the connection stays added.
bool addPostgresConnection(const QString &url, const QString &connectionName, QString *error = nullptr);
/// Creates an empty database nsfw_test_<pid>_<n>_<random> on the NSFW_TEST_PG server and returns its URL,
/// postgresql://postgres@127.0.0.1:PORT/<name>; "" with *error set when there is no server or it refused. Never
/// dropped: the whole server folder goes at the end of the run.
QString freshPostgresDatabase(QString *error = nullptr);
/// Where a new project on backend goes: for "sqlite" a path dir/p<random>.nwproj not yet made, for "postgresql"
/// the URL of a fresh database. "" with a warning when it cannot (start the test with NSFW_REQUIRE_BACKEND).
QString freshProjectLocation(const QString &backend, const QTemporaryDir &dir);

/// At the top of a test function (or in init()): fails on an unknown backend name; for postgresql without a test
/// server (NSFW_TEST_PG unset) skips, or fails under CI, as NSFW_REQUIRE_SETUP does.
#define NSFW_REQUIRE_BACKEND(backend)                                                                                  \
    do {                                                                                                               \
        const QString nsfwBackend_ = QString(backend);                                                                 \
        QVERIFY2(nsfw::test::backendNames().contains(nsfwBackend_),                                                    \
                 qPrintable(QStringLiteral("unknown backend '%1'").arg(nsfwBackend_)));                                \
        NSFW_REQUIRE_SETUP(nsfw::test::backendSkipReason(nsfwBackend_));                                               \
    } while (false)

/// Real clip-art PNGs from Debian's openclipart-png, sorted; at most n of them (empty when absent).
QStringList clipArt(int n, const QString &category = QString());
/// Real photos from Debian's plasma-workspace-wallpapers (JPEG and PNG), sorted.
QStringList wallpapers(int n);
/// The nsfw-workbench executable under test (for child-process tests).
QString workbenchBinary();
/// What one run of that executable gave: its exit code (-1 when it crashed or ran past two minutes) and what it
/// wrote to standard output and standard error.
struct WorkbenchRun {
    int code = -1;
    QString out;
    QString err;
};
WorkbenchRun runWorkbench(const QStringList &arguments,
                          const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment());
/// Writes a video of frames solid-coloured by index, with OpenCV; returns false when no codec could.
bool writeTestVideo(const QString &path, int frames, double fps, int width = 160, int height = 120);

/// Writes an animated GIF of BGR frames (all one size; colours rounded to a 6x6x6 cube), each shown for its delay in
/// hundredths of a second (Qt reads GIF but cannot write it).
bool writeTestGif(const QString &path, const std::vector<cv::Mat> &frames, const std::vector<int> &delaysCs);
/// Writes an MJPG .avi of `pictures`, each resized to width x height and shown for `framesEach` frames at fps;
/// noise > 0 adds that much Gaussian noise to every frame (a camera's grain).
bool writeSceneVideo(const QString &path, const std::vector<cv::Mat> &pictures, int framesEach, double fps,
                     int width = 320, int height = 180, double noise = 0);
/// Debian wallpapers, one picture per wallpaper folder (the folders hold one picture at several sizes), sorted.
QStringList distinctWallpapers(int n);

/// Why training cannot be tested here ("" when it can): the pretrained model or the clip art is missing.
QString trainingSkipReason();

/// A labeled project of real clip art in dir: "nsfw" stand-ins from the people category, "safe" from tools and
/// buildings (never explicit material), imported with labels from folder names. Returns the project path.
QString makeTrainingProject(const QString &dir, int perClass);

} // namespace nsfw::test
