#pragma once
// Torch-side header: only for the training room's .cpp files.

#include "model/inferenceplan.h"
#include "model/kerasgraph.h"
#include "model/modelprofile.h"
#include "train/trainsettings.h"

#include <torch/torch.h>

#include <memory>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace nsfw {

/// The learning half of a run: the model, its optimiser and one training step, with nothing about databases,
/// files or signals (Trainer's recorder does those). The trainer and the training benchmark both train through
/// step(), so the benchmark measures the step the trainer takes.
///
/// start() unfreezes what the mode trains and makes a fresh optimiser; reset() puts the weights back to those the
/// learner was built with, so cross-validation trains each fold's model from the same pretrained start.
class Learner
{
public:
    struct Failure : std::runtime_error {
        using std::runtime_error::runtime_error;
    };
    /// Parameters and buffers by name: a snapshot of the weights.
    using State = std::vector<std::pair<std::string, torch::Tensor>>;

    /// graph: the pretrained network (its weights become the reset state); profile: its completed profile (which
    /// classes make p(nsfw), where the blocks start). channelsLast: weights and inputs in channels-last memory
    /// (oneDNN's native layout).
    Learner(KerasGraph graph, const TrainSettings &settings, const ModelProfile &profile, bool channelsLast);

    /// Unfreezes the layers the mode trains, makes a fresh optimiser (the head at ten times the backbone's rate in
    /// partial and full modes); throws Failure when nothing is trainable.
    void start();
    /// Unfreezes what the mode trains again, keeping the optimiser: after another learner on the same network (the
    /// head-first stage's) changed which layers train.
    void restoreTrainable();
    /// Dropout in training mode, BatchNorm kept in eval mode when frozen: call before an epoch's steps.
    void trainMode();
    /// One optimiser step on a batch: inputs x (head: features; else model inputs), 0/1 labels y, the loss weights
    /// of positives and negatives. Returns the batch's loss.
    double step(const torch::Tensor &x, const torch::Tensor &y, double positiveWeight, double negativeWeight);
    /// p(nsfw) of a batch with the current weights, in eval mode (head: from features; else through `plan`, the
    /// fused network of the current weights, when given).
    torch::Tensor probability(const torch::Tensor &x, const InferencePlan *plan = nullptr);

    /// Weight averaging (TrainSettings::emaDecay): exchanges the trained parameters with their moving average, so a
    /// second call puts the trained ones back. Nothing happens while averaging is off or before the first step.
    void swapAverage();
    /// The same as a scope: the average in the network while it lives (for judging an epoch), the trained weights
    /// back after.
    class Averaged
    {
    public:
        explicit Averaged(Learner &l)
            : m_learner(l)
        {
            m_learner.swapAverage();
        }
        ~Averaged() { m_learner.swapAverage(); }
        Averaged(const Averaged &) = delete;
        Averaged &operator=(const Averaged &) = delete;

    private:
        Learner &m_learner;
    };
    /// Steps averaged since start() (or, cross-validating, in the current fold).
    int64_t averagedSteps() const { return m_averagedSteps; }

    /// Scales every parameter group's learning rate to its base rate times factor (the schedule's, per step).
    void setScheduleFactor(double factor);
    /// The current learning rate of each parameter group: the head's first (when it trains), then the backbone's
    /// from the top block down.
    std::vector<double> learningRates() const;

    State state() const;
    void restore(const State &state);
    /// Back to the weights the learner was built with.
    void reset() { restore(m_initial); }

    /// Cross-validation, epoch by epoch: k models, each with its own weights (from the reset state) and optimiser,
    /// trained in turn on the one network. startFolds() calls start(); useFold() stores the current fold's weights
    /// and brings fold f's in, so step() trains fold f; endFolds() drops them all (the network keeps the last
    /// fold's weights).
    void startFolds(int k);
    void useFold(int f);
    void endFolds();

    bool head() const { return m_settings.mode == TrainSettings::Mode::Head; }
    KerasGraph &graph() { return m_graph; }
    const std::string &featureLayer() const { return m_featureLayer; }
    at::MemoryFormat inputFormat() const
    {
        return m_channelsLast ? at::MemoryFormat::ChannelsLast : at::MemoryFormat::Contiguous;
    }
    bool channelsLast() const { return m_channelsLast; }

private:
    std::unique_ptr<torch::optim::Optimizer> makeOptimizer();
    void updateAverage();
    /// The loss of a batch's p(nsfw) against labels y (label smoothing applied).
    torch::Tensor loss(const torch::Tensor &p, const torch::Tensor &y, double positiveWeight, double negativeWeight) const;

    KerasGraph m_graph;
    TrainSettings m_settings;
    ModelProfile m_profile;
    std::vector<int> m_nsfwIndices;
    bool m_channelsLast;
    std::string m_featureLayer;
    State m_initial;
    std::vector<double> m_baseRates; ///< each parameter group's rate before the schedule (every optimiser alike)
    /// Partial/full training with frozen BatchNorm: BatchNorm folded into the convolutions on the fly.
    std::unique_ptr<InferencePlan> m_livePlan;
    std::unique_ptr<torch::optim::Optimizer> m_ownOptimizer;
    torch::optim::Optimizer *m_optimizer = nullptr; ///< the one step() uses: m_ownOptimizer's or the fold's
    std::vector<std::unique_ptr<torch::optim::Optimizer>> m_foldOptimizers;
    std::vector<State> m_foldStates;
    int m_fold = -1;
    // Weight averaging: the trainable parameters and their moving averages, in the same order (empty: none yet).
    std::vector<torch::Tensor> m_averaged;
    std::vector<torch::Tensor> m_average;
    int64_t m_averagedSteps = 0;
    struct FoldAverage {
        std::vector<torch::Tensor> average;
        int64_t steps = 0;
    };
    std::vector<FoldAverage> m_foldAverages;
};

} // namespace nsfw
