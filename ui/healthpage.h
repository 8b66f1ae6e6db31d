#pragma once

#include "media/datasethealth.h"

#include <QWidget>

#include <memory>

class QLabel;
class QPushButton;
class QThread;
class QTreeWidget;
class QTreeWidgetItem;

namespace nsfw {
class ProjectDatabase;
} // namespace nsfw

namespace nsfw::ui {

class LabelingPage;
class MessageLabel;

/// The "Health" page: the data set's checks (copies, label conflicts, nearly uniform, dark, bright, blurry, tiny,
/// stretched, greyscale), each a row with its count and what it looks for; a row opens its items in the Label tab's
/// gallery, worst first. Beside them the class balance overall, per kind and per source folder.
///
/// The report is computed on a thread of the page's own with a connection of its own (measuring first what an older
/// project lacks), when a project is opened and on Refresh; an answer for a project no longer shown is dropped.
class HealthPage : public QWidget
{
    Q_OBJECT

public:
    explicit HealthPage(LabelingPage *labeling, QWidget *parent = nullptr);
    ~HealthPage() override;

    /// Attaches the project (the GUI thread's connection), or none; computes its report.
    void setDatabase(ProjectDatabase *db);
    /// Computes the report again (the Refresh button).
    void refresh();
    /// Opens a check's items in the gallery (what a click on its row does).
    void openCheck(const QString &id);

    /// The report shown (empty until the first one arrived).
    const HealthReport &report() const { return m_report; }
    bool isComputing() const { return m_thread != nullptr; }
    QTreeWidget *checksView() const { return m_checks; }
    QTreeWidget *balanceView() const { return m_balance; }

Q_SIGNALS:
    /// The Label tab should come to the front (a check's items are shown there).
    void labelingRequested();
    /// A report arrived and is shown.
    void reportShown();

protected:
    /// A project opened while the tab was hidden is checked when the tab is first shown.
    void showEvent(QShowEvent *event) override;

private:
    void finishThread();
    void show(const HealthReport &report, const QString &error, int generation);
    void showProgress(qint64 done, qint64 total, int generation);

    LabelingPage *m_labeling;
    QString m_location;
    int m_generation = 0;
    bool m_again = false; ///< a refresh asked for while one runs
    bool m_stale = false; ///< the open project has not been checked yet
    QThread *m_thread = nullptr;
    HealthReport m_report;
    MessageLabel *m_status;
    QPushButton *m_refresh;
    QTreeWidget *m_checks;
    QTreeWidget *m_balance;
};

} // namespace nsfw::ui
