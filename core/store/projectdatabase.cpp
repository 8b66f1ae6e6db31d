#include "projectdatabase.h"

#include "common/logging.h"
#include "runstore.h"
#include "schema.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>
#include <atomic>

namespace nsfw {

namespace {

std::atomic<int> s_connectionCounter{0};

// The first 16 bytes of every SQLite 3 database file.
constexpr char kSqliteMagic[] = "SQLite format 3";

} // namespace

int ProjectDatabase::latestSchemaVersion()
{
    return static_cast<int>(schema::migrations().size());
}

QString ProjectDatabase::cacheDirFor(const QString &projectFile)
{
    return QFileInfo(projectFile).absoluteFilePath() + QStringLiteral(".cache");
}

QString ProjectDatabase::cacheDir() const
{
    return cacheDirFor(m_filePath);
}

QStringList ProjectDatabase::ownPaths() const
{
    return {m_filePath,
            m_filePath + QStringLiteral("-wal"),
            m_filePath + QStringLiteral("-shm"),
            m_filePath + QStringLiteral("-journal"),
            runLockPath(),
            cacheDir()};
}

std::unique_ptr<ProjectDatabase> ProjectDatabase::open(const QString &path, OpenMode mode, const QString &role,
                                                       QString *error)
{
    auto fail = [error](const QString &message) {
        if (error)
            *error = message;
        return std::unique_ptr<ProjectDatabase>();
    };

    const QFileInfo info(path);
    const QString filePath = info.absoluteFilePath();
    const bool exists = info.exists();
    if (exists && info.isDir())
        return fail(tr("%1 is a folder, not a project file.").arg(filePath));
    if (!exists && mode == OpenMode::OpenExisting)
        return fail(tr("The project %1 does not exist.").arg(filePath));
    if (exists && mode == OpenMode::CreateNew)
        return fail(tr("%1 already exists; choose another name or open it.").arg(filePath));
    if (!exists && !info.absoluteDir().exists())
        return fail(tr("The folder %1 does not exist.").arg(info.absolutePath()));

    if (exists) {
        // Look at the header ourselves before SQLite opens the file, so that a file which is not a
        // database is never touched.
        QFile file(filePath);
        if (!file.open(QIODevice::ReadOnly))
            return fail(tr("Cannot read %1: %2").arg(filePath, file.errorString()));
        const QByteArray header = file.read(100);
        if (header.isEmpty() && mode == OpenMode::OpenExisting)
            return fail(tr("%1 is an empty file, not an NSFW Workbench project.").arg(filePath));
        if (!header.isEmpty() && !header.startsWith(QByteArray(kSqliteMagic, sizeof kSqliteMagic)))
            return fail(tr("%1 is not an NSFW Workbench project (it is not an SQLite database).").arg(filePath));
    }

    std::unique_ptr<ProjectDatabase> self(new ProjectDatabase);
    self->m_filePath = filePath;
    self->m_projectDir = info.absolutePath();
    self->m_role = role;
    self->m_connectionName = QStringLiteral("nsfw-%1-%2").arg(role).arg(s_connectionCounter.fetch_add(1));
    self->m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), self->m_connectionName);
    self->m_db.setDatabaseName(filePath);
    self->m_db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1").arg(kDefaultBusyTimeoutMs));
    if (!self->m_db.open())
        return fail(tr("Cannot open %1: %2").arg(filePath, self->m_db.lastError().text()));

    // Read-only checks first.
    QSqlQuery q(self->m_db);
    if (!q.exec(QStringLiteral("SELECT (SELECT application_id FROM pragma_application_id),"
                               " (SELECT user_version FROM pragma_user_version),"
                               " (SELECT count(*) FROM sqlite_master)"))
        || !q.next()) {
        return fail(tr("%1 is not an NSFW Workbench project: %2").arg(filePath, q.lastError().text()));
    }
    const int appId = q.value(0).toInt();
    const int version = q.value(1).toInt();
    const int objects = q.value(2).toInt();
    q.finish();
    if (appId != kApplicationId && (objects > 0 || version != 0))
        return fail(tr("%1 is an SQLite database of another application, not an NSFW Workbench project.")
                        .arg(filePath));
    if (version > latestSchemaVersion())
        return fail(tr("%1 was written by a newer version of NSFW Workbench (project format %2; this version "
                       "reads up to %3). Please update the application.")
                        .arg(filePath)
                        .arg(version)
                        .arg(latestSchemaVersion()));

    QString err;
    if (!self->exec(QStringLiteral("PRAGMA journal_mode = WAL"), &err)
        || !self->exec(QStringLiteral("PRAGMA foreign_keys = ON"), &err)
        || !self->exec(QStringLiteral("PRAGMA synchronous = FULL"), &err)) {
        return fail(tr("Cannot configure %1: %2").arg(filePath, err));
    }
    // A project already at this schema needs no write lock to open: opening never waits for another writer (an
    // import, a second window) to finish its transaction.
    if (appId == kApplicationId && version == latestSchemaVersion())
        self->m_schemaVersion = version;
    else if (!self->migrate(&err))
        return fail(tr("Cannot upgrade %1: %2").arg(filePath, err));
    // A training run left "running" by a process that died is marked failed now, not shown running forever.
    RunStore(*self).recoverInterrupted();
    qCDebug(lcStore) << "opened" << filePath << "as" << role << "schema" << self->m_schemaVersion;
    return self;
}

ProjectDatabase::~ProjectDatabase()
{
    m_db.close();
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_connectionName);
}

bool ProjectDatabase::exec(const QString &sql, QString *error)
{
    QSqlQuery q(m_db);
    if (!q.exec(sql)) {
        if (error)
            *error = q.lastError().text();
        m_lastErrorBusy = isBusyError(q.lastError());
        if (m_lastErrorBusy)
            qCDebug(lcStore) << "busy:" << sql;
        else
            qCWarning(lcStore) << "failed:" << sql << q.lastError().text();
        return false;
    }
    m_lastErrorBusy = false;
    return true;
}

bool ProjectDatabase::isBusyError(const QSqlError &error)
{
    // QSQLITE reports the SQLite result code: SQLITE_BUSY (5) or SQLITE_LOCKED (6), maybe extended.
    bool ok = false;
    const int code = error.nativeErrorCode().toInt(&ok);
    return ok && ((code & 0xff) == 5 || (code & 0xff) == 6);
}

bool ProjectDatabase::setBusyTimeout(int ms)
{
    if (ms == m_busyTimeoutMs)
        return true;
    if (!exec(QStringLiteral("PRAGMA busy_timeout = %1").arg(std::max(0, ms))))
        return false;
    m_busyTimeoutMs = std::max(0, ms);
    return true;
}

bool ProjectDatabase::migrate(QString *error)
{
    const auto &steps = schema::migrations();
    // BEGIN IMMEDIATE takes the write lock, so two processes opening an old file migrate it once.
    Transaction tx(*this);
    if (!tx.isActive()) {
        if (error)
            *error = tx.error();
        return false;
    }
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("PRAGMA user_version")) || !q.next()) {
        if (error)
            *error = q.lastError().text();
        return false;
    }
    const int current = q.value(0).toInt();
    q.finish();
    if (current > steps.size()) {
        if (error)
            *error = tr("project format %1 is newer than this version understands").arg(current);
        return false;
    }
    for (int version = current + 1; version <= steps.size(); ++version) {
        for (const QString &statement : steps[version - 1]) {
            if (!exec(statement, error))
                return false;
        }
        if (!exec(QStringLiteral("PRAGMA user_version = %1").arg(version), error))
            return false;
        qCDebug(lcStore) << "migrated" << m_filePath << "to schema" << version;
    }
    if (current == 0 && !exec(QStringLiteral("PRAGMA application_id = %1").arg(kApplicationId), error))
        return false;
    if (!tx.commit()) {
        if (error)
            *error = tx.error();
        return false;
    }
    m_schemaVersion = static_cast<int>(steps.size());
    return true;
}

QString ProjectDatabase::storedPath(const QString &absolutePath) const
{
    const QString clean = QDir::cleanPath(absolutePath);
    const QString prefix = m_projectDir.endsWith(QLatin1Char('/')) ? m_projectDir : m_projectDir + QLatin1Char('/');
    if (clean.startsWith(prefix))
        return clean.mid(prefix.size());
    return clean;
}

QString ProjectDatabase::absolutePath(const QString &storedPath) const
{
    if (QDir::isAbsolutePath(storedPath))
        return storedPath;
    return QDir::cleanPath(m_projectDir + QLatin1Char('/') + storedPath);
}

Transaction::Transaction(ProjectDatabase &db)
    : m_db(db)
{
    QString sql;
    if (m_db.m_transactionDepth == 0) {
        sql = QStringLiteral("BEGIN IMMEDIATE");
    } else {
        m_savepoint = QStringLiteral("sp%1").arg(m_db.m_transactionDepth);
        sql = QStringLiteral("SAVEPOINT ") + m_savepoint;
    }
    m_active = m_db.exec(sql, &m_error);
    if (m_active)
        ++m_db.m_transactionDepth;
}

Transaction::~Transaction()
{
    if (!m_active)
        return;
    --m_db.m_transactionDepth;
    if (m_savepoint.isEmpty()) {
        m_db.exec(QStringLiteral("ROLLBACK"));
    } else {
        m_db.exec(QStringLiteral("ROLLBACK TO ") + m_savepoint);
        m_db.exec(QStringLiteral("RELEASE ") + m_savepoint);
    }
}

bool Transaction::commit()
{
    if (!m_active)
        return false;
    const QString sql = m_savepoint.isEmpty() ? QStringLiteral("COMMIT") : QStringLiteral("RELEASE ") + m_savepoint;
    if (!m_db.exec(sql, &m_error))
        return false; // still active: the destructor rolls back
    m_active = false;
    --m_db.m_transactionDepth;
    return true;
}

} // namespace nsfw
