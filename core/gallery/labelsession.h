#pragma once

#include "common/types.h"
#include "store/labelstore.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QHash>
#include <QList>
#include <QObject>
#include <QVector>

class QTimer;

namespace nsfw {

class ProjectDatabase;

/// One labeling action as the undo stack keeps it: what each item had before and got after.
struct LabelEdit {
    QVector<qint64> ids;
    QVector<Label> before;
    QVector<Label> after;
    bool adjudication = false; ///< made as a reviewer's decision (LabelSession::Voice::Adjudication)
};

/// The window's labeling session: writes labels through LabelStore, keeps undo and redo stacks, and counts
/// this session's labels for the status bar.
///
/// A label is committed before the call returns whenever the project lets it: the write waits at most
/// kWriteWaitMs for another writer's lock (a CLI import, a second window), so the GUI thread never freezes.
/// When the lock stays taken, or the connection to a server project is lost, the label is kept as *pending*:
/// shown at once (labelsChanged), retried every kRetryMs in the order given, and committed the moment the lock
/// is free or the server is back (waitReason() says which it waits for). Nothing is dropped silently: a write that
/// fails for another reason is reported (writeFailed) and its cells go back; pending labels are given up only
/// when asked to (discardPending).
///
/// An undo is not an erasure: it writes the previous labels back as new history entries with source
/// "undo" (and a redo with source "redo"), so the history shows everything that happened. It never
/// overwrites a label someone else set after the one it undoes: such items are left alone (skipped()).
class LabelSession : public QObject
{
    Q_OBJECT

public:
    static constexpr int kMaxUndo = 1000;
    /// How long a label write on the GUI thread waits for another writer's lock before it is queued.
    static constexpr int kWriteWaitMs = 4;
    /// How often queued labels are tried again (each try waits for no lock).
    static constexpr int kRetryMs = 25;

    explicit LabelSession(QObject *parent = nullptr);
    ~LabelSession() override;

    /// The connection to write through (the GUI thread's), or none; clears the stacks. Labels still
    /// pending for the old one are written first (waiting up to 2 s); callers ask the user before that.
    void setDatabase(ProjectDatabase *db);
    void setAnnotator(const QString &name) { m_annotator = name; }
    QString annotator() const { return m_annotator; }

    /// Whose label a label replaces (team labelling, TeamLabels).
    enum class Voice {
        Item,        ///< the item's (the label rule is latest): undo goes back to what the item had
        Own,         ///< the annotator's own (the consensus rule): undo goes back to their own label before
        Adjudication ///< the item's, as a reviewer's decision (history source "adjudicated", its undo too)
    };
    void setVoice(Voice voice) { m_voice = voice; }
    Voice voice() const { return m_voice; }

    /// Why labels are pending.
    enum class WaitReason {
        None,      ///< nothing pending
        Locked,    ///< another writer holds the lock (a project file's, or a server row's)
        ServerAway ///< the connection to the server project is lost (ProjectDatabase::ensureConnected reopens it)
    };

    /// Labels the items: true when written or queued, false with lastError() when it could not be. shown, when
    /// given, is what the window shows for the items: the label they had, for undo and the counts, when the
    /// project cannot be read (a server that is away).
    bool label(const QVector<qint64> &ids, Label label, const QHash<qint64, Label> &shown = {});
    bool canUndo() const { return !m_undo.isEmpty(); }
    bool canRedo() const { return !m_redo.isEmpty(); }
    /// Undoes the latest edit; the edit (as it was) is returned in *undone.
    bool undo(LabelEdit *undone = nullptr);
    bool redo(LabelEdit *redone = nullptr);
    QString lastError() const { return m_error; }

    /// How many item labels wait for the write lock.
    int pendingCount() const { return int(m_pending.size()); }
    bool hasPending() const { return !m_queue.isEmpty(); }
    /// The label each pending item will get.
    const QHash<qint64, Label> &pendingLabels() const { return m_pending; }
    WaitReason waitReason() const { return m_waitReason; }
    /// Tries to write the pending labels now, waiting up to waitMs for the lock; true when none is left.
    bool flush(int waitMs = 0);
    /// Gives up the pending labels (the user chose to close without them): their cells go back to what the
    /// project has; returns how many there were.
    int discardPending();

    /// Labels given (by label(), not undo/redo) since the session started.
    int sessionLabels() const { return m_sessionLabels; }
    /// sessionLabels() per minute of labeling time (from the first label of the session).
    double labelsPerMinute() const;
    /// The latency of the last write, in ms (the label is durable when label() returns and none is pending).
    double lastWriteMs() const { return m_lastWriteMs; }

Q_SIGNALS:
    /// Items whose label as the window shows it changed (by label, undo, redo, or a write that could not be
    /// made after all), with their new and previous labels.
    void labelsChanged(const QVector<qint64> &ids, const QVector<nsfw::Label> &labels,
                       const QVector<nsfw::Label> &previous);
    void undoStateChanged(bool canUndo, bool canRedo);
    void writeFailed(const QString &message);
    /// The number of pending item labels, or why they wait, changed (0: everything given is committed).
    void pendingChanged(int count);
    /// An undo or redo left these items alone: another writer labeled them after the edit; current holds
    /// the labels they have.
    void skipped(const QVector<qint64> &ids, const QVector<nsfw::Label> &current, const QString &source);

private:
    struct Write {
        QVector<LabelChange> changes;
        QVector<Label> shownBefore; ///< what the window showed before (to go back if the write fails)
        QString source;
        QString annotator; ///< who gave it, when it was given (a pending label keeps it)
    };
    enum class Outcome { Written, Queued, Failed };
    Outcome submit(const Write &write);
    /// Undo (backwards) or redo the last edit of `from`, moving it to `to`.
    bool replay(QVector<LabelEdit> &from, QVector<LabelEdit> &to, bool backwards, LabelEdit *replayed);
    void enqueue(const Write &write);
    /// Writes these in order, waiting up to waitMs for the lock; results per write in m_results unless the
    /// returned result is busy (nothing written) or failed as a whole.
    LabelWriteResult attempt(const QVector<const Write *> &writes, int waitMs);
    /// Tells the window what a write did (queued: it was shown already).
    void settle(const Write &write, const LabelWriteResult &result, bool queued);
    void rebuildPending();
    /// Notes why the queue could not be written just now.
    void setWaitReason(WaitReason reason);
    /// Whether the project is a server one whose connection is lost (a failed statement closes it).
    bool serverAway() const;
    /// "the project file" or "the server": the end of the messages that say what kept labels from being written.
    QString whyNotWritten() const;

    ProjectDatabase *m_db = nullptr;
    QString m_annotator;
    Voice m_voice = Voice::Item;
    QVector<LabelEdit> m_undo;
    QVector<LabelEdit> m_redo;
    QList<Write> m_queue;
    QVector<LabelWriteResult> m_results;
    QHash<qint64, Label> m_pending;
    WaitReason m_waitReason = WaitReason::None;
    QTimer *m_retry;
    QString m_error;
    int m_sessionLabels = 0;
    QElapsedTimer m_sinceFirst;
    double m_lastWriteMs = 0;
};

} // namespace nsfw

Q_DECLARE_METATYPE(nsfw::LabelEdit)
