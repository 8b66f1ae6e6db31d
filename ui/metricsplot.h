#pragma once

#include "plotwidget.h"
#include "train/trainsettings.h"

class QCPGraph;

namespace nsfw::ui {

/// Average precision, ROC AUC and F1 at the run's threshold, per epoch (epoch 0: the pretrained model).
class MetricsPlot : public PlotWidget
{
    Q_OBJECT

public:
    explicit MetricsPlot(QWidget *parent = nullptr);

    void clear();
    void addEpoch(const EpochMetrics &metrics);
    int epochPoints() const;

protected:
    void fitView() override;

private:
    QCPGraph *m_ap;
    QCPGraph *m_auc;
    QCPGraph *m_f1;
};

} // namespace nsfw::ui
