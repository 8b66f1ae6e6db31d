#pragma once

#include "plotwidget.h"
#include "train/trainsettings.h"

class QCPGraph;

namespace nsfw::ui {

/// Training loss of every optimizer step (raw and smoothed) and the validation loss of every epoch, on one
/// axis of epochs (step s of epoch e sits at e - 1 + s / steps). A stored run has no step losses: its
/// epochs' mean training loss is shown instead.
class LossPlot : public PlotWidget
{
    Q_OBJECT

public:
    static constexpr double kSmoothing = 0.9; ///< weight of the running mean in the smoothed line

    explicit LossPlot(QWidget *parent = nullptr);

    void clear();
    void addStep(const StepLoss &step);
    void addEpoch(const EpochMetrics &metrics);

    int stepPoints() const;
    int epochPoints() const;

protected:
    void fitView() override;

private:
    QCPGraph *m_raw;
    QCPGraph *m_smooth;
    QCPGraph *m_trainEpoch;
    QCPGraph *m_validation;
    double m_ema = 0;
    qint64 m_steps = 0;
};

} // namespace nsfw::ui
