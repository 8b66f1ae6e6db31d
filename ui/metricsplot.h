#pragma once

#include "plotwidget.h"
#include "train/trainsettings.h"

class QCPErrorBars;
class QCPGraph;

namespace nsfw::ui {

/// Average precision, ROC AUC and F1 at the run's threshold, per epoch (epoch 0: the pretrained model), with the
/// 95 % bootstrap intervals of AP and ROC AUC as whiskers.
class MetricsPlot : public PlotWidget
{
    Q_OBJECT

public:
    explicit MetricsPlot(QWidget *parent = nullptr);

    void clear();
    void addEpoch(const EpochMetrics &metrics);
    int epochPoints() const;
    /// How many epochs carry an AP interval (whiskers drawn).
    int intervalPoints() const;

protected:
    void fitView() override;

private:
    QCPGraph *m_ap;
    QCPGraph *m_auc;
    QCPGraph *m_f1;
    QCPErrorBars *m_apBars;
    QCPErrorBars *m_aucBars;
};

} // namespace nsfw::ui
