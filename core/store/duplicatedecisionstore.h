#pragma once

#include <QHash>
#include <QPair>
#include <QSet>
#include <QString>
#include <QVector>

namespace nsfw {

class ProjectDatabase;

/// What people decided about near-copies (not_duplicates, training_exclusions). All SQL about them lives here.
/// Every write is one transaction, committed before it returns.
class DuplicateDecisionStore
{
public:
    explicit DuplicateDecisionStore(ProjectDatabase &db);

    /// Remembers that the given items are not copies of each other: every pair among them, never grouped again.
    bool markNotDuplicates(const QVector<qint64> &items, const QString &annotator, QString *error = nullptr);
    /// Forgets such a decision for every pair among the items.
    bool unmarkNotDuplicates(const QVector<qint64> &items, QString *error = nullptr);
    /// Every pair a person said are not copies, each as (smaller id, larger id).
    QSet<QPair<qint64, qint64>> notDuplicates(QString *error = nullptr) const;

    /// Keeps items out of training (they are still scored and keep their labels), with the reason a person gave.
    bool exclude(const QVector<qint64> &items, const QString &reason, const QString &annotator,
                 QString *error = nullptr);
    /// Lets items take part in training again.
    bool include(const QVector<qint64> &items, QString *error = nullptr);
    /// The items kept out of training, with their reasons.
    QHash<qint64, QString> exclusions(QString *error = nullptr) const;

private:
    ProjectDatabase &m_db;
};

} // namespace nsfw
