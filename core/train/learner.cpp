#include "learner.h"

#include "trainingdata.h"
#include "train/recipe.h"

#include <QCoreApplication>

#include <algorithm>
#include <map>

namespace nsfw {

Learner::Learner(KerasGraph graph, const TrainSettings &settings, const ModelProfile &profile, bool channelsLast)
    : m_graph(std::move(graph))
    , m_settings(settings)
    , m_profile(profile)
    , m_nsfwIndices(profile.nsfwIndices())
    , m_channelsLast(channelsLast)
    , m_featureLayer(m_graph->featureLayer())
{
    useChannelsLast(m_graph, channelsLast);
    m_initial = state();
}

void Learner::start()
{
    restoreTrainable();
    m_livePlan.reset();
    if (!head() && m_settings.freezeBatchNorm)
        m_livePlan = std::make_unique<InferencePlan>(m_graph, m_channelsLast, true, InferencePlan::Weights::Live);
    m_ownOptimizer = makeOptimizer();
    m_optimizer = m_ownOptimizer.get();
    m_averaged.clear();
    m_average.clear();
    m_averagedSteps = 0;
}

void Learner::restoreTrainable()
{
    setTrainable(m_graph, m_settings.mode, m_settings.blocks, m_profile.blocks, m_settings.freezeBatchNorm);
}

void Learner::startFolds(int k)
{
    reset();
    start();
    m_foldOptimizers.clear();
    m_foldStates.clear();
    // Each optimiser keeps its moments for the network's parameter tensors; only the values are swapped per fold.
    m_foldAverages.clear();
    for (int f = 0; f < k; ++f) {
        m_foldOptimizers.push_back(makeOptimizer());
        m_foldStates.push_back(m_initial);
        m_foldAverages.emplace_back();
    }
    m_fold = -1;
}

void Learner::useFold(int f)
{
    if (f == m_fold)
        return;
    if (m_fold >= 0) {
        m_foldStates[size_t(m_fold)] = state();
        m_foldAverages[size_t(m_fold)] = {std::move(m_average), m_averagedSteps};
    }
    restore(m_foldStates[size_t(f)]);
    m_average = std::move(m_foldAverages[size_t(f)].average);
    m_averagedSteps = m_foldAverages[size_t(f)].steps;
    m_optimizer = m_foldOptimizers[size_t(f)].get();
    m_fold = f;
}

void Learner::endFolds()
{
    m_optimizer = m_ownOptimizer.get();
    m_foldOptimizers.clear();
    m_foldStates.clear();
    m_foldAverages.clear();
    m_average.clear();
    m_averagedSteps = 0;
    m_fold = -1;
}

void Learner::trainMode()
{
    setTrainMode(m_graph, m_settings.freezeBatchNorm);
}

torch::Tensor Learner::loss(const torch::Tensor &p, const torch::Tensor &y, double positiveWeight,
                           double negativeWeight) const
{
    // Label smoothing: the targets move towards 1/2 (recipe::smoothedTarget); the loss weights stay those of the
    // labels.
    const double e = m_settings.labelSmoothing;
    const torch::Tensor target = e > 0 ? y * (1.0 - e) + e / 2.0 : y;
    return weightedBce(p, target, positiveWeight, negativeWeight, y);
}

double Learner::step(const torch::Tensor &x, const torch::Tensor &y, double positiveWeight, double negativeWeight)
{
    m_optimizer->zero_grad();
    // Mixup: the batch blended with a shuffled copy of itself; the loss, linear in the target, is blended alike, so
    // each label keeps its own class weight.
    const bool mix = m_settings.mixup > 0 && x.size(0) > 1;
    double lambda = 1;
    torch::Tensor partner;
    torch::Tensor input = x;
    if (mix) {
        const torch::Tensor g = at::_standard_gamma(torch::full({2}, m_settings.mixup, torch::kDouble));
        lambda = (g[0] / (g[0] + g[1])).item<double>();
        partner = torch::randperm(x.size(0), torch::kLong);
        input = (x * lambda + x.index_select(0, partner) * (1.0 - lambda)).contiguous(x.suggest_memory_format());
    }
    const torch::Tensor probs = head()       ? m_graph->forwardFrom(m_featureLayer, input)
                                : m_livePlan ? m_livePlan->run(input)
                                             : m_graph->forward(input);
    const torch::Tensor p = nsfwProbability(probs, m_nsfwIndices);
    torch::Tensor value = loss(p, y, positiveWeight, negativeWeight);
    if (mix)
        value = value * lambda + loss(p, y.index_select(0, partner), positiveWeight, negativeWeight) * (1.0 - lambda);
    value.backward();
    m_optimizer->step();
    updateAverage();
    return value.item<double>();
}

void Learner::updateAverage()
{
    if (m_settings.emaDecay <= 0)
        return;
    torch::NoGradGuard noGrad;
    if (m_averaged.empty()) {
        for (const auto &p : m_graph->parameters()) {
            if (p.requires_grad())
                m_averaged.push_back(p);
        }
    }
    if (m_average.empty()) {
        for (const auto &p : m_averaged)
            m_average.push_back(p.detach().clone());
        m_averagedSteps = 1;
        return;
    }
    // Warmed up as TensorFlow's ExponentialMovingAverage with num_updates: early steps count fully.
    const double t = double(m_averagedSteps);
    const double decay = std::min(m_settings.emaDecay, (1.0 + t) / (10.0 + t));
    for (size_t i = 0; i < m_average.size() && i < m_averaged.size(); ++i)
        m_average[i].mul_(decay).add_(m_averaged[i].detach(), 1.0 - decay);
    ++m_averagedSteps;
}

void Learner::swapAverage()
{
    if (m_average.empty() || m_averaged.size() != m_average.size())
        return;
    torch::NoGradGuard noGrad;
    for (size_t i = 0; i < m_average.size(); ++i) {
        const torch::Tensor trained = m_averaged[i].detach().clone();
        m_averaged[i].copy_(m_average[i]);
        m_average[i].copy_(trained);
    }
}

torch::Tensor Learner::probability(const torch::Tensor &x, const InferencePlan *plan)
{
    if (head())
        return nsfwProbability(m_graph->forwardFrom(m_featureLayer, x), m_nsfwIndices);
    auto net = [&](const torch::Tensor &in) { return plan ? plan->run(in) : m_graph->forward(in); };
    if (!m_profile.flipAverage)
        return nsfwProbability(net(x), m_nsfwIndices);
    // Test-time flip averaging, as the classifier scores with the run's model.
    const torch::Tensor mirrored = x.flip({3}).contiguous(x.suggest_memory_format());
    return nsfwProbability((net(x) + net(mirrored)) * 0.5, m_nsfwIndices);
}

Learner::State Learner::state() const
{
    State s;
    torch::NoGradGuard noGrad;
    for (const auto &p : m_graph->named_parameters())
        s.emplace_back(p.key(), p.value().detach().clone());
    for (const auto &b : m_graph->named_buffers())
        s.emplace_back(b.key(), b.value().detach().clone());
    return s;
}

void Learner::restore(const State &state)
{
    torch::NoGradGuard noGrad;
    auto params = m_graph->named_parameters();
    auto buffers = m_graph->named_buffers();
    for (const auto &[name, value] : state) {
        if (auto *p = params.find(name))
            p->copy_(value);
        else if (auto *b = buffers.find(name))
            b->copy_(value);
    }
}

std::unique_ptr<torch::optim::Optimizer> Learner::makeOptimizer()
{
    // The head learns at ten times the backbone's rate in partial and full modes: it has to move from the
    // pretrained five-class judgement to the user's, while the backbone should only adjust. With a layer decay below
    // 1, each of the profile's blocks learns at that times the rate of the block above it (layers before the first
    // block: one block further down; a model whose profile names no blocks: one rate for the whole backbone).
    const TrainSettings &s = m_settings;
    const double lr = s.effectiveLearningRate();
    const int blocks = int(m_profile.blocks.size());
    const bool byDepth = !head() && s.layerDecay < 1.0 && blocks > 0;
    std::vector<torch::Tensor> headParams;
    std::map<int, std::vector<torch::Tensor>> backboneByDepth;
    bool afterFeatures = false;
    int block = -1;
    for (const std::string &name : m_graph->layerNames()) {
        const int started = int(m_profile.blocks.indexOf(QString::fromStdString(name)));
        if (started >= 0)
            block = started;
        const int depth = !byDepth ? 0 : block < 0 ? blocks : blocks - 1 - block;
        for (const auto &p : m_graph->layer(name)->parameters()) {
            if (p.requires_grad())
                (afterFeatures ? headParams : backboneByDepth[depth]).push_back(p);
        }
        afterFeatures = afterFeatures || name == m_featureLayer;
    }
    if (headParams.empty() && backboneByDepth.empty())
        throw Failure(QCoreApplication::translate("nsfw::Trainer", "Nothing to train: no layer is unfrozen.")
                          .toStdString());
    const double headLr = head() ? lr : lr * 10;
    const bool sgd = s.optimizer == QLatin1String("sgd");
    auto options = [&](double rate) -> std::unique_ptr<torch::optim::OptimizerOptions> {
        if (sgd)
            return std::make_unique<torch::optim::SGDOptions>(
                torch::optim::SGDOptions(rate).momentum(0.9).weight_decay(s.weightDecay));
        return std::make_unique<torch::optim::AdamWOptions>(
            torch::optim::AdamWOptions(rate).weight_decay(s.weightDecay));
    };
    std::vector<torch::optim::OptimizerParamGroup> groups;
    m_baseRates.clear();
    if (!headParams.empty()) {
        groups.emplace_back(headParams, options(headLr));
        m_baseRates.push_back(headLr);
    }
    for (const auto &[depth, params] : backboneByDepth) {
        const double rate = recipe::depthRate(lr, s.layerDecay, depth);
        groups.emplace_back(params, options(rate));
        m_baseRates.push_back(rate);
    }
    if (sgd)
        return std::make_unique<torch::optim::SGD>(
            groups, torch::optim::SGDOptions(lr).momentum(0.9).weight_decay(s.weightDecay));
    return std::make_unique<torch::optim::AdamW>(groups, torch::optim::AdamWOptions(lr).weight_decay(s.weightDecay));
}

void Learner::setScheduleFactor(double factor)
{
    auto &groups = m_optimizer->param_groups();
    for (size_t i = 0; i < groups.size() && i < m_baseRates.size(); ++i)
        groups[i].options().set_lr(m_baseRates[i] * factor);
}

std::vector<double> Learner::learningRates() const
{
    std::vector<double> rates;
    for (const auto &group : m_optimizer->param_groups())
        rates.push_back(group.options().get_lr());
    return rates;
}

} // namespace nsfw
