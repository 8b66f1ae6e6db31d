// Trainer::Run's recorder side: the model it starts from, scores and their metrics, checkpoints and the run's rows in
// the project (the training loops are in trainer.cpp).

#include "trainrun_p.h"

#include "model/inferenceplan.h"
#include "model/linearhead.h"
#include "model/modellocator.h"
#include "modelexport_p.h"
#include "train/videometrics.h"

#include <QHash>

#include <c10/core/InferenceMode.h>

#include <algorithm>
#include <cmath>
#include <limits>

namespace nsfw {

using trainrun::failRun;

namespace {

constexpr int kScoreBatch = 32;

} // namespace

// ---- model -------------------------------------------------------------------------------------

void Trainer::Run::loadModel()
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
    if (s.linearHead()) {
        // LP-FT: the model's head gives way to a linear one on the same features (fitted by fitLinearHead).
        const std::string features = (*built)->featureLayer();
        if (features.empty())
            failRun(tr("%1: the model has no Flatten or global pooling layer to put a linear head on").arg(modelDir));
        int64_t width = 0;
        {
            torch::NoGradGuard noGrad;
            const torch::Tensor zero =
                torch::zeros({1, (*built)->inputChannels(), (*built)->inputHeight(), (*built)->inputWidth()});
            width = (*built)->forwardTo(zero, features).reshape({1, -1}).size(1);
        }
        QString headError;
        auto replaced = linearhead::replaceHead(base, QString::fromStdString(features), int(width), &headError);
        if (!replaced)
            failRun(QStringLiteral("%1: %2").arg(modelDir, headError));
        base = std::move(*replaced);
        built = buildKerasGraph(base, &modelError);
        if (!built)
            failRun(modelError.toString());
    }
    QString profileError;
    profile = base.profile.completed(int((*built)->inputHeight()), int((*built)->inputWidth()),
                                     int((*built)->outputClasses()), layerNamesOf(base), &profileError);
    if (!profileError.isEmpty())
        failRun(QStringLiteral("%1: %2").arg(modelDir, profileError));
    profile.input.fastDecode = s.fastDecode; // training and scoring decode alike (ModelInputs, decodeForModel)
    profile.flipAverage = s.flipAverage;     // the run scores as its model will be scored (Learner::probability)
    if (profile.nsfwIndices().empty())
        failRun(tr("%1: the model profile names no class that makes p(nsfw)").arg(modelDir));
    learner = std::make_unique<Learner>(*built, s, profile, true);
    graph = learner->graph();
    featureLayer = learner->featureLayer();
    height = graph->inputHeight();
    width = graph->inputWidth();
}

void Trainer::Run::openFeatureStore()
{
    featureStore = std::make_unique<FeatureCache>(db->cacheDir(), FeatureCache::storeKey(modelDir, s.fastDecode));
    featureStore->shareWith(db.get());
}

// ---- scoring -------------------------------------------------------------------------------------

QVector<float> Trainer::Run::score(const QVector<Sample> &samples, const torch::Tensor &preparedInputs)
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

EpochMetrics Trainer::Run::metricsOf(int epoch, const QVector<Sample> &samples, const QVector<float> &scores,
                                     double trainLoss, double seconds, const QVector<float> &stepLosses) const
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
        m.validationLoss =
            weightedBce(torch::tensor(std::vector<float>(scores.begin(), scores.end())), labelsOf(samples), 1.0, 1.0)
                .item<double>();
    }
    m.seconds = seconds;
    m.intervals = bootstrapIntervals(scoredItems(samples, scores), s.threshold, 1000, s.seed);
    return m;
}

bool Trainer::Run::isBetter(const EpochMetrics &m) const
{
    return m.epoch == 0 || m.averagePrecision > best.averagePrecision ||
           (m.averagePrecision == best.averagePrecision && m.validationLoss < best.validationLoss);
}

EpochMetrics Trainer::Run::evaluate(int epoch, double trainLoss, double seconds, const QVector<float> &stepLosses)
{
    progress(QStringLiteral("evaluating"), 0, val.size(), epoch);
    const QVector<float> scores = score(val, valInputs);
    EpochMetrics m = metricsOf(epoch, val, scores, trainLoss, seconds, stepLosses);
    m.best = isBetter(m);
    if (m.best) {
        best = m;
        bestValScores = scores;
        bestState = learner->state();
        if (!trial)
            writeCheckpoint();
    }
    if (!trial) {
        runs->addEpoch(runId, epoch, m.toJson());
        Q_EMIT q.epochFinished(m);
    }
    return m;
}

void Trainer::Run::writeCheckpoint()
{
    QString error;
    if (!writeTfjsModel(base, graph, profile, db->cacheDir() + QLatin1Char('/') + checkpointRelative(), &error))
        failRun(tr("Cannot write the checkpoint: %1").arg(error));
    recordBest();
}

void Trainer::Run::recordBest()
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
    // A video as one unit too: the verdict of its judged frames against the video's own label.
    const VideoMetrics videos = VideoMetrics::ofJudged(*db, items);
    if (!videos.isEmpty())
        metrics.insert(QStringLiteral("video"), videos.toJson());
    if (!runs->setBest(runId, best.epoch, metrics, checkpointRelative(), items, &error))
        failRun(error);
}

QVector<ScoredItem> Trainer::Run::scoredItems(const QVector<Sample> &samples, const QVector<float> &scores)
{
    QVector<ScoredItem> scored;
    for (qsizetype i = 0; i < samples.size() && i < scores.size(); ++i) {
        const QString &g = samples[i].group;
        // A video's frames, and near-copies, are resampled together as the split kept them together.
        const bool together = g.startsWith(QLatin1String("video:")) || g.startsWith(QLatin1String("near:"));
        scored.append({scores[i], samples[i].label, together ? g.mid(g.indexOf(QLatin1Char(':')) + 1).toLongLong() : 0});
    }
    return scored;
}

qint64 Trainer::Run::scoreEverything()
{
    QVector<Sample> all = everySample();
    if (head()) {
        inputs->computeFeatures(graph, featureLayer, inputFormat(), unlabeled, *featureStore);
        inputs->keepWithFeatures(all);
    }
    QVector<float> scores;
    if (ensembleScores.isEmpty()) {
        progress(QStringLiteral("scoring"), 0, all.size(), best.epoch);
        scores = score(all);
    } else { // an ensemble's members scored every item as they were trained
        for (const Sample &x : all)
            scores.append(ensembleScores.value(x.itemId, qQNaN()));
    }
    // A cross-validated (or refitted) run's model trained on every label: its score of a labeled item is in-sample.
    // The gallery shows (and filters and sorts by) the item's out-of-sample score instead, the one its cell and the
    // audit use.
    QHash<qint64, float> outOfFold;
    if (set.folds > 1 || refitted) {
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

} // namespace nsfw
