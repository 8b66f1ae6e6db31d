#include "pipelinebudget.h"

#include "model/classifier.h"

#include <algorithm>

namespace nsfw {

PipelineBudget::PipelineBudget(int cores, int fixedNetworkThreads)
    : m_cores(std::max(1, cores))
    , m_fixed(std::max(0, fixedNetworkThreads))
{
}

void PipelineBudget::begin()
{
    m_started = false;
    m_wide.batches = 0;
    m_narrow.batches = 0;
}

namespace {

template <typename Samples>
double perPicture(const Samples &samples)
{
    double seconds = 0;
    int pictures = 0;
    for (const auto &s : samples) {
        seconds += s.seconds;
        pictures += s.pictures;
    }
    return pictures > 0 ? seconds / pictures : 0;
}

template <typename Samples, typename Sample>
void keep(Samples &samples, const Sample &sample, int most)
{
    samples.push_back(sample);
    while (int(samples.size()) > most)
        samples.pop_front();
}

} // namespace

PipelineBudget::Share PipelineBudget::shareOf(bool wide) const
{
    Share s;
    s.wide = wide;
    s.networkThreads = wide ? m_cores : networkThreadsBesideDecoding(m_cores);
    s.decodersBeside = wide ? 0 : std::max(1, m_cores - s.networkThreads);
    return s;
}

double PipelineBudget::predictedSecondsPerPicture(bool wide) const
{
    if (!m_wide.measured() || !m_narrow.measured())
        return -1;
    const double decode = perPicture(m_decode);
    if (wide)
        return decode / m_cores + perPicture(m_wide.network);
    const double network = perPicture(m_narrow.network);
    return network + std::max(0.0, decode - shareOf(false).decodersBeside * network) / m_cores;
}

PipelineBudget::Share PipelineBudget::next() const
{
    if (m_fixed > 0) {
        Share s;
        s.networkThreads = m_fixed;
        s.decodersBeside = std::max(1, m_cores - m_fixed);
        return s;
    }
    if (!m_wide.measured())
        return shareOf(true);
    if (!m_narrow.measured())
        return shareOf(false);
    const bool wide = wideIsFaster();
    const Estimate &slower = wide ? m_narrow : m_wide;
    return shareOf(slower.age >= slower.wait ? !wide : wide);
}

void PipelineBudget::finished(const Share &share, int pictures, double networkSeconds, double decodeSeconds)
{
    if (m_fixed > 0 || pictures <= 0)
        return;
    Estimate &measured = share.wide ? m_wide : m_narrow;
    Estimate &other = share.wide ? m_narrow : m_wide;
    ++measured.batches;
    keep(m_decode, Sample{decodeSeconds, pictures}, kDecodeWindow);
    if (!m_started) {
        m_started = true;
        return;
    }
    const bool wasFaster = measured.measured() && other.measured() && share.wide == wideIsFaster();
    const bool retried = measured.measured() && !wasFaster && measured.age >= measured.wait;
    // A share measured again after a wait starts afresh: its old times are from another load.
    if (measured.age >= kFirstWait)
        measured.network.clear();
    keep(measured.network, Sample{networkSeconds, pictures}, kNetworkWindow);
    measured.age = 0;
    ++other.age;
    if (retried) {
        const bool nowFaster = share.wide == wideIsFaster();
        measured.wait = nowFaster ? kFirstWait : std::min(kLongestWait, 2 * measured.wait);
        if (nowFaster) {
            other.wait = kFirstWait;
            other.age = 0;
        }
    }
}

} // namespace nsfw
