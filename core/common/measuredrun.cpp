#include "measuredrun.h"

#include <QElapsedTimer>
#include <QFile>

#include <cerrno>
#include <vector>

#include <fcntl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

namespace nsfw {

MeasuredRun runMeasured(const QString &program, const QStringList &arguments, const QString &outFile)
{
    MeasuredRun result;
    // Everything the child needs is prepared before fork: after it, only async-signal-safe calls.
    std::vector<QByteArray> storage;
    storage.push_back(QFile::encodeName(program));
    for (const QString &a : arguments)
        storage.push_back(a.toLocal8Bit());
    std::vector<char *> argv;
    for (QByteArray &s : storage)
        argv.push_back(s.data());
    argv.push_back(nullptr);
    const QByteArray out = outFile.isEmpty() ? QByteArrayLiteral("/dev/null") : QFile::encodeName(outFile);

    QElapsedTimer timer;
    timer.start();
    const pid_t pid = ::fork();
    if (pid < 0)
        return result;
    if (pid == 0) {
        const int fd = ::open(out.constData(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        const int null = ::open("/dev/null", O_WRONLY);
        if (fd >= 0)
            ::dup2(fd, STDOUT_FILENO);
        if (null >= 0)
            ::dup2(null, STDERR_FILENO);
        ::execv(argv[0], argv.data());
        ::_exit(127);
    }
    int status = 0;
    rusage usage {};
    while (::wait4(pid, &status, 0, &usage) < 0 && errno == EINTR) {
    }
    result.seconds = timer.elapsed() / 1000.0;
    result.peakRssKb = usage.ru_maxrss;
    result.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return result;
}

} // namespace nsfw
