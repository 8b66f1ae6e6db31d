#include "featurecache.h"

#include "common/logging.h"
#include "store/projectfeatures.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>

#include <atomic>

namespace nsfw {

namespace {
std::atomic<int> s_counter{0};
}

FeatureCache::FeatureCache(const QString &cacheDir, const QString &modelKey)
    : m_connection(QStringLiteral("nsfw-features-%1").arg(s_counter.fetch_add(1)))
    , m_modelKey(modelKey)
{
    QDir().mkpath(cacheDir);
    m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connection);
    m_db.setDatabaseName(cacheDir + QStringLiteral("/features.sqlite"));
    m_db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=10000"));
    if (!m_db.open()) {
        qCWarning(lcTrain) << "feature cache unavailable:" << m_db.lastError().text();
        return;
    }
    QSqlQuery q(m_db);
    // A cache: losing the last writes to a power cut costs recomputation only.
    q.exec(QStringLiteral("PRAGMA journal_mode = WAL"));
    q.exec(QStringLiteral("PRAGMA synchronous = NORMAL"));
    m_open = q.exec(QStringLiteral("CREATE TABLE IF NOT EXISTS features (model TEXT NOT NULL, key TEXT NOT NULL,"
                                   " data BLOB NOT NULL, PRIMARY KEY (model, key)) WITHOUT ROWID"));
    if (!m_open)
        qCWarning(lcTrain) << "feature cache unusable:" << q.lastError().text();
}

FeatureCache::~FeatureCache()
{
    m_db.close();
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_connection);
}

QHash<QString, std::vector<float>> FeatureCache::load(const QStringList &keys)
{
    QHash<QString, std::vector<float>> result;
    if (m_open)
        result = loadHere(keys);
    if (m_project && result.size() < keys.size()) {
        QStringList missing;
        for (const QString &key : keys) {
            if (!result.contains(key))
                missing << key;
        }
        QString error;
        const QHash<QString, std::vector<float>> shared = ProjectFeatures(*m_project).load(m_modelKey, missing, &error);
        if (!error.isEmpty()) // the run computes them instead
            qCWarning(lcTrain) << "cannot read the project's features:" << error;
        m_fromProject += shared.size();
        result.insert(shared);
    }
    return result;
}

QHash<QString, std::vector<float>> FeatureCache::loadHere(const QStringList &keys)
{
    QHash<QString, std::vector<float>> result;
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT data FROM features WHERE model = ? AND key = ?"));
    for (const QString &key : keys) {
        q.bindValue(0, m_modelKey);
        q.bindValue(1, key);
        if (q.exec() && q.next())
            result.insert(key, ProjectFeatures::vectorOf(q.value(0).toByteArray()));
        q.finish();
    }
    return result;
}

bool FeatureCache::store(const QHash<QString, std::vector<float>> &features)
{
    if (!m_open || features.isEmpty())
        return m_open;
    // A cache: when it cannot be written (busy, disk full) the run goes on with the features in memory, and says so.
    if (!m_db.transaction()) {
        qCWarning(lcTrain) << "feature cache: cannot begin a transaction:" << m_db.lastError().text();
        return false;
    }
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("INSERT OR REPLACE INTO features (model, key, data) VALUES (?, ?, ?)"));
    for (auto it = features.cbegin(); it != features.cend(); ++it) {
        q.bindValue(0, m_modelKey);
        q.bindValue(1, it.key());
        q.bindValue(2, ProjectFeatures::bytesOf(it.value()));
        if (!q.exec()) {
            qCWarning(lcTrain) << "feature cache: cannot store features:" << q.lastError().text();
            m_db.rollback();
            return false;
        }
    }
    if (!m_db.commit()) {
        qCWarning(lcTrain) << "feature cache: cannot commit:" << m_db.lastError().text();
        m_db.rollback();
        return false;
    }
    return true;
}

QString FeatureCache::modelKey(const QString &modelDir)
{
    QCryptographicHash hash(QCryptographicHash::Sha1);
    const QDir dir(modelDir);
    for (const QFileInfo &f : dir.entryInfoList(QDir::Files, QDir::Name)) {
        QFile file(f.absoluteFilePath());
        if (file.open(QIODevice::ReadOnly)) {
            hash.addData(f.fileName().toUtf8());
            hash.addData(&file);
        }
    }
    return QString::fromLatin1(hash.result().toHex().left(16));
}

QString FeatureCache::storeKey(const QString &modelDir, bool fastDecode)
{
    return modelKey(modelDir) + (fastDecode ? QStringLiteral("+fast-decode") : QString());
}

} // namespace nsfw
