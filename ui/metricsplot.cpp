#include "metricsplot.h"

#include "qcustomplot_p.h"

#include <cmath>

namespace nsfw::ui {

MetricsPlot::MetricsPlot(QWidget *parent)
    : PlotWidget(tr("Validation metrics"), parent)
{
    QCustomPlot *p = plot();
    m_ap = addGraph(p, tr("average precision"), QColor(30, 130, 60), 2, QCPScatterStyle::ssDisc);
    m_auc = addGraph(p, tr("ROC AUC"), QColor(120, 80, 170), 1.5, QCPScatterStyle::ssCircle);
    m_f1 = addGraph(p, tr("F1 at threshold"), QColor(215, 90, 20), 2, QCPScatterStyle::ssSquare);
    p->xAxis->setLabel(tr("epoch"));
    p->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignBottom | Qt::AlignRight);
    fitView();
}

void MetricsPlot::clear()
{
    for (QCPGraph *g : {m_ap, m_auc, m_f1})
        g->data()->clear();
    requestReplot();
}

void MetricsPlot::addEpoch(const EpochMetrics &metrics)
{
    m_ap->addData(metrics.epoch, metrics.averagePrecision);
    if (qIsFinite(metrics.rocAuc))
        m_auc->addData(metrics.epoch, metrics.rocAuc);
    m_f1->addData(metrics.epoch, metrics.confusion.f1());
    requestReplot();
}

int MetricsPlot::epochPoints() const
{
    return m_ap->dataCount();
}

void MetricsPlot::fitView()
{
    // Scores live in [0, 1]; show the lower part only when some value is down there.
    bool found = false;
    double low = 1;
    for (QCPGraph *g : {m_ap, m_auc, m_f1}) {
        const QCPRange r = g->data()->valueRange(found);
        if (found)
            low = qMin(low, r.lower);
    }
    plot()->yAxis->setRange(qMax(0.0, qMin(0.5, std::floor(low * 10) / 10 - 0.05)), 1.02);
    bool foundKeys = false;
    const QCPRange keys = m_ap->data()->keyRange(foundKeys);
    plot()->xAxis->setRange(-0.3, foundKeys ? qMax(1.0, keys.upper) + 0.3 : 1.3);
}

} // namespace nsfw::ui
