#pragma once

#include "common/types.h"

#include <QWidget>

#include <array>

class QLabel;
class QTimer;

namespace nsfw {
class LabelSession;
class ProjectDatabase;
} // namespace nsfw

namespace nsfw::ui {

/// The status bar's right side: items per label, this session's labels per minute, the annotator.
class StatusPanel : public QWidget
{
    Q_OBJECT

public:
    StatusPanel(LabelSession *session, QWidget *parent = nullptr);

    /// Recounts from the project (after opening or importing).
    void recount(ProjectDatabase *db);
    void setAnnotator(const QString &name);
    /// Current counts: unlabeled, safe, nsfw, unsure.
    std::array<qint64, 4> counts() const { return m_counts; }
    QString countsText() const;
    /// "3 labels waiting to be saved", or empty when every label is committed.
    QString pendingText() const;

private:
    void onLabelsChanged(const QVector<qint64> &ids, const QVector<Label> &labels, const QVector<Label> &previous);
    void updateText();

    void onPendingChanged(int count);

    LabelSession *m_session;
    ProjectDatabase *m_db = nullptr;
    std::array<qint64, 4> m_counts{};
    QLabel *m_pending;
    QLabel *m_countsLabel;
    QLabel *m_rate;
    QLabel *m_annotator;
    QTimer *m_tick;
};

} // namespace nsfw::ui
