#include "curveplot.h"

#include "qcustomplot_p.h"

namespace nsfw::ui {

namespace {
constexpr double kPickDistance = 18; // pixels: a press this close to the curve picks instead of panning

QColor seriesColor(CurvePlot::Series s)
{
    switch (s) {
    case CurvePlot::Series::Pretrained:
        return QColor(120, 120, 120);
    case CurvePlot::Series::Best:
        return QColor(30, 130, 60);
    case CurvePlot::Series::Current:
        return QColor(30, 80, 180);
    case CurvePlot::Series::Compare:
        return QColor(200, 60, 150);
    }
    return Qt::black;
}
} // namespace

CurvePlot::CurvePlot(Kind kind, QWidget *parent)
    : PlotWidget(kind == Kind::PrecisionRecall ? tr("Precision-recall (out-of-sample)") : tr("ROC (out-of-sample)"), parent)
    , m_kind(kind)
{
    QCustomPlot *p = plot();
    if (kind == Kind::PrecisionRecall) {
        p->xAxis->setLabel(tr("recall"));
        p->yAxis->setLabel(tr("precision"));
        p->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignBottom | Qt::AlignLeft);
    } else {
        p->xAxis->setLabel(tr("false positive rate"));
        p->yAxis->setLabel(tr("recall (true positive rate)"));
        p->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignBottom | Qt::AlignRight);
        auto *chance = new QCPItemStraightLine(p);
        chance->point1->setCoords(0, 0);
        chance->point2->setCoords(1, 1);
        chance->setPen(QPen(QColor(190, 190, 190), 1, Qt::DotLine));
    }
    // Drawn in this order, so the best curve is on top of the others.
    for (Series s : {Series::Pretrained, Series::Compare, Series::Current, Series::Best}) {
        auto *c = new QCPCurve(p->xAxis, p->yAxis);
        QPen pen(seriesColor(s), s == Series::Best ? 2.5 : 1.5);
        if (s == Series::Pretrained)
            pen.setStyle(Qt::DashLine);
        c->setPen(pen);
        c->removeFromLegend();
        m_curves.insert(int(s), c);
    }
    m_marker = p->addGraph();
    m_marker->setLineStyle(QCPGraph::lsNone);
    m_marker->setScatterStyle(
        QCPScatterStyle(QCPScatterStyle::ssCircle, QPen(QColor(200, 30, 30), 2.5), QColor(255, 255, 255, 160), 13));
    m_marker->removeFromLegend();
    m_markerText = new QCPItemText(p);
    m_markerText->setPositionAlignment(Qt::AlignLeft | Qt::AlignBottom);
    m_markerText->position->setType(QCPItemPosition::ptPlotCoords);
    m_markerText->setPadding(QMargins(4, 2, 4, 2));
    m_markerText->setTextAlignment(Qt::AlignLeft);
    m_markerText->setPen(QPen(QColor(200, 30, 30)));
    m_markerText->setBrush(QColor(255, 255, 255, 220));
    m_markerText->setVisible(false);

    connect(p, &QCustomPlot::mousePress, this, &CurvePlot::onPress);
    connect(p, &QCustomPlot::mouseMove, this, &CurvePlot::onMove);
    connect(p, &QCustomPlot::mouseRelease, this, &CurvePlot::onRelease);
    fitView();
}

QPointF CurvePlot::coordinates(const CurvePoint &p) const
{
    return m_kind == Kind::PrecisionRecall ? QPointF(p.recall, p.precision) : QPointF(p.fpr, p.recall);
}

QPointF CurvePlot::coordinates(const ConfusionMatrix &m) const
{
    return m_kind == Kind::PrecisionRecall ? QPointF(m.recall(), m.precision())
                                           : QPointF(m.falsePositiveRate(), m.recall());
}

void CurvePlot::setCurve(Series series, const PrCurve &curve, const QString &name)
{
    QCPCurve *c = m_curves.value(int(series));
    m_data.insert(int(series), curve);
    QVector<double> t, x, y;
    if (!curve.points.isEmpty()) {
        // Both curves start where nothing is predicted positive.
        const QPointF start =
            m_kind == Kind::PrecisionRecall ? QPointF(0, curve.points.first().precision) : QPointF(0, 0);
        t << 0;
        x << start.x();
        y << start.y();
        for (const CurvePoint &p : curve.points) {
            const QPointF xy = coordinates(p);
            t << t.size();
            x << xy.x();
            y << xy.y();
        }
    }
    c->setData(t, x, y, true);
    c->setName(name);
    if (curve.points.isEmpty())
        c->removeFromLegend();
    else
        c->addToLegend();
    if (series == Series::Best)
        setThreshold(m_threshold);
    requestReplot();
}

void CurvePlot::clearCurves()
{
    for (Series s : {Series::Pretrained, Series::Best, Series::Current, Series::Compare})
        setCurve(s, PrCurve(), QString());
}

const PrCurve &CurvePlot::curve(Series series) const
{
    static const PrCurve empty;
    const auto it = m_data.constFind(int(series));
    return it == m_data.constEnd() ? empty : *it;
}

int CurvePlot::curvePoints(Series series) const
{
    return curve(series).points.size();
}

void CurvePlot::setThreshold(double threshold)
{
    m_threshold = threshold;
    const PrCurve &best = curve(Series::Best);
    m_marker->data()->clear();
    if (best.points.isEmpty()) {
        m_markerText->setVisible(false);
        requestReplot();
        return;
    }
    const ConfusionMatrix m = best.confusionAt(threshold);
    const QPointF xy = coordinates(m);
    m_marker->addData(xy.x(), xy.y());
    m_markerText->setVisible(true);
    // Short, and on the side of the marker with room, so it stays inside the axes.
    const bool leftOf = xy.x() > 0.5;
    const bool below = xy.y() > 0.8;
    m_markerText->setPositionAlignment((leftOf ? Qt::AlignRight : Qt::AlignLeft) |
                                       (below ? Qt::AlignTop : Qt::AlignBottom));
    m_markerText->position->setCoords(xy.x() + (leftOf ? -0.025 : 0.025), xy.y() + (below ? -0.03 : 0.03));
    m_markerText->setText(m_kind == Kind::PrecisionRecall ? tr("threshold %1\nprecision %2\nrecall %3")
                                                                .arg(threshold, 0, 'f', 3)
                                                                .arg(m.precision(), 0, 'f', 3)
                                                                .arg(m.recall(), 0, 'f', 3)
                                                          : tr("threshold %1\nFPR %2\nrecall %3")
                                                                .arg(threshold, 0, 'f', 3)
                                                                .arg(m.falsePositiveRate(), 0, 'f', 3)
                                                                .arg(m.recall(), 0, 'f', 3));
    requestReplot();
}

QPoint CurvePlot::pixelFor(double threshold) const
{
    const ConfusionMatrix m = curve(Series::Best).confusionAt(threshold);
    const QPointF xy = coordinates(m);
    const QPointF px(plot()->xAxis->coordToPixel(xy.x()), plot()->yAxis->coordToPixel(xy.y()));
    return plot()->mapTo(this, px.toPoint());
}

int CurvePlot::nearestPoint(const QPointF &pixel, double *distance) const
{
    const PrCurve &best = curve(Series::Best);
    int nearest = -1;
    double bestDistance = std::numeric_limits<double>::infinity();
    for (int i = 0; i < best.points.size(); ++i) {
        const QPointF xy = coordinates(best.points.at(i));
        const double dx = plot()->xAxis->coordToPixel(xy.x()) - pixel.x();
        const double dy = plot()->yAxis->coordToPixel(xy.y()) - pixel.y();
        const double d = std::hypot(dx, dy);
        if (d < bestDistance) {
            bestDistance = d;
            nearest = i;
        }
    }
    if (distance)
        *distance = bestDistance;
    return nearest;
}

void CurvePlot::pick(const QPointF &pixel)
{
    const int i = nearestPoint(pixel, nullptr);
    if (i < 0)
        return;
    const double t = curve(Series::Best).points.at(i).threshold;
    if (t == m_threshold)
        return;
    setThreshold(t);
    Q_EMIT thresholdPicked(t);
}

void CurvePlot::onPress(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton)
        return;
    double distance = 0;
    if (nearestPoint(event->position(), &distance) < 0 || distance > kPickDistance)
        return; // far from the curve: the press pans
    m_dragging = true;
    plot()->setInteraction(QCP::iRangeDrag, false);
    pick(event->position());
}

void CurvePlot::onMove(QMouseEvent *event)
{
    if (m_dragging)
        pick(event->position());
}

void CurvePlot::onRelease(QMouseEvent *)
{
    if (!m_dragging)
        return;
    m_dragging = false;
    plot()->setInteraction(QCP::iRangeDrag, true);
}

void CurvePlot::fitView()
{
    plot()->xAxis->setRange(-0.02, 1.02);
    plot()->yAxis->setRange(m_kind == Kind::PrecisionRecall ? 0.0 : -0.02, 1.04);
}

} // namespace nsfw::ui
