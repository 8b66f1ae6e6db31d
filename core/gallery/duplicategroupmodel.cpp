#include "duplicategroupmodel.h"

#include <QFileInfo>
#include <QSet>

namespace nsfw {

DuplicateGroupModel::DuplicateGroupModel(QObject *parent)
    : QAbstractListModel(parent)
{
}

void DuplicateGroupModel::setGroups(const QVector<DuplicateGroup> &groups)
{
    beginResetModel();
    m_groups = groups;
    m_numbers.clear();
    m_rowOfItem.clear();
    for (int row = 0; row < m_groups.size(); ++row) {
        m_numbers << row + 1;
        for (const Item &item : std::as_const(m_groups.at(row).members))
            m_rowOfItem.insert(item.id, row);
    }
    endResetModel();
}

void DuplicateGroupModel::updateLabels(const QVector<qint64> &ids, const QVector<Label> &labels)
{
    QSet<int> touched;
    for (int i = 0; i < ids.size() && i < labels.size(); ++i) {
        const int row = m_rowOfItem.value(ids.at(i), -1);
        if (row < 0)
            continue;
        for (Item &item : m_groups[row].members) {
            if (item.id == ids.at(i))
                item.label = labels.at(i);
        }
        touched.insert(row);
    }
    for (int row : std::as_const(touched)) {
        updateConflict(m_groups[row]);
        Q_EMIT dataChanged(index(row), index(row));
    }
}

void DuplicateGroupModel::setExclusions(const QHash<qint64, QString> &reasons)
{
    m_exclusions = reasons;
    if (!m_groups.isEmpty())
        Q_EMIT dataChanged(index(0), index(int(m_groups.size()) - 1));
}

void DuplicateGroupModel::setScores(const QHash<qint64, double> &scores)
{
    m_scores = scores;
    if (!m_groups.isEmpty())
        Q_EMIT dataChanged(index(0), index(int(m_groups.size()) - 1));
}

void DuplicateGroupModel::removeGroup(int row)
{
    if (row < 0 || row >= m_groups.size())
        return;
    beginRemoveRows(QModelIndex(), row, row);
    m_groups.remove(row);
    m_numbers.remove(row);
    m_rowOfItem.clear();
    for (int r = 0; r < m_groups.size(); ++r) {
        for (const Item &item : std::as_const(m_groups.at(r).members))
            m_rowOfItem.insert(item.id, r);
    }
    endRemoveRows();
}

const DuplicateGroup *DuplicateGroupModel::group(int row) const
{
    return row >= 0 && row < m_groups.size() ? &m_groups.at(row) : nullptr;
}

int DuplicateGroupModel::rowOfKey(qint64 key) const
{
    for (int row = 0; row < m_groups.size(); ++row) {
        if (m_groups.at(row).key() == key)
            return row;
    }
    return -1;
}

int DuplicateGroupModel::rowOfItem(qint64 id) const
{
    return m_rowOfItem.value(id, -1);
}

std::optional<double> DuplicateGroupModel::score(qint64 id) const
{
    const auto it = m_scores.constFind(id);
    return it == m_scores.constEnd() ? std::nullopt : std::optional<double>(*it);
}

QHash<qint64, DuplicateBadge> DuplicateGroupModel::badges() const
{
    QHash<qint64, DuplicateBadge> badges;
    for (int row = 0; row < m_groups.size(); ++row) {
        const DuplicateGroup &g = m_groups.at(row);
        for (const Item &item : g.members)
            badges.insert(item.id, DuplicateBadge{m_numbers.at(row), int(g.members.size()), g.conflict});
    }
    return badges;
}

int DuplicateGroupModel::excludedCount(const DuplicateGroup &group) const
{
    int n = 0;
    for (const Item &item : group.members)
        n += m_exclusions.contains(item.id);
    return n;
}

int DuplicateGroupModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_groups.size());
}

Qt::ItemFlags DuplicateGroupModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren;
}

QVariant DuplicateGroupModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.column() != 0 || index.row() >= m_groups.size())
        return {};
    const DuplicateGroup &g = m_groups.at(index.row());
    switch (role) {
    case Qt::DisplayRole: {
        QString text = tr("Group %1: %n near-copies", nullptr, int(g.members.size())).arg(m_numbers.at(index.row()));
        if (g.conflict)
            text += tr(" — conflict: labeled both safe and NSFW");
        if (const int excluded = excludedCount(g); excluded > 0)
            text += tr(" — %n hidden from training", nullptr, excluded);
        return text;
    }
    case Qt::ToolTipRole: {
        QStringList lines;
        for (const Item &item : g.members)
            lines << QStringLiteral("#%1 %2 (%3)")
                         .arg(item.id)
                         .arg(QFileInfo(item.path).fileName(), labelDisplayName(item.label));
        return lines.join(QLatin1Char('\n'));
    }
    case KeyRole:
        return g.key();
    case NumberRole:
        return m_numbers.at(index.row());
    case SizeRole:
        return int(g.members.size());
    case ConflictRole:
        return g.conflict;
    case ExcludedRole:
        return excludedCount(g);
    case MemberIdsRole: {
        QVariantList ids;
        for (const Item &item : g.members)
            ids << item.id;
        return ids;
    }
    default:
        return {};
    }
}

QHash<int, QByteArray> DuplicateGroupModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert(KeyRole, "key");
    names.insert(NumberRole, "number");
    names.insert(SizeRole, "size");
    names.insert(ConflictRole, "conflict");
    names.insert(ExcludedRole, "excluded");
    names.insert(MemberIdsRole, "memberIds");
    return names;
}

} // namespace nsfw
