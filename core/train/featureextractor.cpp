#include "featureextractor.h"

#include "featurecache.h"
#include "learner.h"
#include "model/modellocator.h"
#include "model/tfjsmodel.h"
#include "trainingdata.h"

#include <QDir>

namespace nsfw {

namespace {

/// Keeps what computeFeatures computed; knows nothing beforehand.
class Collected : public FeatureStore
{
public:
    QHash<QString, std::vector<float>> load(const QStringList &) override { return {}; }
    bool store(const QHash<QString, std::vector<float>> &features) override
    {
        all.insert(features);
        return true;
    }
    QHash<QString, std::vector<float>> all;
};

} // namespace

struct FeatureExtractor::Impl {
    QString modelDir;
    QString storeKey;
    ModelProfile profile;
    std::unique_ptr<Learner> learner;
};

FeatureExtractor::FeatureExtractor()
    : d(std::make_unique<Impl>())
{
}

FeatureExtractor::~FeatureExtractor() = default;

std::unique_ptr<FeatureExtractor> FeatureExtractor::load(const QString &modelDir, bool fastDecode, QString *error)
{
    std::unique_ptr<FeatureExtractor> x(new FeatureExtractor);
    x->d->modelDir = locateModel(modelDir, error);
    if (x->d->modelDir.isEmpty())
        return nullptr;
    // As Trainer::Run::loadModel: the same graph, profile and preprocessing, so the features are the run's own.
    ModelError modelError;
    auto parsed = readTfjsModel(x->d->modelDir + QStringLiteral("/model.json"), &modelError);
    if (!parsed) {
        *error = modelError.toString();
        return nullptr;
    }
    auto built = buildKerasGraph(*parsed, &modelError);
    if (!built) {
        *error = modelError.toString();
        return nullptr;
    }
    QString profileError;
    x->d->profile = parsed->profile.completed(int((*built)->inputHeight()), int((*built)->inputWidth()),
                                              int((*built)->outputClasses()), layerNamesOf(*parsed), &profileError);
    if (!profileError.isEmpty()) {
        *error = QStringLiteral("%1: %2").arg(x->d->modelDir, profileError);
        return nullptr;
    }
    x->d->profile.input.fastDecode = fastDecode;
    TrainSettings head;
    head.mode = TrainSettings::Mode::Head;
    head.fastDecode = fastDecode;
    x->d->learner = std::make_unique<Learner>(*built, head, x->d->profile, true);
    x->d->storeKey = FeatureCache::storeKey(x->d->modelDir, fastDecode);
    return x;
}

QString FeatureExtractor::storeKey() const
{
    return d->storeKey;
}

QString FeatureExtractor::modelDir() const
{
    return d->modelDir;
}

QHash<QString, std::vector<float>> FeatureExtractor::compute(const QVector<Picture> &pictures, const QString &cacheDir,
                                                             QVector<UnreadableItem> *unreadable,
                                                             const std::function<bool()> &betweenBatches)
{
    QVector<Sample> samples;
    samples.reserve(pictures.size());
    for (const Picture &p : pictures) {
        Sample x;
        x.itemId = p.itemId;
        x.ref = p.ref;
        samples.append(x);
    }
    const MediaCache cache(cacheDir);
    ModelInputs inputs(cache, d->profile.input);
    inputs.cancelled = betweenBatches;
    Collected collected;
    inputs.computeFeatures(d->learner->graph(), d->learner->featureLayer(), d->learner->inputFormat(), samples,
                           collected);
    if (unreadable)
        *unreadable = inputs.unreadable();
    return collected.all;
}

} // namespace nsfw
