#pragma once

#include "common/types.h"
#include "media/mediacache.h"

#include <QHash>
#include <QString>
#include <QVector>

#include <functional>
#include <memory>
#include <vector>

namespace nsfw {

/// Backbone features of pictures exactly as a head-mode run of the model computes them (Trainer: the same model
/// loading, profile, preprocessing, feature layer and memory format), for `worker --features`: a run reads them from
/// the project (ProjectFeatures) instead of computing them again.
class FeatureExtractor
{
public:
    struct Picture {
        qint64 itemId = 0;
        MediaRef ref; ///< an image, or a video's frame (read through the frame cache, as a run reads it)
    };

    /// The model in modelDir (empty: the default model), decoding big JPEGs at reduced scale when fastDecode (as a run
    /// with that setting). nullptr and *error when it cannot be loaded.
    static std::unique_ptr<FeatureExtractor> load(const QString &modelDir, bool fastDecode, QString *error);
    ~FeatureExtractor();
    FeatureExtractor(const FeatureExtractor &) = delete;
    FeatureExtractor &operator=(const FeatureExtractor &) = delete;

    /// What the features are stored under (FeatureCache::storeKey), and the model's folder.
    QString storeKey() const;
    QString modelDir() const;

    /// Features of the readable pictures, by key; the others go to *unreadable with the reason. Frames are read
    /// through the frame cache in cacheDir (MediaCache). betweenBatches is called after each batch (a worker renews its
    /// lease there); returning true stops early.
    QHash<QString, std::vector<float>> compute(const QVector<Picture> &pictures, const QString &cacheDir,
                                               QVector<UnreadableItem> *unreadable,
                                               const std::function<bool()> &betweenBatches = {});

private:
    FeatureExtractor();
    struct Impl;
    std::unique_ptr<Impl> d;
};

} // namespace nsfw
