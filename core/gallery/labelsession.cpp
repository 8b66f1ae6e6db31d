#include "labelsession.h"

#include "common/logging.h"
#include "store/labelstore.h"
#include "store/projectdatabase.h"

namespace nsfw {

LabelSession::LabelSession(QObject *parent)
    : QObject(parent)
{
    qRegisterMetaType<QVector<nsfw::Label>>();
}

void LabelSession::setDatabase(ProjectDatabase *db)
{
    m_db = db;
    m_undo.clear();
    m_redo.clear();
    Q_EMIT undoStateChanged(false, false);
}

bool LabelSession::label(const QVector<qint64> &ids, Label label)
{
    if (!m_db || ids.isEmpty())
        return false;
    LabelStore store(*m_db);
    LabelEdit edit;
    for (qint64 id : ids) {
        const Label before = store.current(id);
        if (before == label)
            continue; // nothing to write, nothing to undo
        edit.ids.append(id);
        edit.before.append(before);
        edit.after.append(label);
    }
    if (edit.ids.isEmpty())
        return true;
    if (!write(edit.ids, edit.after, edit.before, QStringLiteral("manual")))
        return false;
    if (m_sessionLabels == 0)
        m_sinceFirst.start();
    m_sessionLabels += int(edit.ids.size());
    m_undo.append(edit);
    if (m_undo.size() > kMaxUndo)
        m_undo.removeFirst();
    m_redo.clear();
    Q_EMIT undoStateChanged(canUndo(), canRedo());
    return true;
}

bool LabelSession::undo(LabelEdit *undone)
{
    if (m_undo.isEmpty())
        return false;
    const LabelEdit edit = m_undo.constLast();
    if (!write(edit.ids, edit.before, edit.after, QStringLiteral("undo")))
        return false;
    m_undo.removeLast();
    m_redo.append(edit);
    if (undone)
        *undone = edit;
    Q_EMIT undoStateChanged(canUndo(), canRedo());
    return true;
}

bool LabelSession::redo(LabelEdit *redone)
{
    if (m_redo.isEmpty())
        return false;
    const LabelEdit edit = m_redo.constLast();
    if (!write(edit.ids, edit.after, edit.before, QStringLiteral("redo")))
        return false;
    m_redo.removeLast();
    m_undo.append(edit);
    if (redone)
        *redone = edit;
    Q_EMIT undoStateChanged(canUndo(), canRedo());
    return true;
}

bool LabelSession::write(const QVector<qint64> &ids, const QVector<Label> &labels, const QVector<Label> &previous,
                         const QString &source)
{
    QVector<LabelChange> changes;
    changes.reserve(ids.size());
    for (int i = 0; i < ids.size(); ++i)
        changes.append({ids.at(i), labels.at(i)});
    QElapsedTimer timer;
    timer.start();
    // Written on the GUI thread on purpose: a fsync'd commit takes ~0.3 ms (p99 ~0.5 ms, see the
    // benchmark), far below a frame, and the label is durable when the key press has been handled.
    const int changed = LabelStore(*m_db).apply(changes, m_annotator, source, &m_error);
    m_lastWriteMs = timer.nsecsElapsed() / 1e6;
    if (changed < 0) {
        Q_EMIT writeFailed(m_error);
        return false;
    }
    Q_EMIT labelsChanged(ids, labels, previous);
    return true;
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
