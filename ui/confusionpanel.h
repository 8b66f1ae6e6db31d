#pragma once

#include "train/bootstrap.h"
#include "train/metrics.h"
#include "train/videometrics.h"

#include <QWidget>

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QPushButton;

namespace nsfw::ui {

/// The operating point of a run: the threshold (typed, or from a target such as "precision at least 0.95"),
/// precision, recall and counts there, and the confusion matrix whose cells open their items for review.
/// The counts come from the curve it is given, which the page computes from the run's stored validation
/// scores, so a cell's count is exactly the number of items it opens.
class ConfusionPanel : public QWidget
{
    Q_OBJECT

public:
    enum class Cell { TruePositive, FalsePositive, FalseNegative, TrueNegative };
    enum class Target { None, Precision, Recall };

    explicit ConfusionPanel(QWidget *parent = nullptr);

    /// The validation curve of the run under review (empty: nothing to review).
    void setCurve(const PrCurve &curve);
    /// Shows the matrix at this threshold (no signal).
    void setThreshold(double threshold);
    double threshold() const { return m_threshold; }
    /// Bootstrap intervals of precision and recall, shown while the threshold is the one they were computed at.
    void setIntervals(const MetricIntervals &intervals);
    /// The run's videos judged as units (their verdicts against their labels), shown at the threshold below the matrix.
    void setVideoMetrics(const VideoMetrics &videos);
    QString videoText() const;
    ConfusionMatrix matrix() const { return m_matrix; }
    /// Picks the threshold for a target (as the target controls do); false when no point reaches it.
    bool applyTarget(Target target, double value);
    /// How many items were relabelled since the run under review was made (the "Retrain" hint).
    void setRelabelled(int count);
    void setRetrainEnabled(bool enabled);
    QPushButton *cellButton(Cell cell) const;
    QPushButton *retrainButton() const { return m_retrain; }
    QString summaryText() const;

Q_SIGNALS:
    /// The user changed the threshold here (spin box or target).
    void thresholdEdited(double threshold);
    void cellActivated(nsfw::ui::ConfusionPanel::Cell cell);
    void retrainRequested();

private:
    void showMatrix();

    PrCurve m_curve;
    ConfusionMatrix m_matrix;
    MetricIntervals m_intervals;
    double m_threshold = 0.5;
    QDoubleSpinBox *m_thresholdSpin;
    QComboBox *m_target;
    QDoubleSpinBox *m_targetValue;
    QPushButton *m_applyTarget;
    QLabel *m_summary;
    QLabel *m_targetNote;
    QPushButton *m_cells[4];
    QLabel *m_relabelled;
    QPushButton *m_retrain;
    VideoMetrics m_videoMetrics;
    QLabel *m_videos;
};

} // namespace nsfw::ui

Q_DECLARE_METATYPE(nsfw::ui::ConfusionPanel::Cell)
