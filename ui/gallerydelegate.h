#pragma once

#include "gallery/wellbeing.h"

#include <QHash>
#include <QSet>
#include <QStyledItemDelegate>

namespace nsfw {
class GalleryModel;
class ThumbnailProvider;
} // namespace nsfw

namespace nsfw::ui {

/// Paints one gallery cell: the thumbnail (or a placeholder while it loads), covered by the wellbeing
/// filter when its label asks for it, a label badge, the name, and the score when there is one.
class GalleryDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    GalleryDelegate(ThumbnailProvider *thumbnails, QObject *parent = nullptr);

    void setCellSize(int side) { m_side = side; }
    int cellSize() const { return m_side; }
    /// Compact cells (timeline strip): no name line.
    void setCompact(bool compact) { m_compact = compact; }
    void setWellbeing(const WellbeingSettings &settings);
    /// While true (the reveal key is held), nothing is covered.
    void setRevealed(bool revealed) { m_revealed = revealed; }
    /// Items marked as relabelled during a review (a "fixed" badge under the label badge).
    void setMarked(const QSet<qint64> &ids) { m_marked = ids; }
    const QSet<qint64> &marked() const { return m_marked; }
    /// Items whose label the reviewed run's audit suspects (a purple "?" badge beside the label badge; on the
    /// compact timeline strip too, so a video's suspect frames stand out).
    void setSuspects(const QSet<qint64> &ids) { m_suspects = ids; }
    const QSet<qint64> &suspects() const { return m_suspects; }

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    /// The colour of a label's badge, also used by the viewer and the status bar.
    static QColor labelColor(int label);

private:
    QImage covered(const QString &key, const QImage &thumb) const;

    ThumbnailProvider *m_thumbnails;
    WellbeingSettings m_wellbeing;
    int m_side = 160;
    bool m_compact = false;
    bool m_revealed = false;
    QSet<qint64> m_marked;
    QSet<qint64> m_suspects;
    // Covered thumbnails are computed once per key (a blur costs ~1 ms; a scroll repaints cells often).
    mutable QHash<QString, QImage> m_coveredCache;
};

} // namespace nsfw::ui
