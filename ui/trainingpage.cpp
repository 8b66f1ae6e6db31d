// The "Train and review" page: building it, the project it shows and the live run's session. The review of a
// stored run (threshold, cells, suspects, comparison, retraining) is in trainingpagereview.cpp.

#include "trainingpage.h"

#include "common/logging.h"
#include "curveplot.h"
#include "gallery/labelsession.h"
#include "labelingpage.h"
#include "lossplot.h"
#include "messagelabel.h"
#include "metricsplot.h"
#include "runhistorypanel.h"
#include "store/projectdatabase.h"
#include "train/trainingsession.h"
#include "trainsettingspanel.h"

#include <QGridLayout>
#include <QPushButton>
#include <QSplitter>
#include <QTimer>
#include <QVBoxLayout>

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
    connect(m_labeling, &LabelingPage::confirmRequested, this,
            [this](const QVector<qint64> &ids) { confirmLabels(ids); });
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
    m_confusion->setVideoMetrics(VideoMetrics());
    m_confusion->setCurve(PrCurve());
    m_title->setMessage(db ? tr("No run yet: choose the settings and press Train.") : QString());
    m_settings->setStatus(QString());
    m_settings->setRefusal(db ? db->refusal(ProjectDatabase::Action::Train) : QString());
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
    m_confusion->setVideoMetrics(VideoMetrics());
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
        text += QLatin1Char('\n') +
                tr("%n item(s) could not be read and were left out:", nullptr, int(result.unreadable.size()));
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

} // namespace nsfw::ui
