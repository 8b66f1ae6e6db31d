// TrainingPage's review of a stored run: opening and comparing runs, the threshold and its intervals, confusion
// cells, suspected label errors and confirmations, relabelled items, retraining and the uncertainty pass. Building
// the page and the live run's session are in trainingpage.cpp.

#include "trainingpage.h"

#include "curveplot.h"
#include "gallery/gallerymodel.h"
#include "gallery/labelsession.h"
#include "gallerydelegate.h"
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
#include "viewerpanel.h"

#include <QComboBox>
#include <QPushButton>
#include <QTimer>
#include <QToolButton>

namespace nsfw::ui {

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
    m_confusion->setVideoMetrics(m_review->videoMetrics());
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
    const Interval ci =
        stored.resamples > 0 ? stored.averagePrecision : m_review->intervals(threshold).averagePrecision;
    m_comparison.clear();
    m_title->setMessage(judged + QStringLiteral("  ·  ") +
                        (ci.isValid() ? tr("AP %1 (95 % interval %2–%3)")
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
    m_title->setMessage(m_title->message() + QStringLiteral("  ·  ") + tr("compared with run %1").arg(otherRunId) +
                        QLatin1Char('\n') + m_comparison);
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
        return ci.isValid()
                   ? QStringLiteral("%1 (%2–%3)").arg(ap, 0, 'f', 3).arg(ci.low, 0, 'f', 3).arg(ci.high, 0, 'f', 3)
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
    case ConfusionPanel::Cell::TruePositive:
        which = RunReview::Cell::TruePositive;
        break;
    case ConfusionPanel::Cell::FalsePositive:
        which = RunReview::Cell::FalsePositive;
        break;
    case ConfusionPanel::Cell::TrueNegative:
        which = RunReview::Cell::TrueNegative;
        break;
    case ConfusionPanel::Cell::FalseNegative:
        which = RunReview::Cell::FalseNegative;
        break;
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
    m_suspects->setText(
        m_audit ? tr("Suspected label errors (%1 of about %2)").arg(suspects.size()).arg(m_audit->estimatedErrors)
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
