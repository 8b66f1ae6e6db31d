#include "historypanel.h"

#include "gallerydelegate.h"
#include "store/labelstore.h"
#include "store/projectdatabase.h"

#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QTimer>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace nsfw::ui {

namespace {

QString sourceText(const QString &source)
{
    if (source == QLatin1String("manual"))
        return HistoryPanel::tr("by hand");
    if (source == QLatin1String("undo"))
        return HistoryPanel::tr("undo");
    if (source == QLatin1String("redo"))
        return HistoryPanel::tr("redo");
    if (source == QLatin1String("folder"))
        return HistoryPanel::tr("folder name");
    if (source == QLatin1String("csv"))
        return HistoryPanel::tr("CSV import");
    if (source == QLatin1String("cli"))
        return HistoryPanel::tr("command line");
    if (source.startsWith(QLatin1String("confirmed:")))
        return HistoryPanel::tr("confirmed right on review (%1)").arg(source.mid(10));
    return source;
}

} // namespace

HistoryPanel::HistoryPanel(QWidget *parent)
    : QWidget(parent)
    , m_title(new QLabel(this))
    , m_tree(new QTreeWidget(this))
    , m_retry(new QTimer(this))
{
    m_retry->setSingleShot(true);
    m_retry->setInterval(1000);
    connect(m_retry, &QTimer::timeout, this, &HistoryPanel::refresh);
    m_title->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred); // long names never widen the panel
    m_tree->setRootIsDecorated(false);
    m_tree->setHeaderLabels({tr("When"), tr("Label"), tr("Was"), tr("Who"), tr("How")});
    m_tree->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_tree->setFocusPolicy(Qt::NoFocus);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_title);
    layout->addWidget(m_tree, 1);
}

void HistoryPanel::showItem(qint64 itemId, const QString &title)
{
    m_itemId = itemId;
    m_title->setText(title);
    refresh();
}

void HistoryPanel::refresh()
{
    m_tree->clear();
    m_retry->stop();
    if (!m_db || m_itemId <= 0)
        return;
    const QVector<HistoryEntry> history = LabelStore(*m_db).history(m_itemId);
    // A server connection that is away reads nothing: that is not "never labeled". QPSQL's isOpen() is the
    // connection's state; the panel reads again every second until the connection is back.
    if (history.isEmpty() && m_db->isServer() && !m_db->db().isOpen()) {
        auto *row = new QTreeWidgetItem;
        row->setText(0, tr("Not available: the server cannot be reached"));
        row->setToolTip(0, row->text(0));
        m_tree->addTopLevelItem(row);
        row->setFirstColumnSpanned(true);
        m_retry->start();
        return;
    }
    // Under the consensus rule an annotator sees the others' labels once they gave their own.
    const bool withhold = !m_withheldFor.isEmpty()
        && std::none_of(history.cbegin(), history.cend(),
                        [this](const HistoryEntry &e) { return e.annotator == m_withheldFor; });
    int withheld = 0;
    QList<QTreeWidgetItem *> rows;
    // Newest first: the entry that made the current label is at the top.
    for (auto it = history.crbegin(); it != history.crend(); ++it) {
        if (withhold && it->annotator != m_withheldFor) {
            ++withheld;
            continue;
        }
        auto *row = new QTreeWidgetItem;
        row->setText(0, QLocale().toString(it->at, QLocale::ShortFormat));
        row->setText(1, labelDisplayName(it->label));
        row->setForeground(1, GalleryDelegate::labelColor(int(it->label)));
        row->setText(2, labelDisplayName(it->previous));
        row->setText(3, it->annotator);
        row->setText(4, sourceText(it->source));
        rows << row;
    }
    m_tree->addTopLevelItems(rows);
    if (withheld > 0) {
        auto *row = new QTreeWidgetItem;
        row->setText(0, tr("%n label(s) of other annotators, shown once you have labelled this item", nullptr, withheld));
        row->setToolTip(0, row->text(0));
        m_tree->addTopLevelItem(row);
        row->setFirstColumnSpanned(true);
    } else if (history.isEmpty()) {
        auto *row = new QTreeWidgetItem;
        row->setText(0, tr("Never labeled"));
        m_tree->addTopLevelItem(row);
    }
}

} // namespace nsfw::ui
