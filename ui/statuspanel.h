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

private:
    void onLabelsChanged(const QVector<qint64> &ids, const QVector<Label> &labels, const QVector<Label> &previous);
    void updateText();

    LabelSession *m_session;
    std::array<qint64, 4> m_counts{};
    QLabel *m_countsLabel;
    QLabel *m_rate;
    QLabel *m_annotator;
    QTimer *m_tick;
};

} // namespace nsfw::ui
