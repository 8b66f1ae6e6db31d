#include "trainingdata.h"

#include "common/logging.h"
#include "featurecache.h"
#include "media/imageheader.h"
#include "media/mediadecoder.h"
#include "model/preprocess.h"

#include <QCoreApplication>
#include <QFile>
#include <QThread>
#include <QtConcurrent/QtConcurrentMap>

#include <c10/core/InferenceMode.h>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <cmath>

namespace nsfw {

cv::Mat decodeForModel(const MediaRef &ref, const MediaCache &cache, QString *error, const Preprocessing &input)
{
    if (ref.kind == ItemKind::Frame)
        return cache.pixels(ref, error);
    QFile file(ref.sourcePath);
    if (!file.exists()) {
        *error = QCoreApplication::translate("nsfw::Trainer", "the file is missing (moved or deleted?)");
        return {};
    }
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QCoreApplication::translate("nsfw::Trainer", "cannot read: %1").arg(file.errorString());
        return {};
    }
    const QByteArray bytes = file.readAll();
    const ImageHeader header = readImageHeader(bytes);
    if (header.valid() && header.width * header.height > MediaDecoder::kDefaultMaxPixels) {
        *error = QCoreApplication::translate("nsfw::Trainer", "image too large");
        return {};
    }
    if (header.format == ImageHeader::Format::Gif) // OpenCV 4.6 has no GIF decoder
        return MediaDecoder::decodeImage(bytes, MediaDecoder::kDefaultMaxPixels, error);
    try {
        cv::Mat bgr = decodeForInput(bytes, input); // predict's decoding, fastDecode included
        if (bgr.empty())
            *error = QCoreApplication::translate("nsfw::Trainer", "cannot decode the image");
        return bgr;
    } catch (const cv::Exception &e) {
        *error = QString::fromStdString(e.msg);
        return {};
    }
}

torch::Tensor toModelInput(const cv::Mat &bgr, const Preprocessing &input)
{
    PreparedImage prepared = prepareBgr(bgr, input);
    if (!prepared.ok())
        return {};
    return torch::from_blob(prepared.hwc.data(), {prepared.height, prepared.width, 3}, torch::kFloat)
        .permute({2, 0, 1})
        .contiguous();
}

cv::Mat augment(const cv::Mat &bgr, std::mt19937 &rng)
{
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    const double area = bgr.cols * double(bgr.rows) * (0.5 + 0.5 * unit(rng));
    const double ratio = std::exp(std::log(3.0 / 4.0) + unit(rng) * (std::log(4.0 / 3.0) - std::log(3.0 / 4.0)));
    const int w = std::clamp(int(std::lround(std::sqrt(area * ratio))), 1, bgr.cols);
    const int h = std::clamp(int(std::lround(std::sqrt(area / ratio))), 1, bgr.rows);
    const int x = int(unit(rng) * (bgr.cols - w + 1)) % (bgr.cols - w + 1);
    const int y = int(unit(rng) * (bgr.rows - h + 1)) % (bgr.rows - h + 1);
    cv::Mat crop = bgr(cv::Rect(x, y, w, h));
    cv::Mat out;
    if (unit(rng) < 0.5)
        cv::flip(crop, out, 1);
    else
        out = crop.clone();
    const double brightness = 0.8 + 0.4 * unit(rng);
    const double contrast = 0.8 + 0.4 * unit(rng);
    const double saturation = 0.8 + 0.4 * unit(rng);
    cv::Mat f;
    out.convertTo(f, CV_32FC3, brightness);
    cv::Mat gray;
    cv::cvtColor(f, gray, cv::COLOR_BGR2GRAY);
    const double mean = cv::mean(gray)[0];
    f = (f - cv::Scalar::all(mean)) * contrast + cv::Scalar::all(mean);
    cv::cvtColor(f, gray, cv::COLOR_BGR2GRAY);
    cv::Mat gray3;
    cv::cvtColor(gray, gray3, cv::COLOR_GRAY2BGR);
    f = gray3 + (f - gray3) * saturation;
    f.convertTo(out, CV_8UC3);
    return out;
}

torch::Tensor nsfwProbability(const torch::Tensor &probabilities, const std::vector<int> &nsfwIndices)
{
    // Narrowed slices, not an index tensor: one made under InferenceMode could never enter autograd.
    torch::Tensor sum;
    for (int c : nsfwIndices) {
        const torch::Tensor column = probabilities.narrow(1, c, 1).squeeze(1);
        sum = sum.defined() ? sum + column : column;
    }
    return sum.defined() ? sum : torch::zeros({probabilities.size(0)}, probabilities.options());
}

torch::Tensor weightedBce(const torch::Tensor &p, const torch::Tensor &y, double wPos, double wNeg,
                          const torch::Tensor &labels)
{
    const torch::Tensor q = p.clamp(1e-7, 1 - 1e-7);
    const torch::Tensor &l = labels.defined() ? labels : y;
    const torch::Tensor w = l * wPos + (1 - l) * wNeg;
    return -(w * (y * q.log() + (1 - y) * (1 - q).log())).mean();
}

std::string firstTrainableLayer(const KerasGraph &graph, TrainSettings::Mode mode, int blocks,
                                const QStringList &profileBlocks)
{
    const std::vector<std::string> names = graph->layerNames();
    if (mode == TrainSettings::Mode::Full)
        return names.front();
    const auto feature = std::find(names.begin(), names.end(), graph->featureLayer());
    const std::string afterFeatures = feature + 1 < names.end() ? *(feature + 1) : names.back();
    if (mode != TrainSettings::Mode::Partial)
        return afterFeatures;
    if (!profileBlocks.isEmpty()) {
        if (blocks <= 0)
            return afterFeatures;
        const qsizetype first = std::max<qsizetype>(0, profileBlocks.size() - blocks);
        return profileBlocks.at(first).toStdString();
    }
    std::vector<std::string> weighted;
    for (const std::string &n : names) {
        if (graph->layer(n) && !graph->layer(n)->kerasWeights().empty())
            weighted.push_back(n);
    }
    const size_t k = size_t(std::max(1, blocks));
    return weighted.size() > k ? weighted[weighted.size() - k] : names.front();
}

void setTrainable(KerasGraph &graph, TrainSettings::Mode mode, int blocks, const QStringList &profileBlocks,
                  bool freezeBatchNorm)
{
    graph->setTrainableFrom(firstTrainableLayer(graph, mode, blocks, profileBlocks));
    if (!freezeBatchNorm)
        return;
    const std::vector<std::string> names = graph->layerNames();
    const std::vector<std::string> classes = graph->layerClasses();
    for (size_t i = 0; i < names.size(); ++i) {
        if (classes[i] == "BatchNormalization")
            graph->setLayerTrainable(names[i], false);
    }
}

void setTrainMode(KerasGraph &graph, bool freezeBatchNorm)
{
    graph->train();
    if (!freezeBatchNorm)
        return;
    const std::vector<std::string> names = graph->layerNames();
    const std::vector<std::string> classes = graph->layerClasses();
    for (size_t i = 0; i < names.size(); ++i) {
        if (classes[i] == "BatchNormalization")
            graph->layer(names[i])->eval();
    }
}

void useChannelsLast(KerasGraph &graph, bool channelsLast)
{
    torch::NoGradGuard noGrad;
    const auto format = channelsLast ? at::MemoryFormat::ChannelsLast : at::MemoryFormat::Contiguous;
    for (auto &p : graph->parameters()) {
        if (p.dim() == 4)
            p.set_data(p.contiguous(format));
    }
}

cv::Mat shrinkForCache(const cv::Mat &bgr, int maxShortSide)
{
    const int shortSide = std::min(bgr.cols, bgr.rows);
    if (shortSide <= maxShortSide)
        return bgr;
    const double scale = double(maxShortSide) / shortSide;
    cv::Mat out;
    cv::resize(bgr, out, cv::Size(std::max(1, int(std::lround(bgr.cols * scale))), std::max(1, int(std::lround(bgr.rows * scale)))),
               0, 0, cv::INTER_AREA);
    return out;
}

} // namespace nsfw

namespace nsfw {

namespace {
constexpr int kBatch = 32;
}

torch::Tensor labelsOf(const QVector<Sample> &samples)
{
    std::vector<float> y;
    y.reserve(size_t(samples.size()));
    for (const Sample &x : samples)
        y.push_back(float(x.label));
    return torch::tensor(y);
}

ModelInputs::ModelInputs(const MediaCache &cache, const Preprocessing &input)
    : m_cache(cache)
    , m_input(input)
{
    m_pool.setMaxThreadCount(std::max(1, QThread::idealThreadCount()));
}

template <typename T>
std::vector<T> ModelInputs::decodeEach(const QVector<Sample> &samples, const std::function<T(const cv::Mat &)> &convert)
{
    struct Result {
        T value{};
        QString error;
    };
    const MediaCache &cache = m_cache;
    const Preprocessing &input = m_input;
    const QList<Result> results = QtConcurrent::blockingMapped(&m_pool, samples, [&cache, &input, &convert](const Sample &x) {
        // One torch thread per worker: the pool already has one worker per core.
        at::set_num_threads(1);
        Result r;
        const cv::Mat picture = decodeForModel(x.ref, cache, &r.error, input);
        if (!picture.empty())
            r.value = convert(picture); // the full-resolution picture ends with this worker's call
        else if (r.error.isEmpty())
            r.error = QCoreApplication::translate("nsfw::Trainer", "cannot decode the image");
        return r;
    });
    std::vector<T> values;
    values.reserve(size_t(results.size()));
    for (qsizetype i = 0; i < results.size(); ++i) {
        const Result &r = results.at(i);
        if (!r.error.isEmpty() && !m_unreadableIds.contains(samples[i].itemId)) {
            qCWarning(lcTrain) << "leaving out item" << samples[i].itemId << samples[i].ref.sourcePath << ":" << r.error;
            m_unreadableIds.insert(samples[i].itemId);
            const MediaRef &ref = samples[i].ref;
            const QString path = ref.kind == ItemKind::Frame
                ? ref.sourcePath + QStringLiteral("#frame=") + QString::number(ref.frameIndex)
                : ref.sourcePath;
            m_unreadable.append({samples[i].itemId, path, r.error});
        }
        values.push_back(r.value);
    }
    return values;
}

std::vector<torch::Tensor> ModelInputs::decodeInputs(const QVector<Sample> &samples)
{
    const Preprocessing input = m_input;
    return decodeEach<torch::Tensor>(samples, [input](const cv::Mat &picture) {
        torch::NoGradGuard noGrad;
        return toModelInput(picture, input);
    });
}

void ModelInputs::forEachInput(const QVector<Sample> &samples, const QString &phase,
                               const std::function<void(const Sample &, const torch::Tensor &)> &take)
{
    for (qsizetype from = 0; from < samples.size(); from += kBatch) {
        if (cancelled && cancelled())
            return;
        if (onProgress)
            onProgress(phase, from, samples.size());
        const QVector<Sample> batch = samples.mid(from, kBatch);
        const std::vector<torch::Tensor> inputs = decodeInputs(batch);
        for (size_t i = 0; i < inputs.size(); ++i) {
            if (inputs[i].defined())
                take(batch[qsizetype(i)], inputs[i]);
        }
    }
    if (onProgress)
        onProgress(phase, samples.size(), samples.size());
}

void ModelInputs::computeFeatures(KerasGraph &graph, const std::string &layer, at::MemoryFormat format,
                                  const QVector<Sample> &samples, FeatureStore &store)
{
    QStringList keys;
    for (const Sample &x : samples)
        keys << x.ref.key;
    const QHash<QString, std::vector<float>> cached = store.load(keys);
    QVector<Sample> todo;
    for (const Sample &x : samples) {
        const auto it = cached.constFind(x.ref.key);
        if (it != cached.cend())
            m_features.insert(x.itemId, torch::from_blob(const_cast<float *>(it->data()), {int64_t(it->size())}).clone());
        else if (!m_features.contains(x.itemId))
            todo.append(x);
    }
    graph->eval();
    // Batches of readable pictures go through the backbone together.
    std::vector<torch::Tensor> inputs;
    QVector<Sample> pending;
    auto flush = [&] {
        if (inputs.empty())
            return;
        torch::Tensor f;
        {
            c10::InferenceMode guard;
            const torch::Tensor x = torch::stack(inputs).contiguous(format);
            f = graph->forwardTo(x, layer).reshape({int64_t(pending.size()), -1}).contiguous();
        }
        QHash<QString, std::vector<float>> fresh;
        for (qsizetype i = 0; i < pending.size(); ++i) {
            const float *p = f[i].data_ptr<float>();
            fresh.insert(pending[i].ref.key, std::vector<float>(p, p + f.size(1)));
            m_features.insert(pending[i].itemId, torch::from_blob(const_cast<float *>(p), {f.size(1)}).clone());
        }
        store.store(fresh);
        inputs.clear();
        pending.clear();
    };
    forEachInput(todo, QStringLiteral("features"), [&](const Sample &x, const torch::Tensor &input) {
        inputs.push_back(input);
        pending.append(x);
        if (int(inputs.size()) == kBatch)
            flush();
    });
    flush();
}

void ModelInputs::keepWithFeatures(QVector<Sample> &samples) const
{
    samples.erase(std::remove_if(samples.begin(), samples.end(), [&](const Sample &x) { return !hasFeatures(x.itemId); }),
                  samples.end());
}

torch::Tensor ModelInputs::stackFeatures(const QVector<Sample> &samples) const
{
    std::vector<torch::Tensor> rows;
    rows.reserve(size_t(samples.size()));
    for (const Sample &x : samples)
        rows.push_back(m_features.value(x.itemId));
    return torch::stack(rows);
}

torch::Tensor ModelInputs::prepareInputs(QVector<Sample> &samples)
{
    std::vector<torch::Tensor> inputs;
    QVector<Sample> readable;
    forEachInput(samples, QStringLiteral("preparing"), [&](const Sample &x, const torch::Tensor &input) {
        inputs.push_back(input);
        readable.append(x);
    });
    samples = readable;
    return inputs.empty() ? torch::Tensor() : torch::stack(inputs);
}

void ModelInputs::preparePictures(QVector<Sample> &samples, int maxShortSide)
{
    QVector<Sample> readable;
    for (qsizetype from = 0; from < samples.size(); from += kBatch) {
        if (cancelled && cancelled())
            break;
        if (onProgress)
            onProgress(QStringLiteral("preparing"), from, samples.size());
        const QVector<Sample> batch = samples.mid(from, kBatch);
        const std::vector<cv::Mat> pictures = decodeEach<cv::Mat>(
            batch, [maxShortSide](const cv::Mat &picture) { return shrinkForCache(picture, maxShortSide).clone(); });
        for (size_t i = 0; i < pictures.size(); ++i) {
            if (!pictures[i].empty()) {
                m_pictures.insert(batch[qsizetype(i)].itemId, pictures[i]);
                readable.append(batch[qsizetype(i)]);
            }
        }
    }
    if (onProgress)
        onProgress(QStringLiteral("preparing"), samples.size(), samples.size());
    samples = readable;
}

} // namespace nsfw
