#include "confusionpanel.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSignalBlocker>
#include <QVBoxLayout>

namespace nsfw::ui {

namespace {
QString percent(double v)
{
    return QStringLiteral("%1 %").arg(100.0 * v, 0, 'f', 1);
}
} // namespace

ConfusionPanel::ConfusionPanel(QWidget *parent)
    : QWidget(parent)
    , m_thresholdSpin(new QDoubleSpinBox(this))
    , m_target(new QComboBox(this))
    , m_targetValue(new QDoubleSpinBox(this))
    , m_applyTarget(new QPushButton(tr("Apply"), this))
    , m_summary(new QLabel(this))
    , m_targetNote(new QLabel(this))
    , m_relabelled(new QLabel(this))
    , m_retrain(new QPushButton(tr("Retrain on corrected labels"), this))
{
    auto *thresholdBox = new QGroupBox(tr("Threshold"), this);
    auto *form = new QFormLayout(thresholdBox);
    m_thresholdSpin->setRange(0, 1);
    m_thresholdSpin->setDecimals(3);
    m_thresholdSpin->setSingleStep(0.01);
    m_thresholdSpin->setToolTip(tr("An item is predicted NSFW when its score is at least the threshold. "
                                   "Click or drag the marker on the precision-recall curve to pick it there."));
    connect(m_thresholdSpin, &QDoubleSpinBox::valueChanged, this, [this](double v) {
        setThreshold(v);
        Q_EMIT thresholdEdited(v);
    });
    form->addRow(tr("Score at least:"), m_thresholdSpin);
    m_target->addItem(tr("Precision at least"), int(Target::Precision));
    m_target->addItem(tr("Recall at least"), int(Target::Recall));
    m_targetValue->setRange(0.5, 1);
    m_targetValue->setDecimals(3);
    m_targetValue->setSingleStep(0.01);
    m_targetValue->setValue(0.95);
    connect(m_target, &QComboBox::currentIndexChanged, this, [this] {
        m_targetValue->setValue(Target(m_target->currentData().toInt()) == Target::Recall ? 0.99 : 0.95);
    });
    auto *targetRow = new QHBoxLayout;
    targetRow->addWidget(m_target, 1);
    targetRow->addWidget(m_targetValue);
    targetRow->addWidget(m_applyTarget);
    form->addRow(tr("Target:"), targetRow);
    connect(m_applyTarget, &QPushButton::clicked, this, [this] {
        if (applyTarget(Target(m_target->currentData().toInt()), m_targetValue->value()))
            Q_EMIT thresholdEdited(m_threshold);
    });
    m_targetNote->setWordWrap(true);
    m_targetNote->setStyleSheet(QStringLiteral("color: #a03010;"));
    m_targetNote->hide();
    form->addRow(m_targetNote);
    m_summary->setTextFormat(Qt::RichText);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    form->addRow(m_summary);

    auto *matrixBox = new QGroupBox(tr("Confusion matrix (out-of-sample)"), this);
    auto *grid = new QGridLayout(matrixBox);
    grid->addWidget(new QLabel(tr("predicted NSFW"), this), 0, 1, Qt::AlignCenter);
    grid->addWidget(new QLabel(tr("predicted safe"), this), 0, 2, Qt::AlignCenter);
    grid->addWidget(new QLabel(tr("labeled NSFW"), this), 1, 0);
    grid->addWidget(new QLabel(tr("labeled safe"), this), 2, 0);
    const QList<std::tuple<Cell, int, int, QString>> cells = {
        {Cell::TruePositive, 1, 1, tr("NSFW items the model finds (true positives)")},
        {Cell::FalseNegative, 1, 2, tr("NSFW items the model misses (false negatives), lowest score first")},
        {Cell::FalsePositive, 2, 1, tr("Safe items the model flags (false positives), highest score first")},
        {Cell::TrueNegative, 2, 2, tr("Safe items the model passes (true negatives)")},
    };
    for (const auto &[cell, row, column, tip] : cells) {
        auto *b = new QPushButton(this);
        b->setMinimumSize(120, 64);
        b->setToolTip(tip + QLatin1Char('\n') + tr("Click to review these items in the Label tab."));
        const bool wrong = cell == Cell::FalsePositive || cell == Cell::FalseNegative;
        b->setStyleSheet(wrong ? QStringLiteral("QPushButton { background: #fbe3d6; }")
                               : QStringLiteral("QPushButton { background: #e1f1e3; }"));
        connect(b, &QPushButton::clicked, this, [this, cell = cell] { Q_EMIT cellActivated(cell); });
        grid->addWidget(b, row, column);
        m_cells[int(cell)] = b;
    }
    auto *hint = new QLabel(tr("Click a cell to go through its items one by one; relabel with the usual keys."), this);
    hint->setWordWrap(true);
    grid->addWidget(hint, 3, 0, 1, 3);

    m_relabelled->setWordWrap(true);
    connect(m_retrain, &QPushButton::clicked, this, &ConfusionPanel::retrainRequested);
    m_retrain->setToolTip(tr("Starts a new run with this run's settings on the labels as they are now."));

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(thresholdBox);
    layout->addWidget(matrixBox);
    m_videos = new QLabel(this);
    m_videos->setObjectName(QStringLiteral("videoMetrics"));
    m_videos->setWordWrap(true);
    m_videos->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_videos->setToolTip(tr("Each video as one unit: NSFW when its label says so, scored by the verdict of its judged "
                            "frames"));
    layout->addWidget(m_videos);
    layout->addWidget(m_relabelled);
    layout->addWidget(m_retrain);
    layout->addStretch();
    setRelabelled(0);
    showMatrix();
}

void ConfusionPanel::setCurve(const PrCurve &curve)
{
    m_curve = curve;
    showMatrix();
}

void ConfusionPanel::setThreshold(double threshold)
{
    m_threshold = threshold;
    {
        const QSignalBlocker block(m_thresholdSpin);
        m_thresholdSpin->setValue(threshold);
    }
    m_targetNote->hide();
    showMatrix();
}

bool ConfusionPanel::applyTarget(Target target, double value)
{
    const double t =
        target == Target::Precision ? m_curve.thresholdForPrecision(value) : m_curve.thresholdForRecall(value);
    if (m_curve.points.isEmpty() || t < 0) {
        m_targetNote->setText(
            target == Target::Precision
                ? tr("No threshold reaches a precision of %1 on this run's validation items.").arg(value, 0, 'f', 3)
                : tr("No threshold reaches a recall of %1 on this run's validation items.").arg(value, 0, 'f', 3));
        m_targetNote->show();
        return false;
    }
    setThreshold(t);
    return true;
}

void ConfusionPanel::setRelabelled(int count)
{
    m_relabelled->setText(count > 0 ? tr("%n item(s) relabelled since this run.", nullptr, count)
                                    : tr("No labels changed since this run."));
}

void ConfusionPanel::setRetrainEnabled(bool enabled)
{
    m_retrain->setEnabled(enabled);
}

QPushButton *ConfusionPanel::cellButton(Cell cell) const
{
    return m_cells[int(cell)];
}

void ConfusionPanel::setIntervals(const MetricIntervals &intervals)
{
    m_intervals = intervals;
    showMatrix();
}

void ConfusionPanel::setVideoMetrics(const VideoMetrics &videos)
{
    m_videoMetrics = videos;
    showMatrix();
}

QString ConfusionPanel::videoText() const
{
    return m_videos->text();
}

QString ConfusionPanel::summaryText() const
{
    return m_summary->text();
}

void ConfusionPanel::showMatrix()
{
    const bool have = !m_curve.points.isEmpty();
    m_matrix = have ? m_curve.confusionAt(m_threshold) : ConfusionMatrix{};
    const ConfusionMatrix &m = m_matrix;
    for (QPushButton *b : m_cells)
        b->setEnabled(have);
    m_thresholdSpin->setEnabled(have);
    m_applyTarget->setEnabled(have);
    m_videos->setText(have ? tr("Videos: %1").arg(m_videoMetrics.summary(m_threshold)) : QString());
    m_videos->setVisible(have);
    if (!have) {
        m_summary->setText(tr("Open or train a run to choose its threshold."));
        for (QPushButton *b : m_cells)
            b->setText(QStringLiteral("–"));
        return;
    }
    // Intervals only while they belong to this threshold (they are recomputed once a picked threshold rests).
    const bool withIntervals = m_intervals.resamples > 0 && m_intervals.threshold == m_threshold
        && m_intervals.precision.isValid() && m_intervals.recall.isValid();
    auto range = [withIntervals](const Interval &i) {
        return withIntervals ? QStringLiteral(" (%1–%2)").arg(i.low, 0, 'f', 3).arg(i.high, 0, 'f', 3) : QString();
    };
    m_summary->setText(tr("precision <b>%1</b>%2 &nbsp; recall <b>%3</b>%4 &nbsp; F1 <b>%5</b><br>"
                          "accuracy %6 &nbsp; %7 of %8 items predicted NSFW%9")
                           .arg(m.precision(), 0, 'f', 3)
                           .arg(range(m_intervals.precision))
                           .arg(m.recall(), 0, 'f', 3)
                           .arg(range(m_intervals.recall))
                           .arg(m.f1(), 0, 'f', 3)
                           .arg(percent(m.accuracy()))
                           .arg(m.tp + m.fp)
                           .arg(m.total())
                           .arg(withIntervals ? QStringLiteral("<br>") + tr("(in parentheses: 95 % intervals)")
                                              : QString()));
    const qint64 pos = m.tp + m.fn;
    const qint64 neg = m.fp + m.tn;
    auto rate = [](qint64 n, qint64 of) { return of > 0 ? double(n) / double(of) : 0.0; };
    m_cells[int(Cell::TruePositive)]->setText(
        tr("%1\ntrue positives\n%2 of NSFW").arg(m.tp).arg(percent(rate(m.tp, pos))));
    m_cells[int(Cell::FalseNegative)]->setText(
        tr("%1\nfalse negatives\n%2 of NSFW").arg(m.fn).arg(percent(rate(m.fn, pos))));
    m_cells[int(Cell::FalsePositive)]->setText(
        tr("%1\nfalse positives\n%2 of safe").arg(m.fp).arg(percent(rate(m.fp, neg))));
    m_cells[int(Cell::TrueNegative)]->setText(
        tr("%1\ntrue negatives\n%2 of safe").arg(m.tn).arg(percent(rate(m.tn, neg))));
}

} // namespace nsfw::ui
