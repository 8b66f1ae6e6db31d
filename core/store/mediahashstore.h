#pragma once

#include "media/perceptualhash.h"

#include <QHash>
#include <QPair>
#include <QString>
#include <QVector>

namespace nsfw {

class ProjectDatabase;

/// The perceptual hashes of a project's images and videos (media_hashes). All SQL about them lives here.
class MediaHashStore
{
public:
    explicit MediaHashStore(ProjectDatabase &db);

    /// Stores an item's hash, replacing an older one (and forgetting the pairs found with it); in the caller's
    /// transaction when one is open.
    bool put(qint64 itemId, const PerceptualHash &hash, QString *error = nullptr);
    /// How many items have a hash of the current version.
    qint64 count(QString *error = nullptr) const;
    /// Every hash of the current version, by item id.
    QHash<qint64, PerceptualHash> all(QString *error = nullptr) const;
    /// The images and videos that have no hash of the current version (imported before hashes existed, or hashed
    /// another way), in id order.
    QVector<qint64> missing(QString *error = nullptr) const;

    /// The near-copy pairs found so far (near_pairs), each as (smaller id, larger id), by the rule `rule` names
    /// (a description of its parameters): when another rule found them, they are forgotten first and every hash
    /// counts as not compared yet.
    QVector<QPair<qint64, qint64>> pairs(const QString &rule, QString *error = nullptr);
    /// The hashed items not compared yet with the hashes stored before them.
    QVector<qint64> unpaired(QString *error = nullptr) const;
    /// Stores the pairs found by comparing `compared` with every hash, then marks them compared, a few thousand rows
    /// per transaction. (Hashes stored meanwhile stay unpaired: the next comparison takes them.)
    bool addPairs(const QVector<QPair<qint64, qint64>> &found, const QVector<qint64> &compared,
                  QString *error = nullptr);

private:
    ProjectDatabase &m_db;
};

} // namespace nsfw
