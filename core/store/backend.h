#pragma once

#include "projectlocation.h"

#include <QString>
#include <QStringList>

#include <functional>
#include <memory>

class QSqlDatabase;
class QSqlError;

namespace nsfw {

class ProjectDatabase;

/// Tells whether other connections committed to the project since the last poll (ProjectWatcher's question).
class ChangeFeed
{
public:
    virtual ~ChangeFeed() = default;
    /// True when another connection committed since the last call (the first call sets the baseline and may say
    /// either). *historyHead is the newest label history id seen in the same look.
    virtual bool poll(qint64 *historyHead) = 0;
    /// How many label history ids before the last one seen to read again: where ids are taken from a sequence by
    /// concurrent writers, a lower id can commit after a higher one was seen. Reading it twice is harmless (an
    /// item is reported with the label it has now).
    virtual qint64 historyLookback() const { return 0; }
};

/// Everything that differs between the two kinds of project database, one subclass each (SqliteBackend,
/// PostgresBackend): how a connection is made, configured and checked, how a schema version is kept, how writers
/// lock, the dialect's few differences, where caches live and how other writers are noticed. The SQL of the stores
/// is written once, in the subset both understand, and asks the backend for the rest.
class Backend
{
public:
    virtual ~Backend() = default;
    static std::unique_ptr<Backend> create(ProjectLocation::Kind kind);

    /// Qt's driver name.
    virtual QString driverName() const = 0;
    /// Checks that need no connection (a file's existence and header); a message when the location is refused.
    virtual QString checkLocation(const ProjectLocation &location, int openMode) const = 0;
    /// Sets up a new, unopened connection.
    virtual void setUp(QSqlDatabase &db, const ProjectLocation &location) const = 0;

    /// What a freshly opened database is, read without writing anything.
    struct Identity {
        QString error;     ///< the database could not be read
        int objects = 0;   ///< tables, indexes, ... of anybody
        int applicationId = 0;
        int version = 0;   ///< the schema version (migrations applied)
    };
    virtual Identity identify(QSqlDatabase &db) const = 0;

    /// Statements run on every new connection (journal, durability, foreign keys, session settings).
    virtual QStringList configureStatements() const = 0;
    virtual QString busyTimeoutStatement(int ms) const = 0;
    /// Starts a write transaction that takes the write lock at once where the backend has one.
    virtual QString beginStatement() const = 0;
    /// Run just after beginStatement() in a migration: two clients opening an old project migrate it once.
    virtual QStringList migrationLockStatements() const = 0;
    /// A migration statement with its tokens ({id}, {int}, {real}, {without_rowid}, {random_id}) replaced, or the
    /// statements a named token stands for ({current_label_trigger}, {notify_triggers}).
    virtual QStringList expand(const QString &statement) const = 0;
    /// Records the schema version (and, the first time, the application's mark).
    virtual QStringList stampStatements(int version, bool first) const = 0;

    /// Locked by another connection, or a conflict: nothing happened, try again.
    virtual bool isBusyError(const QSqlError &error) const = 0;
    /// The connection to a server was lost: reconnect, then try again.
    virtual bool isDisconnectError(const QSqlError &error) const = 0;
    /// Appended to a SELECT that reads a row the transaction is going to change (a row lock where there is no
    /// database-wide write lock).
    virtual QString forUpdate() const = 0;
    /// A SELECT of one item's label (one bound id; no row when there is no such item) that holds the row against
    /// other label writers until the transaction ends, for a login that may not update items (a project member).
    virtual QString labelForWrite() const = 0;
    /// A FROM source with one column "id": the integers of one bound JSON array text such as "[3,1,2]".
    virtual QString idsFromJsonArray() const = 0;
    /// After rows were inserted with explicit ids (a copied project): statements that let new rows get higher ids.
    virtual QStringList afterExplicitIds(const QString &table) const = 0;

    /// Caches of this project on this machine.
    virtual QString cacheDir(const ProjectLocation &location, const QString &projectId) const = 0;
    /// The project's own files on this machine (never imported).
    virtual QStringList ownPaths(const ProjectLocation &location, const QString &cacheDir) const = 0;
    /// What RunLock locks for this project: a lock file path, or the server database.
    virtual QString runLockKey(const ProjectLocation &location) const = 0;

    /// How this connection learns that others committed. wake, when set, is called as soon as the backend hears
    /// of a change by itself (notifications), so the watcher needs not wait for its next poll.
    virtual std::unique_ptr<ChangeFeed> changeFeed(ProjectDatabase &db, std::function<void()> wake) const = 0;
};

} // namespace nsfw
