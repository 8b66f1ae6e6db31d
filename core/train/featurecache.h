#pragma once

#include <QHash>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

#include <vector>

namespace nsfw {

class ProjectDatabase;

/// Where ModelInputs::computeFeatures looks features up before computing them, and keeps the ones it computed.
class FeatureStore
{
public:
    virtual ~FeatureStore() = default;
    /// Features of the keys that are known; absent keys are left out.
    virtual QHash<QString, std::vector<float>> load(const QStringList &keys) = 0;
    virtual bool store(const QHash<QString, std::vector<float>> &features) = 0;
};

/// Backbone features of items, kept beside the project (`PROJECT.cache/features.sqlite`) so head-only
/// training computes them once per item and model. Keyed by the model's identity and preprocessing (storeKey) and the
/// item's content key, so they never go stale; the file is a cache and may be deleted at any time. Keys it does not
/// hold are looked up in the project's own features (ProjectFeatures: what `worker --features` wrote, on any machine)
/// when shareWith() gave the project. One instance per thread.
class FeatureCache : public FeatureStore
{
public:
    FeatureCache(const QString &cacheDir, const QString &storeKey);
    ~FeatureCache() override;
    FeatureCache(const FeatureCache &) = delete;
    FeatureCache &operator=(const FeatureCache &) = delete;

    bool isOpen() const { return m_open; }
    /// Also reads the project's features (not owned; used on this thread only).
    void shareWith(ProjectDatabase *project) { m_project = project; }
    /// Features of the keys that are cached here or in the project; absent keys are left out.
    QHash<QString, std::vector<float>> load(const QStringList &keys) override;
    /// Stores features here (one transaction); the project's are written by workers only.
    bool store(const QHash<QString, std::vector<float>> &features) override;
    /// How many loads were answered by the project's features (a worker's), not by this cache.
    qint64 fromProject() const { return m_fromProject; }

    /// A model's identity: a hash of its model.json and weight files.
    static QString modelKey(const QString &modelDir);
    /// What features are keyed by: the model, and whether big JPEGs were decoded at reduced scale (other pixels, other
    /// features).
    static QString storeKey(const QString &modelDir, bool fastDecode);

private:
    QHash<QString, std::vector<float>> loadHere(const QStringList &keys);

    QSqlDatabase m_db;
    QString m_connection;
    QString m_modelKey;
    ProjectDatabase *m_project = nullptr;
    qint64 m_fromProject = 0;
    bool m_open = false;
};

} // namespace nsfw
