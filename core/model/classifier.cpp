#include "model/classifier.h"

#include "common/logging.h"
#include "model/inferenceplan.h"
#include "model/kerasgraph.h"
#include "model/pipelinebudget.h"
#include "model/preprocess.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QFuture>
#include <QThread>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentRun>

#include <opencv2/core.hpp>

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <ctime>
#include <deque>
#include <limits>
#include <mutex>

namespace nsfw {

void setTorchThreads(int threads)
{
    at::set_num_threads(threads > 0 ? threads : std::max(1, QThread::idealThreadCount()));
}

int networkThreadsBesideDecoding(int cores)
{
    return std::max(1, cores / 2);
}

namespace {

/// The calling thread's CPU time: what a decode cost, whatever else ran on its core meanwhile.
double threadCpuSeconds()
{
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return double(t.tv_sec) + double(t.tv_nsec) / 1e9;
}

} // namespace

int decodeThreadsFor(int cores)
{
    return std::max(1, cores);
}

void setOpenCvThreads(int threads)
{
    cv::setNumThreads(threads > 0 ? threads : -1);
}

struct Classifier::Private {
    QString dir;
    InferenceOptions options;
    std::optional<KerasGraph> graph;
    std::unique_ptr<InferencePlan> plan;
    std::mutex gateMutex;
    std::condition_variable gateOpen;
    /// The workers' gate: a picture starts decoding while fewer than decodeLimit do (both guarded by gateMutex).
    static constexpr int kNoDecodeLimit = std::numeric_limits<int>::max();
    int decodeLimit = kNoDecodeLimit;
    int decoding = 0;
    std::atomic<qint64> decodeNanoseconds{0}; ///< the decode workers' CPU time, summed as each picture is done
    QThreadPool pool; ///< after the gate: destroyed first, it waits for its tasks while the gate they use still exists
    std::pair<int, int> lastShares; ///< the last prepareFiles's batches with the wide and the narrow share
    PipelineBudget budget{1}; ///< set up by fromModel; what it measures carries over from one run to the next
    ModelProfile profile; ///< completed: input size, classes and p(nsfw) of this model
    int height = 0;
    int width = 0;
    int classes = 0;

    /// The network on a prepared NCHW batch, in micro-batches (same numbers, better cache use).
    torch::Tensor run(const torch::Tensor &x)
    {
        // A model trained with test-time flip averaging gives the mean of the picture's and its mirror image's.
        auto once = [this](const torch::Tensor &part) {
            auto net = [this](const torch::Tensor &in) { return plan ? plan->run(in) : (*graph)->forward(in); };
            if (!profile.flipAverage)
                return net(part);
            return (net(part) + net(part.flip({3}).contiguous(part.suggest_memory_format()))) * 0.5;
        };
        const int64_t n = x.size(0), step = options.microBatch > 0 ? options.microBatch : n;
        if (n <= step)
            return once(x);
        std::vector<torch::Tensor> parts;
        for (int64_t i = 0; i < n; i += step)
            parts.push_back(once(x.slice(0, i, std::min(n, i + step))));
        return torch::cat(parts);
    }

    int threads() const { return options.threads > 0 ? options.threads : std::max(1, QThread::idealThreadCount()); }

    /// Decodes and prepares files on the pool, at most two batches ahead of the one handed to `onBatch` (with the
    /// index of its first file and the torch threads its network run takes). The cores are shared batch by batch
    /// as a PipelineBudget decides: while the network runs a batch, at most the share's decodersBeside pictures
    /// decode (none in the wide share); between batches every worker does.
    void prepareFiles(const QStringList &paths,
                      const std::function<void(int start, const std::vector<PreparedImage> &, int threads)> &onBatch)
    {
        const int batchSize = options.batchSize;
        const Preprocessing input = profile.input;
        budget.begin();
        std::deque<QFuture<PreparedImage>> pending;
        int submitted = 0;
        auto submitUpTo = [&](int limit) {
            for (; submitted < std::min<int>(limit, paths.size()); ++submitted) {
                const QString path = paths.at(submitted);
                pending.push_back(QtConcurrent::run(&pool, [this, path, input] {
                    {
                        std::unique_lock<std::mutex> lock(gateMutex);
                        gateOpen.wait(lock, [this] { return decoding < decodeLimit; });
                        ++decoding;
                    }
                    // Counted out however the decode ends, so that a worker waiting at the gate is let through.
                    struct Leave {
                        Private *d;
                        ~Leave()
                        {
                            {
                                std::lock_guard<std::mutex> lock(d->gateMutex);
                                --d->decoding;
                            }
                            d->gateOpen.notify_one();
                        }
                    } leave{this};
                    // One torch thread per decoder: the pool has one worker per core.
                    at::set_num_threads(1);
                    c10::InferenceMode guard;
                    const double cpu = threadCpuSeconds();
                    PreparedImage image = prepareImageFile(path, input);
                    decodeNanoseconds += qint64((threadCpuSeconds() - cpu) * 1e9);
                    return image;
                }));
            }
        };
        // The decode workers' CPU time from waiting for a batch's pictures to the end of its network run.
        qint64 decodedBefore = decodeNanoseconds.load();
        for (int start = 0; start < paths.size(); start += batchSize) {
            const int end = std::min<int>(start + batchSize, paths.size());
            submitUpTo(end + 2 * batchSize);
            std::vector<PreparedImage> images;
            for (int i = start; i < end; ++i) {
                images.push_back(pending.front().takeResult());
                pending.pop_front();
            }
            const PipelineBudget::Share share = budget.next();
            QElapsedTimer network;
            network.start();
            {
                // Reopened however the batch ends: a worker waiting at a closed gate would hold the pool forever.
                setDecodeLimit(share.decodersBeside);
                struct Reopen {
                    Private *d;
                    ~Reopen() { d->setDecodeLimit(kNoDecodeLimit); }
                } reopen{this};
                onBatch(start, images, share.networkThreads);
            }
            const double networkSeconds = network.nsecsElapsed() / 1e9;
            const qint64 decoded = decodeNanoseconds.load();
            budget.finished(share, end - start, networkSeconds, (decoded - decodedBefore) / 1e9);
            decodedBefore = decoded;
        }
        lastShares = {budget.wideBatches(), budget.narrowBatches()};
        qCDebug(lcModel) << "batches with the wide share:" << lastShares.first << "narrow:" << lastShares.second;
    }

    void setDecodeLimit(int limit)
    {
        {
            std::lock_guard<std::mutex> lock(gateMutex);
            decodeLimit = limit;
        }
        gateOpen.notify_all();
    }

    /// The prepared images at `ok` as one batch in the layout the weights want.
    torch::Tensor batchOf(const std::vector<PreparedImage> &images, const std::vector<int> &ok) const
    {
        // NHWC batch, viewed as NCHW: channels_last in memory without a copy.
        torch::Tensor batch = torch::empty({static_cast<int64_t>(ok.size()), height, width, 3});
        for (size_t b = 0; b < ok.size(); ++b)
            std::memcpy(batch[int64_t(b)].data_ptr<float>(), images[size_t(ok[b])].hwc.data(),
                        images[size_t(ok[b])].hwc.size() * sizeof(float));
        torch::Tensor x = batch.permute({0, 3, 1, 2});
        return options.channelsLast ? x : x.contiguous();
    }

    /// Runs the network on prepared images; fills probabilities and nsfw of `scores` (same order).
    void infer(const std::vector<PreparedImage> &images, std::vector<ImageScore *> &scores, int torchThreads)
    {
        std::vector<int> ok;
        for (size_t i = 0; i < images.size(); ++i) {
            if (images[i].ok())
                ok.push_back(static_cast<int>(i));
        }
        if (ok.empty())
            return;
        try {
            c10::InferenceMode guard;
            setTorchThreads(torchThreads);
            const torch::Tensor y = run(batchOf(images, ok)).contiguous();
            const auto acc = y.accessor<float, 2>();
            for (size_t b = 0; b < ok.size(); ++b) {
                ImageScore &s = *scores[ok[b]];
                s.probabilities.assign(acc[b].data(), acc[b].data() + y.size(1));
                s.nsfw = profile.nsfwScore(s.probabilities);
            }
        } catch (const ModelException &e) {
            for (int i : ok)
                scores[i]->error = e.error.toString();
        } catch (const std::exception &e) { // c10::Error, LayerError-free paths, bad_alloc
            for (int i : ok)
                scores[i]->error = QString::fromUtf8(e.what()).section(QLatin1Char('\n'), 0, 0);
        } catch (const LayerError &e) {
            for (int i : ok)
                scores[i]->error = QString::fromStdString(e.message);
        }
    }
};

Classifier::Classifier()
    : d(std::make_unique<Private>())
{
}

Classifier::~Classifier() = default;

std::unique_ptr<Classifier> Classifier::load(const QString &modelDir, QString *error, const InferenceOptions &options)
{
    ModelError modelError;
    const QString json = QFileInfo(modelDir).isDir() ? QDir(modelDir).filePath(QStringLiteral("model.json")) : modelDir;
    const std::optional<TfjsModel> model = readTfjsModel(json, &modelError);
    if (!model) {
        if (error)
            *error = modelError.toString();
        return nullptr;
    }
    return fromModel(*model, error, options);
}

std::unique_ptr<Classifier> Classifier::fromModel(const TfjsModel &model, QString *error,
                                                  const InferenceOptions &options)
{
    setTorchThreads(options.threads);
    const QString modelDir = QFileInfo(model.jsonPath).absolutePath();
    ModelError modelError;
    std::optional<KerasGraph> graph = buildKerasGraph(model, &modelError);
    if (!graph) {
        if (error)
            *error = modelError.toString();
        return nullptr;
    }
    std::unique_ptr<Classifier> c(new Classifier);
    c->d->dir = modelDir;
    c->d->options = options;
    c->d->options.batchSize = std::max(1, options.batchSize);
    c->d->height = static_cast<int>((*graph)->inputHeight());
    c->d->width = static_cast<int>((*graph)->inputWidth());
    c->d->classes = static_cast<int>((*graph)->outputClasses()); // from buildKerasGraph's dry run
    if ((*graph)->inputChannels() != 3) {
        if (error)
            *error = QCoreApplication::translate("nsfw::Classifier", "%1: the model must take RGB input").arg(modelDir);
        return nullptr;
    }
    QString profileError;
    c->d->profile = model.profile.completed(c->d->height, c->d->width, c->d->classes, layerNamesOf(model),
                                            &profileError);
    if (!profileError.isEmpty()) {
        if (error)
            *error = QStringLiteral("%1: %2").arg(modelDir, profileError);
        return nullptr;
    }
    try {
        if (options.fuse || options.channelsLast)
            c->d->plan = std::make_unique<InferencePlan>(*graph, options.channelsLast, options.fuse);
    } catch (const std::exception &e) {
        qCWarning(lcModel) << "inference plan failed, running the plain graph:" << e.what();
    }
    c->d->graph = std::move(graph);
    c->d->profile.input.fastDecode = options.fastDecode;
    c->d->budget = PipelineBudget(std::max(1, QThread::idealThreadCount()), options.threads);
    c->d->pool.setMaxThreadCount(
        options.decodeThreads > 0 ? options.decodeThreads : decodeThreadsFor(std::max(1, QThread::idealThreadCount())));
    qCDebug(lcModel) << "loaded" << modelDir << c->d->width << "x" << c->d->height << c->d->classes << "classes,"
                     << (c->d->plan ? c->d->plan->foldedLayers() : 0) << "layers folded";
    return c;
}

std::pair<int, int> Classifier::lastPipelineShares() const
{
    return d->lastShares;
}

QString Classifier::modelDir() const
{
    return d->dir;
}
int Classifier::inputHeight() const
{
    return d->height;
}
int Classifier::inputWidth() const
{
    return d->width;
}
const InferenceOptions &Classifier::options() const
{
    return d->options;
}

QStringList Classifier::classNames() const
{
    return d->profile.classes;
}

const ModelProfile &Classifier::profile() const
{
    return d->profile;
}

std::vector<ImageScore> Classifier::classifyFiles(const QStringList &paths,
                                                  const std::function<void(const ImageScore &)> &onScore)
{
    std::vector<ImageScore> scores(static_cast<size_t>(paths.size()));
    d->prepareFiles(paths, [&](int start, const std::vector<PreparedImage> &images, int threads) {
        std::vector<ImageScore *> batchScores;
        for (size_t i = 0; i < images.size(); ++i) {
            ImageScore &s = scores[static_cast<size_t>(start) + i];
            s.path = paths.at(start + int(i));
            s.error = images[i].error;
            batchScores.push_back(&s);
        }
        d->infer(images, batchScores, threads);
        if (onScore) {
            for (ImageScore *s : batchScores)
                onScore(*s);
        }
    });
    return scores;
}

std::vector<std::vector<float>> Classifier::featuresOfFiles(const QStringList &paths)
{
    std::vector<std::vector<float>> features(static_cast<size_t>(paths.size()));
    const std::string layer = (*d->graph)->featureLayer();
    if (layer.empty())
        return features;
    d->prepareFiles(paths, [&](int start, const std::vector<PreparedImage> &images, int threads) {
        std::vector<int> ok;
        for (size_t i = 0; i < images.size(); ++i) {
            if (images[i].ok())
                ok.push_back(int(i));
        }
        if (ok.empty())
            return;
        try {
            c10::InferenceMode guard;
            setTorchThreads(threads);
            const torch::Tensor y = (*d->graph)->forwardTo(d->batchOf(images, ok), layer)
                                        .reshape({int64_t(ok.size()), -1})
                                        .contiguous();
            for (size_t b = 0; b < ok.size(); ++b) {
                const float *row = y[int64_t(b)].data_ptr<float>();
                features[size_t(start + ok[b])].assign(row, row + y.size(1));
            }
        } catch (const std::exception &e) {
            qCWarning(lcModel) << "features failed:" << e.what();
        } catch (const LayerError &e) {
            qCWarning(lcModel) << "features failed:" << QString::fromStdString(e.message);
        } catch (const ModelException &e) {
            qCWarning(lcModel) << "features failed:" << e.error.toString();
        }
    });
    return features;
}

std::vector<ImageScore> Classifier::classifyPixels(const std::vector<cv::Mat> &bgr, const QStringList &names)
{
    std::vector<ImageScore> scores(bgr.size());
    const Preprocessing input = d->profile.input;
    for (size_t start = 0; start < bgr.size(); start += size_t(d->options.batchSize)) {
        const size_t end = std::min(bgr.size(), start + size_t(d->options.batchSize));
        std::vector<QFuture<PreparedImage>> pending;
        for (size_t i = start; i < end; ++i) {
            const cv::Mat picture = bgr[i];
            pending.push_back(QtConcurrent::run(&d->pool, [picture, input] {
                at::set_num_threads(1);
                c10::InferenceMode guard;
                return prepareBgr(picture, input);
            }));
        }
        std::vector<PreparedImage> images;
        std::vector<ImageScore *> batchScores;
        for (size_t i = start; i < end; ++i) {
            images.push_back(pending[i - start].result());
            ImageScore &s = scores[i];
            if (qsizetype(i) < names.size())
                s.path = names.at(qsizetype(i));
            s.error = images.back().error;
            batchScores.push_back(&s);
        }
        d->infer(images, batchScores, d->threads()); // the frames are prepared before the network runs
    }
    return scores;
}

ImageScore Classifier::classifyEncoded(const QByteArray &bytes, const QString &name)
{
    ImageScore score;
    score.path = name;
    std::vector<PreparedImage> images{prepareImage(bytes, d->profile.input)};
    score.error = images[0].error;
    std::vector<ImageScore *> scores{&score};
    d->infer(images, scores, d->threads());
    return score;
}

std::vector<double> Classifier::timeForward(int batch, int runs, int warmup)
{
    setTorchThreads(d->options.threads);
    c10::InferenceMode guard;
    torch::manual_seed(1);
    torch::Tensor x = torch::rand({batch, 3, d->height, d->width});
    if (d->options.channelsLast)
        x = x.contiguous(at::MemoryFormat::ChannelsLast);
    auto once = [&] { return d->run(x); };
    for (int i = 0; i < warmup; ++i)
        once();
    std::vector<double> seconds;
    QElapsedTimer timer;
    for (int i = 0; i < runs; ++i) {
        timer.start();
        const torch::Tensor y = once();
        (void)y.data_ptr<float>();
        seconds.push_back(timer.nsecsElapsed() / 1e9);
    }
    return seconds;
}

} // namespace nsfw
