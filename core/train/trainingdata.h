#pragma once
// Torch-side header: only for the training room's .cpp files.

#include "media/mediacache.h"
#include "model/kerasgraph.h"
#include "train/trainsettings.h"

#include <QString>

#include <opencv2/core/mat.hpp>
#include <torch/torch.h>

#include <random>

namespace nsfw {

/// One image or frame as training and scoring see it.
struct Sample {
    qint64 itemId = 0;
    int label = -1; ///< 1 nsfw, 0 safe, -1 unlabeled (scored, never trained on)
    MediaRef ref;
    QString group;  ///< split group: the frames of one video share one
};

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

} // namespace nsfw
