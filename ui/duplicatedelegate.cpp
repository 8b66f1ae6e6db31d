#include "duplicatedelegate.h"

#include "gallery/duplicategroupmodel.h"
#include "gallery/thumbnailprovider.h"
#include "gallerydelegate.h"
#include "store/projectdatabase.h"

#include <QApplication>
#include <QFileInfo>
#include <QLocale>
#include <QPainter>

namespace nsfw::ui {

namespace {
constexpr int kMargin = 6;
constexpr int kGap = 8;
} // namespace

DuplicateGroupDelegate::DuplicateGroupDelegate(ThumbnailProvider *thumbnails, QObject *parent)
    : QStyledItemDelegate(parent)
    , m_thumbnails(thumbnails)
{
}

void DuplicateGroupDelegate::setWellbeing(const WellbeingSettings &settings)
{
    m_wellbeing = settings;
    m_coveredCache.clear();
}

bool DuplicateGroupDelegate::covers(Label label, std::optional<double> score) const
{
    return m_wellbeing.inGallery && !m_revealed && m_wellbeing.covers(label, score);
}

int DuplicateGroupDelegate::titleHeight() const
{
    QFont bold = QApplication::font();
    bold.setBold(true);
    return QFontMetrics(bold).height() + 8;
}

QSize DuplicateGroupDelegate::sizeHint(const QStyleOptionViewItem &, const QModelIndex &) const
{
    const int text = 2 * QFontMetrics(QApplication::font()).height() + 6;
    return QSize(tileWidth() * 3, titleHeight() + m_side + 8 + text + kMargin);
}

int DuplicateGroupDelegate::tilesThatFit(int width) const
{
    return std::max(1, (width - 2 * kMargin + kGap) / (tileWidth() + kGap));
}

QRect DuplicateGroupDelegate::tileRect(const QRect &row, int i) const
{
    return QRect(row.x() + kMargin + i * (tileWidth() + kGap), row.y() + titleHeight(), tileWidth(),
                 row.height() - titleHeight() - kMargin);
}

int DuplicateGroupDelegate::memberAt(const QRect &rect, const QPoint &pos, int members) const
{
    const int fit = tilesThatFit(rect.width());
    const int shown = members > fit ? fit - 1 : members; // as paint() lays them out; "+N more" is no member
    for (int i = 0; i < shown; ++i) {
        if (tileRect(rect, i).contains(pos))
            return i;
    }
    return -1;
}

QRect DuplicateGroupDelegate::memberRect(const QRect &rect, int member, int members) const
{
    const int fit = tilesThatFit(rect.width());
    const int shown = members > fit ? fit - 1 : members;
    return member >= 0 && member < shown ? tileRect(rect, member) : QRect();
}

MediaRef DuplicateGroupDelegate::mediaRef(const Item &item) const
{
    return MediaRef::of(item, m_db ? m_db->absolutePath(item.path) : item.path);
}

QImage DuplicateGroupDelegate::covered(const QString &key, const QImage &thumb) const
{
    auto it = m_coveredCache.constFind(key);
    if (it != m_coveredCache.constEnd())
        return *it;
    if (m_coveredCache.size() > 1000)
        m_coveredCache.clear();
    const QImage img = applyWellbeing(thumb, m_wellbeing.mode, m_wellbeing.strength);
    m_coveredCache.insert(key, img);
    return img;
}

void DuplicateGroupDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                                   const QModelIndex &index) const
{
    const auto *model = qobject_cast<const DuplicateGroupModel *>(index.model());
    const DuplicateGroup *group = model ? model->group(index.row()) : nullptr;
    if (!group)
        return;
    painter->save();
    const QPalette &pal = option.palette;
    const bool selected = option.state & QStyle::State_Selected;
    const QRect row = option.rect.adjusted(2, 2, -2, -2);
    QColor highlight = pal.color(QPalette::Highlight);
    highlight.setAlpha(70);
    painter->fillRect(row, pal.color(QPalette::Base));
    if (selected)
        painter->fillRect(row, highlight);
    if (group->conflict) // a red edge: these labels contradict each other
        painter->fillRect(QRect(row.x(), row.y(), 5, row.height()), QColor(200, 70, 20));
    painter->setPen(pal.color(QPalette::Mid));
    painter->drawLine(row.bottomLeft(), row.bottomRight());

    QFont bold = option.font;
    bold.setBold(true);
    painter->setFont(bold);
    painter->setPen(group->conflict ? QColor(180, 50, 10) : pal.color(QPalette::Text));
    const QRect title(row.x() + kMargin + 4, row.y() + 2, row.width() - 2 * kMargin, titleHeight() - 4);
    painter->drawText(title, Qt::AlignLeft | Qt::AlignVCenter,
                      QFontMetrics(bold).elidedText(index.data().toString(), Qt::ElideRight, title.width()));

    const int fit = tilesThatFit(row.width());
    const int members = int(group->members.size());
    const int shown = members > fit ? fit - 1 : members; // the last tile then says how many more
    const QFontMetrics fm(option.font);
    const int badge = QFontMetrics(bold).height() + 4;
    for (int i = 0; i < shown; ++i) {
        const Item &item = group->members.at(i);
        const QRect tile = tileRect(row, i);
        const QRect imageArea(tile.x() + 8, tile.y() + 6, m_side, m_side);
        painter->fillRect(tile, pal.color(QPalette::Base).darker(selected ? 112 : 106));
        const MediaRef ref = mediaRef(item);
        const QImage thumb = m_thumbnails ? m_thumbnails->thumbnail(ref) : QImage();
        const Label label = item.label;
        if (thumb.isNull()) {
            painter->fillRect(imageArea.adjusted(8, 8, -8, -8), pal.color(QPalette::Mid));
            painter->setPen(pal.color(QPalette::Dark));
            painter->setFont(option.font);
            painter->drawText(imageArea, Qt::AlignCenter,
                              item.missing ? tr("missing") : (item.kind == ItemKind::Video ? tr("video") : QString()));
        } else {
            const bool hovered = m_wellbeing.revealOnHover && m_hovered == item.id;
            const bool cover = !hovered && covers(label, model->score(item.id));
            const QImage picture = cover ? covered(ref.key, thumb) : thumb;
            const QSize s = picture.size().scaled(imageArea.size(), Qt::KeepAspectRatio);
            const QRect target(imageArea.x() + (imageArea.width() - s.width()) / 2,
                               imageArea.y() + (imageArea.height() - s.height()) / 2, s.width(), s.height());
            painter->setRenderHint(QPainter::SmoothPixmapTransform);
            painter->drawImage(target, picture);
        }
        const QString reason = model->exclusion(item.id);
        if (!reason.isEmpty()) {
            // Kept out of training: the picture dimmed, and a band that says so.
            painter->fillRect(imageArea, QColor(255, 255, 255, 120));
            const QRect band(imageArea.x(), imageArea.bottom() - badge - 2, imageArea.width(), badge + 2);
            painter->fillRect(band, QColor(60, 60, 60, 220));
            painter->setFont(option.font);
            painter->setPen(Qt::white);
            painter->drawText(band, Qt::AlignCenter,
                              fm.elidedText(tr("hidden from training"), Qt::ElideRight, band.width()));
        }
        // The label: a coloured bar along the top and the letter badge, as in the gallery.
        const QColor color = GalleryDelegate::labelColor(int(label));
        if (label != Label::None)
            painter->fillRect(QRect(tile.x(), tile.y(), tile.width(), 4), color);
        const QString letter = label == Label::Safe     ? tr("S", "badge: safe")
                               : label == Label::Nsfw   ? tr("N", "badge: nsfw")
                               : label == Label::Unsure ? tr("U", "badge: unsure")
                                                        : QString();
        if (!letter.isEmpty()) {
            const QRect b(tile.right() - badge - 5, tile.y() + 9, badge, badge);
            painter->setRenderHint(QPainter::Antialiasing);
            painter->setBrush(color);
            painter->setPen(Qt::NoPen);
            painter->drawEllipse(b);
            painter->setFont(bold);
            painter->setPen(Qt::white);
            painter->drawText(b, Qt::AlignCenter, letter);
        }
        if (item.kind == ItemKind::Video) {
            const QString kind = tr("▶ video");
            const QRect k(tile.x() + 10, tile.y() + 9, QFontMetrics(bold).horizontalAdvance(kind) + 8, badge);
            painter->setBrush(QColor(0, 0, 0, 160));
            painter->setPen(Qt::NoPen);
            painter->drawRoundedRect(k, 3, 3);
            painter->setFont(bold);
            painter->setPen(Qt::white);
            painter->drawText(k, Qt::AlignCenter, kind);
        }
        painter->setFont(option.font);
        painter->setPen(pal.color(QPalette::Text));
        const QRect name(tile.x() + 4, imageArea.bottom() + 3, tile.width() - 8, fm.height());
        painter->drawText(name, Qt::AlignCenter,
                          fm.elidedText(QFileInfo(item.path).fileName(), Qt::ElideMiddle, name.width()));
        QString size = QLocale().formattedDataSize(item.fileSize, 0);
        if (item.width > 0 && item.height > 0)
            size = tr("%1×%2 · %3").arg(item.width).arg(item.height).arg(size);
        painter->setPen(pal.color(QPalette::PlaceholderText));
        painter->drawText(name.translated(0, fm.height()), Qt::AlignCenter,
                          fm.elidedText(size, Qt::ElideRight, name.width()));
        if (m_chosen == item.id && (option.state & QStyle::State_HasFocus || selected)) {
            painter->setBrush(Qt::NoBrush);
            painter->setPen(QPen(pal.color(QPalette::Highlight), 3));
            painter->drawRect(tile.adjusted(1, 1, -1, -1));
        }
    }
    if (shown < members) {
        const QRect more = tileRect(row, shown);
        painter->fillRect(more, pal.color(QPalette::Base).darker(106));
        painter->setFont(bold);
        painter->setPen(pal.color(QPalette::Text));
        painter->drawText(more, Qt::AlignCenter | Qt::TextWordWrap,
                          tr("+%n more\n(open the group to see all)", nullptr, members - shown));
    }
    painter->restore();
}

} // namespace nsfw::ui
