#pragma once

#include <QHash>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

#include <vector>

namespace nsfw {

/// Backbone features of items, kept beside the project (`PROJECT.cache/features.sqlite`) so head-only
/// training computes them once per item and model. Keyed by the model's identity and the item's content
/// key, so they never go stale; the file is a cache and may be deleted at any time. One instance per thread.
class FeatureCache
{
public:
    FeatureCache(const QString &cacheDir, const QString &modelKey);
    ~FeatureCache();
    FeatureCache(const FeatureCache &) = delete;
    FeatureCache &operator=(const FeatureCache &) = delete;

    bool isOpen() const { return m_open; }
    /// Features of the keys that are cached; absent keys are left out.
    QHash<QString, std::vector<float>> load(const QStringList &keys);
    /// Stores features (one transaction).
    bool store(const QHash<QString, std::vector<float>> &features);

    /// A model's identity: a hash of its model.json and weight files.
    static QString modelKey(const QString &modelDir);

private:
    QSqlDatabase m_db;
    QString m_connection;
    QString m_modelKey;
    bool m_open = false;
};

} // namespace nsfw
