#pragma once
// Torch-side header (model room only).

#include "model/kerasgraph.h"

#include <vector>

namespace nsfw {

/// A fused schedule of a KerasGraph: BatchNorm folded into the preceding convolution, ReLU/ReLU6 applied on the
/// convolution's output, ZeroPadding2D folded into the next convolution, weights in channels_last, activations
/// freed after their last use. Numerically equal to the graph in eval mode up to float rounding (~1e-6).
///
/// Snapshot (inference): the fused weights are computed once from the graph's weights, clamps and residual adds
/// run in place; rebuild the plan after the weights change. Live (training with frozen BatchNorm): the fused
/// weights are recomputed from the live parameters on every run, differentiably, so gradients reach the convolution
/// kernels (BatchNorm must stay in eval mode and frozen); additions run in place only into a convolution's output
/// that nothing else reads, and a kernel that trains is not grown for a folded ZeroPadding2D.
class InferencePlan
{
public:
    enum class Weights { Snapshot, Live };
    InferencePlan(KerasGraph graph, bool channelsLast, bool fuse, Weights weights = Weights::Snapshot);
    /// Runs the plan; Snapshot plans under c10::InferenceMode. Input NCHW float.
    torch::Tensor run(const torch::Tensor &input) const;
    /// How many BatchNorm and activation layers were folded away (for logging).
    int foldedLayers() const { return m_folded; }

private:
    struct Step {
        int node = 0;             ///< graph node run by this step (the convolution when fused)
        int out = 0;              ///< value slot written (the last absorbed node)
        std::vector<int> inputs;  ///< value slots read
        std::vector<int> release; ///< slots whose last reader is this step
        bool conv = false;
        std::vector<int64_t> padding; ///< symmetric conv padding when a ZeroPadding2D was folded in
        std::vector<int64_t> kernelPad; ///< constant_pad_nd of the kernel for a folded ZeroPadding2D
        int padNode = -1;               ///< the folded ZeroPadding2D node (live plans run it for trained kernels)
        const BatchNormLayerImpl *bn = nullptr; ///< folded BatchNorm (live plans refold it each run)
        torch::Tensor kernel, bias;
        bool clamp = false;
        double lo = 0, hi = 0;
        bool inplaceAdd = false;
    };
    KerasGraph m_graph;
    std::vector<Step> m_steps;
    int m_input = 0;
    int m_output = 0;
    size_t m_slots = 0;
    /// The fused kernel and bias of a convolution step, from the graph's current weights.
    /// growKernel: with a folded ZeroPadding2D, the kernel grown by leading zeros (else as it is).
    std::pair<torch::Tensor, torch::Tensor> fusedWeights(const Step &step, bool growKernel = true) const;

    bool m_channelsLast;
    bool m_live = false;
    int m_folded = 0;
};

} // namespace nsfw
