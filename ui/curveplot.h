#pragma once

#include "plotwidget.h"
#include "train/metrics.h"

#include <QHash>

class QCPCurve;
class QCPGraph;
class QCPItemText;

namespace nsfw::ui {

/// A precision-recall or ROC plot of up to four curves (the pretrained model at epoch 0, the best epoch,
/// the epoch just finished, and another run to compare) with the decision threshold as a marker on the
/// best epoch's curve. Clicking near that curve, or dragging the marker along it, picks the threshold of
/// the nearest point; the axes keep zoom and pan elsewhere.
class CurvePlot : public PlotWidget
{
    Q_OBJECT

public:
    enum class Kind { PrecisionRecall, Roc };
    enum class Series { Pretrained, Best, Current, Compare };

    CurvePlot(Kind kind, QWidget *parent = nullptr);

    /// Shows a curve (an empty one hides the series); name goes to the legend.
    void setCurve(Series series, const PrCurve &curve, const QString &name);
    void clearCurves();
    const PrCurve &curve(Series series) const;
    /// Moves the marker to the point of the best curve the threshold decides (no signal).
    void setThreshold(double threshold);
    double threshold() const { return m_threshold; }
    /// Where the best curve's point for a threshold is drawn, in widget pixels (tests click there).
    QPoint pixelFor(double threshold) const;
    int curvePoints(Series series) const;

Q_SIGNALS:
    /// The user picked a point of the best curve: the threshold that decides it.
    void thresholdPicked(double threshold);

protected:
    void fitView() override;

private:
    QPointF coordinates(const CurvePoint &p) const;
    QPointF coordinates(const ConfusionMatrix &m) const;
    /// The best curve's point nearest to a pixel, with its distance in pixels; -1 without points.
    int nearestPoint(const QPointF &pixel, double *distance) const;
    void onPress(QMouseEvent *event);
    void onMove(QMouseEvent *event);
    void onRelease(QMouseEvent *event);
    void pick(const QPointF &pixel);

    Kind m_kind;
    QHash<int, QCPCurve *> m_curves;
    QHash<int, PrCurve> m_data;
    QCPGraph *m_marker;
    QCPItemText *m_markerText;
    double m_threshold = 0.5;
    bool m_dragging = false;
};

} // namespace nsfw::ui
