// The tests' backend helpers (testsupport): each test gets a project location of its own on every backend, and on
// PostgreSQL that is a fresh database of the throwaway server packaging/test.sh starts (NSFW_TEST_PG).
#include "testsupport.h"

#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

using namespace nsfw::test;

namespace {

/// Opens a connection of its own to a project location of backend; false with *error when it cannot.
bool openLocation(const QString &backend, const QString &location, const QString &connection, QString *error)
{
    if (backend == QLatin1String("postgresql"))
        return addPostgresConnection(location, connection, error);
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection);
    db.setDatabaseName(location);
    if (!db.open()) {
        *error = db.lastError().text();
        return false;
    }
    return true;
}

/// Runs one statement on a location through a connection of its own; "" when it succeeded, else the error.
QString execOn(const QString &backend, const QString &location, const QString &sql)
{
    const QString connection = QStringLiteral("tst-") + QString::number(qHash(location), 16);
    QString error;
    if (openLocation(backend, location, connection, &error)) {
        QSqlQuery q(QSqlDatabase::database(connection, false));
        if (!q.exec(sql))
            error = q.lastError().text();
    }
    QSqlDatabase::database(connection, false).close();
    QSqlDatabase::removeDatabase(connection);
    return error;
}

} // namespace

class TestTestPostgres : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase_data() { addBackendRows(); }

    void init() { NSFW_REQUIRE_BACKEND(currentBackend()); }

    void theRowsAreTheBackends()
    {
        QFETCH_GLOBAL(QString, backend);
        QCOMPARE(currentBackend(), backend);
        QVERIFY(backendNames().contains(backend));
    }

    void twoFreshLocationsAreSeparateAndWritable()
    {
        const QString backend = currentBackend();
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString a = freshProjectLocation(backend, dir);
        const QString b = freshProjectLocation(backend, dir);
        QVERIFY(!a.isEmpty());
        QVERIFY(!b.isEmpty());
        QVERIFY2(a != b, qPrintable(a));
        // The same table in both: on one shared database the second CREATE would fail with "already exists".
        for (const QString &location : {a, b}) {
            const QString error = execOn(backend, location, QStringLiteral("CREATE TABLE t (x int)"));
            QVERIFY2(error.isEmpty(), qPrintable(location + QStringLiteral(": ") + error));
            QCOMPARE(execOn(backend, location, QStringLiteral("INSERT INTO t (x) VALUES (1)")), QString());
        }
    }

    void locationsHaveTheirBackendsForm()
    {
        const QString backend = currentBackend();
        QTemporaryDir dir;
        const QString location = freshProjectLocation(backend, dir);
        if (backend == QLatin1String("sqlite")) {
            QVERIFY2(location.startsWith(dir.path() + QLatin1Char('/')), qPrintable(location));
            QVERIFY(location.endsWith(QLatin1String(".nwproj")));
            QVERIFY2(!QFileInfo::exists(location), "a fresh SQLite location is a path not made yet");
            return;
        }
        const QUrl url(location);
        const QUrl server(qEnvironmentVariable("NSFW_TEST_PG"));
        QCOMPARE(url.scheme(), QStringLiteral("postgresql"));
        QCOMPARE(url.host(), server.host());
        QCOMPARE(url.port(), server.port());
        QCOMPARE(url.userName(), server.userName());
        QVERIFY2(url.path().startsWith(QLatin1String("/nsfw_test_")), qPrintable(location));
        QVERIFY(url.path() != server.path());
    }

    void aServerThatIsNotThereIsAnError()
    {
        if (currentBackend() != QLatin1String("postgresql"))
            return; // only PostgreSQL has a server to miss
        const QString kept = qEnvironmentVariable("NSFW_TEST_PG");
        QUrl nowhere(kept);
        nowhere.setPort(1); // nothing listens on port 1
        qputenv("NSFW_TEST_PG", nowhere.toString().toUtf8());
        QString error;
        const QString url = freshPostgresDatabase(&error);
        qputenv("NSFW_TEST_PG", kept.toUtf8());
        QVERIFY(url.isEmpty());
        QVERIFY2(error.contains(QLatin1String("cannot connect")), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(TestTestPostgres)
#include "tst_testpostgres.moc"
