#include "model/inferenceplan.h"

#include <cmath>

namespace nsfw {

InferencePlan::InferencePlan(KerasGraph graph, bool channelsLast, bool fuse, Weights weights)
    : m_graph(std::move(graph))
    , m_channelsLast(channelsLast)
    , m_live(weights == Weights::Live)
{
    torch::NoGradGuard noGrad;
    const auto &nodes = m_graph->nodes();
    const int n = static_cast<int>(nodes.size());
    m_slots = nodes.size();
    m_output = m_graph->outputNode();
    std::vector<std::vector<int>> consumers(n);
    for (int i = 0; i < n; ++i) {
        for (int in : nodes[i].inputs)
            consumers[in].push_back(i);
        if (nodes[i].layer->className() == "InputLayer")
            m_input = i;
    }
    // A node can be absorbed into its producer's step when it is that producer's only consumer.
    auto soleConsumer = [&](int i) { return consumers[i].size() == 1 && i != m_output ? consumers[i][0] : -1; };
    std::vector<bool> absorbed(n, false);

    // ZeroPadding2D (t, b, l, r) before a 'valid' convolution with b >= t, r >= l: pad symmetrically by (b, r)
    // inside the convolution and grow the kernel by b-t rows / r-l columns of leading zeros. Same result, no
    // padded copy of the activation (the copies were ~13% of MobileNetV2's time).
    std::vector<int> foldedPad(n, -1); // conv node -> its folded ZeroPadding2D node
    for (int i = 0; fuse && i < n; ++i) {
        const auto &tblr = nodes[i].layer->zeroPadding();
        const int c = soleConsumer(i);
        const auto *conv = c >= 0 ? dynamic_cast<const ConvLayerImpl *>(nodes[c].layer.get()) : nullptr;
        if (tblr.size() == 4 && conv && conv->foldablePadding() && tblr[1] >= tblr[0] && tblr[3] >= tblr[2]) {
            foldedPad[c] = i;
            absorbed[i] = true;
            ++m_folded;
        }
    }

    for (int i = 0; i < n; ++i) {
        if (absorbed[i] || i == m_input)
            continue;
        Step step;
        step.node = i;
        step.out = i;
        step.inputs = nodes[i].inputs;
        const auto *conv = dynamic_cast<const ConvLayerImpl *>(nodes[i].layer.get());
        if (conv && fuse) {
            step.conv = true;
            int cur = i;
            const std::string &act = conv->activation();
            const int next = soleConsumer(cur);
            const auto *bn = next >= 0 ? dynamic_cast<const BatchNormLayerImpl *>(nodes[next].layer.get()) : nullptr;
            if (act == "linear" && bn) {
                step.bn = bn;
                absorbed[next] = true;
                cur = next;
                ++m_folded;
            }
            if (act == "relu" || act == "relu6") {
                step.clamp = true;
                step.lo = 0;
                step.hi = act == "relu6" ? 6.0 : INFINITY;
            } else if (act == "linear") {
                const int r = soleConsumer(cur);
                if (r >= 0 && nodes[r].layer->clampRange()) {
                    step.clamp = true;
                    std::tie(step.lo, step.hi) = *nodes[r].layer->clampRange();
                    absorbed[r] = true;
                    cur = r;
                    ++m_folded;
                }
            } else {
                step.conv = false; // other activations: run the layer as it is
            }
            if (step.conv && foldedPad[i] >= 0) {
                const auto &tblr = nodes[foldedPad[i]].layer->zeroPadding();
                step.kernelPad = {tblr[3] - tblr[2], 0, tblr[1] - tblr[0], 0};
                step.padding = {tblr[1], tblr[3]};
                step.padNode = foldedPad[i];
                step.inputs = nodes[foldedPad[i]].inputs;
            }
            if (step.conv) {
                step.out = cur;
                if (!m_live)
                    std::tie(step.kernel, step.bias) = fusedWeights(step);
            }
        }
        if (nodes[i].layer->className() == "Add" && nodes[i].inputs.size() == 2)
            step.inplaceAdd = true;
        m_steps.push_back(std::move(step));
    }
    // Slots written by a convolution step without a clamp: autograd saves neither a convolution's output nor
    // anything for an addition, so a live plan may add into such a slot when the addition is its only reader.
    std::vector<bool> plainConvOutput(m_slots, false);
    for (const Step &st : m_steps)
        plainConvOutput[size_t(st.out)] = st.conv && !st.clamp;
    // Last readers, to free activations as soon as possible and to allow in-place adds.
    std::vector<int> lastReader(m_slots, -1);
    for (size_t s = 0; s < m_steps.size(); ++s) {
        for (int in : m_steps[s].inputs)
            lastReader[in] = static_cast<int>(s);
    }
    for (size_t s = 0; s < m_steps.size(); ++s) {
        for (int in : m_steps[s].inputs) {
            if (lastReader[in] == static_cast<int>(s) && in != m_output &&
                std::find(m_steps[s].release.begin(), m_steps[s].release.end(), in) == m_steps[s].release.end())
                m_steps[s].release.push_back(in);
        }
        // In place into an operand that dies here and is not the caller's input tensor (live plans: only a plain
        // convolution output read by nothing else); that operand goes first.
        Step &st = m_steps[s];
        if (!st.inplaceAdd)
            continue;
        auto canOverwrite = [&](int in) {
            const bool dies = std::find(st.release.begin(), st.release.end(), in) != st.release.end();
            const bool unsaved = !m_live || (plainConvOutput[size_t(in)] && consumers[in].size() == 1);
            return in != m_input && st.inputs[0] != st.inputs[1] && dies && unsaved;
        };
        if (!canOverwrite(st.inputs[0]) && canOverwrite(st.inputs[1]))
            std::swap(st.inputs[0], st.inputs[1]);
        st.inplaceAdd = canOverwrite(st.inputs[0]);
    }
}

std::pair<torch::Tensor, torch::Tensor> InferencePlan::fusedWeights(const Step &step, bool growKernel) const
{
    const auto *conv = static_cast<const ConvLayerImpl *>(m_graph->nodes()[step.node].layer.get());
    torch::Tensor kernel = conv->kernel();
    torch::Tensor bias = conv->bias();
    if (step.bn) {
        // y = (conv(x) + b) * scale + shift = conv_{W*scale}(x) + (b*scale + shift)
        const auto [scale, shift] = step.bn->evalAffine();
        kernel = kernel * scale.view({-1, 1, 1, 1});
        bias = bias.defined() ? bias * scale + shift : shift;
    }
    if (growKernel && !step.kernelPad.empty())
        kernel = torch::constant_pad_nd(kernel, step.kernelPad);
    kernel = kernel.contiguous(m_channelsLast ? at::MemoryFormat::ChannelsLast : at::MemoryFormat::Contiguous);
    if (!m_live) {
        kernel = kernel.detach().clone();
        bias = bias.defined() ? bias.detach().clone() : bias;
    }
    return {kernel, bias};
}

torch::Tensor InferencePlan::run(const torch::Tensor &input) const
{
    std::vector<torch::Tensor> values(m_slots);
    values[m_input] = m_channelsLast && input.dim() == 4 ? input.contiguous(at::MemoryFormat::ChannelsLast) : input;
    std::vector<torch::Tensor> args;
    for (const Step &st : m_steps) {
        torch::Tensor y;
        if (st.conv) {
            const auto *conv = static_cast<const ConvLayerImpl *>(m_graph->nodes()[st.node].layer.get());
            torch::Tensor kernel = st.kernel, bias = st.bias;
            // A kernel that trains keeps its own size: oneDNN's depthwise weight gradient is 5-8 times slower for
            // the grown 4x4 kernel than for the 3x3 one (MobileNetV2's strided blocks), far more than copying the
            // activation into a padded buffer costs.
            const bool padCopy = m_live && !st.padding.empty() && conv->kernel().requires_grad() &&
                                 torch::GradMode::is_enabled();
            if (m_live)
                std::tie(kernel, bias) = fusedWeights(st, !padCopy);
            if (padCopy) {
                const torch::Tensor padded = m_graph->runNode(st.padNode, {values[st.inputs[0]]}, input.size(0));
                y = conv->convolveRaw(padded, kernel, bias, {0, 0});
            } else {
                y = st.padding.empty() ? conv->convolve(values[st.inputs[0]], kernel, bias)
                                       : conv->convolveRaw(values[st.inputs[0]], kernel, bias, st.padding);
            }
            // Not in place where autograd records: LibTorch 1.13's hardtanh_ clones its input for autograd, and
            // clamp_'s gradient at the bounds differs from ReLU6's (measured: hardtanh 30 ms, hardtanh_ 34 ms,
            // clamp_ 90 ms forward and backward on MobileNetV2's largest activation). Frozen layers before the
            // trained ones record nothing and clamp in place.
            if (st.clamp && m_live && y.requires_grad())
                y = std::isinf(st.hi) ? torch::relu(y) : torch::hardtanh(y, st.lo, st.hi);
            else if (st.clamp)
                y = std::isinf(st.hi) ? y.clamp_min_(st.lo) : y.clamp_(st.lo, st.hi);
        } else if (st.inplaceAdd) {
            y = values[st.inputs[0]].add_(values[st.inputs[1]]);
        } else {
            args.clear();
            for (int in : st.inputs)
                args.push_back(values[in]);
            y = m_graph->runNode(st.node, args, input.dim() > 0 ? input.size(0) : 1);
        }
        for (int r : st.release)
            values[r] = torch::Tensor();
        values[st.out] = std::move(y);
    }
    return values[m_output];
}

} // namespace nsfw
