#include "train/recipe.h"

#include <algorithm>
#include <cmath>

namespace nsfw::recipe {

double Schedule::factor(int step, int steps) const
{
    if (kind != QLatin1String("cosine") || steps <= 1)
        return 1.0;
    const int warmupSteps = std::clamp(int(std::lround(warmup * steps)), 0, steps - 1);
    // Warm-up: the first step already moves (1 / warmupSteps of the rate), the last warm-up step has the full rate.
    if (step < warmupSteps)
        return double(step + 1) / double(warmupSteps);
    // Decay: the full rate at the first step after the warm-up, towards 0 at the end (the last step still moves).
    const double t = double(step - warmupSteps) / double(steps - warmupSteps);
    return 0.5 * (1.0 + std::cos(M_PI * std::clamp(t, 0.0, 1.0)));
}

bool Schedule::isKnown(const QString &kind)
{
    return kind == QLatin1String("constant") || kind == QLatin1String("cosine");
}

double depthRate(double baseRate, double decay, int depth)
{
    return baseRate * std::pow(decay, std::max(0, depth));
}

double smoothedTarget(double label, double epsilon)
{
    return label * (1.0 - epsilon) + epsilon / 2.0;
}

} // namespace nsfw::recipe
