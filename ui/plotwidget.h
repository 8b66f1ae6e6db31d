#pragma once

#include <QWidget>

class QCustomPlot;
class QTimer;

namespace nsfw::ui {

/// A QCustomPlot with what every plot of the training page shares: zoom and pan with the mouse (wheel,
/// drag; double click resets), export to PNG and PDF from the context menu, and coalesced replots.
///
/// Training emits many small updates (a step loss every few milliseconds in head mode); each only appends
/// data, and the plot is redrawn at most kReplotIntervalMs apart, so the GUI thread spends a bounded share
/// of its time drawing however fast the numbers come. Subclasses own the series; <qcustomplot.h> stays in
/// the plot widgets' .cpp files.
class PlotWidget : public QWidget
{
    Q_OBJECT

public:
    static constexpr int kReplotIntervalMs = 100;

    explicit PlotWidget(const QString &title, QWidget *parent = nullptr);

    QCustomPlot *plot() const { return m_plot; }
    /// Redraws soon (at most one replot per kReplotIntervalMs).
    void requestReplot();
    /// Fits the axes to the data again and follows new data (until the user zooms or pans).
    void resetView();
    /// Writes the plot as PNG or PDF (by the file's suffix); false when it could not be written.
    bool exportTo(const QString &path, int width = 0, int height = 0);
    /// Replots done so far (tests and the latency benchmark read it).
    int replotCount() const { return m_replots; }

protected:
    /// Sets the axis ranges for the data (default: fit both axes to it).
    virtual void fitView();
    void contextMenuEvent(QContextMenuEvent *event) override;
    void exportDialog(const QString &suffix);

private:
    QCustomPlot *m_plot;
    QTimer *m_replot;
    int m_replots = 0;
    bool m_follow = true; ///< axes follow the data until the user zooms or pans
};

} // namespace nsfw::ui
