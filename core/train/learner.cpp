#include "learner.h"

#include "trainingdata.h"

#include <QCoreApplication>

namespace nsfw {

Learner::Learner(KerasGraph graph, const TrainSettings &settings, bool channelsLast)
    : m_graph(std::move(graph))
    , m_settings(settings)
    , m_channelsLast(channelsLast)
    , m_featureLayer(m_graph->featureLayer())
{
    useChannelsLast(m_graph, channelsLast);
    m_initial = state();
}

void Learner::start()
{
    setTrainable(m_graph, m_settings.mode, m_settings.blocks, m_settings.freezeBatchNorm);
    m_livePlan.reset();
    if (!head() && m_settings.freezeBatchNorm)
        m_livePlan = std::make_unique<InferencePlan>(m_graph, m_channelsLast, true, InferencePlan::Weights::Live);
    m_ownOptimizer = makeOptimizer();
    m_optimizer = m_ownOptimizer.get();
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
    const torch::Tensor loss = weightedBce(nsfwProbability(probs), y, positiveWeight, negativeWeight);
    loss.backward();
    m_optimizer->step();
    return loss.item<double>();
}

torch::Tensor Learner::probability(const torch::Tensor &x, const InferencePlan *plan)
{
    if (head())
        return nsfwProbability(m_graph->forwardFrom(m_featureLayer, x));
    return nsfwProbability(plan ? plan->run(x) : m_graph->forward(x));
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
    // pretrained five-class judgement to the user's, while the backbone should only adjust.
    std::vector<torch::Tensor> headParams, backboneParams;
    bool afterFeatures = false;
    for (const std::string &name : m_graph->layerNames()) {
        for (const auto &p : m_graph->layer(name)->parameters()) {
            if (p.requires_grad())
                (afterFeatures ? headParams : backboneParams).push_back(p);
        }
        afterFeatures = afterFeatures || name == m_featureLayer;
    }
    if (headParams.empty() && backboneParams.empty())
        throw Failure(QCoreApplication::translate("nsfw::Trainer", "Nothing to train: no layer is unfrozen.")
                          .toStdString());
    const TrainSettings &s = m_settings;
    const double lr = s.effectiveLearningRate();
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
    if (!headParams.empty())
        groups.emplace_back(headParams, options(headLr));
    if (!backboneParams.empty())
        groups.emplace_back(backboneParams, options(lr));
    if (sgd)
        return std::make_unique<torch::optim::SGD>(
            groups, torch::optim::SGDOptions(lr).momentum(0.9).weight_decay(s.weightDecay));
    return std::make_unique<torch::optim::AdamW>(groups, torch::optim::AdamWOptions(lr).weight_decay(s.weightDecay));
}

} // namespace nsfw
