#include "trainer.h"

#include "common/logging.h"
#include "featurecache.h"
#include "learner.h"
#include "media/mediacache.h"
#include "model/classifier.h"
#include "model/inferenceplan.h"
#include "model/kerasgraph.h"
#include "model/modellocator.h"
#include "modelexport_p.h"
#include "split.h"
#include "store/itemstore.h"
#include "store/projectdatabase.h"
#include "store/runlock.h"
#include "store/runstore.h"
#include "trainingdata.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QHash>
#include <QThread>
#include <QtConcurrent/QtConcurrentMap>
#include <QtConcurrent/QtConcurrentRun>

#include <c10/core/InferenceMode.h>

#include <cmath>
#include <random>

namespace nsfw {

namespace {

constexpr int kScoreBatch = 32;
constexpr int kTrainCacheShortSide = 320;

struct RunFailure {
    QString message;
};

[[noreturn]] void failRun(const QString &message)
{
    throw RunFailure{message};
}

} // namespace

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
    QString phaseSuffix; ///< " · fold 2 of 5" while a fold trains
    qint64 trainedOn = 0; ///< items the run's model was trained on

    bool head() const { return s.mode == TrainSettings::Mode::Head; }
    /// Input layout matching the weights' (see useChannelsLast).
    at::MemoryFormat inputFormat() const { return learner->inputFormat(); }
    bool cancelled() const { return q.m_cancel.load(); }

    void progress(const QString &phase, qint64 done, qint64 total, int epoch, double eta = -1)
    {
        Q_EMIT q.progress(TrainProgress{phase, done, total, epoch, eta});
    }

    // ---- model -------------------------------------------------------------------------------------

    void loadModel()
    {
        QString error;
        modelDir = locateModel(s.modelDir, &error);
        if (modelDir.isEmpty())
            failRun(error);
        ModelError modelError;
        auto parsed = readTfjsModel(modelDir + QStringLiteral("/model.json"), &modelError);
        if (!parsed)
            failRun(modelError.toString());
        base = std::move(*parsed);
        auto built = buildKerasGraph(base, &modelError);
        if (!built)
            failRun(modelError.toString());
        learner = std::make_unique<Learner>(*built, s, true);
        graph = learner->graph();
        featureLayer = learner->featureLayer();
        height = graph->inputHeight();
        width = graph->inputWidth();
    }

    // ---- scoring -------------------------------------------------------------------------------------

    /// p(nsfw) of samples with the current weights (eval mode).
    QVector<float> score(const QVector<Sample> &samples, const torch::Tensor &preparedInputs = {})
    {
        graph->eval();
        QVector<float> scores;
        scores.reserve(samples.size());
        // Whole-network passes run the fused plan of the current weights (equal to the graph up to ~1e-6).
        std::unique_ptr<InferencePlan> plan;
        if (!head()) {
            torch::NoGradGuard noGrad;
            plan = std::make_unique<InferencePlan>(graph, learner->channelsLast(), true);
        }
        c10::InferenceMode guard;
        for (qsizetype from = 0; from < samples.size() && !cancelled(); from += kScoreBatch) {
            const qsizetype n = std::min<qsizetype>(kScoreBatch, samples.size() - from);
            torch::Tensor p;
            if (head()) {
                p = learner->probability(inputs->stackFeatures(samples.mid(from, n)));
            } else if (preparedInputs.defined()) {
                const torch::Tensor x = preparedInputs.narrow(0, from, n).contiguous(inputFormat());
                p = learner->probability(x, plan.get());
            } else {
                const QVector<Sample> batch = samples.mid(from, n);
                const std::vector<torch::Tensor> decoded = inputs->decodeInputs(batch);
                std::vector<torch::Tensor> prepared;
                std::vector<int64_t> ok;
                for (size_t i = 0; i < decoded.size(); ++i) {
                    if (decoded[i].defined()) {
                        prepared.push_back(decoded[i]);
                        ok.push_back(int64_t(i));
                    }
                }
                p = torch::full({n}, std::numeric_limits<float>::quiet_NaN());
                if (!prepared.empty()) {
                    const torch::Tensor x = torch::stack(prepared).contiguous(inputFormat());
                    p.index_put_({torch::tensor(ok)}, learner->probability(x, plan.get()));
                }
            }
            p = p.contiguous();
            for (int64_t i = 0; i < n; ++i)
                scores.append(p[i].item<float>());
            if (!head() && !preparedInputs.defined())
                progress(QStringLiteral("scoring") + phaseSuffix, from + n, samples.size(), 0);
        }
        return scores;
    }

    /// The metrics of scores against their samples' labels (an epoch's validation, or the pooled out-of-fold scores).
    EpochMetrics metricsOf(int epoch, const QVector<Sample> &samples, const QVector<float> &scores, double trainLoss,
                           double seconds, const QVector<float> &stepLosses) const
    {
        QVector<int> labels;
        for (const Sample &x : samples)
            labels << x.label;
        EpochMetrics m;
        m.epoch = epoch;
        m.trainLoss = trainLoss;
        m.stepLosses = stepLosses;
        m.curve = PrCurve::compute(scores, labels);
        m.averagePrecision = m.curve.averagePrecision;
        m.rocAuc = m.curve.rocAuc;
        m.confusion = m.curve.confusionAt(s.threshold);
        {
            c10::InferenceMode guard;
            m.validationLoss = weightedBce(torch::tensor(std::vector<float>(scores.begin(), scores.end())),
                                           labelsOf(samples), 1.0, 1.0)
                                   .item<double>();
        }
        m.seconds = seconds;
        m.intervals = bootstrapIntervals(scoredItems(samples, scores), s.threshold, 1000, s.seed);
        return m;
    }

    /// Best by AP; the first epoch (the pretrained model) is the baseline to beat.
    bool isBetter(const EpochMetrics &m) const
    {
        return m.epoch == 0 || m.averagePrecision > best.averagePrecision
            || (m.averagePrecision == best.averagePrecision && m.validationLoss < best.validationLoss);
    }

    /// Records an epoch of a one-split run: its validation metrics, and the weights when it is the best so far.
    EpochMetrics evaluate(int epoch, double trainLoss, double seconds, const QVector<float> &stepLosses = {})
    {
        progress(QStringLiteral("evaluating"), 0, val.size(), epoch);
        const QVector<float> scores = score(val, valInputs);
        EpochMetrics m = metricsOf(epoch, val, scores, trainLoss, seconds, stepLosses);
        m.best = isBetter(m);
        if (m.best) {
            best = m;
            bestValScores = scores;
            bestState = learner->state();
            writeCheckpoint();
        }
        runs->addEpoch(runId, epoch, m.toJson());
        Q_EMIT q.epochFinished(m);
        return m;
    }

    QString checkpointRelative() const { return QStringLiteral("runs/%1/model").arg(runId); }

    /// Writes the current weights as the run's model and the best epoch's per-item results.
    void writeCheckpoint()
    {
        QString error;
        if (!writeTfjsModel(base, graph, db->cacheDir() + QLatin1Char('/') + checkpointRelative(), &error))
            failRun(tr("Cannot write the checkpoint: %1").arg(error));
        recordBest();
    }

    /// Stores the best epoch's metrics and per-item results (the model files are written by writeCheckpoint).
    void recordBest()
    {
        QString error;
        QVector<RunItem> items;
        for (qsizetype i = 0; i < val.size(); ++i)
            items.append({val[i].itemId, 1, val[i].label, bestValScores.value(i), bestFolds.value(i, -1)});
        for (const Sample &x : train) {
            if (x.fold < 0)
                items.append({x.itemId, 0, x.label, std::numeric_limits<float>::quiet_NaN(), -1});
        }
        QJsonObject metrics = best.toJson();
        metrics.remove(QStringLiteral("curve"));
        metrics.remove(QStringLiteral("stepLosses"));
        if (!runs->setBest(runId, best.epoch, metrics, checkpointRelative(), items, &error))
            failRun(error);
    }

    /// Scores with their labels and groups as the bootstrap takes them: a video's frames form one group, as the split
    /// keeps them together.
    static QVector<ScoredItem> scoredItems(const QVector<Sample> &samples, const QVector<float> &scores)
    {
        QVector<ScoredItem> scored;
        for (qsizetype i = 0; i < samples.size() && i < scores.size(); ++i) {
            const QString &g = samples[i].group;
            const qint64 video = g.startsWith(QLatin1String("video:")) ? g.mid(6).toLongLong() : 0;
            scored.append({scores[i], samples[i].label, video});
        }
        return scored;
    }

    // ---- training -------------------------------------------------------------------------------------

    /// One epoch over `samples` (shuffled), with the learner's step on each batch; the mean loss.
    double trainEpoch(const QVector<Sample> &samples, int epoch, int epochs, double positiveWeight,
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
                return toModelInput(aug, height, width);
            });
            return torch::stack(std::vector<torch::Tensor>(prepared.begin(), prepared.end()))
                .contiguous(inputFormat());
        };
        QFuture<torch::Tensor> next;
        if (!head())
            next = QtConcurrent::run([&, seed = rng()] { return makeBatch(0, seed); });

        double sum = 0;
        int done = 0;
        QElapsedTimer timer;
        timer.start();
        for (int step = 0; step < steps; ++step) {
            if (cancelled())
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
            const double value = learner->step(x, trainY.index_select(0, idx), positiveWeight, negativeWeight);
            sum += value;
            stepLosses->append(float(value));
            ++done;
            ++globalStep;
            Q_EMIT q.stepLoss(StepLoss{epoch, step, steps, globalStep, value});
            const double perStep = timer.elapsed() / 1000.0 / done;
            if (!head() || step % 50 == 0)
                progress(QStringLiteral("training") + phaseSuffix, step + 1, steps, epoch,
                         perStep * (steps - step - 1) + perStep * steps * (epochs - epoch));
        }
        if (next.isRunning())
            next.waitForFinished();
        return done > 0 ? sum / done : qQNaN();
    }

    /// Loss weights that make both classes of `samples` count equally (1, 1 without balancing).
    std::pair<double, double> lossWeights(const QVector<Sample> &samples) const
    {
        qint64 nsfw = 0;
        for (const Sample &x : samples)
            nsfw += x.label;
        if (!s.balance || nsfw == 0 || nsfw == samples.size())
            return {1.0, 1.0};
        return {double(samples.size()) / (2.0 * double(nsfw)),
                double(samples.size()) / (2.0 * double(samples.size() - nsfw))};
    }

    /// A one-split run: train on `train`, judge each epoch on `val`, keep the best epoch's weights.
    void trainOneSplit()
    {
        QElapsedTimer epochTimer;
        epochTimer.start();
        EarlyStopping stopping(s.patience);
        stopping.stopAfter(evaluate(0, qQNaN(), epochTimer.elapsed() / 1000.0));
        const int epochs = s.effectiveEpochs();
        if (epochs == 0)
            return;
        learner->start();
        std::mt19937 rng(quint32(s.seed));
        for (int epoch = 1; epoch <= epochs && !cancelled(); ++epoch) {
            epochTimer.restart();
            QVector<float> stepLosses;
            const double loss = trainEpoch(train, epoch, epochs, set.positiveWeight, set.negativeWeight, rng,
                                           &stepLosses);
            if (cancelled())
                break;
            if (stopping.stopAfter(evaluate(epoch, loss, epochTimer.elapsed() / 1000.0, stepLosses))) {
                qCInfo(lcTrain) << "early stop after epoch" << epoch;
                break;
            }
        }
        learner->restore(bestState);
    }

    /// A cross-validated run, epoch by epoch: each fold's model trains from the pretrained weights on the other
    /// folds and then scores its own fold; once every fold has done an epoch, the pooled out-of-fold scores give that
    /// epoch's metrics (shown live, and early stopping watches their AP). The epoch with the best pooled AP is the
    /// run's best; its out-of-fold scores are what the run's metrics and review use, and the run's model is then
    /// trained on every labeled item for that many epochs.
    void trainFolds()
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
            runs->addEpoch(runId, epoch, m.toJson());
            Q_EMIT q.epochFinished(m);
            return m;
        };

        QElapsedTimer timer;
        timer.start();
        progress(QStringLiteral("evaluating"), 0, all.size(), 0);
        EarlyStopping stopping(s.patience);
        stopping.stopAfter(pooled(0, score(all), qQNaN(), timer.elapsed() / 1000.0, {}));

        std::mt19937 rng(quint32(s.seed));
        QVector<QPair<double, double>> weights;
        for (int f = 0; f < k; ++f) {
            const auto [wPos, wNeg] = lossWeights(fit[f]);
            weights.append({wPos, wNeg});
        }
        const int epochs = s.effectiveEpochs();
        if (epochs > 0)
            learner->startFolds(k);
        for (int epoch = 1; epoch <= epochs && !cancelled(); ++epoch) {
            timer.restart();
            QVector<float> scores(all.size(), qQNaN());
            QVector<float> stepLosses;
            double lossSum = 0;
            for (int f = 0; f < k && !cancelled(); ++f) {
                phaseSuffix = QStringLiteral(" · ") + tr("fold %1 of %2").arg(f + 1).arg(k);
                learner->useFold(f);
                lossSum += trainEpoch(fit[f], epoch, epochs, weights[f].first, weights[f].second, rng,
                                      &stepLosses);
                const QVector<float> heldScores = score(held[f]);
                for (qsizetype i = 0; i < held[f].size(); ++i)
                    scores[heldAt[f][i]] = heldScores.value(i, qQNaN());
            }
            phaseSuffix.clear();
            if (cancelled())
                break;
            if (stopping.stopAfter(pooled(epoch, scores, lossSum / k, timer.elapsed() / 1000.0, stepLosses))) {
                qCInfo(lcTrain) << "early stop after epoch" << epoch;
                break;
            }
        }
        learner->endFolds();
        if (cancelled())
            return;
        // The run's model: every labeled item, for the chosen number of epochs.
        learner->reset();
        if (best.epoch > 0) {
            phaseSuffix = QStringLiteral(" · ") + tr("final model on all labels");
            learner->start();
            const auto [wPos, wNeg] = lossWeights(all);
            for (int epoch = 1; epoch <= best.epoch && !cancelled(); ++epoch) {
                QVector<float> ignored;
                trainEpoch(all, epoch, best.epoch, wPos, wNeg, rng, &ignored);
            }
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
    }

    qint64 scoreEverything()
    {
        QVector<Sample> all = train + val + unlabeled;
        std::sort(all.begin(), all.end(), [](const Sample &a, const Sample &b) { return a.itemId < b.itemId; });
        if (head()) {
            inputs->computeFeatures(graph, featureLayer, inputFormat(), unlabeled, *featureStore);
            inputs->keepWithFeatures(all);
        }
        progress(QStringLiteral("scoring"), 0, all.size(), best.epoch);
        const QVector<float> scores = score(all);
        // A cross-validated run's model trained on every label: its score of a labeled item is in-sample. The gallery
        // shows (and filters and sorts by) the item's out-of-fold score instead, the one its cell and the audit use.
        QHash<qint64, float> outOfFold;
        if (set.folds > 1) {
            for (qsizetype i = 0; i < val.size() && i < bestValScores.size(); ++i)
                outOfFold.insert(val[i].itemId, bestValScores[i]);
        }
        QVector<ItemScore> rows;
        QHash<qint64, float> byId;
        for (qsizetype i = 0; i < all.size() && i < scores.size(); ++i) {
            const float score = outOfFold.value(all[i].itemId, scores[i]);
            if (std::isnan(score))
                continue;
            rows.append({all[i].itemId, score});
            byId.insert(all[i].itemId, score);
        }
        // A whole video scores as its most nsfw frame.
        for (auto it = set.videoFrames.cbegin(); it != set.videoFrames.cend(); ++it) {
            float m = -1;
            for (qint64 frame : it.value())
                m = std::max(m, byId.value(frame, -1.0f));
            if (m >= 0)
                rows.append({it.key(), m});
        }
        QString error;
        if (!cancelled() && !runs->setItemScores(runId, rows, &error))
            failRun(error);
        return rows.size();
    }
};

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
    if (m_settings.mode == TrainSettings::Mode::Pretrained)
        r.s.mode = TrainSettings::Mode::Head;
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
    r.db = ProjectDatabase::open(m_projectPath, ProjectDatabase::OpenMode::OpenExisting, QStringLiteral("train"),
                                 &error);
    if (!r.db)
        return finish(QStringLiteral("failed"), error);
    if (!r.db->hasMediaRoot())
        return finish(QStringLiteral("failed"), ProjectDatabase::mediaRootMissingMessage(*r.db));
    r.cache = std::make_unique<MediaCache>(r.db->cacheDir());
    r.runs = std::make_unique<RunStore>(*r.db);
    setTorchThreads(m_settings.threads);

    try {
        r.progress(QStringLiteral("preparing"), 0, 0, 0);
        r.loadModel();
        if (!TrainingSetReader::read(*r.db, m_settings, &r.set, &error))
            failRun(error);
        r.inputs = std::make_unique<ModelInputs>(*r.cache, r.height, r.width);
        r.inputs->onProgress = [&r](const QString &phase, qint64 done, qint64 total) { r.progress(phase, done, total, 0); };
        r.inputs->cancelled = [this] { return isCancelled(); };
        // Held until this function returns, after the run's final status is written.
        r.lock = std::make_unique<RunLock>(*r.db);
        if (!r.lock->tryAcquire(&error))
            failRun(error);
        r.runId = r.runs->create(m_settings.toJson(), QFileInfo(r.modelDir).fileName(), *r.lock, &error);
        if (r.runId == 0)
            failRun(error);
        Q_EMIT started(r.runId);
        torch::manual_seed(m_settings.seed);

        const bool folds = r.set.folds > 1;
        if (r.head()) {
            r.featureStore = std::make_unique<FeatureCache>(r.db->cacheDir(), FeatureCache::modelKey(r.modelDir));
            r.inputs->computeFeatures(r.graph, r.featureLayer, r.inputFormat(), r.train + r.val, *r.featureStore);
            r.inputs->keepWithFeatures(r.train);
            r.inputs->keepWithFeatures(r.val);
        } else if (folds) {
            // Every fold's held-out items are decoded as for inference when scored; all pictures are kept shrunk
            // for augmentation.
            r.inputs->preparePictures(r.train, kTrainCacheShortSide);
        } else {
            // Validation inputs exactly as for inference (so epoch 0 is the pretrained judgement); training
            // pictures shrunk in memory for augmentation.
            r.valInputs = r.inputs->prepareInputs(r.val);
            r.inputs->preparePictures(r.train, kTrainCacheShortSide);
        }
        if (isCancelled())
            return finish(QStringLiteral("cancelled"), {});
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
