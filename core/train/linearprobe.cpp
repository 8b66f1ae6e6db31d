#include "linearprobe.h"

#include "train/metrics.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <random>

namespace nsfw::linearprobe {

namespace {

/// Minimises the penalised loss on standardised features z from w0/b0 (warm start) with L-BFGS.
std::pair<torch::Tensor, torch::Tensor> minimise(const torch::Tensor &z, const torch::Tensor &y,
                                                 const torch::Tensor &itemWeight, double c, torch::Tensor w0,
                                                 torch::Tensor b0)
{
    torch::Tensor w = w0.clone().set_requires_grad(true);
    torch::Tensor b = b0.clone().set_requires_grad(true);
    torch::optim::LBFGS optimiser(std::vector<torch::Tensor>{w, b}, torch::optim::LBFGSOptions(1)
                                                                        .max_iter(500)
                                                                        .tolerance_grad(1e-6)
                                                                        .tolerance_change(1e-10)
                                                                        .history_size(20)
                                                                        .line_search_fn("strong_wolfe"));
    auto closure = [&] {
        optimiser.zero_grad();
        const torch::Tensor logits = torch::mv(z, w) + b;
        const torch::Tensor loss =
            0.5 * w.dot(w)
            + c * (itemWeight * torch::binary_cross_entropy_with_logits(logits, y, {}, {}, at::Reduction::None)).sum();
        loss.backward();
        return loss;
    };
    optimiser.step(closure);
    return {w.detach(), b.detach()};
}

} // namespace

std::vector<double> cGrid()
{
    std::vector<double> grid;
    for (int i = 0; i <= 12; ++i)
        grid.push_back(std::pow(10.0, -4.0 + 0.5 * i));
    return grid;
}

Fit fit(const torch::Tensor &x, const torch::Tensor &y, double positiveWeight, double negativeWeight, quint64 seed,
        int folds, double fixedC)
{
    // Double precision: the penalised objective is flat at small C, and L-BFGS stops early on float noise.
    const torch::Tensor xd = x.to(torch::kDouble);
    const torch::Tensor yd = y.to(torch::kDouble).reshape({-1});
    const int64_t n = xd.size(0), d = xd.size(1);
    const torch::Tensor mean = xd.mean(0);
    torch::Tensor sd = xd.std(0, /*unbiased=*/false);
    sd = torch::where(sd > 1e-12, sd, torch::ones_like(sd));
    const torch::Tensor z = (xd - mean) / sd;
    const torch::Tensor itemWeight = yd * positiveWeight + (1 - yd) * negativeWeight;

    Fit result;
    result.c = fixedC;
    // Stratified folds: each class's items shuffled (seeded) and dealt out in turn.
    std::vector<int> fold(size_t(n), 0);
    const auto labels = yd.contiguous();
    const double *ly = labels.data_ptr<double>();
    int64_t positives = 0;
    for (int64_t i = 0; i < n; ++i)
        positives += ly[i] > 0.5;
    const bool crossValidate = fixedC <= 0 && folds > 1 && std::min(positives, n - positives) >= folds;
    if (crossValidate) {
        std::mt19937 rng(quint32(seed) ^ 0x70726f62u);
        for (int label : {0, 1}) {
            std::vector<int64_t> items;
            for (int64_t i = 0; i < n; ++i) {
                if ((ly[i] > 0.5) == (label == 1))
                    items.push_back(i);
            }
            std::shuffle(items.begin(), items.end(), rng);
            for (size_t k = 0; k < items.size(); ++k)
                fold[size_t(items[k])] = int(k % size_t(folds));
        }
        double bestAp = -1;
        for (double c : cGrid()) {
            double apSum = 0;
            for (int f = 0; f < folds; ++f) {
                std::vector<int64_t> fitRows, heldRows;
                for (int64_t i = 0; i < n; ++i)
                    (fold[size_t(i)] == f ? heldRows : fitRows).push_back(i);
                const torch::Tensor fi = torch::tensor(fitRows), hi = torch::tensor(heldRows);
                const auto [w, b] = minimise(z.index_select(0, fi), yd.index_select(0, fi),
                                             itemWeight.index_select(0, fi), c, torch::zeros({d}, torch::kDouble),
                                             torch::zeros({}, torch::kDouble));
                const torch::Tensor s = (torch::mv(z.index_select(0, hi), w) + b).to(torch::kFloat).contiguous();
                QVector<float> scores(s.data_ptr<float>(), s.data_ptr<float>() + s.numel());
                QVector<int> heldLabels;
                for (int64_t i : heldRows)
                    heldLabels << (ly[i] > 0.5 ? 1 : 0);
                apSum += PrCurve::compute(scores, heldLabels).averagePrecision;
            }
            // The first C of the best mean AP, as scikit-learn takes it.
            if (apSum / folds > bestAp) {
                bestAp = apSum / folds;
                result.c = c;
            }
        }
        result.cvAp = bestAp;
    } else if (result.c <= 0) {
        result.c = 1.0; // too few items of a class to cross-validate: scikit-learn's default C
    }
    const auto [w, b] = minimise(z, yd, itemWeight, result.c, torch::zeros({d}, torch::kDouble),
                                 torch::zeros({}, torch::kDouble));
    // Back onto the raw features: w.(x - mean)/sd + b = (w/sd).x + (b - w.(mean/sd)).
    const torch::Tensor raw = w / sd;
    result.weight = raw.to(torch::kFloat);
    result.bias = (b - raw.dot(mean)).item<double>();
    return result;
}

} // namespace nsfw::linearprobe
