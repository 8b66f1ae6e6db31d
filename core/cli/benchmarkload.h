#pragma once

// What `benchmark load` and its worker processes share: the worker's acknowledgement lines, and what the project's
// history says about them afterwards (benchmarkloadcheck.cpp).
#include "common/types.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <QVector>

namespace nsfw::cli {

/// One line a worker prints once a write returned: "ack ITEM LABEL CHANGED LATENCY_US ATTEMPTS" (CHANGED 0 when
/// the item had the label already, so no history entry), or "fail ITEM LABEL MESSAGE" for an error that is no
/// "try again".
struct WorkerLine {
    qint64 item = 0;
    Label label = Label::None;
    bool changed = false;
    bool failed = false;
    qint64 latencyUs = 0; ///< from the first try to the write that succeeded
    int attempts = 1;
    bool reconnected = false; ///< the server connection was reopened during the write: a try may have committed
                              ///< although its answer was lost (the worker says so on a line of its own first)
    QString message;          ///< a failure's error
    double arrivedMs = 0;     ///< when the parent read it, since the run began
};

/// What a worker prints on a line of its own before the line of a write during which the server connection was
/// reopened.
inline constexpr char kReconnectLine[] = "reconnect";
/// A worker's first line: from here on SIGTERM ends it cleanly (its handler is set). Before it, the worker is still
/// starting (loading its libraries), has written nothing, and SIGTERM simply ends it.
inline constexpr char kReadyLine[] = "ready";
/// The line a worker prints for a write (without the newline).
QString formatWorkerLine(const WorkerLine &line);
/// Reads a worker's line; false for anything that is not one (an unfinished line is never passed here).
bool parseWorkerLine(const QString &text, WorkerLine *line);

/// What one worker process acknowledged, in order.
struct WorkerRecord {
    QString annotator;
    QVector<WorkerLine> lines;
    bool killed = false; ///< ended by SIGKILL: its last write may be committed and never acknowledged
};

/// What a fresh connection finds in the project after the run.
struct LoadVerdict {
    QString error; ///< the project could not be read
    int items = 0;
    int historyRows = 0;
    int acknowledgedChanges = 0;
    int lost = 0;              ///< acknowledged changes missing from the history (must be 0)
    int unacknowledged = 0;    ///< entries nobody acknowledged, each explained (a killed worker's last write, or a
                               ///< commit whose answer was lost with the server connection)
    int unexpected = 0;        ///< entries nothing explains (must be 0)
    int inconsistentItems = 0; ///< items whose history chain or current label is wrong (must be 0)
    QStringList examples;      ///< a few of the problems, for a person to look at
};

/// Reads the whole history of the project at location and holds the workers' acknowledgements against it: each
/// annotator's acknowledged changes must appear, in order, among that annotator's entries.
LoadVerdict verifyLoad(const QString &location, const QVector<WorkerRecord> &workers, int expectedItems);
/// The figures of one backend's run: counts, rate, first-try commit latency, waits, the verdict; "ok" when
/// nothing was lost, unexplained or inconsistent. The restart times are -1 when the server was not restarted.
QJsonObject loadSummary(const LoadVerdict &verdict, const QVector<WorkerRecord> &workers, double seconds,
                        double restartBeganMs, double restartEndedMs);
/// Prints the backends' summaries as a table with notes.
void printLoadTable(const QJsonArray &results, int processes, int seconds, int items);

} // namespace nsfw::cli
