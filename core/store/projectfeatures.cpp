#include "projectfeatures.h"

#include "common/logging.h"
#include "projectdatabase.h"

#include <QSqlError>
#include <QSqlQuery>

#include <cstring>

namespace nsfw {

namespace {

bool fail(const QSqlQuery &q, QString *error)
{
    if (error)
        *error = q.lastError().text();
    qCWarning(lcStore) << "project features:" << q.lastError().text();
    return false;
}

} // namespace

ProjectFeatures::ProjectFeatures(ProjectDatabase &db)
    : m_db(db)
{
}

QHash<QString, std::vector<float>> ProjectFeatures::load(const QString &storeKey, const QStringList &keys,
                                                         QString *error)
{
    QHash<QString, std::vector<float>> result;
    QSqlQuery q(m_db.db());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT data FROM item_features WHERE model_key = ? AND content_key = ?"));
    for (const QString &key : keys) {
        q.bindValue(0, storeKey);
        q.bindValue(1, key);
        if (!q.exec()) {
            fail(q, error);
            return result;
        }
        if (q.next())
            result.insert(key, vectorOf(q.value(0).toByteArray()));
        q.finish();
    }
    return result;
}

bool ProjectFeatures::store(const QString &storeKey, const QHash<QString, std::vector<float>> &features,
                            QString *error)
{
    QSqlQuery q(m_db.db());
    q.prepare(QStringLiteral("INSERT INTO item_features (model_key, content_key, data) VALUES (?, ?, ?)"
                             " ON CONFLICT (model_key, content_key) DO NOTHING"));
    for (auto it = features.cbegin(); it != features.cend(); ++it) {
        q.bindValue(0, storeKey);
        q.bindValue(1, it.key());
        q.bindValue(2, bytesOf(it.value()));
        if (!q.exec())
            return fail(q, error);
    }
    return true;
}

QByteArray ProjectFeatures::bytesOf(const std::vector<float> &v)
{
    return QByteArray(reinterpret_cast<const char *>(v.data()), qsizetype(v.size() * sizeof(float)));
}

std::vector<float> ProjectFeatures::vectorOf(const QByteArray &bytes)
{
    std::vector<float> v(size_t(bytes.size()) / sizeof(float));
    std::memcpy(v.data(), bytes.constData(), v.size() * sizeof(float));
    return v;
}

qint64 ProjectFeatures::count(const QString &storeKey, QString *error)
{
    QSqlQuery q(m_db.db());
    q.prepare(QStringLiteral("SELECT count(*) FROM item_features WHERE model_key = ?"));
    q.addBindValue(storeKey);
    if (!q.exec() || !q.next()) {
        fail(q, error);
        return -1;
    }
    return q.value(0).toLongLong();
}

} // namespace nsfw
