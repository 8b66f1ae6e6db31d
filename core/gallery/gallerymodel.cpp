#include "gallerymodel.h"

#include "common/logging.h"
#include "store/projectdatabase.h"

#include <QFileInfo>
#include <QSet>

namespace nsfw {

GalleryModel::GalleryModel(QObject *parent)
    : QAbstractListModel(parent)
{
}

void GalleryModel::setDatabase(ProjectDatabase *db)
{
    beginResetModel();
    m_db = db;
    m_ids.clear();
    m_explicit = false;
    m_rowIndexValid = false;
    m_labelOverrides.clear();
    m_duplicates.clear(); // another project's groups name other items
    clearPages();
    endResetModel();
    refresh();
}

void GalleryModel::setFilter(const ItemFilter &filter)
{
    if (filter == m_filter && !m_explicit)
        return;
    m_filter = filter;
    m_explicit = false;
    refresh();
}

void GalleryModel::setSort(ItemSort sort)
{
    if (sort == m_sort)
        return;
    m_sort = sort;
    if (!m_explicit)
        refresh();
}

void GalleryModel::setExplicitIds(const QVector<qint64> &ids)
{
    beginResetModel();
    m_explicit = true;
    m_ids = ids;
    m_rowIndexValid = false;
    m_labelOverrides.clear();
    clearPages();
    endResetModel();
    Q_EMIT refreshed(int(m_ids.size()));
}

void GalleryModel::clearExplicitIds()
{
    if (!m_explicit)
        return;
    m_explicit = false;
    refresh();
}

void GalleryModel::refresh()
{
    if (m_explicit) {
        // A drill-down keeps its ids; only the cached columns may have changed.
        clearPages();
        m_labelOverrides.clear();
        if (!m_ids.isEmpty())
            Q_EMIT dataChanged(index(0), index(int(m_ids.size()) - 1));
        Q_EMIT refreshed(int(m_ids.size()));
        return;
    }
    const QVector<qint64> fresh = m_db ? ItemQuery(*m_db).ids(m_filter, m_sort) : QVector<qint64>();
    m_labelOverrides.clear();
    const qsizetype old = m_ids.size();
    const bool prefix = fresh.size() >= old && std::equal(m_ids.cbegin(), m_ids.cend(), fresh.cbegin());
    if (prefix) {
        // The common case of an import batch: rows only appended. Views keep scroll and selection.
        clearPages();
        if (old > 0)
            Q_EMIT dataChanged(index(0), index(int(old) - 1));
        if (fresh.size() > old) {
            beginInsertRows(QModelIndex(), int(old), int(fresh.size()) - 1);
            m_ids = fresh;
            m_rowIndexValid = false;
            endInsertRows();
        }
    } else {
        beginResetModel();
        m_ids = fresh;
        m_rowIndexValid = false;
        clearPages();
        endResetModel();
    }
    Q_EMIT refreshed(int(m_ids.size()));
}

void GalleryModel::updateLabels(const QVector<qint64> &ids, const QVector<Label> &labels)
{
    for (int i = 0; i < ids.size() && i < labels.size(); ++i) {
        const int row = rowOf(ids.at(i));
        if (row < 0)
            continue;
        m_labelOverrides.insert(ids.at(i), labels.at(i));
        const QModelIndex idx = index(row);
        Q_EMIT dataChanged(idx, idx, {LabelRole, Qt::ToolTipRole});
    }
}

void GalleryModel::setPending(const QHash<qint64, Label> &pending)
{
    if (pending == m_pending)
        return;
    QSet<qint64> touched;
    for (auto it = m_pending.cbegin(); it != m_pending.cend(); ++it) {
        if (pending.value(it.key(), Label(-2)) != it.value())
            touched.insert(it.key());
    }
    for (auto it = pending.cbegin(); it != pending.cend(); ++it) {
        if (m_pending.value(it.key(), Label(-2)) != it.value())
            touched.insert(it.key());
    }
    m_pending = pending;
    for (qint64 id : std::as_const(touched)) {
        const int row = rowOf(id);
        if (row >= 0)
            Q_EMIT dataChanged(index(row), index(row), {LabelRole, PendingRole, Qt::ToolTipRole});
    }
}

void GalleryModel::setDuplicateBadges(const QHash<qint64, DuplicateBadge> &badges)
{
    m_duplicates = badges;
    // One signal for every row: cheaper than finding the rows of the members that changed.
    if (!m_ids.isEmpty())
        Q_EMIT dataChanged(index(0), index(int(m_ids.size()) - 1),
                           {DuplicateGroupRole, DuplicateConflictRole, Qt::ToolTipRole});
}

void GalleryModel::clearPages()
{
    m_pages.clear();
    m_pageUse.clear();
}

int GalleryModel::rowOf(qint64 id) const
{
    if (!m_rowIndexValid) {
        m_rowOfId.clear();
        m_rowOfId.reserve(m_ids.size());
        for (int i = 0; i < m_ids.size(); ++i)
            m_rowOfId.insert(m_ids.at(i), i);
        m_rowIndexValid = true;
    }
    return m_rowOfId.value(id, -1);
}

void GalleryModel::fetchPage(int page) const
{
    const int first = page * kPageSize;
    const int last = std::min<int>(first + kPageSize, int(m_ids.size()));
    QVector<ItemRow> ordered(last - first);
    if (m_db && last > first) {
        const QVector<ItemRow> rows =
            ItemQuery(*m_db).rows(m_ids.mid(first, last - first), m_filter.scoreRunId, m_filter.labelsOf);
        QHash<qint64, int> pos;
        for (int i = first; i < last; ++i)
            pos.insert(m_ids.at(i), i - first);
        for (const ItemRow &r : rows) {
            const int p = pos.value(r.id, -1);
            if (p >= 0)
                ordered[p] = r;
        }
    }
    if (m_pages.size() >= kMaxPages && !m_pageUse.isEmpty())
        m_pages.remove(m_pageUse.takeFirst());
    m_pages.insert(page, ordered);
    m_pageUse.removeAll(page);
    m_pageUse.append(page);
}

const ItemRow *GalleryModel::rowData(int row) const
{
    if (row < 0 || row >= m_ids.size())
        return nullptr;
    const int page = row / kPageSize;
    auto it = m_pages.constFind(page);
    if (it == m_pages.constEnd()) {
        fetchPage(page);
        it = m_pages.constFind(page);
    } else if (!m_pageUse.isEmpty() && m_pageUse.constLast() != page) {
        m_pageUse.removeAll(page);
        m_pageUse.append(page);
    }
    const ItemRow &r = it->at(row - page * kPageSize);
    return r.id ? &r : nullptr;
}

MediaRef GalleryModel::mediaRef(int row) const
{
    MediaRef ref;
    const ItemRow *r = rowData(row);
    if (!r || !m_db)
        return ref;
    ref.kind = r->kind;
    ref.sourcePath = m_db->absolutePath(r->path);
    ref.frameIndex = r->kind == ItemKind::Frame ? r->frameIndex : 0;
    ref.key = r->kind == ItemKind::Frame ? r->contentHash + QLatin1Char('_') + QString::number(r->frameIndex)
                                         : r->contentHash;
    return ref;
}

int GalleryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_ids.size());
}

Qt::ItemFlags GalleryModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren;
}

QVariant GalleryModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_ids.size() || index.column() != 0)
        return {};
    if (role == IdRole)
        return m_ids.at(index.row());
    const ItemRow *r = rowData(index.row());
    if (!r)
        return {};
    const auto pending = m_pending.constFind(r->id);
    const bool isPending = pending != m_pending.constEnd();
    const Label label = isPending ? *pending : m_labelOverrides.value(r->id, r->label);
    switch (role) {
    case Qt::DisplayRole:
        if (r->kind == ItemKind::Frame)
            return tr("%1 s").arg(r->timestampMs / 1000.0, 0, 'f', 1);
        return QFileInfo(r->path).fileName();
    case Qt::ToolTipRole: {
        QString tip = QFileInfo(r->path).fileName();
        if (r->kind == ItemKind::Frame)
            tip += tr(" (frame at %1 s)").arg(r->timestampMs / 1000.0, 0, 'f', 1);
        tip += QLatin1Char('\n') + labelDisplayName(label);
        if (r->score)
            tip += QLatin1Char('\n') + tr("Score %1").arg(*r->score, 0, 'f', 3);
        if (r->missing)
            tip += QLatin1Char('\n') + tr("File missing");
        if (const auto d = m_duplicates.constFind(r->id); d != m_duplicates.constEnd())
            tip += QLatin1Char('\n') + (d->conflict ? tr("Near-copy group %1 (%2 items, labeled both safe and NSFW)")
                                                    : tr("Near-copy group %1 (%2 items)"))
                                           .arg(d->group)
                                           .arg(d->size);
        if (isPending)
            tip += QLatin1Char('\n') + tr("Label not saved yet: it is written as soon as the project takes it (the status bar says why it waits)");
        return tip;
    }
    case KindRole:
        return int(r->kind);
    case LabelRole:
        return int(label);
    case PathRole:
        return m_db ? m_db->absolutePath(r->path) : r->path;
    case ScoreRole:
        return r->score ? QVariant(*r->score) : QVariant();
    case FrameIndexRole:
        return r->frameIndex;
    case TimestampRole:
        return r->timestampMs;
    case CacheKeyRole:
        return r->kind == ItemKind::Frame ? r->contentHash + QLatin1Char('_') + QString::number(r->frameIndex)
                                          : r->contentHash;
    case MissingRole:
        return r->missing;
    case PendingRole:
        return isPending;
    case DuplicateGroupRole: {
        const auto d = m_duplicates.constFind(r->id);
        return d == m_duplicates.constEnd() ? QVariant() : QVariant(d->group);
    }
    case DuplicateConflictRole:
        return m_duplicates.value(r->id).conflict;
    default:
        return {};
    }
}

QHash<int, QByteArray> GalleryModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert(IdRole, "itemId");
    names.insert(KindRole, "kind");
    names.insert(LabelRole, "label");
    names.insert(PathRole, "path");
    names.insert(ScoreRole, "score");
    names.insert(FrameIndexRole, "frameIndex");
    names.insert(TimestampRole, "timestampMs");
    names.insert(CacheKeyRole, "cacheKey");
    names.insert(MissingRole, "missing");
    names.insert(PendingRole, "pending");
    names.insert(DuplicateGroupRole, "duplicateGroup");
    names.insert(DuplicateConflictRole, "duplicateConflict");
    return names;
}

} // namespace nsfw
