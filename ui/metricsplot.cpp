#include "metricsplot.h"

#include "qcustomplot_p.h"

#include <cmath>

namespace nsfw::ui {

MetricsPlot::MetricsPlot(QWidget *parent)
    : PlotWidget(tr("Out-of-sample metrics (95 % intervals)"), parent)
{
    QCustomPlot *p = plot();
    m_ap = addGraph(p, tr("average precision"), QColor(30, 130, 60), 2, QCPScatterStyle::ssDisc);
    m_auc = addGraph(p, tr("ROC AUC"), QColor(120, 80, 170), 1.5, QCPScatterStyle::ssCircle);
    m_f1 = addGraph(p, tr("F1 at threshold"), QColor(215, 90, 20), 2, QCPScatterStyle::ssSquare);
    // 95 % bootstrap intervals as whiskers on AP and ROC AUC.
    auto whiskers = [p](QCPGraph *graph) {
        auto *bars = new QCPErrorBars(p->xAxis, p->yAxis);
        bars->setDataPlottable(graph);
        bars->setErrorType(QCPErrorBars::etValueError);
        bars->setWhiskerWidth(6);
        QPen pen = graph->pen();
        pen.setWidthF(1);
        bars->setPen(pen);
        bars->removeFromLegend();
        return bars;
    };
    m_apBars = whiskers(m_ap);
    m_aucBars = whiskers(m_auc);
    p->xAxis->setLabel(tr("epoch"));
    p->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignBottom | Qt::AlignRight);
    fitView();
}

void MetricsPlot::clear()
{
    for (QCPGraph *g : {m_ap, m_auc, m_f1})
        g->data()->clear();
    m_apBars->data()->clear();
    m_aucBars->data()->clear();
    requestReplot();
}

void MetricsPlot::addEpoch(const EpochMetrics &metrics)
{
    // Error data pairs with the graph's points by index: one entry for every point added (NaN: no whisker).
    auto addError = [](QCPErrorBars *bars, double value, const Interval &i) {
        if (i.isValid())
            bars->addData(value - i.low, i.high - value);
        else
            bars->addData(qQNaN(), qQNaN());
    };
    m_ap->addData(metrics.epoch, metrics.averagePrecision);
    addError(m_apBars, metrics.averagePrecision, metrics.intervals.averagePrecision);
    if (qIsFinite(metrics.rocAuc)) {
        m_auc->addData(metrics.epoch, metrics.rocAuc);
        addError(m_aucBars, metrics.rocAuc, metrics.intervals.rocAuc);
    }
    m_f1->addData(metrics.epoch, metrics.confusion.f1());
    requestReplot();
}

int MetricsPlot::epochPoints() const
{
    return m_ap->dataCount();
}

int MetricsPlot::intervalPoints() const
{
    int n = 0;
    for (int i = 0; i < m_apBars->dataCount(); ++i)
        n += std::isfinite(m_apBars->data()->at(i).errorMinus) ? 1 : 0;
    return n;
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
    for (QCPErrorBars *bars : {m_apBars, m_aucBars}) {
        bool withErrors = false;
        const QCPRange r = static_cast<const QCPAbstractPlottable *>(bars)->getValueRange(withErrors);
        if (withErrors)
            low = qMin(low, r.lower);
    }
    plot()->yAxis->setRange(qMax(0.0, qMin(0.5, std::floor(low * 10) / 10 - 0.05)), 1.02);
    bool foundKeys = false;
    const QCPRange keys = m_ap->data()->keyRange(foundKeys);
    plot()->xAxis->setRange(-0.3, foundKeys ? qMax(1.0, keys.upper) + 0.3 : 1.3);
}

} // namespace nsfw::ui
