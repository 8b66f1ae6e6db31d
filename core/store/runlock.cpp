#include "runlock.h"

#include "backends.h"
#include "projectdatabase.h"

#include <QFile>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

#include <atomic>

#include <cerrno>
#include <cstring>

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

namespace nsfw {

RunLock::RunLock(const QString &path)
    : m_path(path)
{
    if (ProjectLocation::isServerUrl(path))
        m_connection = path;
}

RunLock::RunLock(const ProjectDatabase &db)
    : m_path(db.runLockPath())
{
    if (db.isServer())
        m_connection = db.connectionText();
}

bool RunLock::tryAcquireOnServer(QString *error)
{
    static std::atomic<int> counter{0};
    const QString name = QStringLiteral("nsfw-runlock-%1").arg(counter.fetch_add(1));
    bool held = false;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
        ProjectLocation::parse(m_connection).configure(db);
        if (!db.open()) {
            if (error)
                *error = tr("Cannot connect to %1: %2").arg(m_path, db.lastError().text());
        } else {
            QSqlQuery q(db);
            if (q.exec(QStringLiteral("SELECT pg_try_advisory_lock(%1)").arg(PostgresBackend::kRunLockKey))
                && q.next()) {
                held = q.value(0).toBool();
                if (!held && error)
                    *error = tr("Another training run of this project is in progress.");
            } else if (error) {
                *error = tr("Cannot lock %1: %2").arg(m_path, q.lastError().text());
            }
        }
    }
    if (held) {
        m_connectionName = name;
        return true;
    }
    QSqlDatabase::removeDatabase(name);
    return false;
}

RunLock::~RunLock()
{
    release();
}

bool RunLock::tryAcquire(QString *error)
{
    if (isHeld())
        return true;
    if (!m_connection.isEmpty())
        return tryAcquireOnServer(error);
    const int fd = ::open(QFile::encodeName(m_path).constData(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (fd < 0) {
        if (error)
            *error = tr("Cannot open the lock file %1: %2").arg(m_path, QString::fromLocal8Bit(std::strerror(errno)));
        return false;
    }
    if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
        const int e = errno;
        ::close(fd);
        if (error)
            *error = e == EWOULDBLOCK ? tr("Another training run of this project is in progress.")
                                      : tr("Cannot lock %1: %2").arg(m_path, QString::fromLocal8Bit(std::strerror(e)));
        return false;
    }
    m_fd = fd;
    return true;
}

void RunLock::release()
{
    if (!m_connectionName.isEmpty()) {
        // Closing the session releases its advisory locks.
        QSqlDatabase::database(m_connectionName, false).close();
        QSqlDatabase::removeDatabase(m_connectionName);
        m_connectionName.clear();
        return;
    }
    if (m_fd < 0)
        return;
    ::flock(m_fd, LOCK_UN);
    ::close(m_fd);
    m_fd = -1;
}

} // namespace nsfw
