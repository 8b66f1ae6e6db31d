#pragma once
// Torch-side header: only for the training room's .cpp files.

#include "media/mediacache.h"
#include "model/kerasgraph.h"
#include "train/trainingset.h"
#include "train/trainsettings.h"

#include <QHash>
#include <QSet>
#include <QString>
#include <QThreadPool>

#include <opencv2/core/mat.hpp>
#include <torch/torch.h>

#include <functional>
#include <random>

namespace nsfw {


/// The pixels nsfwjs would see for an item (BGR): OpenCV IMREAD_COLOR, so alpha is dropped and JPEG EXIF
/// orientation applied, exactly as the model room's preprocessing; frames come from the frame cache.
cv::Mat decodeForModel(const MediaRef &ref, const MediaCache &cache, QString *error);
/// nsfwjs preprocessing of decoded pixels: RGB, /255, bilinear align-corners resize; [3, h, w] float.
torch::Tensor toModelInput(const cv::Mat &bgr, int64_t height, int64_t width);
/// Training augmentation: random resized crop (50-100% of the area, aspect 3:4-4:3), horizontal flip,
/// brightness, contrast and saturation jitter of +-20%.
cv::Mat augment(const cv::Mat &bgr, std::mt19937 &rng);
/// p(nsfw) of a batch of class probabilities: Hentai + Porn + Sexy for nsfwjs's 5 classes, else the last class.
torch::Tensor nsfwProbability(const torch::Tensor &probabilities);
/// Binary cross-entropy of probabilities p against 0/1 labels y, positives weighted wPos, negatives wNeg.
torch::Tensor weightedBce(const torch::Tensor &p, const torch::Tensor &y, double wPos, double wNeg);

/// The first layer to train: the one after the features (head), the start of the last `blocks` blocks
/// (partial; MobileNetV2's block_N_ names, else the last `blocks` layers with weights), or the input (full).
std::string firstTrainableLayer(const KerasGraph &graph, TrainSettings::Mode mode, int blocks);
/// Unfreezes the layers the mode trains and freezes the rest (BatchNorm too when freezeBatchNorm).
void setTrainable(KerasGraph &graph, TrainSettings::Mode mode, int blocks, bool freezeBatchNorm);
/// Train mode for dropout; BatchNorm layers stay in eval mode when frozen.
void setTrainMode(KerasGraph &graph, bool freezeBatchNorm);
/// Puts 4-D weights in channels_last memory (oneDNN's native layout for inference).
void useChannelsLast(KerasGraph &graph, bool channelsLast);

/// Shrinks so the short side is at most maxShortSide (area averaging), for the in-memory training cache.
cv::Mat shrinkForCache(const cv::Mat &bgr, int maxShortSide);
/// 0/1 labels of samples as a float tensor.
torch::Tensor labelsOf(const QVector<Sample> &samples);

class FeatureCache;

/// The network's inputs for a run, prepared once: backbone features (head mode, cached on disk), validation
/// inputs preprocessed exactly as for inference, and shrunken training pictures kept for augmentation.
/// Decoding runs on a pool of one thread per core, and the worker that decodes a picture also brings it down to
/// what is kept (the model input, or a shrunken copy): no batch ever holds full-resolution pictures. Unreadable
/// items are left out and recorded with the reason (unreadable()).
class ModelInputs
{
public:
    ModelInputs(const MediaCache &cache, int64_t height, int64_t width);

    /// Called with (phase, done, total) as work proceeds.
    std::function<void(const QString &, qint64, qint64)> onProgress;
    /// Polled between batches; true stops the preparation early.
    std::function<bool()> cancelled;

    /// Model inputs [3, h, w] of samples, decoded and preprocessed on the pool, in order; failed ones come back
    /// undefined (and are recorded).
    std::vector<torch::Tensor> decodeInputs(const QVector<Sample> &samples);
    /// Backbone features (the output of `layer`) of the samples not yet known: from the cache, else computed.
    void computeFeatures(KerasGraph &graph, const std::string &layer, at::MemoryFormat format,
                         const QVector<Sample> &samples, FeatureCache &store);
    bool hasFeatures(qint64 itemId) const { return m_features.contains(itemId); }
    /// Drops samples without features (unreadable).
    void keepWithFeatures(QVector<Sample> &samples) const;
    torch::Tensor stackFeatures(const QVector<Sample> &samples) const;
    /// Preprocessed inputs [n, 3, h, w] of the samples; unreadable samples are removed from the list.
    torch::Tensor prepareInputs(QVector<Sample> &samples);
    /// Keeps shrunken pictures of the samples for augmentation; unreadable samples are removed.
    void preparePictures(QVector<Sample> &samples, int maxShortSide);
    const cv::Mat &picture(qint64 itemId) const { return m_pictures.find(itemId).value(); }
    QThreadPool &pool() { return m_pool; }
    /// Items that could not be read, each once, with the reason.
    const QVector<UnreadableItem> &unreadable() const { return m_unreadable; }

private:
    template <typename T>
    std::vector<T> decodeEach(const QVector<Sample> &samples, const std::function<T(const cv::Mat &)> &convert);
    /// Decodes in batches, calling take(sample, input) with each readable sample's model input.
    void forEachInput(const QVector<Sample> &samples, const QString &phase,
                      const std::function<void(const Sample &, const torch::Tensor &)> &take);

    const MediaCache &m_cache;
    QThreadPool m_pool;
    int64_t m_height;
    int64_t m_width;
    QHash<qint64, torch::Tensor> m_features;
    QHash<qint64, cv::Mat> m_pictures;
    QVector<UnreadableItem> m_unreadable;
    QSet<qint64> m_unreadableIds;
};

} // namespace nsfw
