#pragma once

#include "media/mediacache.h"
#include "store/itemquery.h"

#include <QAbstractListModel>
#include <QHash>
#include <QVector>

namespace nsfw {

class ProjectDatabase;

/// An item's group of near-copies, as the gallery's badge shows it (DuplicateGroupModel::badges()).
struct DuplicateBadge {
    int group = 0;         ///< the group's number in the Duplicates view
    int size = 0;          ///< its members
    bool conflict = false; ///< labeled both safe and nsfw
};

/// The items of a project as a flat list for galleries and timeline strips.
///
/// Holds only the ordered ids (8 bytes an item); the few columns a cell shows are fetched in pages of
/// kPageSize rows when a view first asks for them, and kept for a bounded number of pages, so 100,000
/// items cost about a megabyte and a scroll touches SQLite once per page. Labels given in the window are
/// pushed in with updateLabels() rather than refetched, and an item stays in place when its new label no
/// longer matches the filter until the next refresh(), so labeling never makes the list jump.
class GalleryModel : public QAbstractListModel
{
    Q_OBJECT

public:
    enum Role {
        IdRole = Qt::UserRole + 1,
        KindRole,  ///< int(ItemKind)
        LabelRole, ///< int(Label), -1 for unlabeled
        PathRole,  ///< absolute path of the file (the video's for frames)
        ScoreRole, ///< double, or invalid when unscored
        FrameIndexRole,
        TimestampRole, ///< ms into the video for frames
        CacheKeyRole,  ///< thumbnail cache key (MediaRef::key)
        MissingRole,
        PendingRole, ///< bool: the label shown waits to be written (another program holds the project's lock)
        DuplicateGroupRole,    ///< int: the number of the item's near-copy group; invalid when it has none
        DuplicateConflictRole, ///< bool: that group's members are labeled both safe and nsfw
    };
    static constexpr int kPageSize = 256;
    static constexpr int kMaxPages = 64;

    explicit GalleryModel(QObject *parent = nullptr);

    /// Attaches a project connection (of this thread), or none; refreshes.
    void setDatabase(ProjectDatabase *db);
    ProjectDatabase *database() const { return m_db; }

    void setFilter(const ItemFilter &filter);
    ItemFilter filter() const { return m_filter; }
    void setSort(ItemSort sort);
    ItemSort sort() const { return m_sort; }
    /// Shows exactly these ids in this order (a drill-down); the filter is ignored until clearExplicitIds().
    void setExplicitIds(const QVector<qint64> &ids);
    void clearExplicitIds();
    bool hasExplicitIds() const { return m_explicit; }

    /// Re-runs the query. Keeps rows that are unchanged at the front (an import appends without a reset).
    void refresh();
    /// Records labels given elsewhere in the window (or by another writer) and repaints their cells.
    void updateLabels(const QVector<qint64> &ids, const QVector<Label> &labels);
    /// The labels given in the window that are not committed yet (LabelSession::pendingLabels()); they
    /// are shown, marked pending, until they are, whatever a refresh reads.
    void setPending(const QHash<qint64, Label> &pending);
    /// The near-copy groups of the items (the Duplicates view's grouping); items not in the map have none.
    void setDuplicateBadges(const QHash<qint64, DuplicateBadge> &badges);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QHash<int, QByteArray> roleNames() const override;

    qint64 idAt(int row) const { return row >= 0 && row < m_ids.size() ? m_ids.at(row) : 0; }
    int rowOf(qint64 id) const;
    const QVector<qint64> &ids() const { return m_ids; }
    /// The cached row of an item at a row index (fetching its page when needed); nullptr when out of range.
    const ItemRow *rowData(int row) const;
    /// What to load for a row's thumbnail or picture.
    MediaRef mediaRef(int row) const;

Q_SIGNALS:
    /// After every refresh, with the new row count.
    void refreshed(int rows);

private:
    void fetchPage(int page) const;
    void clearPages();

    ProjectDatabase *m_db = nullptr;
    ItemFilter m_filter;
    ItemSort m_sort = ItemSort::ImportOrder;
    bool m_explicit = false;
    QVector<qint64> m_ids;
    mutable QHash<qint64, int> m_rowOfId; // built lazily on first rowOf()
    mutable bool m_rowIndexValid = false;
    // Page cache: page number -> rows in id order of that page; least recently used page evicted.
    mutable QHash<int, QVector<ItemRow>> m_pages;
    mutable QVector<int> m_pageUse;
    QHash<qint64, Label> m_labelOverrides;
    QHash<qint64, Label> m_pending;
    QHash<qint64, DuplicateBadge> m_duplicates;
};

} // namespace nsfw
