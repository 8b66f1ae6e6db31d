#pragma once

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

#include <memory>

class QSqlError;

namespace nsfw {

/// One open connection to a project file (one SQLite file), owned by the thread that opened it.
///
/// Opening validates before it writes anything: a file that is not SQLite, an SQLite file of another
/// application, or a project made by a newer schema is refused untouched. Then WAL, foreign keys and
/// synchronous=FULL are set for this connection and pending migrations run.
class ProjectDatabase
{
    Q_DECLARE_TR_FUNCTIONS(nsfw::ProjectDatabase)

public:
    enum class OpenMode { OpenExisting, CreateIfMissing, CreateNew };

    /// The newest schema this build understands (PRAGMA user_version).
    static int latestSchemaVersion();
    /// PRAGMA application_id of project files: "NWBK".
    static constexpr int kApplicationId = 0x4E57424B;

    /// Opens the project at path in the calling thread; nullptr and a message in *error when refused.
    static std::unique_ptr<ProjectDatabase> open(const QString &path, OpenMode mode, const QString &role,
                                                 QString *error);
    ~ProjectDatabase();
    ProjectDatabase(const ProjectDatabase &) = delete;
    ProjectDatabase &operator=(const ProjectDatabase &) = delete;

    QSqlDatabase &db() { return m_db; }
    QString filePath() const { return m_filePath; }
    /// The folder holding the project file; stored paths are relative to it when under it.
    QString projectDir() const { return m_projectDir; }
    /// Disposable caches (thumbnails, frames, features, checkpoints): "<file>.cache" beside the file.
    QString cacheDir() const;
    static QString cacheDirFor(const QString &projectFile);
    /// The file whose lock a training run holds while it lives (RunLock): "<file>.lock" beside the project.
    QString runLockPath() const { return m_filePath + QStringLiteral(".lock"); }
    /// Everything the project itself keeps on disk (the file, its -wal/-shm/-journal, the lock, the cache folder):
    /// an import never takes these, wherever the project sits in the imported tree.
    QStringList ownPaths() const;
    int schemaVersion() const { return m_schemaVersion; }
    QString role() const { return m_role; }

    /// The path to store for an absolute file path: relative when under the project folder.
    QString storedPath(const QString &absolutePath) const;
    /// The absolute path of a stored path.
    QString absolutePath(const QString &storedPath) const;

    /// Runs one statement with no result; false and *error on failure.
    bool exec(const QString &sql, QString *error = nullptr);
    /// Whether the last failed exec() failed only because another connection held the lock (SQLITE_BUSY).
    bool lastErrorWasBusy() const { return m_lastErrorBusy; }
    /// How long a statement of this connection waits for another connection's lock before failing busy
    /// (10 s after open()). The window's label writes wait a few ms and queue the label instead.
    bool setBusyTimeout(int ms);
    int busyTimeout() const { return m_busyTimeoutMs; }
    /// Whether an error from this backend means "locked by another connection, try again".
    static bool isBusyError(const QSqlError &error);

private:
    ProjectDatabase() = default;
    bool migrate(QString *error);

    QSqlDatabase m_db;
    QString m_connectionName;
    QString m_filePath;
    QString m_projectDir;
    QString m_role;
    int m_schemaVersion = 0;
    int m_transactionDepth = 0;
    int m_busyTimeoutMs = kDefaultBusyTimeoutMs;
    bool m_lastErrorBusy = false;
    static constexpr int kDefaultBusyTimeoutMs = 10000;
    friend class Transaction;
};

/// A write transaction (BEGIN IMMEDIATE), or a savepoint when one is already open on the connection.
/// Rolled back unless commit() is called.
class Transaction
{
public:
    explicit Transaction(ProjectDatabase &db);
    ~Transaction();
    Transaction(const Transaction &) = delete;
    Transaction &operator=(const Transaction &) = delete;

    bool isActive() const { return m_active; }
    QString error() const { return m_error; }
    bool commit();

private:
    ProjectDatabase &m_db;
    QString m_savepoint;
    QString m_error;
    bool m_active = false;
};

} // namespace nsfw
