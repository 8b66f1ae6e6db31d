#pragma once

#include <algorithm>
#include <vector>

namespace nsfw::cli {

/// The benchmarks' summaries of repeated measurements.

/// The value at rank p (0..1) of the sorted values, nearest rank; 0 when there are none.
inline double percentile(std::vector<double> values, double p)
{
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    const auto index = static_cast<size_t>(std::min<double>(double(values.size() - 1), p * double(values.size() - 1) + 0.5));
    return values[index];
}

/// The median; the mean of the middle two for an even count; 0 when there are none.
inline double median(std::vector<double> values)
{
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    const size_t n = values.size();
    return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

} // namespace nsfw::cli
