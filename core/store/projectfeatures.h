#pragma once

#include <QCoreApplication>
#include <QHash>
#include <QString>
#include <QStringList>

#include <vector>

namespace nsfw {

class ProjectDatabase;

/// Backbone features kept in the project itself (table item_features), where every machine of a server project
/// finds them: `worker --features` writes them, training reads them before computing its own (FeatureCache). Keyed by
/// the model and preprocessing (FeatureCache::storeKey) and the item's content key, like the local caches, so they
/// never go stale. Vectors are float32, in this machine's byte order (little-endian on every machine Debian's LibTorch
/// runs on).
class ProjectFeatures
{
    Q_DECLARE_TR_FUNCTIONS(nsfw::ProjectFeatures)

public:
    explicit ProjectFeatures(ProjectDatabase &db);

    /// The vectors of the keys that are stored; absent keys are left out. *error set on a failed read.
    QHash<QString, std::vector<float>> load(const QString &storeKey, const QStringList &keys,
                                            QString *error = nullptr);
    /// Writes vectors (a key already stored keeps its vector: the same model and pixels give the same one), in the
    /// caller's transaction when one is open.
    bool store(const QString &storeKey, const QHash<QString, std::vector<float>> &features, QString *error = nullptr);
    /// How many vectors are stored for the model, -1 on failure.
    qint64 count(const QString &storeKey, QString *error = nullptr);

    /// A vector as stored (float32 bytes in this machine's order), and back: the local feature caches use it too.
    static QByteArray bytesOf(const std::vector<float> &v);
    static std::vector<float> vectorOf(const QByteArray &bytes);

private:
    ProjectDatabase &m_db;
};

} // namespace nsfw
