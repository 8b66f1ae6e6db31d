#include "trainingpage.h"

#include "common/logging.h"
#include "curveplot.h"
#include "gallery/gallerymodel.h"
#include "gallery/labelsession.h"
#include "gallerydelegate.h"
#include "viewerpanel.h"
#include "gallerypanel.h"
#include "labelingpage.h"
#include "lossplot.h"
#include "messagelabel.h"
#include "metricsplot.h"
#include "runhistorypanel.h"
#include "store/itemquery.h"
#include "store/labelstore.h"
#include "store/projectdatabase.h"
#include "train/runreview.h"
#include "train/trainingsession.h"
#include "trainsettingspanel.h"

#include <QComboBox>
#include <QGridLayout>
#include <QLabel>
#include <QPushButton>
#include <QSplitter>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

namespace nsfw::ui {

namespace {
// When the project closes, a threshold that still waits for another writer's lock gets this long.
constexpr int kLastChanceWaitMs = 2000;
} // namespace

TrainingPage::TrainingPage(LabelingPage *labeling, QWidget *parent)
    : QWidget(parent)
    , m_labeling(labeling)
    , m_session(new TrainingSession(this))
    , m_settings(new TrainSettingsPanel(this))
    , m_history(new RunHistoryPanel(this))
    , m_loss(new LossPlot(this))
    , m_metrics(new MetricsPlot(this))
    , m_pr(new CurvePlot(CurvePlot::Kind::PrecisionRecall, this))
    , m_roc(new CurvePlot(CurvePlot::Kind::Roc, this))
    , m_confusion(new ConfusionPanel(this))
    , m_title(new MessageLabel(this))
    , m_uncertain(new QPushButton(tr("Label the most uncertain unlabeled items"), this))
    , m_suspects(new QPushButton(tr("Suspected label errors"), this))
    , m_saveThreshold(new QTimer(this))
{
    auto *left = new QSplitter(Qt::Vertical, this);
    auto *settingsHolder = new QWidget(this);
    auto *settingsLayout = new QVBoxLayout(settingsHolder);
    settingsLayout->setContentsMargins(4, 4, 4, 4);
    settingsLayout->addWidget(m_settings);
    settingsLayout->addStretch();
    left->addWidget(settingsHolder);
    left->addWidget(m_history);
    left->setStretchFactor(0, 0);
    left->setStretchFactor(1, 1);

    auto *plots = new QWidget(this);
    auto *grid = new QGridLayout(plots);
    grid->setContentsMargins(4, 4, 4, 4);
    grid->setSpacing(6);
    QFont big = font();
    big.setBold(true);
    m_title->setFont(big);
    grid->addWidget(m_title, 0, 0, 1, 2);
    grid->addWidget(m_loss, 1, 0);
    grid->addWidget(m_metrics, 1, 1);
    grid->addWidget(m_pr, 2, 0);
    grid->addWidget(m_roc, 2, 1);
    grid->setRowStretch(1, 1);
    grid->setRowStretch(2, 1);

    auto *right = new QWidget(this);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(4, 4, 4, 4);
    rightLayout->addWidget(m_confusion, 1);
    m_uncertain->setToolTip(tr("Shows the unlabeled items in the Label tab, those whose score is closest to the "
                               "threshold first: labeling them teaches the model most"));
    rightLayout->addWidget(m_uncertain);
    m_suspects->setToolTip(tr("Labels the run's out-of-sample scores say are probably wrong (confident learning), "
                              "most suspect first. Relabel with the usual keys, or press K when the label is right. "
                              "Train with folds so every label is judged."));
    rightLayout->addWidget(m_suspects);

    auto *split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(left);
    split->addWidget(plots);
    split->addWidget(right);
    split->setStretchFactor(0, 0);
    split->setStretchFactor(1, 1);
    split->setStretchFactor(2, 0);
    split->setSizes({360, 820, 320});
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(split);

    connect(m_settings, &TrainSettingsPanel::trainRequested, this, &TrainingPage::startTraining);
    connect(m_settings, &TrainSettingsPanel::cancelRequested, this, &TrainingPage::cancelTraining);
    connect(m_session, &TrainingSession::started, this, &TrainingPage::onStarted);
    connect(m_session, &TrainingSession::progress, m_settings, &TrainSettingsPanel::showProgress);
    connect(m_session, &TrainingSession::stepLoss, m_loss, &LossPlot::addStep);
    connect(m_session, &TrainingSession::epochFinished, this, &TrainingPage::onEpoch);
    connect(m_session, &TrainingSession::finished, this, &TrainingPage::onFinished);
    connect(m_history, &RunHistoryPanel::openRequested, this, [this](qint64 id) { openRun(id); });
    connect(m_history, &RunHistoryPanel::compareRequested, this, &TrainingPage::compareRuns);
    connect(m_pr, &CurvePlot::thresholdPicked, this, &TrainingPage::onThresholdPicked);
    connect(m_roc, &CurvePlot::thresholdPicked, this, &TrainingPage::onThresholdPicked);
    connect(m_confusion, &ConfusionPanel::thresholdEdited, this, &TrainingPage::onThresholdPicked);
    connect(m_confusion, &ConfusionPanel::cellActivated, this, [this](ConfusionPanel::Cell c) { reviewCell(c); });
    connect(m_confusion, &ConfusionPanel::retrainRequested, this, &TrainingPage::retrain);
    connect(m_uncertain, &QPushButton::clicked, this, &TrainingPage::labelUncertain);
    connect(m_suspects, &QPushButton::clicked, this, [this] { reviewSuspects(); });
    connect(m_labeling, &LabelingPage::confirmRequested, this, [this](const QVector<qint64> &ids) {
        confirmLabels(ids);
    });
    connect(m_labeling->session(), &LabelSession::labelsChanged, this,
            [this](const QVector<qint64> &ids) { onLabelsChanged(ids); });
    connect(m_labeling, &LabelingPage::labelsChangedElsewhere, this,
            [this](const QVector<qint64> &ids) { onLabelsChanged(ids); });
    // Dragging the marker changes the threshold many times a second: save once it rests.
    m_saveThreshold->setSingleShot(true);
    m_saveThreshold->setInterval(400);
    connect(m_saveThreshold, &QTimer::timeout, this, [this] {
        saveThreshold();
        updateIntervals();
    });
    clearPlots();
    m_confusion->setRetrainEnabled(false);
    m_uncertain->setEnabled(false);
    m_suspects->setEnabled(false);
}

TrainingPage::~TrainingPage()
{
    saveThreshold(kLastChanceWaitMs);
    // The session's destructor cancels and waits for a running run.
}

void TrainingPage::setDatabase(ProjectDatabase *db)
{
    if (m_db && m_unsaved.run > 0 && !saveThreshold(kLastChanceWaitMs))
        qCWarning(lcTrain) << "the threshold of run" << m_unsaved.run
                           << "could not be saved: the project stayed locked";
    m_unsaved = UnsavedThreshold();
    if (m_session->isRunning()) {
        m_session->cancel();
        m_session->wait();
    }
    m_db = db;
    m_reviewRun = 0;
    m_review.reset();
    m_audit.reset();
    m_relabelled.clear();
    updateRelabelled();
    m_history->setDatabase(db);
    clearPlots();
    m_confusion->setCurve(PrCurve());
    m_title->setMessage(db ? tr("No run yet: choose the settings and press Train.") : QString());
    m_settings->setStatus(QString());
    if (db) {
        if (const qint64 latest = RunStore(*db).latestFinished())
            openRun(latest);
    }
}

bool TrainingPage::isTraining() const
{
    return m_session->isRunning();
}

void TrainingPage::clearPlots()
{
    m_loss->clear();
    m_metrics->clear();
    m_pr->clearCurves();
    m_roc->clearCurves();
}

bool TrainingPage::startTraining(const TrainSettings &settings)
{
    if (!m_db) {
        m_settings->setStatus(tr("Open a project first."));
        return false;
    }
    if (m_session->isRunning()) {
        m_settings->setStatus(tr("A run is already in progress."));
        return false;
    }
    const QString invalid = settings.validate();
    if (!invalid.isEmpty()) {
        m_settings->setStatus(tr("Cannot train: %1.").arg(invalid));
        return false;
    }
    saveThreshold();
    if (!m_session->start(m_db->connectionText(), settings))
        return false;
    m_liveRun = 0;
    m_liveThreshold = settings.threshold;
    m_livePicked = false;
    clearPlots();
    m_confusion->setCurve(PrCurve());
    m_confusion->setRetrainEnabled(false);
    m_settings->setRunning(true);
    m_settings->setStatus(QString());
    m_title->setMessage(tr("Starting a run…"));
    return true;
}

void TrainingPage::cancelTraining()
{
    m_session->cancel();
    m_settings->setStatus(tr("Cancelling after the current batch…"));
}

void TrainingPage::onStarted(qint64 runId)
{
    m_liveRun = runId;
    m_reviewRun = 0; // the live run is shown; nothing under review is saved meanwhile
    m_review.reset();
    m_audit.reset();
    m_relabelled.clear();
    updateRelabelled();
    m_title->setMessage(tr("Run %1 in progress").arg(runId));
    m_history->reload();
    m_history->setShownRun(runId);
}

void TrainingPage::onEpoch(const EpochMetrics &m)
{
    m_loss->addEpoch(m);
    m_metrics->addEpoch(m);
    const QString name = m.epoch == 0 ? tr("pretrained (epoch 0)") : tr("epoch %1").arg(m.epoch);
    if (m.epoch == 0) {
        m_pr->setCurve(CurvePlot::Series::Pretrained, m.curve, name);
        m_roc->setCurve(CurvePlot::Series::Pretrained, m.curve, name);
    } else {
        m_pr->setCurve(CurvePlot::Series::Current, m.curve, tr("latest: %1").arg(name));
        m_roc->setCurve(CurvePlot::Series::Current, m.curve, tr("latest: %1").arg(name));
    }
    if (m.best) {
        m_pr->setCurve(CurvePlot::Series::Best, m.curve, tr("best: %1").arg(name));
        m_roc->setCurve(CurvePlot::Series::Best, m.curve, tr("best: %1").arg(name));
        m_confusion->setCurve(m.curve);
        m_confusion->setThreshold(m_liveThreshold);
        m_pr->setThreshold(m_liveThreshold);
        m_roc->setThreshold(m_liveThreshold);
    }
}

void TrainingPage::onFinished(const TrainResult &result)
{
    m_settings->setRunning(false);
    QString text;
    if (result.status == QLatin1String("finished")) {
        text = tr("Run %1 finished in %2 s: best epoch %3, AP %4; %5 items scored.")
                   .arg(result.runId)
                   .arg(result.seconds, 0, 'f', 0)
                   .arg(result.bestEpoch)
                   .arg(result.best.averagePrecision, 0, 'f', 3)
                   .arg(result.scoredItems);
    } else if (result.status == QLatin1String("cancelled")) {
        text = tr("Run %1 cancelled.").arg(result.runId);
    } else {
        text = tr("Run failed: %1").arg(result.error);
    }
    if (!result.unreadable.isEmpty()) {
        // Counted in the status line; each item and its reason in the full text (the status's tooltip).
        text += QLatin1Char('\n')
            + tr("%n item(s) could not be read and were left out:", nullptr, int(result.unreadable.size()));
        for (const UnreadableItem &item : result.unreadable)
            text += QLatin1Char('\n') + item.path + QStringLiteral(": ") + item.reason;
    }
    m_settings->setStatus(text);
    // A threshold picked on the live curves is the user's choice for this run: store it before the run is
    // opened for review, which shows the stored one.
    if (m_livePicked && result.runId > 0 && m_db) {
        m_unsaved = {result.runId, m_liveThreshold};
        saveThreshold();
    }
    m_livePicked = false;
    m_history->reload();
    if (result.status == QLatin1String("finished") && result.runId > 0) {
        openRun(result.runId, /*keepLoss=*/true); // the step losses seen live are not stored: keep them
        m_labeling->refresh();                    // the gallery's scores, filters and sorts now use this run
    } else {
        m_title->setMessage(text);
    }
    m_liveRun = 0;
    Q_EMIT runEnded(result);
}

bool TrainingPage::openRun(qint64 runId, bool keepLoss)
{
    if (!m_db || m_session->isRunning())
        return false;
    saveThreshold();
    RunStore runs(*m_db);
    const std::optional<RunRecord> run = runs.run(runId);
    if (!run)
        return false;
    if (!keepLoss)
        m_loss->clear();
    m_metrics->clear();
    m_pr->clearCurves();
    m_roc->clearCurves();
    QVector<EpochMetrics> epochs;
    for (const QJsonObject &o : runs.epochs(runId))
        epochs << EpochMetrics::fromJson(o);
    for (const EpochMetrics &m : epochs) {
        // A stored run replays its step losses, so it looks as it did live.
        for (qsizetype i = 0; !keepLoss && i < m.stepLosses.size(); ++i)
            m_loss->addStep(StepLoss{m.epoch, int(i), int(m.stepLosses.size()), 0, double(m.stepLosses[i])});
        if (!keepLoss)
            m_loss->addEpoch(m);
        m_metrics->addEpoch(m);
    }
    if (!epochs.isEmpty() && epochs.first().epoch == 0) {
        m_pr->setCurve(CurvePlot::Series::Pretrained, epochs.first().curve, tr("pretrained (epoch 0)"));
        m_roc->setCurve(CurvePlot::Series::Pretrained, epochs.first().curve, tr("pretrained (epoch 0)"));
    }
    if (!epochs.isEmpty() && epochs.last().epoch != run->bestEpoch) {
        const QString name = tr("last: epoch %1").arg(epochs.last().epoch);
        m_pr->setCurve(CurvePlot::Series::Current, epochs.last().curve, name);
        m_roc->setCurve(CurvePlot::Series::Current, epochs.last().curve, name);
    }
    // The best epoch's curve exactly, from the stored per-item scores: what the matrix and the cells use.
    m_reviewRun = runId;
    m_audit.reset();
    m_review = RunReview::load(*m_db, runId);
    if (!m_review)
        return false;
    const PrCurve &best = m_review->curve();
    const QString bestName = TrainSettings::fromJson(run->settings).mode == TrainSettings::Mode::Pretrained
                                 ? tr("pretrained model")
                                 : tr("best: epoch %1").arg(run->bestEpoch);
    m_pr->setCurve(CurvePlot::Series::Best, best, bestName);
    m_roc->setCurve(CurvePlot::Series::Best, best, bestName);
    m_confusion->setCurve(best);
    // A pick that waits for the lock is this run's threshold already.
    const double threshold = m_unsaved.run == runId ? m_unsaved.threshold : run->threshold;
    m_confusion->setThreshold(threshold);
    m_pr->setThreshold(threshold);
    m_roc->setThreshold(threshold);
    updateIntervals();
    m_confusion->setRetrainEnabled(run->status != QLatin1String("running"));
    m_uncertain->setEnabled(true);
    updateSuspectsButton();
    const QString judged = m_review->isCrossValidated()
                               ? tr("%1 — every labeled item judged out-of-sample by %2 folds: %3 items (%4 NSFW, "
                                    "%5 safe)")
                                     .arg(RunHistoryPanel::describe(*run))
                                     .arg(m_review->folds())
                                     .arg(best.positives + best.negatives)
                                     .arg(best.positives)
                                     .arg(best.negatives)
                               : tr("%1 — %2 validation items (%3 NSFW, %4 safe)")
                                     .arg(RunHistoryPanel::describe(*run))
                                     .arg(best.positives + best.negatives)
                                     .arg(best.positives)
                                     .arg(best.negatives);
    const MetricIntervals stored = EpochMetrics::fromJson(run->bestMetrics).intervals;
    const Interval ci = stored.resamples > 0 ? stored.averagePrecision : m_review->intervals(threshold).averagePrecision;
    m_comparison.clear();
    m_title->setMessage(judged + QStringLiteral("  ·  ")
                        + (ci.isValid() ? tr("AP %1 (95 % interval %2–%3)")
                                              .arg(best.averagePrecision, 0, 'f', 3)
                                              .arg(ci.low, 0, 'f', 3)
                                              .arg(ci.high, 0, 'f', 3)
                                        : tr("AP %1").arg(best.averagePrecision, 0, 'f', 3)));
    m_history->setShownRun(runId);
    // Items relabelled since this run are marked in the gallery and counted for "Retrain".
    m_relabelled.clear();
    QVector<qint64> ids;
    ids.reserve(m_review->items().size());
    for (const RunItem &i : m_review->items())
        ids << i.itemId;
    onLabelsChanged(ids);
    return true;
}

bool TrainingPage::compareRuns(qint64 runId, qint64 otherRunId)
{
    if (!openRun(runId))
        return false;
    const std::optional<RunRecord> other = RunStore(*m_db).run(otherRunId);
    if (!other)
        return false;
    const std::optional<RunReview> otherReview = RunReview::load(*m_db, otherRunId);
    if (!otherReview)
        return false;
    const PrCurve &curve = otherReview->curve();
    // The other run's own pretrained line would only repeat this one's when the split is the same.
    m_pr->setCurve(CurvePlot::Series::Compare, curve, RunHistoryPanel::describe(*other));
    m_roc->setCurve(CurvePlot::Series::Compare, curve, RunHistoryPanel::describe(*other));
    m_comparison = compareText(*m_review, *otherReview);
    m_title->setMessage(m_title->message() + QStringLiteral("  ·  ") + tr("compared with run %1").arg(otherRunId)
                        + QLatin1Char('\n') + m_comparison);
    return true;
}

QString TrainingPage::compareText(const RunReview &a, const RunReview &b)
{
    // The intervals stored with a run (its own seed), else bootstrapped now.
    auto ciOf = [](const RunReview &r) {
        const EpochMetrics best = EpochMetrics::fromJson(r.run().bestMetrics);
        return best.intervals.resamples > 0 ? best.intervals.averagePrecision
                                            : r.intervals(r.run().threshold).averagePrecision;
    };
    const double apA = a.curve().averagePrecision;
    const double apB = b.curve().averagePrecision;
    const Interval ciA = ciOf(a);
    const Interval ciB = ciOf(b);
    auto text = [](double ap, const Interval &ci) {
        return ci.isValid() ? QStringLiteral("%1 (%2–%3)").arg(ap, 0, 'f', 3).arg(ci.low, 0, 'f', 3).arg(ci.high, 0, 'f', 3)
                            : QString::number(ap, 'f', 3);
    };
    const QString figures = tr("AP %1 (run %2) vs %3 (run %4), 95 % intervals")
                                .arg(text(apA, ciA))
                                .arg(a.run().id)
                                .arg(text(apB, ciB))
                                .arg(b.run().id);
    if (separable(apA, ciA, apB, ciB))
        return tr("%1: run %2 is better beyond the noise of this evaluation.")
            .arg(figures)
            .arg(apA > apB ? a.run().id : b.run().id);
    return tr("%1: this evaluation is too small to tell the two runs apart (each interval holds the other's AP). "
              "Label more items, or train with folds so every label is judged.")
        .arg(figures);
}

void TrainingPage::onThresholdPicked(double threshold)
{
    if (m_reviewRun == 0 && m_session->isRunning()) {
        m_liveThreshold = threshold; // shown on the live curves now, saved with the run when it ends
        m_livePicked = true;
    }
    m_confusion->setThreshold(threshold);
    m_pr->setThreshold(threshold);
    m_roc->setThreshold(threshold);
    if (m_reviewRun > 0) {
        m_unsaved = {m_reviewRun, threshold};
        m_saveThreshold->start();
    }
}

void TrainingPage::setThreshold(double threshold)
{
    onThresholdPicked(threshold);
    saveThreshold();
    updateIntervals();
}

void TrainingPage::updateIntervals()
{
    // Precision and recall at the picked threshold, with the reviewed run's grouped bootstrap.
    if (m_review)
        m_confusion->setIntervals(m_review->intervals(m_confusion->threshold()));
}

bool TrainingPage::saveThreshold(int waitMs)
{
    m_saveThreshold->stop();
    if (!m_db || m_unsaved.run <= 0)
        return true;
    // Like a label, a threshold never makes the window wait for another writer (a CLI import holding the lock).
    const int timeout = m_db->busyTimeout();
    m_db->setBusyTimeout(waitMs);
    const bool saved = RunStore(*m_db).setThreshold(m_unsaved.run, m_unsaved.threshold);
    m_db->setBusyTimeout(timeout);
    if (!saved) {
        m_saveThreshold->start();
        return false;
    }
    m_unsaved = UnsavedThreshold();
    m_history->reload();
    return true;
}

QVector<qint64> TrainingPage::reviewCell(ConfusionPanel::Cell cell)
{
    QVector<qint64> ids;
    if (!m_db || m_reviewRun <= 0 || !m_review)
        return ids;
    saveThreshold();
    const double t = m_confusion->threshold();
    RunReview::Cell which = RunReview::Cell::TruePositive;
    switch (cell) {
    case ConfusionPanel::Cell::TruePositive: which = RunReview::Cell::TruePositive; break;
    case ConfusionPanel::Cell::FalsePositive: which = RunReview::Cell::FalsePositive; break;
    case ConfusionPanel::Cell::TrueNegative: which = RunReview::Cell::TrueNegative; break;
    case ConfusionPanel::Cell::FalseNegative: which = RunReview::Cell::FalseNegative; break;
    }
    for (const RunItem &i : m_review->cell(which, t))
        ids << i.itemId;
    QString what;
    switch (cell) {
    case ConfusionPanel::Cell::FalsePositive:
        what = tr("false positives (labeled safe, score ≥ %1), highest score first");
        break;
    case ConfusionPanel::Cell::FalseNegative:
        what = tr("false negatives (labeled NSFW, score < %1), lowest score first");
        break;
    case ConfusionPanel::Cell::TruePositive:
        what = tr("true positives (labeled NSFW, score ≥ %1), lowest score first");
        break;
    case ConfusionPanel::Cell::TrueNegative:
        what = tr("true negatives (labeled safe, score < %1), highest score first");
        break;
    }
    // The viewer shows this run's scores when it scored every item.
    const std::optional<RunRecord> run = RunStore(*m_db).run(m_reviewRun);
    if (run && run->status == QLatin1String("finished") && run->settings.value(QStringLiteral("scoreAll")).toBool())
        m_labeling->gallery()->setScoreRun(m_reviewRun);
    m_labeling->gallery()->delegate()->setMarked(m_relabelled);
    m_labeling->showItems(
        ids, tr("Run %1 · %2 · %n item(s)", nullptr, int(ids.size())).arg(m_reviewRun).arg(what.arg(t, 0, 'f', 3)));
    Q_EMIT labelingRequested();
    return ids;
}

void TrainingPage::onLabelsChanged(const QVector<qint64> &ids)
{
    if (!m_db || m_reviewRun <= 0 || ids.isEmpty())
        return;
    if (!m_review)
        return;
    QVector<qint64> mine;
    for (qint64 id : ids) {
        if (m_review->usedLabel(id) >= 0)
            mine << id;
    }
    if (mine.isEmpty())
        return;
    const QSet<qint64> changed = m_review->relabelled(*m_db, mine);
    for (qint64 id : mine) {
        if (changed.contains(id))
            m_relabelled.insert(id);
        else
            m_relabelled.remove(id);
    }
    updateRelabelled();
}

QVector<LabelSuspect> TrainingPage::openSuspects()
{
    if (!m_db || !m_review || m_review->run().status != QLatin1String("finished"))
        return {};
    if (!m_audit)
        m_audit = m_review->audit();
    return m_review->openSuspects(*m_db, *m_audit);
}

void TrainingPage::updateSuspectsButton()
{
    m_openSuspects.clear();
    for (const LabelSuspect &s : openSuspects())
        m_openSuspects << s.itemId;
    showSuspectCount();
}

void TrainingPage::showSuspectCount()
{
    // Labels changed since the last count leave the list without another query. The open suspects carry a badge
    // in the gallery and on a video's timeline strip while their run is reviewed.
    QSet<qint64> suspects;
    for (qint64 id : m_openSuspects) {
        if (!m_relabelled.contains(id))
            suspects.insert(id);
    }
    m_labeling->gallery()->delegate()->setSuspects(suspects);
    m_labeling->viewer()->timelineDelegate()->setSuspects(suspects);
    m_labeling->gallery()->view()->viewport()->update();
    m_labeling->viewer()->timeline()->viewport()->update();
    m_suspects->setEnabled(!suspects.isEmpty());
    m_suspects->setText(m_audit ? tr("Suspected label errors (%1 of about %2)")
                                      .arg(suspects.size())
                                      .arg(m_audit->estimatedErrors)
                                : tr("Suspected label errors"));
}

QVector<qint64> TrainingPage::reviewSuspects()
{
    QVector<qint64> ids;
    const QVector<LabelSuspect> open = openSuspects();
    if (open.isEmpty())
        return ids;
    for (const LabelSuspect &s : open)
        ids << s.itemId;
    const std::optional<RunRecord> run = RunStore(*m_db).run(m_reviewRun);
    if (run && run->status == QLatin1String("finished") && run->settings.value(QStringLiteral("scoreAll")).toBool())
        m_labeling->gallery()->setScoreRun(m_reviewRun);
    m_labeling->gallery()->delegate()->setMarked(m_relabelled);
    const QString scope = m_review->isCrossValidated()
                              ? tr("every label judged out-of-sample by %1 folds").arg(m_review->folds())
                              : tr("only the validation split was judged: train with folds to audit every label");
    m_labeling->showItems(ids, tr("Run %1 · %n suspected label error(s), most suspect first (%2) · relabel with the "
                                  "usual keys, K: the label is right",
                                  nullptr, int(ids.size()))
                                   .arg(m_reviewRun)
                                   .arg(scope));
    m_labeling->setConfirmEnabled(true);
    Q_EMIT labelingRequested();
    return ids;
}

bool TrainingPage::confirmLabels(const QVector<qint64> &ids)
{
    if (!m_db || !m_review || ids.isEmpty())
        return false;
    QString error;
    const int n = LabelStore(*m_db).confirm(ids, m_review->run().model, m_labeling->session()->annotator(), &error);
    if (n < 0) {
        m_labeling->gallery()->showExplicitTitle(tr("The confirmation could not be written: %1").arg(error));
        return false;
    }
    updateSuspectsButton();
    return true;
}

void TrainingPage::updateRelabelled()
{
    if (!m_review)
        updateSuspectsButton();
    else
        showSuspectCount();
    m_confusion->setRelabelled(int(m_relabelled.size()));
    m_labeling->gallery()->delegate()->setMarked(m_relabelled);
    m_labeling->gallery()->view()->viewport()->update();
}

bool TrainingPage::retrain()
{
    if (!m_db || m_reviewRun <= 0)
        return false;
    const std::optional<RunRecord> run = RunStore(*m_db).run(m_reviewRun);
    if (!run)
        return false;
    TrainSettings s = TrainSettings::fromJson(run->settings);
    s.threshold = m_confusion->threshold(); // the operating point chosen since
    m_settings->setSettings(s);
    return startTraining(s);
}

void TrainingPage::reloadRuns()
{
    m_history->reload();
}

void TrainingPage::labelUncertain()
{
    if (!m_db)
        return;
    GalleryPanel *gallery = m_labeling->gallery();
    for (Label l : {Label::None, Label::Safe, Label::Nsfw, Label::Unsure})
        gallery->labelButton(l)->setChecked(l == Label::None);
    const int sortIndex = gallery->sortCombo()->findData(int(ItemSort::Uncertainty));
    gallery->sortCombo()->setCurrentIndex(sortIndex);
    const std::optional<RunRecord> run = RunStore(*m_db).run(m_reviewRun);
    if (run && run->status == QLatin1String("finished") && run->settings.value(QStringLiteral("scoreAll")).toBool())
        gallery->setScoreRun(m_reviewRun);
    Q_EMIT labelingRequested();
}

} // namespace nsfw::ui
