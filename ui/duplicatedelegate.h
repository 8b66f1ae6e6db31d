#pragma once

#include "common/types.h"
#include "gallery/wellbeing.h"
#include "media/mediacache.h"

#include <QHash>
#include <QStyledItemDelegate>

namespace nsfw {
class ProjectDatabase;
class ThumbnailProvider;
} // namespace nsfw

namespace nsfw::ui {

/// Paints one group of near-copies as a row: a title line (number, size, conflict, hidden from training), then the
/// members side by side, each with its thumbnail (covered as in the gallery), label badge, file name, pixel and file
/// size, and a mark when it is kept out of training. The chosen member of the current group is framed.
class DuplicateGroupDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    DuplicateGroupDelegate(ThumbnailProvider *thumbnails, QObject *parent = nullptr);

    void setDatabase(ProjectDatabase *db) { m_db = db; }
    void setWellbeing(const WellbeingSettings &settings);
    /// While true (the reveal key is held), nothing is covered.
    void setRevealed(bool revealed) { m_revealed = revealed; }
    /// The member under the mouse (revealed when the settings allow hovering to reveal), or 0.
    void setHovered(qint64 id) { m_hovered = id; }
    /// The member chosen in the current group (kept by "keep one"), or 0.
    void setChosen(qint64 id) { m_chosen = id; }
    qint64 chosen() const { return m_chosen; }
    void setThumbnailSize(int side) { m_side = side; }

    /// The index of the member shown at pos in a row painted in rect, or -1 (the "+N more" tile included).
    int memberAt(const QRect &rect, const QPoint &pos, int members) const;
    /// Where a member's tile is painted in a row painted in rect (empty when it does not fit).
    QRect memberRect(const QRect &rect, int member, int members) const;
    /// Whether the member would be covered now (label, score and the wellbeing settings), ignoring hover.
    bool covers(Label label, std::optional<double> score) const;

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

private:
    int titleHeight() const;
    int tileWidth() const { return m_side + 16; }
    /// How many tiles fit in a row of this width (the last may be "+N more").
    int tilesThatFit(int width) const;
    QRect tileRect(const QRect &row, int i) const;
    MediaRef mediaRef(const Item &item) const;
    QImage covered(const QString &key, const QImage &thumb) const;

    ThumbnailProvider *m_thumbnails;
    ProjectDatabase *m_db = nullptr;
    WellbeingSettings m_wellbeing;
    int m_side = 140;
    bool m_revealed = false;
    qint64 m_hovered = 0;
    qint64 m_chosen = 0;
    mutable QHash<QString, QImage> m_coveredCache;
};

} // namespace nsfw::ui
