// benchmark load, afterwards: the workers' acknowledgement lines, what the history says about them, the figures.
#include "benchstats.h"
#include "benchmarkload.h"
#include "console.h"

#include "store/historyaudit.h"
#include "store/projectdatabase.h"

#include <QHash>

#include <algorithm>
#include <vector>

namespace nsfw::cli {

namespace {

constexpr int kMaxExamples = 6;

void note(LoadVerdict *v, const QString &text)
{
    if (v->examples.size() < kMaxExamples)
        v->examples << text;
}

// How far ahead a worker's entries are searched when the next one is not the expected write: past a few entries
// that nobody acknowledged, but never so far that a write of the same item and label much later is taken for it.
constexpr qsizetype kResyncWindow = 8;

bool sameWrite(const HistoryEntry &entry, const WorkerLine &line)
{
    return entry.itemId == line.item && entry.label == line.label;
}

/// How many entries from pos on are this write (same item and label).
qsizetype runOf(const QVector<HistoryEntry> &rows, qsizetype pos, const WorkerLine &line)
{
    qsizetype n = 0;
    while (pos + n < rows.size() && sameWrite(rows.at(pos + n), line))
        ++n;
    return n;
}

/// Holds one annotator's lines against that annotator's entries (by id). A worker writes one label at a time, so
/// its entries come in the order of its lines: one for each acknowledged change, none for a label the item had
/// already, and at most one unacknowledged entry for a write during which the server connection was reopened (its
/// try committed but the answer was lost; the retry found the label there, wrote it again because someone changed
/// the item meanwhile, or failed). Lines of the same item and label in a row are taken together, and such an entry
/// is never taken where the next acknowledged change of the same item and label needs it.
void matchWorker(const WorkerRecord &w, const QVector<HistoryEntry> &rows, LoadVerdict *v)
{
    qsizetype pos = 0;
    for (qsizetype i = 0; i < w.lines.size();) {
        const WorkerLine &line = w.lines.at(i);
        qsizetype required = 0, optional = 0, next = i;
        for (; next < w.lines.size() && w.lines.at(next).item == line.item && w.lines.at(next).label == line.label;
             ++next) {
            const WorkerLine &l = w.lines.at(next);
            required += l.changed ? 1 : 0;
            optional += l.reconnected ? 1 : 0;
        }
        // The next acknowledged change, when it is of the same item and label and nothing between may have
        // written, owns the entry after this group's.
        qsizetype reserved = 0;
        for (qsizetype k = next; optional > 0 && k < w.lines.size() && !w.lines.at(k).reconnected; ++k) {
            if (w.lines.at(k).changed) {
                reserved = w.lines.at(k).item == line.item && w.lines.at(k).label == line.label ? 1 : 0;
                break;
            }
        }
        i = next;
        v->acknowledgedChanges += int(required);
        qsizetype run = runOf(rows, pos, line);
        if (run == 0 && required > 0) {
            // Entries nobody acknowledged before this write's own?
            qsizetype at = pos + 1;
            while (at < rows.size() && at - pos <= kResyncWindow && !sameWrite(rows.at(at), line))
                ++at;
            if (at < rows.size() && at - pos <= kResyncWindow) {
                for (qsizetype k = pos; k < at; ++k)
                    note(v, tr("unexpected: entry %1 by %2 (item %3) was never acknowledged")
                                .arg(rows.at(k).id)
                                .arg(w.annotator)
                                .arg(rows.at(k).itemId));
                v->unexpected += int(at - pos);
                pos = at;
                run = runOf(rows, pos, line);
            }
        }
        const qsizetype taken = std::min(run, std::max(required, std::min(required + optional, run - reserved)));
        if (taken < required) {
            v->lost += int(required - taken);
            note(v,
                 tr("lost: %1 acknowledged item %2 as %3").arg(w.annotator).arg(line.item).arg(labelName(line.label)));
        }
        v->unacknowledged += int(std::max<qsizetype>(0, taken - required));
        pos += taken;
    }
    // SIGKILL can fall between a commit and its acknowledgement: one entry at most.
    const qsizetype trailing = rows.size() - pos;
    const qsizetype allowed = std::min<qsizetype>(trailing, w.killed ? 1 : 0);
    v->unacknowledged += int(allowed);
    v->unexpected += int(trailing - allowed);
    if (trailing > allowed)
        note(v, tr("unexpected: %1 entries by %2 after its last acknowledgement").arg(trailing).arg(w.annotator));
}

} // namespace

QString formatWorkerLine(const WorkerLine &line)
{
    if (line.failed)
        return QStringLiteral("fail %1 %2 %3").arg(line.item).arg(labelName(line.label), line.message.simplified());
    return QStringLiteral("ack %1 %2 %3 %4 %5")
        .arg(line.item)
        .arg(labelName(line.label))
        .arg(line.changed ? 1 : 0)
        .arg(line.latencyUs)
        .arg(line.attempts);
}

bool parseWorkerLine(const QString &text, WorkerLine *line)
{
    const QStringList f = text.split(QLatin1Char(' '));
    const bool ack = f.size() == 6 && f.at(0) == QLatin1String("ack");
    const bool fail = f.size() >= 3 && f.at(0) == QLatin1String("fail");
    if (!ack && !fail)
        return false;
    const std::optional<Label> label = parseLabel(f.at(2));
    bool okItem = false;
    line->item = f.at(1).toLongLong(&okItem);
    if (!okItem || !label)
        return false;
    line->label = *label;
    line->failed = fail;
    if (fail) {
        line->message = f.mid(3).join(QLatin1Char(' '));
        return true;
    }
    bool okLatency = false, okAttempts = false;
    line->changed = f.at(3) == QLatin1String("1");
    line->latencyUs = f.at(4).toLongLong(&okLatency);
    line->attempts = f.at(5).toInt(&okAttempts);
    return okLatency && okAttempts;
}

LoadVerdict verifyLoad(const QString &location, const QVector<WorkerRecord> &workers, int expectedItems)
{
    LoadVerdict v;
    QString error;
    // A connection of its own, opened after every worker ended: what anybody would find now.
    auto db = ProjectDatabase::open(location, ProjectDatabase::OpenMode::OpenExisting, QStringLiteral("audit"), &error);
    HistoryAudit audit;
    if (!db || !audit.read(*db, &error)) {
        v.error = error;
        return v;
    }
    v.items = audit.itemCount();
    if (v.items != expectedItems)
        v.error = tr("the project has %1 items instead of %2").arg(v.items).arg(expectedItems);
    v.historyRows = int(audit.entries().size());
    const QVector<qint64> bad = audit.inconsistentItems();
    v.inconsistentItems = int(bad.size());
    for (qint64 id : bad.mid(0, kMaxExamples))
        note(&v, tr("inconsistent: the history of item %1").arg(id));
    QHash<QString, QVector<HistoryEntry>> byAnnotator;
    for (const HistoryEntry &e : audit.entries())
        byAnnotator[e.annotator].append(e);
    for (const WorkerRecord &w : workers)
        matchWorker(w, byAnnotator.take(w.annotator), &v);
    for (auto it = byAnnotator.cbegin(); it != byAnnotator.cend(); ++it) {
        v.unexpected += int(it.value().size());
        note(&v, tr("unexpected: %1 entries by %2, who is no worker").arg(it.value().size()).arg(it.key()));
    }
    return v;
}

QJsonObject loadSummary(const LoadVerdict &v, const QVector<WorkerRecord> &workers, double seconds,
                        double restartBeganMs, double restartEndedMs)
{
    int acknowledged = 0, retried = 0, failed = 0;
    QString failure;
    std::vector<double> firstTry;
    double longestMs = 0, acrossRestartMs = 0;
    for (const WorkerRecord &w : workers) {
        for (const WorkerLine &l : w.lines) {
            if (l.failed) {
                ++failed;
                failure = l.message;
                continue;
            }
            ++acknowledged;
            const double ms = l.latencyUs / 1000.0;
            if (l.attempts == 1)
                firstTry.push_back(ms);
            else
                ++retried;
            longestMs = std::max(longestMs, ms);
            // A write that waited while the server was away: it began before the server was back and ended after
            // the restart began.
            if (restartEndedMs >= 0 && l.arrivedMs >= restartBeganMs && l.arrivedMs - ms <= restartEndedMs)
                acrossRestartMs = std::max(acrossRestartMs, ms);
        }
    }
    QJsonObject o{
        {QStringLiteral("acknowledged"), acknowledged},
        {QStringLiteral("acknowledgedChanges"), v.acknowledgedChanges},
        {QStringLiteral("labelsPerSecond"), seconds > 0 ? acknowledged / seconds : 0},
        {QStringLiteral("commit"), QJsonObject{{QStringLiteral("firstTryWrites"), int(firstTry.size())},
                                               {QStringLiteral("medianMs"), percentile(firstTry, 0.5)},
                                               {QStringLiteral("p99Ms"), percentile(firstTry, 0.99)},
                                               {QStringLiteral("maxMs"), percentile(firstTry, 1.0)}}},
        {QStringLiteral("retriedWrites"), retried},
        {QStringLiteral("longestWaitMs"), longestMs},
        {QStringLiteral("failedWrites"), failed},
        {QStringLiteral("items"), v.items},
        {QStringLiteral("historyRows"), v.historyRows},
        {QStringLiteral("lost"), v.lost},
        {QStringLiteral("unacknowledgedRows"), v.unacknowledged},
        {QStringLiteral("unexpectedRows"), v.unexpected},
        {QStringLiteral("inconsistentItems"), v.inconsistentItems},
        {QStringLiteral("problems"), QJsonArray::fromStringList(v.examples)},
    };
    if (restartEndedMs >= 0)
        o.insert(QStringLiteral("longestWaitAcrossRestartMs"), acrossRestartMs);
    if (!failure.isEmpty())
        o.insert(QStringLiteral("failure"), failure);
    if (!v.error.isEmpty())
        o.insert(QStringLiteral("error"), v.error);
    o.insert(QStringLiteral("ok"), v.error.isEmpty() && acknowledged > 0 && v.lost == 0 && v.unexpected == 0 &&
                                       v.inconsistentItems == 0 && failed == 0);
    return o;
}

void printLoadTable(const QJsonArray &results, int processes, int seconds, int items)
{
    auto ms = [](const QJsonValue &value) { return QStringLiteral("%1").arg(value.toDouble(), 0, 'f', 2); };
    out() << tr("%1 processes labelling %2 random items of one project for %3 s; one killed (SIGKILL) and replaced "
                "at 1/3, the PostgreSQL server restarted at 1/2. Commit latency: writes that succeeded at the first "
                "try, in ms.")
                 .arg(processes)
                 .arg(items)
                 .arg(seconds)
          << "\n\n";
    const QString row = QStringLiteral("%1 %2 %3 %4 %5 %6 %7 %8 %9 %10\n");
    out() << row.arg(tr("backend"), -11)
                 .arg(tr("acked"), 8)
                 .arg(tr("labels/s"), 9)
                 .arg(tr("median"), 7)
                 .arg(tr("p99"), 7)
                 .arg(tr("max"), 8)
                 .arg(tr("longest wait"), 13)
                 .arg(tr("across restart"), 15)
                 .arg(tr("lost"), 5)
                 .arg(tr("inconsistent"), 13);
    for (const QJsonValue &value : results) {
        const QJsonObject r = value.toObject();
        const QJsonObject c = r.value(QStringLiteral("commit")).toObject();
        const QJsonValue across = r.value(QStringLiteral("longestWaitAcrossRestartMs"));
        out() << row.arg(r.value(QStringLiteral("backend")).toString(), -11)
                     .arg(r.value(QStringLiteral("acknowledged")).toInt(), 8)
                     .arg(r.value(QStringLiteral("labelsPerSecond")).toDouble(), 9, 'f', 1)
                     .arg(ms(c.value(QStringLiteral("medianMs"))), 7)
                     .arg(ms(c.value(QStringLiteral("p99Ms"))), 7)
                     .arg(ms(c.value(QStringLiteral("maxMs"))), 8)
                     .arg(ms(r.value(QStringLiteral("longestWaitMs"))), 13)
                     .arg(across.isUndefined() ? tr("-") : ms(across), 15)
                     .arg(r.value(QStringLiteral("lost")).toInt(), 5)
                     .arg(r.value(QStringLiteral("inconsistentItems")).toInt(), 13);
    }
    out() << '\n';
    bool ok = true;
    for (const QJsonValue &value : results) {
        const QJsonObject r = value.toObject();
        const QString backend = r.value(QStringLiteral("backend")).toString();
        ok = ok && r.value(QStringLiteral("ok")).toBool();
        if (r.contains(QStringLiteral("error")))
            out() << tr("%1: ERROR %2").arg(backend, r.value(QStringLiteral("error")).toString()) << '\n';
        const QJsonObject killed = r.value(QStringLiteral("killed")).toObject();
        const QJsonObject restart = r.value(QStringLiteral("serverRestart")).toObject();
        out() << tr("%1: %2 killed at %3 s, replaced by %4; server restart: %5")
                     .arg(backend, killed.value(QStringLiteral("annotator")).toString())
                     .arg(killed.value(QStringLiteral("atSeconds")).toDouble(), 0, 'f', 1)
                     .arg(killed.value(QStringLiteral("replacement")).toString(),
                          restart.value(QStringLiteral("done")).toBool()
                              ? tr("at %1 s, back after %2 s")
                                    .arg(restart.value(QStringLiteral("atSeconds")).toDouble(), 0, 'f', 1)
                                    .arg(restart.value(QStringLiteral("seconds")).toDouble(), 0, 'f', 1)
                              : restart.value(QStringLiteral("note")).toString())
              << '\n';
        out() << tr("%1: history %2 entries for %3 acknowledged changes (+%4 unacknowledged, explained; %5 "
                    "unexpected); %6 writes retried while busy; %7 failed")
                     .arg(backend)
                     .arg(r.value(QStringLiteral("historyRows")).toInt())
                     .arg(r.value(QStringLiteral("acknowledgedChanges")).toInt())
                     .arg(r.value(QStringLiteral("unacknowledgedRows")).toInt())
                     .arg(r.value(QStringLiteral("unexpectedRows")).toInt())
                     .arg(r.value(QStringLiteral("retriedWrites")).toInt())
                     .arg(r.value(QStringLiteral("failedWrites")).toInt())
              << '\n';
        if (r.contains(QStringLiteral("failure")))
            out() << tr("%1: a failed write: %2").arg(backend, r.value(QStringLiteral("failure")).toString()) << '\n';
        for (const QJsonValue &problem : r.value(QStringLiteral("problems")).toArray())
            out() << "  " << problem.toString() << '\n';
        for (const QJsonValue &failure : r.value(QStringLiteral("workerFailures")).toArray())
            out() << "  " << failure.toString() << '\n';
        if (r.contains(QStringLiteral("keptProject")))
            out() << tr("%1: the project is kept for a look: %2")
                         .arg(backend, r.value(QStringLiteral("keptProject")).toString())
                  << '\n';
    }
    out() << (ok ? tr("Every acknowledged label is in the history, and the history is consistent.")
                 : tr("FAILED: see above."))
          << '\n';
}

} // namespace nsfw::cli
