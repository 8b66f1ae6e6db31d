#include "lossplot.h"

#include "qcustomplot_p.h"

#include <cmath>

namespace nsfw::ui {

LossPlot::LossPlot(QWidget *parent)
    : PlotWidget(tr("Loss"), parent)
{
    QCustomPlot *p = plot();
    m_raw = addGraph(p, tr("training, per step"), QColor(150, 170, 215), 1);
    m_smooth = addGraph(p, tr("training, smoothed"), QColor(30, 80, 180), 2);
    m_trainEpoch = addGraph(p, tr("training, epoch mean"), QColor(30, 80, 180), 2, QCPScatterStyle::ssCircle);
    m_validation = addGraph(p, tr("validation"), QColor(215, 90, 20), 2, QCPScatterStyle::ssDisc);
    p->xAxis->setLabel(tr("epoch"));
    p->yAxis->setLabel(tr("loss"));
    p->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignRight);
    clear();
}

void LossPlot::clear()
{
    for (QCPGraph *g : {m_raw, m_smooth, m_trainEpoch, m_validation})
        g->data()->clear();
    // Series enter the legend with their first point: a stored run has no step losses to explain.
    for (QCPGraph *g : {m_raw, m_smooth, m_trainEpoch, m_validation})
        g->removeFromLegend();
    m_ema = 0;
    m_steps = 0;
    requestReplot();
}

void LossPlot::addStep(const StepLoss &step)
{
    if (!qIsFinite(step.loss))
        return;
    const double x = step.epoch - 1 + double(step.step + 1) / qMax(1, step.stepsPerEpoch);
    // Exponential moving average, debiased (as TensorBoard does) so the first steps are not pulled to 0.
    m_ema = kSmoothing * m_ema + (1 - kSmoothing) * step.loss;
    const double smoothed = m_ema / (1 - std::pow(kSmoothing, double(m_steps + 1)));
    if (m_steps++ == 0) {
        m_raw->addToLegend();
        m_smooth->addToLegend();
    }
    m_raw->addData(x, step.loss);
    m_smooth->addData(x, smoothed);
    requestReplot();
}

void LossPlot::addEpoch(const EpochMetrics &metrics)
{
    if (qIsFinite(metrics.validationLoss)) {
        if (m_validation->dataCount() == 0)
            m_validation->addToLegend();
        m_validation->addData(metrics.epoch, metrics.validationLoss);
    }
    // Live runs show their steps; a stored run only has the epoch means.
    if (m_steps == 0 && qIsFinite(metrics.trainLoss)) {
        if (m_trainEpoch->dataCount() == 0)
            m_trainEpoch->addToLegend();
        m_trainEpoch->addData(metrics.epoch, metrics.trainLoss);
    }
    requestReplot();
}

int LossPlot::stepPoints() const
{
    return m_raw->dataCount();
}

int LossPlot::epochPoints() const
{
    return m_validation->dataCount();
}

void LossPlot::fitView()
{
    plot()->rescaleAxes();
    const QCPRange y = plot()->yAxis->range();
    plot()->yAxis->setRange(qMax(0.0, y.lower - 0.05 * y.size()), y.upper + 0.05 * y.size());
    const QCPRange x = plot()->xAxis->range();
    plot()->xAxis->setRange(x.lower - 0.2, qMax(1.0, x.upper) + 0.2);
}

} // namespace nsfw::ui
