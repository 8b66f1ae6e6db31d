#pragma once

#include "common/types.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QObject>
#include <QVector>

namespace nsfw {

class ProjectDatabase;

/// One labeling action as the undo stack keeps it: what each item had before and got after.
struct LabelEdit {
    QVector<qint64> ids;
    QVector<Label> before;
    QVector<Label> after;
};

/// The window's labeling session: writes labels through LabelStore (each committed before the call
/// returns), keeps undo and redo stacks, and counts this session's labels for the status bar.
///
/// An undo is not an erasure: it writes the previous labels back as new history entries with source
/// "undo" (and a redo with source "redo"), so the history shows everything that happened.
class LabelSession : public QObject
{
    Q_OBJECT

public:
    static constexpr int kMaxUndo = 1000;

    explicit LabelSession(QObject *parent = nullptr);

    /// The connection to write through (the GUI thread's), or none; clears the stacks.
    void setDatabase(ProjectDatabase *db);
    void setAnnotator(const QString &name) { m_annotator = name; }
    QString annotator() const { return m_annotator; }

    /// Labels the items; false with lastError() when nothing could be written (nothing then is).
    bool label(const QVector<qint64> &ids, Label label);
    bool canUndo() const { return !m_undo.isEmpty(); }
    bool canRedo() const { return !m_redo.isEmpty(); }
    /// Undoes the latest edit; the edit (as it was) is returned in *undone.
    bool undo(LabelEdit *undone = nullptr);
    bool redo(LabelEdit *redone = nullptr);
    QString lastError() const { return m_error; }

    /// Labels given (by label(), not undo/redo) since the session started.
    int sessionLabels() const { return m_sessionLabels; }
    /// sessionLabels() per minute of labeling time (from the first label of the session).
    double labelsPerMinute() const;
    /// The latency of the last write, in ms (the label is durable when label() returns).
    double lastWriteMs() const { return m_lastWriteMs; }

Q_SIGNALS:
    /// Items whose current label changed (by label, undo or redo), with their new and previous labels.
    void labelsChanged(const QVector<qint64> &ids, const QVector<nsfw::Label> &labels,
                       const QVector<nsfw::Label> &previous);
    void undoStateChanged(bool canUndo, bool canRedo);
    void writeFailed(const QString &message);

private:
    bool write(const QVector<qint64> &ids, const QVector<Label> &labels, const QVector<Label> &previous,
               const QString &source);

    ProjectDatabase *m_db = nullptr;
    QString m_annotator;
    QVector<LabelEdit> m_undo;
    QVector<LabelEdit> m_redo;
    QString m_error;
    int m_sessionLabels = 0;
    QElapsedTimer m_sinceFirst;
    double m_lastWriteMs = 0;
};

} // namespace nsfw

Q_DECLARE_METATYPE(nsfw::LabelEdit)
