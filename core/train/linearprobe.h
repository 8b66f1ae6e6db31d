#pragma once
// Torch-side header: only for the training room's .cpp files.
//
// The first stage of LP-FT (TrainSettings::head "linear"): a logistic-regression probe on the frozen features,
// fitted the way a practitioner fits one (standardised features, L2 penalty, C chosen by cross-validated average
// precision over a log grid), then folded back into one linear layer on the raw features.

#include <torch/torch.h>

#include <QtGlobal>

#include <vector>

namespace nsfw::linearprobe {

struct Fit {
    torch::Tensor weight; ///< [features], on the raw (unstandardised) features
    double bias = 0;
    double c = 0;         ///< the chosen inverse regularisation strength
    double cvAp = qQNaN(); ///< its mean average precision over the folds (NaN: too few items to cross-validate)
};

/// The grid C is chosen from: 13 values, 1e-4 to 1e2 (scikit-learn's LogisticRegressionCV over np.logspace(-4, 2, 13),
/// as the benchmark's probe).
std::vector<double> cGrid();

/// L2-penalised logistic regression (objective: 0.5 |w|^2 + C sum_i weight_i log-loss_i, bias not penalised) of 0/1
/// labels y on features x [n, d], standardised by their mean and standard deviation; items weighted by class
/// (positiveWeight, negativeWeight). C: the grid's value with the best mean AP over `folds` stratified folds (seeded),
/// or `fixedC` when it is above 0. The result is on the raw features: p = sigmoid(x . weight + bias).
Fit fit(const torch::Tensor &x, const torch::Tensor &y, double positiveWeight, double negativeWeight, quint64 seed,
        int folds = 5, double fixedC = 0);

} // namespace nsfw::linearprobe
