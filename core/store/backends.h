#pragma once

// The two backends; only Backend::create and their own files name them.
#include "backend.h"

namespace nsfw {

class SqliteBackend final : public Backend
{
public:
    QString driverName() const override;
    QString checkLocation(const ProjectLocation &location, int openMode) const override;
    void setUp(QSqlDatabase &db, const ProjectLocation &location) const override;
    Identity identify(QSqlDatabase &db) const override;
    QStringList configureStatements() const override;
    QString busyTimeoutStatement(int ms) const override;
    QString beginStatement() const override;
    QStringList migrationLockStatements() const override;
    QStringList expand(const QString &statement) const override;
    QStringList stampStatements(int version, bool first) const override;
    bool isBusyError(const QSqlError &error) const override;
    bool isDisconnectError(const QSqlError &error) const override;
    QString forUpdate() const override;
    QString labelForWrite() const override;
    QString idsFromJsonArray() const override;
    QStringList afterExplicitIds(const QString &table) const override;
    QString cacheDir(const ProjectLocation &location, const QString &projectId) const override;
    QStringList ownPaths(const ProjectLocation &location, const QString &cacheDir) const override;
    QString runLockKey(const ProjectLocation &location) const override;
    std::unique_ptr<ChangeFeed> changeFeed(ProjectDatabase &db, std::function<void()> wake) const override;

    static bool isSqliteBusy(const QSqlError &error);
};

class PostgresBackend final : public Backend
{
public:
    QString driverName() const override;
    QString checkLocation(const ProjectLocation &location, int openMode) const override;
    void setUp(QSqlDatabase &db, const ProjectLocation &location) const override;
    Identity identify(QSqlDatabase &db) const override;
    QStringList configureStatements() const override;
    QString busyTimeoutStatement(int ms) const override;
    QString beginStatement() const override;
    QStringList migrationLockStatements() const override;
    QStringList expand(const QString &statement) const override;
    QStringList stampStatements(int version, bool first) const override;
    bool isBusyError(const QSqlError &error) const override;
    bool isDisconnectError(const QSqlError &error) const override;
    QString forUpdate() const override;
    QString labelForWrite() const override;
    QString idsFromJsonArray() const override;
    QStringList afterExplicitIds(const QString &table) const override;
    QString cacheDir(const ProjectLocation &location, const QString &projectId) const override;
    QStringList ownPaths(const ProjectLocation &location, const QString &cacheDir) const override;
    QString runLockKey(const ProjectLocation &location) const override;
    std::unique_ptr<ChangeFeed> changeFeed(ProjectDatabase &db, std::function<void()> wake) const override;

    static bool isPostgresBusy(const QSqlError &error);
    /// The notification channel every change is announced on.
    static constexpr const char *kChannel = "nsfw_workbench_changes";
    /// The advisory lock key of a training run (a session lock held by the run's own connection).
    static constexpr qint64 kRunLockKey = 0x4E57424B0001;
};

} // namespace nsfw
