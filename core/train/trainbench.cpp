#include "trainbench.h"

#include "model/classifier.h"
#include "model/inferenceplan.h"
#include "model/kerasgraph.h"
#include "learner.h"
#include "trainingdata.h"

#include <QElapsedTimer>

#include <algorithm>
#include <vector>

namespace nsfw {

namespace {

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v.empty() ? 0 : v[v.size() / 2];
}

} // namespace

StepTiming timeTrainingStep(const QString &modelDir, const QString &mode, int blocks, int batch, int runs, int warmup,
                            bool channelsLast)
{
    StepTiming timing;
    ModelError error;
    ModelProfile profile;
    auto loaded = loadKerasGraph(modelDir, &error, &profile);
    if (!loaded) {
        timing.error = error.toString();
        return timing;
    }
    setTorchThreads(0);
    torch::manual_seed(1);
    // The trainer's own learner and step: frozen BatchNorm folded into the convolutions from the live weights, the
    // head at ten times the backbone's rate.
    TrainSettings settings;
    settings.mode = mode == QLatin1String("partial") ? TrainSettings::Mode::Partial : TrainSettings::Mode::Full;
    settings.blocks = blocks;
    settings.freezeBatchNorm = true;
    Learner learner(*loaded, settings, profile, channelsLast);
    const KerasGraph &graph = learner.graph();
    try {
        learner.start();
    } catch (const std::exception &e) {
        timing.error = QString::fromUtf8(e.what());
        return timing;
    }
    learner.trainMode();
    const torch::Tensor x =
        torch::rand({batch, 3, graph->inputHeight(), graph->inputWidth()}).contiguous(learner.inputFormat());
    const torch::Tensor y = (torch::rand({batch}) < 0.5).to(torch::kFloat);
    std::vector<double> ms;
    try {
        for (int i = 0; i < warmup + runs; ++i) {
            QElapsedTimer t;
            t.start();
            learner.step(x, y, 1, 1);
            if (i >= warmup)
                ms.push_back(t.nsecsElapsed() / 1e6);
        }
    } catch (const std::exception &e) {
        timing.error = QString::fromUtf8(e.what()).section(QLatin1Char('\n'), 0, 0);
        return timing;
    }
    timing.stepMs = median(ms);
    timing.imagesPerSecond = batch * 1000.0 / timing.stepMs;
    return timing;
}

double timeHeadEpoch(const QString &modelDir, int items, int batch, int runs, QString *error)
{
    ModelError modelError;
    ModelProfile profile;
    auto loaded = loadKerasGraph(modelDir, &modelError, &profile);
    if (!loaded) {
        *error = modelError.toString();
        return -1;
    }
    setTorchThreads(0);
    torch::manual_seed(1);
    TrainSettings settings;
    settings.mode = TrainSettings::Mode::Head;
    Learner learner(*loaded, settings, profile, true);
    KerasGraph &graph = learner.graph();
    const std::string feature = learner.featureLayer();
    // The feature width, from one real pass.
    int64_t width = 0;
    {
        c10::InferenceMode guard;
        width = graph->forwardTo(torch::zeros({1, 3, graph->inputHeight(), graph->inputWidth()}), feature).numel();
    }
    learner.start();
    learner.trainMode();
    // Post-ReLU6 average-pooled features lie in [0, 6]; values do not change the arithmetic.
    const torch::Tensor features = torch::rand({items, width}) * 6;
    const torch::Tensor labels = (torch::rand({items}) < 0.5).to(torch::kFloat);
    std::vector<double> seconds;
    for (int r = 0; r < runs; ++r) {
        QElapsedTimer t;
        t.start();
        const torch::Tensor order = torch::randperm(items);
        for (int64_t from = 0; from < items; from += batch) {
            const torch::Tensor idx = order.narrow(0, from, std::min<int64_t>(batch, items - from));
            learner.step(features.index_select(0, idx), labels.index_select(0, idx), 1, 1);
        }
        seconds.push_back(t.nsecsElapsed() / 1e9);
    }
    return median(seconds);
}

} // namespace nsfw
