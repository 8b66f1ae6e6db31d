#include "plotwidget.h"

#include "qcustomplot_p.h"

#include <QContextMenuEvent>
#include <QFileDialog>
#include <QMenu>
#include <QMessageBox>
#include <QSettings>
#include <QTimer>
#include <QVBoxLayout>

namespace nsfw::ui {

PlotWidget::PlotWidget(const QString &title, QWidget *parent)
    : QWidget(parent)
    , m_plot(new QCustomPlot(this))
    , m_replot(new QTimer(this))
{
    m_plot->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    m_plot->setNoAntialiasingOnDrag(true);
    m_plot->setContextMenuPolicy(Qt::NoContextMenu); // this widget's own menu
    m_plot->plotLayout()->insertRow(0);
    auto *heading = new QCPTextElement(m_plot, title, QFont(font().family(), font().pointSize(), QFont::Bold));
    m_plot->plotLayout()->addElement(0, 0, heading);
    m_plot->legend->setVisible(true);
    QFont small = font();
    small.setPointSizeF(small.pointSizeF() * 0.85);
    m_plot->legend->setFont(small);
    m_plot->legend->setBrush(QColor(255, 255, 255, 210));
    m_plot->legend->setRowSpacing(-3);
    connect(m_plot, &QCustomPlot::mouseDoubleClick, this, [this] { resetView(); });
    connect(m_plot, &QCustomPlot::mouseWheel, this, [this] { m_follow = false; });
    connect(m_plot, &QCustomPlot::mouseMove, this, [this](QMouseEvent *e) {
        if (e->buttons() & Qt::LeftButton && m_plot->interactions().testFlag(QCP::iRangeDrag))
            m_follow = false;
    });
    connect(m_plot, &QCustomPlot::afterReplot, this, [this] { ++m_replots; });

    m_replot->setSingleShot(true);
    m_replot->setInterval(kReplotIntervalMs);
    connect(m_replot, &QTimer::timeout, this, [this] {
        if (m_follow)
            fitView();
        m_plot->replot(QCustomPlot::rpQueuedReplot);
    });

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_plot);
    setMinimumSize(240, 180);
}

void PlotWidget::requestReplot()
{
    if (!m_replot->isActive())
        m_replot->start();
}

void PlotWidget::resetView()
{
    m_follow = true;
    requestReplot();
}

void PlotWidget::fitView()
{
    m_plot->rescaleAxes();
}

bool PlotWidget::exportTo(const QString &path, int width, int height)
{
    if (m_follow)
        fitView();
    m_plot->replot(QCustomPlot::rpImmediateRefresh);
    if (path.endsWith(QStringLiteral(".pdf"), Qt::CaseInsensitive))
        return m_plot->savePdf(path, width, height);
    return m_plot->savePng(path, width, height);
}

void PlotWidget::exportDialog(const QString &suffix)
{
    const QString dir = QSettings().value(QStringLiteral("training/exportDir"), QDir::homePath()).toString();
    const QString filter = suffix == QStringLiteral("pdf") ? tr("PDF documents (*.pdf)") : tr("PNG images (*.png)");
    QString path = QFileDialog::getSaveFileName(this, tr("Export plot"), dir, filter);
    if (path.isEmpty())
        return;
    if (!path.endsWith(QLatin1Char('.') + suffix, Qt::CaseInsensitive))
        path += QLatin1Char('.') + suffix;
    QSettings().setValue(QStringLiteral("training/exportDir"), QFileInfo(path).absolutePath());
    if (!exportTo(path))
        QMessageBox::warning(this, tr("Export failed"), tr("The plot could not be written to %1.").arg(path));
}

void PlotWidget::contextMenuEvent(QContextMenuEvent *event)
{
    QMenu menu(this);
    menu.addAction(tr("Reset zoom"), this, [this] { resetView(); });
    menu.addSeparator();
    menu.addAction(tr("Export as PNG…"), this, [this] { exportDialog(QStringLiteral("png")); });
    menu.addAction(tr("Export as PDF…"), this, [this] { exportDialog(QStringLiteral("pdf")); });
    menu.exec(event->globalPos());
}

} // namespace nsfw::ui
