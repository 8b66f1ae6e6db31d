#pragma once
// How scoring a folder shares the cores between the network and the decode workers, batch by batch
// (Classifier::classifyFiles and featuresOfFiles).
//
// Two shares, each the faster on some folders and machines (`benchmark predict`, README "Measured"):
// - wide: the network takes every core, and the workers start no picture while it runs a batch; they decode between
//   batches.
// - narrow: the network takes half the cores, and as many pictures decode beside it as there are cores left (the
//   other workers wait until the batch is done); between batches every worker decodes.
// Where other programs hold the cores, torch's OpenMP team waits at every layer's barrier for whichever of its
// threads they preempted, and a network on every core runs at a fraction of its speed: the narrow share loses less.
// On an idle machine the narrow share is the faster where decoding takes longer than the network (one network thread
// scores more per core than a team of two, and pictures still decoding when the wide share's run starts stall its
// team), and the wide one where pictures are small and the network is the bottleneck.
//
// The budget does not compare the shares' batch times: they follow the pictures (the same share's batches of one
// folder took 0.1-0.4 s), and a batch after a change of share finds pictures the other decoded ahead, so a
// comparison of them chose the slower share for about half the batches. It measures what does not depend on the
// pictures - each share's network run per picture - and what does not depend on the share - the decode workers' CPU
// time per picture - and predicts each share's time per picture from both:
//   wide:   decode / cores + network(wide)
//   narrow: network(narrow) + max(0, decode - beside * network(narrow)) / cores
// (`beside` pictures decode while the narrow share's network runs, and what is left is decoded on every core
// between batches). It uses the share predicted faster, and measures the other's network again after a few batches,
// since other programs come and go, waiting twice as long before each further try that leaves it the slower (up to
// kLongestWait batches).

#include <deque>

namespace nsfw {

class PipelineBudget
{
public:
    struct Share {
        int networkThreads = 1;
        /// Pictures that may be decoding while the network runs a batch (no more start until one ends): 0 in the
        /// wide share, the cores the network leaves in the narrow one (at least one).
        int decodersBeside = 1;
        bool wide = false;
    };

    /// A budget on `cores` cores; `fixedNetworkThreads` > 0 pins the network to that many threads beside decoding
    /// (the user's choice: no measuring, and the cores it leaves, at least one, decode beside it).
    explicit PipelineBudget(int cores, int fixedNetworkThreads = 0);

    /// A new run of batches: its first batch's network run is not measured (the first run of a network also sets
    /// up its kernels). What earlier runs measured is kept: the machine is the same.
    void begin();
    /// The share for the next batch.
    Share next() const;
    /// A batch of `pictures` ran the network with `share` for `networkSeconds`; from waiting for its pictures to the
    /// end of that run, the decode workers spent `decodeSeconds` of CPU time (on whichever pictures).
    void finished(const Share &share, int pictures, double networkSeconds, double decodeSeconds);

    /// The seconds a picture is predicted to take with each share; negative until both shares are measured.
    double predictedSecondsPerPicture(bool wide) const;

    /// This run's batches with each share.
    int wideBatches() const { return m_wide.batches; }
    int narrowBatches() const { return m_narrow.batches; }

    /// Batches the slower share waits before it is measured again, at first and at most.
    static constexpr int kFirstWait = 6;
    static constexpr int kLongestWait = 48;
    /// The batches a network time per picture is the mean of.
    static constexpr int kNetworkWindow = 3;
    /// The batches the decode time per picture is the mean of.
    static constexpr int kDecodeWindow = 8;

private:
    struct Sample {
        double seconds = 0;
        int pictures = 0;
    };
    struct Estimate {
        std::deque<Sample> network; ///< its last measured network runs (at most kNetworkWindow)
        int age = 0;                ///< batches of the other share since it was last measured
        int wait = kFirstWait;      ///< batches it waits while the slower
        int batches = 0;            ///< in this run
        bool measured() const { return !network.empty(); }
    };
    Share shareOf(bool wide) const;
    bool wideIsFaster() const { return predictedSecondsPerPicture(true) <= predictedSecondsPerPicture(false); }

    int m_cores;
    int m_fixed;
    bool m_started = false;
    std::deque<Sample> m_decode; ///< the decode workers' CPU time over the last kDecodeWindow batches
    Estimate m_wide;
    Estimate m_narrow;
};

} // namespace nsfw
