// The SQLite file backend: a project is one file; WAL, one writer at a time (BEGIN IMMEDIATE), caches and the run
// lock beside the file, other writers noticed through PRAGMA data_version.
#include "backend.h"
#include "backends.h"
#include "labelrule.h"
#include "projectdatabase.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

namespace nsfw {

namespace {

// The first 16 bytes of every SQLite 3 database file.
constexpr char kSqliteMagic[] = "SQLite format 3";

class DataVersionFeed : public ChangeFeed
{
public:
    explicit DataVersionFeed(ProjectDatabase &db)
        : m_db(db)
    {
    }

    bool poll(qint64 *historyHead) override
    {
        // data_version is per connection: it moves when any *other* connection commits, never for our own. The
        // newest history id is read in the same snapshot: up to there, entries without a move are our own.
        QSqlQuery q(m_db.db());
        if (!q.exec(QStringLiteral("SELECT (SELECT data_version FROM pragma_data_version),"
                                   " (SELECT coalesce(max(id), 0) FROM label_history)"))
            || !q.next())
            return false;
        const qint64 version = q.value(0).toLongLong();
        *historyHead = q.value(1).toLongLong();
        const bool moved = m_version >= 0 && version != m_version;
        m_version = version;
        return moved;
    }

private:
    ProjectDatabase &m_db;
    qint64 m_version = -1;
};

} // namespace

QString SqliteBackend::driverName() const
{
    return QStringLiteral("QSQLITE");
}

QString SqliteBackend::checkLocation(const ProjectLocation &location, int openMode) const
{
    const auto mode = ProjectDatabase::OpenMode(openMode);
    const QString filePath = location.filePath();
    const QFileInfo info(filePath);
    const bool exists = info.exists();
    if (exists && info.isDir())
        return ProjectDatabase::tr("%1 is a folder, not a project file.").arg(filePath);
    if (!exists && mode == ProjectDatabase::OpenMode::OpenExisting)
        return ProjectDatabase::tr("The project %1 does not exist.").arg(filePath);
    if (exists && mode == ProjectDatabase::OpenMode::CreateNew)
        return ProjectDatabase::tr("%1 already exists; choose another name or open it.").arg(filePath);
    if (!exists && !info.absoluteDir().exists())
        return ProjectDatabase::tr("The folder %1 does not exist.").arg(info.absolutePath());
    if (!exists)
        return {};
    // Look at the header ourselves before SQLite opens the file, so that a file which is not a database is never
    // touched.
    QFile file(filePath);
    if (!file.open(QIODevice::ReadOnly))
        return ProjectDatabase::tr("Cannot read %1: %2").arg(filePath, file.errorString());
    const QByteArray header = file.read(100);
    if (header.isEmpty() && mode == ProjectDatabase::OpenMode::OpenExisting)
        return ProjectDatabase::tr("%1 is an empty file, not an NSFW Workbench project.").arg(filePath);
    if (!header.isEmpty() && !header.startsWith(QByteArray(kSqliteMagic, sizeof kSqliteMagic)))
        return ProjectDatabase::tr("%1 is not an NSFW Workbench project (it is not an SQLite database).").arg(filePath);
    return {};
}

void SqliteBackend::setUp(QSqlDatabase &db, const ProjectLocation &location) const
{
    db.setDatabaseName(location.filePath());
    db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1").arg(ProjectDatabase::kDefaultBusyTimeoutMs));
}

Backend::Identity SqliteBackend::identify(QSqlDatabase &db) const
{
    Identity id;
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("SELECT (SELECT application_id FROM pragma_application_id),"
                               " (SELECT user_version FROM pragma_user_version),"
                               " (SELECT count(*) FROM sqlite_master)"))
        || !q.next()) {
        id.error = q.lastError().text();
        return id;
    }
    id.applicationId = q.value(0).toInt();
    id.version = q.value(1).toInt();
    id.objects = q.value(2).toInt();
    return id;
}

QStringList SqliteBackend::configureStatements() const
{
    return {QStringLiteral("PRAGMA journal_mode = WAL"), QStringLiteral("PRAGMA foreign_keys = ON"),
            QStringLiteral("PRAGMA synchronous = FULL")};
}

QString SqliteBackend::busyTimeoutStatement(int ms) const
{
    return QStringLiteral("PRAGMA busy_timeout = %1").arg(ms);
}

QString SqliteBackend::beginStatement() const
{
    return QStringLiteral("BEGIN IMMEDIATE");
}

QStringList SqliteBackend::migrationLockStatements() const
{
    return {}; // BEGIN IMMEDIATE took the write lock
}

QStringList SqliteBackend::expand(const QString &statement) const
{
    if (statement == QLatin1String("{current_label_trigger}"))
        return {QStringLiteral("CREATE TRIGGER label_history_sets_current AFTER INSERT ON label_history "
                               "BEGIN UPDATE items SET label = NEW.label WHERE id = NEW.item_id; END")};
    if (statement == QLatin1String("{label_rule_trigger}"))
        return {QStringLiteral("DROP TRIGGER label_history_sets_current"),
                QStringLiteral("CREATE TRIGGER label_history_sets_current AFTER INSERT ON label_history "
                               "BEGIN UPDATE items SET label = %1 WHERE id = NEW.item_id; END")
                    .arg(labelrule::currentLabelSql(QStringLiteral("NEW.item_id"), QStringLiteral("NEW.label")))};
    if (statement == QLatin1String("{notify_triggers}"))
        return {}; // other connections read PRAGMA data_version
    if (statement.startsWith(QLatin1String("{notify_trigger ")))
        return {};
    if (statement == QLatin1String("{owner_functions}"))
        return {}; // a file has no logins, and BEGIN IMMEDIATE already holds every row
    if (statement == QLatin1String("{work_chunks_without_run}")) {
        // SQLite cannot drop a NOT NULL: the table is made again as migration 9 made it, run_id optional.
        return {QStringLiteral("CREATE TABLE work_chunks_12 (id INTEGER PRIMARY KEY, kind TEXT NOT NULL,"
                               " run_id INTEGER REFERENCES runs(id) ON DELETE CASCADE, model_key TEXT NOT NULL,"
                               " items TEXT NOT NULL, state TEXT NOT NULL CHECK (state IN ('queued', 'claimed', 'done')),"
                               " worker TEXT, lease_until_ms INTEGER, attempts INTEGER NOT NULL DEFAULT 0,"
                               " scored INTEGER, unreadable TEXT, done_ms INTEGER)"),
                QStringLiteral("INSERT INTO work_chunks_12 SELECT id, kind, run_id, model_key, items, state, worker,"
                               " lease_until_ms, attempts, scored, unreadable, done_ms FROM work_chunks"),
                QStringLiteral("DROP TABLE work_chunks"),
                QStringLiteral("ALTER TABLE work_chunks_12 RENAME TO work_chunks"),
                QStringLiteral("CREATE INDEX work_chunks_by_job ON work_chunks(run_id, kind, state, id)")};
    }
    QString s = statement;
    s.replace(QLatin1String("{id}"), QLatin1String("INTEGER PRIMARY KEY"))
        .replace(QLatin1String("{int}"), QLatin1String("INTEGER"))
        .replace(QLatin1String("{real}"), QLatin1String("REAL"))
        .replace(QLatin1String("{blob}"), QLatin1String("BLOB"))
        .replace(QLatin1String("{without_rowid}"), QLatin1String(" WITHOUT ROWID"))
        .replace(QLatin1String("{random_id}"), QLatin1String("lower(hex(randomblob(16)))"));
    return {s};
}

QStringList SqliteBackend::stampStatements(int version, bool first) const
{
    QStringList s{QStringLiteral("PRAGMA user_version = %1").arg(version)};
    if (first)
        s << QStringLiteral("PRAGMA application_id = %1").arg(ProjectDatabase::kApplicationId);
    return s;
}

bool SqliteBackend::isBusyError(const QSqlError &error) const
{
    return isSqliteBusy(error);
}

bool SqliteBackend::isSqliteBusy(const QSqlError &error)
{
    // QSQLITE reports the SQLite result code: SQLITE_BUSY (5) or SQLITE_LOCKED (6), maybe extended.
    bool ok = false;
    const int code = error.nativeErrorCode().toInt(&ok);
    return ok && ((code & 0xff) == 5 || (code & 0xff) == 6);
}

bool SqliteBackend::isDisconnectError(const QSqlError &) const
{
    return false;
}

QString SqliteBackend::forUpdate() const
{
    return {}; // the transaction holds the database's write lock already
}

QString SqliteBackend::labelForWrite() const
{
    return QStringLiteral("SELECT label FROM items WHERE id = ?");
}

QString SqliteBackend::idsFromJsonArray() const
{
    return QStringLiteral("(SELECT value AS id FROM json_each(?))");
}

QStringList SqliteBackend::afterExplicitIds(const QString &) const
{
    return {}; // a rowid goes on from the largest one
}

QString SqliteBackend::cacheDir(const ProjectLocation &location, const QString &) const
{
    // Beside the file, as always: the project folder carries its checkpoints when it moves.
    return location.filePath() + QStringLiteral(".cache");
}

QStringList SqliteBackend::ownPaths(const ProjectLocation &location, const QString &cacheDir) const
{
    const QString f = location.filePath();
    return {f, f + QStringLiteral("-wal"), f + QStringLiteral("-shm"), f + QStringLiteral("-journal"),
            runLockKey(location), cacheDir};
}

QString SqliteBackend::runLockKey(const ProjectLocation &location) const
{
    return location.filePath() + QStringLiteral(".lock");
}

std::unique_ptr<ChangeFeed> SqliteBackend::changeFeed(ProjectDatabase &db, std::function<void()>) const
{
    return std::make_unique<DataVersionFeed>(db);
}

} // namespace nsfw
