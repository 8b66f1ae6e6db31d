#include "testsupport.h"

#include "common/types.h"
#include "media/importer.h"
#include "model/modellocator.h"
#include "store/projectdatabase.h"

#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRandomGenerator>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>
#include <QUrl>

#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>
#include <opencv2/videoio.hpp>

#include <algorithm>
#include <atomic>

namespace nsfw::test {

namespace {

QStringList filesUnder(const QString &root, const QStringList &patterns, int n)
{
    QStringList files;
    QDirIterator it(root, patterns, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext())
        files << it.next();
    files.sort();
    if (n >= 0 && files.size() > n)
        files = files.mid(0, n);
    return files;
}

void setError(QString *error, const QString &message)
{
    if (error)
        *error = message;
}

QString randomHex()
{
    return QString::number(QRandomGenerator::global()->generate(), 16);
}

} // namespace

QStringList backendNames()
{
    return {QStringLiteral("sqlite"), QStringLiteral("postgresql")};
}

void addBackendRows()
{
    QTest::addColumn<QString>("backend");
    for (const QString &backend : backendNames())
        QTest::newRow(qPrintable(backend)) << backend;
}

QString currentBackend()
{
    // Qt 6.4 has no QTest::currentGlobalDataTag(); QFETCH_GLOBAL reads the row's column instead.
    QFETCH_GLOBAL(QString, backend);
    return backend;
}

bool postgresAvailable()
{
    return !qEnvironmentVariableIsEmpty("NSFW_TEST_PG");
}

QString backendSkipReason(const QString &backend)
{
    if (backend != QLatin1String("postgresql"))
        return {};
    if (!postgresAvailable())
        return QStringLiteral("no PostgreSQL test server: NSFW_TEST_PG is not set (packaging/test.sh starts one; by "
                              "hand: NSFW_TEST_PG=$(bash packaging/pgtest.sh start /tmp/pg))");
    if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QPSQL")))
        return QStringLiteral("Qt's QPSQL driver is not installed (Debian package libqt6sql6-psql)");
    return {};
}

bool addPostgresConnection(const QString &url, const QString &connectionName, QString *error)
{
    const QUrl u(url);
    if (!u.isValid() || (u.scheme() != QLatin1String("postgresql") && u.scheme() != QLatin1String("postgres"))) {
        setError(error, QStringLiteral("not a postgresql:// URL: '%1'").arg(url));
        return false;
    }
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), connectionName);
    db.setHostName(u.host());
    db.setPort(u.port(5432));
    db.setUserName(u.userName());
    if (!u.password().isEmpty())
        db.setPassword(u.password());
    const QString name = u.path().mid(1);
    db.setDatabaseName(name.isEmpty() ? QStringLiteral("postgres") : name);
    db.setConnectOptions(QStringLiteral("connect_timeout=10"));
    if (!db.open()) {
        setError(error, QStringLiteral("cannot connect to %1: %2").arg(url, db.lastError().text()));
        return false;
    }
    return true;
}

QString freshPostgresDatabase(QString *error)
{
    const QString reason = backendSkipReason(QStringLiteral("postgresql"));
    if (!reason.isEmpty()) {
        setError(error, reason);
        return {};
    }
    static std::atomic<int> counter{0};
    const QString name =
        QStringLiteral("nsfw_test_%1_%2_%3").arg(QCoreApplication::applicationPid()).arg(++counter).arg(randomHex());
    const QString admin = qEnvironmentVariable("NSFW_TEST_PG");
    const QString connection = QStringLiteral("nsfw-test-admin-") + name;
    bool created = false;
    {
        QString why;
        if (addPostgresConnection(admin, connection, &why)) {
            QSqlQuery q(QSqlDatabase::database(connection, false));
            // An identifier cannot be a bound parameter; the name is ours, lower-case letters, digits and _.
            created = q.exec(QStringLiteral("CREATE DATABASE ") + name);
            if (!created)
                why = QStringLiteral("CREATE DATABASE %1 failed on %2: %3").arg(name, admin, q.lastError().text());
        }
        if (!created)
            setError(error, why);
        QSqlDatabase::database(connection, false).close();
    }
    QSqlDatabase::removeDatabase(connection);
    if (!created)
        return {};
    QUrl url(admin);
    url.setPath(QLatin1Char('/') + name);
    return url.toString();
}

QString freshProjectLocation(const QString &backend, const QTemporaryDir &dir)
{
    if (backend == QLatin1String("sqlite")) {
        QString path;
        do
            path = dir.filePath(QStringLiteral("p%1.nwproj").arg(randomHex()));
        while (QFileInfo::exists(path));
        return path;
    }
    if (backend == QLatin1String("postgresql")) {
        QString error;
        const QString url = freshPostgresDatabase(&error);
        if (url.isEmpty())
            qWarning("freshProjectLocation: no fresh PostgreSQL database: %s (begin the test with "
                     "NSFW_REQUIRE_BACKEND)",
                     qPrintable(error));
        return url;
    }
    qWarning("freshProjectLocation: unknown backend '%s'", qPrintable(backend));
    return {};
}

QStringList clipArt(int n, const QString &category)
{
    QString root = QStringLiteral("/usr/share/openclipart/png");
    if (!category.isEmpty())
        root += QLatin1Char('/') + category;
    return filesUnder(root, {QStringLiteral("*.png")}, n);
}

QStringList wallpapers(int n)
{
    return filesUnder(QStringLiteral("/usr/share/wallpapers"),
                      {QStringLiteral("*.jpg"), QStringLiteral("*.png")}, n);
}

QString workbenchBinary()
{
    return qEnvironmentVariable("NSFW_WORKBENCH_BIN");
}

WorkbenchRun runWorkbench(const QStringList &arguments, const QProcessEnvironment &env)
{
    QProcess p;
    p.setProcessEnvironment(env);
    p.start(workbenchBinary(), arguments);
    WorkbenchRun r;
    if (!p.waitForFinished(120000))
        return r;
    r.code = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

double percentile(std::vector<double> values, double p)
{
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    const size_t i = std::min(values.size() - 1, size_t(p * double(values.size() - 1) + 0.5));
    return values[i];
}

QJsonObject latencySummary(const std::vector<double> &ms)
{
    return {{QStringLiteral("count"), int(ms.size())},
            {QStringLiteral("medianMs"), percentile(ms, 0.5)},
            {QStringLiteral("p99Ms"), percentile(ms, 0.99)},
            {QStringLiteral("maxMs"), percentile(ms, 1.0)}};
}

LatenessProbe::LatenessProbe()
{
    m_timer.setTimerType(Qt::PreciseTimer);
    m_timer.setInterval(10);
    connect(&m_timer, &QTimer::timeout, this, [this] {
        const double t = now();
        if (m_last >= 0) {
            m_samples.push_back(std::max(0.0, t - m_last - 10.0));
            m_worst = std::max(m_worst, m_samples.back());
            if (t - m_last > 25 && qEnvironmentVariableIsSet("BENCH_TRACE"))
                qInfo("late tick at %.1f ms: %.1f ms late", t, t - m_last - 10.0);
        }
        m_last = t;
    });
}

void LatenessProbe::start()
{
    m_samples.clear();
    m_last = -1;
    m_worst = 0;
    m_clock.start();
    m_timer.start();
}

std::vector<double> LatenessProbe::stop()
{
    m_timer.stop();
    return m_samples;
}

FileView::FileView(const QString &path)
    : connection(QStringLiteral("check-") + QString::number(quintptr(this)))
{
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection);
    db.setDatabaseName(path);
    db.open();
}

FileView::~FileView()
{
    QSqlDatabase::removeDatabase(connection);
}

QVariant FileView::scalar(const QString &sql, const QVariantList &binds) const
{
    QSqlQuery q(QSqlDatabase::database(connection));
    q.prepare(sql);
    for (const QVariant &b : binds)
        q.addBindValue(b);
    if (q.exec() && q.next())
        return q.value(0);
    return {};
}

QString FileView::label(qint64 id) const
{
    return labelName(labelFromColumn(scalar(QStringLiteral("SELECT label FROM items WHERE id = ?"), {id})));
}

int FileView::count(const QString &where) const
{
    return scalar(QStringLiteral("SELECT count(*) FROM items WHERE ") + where).toInt();
}

int timeFactor()
{
    return std::max(1, qEnvironmentVariableIntValue("NSFW_TEST_TIME_FACTOR"));
}

bool underCi()
{
    const QString ci = qEnvironmentVariable("CI").toLower();
    return !ci.isEmpty() && ci != QLatin1String("false") && ci != QLatin1String("0");
}

QString trainingSkipReason()
{
    QString error;
    if (locateModel(QString(), &error).isEmpty())
        return QStringLiteral("the pretrained model is not installed (packaging/setup.sh): training not tested");
    if (clipArt(1).isEmpty())
        return QStringLiteral("openclipart-png is not installed (packaging/setup.sh)");
    return {};
}

QString makeTrainingProject(const QString &dir, int perClass)
{
    const QString path = dir + QStringLiteral("/train.nwproj");
    QString error;
    ProjectDatabase::open(path, ProjectDatabase::OpenMode::CreateNew, QStringLiteral("setup"), &error);
    const QStringList nsfw = clipArt(perClass, QStringLiteral("people"));
    const QStringList safe = clipArt(perClass / 2, QStringLiteral("tools")) + clipArt(perClass / 2, QStringLiteral("buildings"));
    int n = 0;
    for (const auto &[label, files] : {std::pair{QStringLiteral("nsfw"), nsfw}, std::pair{QStringLiteral("safe"), safe}}) {
        QDir().mkpath(dir + QStringLiteral("/data/") + label);
        for (const QString &f : files)
            QFile::copy(f, dir + QStringLiteral("/data/%1/%2.png").arg(label).arg(n++));
    }
    ImportOptions options;
    options.paths = {dir + QStringLiteral("/data")};
    options.labelsFromFolders = true;
    options.annotator = QStringLiteral("test");
    Importer(path, options).run();
    return path;
}

bool writeTestVideo(const QString &path, int frames, double fps, int width, int height)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    int fourcc = cv::VideoWriter::fourcc('m', 'p', '4', 'v');
    if (suffix == QLatin1String("webm"))
        fourcc = cv::VideoWriter::fourcc('V', 'P', '8', '0');
    else if (suffix == QLatin1String("avi"))
        fourcc = cv::VideoWriter::fourcc('M', 'J', 'P', 'G');
    cv::VideoWriter writer(path.toStdString(), cv::CAP_FFMPEG, fourcc, fps, cv::Size(width, height));
    if (!writer.isOpened())
        return false;
    for (int i = 0; i < frames; ++i) {
        cv::Mat frame(height, width, CV_8UC3, cv::Scalar((i * 37) % 256, (i * 91) % 256, (i * 13) % 256));
        cv::putText(frame, std::to_string(i), cv::Point(10, height / 2), cv::FONT_HERSHEY_SIMPLEX, 1.0,
                    cv::Scalar(255, 255, 255), 2);
        writer.write(frame);
    }
    writer.release();
    return QFileInfo(path).size() > 0;
}

namespace {

/// LZW-coded pixels at code size 8, with a clear code every 250 codes so the code width stays 9 bits (a valid,
/// uncompressed-size GIF stream any decoder reads).
QByteArray gifLzw(const std::vector<uchar> &indices)
{
    QByteArray bytes;
    quint32 buffer = 0;
    int bits = 0;
    auto put = [&](int code) {
        buffer |= quint32(code) << bits;
        bits += 9;
        while (bits >= 8) {
            bytes.append(char(buffer & 0xff));
            buffer >>= 8;
            bits -= 8;
        }
    };
    const int clear = 256, end = 257;
    int sinceClear = 0;
    put(clear);
    for (uchar index : indices) {
        if (sinceClear == 250) {
            put(clear);
            sinceClear = 0;
        }
        put(index);
        ++sinceClear;
    }
    put(end);
    if (bits > 0)
        bytes.append(char(buffer & 0xff));
    return bytes;
}

} // namespace

bool writeTestGif(const QString &path, const std::vector<cv::Mat> &frames, const std::vector<int> &delaysCs)
{
    if (frames.empty() || frames.size() != delaysCs.size())
        return false;
    const int w = frames.front().cols, h = frames.front().rows;
    QByteArray gif("GIF89a");
    auto u16 = [&gif](int v) {
        gif.append(char(v & 0xff));
        gif.append(char((v >> 8) & 0xff));
    };
    u16(w);
    u16(h);
    gif.append(char(0xF7)); // global colour table of 256 entries
    gif.append(char(0));
    gif.append(char(0));
    for (int i = 0; i < 256; ++i) { // the 6x6x6 cube, then black
        const int r = i < 216 ? (i / 36) * 51 : 0, g = i < 216 ? ((i / 6) % 6) * 51 : 0, b = i < 216 ? (i % 6) * 51 : 0;
        gif.append(char(r));
        gif.append(char(g));
        gif.append(char(b));
    }
    gif.append(QByteArray::fromHex("21FF0B4E45545343415045322E300301000000")); // loop forever
    for (size_t f = 0; f < frames.size(); ++f) {
        const cv::Mat &bgr = frames[f];
        if (bgr.cols != w || bgr.rows != h || bgr.type() != CV_8UC3)
            return false;
        gif.append(QByteArray::fromHex("21F904")); // graphic control: delay
        gif.append(char(0));
        u16(delaysCs[f]);
        gif.append(char(0));
        gif.append(char(0));
        gif.append(char(0x2C));
        u16(0);
        u16(0);
        u16(w);
        u16(h);
        gif.append(char(0));
        gif.append(char(8)); // LZW minimum code size
        std::vector<uchar> indices;
        indices.reserve(size_t(w) * size_t(h));
        for (int y = 0; y < h; ++y) {
            for (int x = 0; x < w; ++x) {
                const cv::Vec3b p = bgr.at<cv::Vec3b>(y, x);
                auto level = [](int v) { return (v + 25) / 51; };
                indices.push_back(uchar(level(p[2]) * 36 + level(p[1]) * 6 + level(p[0])));
            }
        }
        const QByteArray data = gifLzw(indices);
        for (qsizetype at = 0; at < data.size(); at += 255) {
            const QByteArray block = data.mid(at, 255);
            gif.append(char(block.size()));
            gif.append(block);
        }
        gif.append(char(0));
    }
    gif.append(char(0x3B));
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(gif) == gif.size();
}

bool writeSceneVideo(const QString &path, const std::vector<cv::Mat> &pictures, int framesEach, double fps, int width,
                     int height, double noise)
{
    cv::VideoWriter writer(path.toStdString(), cv::CAP_FFMPEG, cv::VideoWriter::fourcc('M', 'J', 'P', 'G'), fps,
                           cv::Size(width, height));
    if (!writer.isOpened())
        return false;
    cv::RNG rng(7);
    for (const cv::Mat &picture : pictures) {
        cv::Mat frame;
        cv::resize(picture, frame, cv::Size(width, height), 0, 0, cv::INTER_AREA);
        for (int i = 0; i < framesEach; ++i) {
            if (noise > 0) {
                cv::Mat grain(frame.size(), CV_16SC3), noisy;
                rng.fill(grain, cv::RNG::NORMAL, 0, noise);
                frame.convertTo(noisy, CV_16SC3);
                noisy += grain;
                noisy.convertTo(noisy, CV_8UC3);
                writer.write(noisy);
            } else {
                writer.write(frame);
            }
        }
    }
    writer.release();
    return QFileInfo(path).size() > 0;
}

QStringList distinctWallpapers(int n)
{
    QStringList out;
    QSet<QString> folders;
    for (const QString &file : wallpapers(100000)) {
        const QString rest = file.mid(QStringLiteral("/usr/share/wallpapers/").size());
        const QString folder = rest.section(QLatin1Char('/'), 0, 0);
        if (folders.contains(folder))
            continue;
        folders.insert(folder);
        out << file;
        if (out.size() >= n)
            break;
    }
    return out;
}

} // namespace nsfw::test
