#include "trainbench.h"

#include "model/classifier.h"
#include "model/inferenceplan.h"
#include "model/kerasgraph.h"
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
    auto loaded = loadKerasGraph(modelDir, &error);
    if (!loaded) {
        timing.error = error.toString();
        return timing;
    }
    KerasGraph graph = *loaded;
    setTorchThreads(0);
    torch::manual_seed(1);
    useChannelsLast(graph, channelsLast);
    const TrainSettings::Mode m = mode == QLatin1String("partial") ? TrainSettings::Mode::Partial : TrainSettings::Mode::Full;
    setTrainable(graph, m, blocks, true);
    setTrainMode(graph, true);
    std::vector<torch::Tensor> params;
    for (const auto &p : graph->parameters()) {
        if (p.requires_grad())
            params.push_back(p);
    }
    torch::optim::AdamW optimizer(params, torch::optim::AdamWOptions(1e-4).weight_decay(1e-4));
    // As the trainer runs it: frozen BatchNorm folded into the convolutions, recomputed from the live weights.
    const InferencePlan plan(graph, channelsLast, true, InferencePlan::Weights::Live);
    const auto format = channelsLast ? at::MemoryFormat::ChannelsLast : at::MemoryFormat::Contiguous;
    const torch::Tensor x = torch::rand({batch, 3, graph->inputHeight(), graph->inputWidth()}).contiguous(format);
    const torch::Tensor y = (torch::rand({batch}) < 0.5).to(torch::kFloat);
    std::vector<double> ms;
    try {
        for (int i = 0; i < warmup + runs; ++i) {
            QElapsedTimer t;
            t.start();
            optimizer.zero_grad();
            const torch::Tensor loss = weightedBce(nsfwProbability(plan.run(x)), y, 1, 1);
            loss.backward();
            optimizer.step();
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
    auto loaded = loadKerasGraph(modelDir, &modelError);
    if (!loaded) {
        *error = modelError.toString();
        return -1;
    }
    KerasGraph graph = *loaded;
    setTorchThreads(0);
    torch::manual_seed(1);
    const std::string feature = graph->featureLayer();
    // The feature width, from one real pass.
    int64_t width = 0;
    {
        c10::InferenceMode guard;
        width = graph->forwardTo(torch::zeros({1, 3, graph->inputHeight(), graph->inputWidth()}), feature).numel();
    }
    setTrainable(graph, TrainSettings::Mode::Head, 0, true);
    setTrainMode(graph, true);
    std::vector<torch::Tensor> params;
    for (const auto &p : graph->parameters()) {
        if (p.requires_grad())
            params.push_back(p);
    }
    torch::optim::AdamW optimizer(params, torch::optim::AdamWOptions(1e-3).weight_decay(1e-4));
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
            optimizer.zero_grad();
            const torch::Tensor loss = weightedBce(
                nsfwProbability(graph->forwardFrom(feature, features.index_select(0, idx))), labels.index_select(0, idx), 1, 1);
            loss.backward();
            optimizer.step();
        }
        seconds.push_back(t.nsecsElapsed() / 1e9);
    }
    return median(seconds);
}

} // namespace nsfw
