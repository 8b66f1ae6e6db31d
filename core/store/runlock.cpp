#include "runlock.h"

#include <QFile>

#include <cerrno>
#include <cstring>

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

namespace nsfw {

RunLock::RunLock(const QString &path)
    : m_path(path)
{
}

RunLock::~RunLock()
{
    release();
}

bool RunLock::tryAcquire(QString *error)
{
    if (m_fd >= 0)
        return true;
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
    if (m_fd < 0)
        return;
    ::flock(m_fd, LOCK_UN);
    ::close(m_fd);
    m_fd = -1;
}

} // namespace nsfw
