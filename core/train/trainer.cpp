#include "trainer.h"
#include "trainrun_p.h"

#include "common/logging.h"
#include "media/nearduplicates.h"
#include "model/classifier.h"
#include "model/linearhead.h"
#include "train/linearprobe.h"
#include "train/recipe.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QtConcurrent/QtConcurrentMap>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <random>

namespace nsfw {

using trainrun::failRun;
using trainrun::RunFailure;

namespace {

constexpr int kTrainCacheShortSide = 320;

} // namespace

// Trainer::Run's training loops here; its recorder side (the model, scoring, checkpoints, the run's rows) is in
// trainrun.cpp.

// ---- training -------------------------------------------------------------------------------------

double Trainer::Run::trainEpoch(const QVector<Sample> &samples, int epoch, int epochs, double positiveWeight,
                                double negativeWeight, std::mt19937 &rng, QVector<float> *stepLosses)
{
    learner->trainMode();
    std::vector<int64_t> order(size_t(samples.size()));
    std::iota(order.begin(), order.end(), 0);
    std::shuffle(order.begin(), order.end(), rng);
    const int batch = s.batchSize;
    const int steps = int((order.size() + size_t(batch) - 1) / size_t(batch));
    const torch::Tensor trainX = head() ? inputs->stackFeatures(samples) : torch::Tensor();
    const torch::Tensor trainY = labelsOf(samples);
    const recipe::Schedule schedule{s.effectiveSchedule(), s.warmup};

    // Partial/full: the next batch is augmented on the pool while this one trains.
    auto makeBatch = [this, &order, &samples, batch](int step, quint32 seed) {
        std::mt19937 local(seed);
        std::vector<quint32> seeds;
        const size_t from = size_t(step) * size_t(batch);
        const size_t to = std::min(order.size(), from + size_t(batch));
        for (size_t i = from; i < to; ++i)
            seeds.push_back(local());
        QVector<int> idx;
        for (size_t i = from; i < to; ++i)
            idx.append(int(i));
        const QList<torch::Tensor> prepared = QtConcurrent::blockingMapped(&inputs->pool(), idx, [&](int i) {
            std::mt19937 r(seeds[size_t(i) - from]);
            const cv::Mat &picture = inputs->picture(samples[order[size_t(i)]].itemId);
            const cv::Mat aug = s.augment ? augment(picture, r) : picture;
            return toModelInput(aug, profile.input);
        });
        return torch::stack(std::vector<torch::Tensor>(prepared.begin(), prepared.end())).contiguous(inputFormat());
    };
    QFuture<torch::Tensor> next;
    if (!head())
        next = QtConcurrent::run([&, seed = rng()] { return makeBatch(0, seed); });

    double sum = 0;
    int done = 0;
    QElapsedTimer timer;
    timer.start();
    for (int step = 0; step < steps; ++step) {
        if (cancelled() || trialOutOfTime())
            break;
        const size_t from = size_t(step) * size_t(batch);
        const size_t to = std::min(order.size(), from + size_t(batch));
        const torch::Tensor idx = torch::from_blob(order.data() + from, {int64_t(to - from)}, torch::kLong).clone();
        torch::Tensor x;
        if (head()) {
            x = trainX.index_select(0, idx);
        } else {
            x = next.result();
            if (step + 1 < steps)
                next = QtConcurrent::run([&, step, seed = rng()] { return makeBatch(step + 1, seed); });
        }
        // The schedule spans the training's epochs (a fold's, or the final fit's), each step its own rate.
        learner->setScheduleFactor(schedule.factor((epoch - 1) * steps + step, epochs * steps));
        const double value = learner->step(x, trainY.index_select(0, idx), positiveWeight, negativeWeight);
        sum += value;
        stepLosses->append(float(value));
        ++done;
        ++globalStep;
        Q_EMIT q.stepLoss(StepLoss{epoch, step, steps, globalStep, value,
                                   s.effectiveLearningRate() * schedule.factor((epoch - 1) * steps + step,
                                                                               epochs * steps)});
        const double perStep = timer.elapsed() / 1000.0 / done;
        if (!head() || step % 50 == 0)
            progress(QStringLiteral("training") + phaseSuffix, step + 1, steps, epoch,
                     perStep * (steps - step - 1) + perStep * steps * (epochs - epoch));
    }
    if (next.isRunning())
        next.waitForFinished();
    return done > 0 ? sum / done : qQNaN();
}

std::pair<double, double> Trainer::Run::lossWeights(const QVector<Sample> &samples) const
{
    qint64 nsfw = 0;
    for (const Sample &x : samples)
        nsfw += x.label;
    if (!s.balance || nsfw == 0 || nsfw == samples.size())
        return {1.0, 1.0};
    return {double(samples.size()) / (2.0 * double(nsfw)),
            double(samples.size()) / (2.0 * double(samples.size() - nsfw))};
}

void Trainer::Run::trainHeadFirst(const QVector<Sample> &samples)
{
    const int epochs = s.effectiveHeadEpochs();
    if (epochs == 0 || samples.isEmpty() || cancelled())
        return;
    TrainSettings headSettings = s;
    headSettings.mode = TrainSettings::Mode::Head;
    headSettings.learningRate = s.effectiveLearningRate() * 10; // the head's rate in partial and full modes
    headSettings.emaDecay = 0; // the blocks' training starts from the head as trained
    Learner headLearner(learner->graph(), headSettings, profile, learner->channelsLast());
    headLearner.start();
    const torch::Tensor x = inputs->stackFeatures(samples);
    const torch::Tensor y = labelsOf(samples);
    const auto [wPos, wNeg] = lossWeights(samples);
    std::mt19937 rng(quint32(s.seed) ^ 0x68656164u);
    std::vector<int64_t> order(size_t(samples.size()));
    std::iota(order.begin(), order.end(), 0);
    const size_t batch = size_t(s.batchSize);
    for (int epoch = 1; epoch <= epochs && !cancelled(); ++epoch) {
        headLearner.trainMode();
        std::shuffle(order.begin(), order.end(), rng);
        for (size_t from = 0; from < order.size(); from += batch) {
            const size_t to = std::min(order.size(), from + batch);
            const torch::Tensor idx =
                torch::from_blob(order.data() + from, {int64_t(to - from)}, torch::kLong).clone();
            headLearner.step(x.index_select(0, idx), y.index_select(0, idx), wPos, wNeg);
        }
        progress(QStringLiteral("head first") + phaseSuffix, epoch, epochs, 0);
    }
    learner->restoreTrainable();
}

void Trainer::Run::fitLinearHead(const QVector<Sample> &samples)
{
    if (samples.isEmpty() || cancelled())
        return;
    progress(QStringLiteral("fitting the linear head") + phaseSuffix, 0, 0, 0);
    const auto [wPos, wNeg] = lossWeights(samples);
    const linearprobe::Fit fit =
        linearprobe::fit(inputs->stackFeatures(samples), labelsOf(samples), wPos, wNeg, s.seed);
    // Two softmax units whose difference of logits is the probe's: p(NSFW) = sigmoid(x . w + b).
    torch::NoGradGuard noGrad;
    const torch::Tensor half = fit.weight * 0.5;
    const std::string layer = linearhead::kLayer;
    graph->setKerasWeight(layer + "/kernel", torch::stack({-half, half}, 1));
    graph->setKerasWeight(layer + "/bias", torch::tensor({float(-fit.bias / 2), float(fit.bias / 2)}));
    qCInfo(lcTrain) << "linear head fitted on" << samples.size() << "items: C" << fit.c << "cross-validated AP"
                    << fit.cvAp;
}

void Trainer::Run::trainOneSplit()
{
    QElapsedTimer splitTimer;
    splitTimer.start();
    lastEpoch = 0;
    QElapsedTimer epochTimer;
    epochTimer.start();
    EarlyStopping stopping(s.patience);
    // LP-FT: epoch 0 is the probe's judgement, the start the blocks train from.
    if (s.linearHead())
        fitLinearHead(train);
    stopping.stopAfter(evaluate(0, qQNaN(), epochTimer.elapsed() / 1000.0));
    const int epochs = s.effectiveEpochs();
    if (epochs == 0)
        return;
    learner->start();
    trainHeadFirst(train);
    std::mt19937 rng(quint32(s.seed));
    for (int epoch = 1; epoch <= epochs && !cancelled() && !trialStopped; ++epoch) {
        epochTimer.restart();
        QVector<float> stepLosses;
        const double loss = trainEpoch(train, epoch, epochs, set.positiveWeight, set.negativeWeight, rng, &stepLosses);
        if (cancelled())
            break;
        lastEpoch = epoch;
        // A trial stopped by the budget is judged as far as it got; with weight averaging, by the average (which is
        // then what the best epoch keeps).
        Learner::Averaged averaged(*learner);
        if (stopping.stopAfter(evaluate(epoch, loss, epochTimer.elapsed() / 1000.0, stepLosses))) {
            qCInfo(lcTrain) << "early stop after epoch" << epoch;
            break;
        }
    }
    learner->restore(bestState);
    if (refitWanted(splitTimer.elapsed() / 1000.0))
        refitOnAll();
}

bool Trainer::Run::refitWanted(double splitSeconds) const
{
    if (!s.refit || trial || cancelled() || head() || best.epoch <= 0 || val.isEmpty() || train.isEmpty())
        return false;
    if (autoReport.budgetSeconds <= 0)
        return true;
    // Auto mode: only when it fits in what is left of the budget. The refit trains best.epoch epochs on every label,
    // at the split's pace.
    const double perEpoch = splitSeconds / std::max(1, lastEpoch);
    const double estimate = perEpoch * best.epoch * double(train.size() + val.size()) / double(train.size());
    const bool fits = clock.elapsed() / 1000.0 + estimate <= autoReport.budgetSeconds;
    if (!fits)
        qCInfo(lcTrain) << "auto: no time left for the final model on all labels; keeping the split's";
    return fits;
}

void Trainer::Run::refitOnAll()
{
    // The validation pictures join the training ones: kept shrunk for augmentation, and with features for the head's
    // first stage.
    QVector<Sample> added = val;
    inputs->preparePictures(added, kTrainCacheShortSide);
    if ((s.effectiveHeadEpochs() > 0 || s.linearHead()) && featureStore) {
        inputs->computeFeatures(graph, featureLayer, inputFormat(), added, *featureStore);
        inputs->keepWithFeatures(added);
    }
    const QVector<Sample> all = train + added;
    if (cancelled())
        return;
    phaseSuffix = QStringLiteral(" · ") + tr("final model on all labels");
    learner->reset();
    if (s.linearHead())
        fitLinearHead(all);
    learner->start();
    trainHeadFirst(all);
    const auto [wPos, wNeg] = lossWeights(all);
    std::mt19937 rng(quint32(s.seed) ^ 0x72656669u);
    for (int epoch = 1; epoch <= best.epoch && !cancelled(); ++epoch) {
        QVector<float> ignored;
        trainEpoch(all, epoch, best.epoch, wPos, wNeg, rng, &ignored);
    }
    learner->swapAverage(); // the weights the split was judged by: the average, when averaging
    phaseSuffix.clear();
    if (cancelled()) // the checkpoint stays the split's best epoch
        return;
    refitted = true;
    trainedOn = all.size();
    writeCheckpoint();
    qCInfo(lcTrain) << "final model trained on" << all.size() << "items for" << best.epoch << "epochs";
    trainEnsemble(all, best.epoch);
}

void Trainer::Run::trainFolds()
{
    const int k = set.folds;
    const QVector<Sample> all = train;
    QVector<QVector<Sample>> fit(k), held(k);
    QVector<QVector<qsizetype>> heldAt(k);
    for (qsizetype i = 0; i < all.size(); ++i) {
        for (int f = 0; f < k; ++f) {
            if (all[i].fold == f) {
                held[f].append(all[i]);
                heldAt[f].append(i);
            } else {
                fit[f].append(all[i]);
            }
        }
    }
    QVector<float> bestScores;
    // The metrics of one epoch's out-of-fold scores (items a fold could not score are left out).
    auto pooled = [&](int epoch, const QVector<float> &scores, double loss, double seconds,
                      const QVector<float> &stepLosses) {
        QVector<Sample> judged;
        QVector<float> judgedScores;
        for (qsizetype i = 0; i < all.size(); ++i) {
            if (!std::isnan(scores[i])) {
                judged.append(all[i]);
                judgedScores.append(scores[i]);
            }
        }
        EpochMetrics m = metricsOf(epoch, judged, judgedScores, loss, seconds, stepLosses);
        m.best = isBetter(m);
        if (m.best) {
            best = m;
            bestScores = scores;
        }
        if (!trial) {
            runs->addEpoch(runId, epoch, m.toJson());
            Q_EMIT q.epochFinished(m);
        }
        return m;
    };

    QElapsedTimer timer;
    timer.start();
    const bool linear = s.linearHead();
    QVector<float> firstScores;
    if (linear) {
        // LP-FT: each fold's model starts from a probe fitted on its own training items; epoch 0 is their
        // out-of-fold judgement.
        learner->startFolds(k);
        firstScores = QVector<float>(all.size(), qQNaN());
        for (int f = 0; f < k && !cancelled(); ++f) {
            phaseSuffix = QStringLiteral(" · ") + tr("fold %1 of %2").arg(f + 1).arg(k);
            learner->useFold(f);
            fitLinearHead(fit[f]);
            const QVector<float> heldScores = score(held[f]);
            for (qsizetype i = 0; i < held[f].size(); ++i)
                firstScores[heldAt[f][i]] = heldScores.value(i, qQNaN());
        }
        phaseSuffix.clear();
    } else {
        progress(QStringLiteral("evaluating"), 0, all.size(), 0);
        firstScores = score(all);
    }
    EarlyStopping stopping(s.patience);
    stopping.stopAfter(pooled(0, firstScores, qQNaN(), timer.elapsed() / 1000.0, {}));

    std::mt19937 rng(quint32(s.seed));
    QVector<QPair<double, double>> weights;
    for (int f = 0; f < k; ++f) {
        const auto [wPos, wNeg] = lossWeights(fit[f]);
        weights.append({wPos, wNeg});
    }
    const int epochs = s.effectiveEpochs();
    if (epochs > 0 && !linear)
        learner->startFolds(k);
    for (int epoch = 1; epoch <= epochs && !cancelled() && !trialStopped; ++epoch) {
        timer.restart();
        QVector<float> scores(all.size(), qQNaN());
        QVector<float> stepLosses;
        double lossSum = 0;
        for (int f = 0; f < k && !cancelled() && !trialStopped; ++f) {
            phaseSuffix = QStringLiteral(" · ") + tr("fold %1 of %2").arg(f + 1).arg(k);
            learner->useFold(f);
            if (epoch == 1)
                trainHeadFirst(fit[f]);
            lossSum += trainEpoch(fit[f], epoch, epochs, weights[f].first, weights[f].second, rng, &stepLosses);
            Learner::Averaged averaged(*learner);
            const QVector<float> heldScores = score(held[f]);
            for (qsizetype i = 0; i < held[f].size(); ++i)
                scores[heldAt[f][i]] = heldScores.value(i, qQNaN());
        }
        phaseSuffix.clear();
        if (cancelled() || trialStopped) // a trial stopped in the middle of an epoch: its last whole epoch counts
            break;
        if (stopping.stopAfter(pooled(epoch, scores, lossSum / k, timer.elapsed() / 1000.0, stepLosses))) {
            qCInfo(lcTrain) << "early stop after epoch" << epoch;
            break;
        }
    }
    learner->endFolds();
    if (cancelled() || trial)
        return;
    // The run's model: every labeled item, for the chosen number of epochs.
    learner->reset();
    if (linear)
        fitLinearHead(all);
    if (best.epoch > 0) {
        phaseSuffix = QStringLiteral(" · ") + tr("final model on all labels");
        learner->start();
        trainHeadFirst(all);
        const auto [wPos, wNeg] = lossWeights(all);
        for (int epoch = 1; epoch <= best.epoch && !cancelled(); ++epoch) {
            QVector<float> ignored;
            trainEpoch(all, epoch, best.epoch, wPos, wNeg, rng, &ignored);
        }
        learner->swapAverage(); // the weights the folds were judged by: the average, when averaging
        phaseSuffix.clear();
        if (cancelled())
            return;
    }
    // The record: every judged item as judged out-of-sample at the best epoch, with its fold.
    train.clear();
    val.clear();
    bestValScores.clear();
    bestFolds.clear();
    for (qsizetype i = 0; i < all.size(); ++i) {
        if (std::isnan(bestScores.value(i, qQNaN())))
            continue;
        val.append(all[i]);
        bestValScores.append(bestScores[i]);
        bestFolds.append(all[i].fold);
    }
    writeCheckpoint();
    trainEnsemble(all, best.epoch);
}

Trainer::Trainer(const QString &projectPath, const TrainSettings &settings, QObject *parent)
    : QObject(parent)
    , m_projectPath(projectPath)
    , m_settings(settings)
{
    qRegisterMetaType<EpochMetrics>();
    qRegisterMetaType<StepLoss>();
    qRegisterMetaType<TrainProgress>();
    qRegisterMetaType<TrainResult>();
}

Trainer::~Trainer() = default;

TrainResult Trainer::run()
{
    Run r(*this, m_settings);
    // The model as shipped is scored as head mode does: from features, which is exactly its forward pass.
    // A linear head has no pretrained judgement: the shipped model is scored with its own.
    if (m_settings.mode == TrainSettings::Mode::Pretrained) {
        r.s.mode = TrainSettings::Mode::Head;
        r.s.head = QStringLiteral("model");
    }
    r.clock.start();
    TrainResult result;
    auto finish = [&](const QString &status, const QString &error) {
        result.status = status;
        result.error = error;
        result.runId = r.runId;
        result.bestEpoch = r.best.epoch;
        result.best = r.best;
        result.trainItems = r.trainedOn;
        result.validationItems = r.val.size();
        result.folds = r.set.folds;
        if (r.inputs)
            result.unreadable = r.inputs->unreadable();
        if (r.featureStore)
            result.featuresFromProject = r.featureStore->fromProject();
        if (r.runs && r.runId > 0 && !result.unreadable.isEmpty())
            r.runs->setUnreadable(r.runId, result.unreadable);
        result.seconds = r.clock.elapsed() / 1000.0;
        if (r.runs && r.runId > 0)
            r.runs->finish(r.runId, status, error);
        if (!error.isEmpty())
            qCWarning(lcTrain) << "run" << r.runId << status << error;
        Q_EMIT finished(result);
        return result;
    };

    QString error;
    if (const QString bad = m_settings.validate(); !bad.isEmpty())
        return finish(QStringLiteral("failed"), bad);
    const bool automatic = m_settings.mode == TrainSettings::Mode::Auto;
    r.db =
        ProjectDatabase::open(m_projectPath, ProjectDatabase::OpenMode::OpenExisting, QStringLiteral("train"), &error);
    if (!r.db)
        return finish(QStringLiteral("failed"), error);
    // An annotator or reviewer of a server project with roles: refused before anything is read or computed.
    if (const QString refused = r.db->refusal(ProjectDatabase::Action::Train); !refused.isEmpty())
        return finish(QStringLiteral("failed"), refused);
    if (!r.db->hasMediaRoot())
        return finish(QStringLiteral("failed"), ProjectDatabase::mediaRootMissingMessage(*r.db));
    r.cache = std::make_unique<MediaCache>(r.db->cacheDir());
    r.runs = std::make_unique<RunStore>(*r.db);
    setTorchThreads(m_settings.threads);

    try {
        r.progress(QStringLiteral("preparing"), 0, 0, 0);
        r.loadModel();
        if (m_settings.mode != TrainSettings::Mode::Pretrained) {
            // The split holds near-copies together: pictures imported before hashes existed are hashed first.
            if (hashMissingMedia(*r.db, [&r](qint64 done, qint64 total) { r.progress(QStringLiteral("hashing"), done, total, 0); },
                                 nullptr, &error)
                < 0)
                failRun(error);
        }
        if (!TrainingSetReader::read(*r.db, m_settings, &r.set, &error))
            failRun(error);
        r.inputs = std::make_unique<ModelInputs>(*r.cache, r.profile.input);
        r.inputs->onProgress = [&r](const QString &phase, qint64 done, qint64 total) {
            r.progress(phase, done, total, 0);
        };
        r.inputs->cancelled = [this] { return isCancelled(); };
        // Held until this function returns, after the run's final status is written.
        r.lock = std::make_unique<RunLock>(*r.db);
        if (!r.lock->tryAcquire(&error))
            failRun(error);
        // The run's row: auto mode writes it once it has chosen, with the chosen settings and what it tried.
        auto createRun = [&] {
            // As asked (a pretrained run says so, though it scores as head mode does), or auto mode's choice.
            QJsonObject recorded = automatic ? r.s.toJson() : m_settings.toJson();
            recorded.insert(QStringLiteral("nearDuplicateGroups"), r.set.nearDuplicateGroups);
            recorded.insert(QStringLiteral("excludedFromTraining"), r.set.excluded);
            if (automatic)
                recorded.insert(QStringLiteral("auto"), r.autoReport.toJson());
            r.runId = r.runs->create(recorded, QFileInfo(r.modelDir).fileName(), *r.lock, &error);
            if (r.runId == 0)
                failRun(error);
            Q_EMIT started(r.runId);
        };
        if (!automatic)
            createRun();
        torch::manual_seed(m_settings.seed);

        const bool folds = r.set.folds > 1;
        if (r.head() || automatic) {
            r.openFeatureStore();
            r.inputs->computeFeatures(r.graph, r.featureLayer, r.inputFormat(), r.train + r.val, *r.featureStore);
            r.inputs->keepWithFeatures(r.train);
            r.inputs->keepWithFeatures(r.val);
        }
        // Auto mode prepares for every candidate: the features above, and the pictures.
        if (!r.head() && folds) {
            // Every fold's held-out items are decoded as for inference when scored; all pictures are kept shrunk
            // for augmentation.
            r.inputs->preparePictures(r.train, kTrainCacheShortSide);
        } else if (!r.head()) {
            // Validation inputs exactly as for inference (so epoch 0 is the pretrained judgement); training
            // pictures shrunk in memory for augmentation.
            r.valInputs = r.inputs->prepareInputs(r.val);
            r.inputs->preparePictures(r.train, kTrainCacheShortSide);
        }
        if ((r.s.effectiveHeadEpochs() > 0 || r.s.linearHead()) && !r.featureStore && !isCancelled()) {
            // Head first: the head trains on the pretrained backbone's features of the training items (cached by
            // model and content, as head mode's) before the blocks train under it.
            r.openFeatureStore();
            r.inputs->computeFeatures(r.graph, r.featureLayer, r.inputFormat(), r.train, *r.featureStore);
            r.inputs->keepWithFeatures(r.train);
        }
        if (isCancelled())
            return finish(QStringLiteral("cancelled"), {});
        if (automatic) {
            r.chooseAutomatically();
            if (isCancelled())
                return finish(QStringLiteral("cancelled"), {});
            createRun();
            result.autoReport = r.autoReport.toJson();
        }
        r.trainedOn = m_settings.mode == TrainSettings::Mode::Pretrained ? 0 : r.train.size();
        if (m_settings.mode == TrainSettings::Mode::Pretrained) {
            QElapsedTimer timer;
            timer.start();
            r.evaluate(0, qQNaN(), timer.elapsed() / 1000.0);
        } else if (folds) {
            r.trainFolds();
        } else {
            r.trainOneSplit();
        }
        if (m_settings.scoreAll && !isCancelled())
            result.scoredItems = r.scoreEverything();
        return finish(isCancelled() ? QStringLiteral("cancelled") : QStringLiteral("finished"), {});
    } catch (const RunFailure &f) {
        return finish(QStringLiteral("failed"), f.message);
    } catch (const ModelException &e) {
        return finish(QStringLiteral("failed"), e.error.toString());
    } catch (const c10::Error &e) {
        return finish(QStringLiteral("failed"), QString::fromUtf8(e.what_without_backtrace()));
    } catch (const std::exception &e) {
        return finish(QStringLiteral("failed"), QString::fromUtf8(e.what()));
    }
}

} // namespace nsfw
