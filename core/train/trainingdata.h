#pragma once
// Torch-side header: only for the training room's .cpp files.

#include "media/mediacache.h"
#include "model/kerasgraph.h"
#include "model/modelprofile.h"
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
/// orientation applied, exactly as the model room's preprocessing (decodeForInput: under input.fastDecode a big
/// JPEG at reduced scale, as predict --fast-decode); frames come from the frame cache.
cv::Mat decodeForModel(const MediaRef &ref, const MediaCache &cache, QString *error, const Preprocessing &input);
/// The model's preprocessing of decoded pixels (model/preprocess's prepareBgr, the same as for inference; nsfwjs:
/// RGB, /255, bilinear align-corners resize); [3, h, w] float, or undefined when the pixels cannot be prepared.
torch::Tensor toModelInput(const cv::Mat &bgr, const Preprocessing &input);
/// Training augmentation: random resized crop (50-100% of the area, aspect 3:4-4:3), horizontal flip,
/// brightness, contrast and saturation jitter of +-20%.
cv::Mat augment(const cv::Mat &bgr, std::mt19937 &rng);
/// p(nsfw) of a batch of class probabilities: the sum of the classes at nsfwIndices (the profile's nsfw classes).
torch::Tensor nsfwProbability(const torch::Tensor &probabilities, const std::vector<int> &nsfwIndices);
/// Binary cross-entropy of probabilities p against targets y (0/1 labels, or smoothed ones), positives weighted wPos,
/// negatives wNeg; which items are positives: `labels` when given, else y.
torch::Tensor weightedBce(const torch::Tensor &p, const torch::Tensor &y, double wPos, double wNeg,
                          const torch::Tensor &labels = {});

/// The first layer to train: the one after the features (head), the first layer of the last `blocks` of the
/// profile's blocks (partial; when the profile names none, the last `blocks` layers with weights), or the input
/// (full). More blocks than there are: the first block.
std::string firstTrainableLayer(const KerasGraph &graph, TrainSettings::Mode mode, int blocks,
                                const QStringList &profileBlocks);
/// Unfreezes the layers the mode trains and freezes the rest (BatchNorm too when freezeBatchNorm).
void setTrainable(KerasGraph &graph, TrainSettings::Mode mode, int blocks, const QStringList &profileBlocks,
                  bool freezeBatchNorm);
/// Train mode for dropout; BatchNorm layers stay in eval mode when frozen.
void setTrainMode(KerasGraph &graph, bool freezeBatchNorm);
/// Puts 4-D weights in channels_last memory (oneDNN's native layout for inference).
void useChannelsLast(KerasGraph &graph, bool channelsLast);

/// Shrinks so the short side is at most maxShortSide (area averaging), for the in-memory training cache.
cv::Mat shrinkForCache(const cv::Mat &bgr, int maxShortSide);
/// 0/1 labels of samples as a float tensor.
torch::Tensor labelsOf(const QVector<Sample> &samples);

class FeatureStore;

/// The network's inputs for a run, prepared once: backbone features (head mode, cached on disk), validation
/// inputs preprocessed exactly as for inference, and shrunken training pictures kept for augmentation.
/// Decoding runs on a pool of one thread per core, and the worker that decodes a picture also brings it down to
/// what is kept (the model input, or a shrunken copy): no batch ever holds full-resolution pictures. Unreadable
/// items are left out and recorded with the reason (unreadable()).
class ModelInputs
{
public:
    ModelInputs(const MediaCache &cache, const Preprocessing &input);

    /// Called with (phase, done, total) as work proceeds.
    std::function<void(const QString &, qint64, qint64)> onProgress;
    /// Polled between batches; true stops the preparation early.
    std::function<bool()> cancelled;

    /// Model inputs [3, h, w] of samples, decoded and preprocessed on the pool, in order; failed ones come back
    /// undefined (and are recorded).
    std::vector<torch::Tensor> decodeInputs(const QVector<Sample> &samples);
    /// Backbone features (the output of `layer`) of the samples not yet known: from the cache, else computed.
    void computeFeatures(KerasGraph &graph, const std::string &layer, at::MemoryFormat format,
                         const QVector<Sample> &samples, FeatureStore &store);
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
    Preprocessing m_input;
    QHash<qint64, torch::Tensor> m_features;
    QHash<qint64, cv::Mat> m_pictures;
    QVector<UnreadableItem> m_unreadable;
    QSet<qint64> m_unreadableIds;
};

} // namespace nsfw
