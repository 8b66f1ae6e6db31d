#pragma once

#include "confusionpanel.h"
#include "store/runstore.h"
#include "train/runreview.h"
#include "train/trainsettings.h"

#include <QSet>
#include <QWidget>

class QLabel;
class QPushButton;
class QTimer;

namespace nsfw {
class ProjectDatabase;
class TrainingSession;
} // namespace nsfw

namespace nsfw::ui {

class CurvePlot;
class LabelingPage;
class LossPlot;
class MessageLabel;
class MetricsPlot;
class RunHistoryPanel;
class TrainSettingsPanel;

/// The "Train and review" page: settings and progress | live plots (loss, metrics, precision-recall, ROC) |
/// threshold and confusion matrix, with the run history below the settings.
///
/// Training runs on TrainingSession's worker thread; this page only appends the numbers it reports to the
/// plots (which redraw at most ten times a second), so the window stays responsive and labeling goes on.
/// The run under review is the one just finished or the one opened from the history: its curve and counts
/// come from its stored out-of-sample scores (RunReview), so a confusion cell opens exactly the items it counts.
class TrainingPage : public QWidget
{
    Q_OBJECT

public:
    TrainingPage(LabelingPage *labeling, QWidget *parent = nullptr);
    ~TrainingPage() override;

    void setDatabase(ProjectDatabase *db);
    /// Starts a run with these settings; false (with a message on the page) when one is running or no project.
    bool startTraining(const TrainSettings &settings);
    void cancelTraining();
    bool isTraining() const;
    /// Shows a stored run: its epochs in the plots, its threshold, its confusion matrix. keepLoss leaves the
    /// loss plot as it is (a run just watched live: its step losses are not stored).
    bool openRun(qint64 runId, bool keepLoss = false);
    /// Shows runId and draws otherRunId's precision-recall curve beside it.
    bool compareRuns(qint64 runId, qint64 otherRunId);
    /// Sets the threshold of the run under review (as picking it on the curve does) and saves it.
    void setThreshold(double threshold);
    /// Opens a confusion cell's judged items in the Label tab, the most wrong first (every labeled item of a
    /// cross-validated run, the validation split of a one-split run).
    QVector<qint64> reviewCell(ConfusionPanel::Cell cell);
    /// Starts a new run with the reviewed run's settings on the labels as they are now.
    bool retrain();
    /// Shows the unlabeled items in the Label tab, those the reviewed run is least sure about first.
    void labelUncertain();
    /// Opens the reviewed run's suspected label errors (confident learning over its out-of-sample scores) in the
    /// Label tab, most suspect first: relabel with the usual keys, or K to keep a label ("label is right", recorded
    /// in the history; not suggested again unless the label or the model changes). Returns the ids shown.
    QVector<qint64> reviewSuspects();
    /// Records that the labels of ids are right, against the reviewed run's model; false with a message if not.
    bool confirmLabels(const QVector<qint64> &ids);
    QPushButton *suspectsButton() const { return m_suspects; }
    /// Whether two runs' AP can be told apart, in words: their 95 % intervals, and "too small to tell apart" when
    /// either interval holds the other's AP.
    static QString compareText(const RunReview &a, const RunReview &b);
    /// The comparison shown by the last compareRuns().
    QString comparison() const { return m_comparison; }
    /// Re-reads the run list after other writers changed runs (the shown run stays).
    void reloadRuns();

    qint64 reviewedRun() const { return m_reviewRun; }
    qint64 liveRun() const { return m_liveRun; }
    /// Items of the reviewed run whose label differs now from the one the run used.
    const QSet<qint64> &relabelled() const { return m_relabelled; }

    TrainingSession *session() const { return m_session; }
    TrainSettingsPanel *settingsPanel() const { return m_settings; }
    LossPlot *lossPlot() const { return m_loss; }
    MetricsPlot *metricsPlot() const { return m_metrics; }
    CurvePlot *prPlot() const { return m_pr; }
    CurvePlot *rocPlot() const { return m_roc; }
    ConfusionPanel *confusionPanel() const { return m_confusion; }
    RunHistoryPanel *historyPanel() const { return m_history; }

Q_SIGNALS:
    /// The Label tab should come to the front (a drill-down or an uncertainty pass was opened there).
    void labelingRequested();
    /// A run ended (finished, cancelled or failed).
    void runEnded(const nsfw::TrainResult &result);

private:
    void onStarted(qint64 runId);
    void onEpoch(const EpochMetrics &m);
    void onFinished(const TrainResult &result);
    void onThresholdPicked(double threshold);
    void onLabelsChanged(const QVector<qint64> &ids);
    void updateRelabelled();
    /// The suspects still open for the reviewed run, and the button's text and state.
    QVector<LabelSuspect> openSuspects();
    void updateSuspectsButton();
    void updateIntervals();
    void showSuspectCount();
    /// Saves the last threshold picked, waiting at most waitMs for another writer's lock; when that holds it
    /// longer, the save is tried again shortly (the pick is kept, and shown when its run is opened).
    bool saveThreshold(int waitMs = kThresholdWaitMs);
    void clearPlots();

    LabelingPage *m_labeling;
    ProjectDatabase *m_db = nullptr;
    TrainingSession *m_session;
    TrainSettingsPanel *m_settings;
    RunHistoryPanel *m_history;
    LossPlot *m_loss;
    MetricsPlot *m_metrics;
    CurvePlot *m_pr;
    CurvePlot *m_roc;
    ConfusionPanel *m_confusion;
    MessageLabel *m_title;
    QPushButton *m_uncertain;
    QPushButton *m_suspects;
    QTimer *m_saveThreshold;
    qint64 m_liveRun = 0;
    qint64 m_reviewRun = 0;
    double m_liveThreshold = 0.5;
    struct UnsavedThreshold {
        qint64 run = 0;
        double threshold = 0.5;
    };
    static constexpr int kThresholdWaitMs = 4;
    UnsavedThreshold m_unsaved;     ///< picked, not yet in the file
    bool m_livePicked = false;      ///< a threshold was picked while the live run trained: saved with it at its end
    std::optional<RunReview> m_review; ///< the reviewed run's items (split, label it used, score) and review logic
    std::optional<LabelAudit> m_audit; ///< the reviewed run's label-error audit, computed when first needed
    QVector<qint64> m_openSuspects;    ///< its suspects not relabelled or confirmed when last counted
    QString m_comparison;
    QSet<qint64> m_relabelled;
};

} // namespace nsfw::ui
