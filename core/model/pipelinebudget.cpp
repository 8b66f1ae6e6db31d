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

PipelineBudget::Share PipelineBudget::shareOf(bool wide) const
{
    Share s;
    s.wide = wide;
    s.networkThreads = wide ? m_cores : networkThreadsBesideDecoding(m_cores);
    s.pauseDecoding = wide;
    return s;
}

PipelineBudget::Share PipelineBudget::next() const
{
    if (m_fixed > 0) {
        Share s;
        s.networkThreads = m_fixed;
        return s;
    }
    if (m_wide.secondsPerPicture < 0)
        return shareOf(true);
    if (m_narrow.secondsPerPicture < 0)
        return shareOf(false);
    const bool wide = wideIsFaster();
    const Estimate &slower = wide ? m_narrow : m_wide;
    return shareOf(slower.age >= slower.wait ? !wide : wide);
}

void PipelineBudget::finished(const Share &share, int pictures, double seconds)
{
    if (m_fixed > 0 || pictures <= 0)
        return;
    Estimate &measured = share.wide ? m_wide : m_narrow;
    Estimate &other = share.wide ? m_narrow : m_wide;
    ++measured.batches;
    if (!m_started) {
        m_started = true;
        return;
    }
    const double perPicture = seconds / pictures;
    const bool wasFaster = measured.secondsPerPicture >= 0 && other.secondsPerPicture >= 0 &&
                           share.wide == wideIsFaster();
    // A share in use follows a change of load within two batches. One measured again after a wait is measured
    // afresh: its old time is from another load.
    const bool stale = measured.secondsPerPicture < 0 || measured.age >= kFirstWait;
    const bool retried = measured.secondsPerPicture >= 0 && !wasFaster && measured.age >= measured.wait;
    measured.secondsPerPicture = stale ? perPicture : 0.5 * measured.secondsPerPicture + 0.5 * perPicture;
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
