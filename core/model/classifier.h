#pragma once

#include "model/tfjsmodel.h"

#include <QString>
#include <QStringList>

#include <functional>
#include <memory>
#include <utility>
#include <vector>

namespace cv {
class Mat;
}

namespace nsfw {

/// The scores of one image.
struct ImageScore {
    QString path;
    QString error;                    ///< non-empty when the image could not be read
    std::vector<float> probabilities; ///< one per class, in Classifier::classNames() order
    float nsfw = 0;                   ///< p(nsfw): the sum of the profile's nsfw classes (nsfwjs: Hentai + Porn + Sexy)

    bool ok() const { return error.isEmpty(); }
};

/// How inference runs; the defaults are the fastest measured on the 2-core machines.
struct InferenceOptions {
    int batchSize = 32;
    /// torch threads for the network; 0 = the thread budget: all cores, and while files are decoded beside it
    /// (classifyFiles, featuresOfFiles) a PipelineBudget's share; a number > 0 pins it
    int threads = 0;
    bool channelsLast = true; ///< NHWC memory format for activations and weights (avoids oneDNN reorders)
    bool fuse = true;         ///< fold BatchNorm into the preceding convolution, apply ReLU in place
    /// The network runs a batch in slices of this many images: activations then stay in cache (0 = whole batch).
    /// Not below 16: on one torch thread ATen sends a 1x1 convolution of fewer than 16 images to its own kernel
    /// instead of oneDNN's (its rule in ConvParams::use_mkldnn), and MobileNetV2 then ran at 123 images/s against 194
    /// in slices of 16 (`benchmark inference --threads 1 --micro-batch`); on 2 threads 8, 16 and 32 all ran at
    /// 340-370.
    int microBatch = 16;
    /// Workers decoding and preparing pictures while the network runs; 0 = decodeThreadsFor(threads). Each runs
    /// torch with one thread, and OpenCV with one where the command called setOpenCvThreads(1).
    int decodeThreads = 0;
    /// Big JPEGs decoded at reduced scale (Preprocessing::fastDecode): speed over nsfwjs parity.
    bool fastDecode = false;
};

/// A ready-to-run pretrained (or fine-tuned) classifier: loads a TF.js Layers model folder and scores images.
/// Decoding and resizing run on a thread pool while the network runs on the calling thread.
/// Not thread-safe: use one instance per thread.
class Classifier
{
public:
    /// Loads model.json + shards from `modelDir`; nullptr and a message (naming file, layer, field) on failure.
    static std::unique_ptr<Classifier> load(const QString &modelDir, QString *error,
                                            const InferenceOptions &options = {});
    /// Same from an already parsed (e.g. fine-tuned, in-memory) TF.js model.
    static std::unique_ptr<Classifier> fromModel(const TfjsModel &model, QString *error,
                                                 const InferenceOptions &options = {});
    ~Classifier();

    QString modelDir() const;
    int inputHeight() const;
    int inputWidth() const;
    /// The output classes in order (the model's profile).
    QStringList classNames() const;
    /// The model's profile, completed from the model (ModelProfile::completed).
    const ModelProfile &profile() const;
    const InferenceOptions &options() const;

    /// Scores files in batches; `onScore` (optional) gets each result in input order as soon as it is ready.
    /// One call at a time on a classifier (this and featuresOfFiles share its decode workers and PipelineBudget).
    std::vector<ImageScore> classifyFiles(const QStringList &paths,
                                          const std::function<void(const ImageScore &)> &onScore = {});
    /// The backbone features of files (the output of the last pooling or flatten layer: what head mode trains on
    /// and caches), in input order; an empty vector for a file that could not be read.
    std::vector<std::vector<float>> featuresOfFiles(const QStringList &paths);
    /// The batches of the last classifyFiles or featuresOfFiles run with PipelineBudget's wide and narrow shares.
    std::pair<int, int> lastPipelineShares() const;
    /// Scores decoded 8-bit BGR pictures (video or GIF frames) in one pass, prepared as files are; `names` (optional)
    /// become the scores' paths.
    std::vector<ImageScore> classifyPixels(const std::vector<cv::Mat> &bgr, const QStringList &names = {});
    /// Scores one encoded image (PNG, JPEG, ... bytes).
    ImageScore classifyEncoded(const QByteArray &bytes, const QString &name = QString());

    /// Benchmark aid: wall seconds of each of `runs` forward passes on a random batch, after `warmup` passes.
    std::vector<double> timeForward(int batch, int runs, int warmup);

private:
    Classifier();
    struct Private;
    std::unique_ptr<Private> d;
};

/// Sets the torch intra-op thread count for the calling thread (0 = all cores). Torch keeps it per thread
/// under OpenMP, so every thread that runs torch work calls this first.
void setTorchThreads(int threads = 0);
/// The narrow share of scoring files on `cores` cores (PipelineBudget): the network takes half the cores, and the
/// decode workers (one per core, decodeThreadsFor) decode beside it on the cores it leaves. Torch's OpenMP team
/// stalls at every layer's barrier while a decoder holds a core it waits for: on 2 cores 2 torch threads beside 2
/// decoders scored 8-25 images/s, 1 beside 2 decoders 49 (`benchmark predict --threads --decode-threads`, README);
/// 1 beside 1 (the others waiting at the Classifier's gate until the batch is done) 167 on an idle machine.
int networkThreadsBesideDecoding(int cores);
int decodeThreadsFor(int cores);
/// Sets how many threads OpenCV's own parallel loops use (TBB, process-wide; 0 = OpenCV's default, one per core).
/// A command that scores many files sets 1: the Classifier's decode workers and the network already share the
/// cores, and OpenCV's pool beside them only oversubscribes them.
void setOpenCvThreads(int threads);

} // namespace nsfw
