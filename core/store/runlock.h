#pragma once

#include <QCoreApplication>
#include <QString>

namespace nsfw {

class ProjectDatabase;

/// Whether a training run of a project is alive: an exclusive lock (flock) on the project's lock file, taken
/// before the run's row is written and held until the run ends. The operating system releases it when the process
/// ends, however it ends (crash, kill, power cut), so no pid is trusted: a pid can be reused after a reboot.
/// flock locks belong to an open file, so two RunLocks conflict even within one process.
///
/// For a server project the lock is a session advisory lock on a connection of the RunLock's own: the server
/// releases it when that connection ends, however the process ends, and every client of the project sees it.
class RunLock
{
    Q_DECLARE_TR_FUNCTIONS(nsfw::RunLock)

public:
    explicit RunLock(const QString &path);
    /// The lock of this project (ProjectDatabase::runLockPath()).
    explicit RunLock(const ProjectDatabase &db);
    ~RunLock();
    RunLock(const RunLock &) = delete;
    RunLock &operator=(const RunLock &) = delete;

    /// Takes the lock without waiting; false when another run holds it (or the file cannot be opened: *error).
    bool tryAcquire(QString *error = nullptr);
    bool isHeld() const { return m_fd >= 0 || !m_connectionName.isEmpty(); }
    void release();
    QString path() const { return m_path; }

private:
    bool tryAcquireOnServer(QString *error);

    QString m_path;
    QString m_connection; ///< server projects: the location to connect to (with a password, if it had one)
    QString m_connectionName;
    int m_fd = -1;
};

} // namespace nsfw
