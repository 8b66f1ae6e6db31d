// Ensemble runs (TrainSettings::ensemble): once the run's model is trained and written, Trainer::Run trains the
// further members the same way and writes their ensemble as the run's model (modelensemble.h).

#include "common/logging.h"
#include "modelensemble.h"
#include "modelexport.h"
#include "modelexport_p.h"
#include "trainrun_p.h"

#include <QDir>

namespace nsfw {

using trainrun::failRun;

QVector<Sample> Trainer::Run::everySample() const
{
    QVector<Sample> all = train + val + unlabeled;
    std::sort(all.begin(), all.end(), [](const Sample &a, const Sample &b) { return a.itemId < b.itemId; });
    return all;
}

void Trainer::Run::trainEnsemble(const QVector<Sample> &samples, int epochs)
{
    if (s.ensemble < 2 || trial || cancelled() || epochs <= 0 || samples.isEmpty())
        return;
    const QString membersDir = db->cacheDir() + QStringLiteral("/runs/%1/members").arg(runId);
    QStringList dirs;
    // Only the member folders this run wrote are removed, then their parent if nothing else is in it.
    auto removeMembers = [&] {
        for (const QString &dir : std::as_const(dirs))
            QDir(dir).removeRecursively();
        QDir().rmdir(membersDir);
    };
    const QVector<Sample> scored = s.scoreAll ? everySample() : QVector<Sample>();
    QVector<double> sum(scored.size(), 0.0);
    // The current weights are the first member (already the run's checkpoint, which stays so if the run is cancelled).
    auto keep = [&](int member) {
        QString error;
        const QString dir = membersDir + QLatin1Char('/') + QString::number(member);
        if (!writeTfjsModel(base, graph, profile, dir, &error))
            failRun(tr("Cannot write a model of the ensemble: %1").arg(error));
        dirs << dir;
        if (scored.isEmpty())
            return;
        progress(QStringLiteral("scoring") + phaseSuffix, 0, scored.size(), best.epoch);
        const QVector<float> scores = score(scored);
        for (qsizetype i = 0; i < sum.size(); ++i)
            sum[i] += double(scores.value(i, qQNaN()));
    };
    phaseSuffix = QStringLiteral(" · ") + tr("model %1 of %2 of the ensemble").arg(1).arg(s.ensemble);
    keep(1);
    const quint64 seed = s.seed;
    const auto [wPos, wNeg] = lossWeights(samples);
    for (int member = 2; member <= s.ensemble && !cancelled(); ++member) {
        phaseSuffix = QStringLiteral(" · ") + tr("model %1 of %2 of the ensemble").arg(member).arg(s.ensemble);
        // Its own seed: the head's first stage, the order, the augmentation (torch's own draws, dropout and mixup,
        // go on from where the previous member left them).
        s.seed = seed + quint64(member - 1) * 7919u;
        learner->reset();
        if (s.linearHead())
            fitLinearHead(samples);
        learner->start();
        trainHeadFirst(samples);
        std::mt19937 rng(quint32(s.seed) ^ 0x656e7365u);
        for (int epoch = 1; epoch <= epochs && !cancelled(); ++epoch) {
            QVector<float> ignored;
            trainEpoch(samples, epoch, epochs, wPos, wNeg, rng, &ignored);
        }
        learner->swapAverage(); // as the first member's: the average, when averaging
        if (!cancelled())
            keep(member);
    }
    s.seed = seed;
    phaseSuffix.clear();
    if (!cancelled()) {
        QString error;
        const QString checkpoint = db->cacheDir() + QLatin1Char('/') + checkpointRelative();
        if (!writeEnsembleModel(dirs, checkpoint, &error))
            failRun(tr("Cannot write the ensemble: %1").arg(error));
        // Too big a model (many members of a large network trained whole) is refused by the loader's limits: then the
        // run's model goes back to its first member and the run says why.
        ModelError modelError;
        if (!loadKerasGraph(checkpoint, &modelError)) {
            if (!copyModelFolder(dirs.front(), checkpoint, true, &error))
                failRun(tr("The ensemble of %1 models cannot be used (%2), and its first member could not be put "
                           "back as the run's model: %3 (it is kept in %4)")
                            .arg(s.ensemble)
                            .arg(modelError.toString(), error, dirs.front()));
            removeMembers();
            failRun(tr("The ensemble of %1 models cannot be used (%2); the run's model is its first member")
                        .arg(s.ensemble)
                        .arg(modelError.toString()));
        }
        ensembleScores.clear();
        for (qsizetype i = 0; i < scored.size(); ++i)
            ensembleScores.insert(scored[i].itemId, float(sum[i] / s.ensemble));
        qCInfo(lcTrain) << "ensemble of" << s.ensemble << "models written";
    }
    removeMembers();
}

} // namespace nsfw
