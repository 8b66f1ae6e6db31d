#pragma once

#include "train/trainsettings.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QSpinBox;

namespace nsfw::ui {

class MessageLabel;

/// What a run is configured by, with the engine's defaults, and the Train / Cancel buttons with the
/// progress of the running run (phase, count, ETA). The last settings used are remembered per user.
class TrainSettingsPanel : public QWidget
{
    Q_OBJECT

public:
    explicit TrainSettingsPanel(QWidget *parent = nullptr);

    TrainSettings settings() const;
    void setSettings(const TrainSettings &settings);
    /// Switches between Train (idle) and Cancel (a run in progress).
    void setRunning(bool running);
    /// Why this login may not train the project ("" when it may): the Train button is disabled and says so.
    void setRefusal(const QString &refusal);
    void showProgress(const TrainProgress &progress);
    /// A line under the progress bar ("Run 4 finished: AP 0.981"); empty hides it.
    void setStatus(const QString &text);

    QComboBox *modelCombo() const { return m_model; }
    QComboBox *modeCombo() const { return m_mode; }
    QSpinBox *blocksSpin() const { return m_blocks; }
    QSpinBox *epochsSpin() const { return m_epochs; }
    QSpinBox *foldsSpin() const { return m_folds; }
    QSpinBox *budgetSpin() const { return m_budget; }
    QDoubleSpinBox *learningRateSpin() const { return m_lr; }
    QPushButton *trainButton() const { return m_train; }
    QPushButton *cancelButton() const { return m_cancel; }
    QProgressBar *progressBar() const { return m_progress; }
    QString progressText() const;

Q_SIGNALS:
    void trainRequested(const nsfw::TrainSettings &settings);
    void cancelRequested();

private:
    void updateEnabled();
    /// The blocks partial mode can count in the chosen model (its profile's; 100 when it names none).
    void updateBlockRange();
    static QString formatDuration(double seconds);

    QComboBox *m_model;
    QComboBox *m_mode;
    QSpinBox *m_blocks;
    QSpinBox *m_epochs;
    QDoubleSpinBox *m_lr;
    QSpinBox *m_batch;
    QDoubleSpinBox *m_validation;
    QSpinBox *m_folds;
    QDoubleSpinBox *m_threshold;
    QComboBox *m_optimizer;
    QComboBox *m_schedule;
    QDoubleSpinBox *m_layerDecay;
    QDoubleSpinBox *m_labelSmoothing;
    QSpinBox *m_headEpochs;
    QComboBox *m_head;
    QDoubleSpinBox *m_ema;
    QDoubleSpinBox *m_mixup;
    QCheckBox *m_flipAverage;
    QCheckBox *m_refit;
    QSpinBox *m_ensemble;
    QSpinBox *m_budget;
    QSpinBox *m_patience;
    QSpinBox *m_seed;
    QCheckBox *m_augment;
    QCheckBox *m_balance;
    QCheckBox *m_freezeBn;
    QCheckBox *m_scoreAll;
    QCheckBox *m_fastDecode;
    QString m_refusal;
    QPushButton *m_train;
    QPushButton *m_cancel;
    QProgressBar *m_progress;
    QLabel *m_phase;
    MessageLabel *m_status;
    bool m_running = false;
};

} // namespace nsfw::ui
