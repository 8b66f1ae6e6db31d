#include "learner.h"

#include "trainingdata.h"
#include "train/recipe.h"

#include <QCoreApplication>

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
    for (int f = 0; f < k; ++f) {
        m_foldOptimizers.push_back(makeOptimizer());
        m_foldStates.push_back(m_initial);
    }
    m_fold = -1;
}

void Learner::useFold(int f)
{
    if (f == m_fold)
        return;
    if (m_fold >= 0)
        m_foldStates[size_t(m_fold)] = state();
    restore(m_foldStates[size_t(f)]);
    m_optimizer = m_foldOptimizers[size_t(f)].get();
    m_fold = f;
}

void Learner::endFolds()
{
    m_optimizer = m_ownOptimizer.get();
    m_foldOptimizers.clear();
    m_foldStates.clear();
    m_fold = -1;
}

void Learner::trainMode()
{
    setTrainMode(m_graph, m_settings.freezeBatchNorm);
}

double Learner::step(const torch::Tensor &x, const torch::Tensor &y, double positiveWeight, double negativeWeight)
{
    m_optimizer->zero_grad();
    const torch::Tensor probs = head()       ? m_graph->forwardFrom(m_featureLayer, x)
                                : m_livePlan ? m_livePlan->run(x)
                                             : m_graph->forward(x);
    // Label smoothing: the targets move towards 1/2 (recipe::smoothedTarget); the loss weights stay those of the
    // labels.
    const double e = m_settings.labelSmoothing;
    const torch::Tensor target = e > 0 ? y * (1.0 - e) + e / 2.0 : y;
    const torch::Tensor loss = weightedBce(nsfwProbability(probs, m_nsfwIndices), target, positiveWeight,
                                           negativeWeight, y);
    loss.backward();
    m_optimizer->step();
    return loss.item<double>();
}

torch::Tensor Learner::probability(const torch::Tensor &x, const InferencePlan *plan)
{
    if (head())
        return nsfwProbability(m_graph->forwardFrom(m_featureLayer, x), m_nsfwIndices);
    return nsfwProbability(plan ? plan->run(x) : m_graph->forward(x), m_nsfwIndices);
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
