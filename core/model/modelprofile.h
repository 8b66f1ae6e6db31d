#pragma once
// What the rest of the tree knows about a model, from one place: its input, how pictures are prepared for it, what
// its outputs mean and where its blocks start. Read from profile.json beside model.json (the set-up script writes
// one for each nsfwjs model; the trainer copies it into every run's model folder), with defaults for any other
// TF.js Layers classifier. No other file knows nsfwjs's class order or block names.

#include <QCoreApplication>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace nsfw {

/// How a decoded picture becomes the network's input (prepareImage, the trainer's toModelInput).
struct Preprocessing {
    /// Pixel values after scaling: "unit" is pixel / 255 in [0, 1] (nsfwjs); "symmetric" is pixel / 127.5 - 1 in
    /// [-1, 1] (Keras's MobileNet and Inception preprocess_input).
    enum class Scaling { Unit, Symmetric };
    int height = 0;
    int width = 0;
    Scaling scaling = Scaling::Unit;
    bool bgr = false;          ///< channels in B, G, R order (Caffe-style models) instead of R, G, B
    bool alignCorners = true;  ///< bilinear resize with align_corners=true (nsfwjs); false: half-pixel centres
    /// Big JPEGs decoded at 1/2, 1/4 or 1/8 scale by libjpeg (see fastDecodeFactor): faster, but not nsfwjs's
    /// pixels, so scores move a little. Not read from profile.json: the user's choice of speed over parity
    /// (`predict --fast-decode`, TrainSettings::fastDecode), made for training and scoring alike.
    bool fastDecode = false;
    bool operator==(const Preprocessing &o) const
    {
        return height == o.height && width == o.width && scaling == o.scaling && bgr == o.bgr
            && alignCorners == o.alignCorners && fastDecode == o.fastDecode;
    }
};

/// One model's description. `completed()` fills what profile.json left out from the model itself.
struct ModelProfile {
    Q_DECLARE_TR_FUNCTIONS(nsfw::ModelProfile)

public:
    static constexpr const char *kFileName = "profile.json";

    QString name;               ///< shown to the user, e.g. "nsfwjs MobileNetV2"
    Preprocessing input;        ///< height and width 0: the model's input shape
    QStringList classes;        ///< output classes in output order
    QStringList nsfwClasses;    ///< the classes whose probabilities add up to p(nsfw)
    /// The first layer of each block that partial fine-tuning counts, bottom to top: "the last k blocks" are
    /// trained from blocks[size - k] on. Empty: every layer with weights is a block.
    QStringList blocks;
    /// Test-time flip averaging ("test_time_flip"): the class probabilities are the mean of the picture's and its
    /// mirror image's (a run trained with TrainSettings::flipAverage says so; the classifier and the run's own scoring
    /// follow it, and each export names it in its metadata).
    bool flipAverage = false;
    QString origin = QStringLiteral("defaults"); ///< where this profile came from: the file's path, or "defaults"

    /// The indices of nsfwClasses in classes (in class order).
    std::vector<int> nsfwIndices() const;
    /// p(nsfw) from one image's class probabilities.
    float nsfwScore(const std::vector<float> &probabilities) const;
    /// How many blocks partial mode can count (blocks, or the layers with weights when there are none).
    int blockCount(int weightedLayers) const { return blocks.isEmpty() ? weightedLayers : int(blocks.size()); }

    QJsonObject toJson() const;
    /// nullopt and *error (naming the key) when the object is not a valid profile.
    static std::optional<ModelProfile> fromJson(const QJsonObject &o, QString *error);

    /// The profile of the model in modelDir: its profile.json when there is one (nullopt and *error when that file
    /// is unreadable or invalid), else the defaults. Call completed() once the model's shape is known.
    static std::optional<ModelProfile> read(const QString &modelDir, QString *error);
    /// Writes profile.json into dir; false and *error when it cannot.
    bool write(const QString &dir, QString *error) const;

    /// This profile with the gaps filled from the model: input size from its input shape; classes "class0", ...
    /// for a model of unknown classes, whose last class is p(nsfw); and, for a folder without profile.json whose
    /// model has five outputs, nsfwjs's classes and blocks (run folders written before profiles existed).
    /// *error when the profile contradicts the model (class count, a block or nsfw class that does not exist).
    ModelProfile completed(int inputHeight, int inputWidth, int outputClasses, const QStringList &layerNames,
                           QString *error) const;

    /// The set-up script's profiles, kept here so the one place that knows them is this file.
    static ModelProfile nsfwjs(const QStringList &layerNames);
};

} // namespace nsfw
