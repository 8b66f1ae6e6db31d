#pragma once

#include "duplicategroups.h"
#include "gallerymodel.h"

#include <QAbstractListModel>
#include <QHash>

#include <optional>

namespace nsfw {

/// The groups of near-copies of a project, one row each, for the Duplicates view.
///
/// Each group keeps the number it had when the groups were set (its place in the list then, from 1), which the
/// gallery's badges show too. Labels given meanwhile change members and conflict flags in place; a group never moves
/// until the next setGroups(), so labeling never makes the list jump.
class DuplicateGroupModel : public QAbstractListModel
{
    Q_OBJECT

public:
    enum Role {
        KeyRole = Qt::UserRole + 1, ///< qint64: the group's smallest item id
        NumberRole,                 ///< int: the group's number (from 1)
        SizeRole,                   ///< int: members
        ConflictRole,               ///< bool: members labeled both safe and nsfw
        ExcludedRole,               ///< int: members kept out of training
        MemberIdsRole,              ///< QVariantList of qint64, in id order
    };

    explicit DuplicateGroupModel(QObject *parent = nullptr);

    /// Replaces the groups (numbered in this order); exclusions and scores stay.
    void setGroups(const QVector<DuplicateGroup> &groups);
    void clear() { setGroups({}); }
    /// Members' labels changed (in the window or elsewhere): cells and conflict flags follow, rows stay.
    void updateLabels(const QVector<qint64> &ids, const QVector<Label> &labels);
    /// The items kept out of training, with their reasons (DuplicateDecisionStore::exclusions).
    void setExclusions(const QHash<qint64, QString> &reasons);
    /// Model scores of members (for covering what is predicted nsfw, as the gallery does).
    void setScores(const QHash<qint64, double> &scores);
    /// Takes a group out of the list (people said its members are not copies).
    void removeGroup(int row);

    const DuplicateGroup *group(int row) const;
    int number(int row) const { return row >= 0 && row < m_numbers.size() ? m_numbers.at(row) : 0; }
    int rowOfKey(qint64 key) const;
    /// The row of the group an item belongs to, or -1.
    int rowOfItem(qint64 id) const;
    /// "" when the item takes part in training, else the reason it does not.
    QString exclusion(qint64 id) const { return m_exclusions.value(id); }
    std::optional<double> score(qint64 id) const;
    /// Every member's badge for the gallery: its group's number, size and conflict.
    QHash<qint64, DuplicateBadge> badges() const;

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QHash<int, QByteArray> roleNames() const override;

private:
    int excludedCount(const DuplicateGroup &group) const;

    QVector<DuplicateGroup> m_groups;
    QVector<int> m_numbers;
    QHash<qint64, int> m_rowOfItem;
    QHash<qint64, QString> m_exclusions;
    QHash<qint64, double> m_scores;
};

} // namespace nsfw
