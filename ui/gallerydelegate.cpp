#include "gallerydelegate.h"

#include "gallery/gallerymodel.h"
#include "gallery/thumbnailprovider.h"

#include <QApplication>
#include <QPainter>

namespace nsfw::ui {

GalleryDelegate::GalleryDelegate(ThumbnailProvider *thumbnails, QObject *parent)
    : QStyledItemDelegate(parent)
    , m_thumbnails(thumbnails)
{
}

void GalleryDelegate::setWellbeing(const WellbeingSettings &settings)
{
    m_wellbeing = settings;
    m_coveredCache.clear();
}

QColor GalleryDelegate::labelColor(int label)
{
    switch (Label(label)) {
    case Label::Safe:
        return QColor(0x2e, 0x9d, 0x4f);
    case Label::Nsfw:
        return QColor(0xd0, 0x3b, 0x3b);
    case Label::Unsure:
        return QColor(0xe0, 0x9a, 0x1e);
    case Label::None:
        break;
    }
    return QColor(0x80, 0x80, 0x88);
}

QSize GalleryDelegate::sizeHint(const QStyleOptionViewItem &, const QModelIndex &) const
{
    const int text = m_compact ? 0 : QFontMetrics(QApplication::font()).height() + 4;
    return QSize(m_side + 8, m_side + 8 + text);
}

QImage GalleryDelegate::covered(const QString &key, const QImage &thumb) const
{
    auto it = m_coveredCache.constFind(key);
    if (it != m_coveredCache.constEnd())
        return *it;
    if (m_coveredCache.size() > 3000)
        m_coveredCache.clear();
    const QImage img = applyWellbeing(thumb, m_wellbeing.mode, m_wellbeing.strength);
    m_coveredCache.insert(key, img);
    return img;
}

void GalleryDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const auto *model = qobject_cast<const GalleryModel *>(index.model());
    if (!model)
        return;
    const ItemRow *row = model->rowData(index.row());
    if (!row)
        return;
    painter->save();
    const QRect cell = option.rect.adjusted(2, 2, -2, -2);
    const bool selected = option.state & QStyle::State_Selected;
    const bool current = option.state & QStyle::State_HasFocus;
    const QPalette &pal = option.palette;
    painter->fillRect(cell,
                      selected ? pal.color(QPalette::Highlight).darker(120) : pal.color(QPalette::Base).darker(108));

    const QRect imageArea(cell.x() + 2, cell.y() + 2, cell.width() - 4, m_side);
    const QString key = index.data(GalleryModel::CacheKeyRole).toString();
    const QImage thumb = m_thumbnails ? m_thumbnails->thumbnail(model->mediaRef(index.row())) : QImage();
    const Label label = Label(index.data(GalleryModel::LabelRole).toInt());
    if (thumb.isNull()) {
        // Placeholder: a neutral tile, so a cell never shows content before the filter can cover it.
        painter->fillRect(imageArea.adjusted(8, 8, -8, -8), pal.color(QPalette::Mid));
        painter->setPen(pal.color(QPalette::Dark));
        painter->drawText(imageArea, Qt::AlignCenter,
                          row->missing ? tr("missing") : (row->kind == ItemKind::Video ? tr("video") : QString()));
    } else {
        const bool hovered = m_wellbeing.revealOnHover && (option.state & QStyle::State_MouseOver);
        const bool cover = m_wellbeing.inGallery && !m_revealed && !hovered && m_wellbeing.covers(label, row->score);
        const QImage shown = cover ? covered(key, thumb) : thumb;
        const QSize s = shown.size().scaled(imageArea.size(), Qt::KeepAspectRatio);
        const QRect target(imageArea.x() + (imageArea.width() - s.width()) / 2,
                           imageArea.y() + (imageArea.height() - s.height()) / 2, s.width(), s.height());
        painter->setRenderHint(QPainter::SmoothPixmapTransform, s.width() < shown.width() / 2 ? false : true);
        painter->drawImage(target, shown);
    }

    // Label badge: a coloured bar along the top and a letter in the corner, readable when covered.
    const QColor color = labelColor(int(label));
    if (label != Label::None)
        painter->fillRect(QRect(cell.x(), cell.y(), cell.width(), 4), color);
    const QString letter = label == Label::Safe     ? tr("S", "badge: safe")
                           : label == Label::Nsfw   ? tr("N", "badge: nsfw")
                           : label == Label::Unsure ? tr("U", "badge: unsure")
                                                    : QString();
    QFont badgeFont = option.font;
    badgeFont.setBold(true);
    painter->setFont(badgeFont);
    const int badge = QFontMetrics(badgeFont).height() + 4;
    // A label not yet written (another program holds the project's lock): a dashed orange ring round the
    // badge, the colour of the status bar's "waiting to be saved".
    const bool pending = index.data(GalleryModel::PendingRole).toBool();
    if (!letter.isEmpty() || pending) {
        const QRect b(cell.right() - badge - 5, cell.y() + 9, badge, badge);
        painter->setRenderHint(QPainter::Antialiasing);
        if (pending) {
            painter->setBrush(Qt::NoBrush);
            painter->setPen(QPen(QColor(0xe0, 0x9a, 0x1e), 2.5, Qt::DashLine));
            painter->drawEllipse(QRectF(b).adjusted(-3, -3, 3, 3));
        }
        painter->setBrush(color);
        painter->setPen(Qt::NoPen);
        painter->drawEllipse(b);
        painter->setPen(Qt::white);
        painter->drawText(b, Qt::AlignCenter, letter);
    }
    if (m_suspects.contains(row->id)) {
        // Left of the label badge: the audit thinks this label is probably wrong.
        const QRect q(cell.right() - 2 * badge - 9, cell.y() + 9, badge, badge);
        painter->setRenderHint(QPainter::Antialiasing);
        painter->setBrush(QColor(130, 60, 200));
        painter->setPen(Qt::NoPen);
        painter->drawEllipse(q);
        painter->setPen(Qt::white);
        painter->drawText(q, Qt::AlignCenter, tr("?", "badge: suspected label error"));
    }
    if (m_marked.contains(row->id)) {
        const QString text = tr("relabelled");
        const QRect m(cell.right() - QFontMetrics(badgeFont).horizontalAdvance(text) - 10, cell.y() + badge + 10,
                      QFontMetrics(badgeFont).horizontalAdvance(text) + 8, badge);
        painter->setBrush(QColor(230, 140, 0));
        painter->setPen(Qt::NoPen);
        painter->drawRoundedRect(m, 3, 3);
        painter->setPen(Qt::white);
        painter->drawText(m, Qt::AlignCenter, text);
    }
    if (row->kind != ItemKind::Image && !m_compact) {
        const QString kind = row->kind == ItemKind::Video ? tr("▶ video") : tr("frame");
        const QRect k(cell.x() + 6, cell.y() + 8, QFontMetrics(badgeFont).horizontalAdvance(kind) + 8, badge);
        painter->setBrush(QColor(0, 0, 0, 160));
        painter->setPen(Qt::NoPen);
        painter->drawRoundedRect(k, 3, 3);
        painter->setPen(Qt::white);
        painter->drawText(k, Qt::AlignCenter, kind);
    }
    if (row->score) {
        const QString text = QString::number(*row->score, 'f', 2);
        const QRect sr(cell.x() + 6, imageArea.bottom() - badge - 2,
                       QFontMetrics(badgeFont).horizontalAdvance(text) + 8, badge);
        painter->setBrush(QColor(0, 0, 0, 160));
        painter->setPen(Qt::NoPen);
        painter->drawRoundedRect(sr, 3, 3);
        painter->setPen(Qt::white);
        painter->drawText(sr, Qt::AlignCenter, text);
    }
    if (const QVariant group = index.data(GalleryModel::DuplicateGroupRole); group.isValid() && !m_compact) {
        // Bottom right of the picture: the near-copy group (the Duplicates tab's number) after a two-sheet icon
        // (drawn, not a glyph: not every bold font has one), red-orange when the members' labels contradict.
        const QString text = QString::number(group.toInt());
        const int icon = badge / 2;
        const int w = icon + 4 + QFontMetrics(badgeFont).horizontalAdvance(text) + 10;
        const QRect d(cell.right() - w - 5, imageArea.bottom() - badge - 2, w, badge);
        const QColor background =
            index.data(GalleryModel::DuplicateConflictRole).toBool() ? QColor(200, 70, 20) : QColor(40, 90, 160);
        painter->setRenderHint(QPainter::Antialiasing);
        painter->setBrush(background);
        painter->setPen(Qt::NoPen);
        painter->drawRoundedRect(d, 3, 3);
        painter->setPen(QPen(Qt::white, 1.4));
        painter->setBrush(Qt::NoBrush);
        const QRectF back(d.x() + 5, d.center().y() - icon / 2.0 - 2, icon, icon);
        painter->drawRect(back);
        painter->setBrush(background); // the front sheet hides the back one's corner
        painter->drawRect(back.translated(3, 3));
        painter->drawText(QRect(d.x() + icon + 8, d.y(), d.width() - icon - 10, d.height()), Qt::AlignCenter, text);
    }
    painter->setFont(option.font);
    if (!m_compact) {
        const QRect textRect(cell.x() + 4, imageArea.bottom() + 2, cell.width() - 8,
                             cell.bottom() - imageArea.bottom() - 2);
        painter->setPen(selected ? pal.color(QPalette::HighlightedText) : pal.color(QPalette::Text));
        painter->drawText(textRect, Qt::AlignCenter,
                          option.fontMetrics.elidedText(index.data().toString(), Qt::ElideMiddle, textRect.width()));
    } else {
        painter->setPen(Qt::white);
        const QRect t(cell.x() + 2, cell.bottom() - option.fontMetrics.height() - 2, cell.width() - 4,
                      option.fontMetrics.height());
        painter->fillRect(t, QColor(0, 0, 0, 140));
        painter->drawText(t, Qt::AlignCenter, index.data().toString());
    }
    if (current) {
        painter->setBrush(Qt::NoBrush);
        painter->setPen(QPen(pal.color(QPalette::Highlight), 3));
        painter->drawRect(cell.adjusted(1, 1, -1, -1));
    }
    painter->restore();
}

} // namespace nsfw::ui
