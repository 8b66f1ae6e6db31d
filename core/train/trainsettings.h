#pragma once

#include "common/types.h"
#include "train/bootstrap.h"
#include "train/metrics.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QMetaType>
#include <QString>

namespace nsfw {

/// Everything a training run is configured by; stored with the run as JSON so "Retrain" repeats it.
struct TrainSettings {
    Q_DECLARE_TR_FUNCTIONS(nsfw::TrainSettings)

public:
    /// Auto: Trainer tries candidates (head; partial with few and with more blocks; full; each with its own rate)
    /// on the run's split or folds within budgetMinutes, keeps the best by validation AP (pooled out-of-fold AP when
    /// cross-validated), and trains that one; the run records the candidates and why (automode.h).
    enum class Mode { Pretrained, Head, Partial, Full, Auto };
    Mode mode = Mode::Head;
    int blocks = 6;             ///< partial: the last k backbone blocks (and the final convolution) are retrained
    /// 0 = the mode's default: head 30 (an epoch on cached features takes a fraction of a second, and a head
    /// that starts from the pretrained five-class judgement needs about 15-20 of them on a new task), partial and
    /// full 10.
    int epochs = 0;
    double learningRate = 0;    ///< 0 = the mode's default (head 1e-3, partial 1e-4, full 5e-5)
    double weightDecay = 1e-4;
    int batchSize = 32;
    int patience = 3;           ///< early stopping: epochs improving neither validation AP nor loss (EarlyStopping)
    quint64 seed = 1;
    double validationFraction = 0.2;
    /// Cross-validation: k models on grouped, stratified folds give every labeled item an out-of-sample score, and
    /// the run's model is then trained on all labels for the epochs the folds chose. 1 = one split
    /// (validationFraction); 0 = the mode's default (head 5, partial and full 1).
    int folds = 0;
    QString optimizer = QStringLiteral("adamw"); ///< adamw or sgd (momentum 0.9)
    bool freezeBatchNorm = true; ///< keep BatchNorm statistics and affine parameters as pretrained
    bool augment = true;        ///< random resized crop, flip, colour jitter (partial and full)
    bool balance = true;        ///< weight the loss so both classes count equally
    bool inheritVideoLabels = true; ///< frames without a label of their own take their video's label
    double threshold = 0.5;     ///< decision threshold for the confusion matrix and F1
    bool scoreAll = true;       ///< after training, score every image and frame (for the gallery)
    // Recipes (issue 14; each off by default until the benchmark's proxy task shows it helps: so far the cosine
    // schedule in partial and full, and the refit):
    /// Learning rate over the steps: constant, or cosine (recipe.h); empty = the mode's default (effectiveSchedule).
    QString schedule;
    double warmup = 0.1;        ///< cosine: the share of the steps the rate rises linearly from 0
    /// partial and full: each block down the backbone learns at this times the rate of the one above (1: all at the
    /// base rate; the head keeps ten times it)
    double layerDecay = 1.0;
    double labelSmoothing = 0;  ///< targets y (1 - e) + e / 2 instead of 0 and 1
    /// Weight averaging: an exponential moving average of the trained weights, updated after every step with this
    /// decay (warmed up as min(decay, (1 + t) / (10 + t)) at step t), is what each epoch is judged by and what the
    /// run keeps; 0 = off (the weights as trained).
    double emaDecay = 0;
    /// Mixup: each batch trains on x' = l x + (1 - l) x[perm] against l y + (1 - l) y[perm], l ~ Beta(a, a) drawn per
    /// batch (pictures in partial and full, features in head mode); 0 = off.
    double mixup = 0;
    /// Test-time flip averaging (partial and full): every score of the run, and of its model wherever it is used
    /// (predict, the exports' profile and metadata), is the mean of the picture's and its mirror image's. Head mode
    /// scores cached features of the pictures as they are, so it has none.
    bool flipAverage = false;
    /// Partial and full with one validation split: once the split has chosen the best epoch, the run's model trains
    /// again from the pretrained weights on every label (the validation items too) for that many epochs, as a
    /// cross-validated run's final model does. The run's record stays the split's: its validation items are judged by
    /// the model that did not see them. Off: the run's model is the split's best epoch.
    bool refit = true;
    /// partial and full: gradual unfreezing's first stage. The head alone trains this many epochs on the pretrained
    /// backbone's features (on each fold's own training items, and again for the final model) before the blocks
    /// train under it; -1 = the default (kDefaultHeadEpochs), 0 = off. The head starts from the pretrained five-class
    /// judgement, so without it the blocks' first steps follow the gradients of a head that is still wrong.
    int headEpochs = -1;
    static constexpr int kDefaultHeadEpochs = 15;
    /// The head trained: "model" (the model's own, nsfwjs's 256-128-5 MLP from its pretrained weights), or "linear"
    /// (LP-FT: the layers after the features replaced by one linear layer onto two classes, fitted first as a
    /// logistic-regression probe on the frozen features, linearprobe.h, and then trained with the blocks under it; the
    /// run's model has that head, and its profile the classes Safe and NSFW).
    QString head = QStringLiteral("model");
    bool linearHead() const { return head == QLatin1String("linear"); }
    /// Partial and full: the run's model is an ensemble of this many models (1: one). Once the run's model is trained,
    /// each further member trains the same way (on the same items, for the same epochs) from the pretrained weights
    /// with its own seed; the model written averages the members' outputs (modelensemble.h: the frozen layers are
    /// kept once), and every score of the run is the members' mean. It costs a member's training and scoring per
    /// member, and the model's size and inference time grow with the members' share of the layers.
    int ensemble = 1;
    static constexpr int kMaxEnsemble = 8;
    /// The schedule set, else the mode's: cosine in partial and full (measured on the proxy task, MobileNetV2 partial: the
    /// mean held-out AP over five seeds 0.792 against a constant rate's 0.753), constant in head mode (whose defaults the label
    /// audit was measured with).
    QString effectiveSchedule() const;
    double budgetMinutes = 10;  ///< auto: the time the whole run may take, candidates and the chosen one's training
    QString modelDir;           ///< pretrained model folder; empty = the installed mobilenet_v2
    int threads = 0;            ///< torch threads; 0 = all cores
    /// Big JPEGs decoded at reduced scale (Preprocessing::fastDecode, predict --fast-decode): the run trains and
    /// scores on the pictures a fast predict sees, not nsfwjs's.
    bool fastDecode = false;

    double effectiveLearningRate() const;
    int effectiveEpochs() const;
    /// The head-first epochs this run trains (0 in head and pretrained modes, where the head is all that trains).
    int effectiveHeadEpochs() const;
    int effectiveFolds() const;
    static QString modeName(Mode mode);
    static bool parseMode(const QString &text, Mode *mode);
    QJsonObject toJson() const;
    static TrainSettings fromJson(const QJsonObject &o);
    /// Empty when the settings make sense; else a message naming the bad value.
    QString validate() const;
};

/// The results of one epoch on the validation set (epoch 0: the pretrained model, before any training).
struct EpochMetrics {
    int epoch = 0;
    double trainLoss = qQNaN(); ///< mean over the epoch's steps; NaN for epoch 0
    double validationLoss = 0;
    double averagePrecision = 0;
    double rocAuc = 0;
    ConfusionMatrix confusion;  ///< at the run's threshold
    PrCurve curve;              ///< validation precision-recall / ROC curve
    QVector<float> stepLosses;  ///< the loss of every training step of the epoch, in order
    MetricIntervals intervals;  ///< bootstrap intervals (the best epoch's, at the end of a run); resamples 0: none
    double seconds = 0;
    bool best = false;

    QJsonObject toJson() const;
    static EpochMetrics fromJson(const QJsonObject &o);
};

/// When a run stops early: after `patience` epochs in which neither the validation AP beat the best epoch's nor the
/// validation loss went below its lowest so far (0: never). Watching the loss as well keeps a run going while it is
/// still learning: on a new task the first epoch's AP can jump and then dip for a few epochs while the head unlearns
/// the pretrained judgement, and a rule on AP alone stopped such runs at that first epoch.
class EarlyStopping
{
public:
    explicit EarlyStopping(int patience)
        : m_patience(patience)
    {
    }
    /// Takes each epoch's metrics in order, epoch 0 included (it only sets the marks); true: stop after this one.
    bool stopAfter(const EpochMetrics &m);
    int epochsWithoutProgress() const { return m_since; }

private:
    int m_patience;
    int m_since = 0;
    double m_lowestLoss = qInf();
};

/// The loss of one optimizer step, for the live plot.
struct StepLoss {
    int epoch = 0;
    int step = 0;        ///< within the epoch
    int stepsPerEpoch = 0;
    qint64 globalStep = 0;
    double loss = 0;
    double learningRate = 0; ///< the base rate of the step (the backbone's top block; head mode: the head's)
};

/// Where a run is: phase ("preparing", "features", "training", "evaluating", "scoring"), counts, ETA.
struct TrainProgress {
    QString phase;
    qint64 done = 0;
    qint64 total = 0;
    int epoch = 0;
    double etaSeconds = -1; ///< whole run; -1 when unknown
};

/// How a run ended.
struct TrainResult {
    qint64 runId = 0;
    QString status; ///< finished, cancelled, failed
    QString error;
    int bestEpoch = -1;
    EpochMetrics best;
    qint64 trainItems = 0;
    qint64 validationItems = 0; ///< judged out-of-sample: the validation split, or every labeled item (folds)
    int folds = 1;              ///< the folds used (fewer than asked when a class has fewer groups)
    qint64 scoredItems = 0;
    QVector<UnreadableItem> unreadable; ///< items left out because they could not be read
    qint64 featuresFromProject = 0;     ///< backbone features read from the project (written by workers), not computed
    double seconds = 0;
    QJsonObject autoReport; ///< auto mode: what it tried and why it chose (automode::Report::toJson); else empty
};

} // namespace nsfw

Q_DECLARE_METATYPE(nsfw::EpochMetrics)
Q_DECLARE_METATYPE(nsfw::StepLoss)
Q_DECLARE_METATYPE(nsfw::TrainProgress)
Q_DECLARE_METATYPE(nsfw::TrainResult)
