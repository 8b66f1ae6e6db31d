#pragma once
// Torch-side header: only for the training room's .cpp files.
//
// The state and steps of one Trainer::run(), shared by its two files: trainrun.cpp is the recorder side (the model,
// scoring, metrics, checkpoints and the run's rows), trainer.cpp the training loops and Trainer itself.

#include "automode.h"
#include "featurecache.h"
#include "learner.h"
#include "media/mediacache.h"
#include "model/kerasgraph.h"
#include "store/projectdatabase.h"
#include "store/runlock.h"
#include "store/runstore.h"
#include "trainer.h"
#include "trainingdata.h"

#include <QElapsedTimer>
#include <QString>
#include <QVector>

#include <memory>
#include <random>
#include <string>
#include <utility>

namespace nsfw {

namespace trainrun {

/// Ends a run as "failed" with this message: thrown by the run's steps, caught in Trainer::run().
struct RunFailure {
    QString message;
};

[[noreturn]] inline void failRun(const QString &message)
{
    throw RunFailure{message};
}

} // namespace trainrun

struct Trainer::Run {
    Run(Trainer &trainer, const TrainSettings &settings)
        : q(trainer)
        , s(settings)
    {
    }

    Trainer &q;
    TrainSettings s;
    std::unique_ptr<ProjectDatabase> db;
    std::unique_ptr<MediaCache> cache;
    std::unique_ptr<RunStore> runs;
    std::unique_ptr<RunLock> lock;
    QString modelDir;
    TfjsModel base;
    ModelProfile profile; ///< base's profile, completed from the model
    std::unique_ptr<Learner> learner;
    KerasGraph graph{nullptr};
    std::string featureLayer;
    int64_t height = 224;
    int64_t width = 224;
    qint64 runId = 0;
    TrainingSet set;
    QVector<Sample> &train = set.train;
    QVector<Sample> &val = set.validation;
    QVector<Sample> &unlabeled = set.unlabeled;
    std::unique_ptr<ModelInputs> inputs;
    std::unique_ptr<FeatureCache> featureStore;
    QElapsedTimer clock;
    qint64 globalStep = 0;
    torch::Tensor valInputs; ///< partial/full: validation inputs, preprocessed once
    Learner::State bestState;
    EpochMetrics best;
    QVector<float> bestValScores;
    /// Cross-validated runs: the fold of each item in `val` order when the best epoch's scores are recorded.
    QVector<int> bestFolds;
    QString phaseSuffix;  ///< " · fold 2 of 5" while a fold trains
    qint64 trainedOn = 0; ///< items the run's model was trained on
    bool refitted = false; ///< a one-split run's model was trained again on every label (refitOnAll)
    /// An ensemble run: every item's score, the mean of the members' (trainEnsemble); empty otherwise.
    QHash<qint64, float> ensembleScores;
    int lastEpoch = 0;     ///< the last epoch a one-split run trained
    // Auto mode (trainauto.cpp): a candidate trains as a trial, which records nothing (no epochs, checkpoint or
    // epoch signals) and stops when the run's clock passes trialDeadlineMs.
    bool trial = false;
    bool trialStopped = false;
    qint64 trialDeadlineMs = -1;
    QString trialNote; ///< " · auto: partial, 6 blocks (3 of 4)" after every phase while a candidate is tried
    automode::Report autoReport;

    bool head() const { return s.mode == TrainSettings::Mode::Head; }
    /// Input layout matching the weights' (see useChannelsLast).
    at::MemoryFormat inputFormat() const { return learner->inputFormat(); }
    bool cancelled() const { return q.m_cancel.load(); }

    void progress(const QString &phase, qint64 done, qint64 total, int epoch, double eta = -1)
    {
        Q_EMIT q.progress(TrainProgress{trial ? phase + trialNote : phase, done, total, epoch, eta});
    }
    /// A trial past its deadline (then trialStopped stays set until the next candidate).
    bool trialOutOfTime()
    {
        if (trial && trialDeadlineMs >= 0 && clock.elapsed() > trialDeadlineMs)
            trialStopped = true;
        return trialStopped;
    }

    // ---- model (trainrun.cpp) ------------------------------------------------------------------------

    void loadModel();
    /// The features of head mode and head-first training: this machine's cache, then the project's (workers').
    void openFeatureStore();

    // ---- scoring (trainrun.cpp) ----------------------------------------------------------------------

    /// p(nsfw) of samples with the current weights (eval mode).
    QVector<float> score(const QVector<Sample> &samples, const torch::Tensor &preparedInputs = {});
    /// The metrics of scores against their samples' labels (an epoch's validation, or the pooled out-of-fold scores).
    EpochMetrics metricsOf(int epoch, const QVector<Sample> &samples, const QVector<float> &scores, double trainLoss,
                           double seconds, const QVector<float> &stepLosses) const;
    /// Best by AP; the first epoch (the pretrained model) is the baseline to beat.
    bool isBetter(const EpochMetrics &m) const;
    /// Records an epoch of a one-split run: its validation metrics, and the weights when it is the best so far.
    EpochMetrics evaluate(int epoch, double trainLoss, double seconds, const QVector<float> &stepLosses = {});

    QString checkpointRelative() const { return QStringLiteral("runs/%1/model").arg(runId); }

    /// Writes the current weights as the run's model and the best epoch's per-item results.
    void writeCheckpoint();
    /// Stores the best epoch's metrics and per-item results (the model files are written by writeCheckpoint).
    void recordBest();
    /// Scores with their labels and groups as the bootstrap takes them: a video's frames form one group, as the split
    /// keeps them together.
    static QVector<ScoredItem> scoredItems(const QVector<Sample> &samples, const QVector<float> &scores);
    qint64 scoreEverything();

    // ---- training (trainer.cpp) ----------------------------------------------------------------------

    /// One epoch over `samples` (shuffled), with the learner's step on each batch; the mean loss.
    double trainEpoch(const QVector<Sample> &samples, int epoch, int epochs, double positiveWeight,
                      double negativeWeight, std::mt19937 &rng, QVector<float> *stepLosses);
    /// Loss weights that make both classes of `samples` count equally (1, 1 without balancing).
    std::pair<double, double> lossWeights(const QVector<Sample> &samples) const;
    /// Gradual unfreezing's first stage (TrainSettings::headEpochs): the head alone trains on the pretrained
    /// backbone's cached features of `samples`, through a head-mode learner on the same network, at the rate the head
    /// has in this mode. Leaves the main learner's layers trainable as its mode wants.
    void trainHeadFirst(const QVector<Sample> &samples);
    /// LP-FT's first stage (TrainSettings::head "linear"): the linear head set to a logistic-regression probe fitted on
    /// the pretrained backbone's cached features of `samples` (linearprobe::fit, C by cross-validated AP).
    void fitLinearHead(const QVector<Sample> &samples);
    /// Auto mode: tries each candidate (automode::candidates) as a trial on the run's split or folds, cheapest first,
    /// while half the budget lasts (the chosen one's training takes about as long as its trial), decides by AP
    /// (autoReport) and leaves the chosen candidate's settings and a fresh learner in place.
    void chooseAutomatically();
    /// The settings a candidate (or the chosen one) trains with: back to the pretrained weights, a learner of them,
    /// the best epoch forgotten.
    void useSettings(const TrainSettings &settings);
    /// A one-split run: train on `train`, judge each epoch on `val`, keep the best epoch's weights.
    void trainOneSplit();
    /// Whether a one-split run trains its model again on every label (TrainSettings::refit): not for trials, head
    /// mode or a run whose best epoch is the pretrained model; in auto mode only when the estimate fits the budget.
    bool refitWanted(double splitSeconds) const;
    /// The run's model from the pretrained weights on train + val, best.epoch epochs (the head first, or the linear
    /// head's probe, on all of them too), then written as the run's model; the record stays the split's.
    void refitOnAll();
    /// A cross-validated run, epoch by epoch: each fold's model trains from the pretrained weights on the other
    /// folds and then scores its own fold; once every fold has done an epoch, the pooled out-of-fold scores give that
    /// epoch's metrics (shown live, and early stopping watches their AP and loss). The epoch with the best pooled AP is
    /// the run's best; its out-of-fold scores are what the run's metrics and review use, and the run's model is then
    /// trained on every labeled item for that many epochs.
    void trainFolds();

    // ---- ensembles (trainensemble.cpp) ---------------------------------------------------------------

    /// Train, val and unlabeled together, by item id (what scoreEverything scores).
    QVector<Sample> everySample() const;
    /// With TrainSettings::ensemble above 1, after the run's model is written: trains the further members on
    /// `samples` for `epochs` as the run's model was trained, each with its own seed, scores every item with each
    /// member (ensembleScores: their mean) and writes the ensemble as the run's model. Cancelled: the run's model
    /// stays the first member.
    void trainEnsemble(const QVector<Sample> &samples, int epochs);
};

} // namespace nsfw
