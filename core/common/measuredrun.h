#pragma once

#include <QString>
#include <QStringList>

namespace nsfw {

/// How a child process ended and the most memory it held.
struct MeasuredRun {
    int exitCode = -1;       ///< -1 when it could not start or was killed by a signal
    qint64 peakRssKb = 0;    ///< its maximum resident set size (getrusage's ru_maxrss), in KiB
    double seconds = 0;
};

/// Runs a program to its end (standard output and error discarded, or standard output to outFile when given) and
/// reports its peak resident memory, as the kernel counted it for that one process (wait4).
MeasuredRun runMeasured(const QString &program, const QStringList &arguments, const QString &outFile = QString());

} // namespace nsfw
