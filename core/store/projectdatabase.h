#pragma once

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

#include <future>
#include <memory>

#include "backend.h"
#include "projectlocation.h"
#include "projectteam.h"

class QSqlError;

namespace nsfw {

/// One open connection to a project, owned by the thread that opened it. A project is a location
/// (ProjectLocation): an SQLite file or a PostgreSQL database; what differs between the two is in its Backend.
///
/// Opening validates before it writes anything: a file that is not SQLite, a database of another application,
/// or a project made by a newer schema is refused untouched. Then the connection is configured (WAL, foreign keys
/// and synchronous=FULL on SQLite; synchronous commits on a server) and pending migrations run.
class ProjectDatabase
{
    Q_DECLARE_TR_FUNCTIONS(nsfw::ProjectDatabase)

public:
    enum class OpenMode { OpenExisting, CreateIfMissing, CreateNew };

    /// The newest schema this build understands.
    static int latestSchemaVersion();
    /// The application's mark (PRAGMA application_id of project files, a row on a server): "NWBK".
    static constexpr int kApplicationId = 0x4E57424B;
    static constexpr int kDefaultBusyTimeoutMs = 10000;

    /// Opens the project at a location (a file path or a postgresql:// URL) in the calling thread; nullptr and a
    /// message in *error when refused.
    static std::unique_ptr<ProjectDatabase> open(const QString &location, OpenMode mode, const QString &role,
                                                 QString *error);
    /// Why open() refused, where a caller acts on it (the window offers to make an empty database a project).
    enum class Refusal { None, EmptyDatabase, Other };
    static std::unique_ptr<ProjectDatabase> open(const ProjectLocation &location, OpenMode mode, const QString &role,
                                                 QString *error, Refusal *refusal = nullptr);
    ~ProjectDatabase();
    ProjectDatabase(const ProjectDatabase &) = delete;
    ProjectDatabase &operator=(const ProjectDatabase &) = delete;

    QSqlDatabase &db() { return m_db; }
    const Backend &backend() const { return *m_backend; }
    const ProjectLocation &location() const { return m_location; }
    bool isServer() const { return m_location.isServer(); }
    /// What to show and remember of the location (never a password).
    QString displayName() const { return m_location.text(); }
    /// What another thread of this process passes to open() to reach the same project.
    QString connectionText() const { return m_location.connectionText(); }
    /// The project's identity (made once, when its schema was created; kept by copies' own new one).
    QString projectId() const { return m_projectId; }

    /// The folder stored media paths are relative to: the project file's folder, or for a server project the
    /// folder this user mapped (setMediaRoot, or NSFW_WORKBENCH_MEDIA_ROOT); empty when unmapped.
    QString projectDir() const { return m_mediaRoot; }
    QString mediaRoot() const { return m_mediaRoot; }
    /// Whether the media root is known and exists on this machine.
    bool hasMediaRoot() const;
    /// Maps a server project's media root on this machine and remembers it for this user (QSettings, keyed by the
    /// project id). A file project's root is its folder and cannot be changed.
    bool setMediaRoot(const QString &dir, QString *error = nullptr);
    /// What to tell a person whose server project has no media root on this machine.
    static QString mediaRootMissingMessage(const ProjectDatabase &db);
    /// The remembered media root of a project id on this machine, or empty.
    static QString rememberedMediaRoot(const QString &projectId);

    /// Disposable caches (thumbnails, frames, features, checkpoints) on this machine: "<file>.cache" beside a file,
    /// or the user's cache folder under the project id for a server project.
    QString cacheDir() const { return m_cacheDir; }
    /// What a training run locks while it lives (RunLock): the lock file beside the project, or the server database.
    QString runLockPath() const { return m_backend->runLockKey(m_location); }
    /// Everything the project itself keeps on this machine (the file, its -wal/-shm/-journal, the lock, the cache
    /// folder): an import never takes these, wherever the project sits in the imported tree.
    QStringList ownPaths() const { return m_backend->ownPaths(m_location, m_cacheDir); }
    int schemaVersion() const { return m_schemaVersion; }
    QString role() const { return m_role; }

    /// Who this connection is in a server project's team (ProjectTeam): its login and role; TeamRole::None for a
    /// file and for a server login that is no member.
    const TeamAccess &team() const { return m_team; }
    /// The annotator name this connection records labels under: a member's own login on a server project with
    /// roles (the server refuses any other name from annotators and reviewers), else preferred, else the name in
    /// the settings (defaultAnnotator()).
    QString annotator(const QString &preferred = QString()) const;
    /// Whether the annotator name is the login, whatever is asked (a member of a project with roles).
    bool annotatorIsLogin() const;
    /// An annotator or reviewer of a server project: the server lets it add label history and nothing else. Caches
    /// derived from the media (hashes, near-copy pairs, health measures) are then computed for the pass at hand and
    /// not stored: their stores accept them and keep nothing (the next pass of an admin or the owner stores them).
    bool writesLabelsOnly() const
    {
        return m_team.role == TeamRole::Annotator || m_team.role == TeamRole::Reviewer;
    }
    /// What a member's role does not allow, as a whole command.
    enum class Action { Import, Train };
    /// Why this connection may not do it ("" when it may): annotators and reviewers neither import nor train.
    QString refusal(Action action) const;
    /// An SQL error as a person reads it: "permission denied" on a server project becomes what the role allows.
    QString errorText(const QSqlError &error) const;

    /// The path to store for an absolute file path: relative when under the media root.
    QString storedPath(const QString &absolutePath) const;
    /// The absolute path of a stored path.
    QString absolutePath(const QString &storedPath) const;

    /// Runs one statement with no result; false and *error on failure.
    bool exec(const QString &sql, QString *error = nullptr);
    /// Whether the last failed exec() failed only for a reason that passes: another connection held the lock, or
    /// the server connection was lost (it is reopened on the next transaction).
    bool lastErrorWasBusy() const { return m_lastErrorBusy; }
    /// How long a statement of this connection waits for another connection's lock before failing busy
    /// (10 s after open()). The window's label writes wait a few ms and queue the label instead.
    bool setBusyTimeout(int ms);
    int busyTimeout() const { return m_busyTimeoutMs; }
    /// Whether an error means "try again": locked by another connection, a conflict, or a lost server connection
    /// (which is noted, so that the next transaction reconnects).
    bool isBusyError(const QSqlError &error);

    /// A server connection that was lost is reopened once a connection made on another thread got through (first
    /// tried after 0.25 s, then less often, up to every 8 s): the calling thread never waits on the network. True when
    /// the connection is usable.
    bool ensureConnected();
    /// Counts reconnections: whoever keeps state on the connection (a notification subscription) renews it.
    int connectionGeneration() const { return m_generation; }

private:
    ProjectDatabase() = default;
    bool configure(QString *error);
    bool migrate(QString *error);
    bool readProjectId(QString *error);

    std::unique_ptr<Backend> m_backend;
    ProjectLocation m_location;
    QSqlDatabase m_db;
    QString m_connectionName;
    QString m_mediaRoot;
    QString m_cacheDir;
    QString m_projectId;
    QString m_role;
    TeamAccess m_team;
    int m_schemaVersion = 0;
    int m_transactionDepth = 0;
    int m_busyTimeoutMs = kDefaultBusyTimeoutMs;
    int m_generation = 0;
    bool m_lastErrorBusy = false;
    bool m_lost = false;
    qint64 m_lastReconnectMs = 0;
    static constexpr int kFirstReconnectDelayMs = 250;
    int m_reconnectDelayMs = kFirstReconnectDelayMs;
    std::future<bool> m_probe; ///< a server that was lost: can it be reached again? (a thread of its own)
    friend class Transaction;
};

/// A write transaction (BEGIN IMMEDIATE on SQLite, BEGIN on a server), or a savepoint when one is already open on the connection.
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
