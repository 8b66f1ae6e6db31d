#pragma once
// Torch-side header (model room only).

#include "model/kerasgraph.h"

#include <vector>

namespace nsfw {

/// A frozen, inference-only schedule of a KerasGraph: BatchNorm folded into the preceding convolution,
/// ReLU/ReLU6 applied in place on the convolution's fresh output, residual adds in place, weights in
/// channels_last, activations freed after their last use. Built from a snapshot of the graph's weights: rebuild
/// it after the weights change. Numerically equal to the graph in eval mode up to float rounding (~1e-6).
class InferencePlan
{
public:
    InferencePlan(KerasGraph graph, bool channelsLast, bool fuse);
    /// Runs the plan; call under c10::InferenceMode. Input NCHW float.
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
    bool m_channelsLast;
    int m_folded = 0;
};

} // namespace nsfw
