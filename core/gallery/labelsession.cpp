#include "labelsession.h"

#include "common/logging.h"
#include "store/labelstore.h"
#include "store/projectteam.h"
#include "store/projectdatabase.h"

#include <QSet>
#include <QTimer>

namespace nsfw {

namespace {
// Before a project is closed, labels still pending get this long to be written.
constexpr int kLastChanceWaitMs = 2000;
} // namespace

LabelSession::LabelSession(QObject *parent)
    : QObject(parent)
    , m_retry(new QTimer(this))
{
    qRegisterMetaType<QVector<nsfw::Label>>();
    m_retry->setInterval(kRetryMs);
    connect(m_retry, &QTimer::timeout, this, [this] { flush(0); });
}

LabelSession::~LabelSession()
{
    blockSignals(true); // whoever listened may be half destroyed by now
    if (m_db && !m_queue.isEmpty() && !flush(kLastChanceWaitMs))
        qCWarning(lcStore) << pendingCount() << "labels could not be written:"
                           << (m_waitReason == WaitReason::ServerAway ? "the server stayed unreachable"
                                                                      : "the project stayed locked");
}

void LabelSession::setDatabase(ProjectDatabase *db)
{
    if (m_db && !m_queue.isEmpty() && !flush(kLastChanceWaitMs)) {
        const int lost = pendingCount();
        const QString why = whyNotWritten();
        m_queue.clear();
        rebuildPending();
        Q_EMIT writeFailed(tr("%n label(s) could not be written: %1", nullptr, lost).arg(why));
    }
    m_db = db;
    m_undo.clear();
    m_redo.clear();
    Q_EMIT undoStateChanged(false, false);
}

bool LabelSession::label(const QVector<qint64> &ids, Label label, const QHash<qint64, Label> &shown)
{
    if (!m_db || ids.isEmpty())
        return false;
    m_db->ensureConnected(); // a session the server ended is reopened before it is read, when it can be at once
    LabelStore store(*m_db);
    LabelEdit edit;
    for (qint64 id : ids) {
        // A pending label is what the annotator sees: it is what an undo goes back to.
        const auto pending = m_pending.constFind(id);
        Label before = pending != m_pending.constEnd() ? *pending
                       : m_voice == Voice::Own ? store.annotatorLabel(id, m_annotator)
                                               : store.current(id);
        // A read on a server connection that is away fails and says "unlabeled"; the window knows better.
        if (pending == m_pending.constEnd() && shown.contains(id) && serverAway())
            before = shown.value(id);
        // Nothing to write, nothing to undo; unless the label came from somebody else and this annotator agrees:
        // that is recorded (agreement figures need to see who agreed), and its undo changes nothing.
        if (before == label
            && (pending != m_pending.constEnd() || label == Label::None
                || serverAway() || store.annotatorLabel(id, m_annotator) == label))
            continue;
        edit.ids.append(id);
        edit.before.append(before);
        edit.after.append(label);
    }
    if (edit.ids.isEmpty())
        return true;
    Write write;
    for (int i = 0; i < edit.ids.size(); ++i)
        write.changes.append({edit.ids.at(i), label, std::nullopt});
    write.shownBefore = edit.before;
    edit.adjudication = m_voice == Voice::Adjudication;
    write.source = edit.adjudication ? QString::fromLatin1(kAdjudicationSource) : QStringLiteral("manual");
    write.annotator = m_annotator;
    // Counted before labelsChanged goes out, so the status bar that follows it counts this label too.
    if (m_sessionLabels == 0)
        m_sinceFirst.start();
    m_sessionLabels += int(edit.ids.size());
    if (submit(write) == Outcome::Failed) {
        m_sessionLabels -= int(edit.ids.size());
        return false;
    }
    m_undo.append(edit);
    if (m_undo.size() > kMaxUndo)
        m_undo.removeFirst();
    m_redo.clear();
    Q_EMIT undoStateChanged(canUndo(), canRedo());
    return true;
}

bool LabelSession::undo(LabelEdit *undone)
{
    return replay(m_undo, m_redo, /*backwards=*/true, undone);
}

bool LabelSession::redo(LabelEdit *redone)
{
    return replay(m_redo, m_undo, /*backwards=*/false, redone);
}

bool LabelSession::replay(QVector<LabelEdit> &from, QVector<LabelEdit> &to, bool backwards, LabelEdit *replayed)
{
    if (from.isEmpty() || !m_db)
        return false;
    const LabelEdit edit = from.constLast();
    // Undo writes "before" where "after" still stands; redo the other way round. Only items whose label is still
    // the expected one change (someone else's later label is left alone).
    const QVector<Label> &expected = backwards ? edit.after : edit.before;
    const QVector<Label> &wanted = backwards ? edit.before : edit.after;
    Write write;
    for (int i = 0; i < edit.ids.size(); ++i)
        write.changes.append({edit.ids.at(i), wanted.at(i), expected.at(i)});
    write.shownBefore = expected;
    write.source = backwards ? QStringLiteral("undo") : QStringLiteral("redo");
    if (edit.adjudication) // still the item's label, as a decision: "adjudicated:undo"
        write.source = QLatin1String(kAdjudicationSource) + QLatin1Char(':') + write.source;
    write.annotator = m_annotator;
    if (submit(write) == Outcome::Failed)
        return false;
    from.removeLast();
    to.append(edit);
    if (replayed)
        *replayed = edit;
    Q_EMIT undoStateChanged(canUndo(), canRedo());
    return true;
}

LabelSession::Outcome LabelSession::submit(const Write &write)
{
    if (!m_queue.isEmpty()) {
        enqueue(write); // behind labels already waiting: they keep their order
        flush(0);
        return Outcome::Queued;
    }
    m_error.clear();
    const LabelWriteResult result = attempt({&write}, kWriteWaitMs);
    if (!result.busy) {
        settle(write, result, false);
        return m_error.isEmpty() ? Outcome::Written : Outcome::Failed;
    }
    // Noted before the queue grows, so that the first pendingChanged already says why (no signal of its own: with
    // nothing queued yet it would read as "all written").
    m_waitReason = serverAway() ? WaitReason::ServerAway : WaitReason::Locked;
    qCInfo(lcStore) << (m_waitReason == WaitReason::ServerAway ? "server unreachable;"
                                                               : "project locked by another writer;")
                    << "label queued";
    enqueue(write);
    return Outcome::Queued;
}

void LabelSession::enqueue(const Write &write)
{
    // Shown now, written when the lock is free.
    m_queue.append(write);
    rebuildPending();
    QVector<qint64> ids;
    QVector<Label> labels;
    for (const LabelChange &c : write.changes) {
        ids << c.itemId;
        labels << c.label;
    }
    Q_EMIT labelsChanged(ids, labels, write.shownBefore);
}

LabelWriteResult LabelSession::attempt(const QVector<const Write *> &writes, int waitMs)
{
    LabelWriteResult result;
    m_results.clear();
    // A lost server connection is reopened first (never waiting on the network: ensureConnected probes on a thread of
    // its own), so that the short wait set below is the one of the connection that writes (a reopened connection has
    // the long default); while the server is away, nothing is tried.
    if (!m_db->ensureConnected()) {
        result.busy = true;
        return result;
    }
    // Wait only briefly for the lock here (the GUI thread), then restore the connection's own timeout.
    const int timeout = m_db->busyTimeout();
    m_db->setBusyTimeout(waitMs);
    QElapsedTimer timer;
    timer.start();
    if (writes.size() == 1) {
        result = LabelStore(*m_db).write(writes.first()->changes, writes.first()->annotator, writes.first()->source);
        m_results = {result};
    } else {
        // Labels that waited are written in one transaction (one fsync), each write a savepoint of its own.
        m_results.clear();
        Transaction tx(*m_db);
        if (!tx.isActive()) {
            result.busy = m_db->lastErrorWasBusy();
            result.error = result.busy ? QString() : tx.error();
        } else {
            bool busy = false;
            for (const Write *w : writes) {
                m_results.append(LabelStore(*m_db).write(w->changes, w->annotator, w->source));
                busy = busy || m_results.constLast().busy;
            }
            // One write that met a lock (a server's row lock) or lost the connection: none is committed, so they all
            // stay queued in their order rather than that one failing.
            if (busy) {
                result.busy = true;
                m_results.clear();
            } else if (!tx.commit()) {
                result.busy = m_db->lastErrorWasBusy();
                result.error = result.busy ? QString() : tx.error();
                m_results.clear();
            }
        }
    }
    m_lastWriteMs = timer.nsecsElapsed() / 1e6;
    m_db->setBusyTimeout(timeout);
    return result;
}

void LabelSession::settle(const Write &write, const LabelWriteResult &result, bool queued)
{
    QVector<qint64> ids;
    QVector<Label> labels;
    for (const LabelChange &c : write.changes) {
        ids << c.itemId;
        labels << c.label;
    }
    if (!result.ok()) {
        m_error = result.busy ? tr("The label could not be written: %1").arg(whyNotWritten()) : result.error;
        if (queued) // shown already: show what the file has again
            Q_EMIT labelsChanged(ids, write.shownBefore, labels);
        Q_EMIT writeFailed(m_error);
        return;
    }
    const QSet<qint64> skippedIds(result.skipped.cbegin(), result.skipped.cend());
    if (!queued) {
        QVector<qint64> doneIds;
        QVector<Label> done, before;
        for (int i = 0; i < ids.size(); ++i) {
            if (skippedIds.contains(ids.at(i)))
                continue;
            doneIds << ids.at(i);
            done << labels.at(i);
            before << write.shownBefore.at(i);
        }
        if (!doneIds.isEmpty())
            Q_EMIT labelsChanged(doneIds, done, before);
    }
    if (!result.skipped.isEmpty()) {
        // Shown is what the window showed for these items: the edit's label (queued) or the one before.
        QVector<Label> shown;
        for (qint64 id : result.skipped) {
            const int i = int(ids.indexOf(id));
            shown << (queued ? labels.at(i) : write.shownBefore.at(i));
        }
        Q_EMIT labelsChanged(result.skipped, result.current, shown);
        Q_EMIT skipped(result.skipped, result.current, write.source);
    }
}

bool LabelSession::flush(int waitMs)
{
    if (m_db && !m_queue.isEmpty()) {
        QVector<const Write *> writes;
        for (const Write &w : std::as_const(m_queue))
            writes << &w;
        const LabelWriteResult outer = attempt(writes, waitMs);
        if (outer.busy) {
            setWaitReason(serverAway() ? WaitReason::ServerAway : WaitReason::Locked);
        } else {
            const QList<Write> done = m_queue;
            const QVector<LabelWriteResult> results = m_results;
            m_queue.clear();
            rebuildPending();
            for (int i = 0; i < done.size(); ++i)
                settle(done.at(i), i < results.size() ? results.at(i) : outer, true);
        }
    }
    if (m_queue.isEmpty())
        m_retry->stop();
    else if (!m_retry->isActive())
        m_retry->start();
    return m_queue.isEmpty();
}

int LabelSession::discardPending()
{
    const int count = pendingCount();
    if (count == 0)
        return 0;
    qCWarning(lcStore) << count << "pending labels given up";
    const QList<Write> dropped = m_queue;
    m_queue.clear();
    rebuildPending();
    // Newest first, so that an item labeled twice goes back to what it had before both.
    for (auto w = dropped.crbegin(); w != dropped.crend(); ++w) {
        QVector<qint64> ids;
        QVector<Label> labels;
        for (const LabelChange &c : w->changes) {
            ids << c.itemId;
            labels << c.label;
        }
        Q_EMIT labelsChanged(ids, w->shownBefore, labels);
    }
    return count;
}

void LabelSession::setWaitReason(WaitReason reason)
{
    if (reason == m_waitReason)
        return;
    m_waitReason = reason;
    Q_EMIT pendingChanged(pendingCount());
}

bool LabelSession::serverAway() const
{
    // QPSQL's isOpen() is libpq's connection status: a connection the server ended, or that could not be reopened,
    // is not open. A lock wait on a server leaves it open.
    return m_db && m_db->isServer() && !m_db->db().isOpen();
}

QString LabelSession::whyNotWritten() const
{
    if (m_waitReason == WaitReason::ServerAway)
        return tr("the server of %1 could not be reached.").arg(m_db ? m_db->displayName() : QString());
    if (m_db && m_db->isServer())
        return tr("another client kept the items locked.");
    return tr("another program kept the project file locked.");
}

void LabelSession::rebuildPending()
{
    m_pending.clear();
    for (const Write &w : std::as_const(m_queue)) {
        for (const LabelChange &c : w.changes)
            m_pending.insert(c.itemId, c.label);
    }
    if (m_queue.isEmpty()) {
        m_retry->stop();
        m_waitReason = WaitReason::None;
    } else if (!m_retry->isActive()) {
        m_retry->start();
    }
    Q_EMIT pendingChanged(pendingCount());
}

double LabelSession::labelsPerMinute() const
{
    if (m_sessionLabels == 0 || !m_sinceFirst.isValid())
        return 0;
    // At least one minute, so the first few labels do not read as hundreds a minute.
    const double minutes = std::max(1.0, m_sinceFirst.elapsed() / 60000.0);
    return m_sessionLabels / minutes;
}

} // namespace nsfw
