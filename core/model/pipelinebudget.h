#pragma once
// How scoring a folder shares the cores between the network and the decode workers, batch by batch
// (Classifier::classifyFiles and featuresOfFiles).
//
// Two shares, each the faster on some machines (`benchmark predict`, README "Measured"):
// - wide: the network takes every core, and the workers start no picture while it runs a batch; they decode between
//   batches. On a machine where nothing else runs, this is the faster.
// - narrow: the network takes half the cores and the workers decode beside it. Where other programs hold the
//   cores, torch's OpenMP team waits at every layer's barrier for whichever of its threads they preempted, and a
//   network on every core runs at a fraction of its speed; the narrow share loses less.
// The budget keeps each share's time per picture (from waiting for a batch's pictures to the end of its network run)
// and uses the faster one. It tries the slower one again after a few batches, since other programs come and go, and
// waits twice as long before each further try that finds it still the slower (up to kLongestWait batches).

namespace nsfw {

class PipelineBudget
{
public:
    struct Share {
        int networkThreads = 1;
        bool pauseDecoding = false; ///< no picture starts decoding while the network runs a batch
        bool wide = false;
    };

    /// A budget on `cores` cores; `fixedNetworkThreads` > 0 pins the network to that many threads beside decoding
    /// (the user's choice: no measuring, no pausing).
    explicit PipelineBudget(int cores, int fixedNetworkThreads = 0);

    /// A new run of batches: its first batch is not measured (it waits for all its pictures, none decoded ahead).
    /// What earlier runs measured is kept: the machine is the same.
    void begin();
    /// The share for the next batch.
    Share next() const;
    /// A batch of `pictures` took `seconds` with `share`.
    void finished(const Share &share, int pictures, double seconds);

    /// This run's batches with each share.
    int wideBatches() const { return m_wide.batches; }
    int narrowBatches() const { return m_narrow.batches; }

    /// Batches the slower share waits before it is measured again, at first and at most.
    static constexpr int kFirstWait = 6;
    static constexpr int kLongestWait = 48;

private:
    struct Estimate {
        double secondsPerPicture = -1; ///< a running mean, the newest batch counting half; -1: not measured
        int age = 0;                   ///< batches since it was last measured
        int wait = kFirstWait;         ///< batches it waits while the slower
        int batches = 0;               ///< in this run
    };
    Share shareOf(bool wide) const;
    bool wideIsFaster() const { return m_wide.secondsPerPicture <= m_narrow.secondsPerPicture; }

    int m_cores;
    int m_fixed;
    bool m_started = false;
    Estimate m_wide;
    Estimate m_narrow;
};

} // namespace nsfw
