#include "trainer.h"

#include "common/logging.h"
#include "featurecache.h"
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
    std::vector<std::pair<std::string, torch::Tensor>> bestState;
    /// Partial/full training with frozen BatchNorm: BatchNorm folded into the convolutions on the fly.
    std::unique_ptr<InferencePlan> livePlan;
    EpochMetrics best;
    QVector<float> bestValScores;

    bool head() const { return s.mode == TrainSettings::Mode::Head; }
    /// Input layout matching the weights' (see useChannelsLast).
    at::MemoryFormat inputFormat() const { return weightsChannelsLast ? at::MemoryFormat::ChannelsLast : at::MemoryFormat::Contiguous; }
    bool weightsChannelsLast = true;
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
        graph = *built;
        featureLayer = graph->featureLayer();
        height = graph->inputHeight();
        width = graph->inputWidth();
        useChannelsLast(graph, true);
    }

    void saveBestState()
    {
        bestState.clear();
        torch::NoGradGuard noGrad;
        for (const auto &p : graph->named_parameters())
            bestState.emplace_back(p.key(), p.value().detach().clone());
        for (const auto &b : graph->named_buffers())
            bestState.emplace_back(b.key(), b.value().detach().clone());
    }

    void restoreBestState()
    {
        torch::NoGradGuard noGrad;
        auto params = graph->named_parameters();
        auto buffers = graph->named_buffers();
        for (const auto &[name, value] : bestState) {
            if (auto *p = params.find(name))
                p->copy_(value);
            else if (auto *b = buffers.find(name))
                b->copy_(value);
        }
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
            plan = std::make_unique<InferencePlan>(graph, weightsChannelsLast, true);
        }
        c10::InferenceMode guard;
        for (qsizetype from = 0; from < samples.size() && !cancelled(); from += kScoreBatch) {
            const qsizetype n = std::min<qsizetype>(kScoreBatch, samples.size() - from);
            torch::Tensor p;
            if (head()) {
                p = nsfwProbability(graph->forwardFrom(featureLayer, inputs->stackFeatures(samples.mid(from, n))));
            } else if (preparedInputs.defined()) {
                const torch::Tensor x = preparedInputs.narrow(0, from, n).contiguous(inputFormat());
                p = nsfwProbability(plan->run(x));
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
                    p.index_put_({torch::tensor(ok)}, nsfwProbability(plan->run(x)));
                }
            }
            p = p.contiguous();
            for (int64_t i = 0; i < n; ++i)
                scores.append(p[i].item<float>());
            if (!head() && !preparedInputs.defined())
                progress(QStringLiteral("scoring"), from + n, samples.size(), 0);
        }
        return scores;
    }

    EpochMetrics evaluate(int epoch, double trainLoss, double seconds, const QVector<float> &stepLosses = {})
    {
        progress(QStringLiteral("evaluating"), 0, val.size(), epoch);
        const QVector<float> scores = score(val, valInputs);
        QVector<int> labels;
        for (const Sample &x : val)
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
                                           labelsOf(val), 1.0, 1.0)
                                   .item<double>();
        }
        m.seconds = seconds;
        // Best by AP; the first epoch (the pretrained model) is the baseline to beat.
        const bool better = epoch == 0 || m.averagePrecision > best.averagePrecision
            || (m.averagePrecision == best.averagePrecision && m.validationLoss < best.validationLoss);
        m.best = better;
        if (better) {
            best = m;
            bestValScores = scores;
            saveBestState();
            writeCheckpoint();
        }
        runs->addEpoch(runId, epoch, m.toJson());
        Q_EMIT q.epochFinished(m);
        return m;
    }

    QString checkpointRelative() const { return QStringLiteral("runs/%1/model").arg(runId); }

    void writeCheckpoint()
    {
        QString error;
        if (!writeTfjsModel(base, graph, db->cacheDir() + QLatin1Char('/') + checkpointRelative(), &error))
            failRun(tr("Cannot write the checkpoint: %1").arg(error));
        QVector<RunItem> items;
        for (qsizetype i = 0; i < val.size(); ++i)
            items.append({val[i].itemId, 1, val[i].label, bestValScores.value(i)});
        for (const Sample &x : train)
            items.append({x.itemId, 0, x.label, std::numeric_limits<float>::quiet_NaN()});
        QJsonObject metrics = best.toJson();
        metrics.remove(QStringLiteral("curve"));
        metrics.remove(QStringLiteral("stepLosses"));
        if (!runs->setBest(runId, best.epoch, metrics, checkpointRelative(), items, &error))
            failRun(error);
    }

    // ---- training -------------------------------------------------------------------------------------

    double trainEpoch(int epoch, torch::optim::Optimizer &optimizer, std::mt19937 &rng, double *etaBase,
                      QVector<float> *stepLosses)
    {
        setTrainMode(graph, s.freezeBatchNorm);
        std::vector<int64_t> order(size_t(train.size()));
        std::iota(order.begin(), order.end(), 0);
        std::shuffle(order.begin(), order.end(), rng);
        const int batch = s.batchSize;
        const int steps = int((order.size() + size_t(batch) - 1) / size_t(batch));
        const torch::Tensor trainX = head() ? inputs->stackFeatures(train) : torch::Tensor();
        const torch::Tensor trainY = labelsOf(train);

        // Partial/full: the next batch is augmented on the pool while this one trains.
        auto makeBatch = [this, &order, batch](int step, quint32 seed) {
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
                const cv::Mat &picture = inputs->picture(train[order[size_t(i)]].itemId);
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
            const torch::Tensor y = trainY.index_select(0, idx);
            optimizer.zero_grad();
            const torch::Tensor probs = head() ? graph->forwardFrom(featureLayer, x)
                                        : livePlan             ? livePlan->run(x)
                                                               : graph->forward(x);
            const torch::Tensor loss = weightedBce(nsfwProbability(probs), y, set.positiveWeight, set.negativeWeight);
            loss.backward();
            optimizer.step();
            const double value = loss.item<double>();
            sum += value;
            stepLosses->append(float(value));
            ++done;
            ++globalStep;
            Q_EMIT q.stepLoss(StepLoss{epoch, step, steps, globalStep, value});
            const double perStep = timer.elapsed() / 1000.0 / done;
            *etaBase = perStep * steps;
            if (!head() || step % 50 == 0)
                progress(QStringLiteral("training"), step + 1, steps, epoch,
                         perStep * (steps - step - 1) + perStep * steps * (s.epochs - epoch));
        }
        if (next.isRunning())
            next.waitForFinished();
        return done > 0 ? sum / done : qQNaN();
    }

    std::unique_ptr<torch::optim::Optimizer> makeOptimizer()
    {
        // The head learns at ten times the backbone's rate in partial and full modes: it has to move from the
        // pretrained five-class judgement to the user's, while the backbone should only adjust.
        std::vector<torch::Tensor> headParams, backboneParams;
        const std::vector<std::string> names = graph->layerNames();
        bool afterFeatures = false;
        for (const std::string &name : names) {
            for (const auto &p : graph->layer(name)->parameters()) {
                if (p.requires_grad())
                    (afterFeatures ? headParams : backboneParams).push_back(p);
            }
            afterFeatures = afterFeatures || name == featureLayer;
        }
        if (headParams.empty() && backboneParams.empty())
            failRun(tr("Nothing to train: no layer is unfrozen."));
        const double lr = s.effectiveLearningRate();
        const double headLr = head() ? lr : lr * 10;
        std::vector<torch::optim::OptimizerParamGroup> groups;
        auto group = [&](std::vector<torch::Tensor> params, double rate) -> std::unique_ptr<torch::optim::OptimizerOptions> {
            if (s.optimizer == QLatin1String("sgd"))
                return std::make_unique<torch::optim::SGDOptions>(torch::optim::SGDOptions(rate).momentum(0.9).weight_decay(s.weightDecay));
            return std::make_unique<torch::optim::AdamWOptions>(torch::optim::AdamWOptions(rate).weight_decay(s.weightDecay));
        };
        if (!headParams.empty())
            groups.emplace_back(headParams, group(headParams, headLr));
        if (!backboneParams.empty())
            groups.emplace_back(backboneParams, group(backboneParams, lr));
        if (s.optimizer == QLatin1String("sgd"))
            return std::make_unique<torch::optim::SGD>(groups, torch::optim::SGDOptions(lr).momentum(0.9).weight_decay(s.weightDecay));
        return std::make_unique<torch::optim::AdamW>(groups, torch::optim::AdamWOptions(lr).weight_decay(s.weightDecay));
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
        QVector<ItemScore> rows;
        QHash<qint64, float> byId;
        for (qsizetype i = 0; i < all.size() && i < scores.size(); ++i) {
            if (std::isnan(scores[i]))
                continue;
            rows.append({all[i].itemId, scores[i]});
            byId.insert(all[i].itemId, scores[i]);
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
    r.clock.start();
    TrainResult result;
    auto finish = [&](const QString &status, const QString &error) {
        result.status = status;
        result.error = error;
        result.runId = r.runId;
        result.bestEpoch = r.best.epoch;
        result.best = r.best;
        result.trainItems = r.train.size();
        result.validationItems = r.val.size();
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
        std::mt19937 rng(quint32(m_settings.seed));

        if (r.head() || m_settings.mode == TrainSettings::Mode::Pretrained) {
            r.featureStore = std::make_unique<FeatureCache>(r.db->cacheDir(), FeatureCache::modelKey(r.modelDir));
            r.inputs->computeFeatures(r.graph, r.featureLayer, r.inputFormat(), r.train + r.val, *r.featureStore);
            r.inputs->keepWithFeatures(r.train);
            r.inputs->keepWithFeatures(r.val);
        } else {
            // Validation inputs exactly as for inference (so epoch 0 is the pretrained judgement); training
            // pictures shrunk in memory for augmentation.
            r.valInputs = r.inputs->prepareInputs(r.val);
            r.inputs->preparePictures(r.train, kTrainCacheShortSide);
        }
        if (isCancelled())
            return finish(QStringLiteral("cancelled"), {});
        if (m_settings.mode == TrainSettings::Mode::Pretrained) {
            // The model as shipped: head-mode scoring from features is exactly its forward pass.
            r.s.mode = TrainSettings::Mode::Head;
        }
        QElapsedTimer epochTimer;
        epochTimer.start();
        r.evaluate(0, qQNaN(), epochTimer.elapsed() / 1000.0);

        if (m_settings.mode != TrainSettings::Mode::Pretrained && m_settings.epochs > 0) {
            setTrainable(r.graph, m_settings.mode, m_settings.blocks, m_settings.freezeBatchNorm);
            if (!r.head() && m_settings.freezeBatchNorm)
                r.livePlan = std::make_unique<InferencePlan>(r.graph, r.weightsChannelsLast, true,
                                                             InferencePlan::Weights::Live);
            auto optimizer = r.makeOptimizer();
            int sinceBest = 0;
            double etaBase = 0;
            for (int epoch = 1; epoch <= m_settings.epochs && !isCancelled(); ++epoch) {
                epochTimer.restart();
                QVector<float> stepLosses;
                const double loss = r.trainEpoch(epoch, *optimizer, rng, &etaBase, &stepLosses);
                if (isCancelled())
                    break;
                const EpochMetrics m = r.evaluate(epoch, loss, epochTimer.elapsed() / 1000.0, stepLosses);
                sinceBest = m.best ? 0 : sinceBest + 1;
                if (m_settings.patience > 0 && sinceBest >= m_settings.patience) {
                    qCInfo(lcTrain) << "early stop after epoch" << epoch;
                    break;
                }
            }
            r.restoreBestState();
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
