#pragma once

#include "store/runstore.h"

#include <QWidget>

class QPushButton;
class QTreeWidget;

namespace nsfw {
class ProjectDatabase;
}

namespace nsfw::ui {

/// Every run of the project, newest first: when, what was retrained, status, best epoch and its metrics,
/// the chosen threshold. Open one to inspect it; select two to compare their precision-recall curves.
class RunHistoryPanel : public QWidget
{
    Q_OBJECT

public:
    explicit RunHistoryPanel(QWidget *parent = nullptr);

    void setDatabase(ProjectDatabase *db);
    /// Re-reads the runs (after a run ends or a threshold is saved).
    void reload();
    /// Marks the run shown in the plots.
    void setShownRun(qint64 runId);
    QTreeWidget *tree() const { return m_tree; }
    int runCount() const;
    /// A one-line description of a run for titles and legends ("Run 3 · head · AP 0.97").
    static QString describe(const RunRecord &run);

Q_SIGNALS:
    void openRequested(qint64 runId);
    void compareRequested(qint64 runId, qint64 otherRunId);

private:
    QVector<qint64> selectedRuns() const;
    void updateButtons();

    ProjectDatabase *m_db = nullptr;
    QTreeWidget *m_tree;
    QPushButton *m_open;
    QPushButton *m_compare;
    qint64 m_shown = 0;
};

} // namespace nsfw::ui
