#pragma once

#include "train/agreement.h"

#include <QWidget>

class QLabel;
class QPushButton;
class QThread;
class QTimer;
class QTreeWidget;

namespace nsfw {
class ProjectDatabase;
} // namespace nsfw

namespace nsfw::ui {

class MessageLabel;

/// The "Team" page: how well the annotators agree (what `nsfw-workbench agreement` prints): percent agreement,
/// Fleiss' kappa and Krippendorff's alpha over the overlap, Cohen's kappa per pair, each annotator against the
/// reference label (a confusion matrix) and their labels per hour.
///
/// The figures are computed by agreement::compute on a thread of the page's own with a connection of its own, when
/// the tab is shown for a project, on Refresh, and a second after labels change (here or elsewhere) while the tab is
/// shown; an answer for a project no longer shown is dropped.
class TeamPage : public QWidget
{
    Q_OBJECT

public:
    explicit TeamPage(QWidget *parent = nullptr);
    ~TeamPage() override;

    /// Attaches the project (the GUI thread's connection), or none.
    void setDatabase(ProjectDatabase *db);
    /// Computes the figures again (the Refresh button).
    void refresh();
    /// Labels changed: the figures are computed again shortly (now if the tab is shown, else when it is).
    void labelsChanged();

    /// The report shown (empty until the first one arrived).
    const agreement::Report &report() const { return m_report; }
    bool isComputing() const { return m_thread != nullptr; }
    QLabel *summaryLabel() const { return m_summary; }
    /// The label rule, the queues and the reviewer's queue (team labelling, TeamLabels).
    QLabel *labellingLabel() const { return m_labelling; }
    QTreeWidget *pairsView() const { return m_pairs; }
    QTreeWidget *annotatorsView() const { return m_annotators; }
    QTreeWidget *confusionView() const { return m_confusion; }

Q_SIGNALS:
    /// A report arrived and is shown.
    void reportShown();

protected:
    void showEvent(QShowEvent *event) override;

private:
    void finishThread();
    /// How the team labels, read beside the report.
    struct Labelling {
        bool consensus = false;
        QVector<std::pair<QString, std::pair<int, int>>> queues; ///< annotator, (assigned, labelled)
        int disputed = 0;
    };
    void show(const agreement::Report &report, const Labelling &labelling, const QString &error, int generation);

    QString m_location;
    int m_generation = 0;
    bool m_again = false;
    bool m_stale = false;
    QThread *m_thread = nullptr;
    QTimer *m_debounce;
    agreement::Report m_report;
    MessageLabel *m_status;
    QPushButton *m_refresh;
    QLabel *m_summary;
    QLabel *m_labelling;
    QTreeWidget *m_pairs;
    QTreeWidget *m_annotators;
    QTreeWidget *m_confusion;
};

} // namespace nsfw::ui
