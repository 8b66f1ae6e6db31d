// Auto mode: Trainer::Run tries candidates within the budget and trains the best (see automode.h for the candidates
// and the report).

#include "trainrun_p.h"

#include <QElapsedTimer>

namespace nsfw {

using trainrun::failRun;

void Trainer::Run::useSettings(const TrainSettings &settings)
{
    const bool channelsLast = learner->channelsLast();
    learner->reset(); // the pretrained weights, which the new learner resets to in turn
    s = settings;
    learner = std::make_unique<Learner>(graph, s, profile, channelsLast);
    best = EpochMetrics{};
    bestState.clear();
    bestValScores.clear();
    bestFolds.clear();
    globalStep = 0;
    // Each candidate, and the chosen one's training, draws the same random numbers: the chosen one trains as it did
    // when it was tried.
    torch::manual_seed(s.seed);
}

void Trainer::Run::chooseAutomatically()
{
    const TrainSettings user = s;
    const int folds = set.folds;
    autoReport = automode::Report{};
    autoReport.budgetSeconds = user.budgetMinutes * 60;
    autoReport.crossValidated = folds > 1;
    const QVector<automode::Candidate> list = automode::candidates(user, int(profile.blocks.size()), folds);
    // Trying may take half the budget; the chosen candidate's training, about as long as its trial, the other half.
    trialDeadlineMs = qint64(autoReport.budgetSeconds * 500);
    const QVector<Sample> trainItems = train;
    const QVector<Sample> valItems = val;
    trial = true;
    for (int i = 0; i < list.size() && !cancelled(); ++i) {
        automode::Trial t{list[i].name, list[i].settings.toJson(), QStringLiteral("skipped")};
        if (i > 0 && clock.elapsed() >= trialDeadlineMs) { // the first, cheapest, is always tried
            autoReport.trials.append(t);
            continue;
        }
        QElapsedTimer timer;
        timer.start();
        useSettings(list[i].settings);
        trialStopped = false;
        trialNote = QStringLiteral(" · ") + tr("auto: %1 (%2 of %3)").arg(list[i].name).arg(i + 1).arg(list.size());
        if (folds > 1)
            trainFolds();
        else
            trainOneSplit();
        train = trainItems;
        val = valItems;
        t.status = trialStopped ? QStringLiteral("stopped") : QStringLiteral("tried");
        t.averagePrecision = best.epoch >= 0 ? best.averagePrecision : qQNaN();
        t.bestEpoch = best.epoch;
        t.seconds = timer.elapsed() / 1000.0;
        autoReport.trials.append(t);
    }
    trial = false;
    trialStopped = false;
    trialNote.clear();
    if (cancelled())
        return;
    autoReport.decide();
    if (autoReport.chosen < 0)
        failRun(autoReport.reason);
    useSettings(list[autoReport.chosen].settings);
}

} // namespace nsfw
