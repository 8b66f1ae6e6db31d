#include "duplicategroupview.h"

#include "duplicatedelegate.h"
#include "gallery/duplicategroupmodel.h"

#include <QKeyEvent>
#include <QMouseEvent>
#include <QTimer>

namespace nsfw::ui {

DuplicateGroupView::DuplicateGroupView(QWidget *parent)
    : QListView(parent)
    , m_repaint(new QTimer(this))
{
    setSelectionMode(QAbstractItemView::SingleSelection);
    setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    setUniformItemSizes(true);
    setMouseTracking(true);
    setFocusPolicy(Qt::StrongFocus);
    m_repaint->setSingleShot(true);
    m_repaint->setInterval(15);
    connect(m_repaint, &QTimer::timeout, viewport(), qOverload<>(&QWidget::update));
}

void DuplicateGroupView::scheduleRepaint()
{
    if (!m_repaint->isActive())
        m_repaint->start();
}

int DuplicateGroupView::memberAt(const QPoint &pos) const
{
    const QModelIndex index = indexAt(pos);
    auto *delegate = qobject_cast<DuplicateGroupDelegate *>(itemDelegate());
    if (!index.isValid() || !delegate)
        return -1;
    return delegate->memberAt(visualRect(index).adjusted(2, 2, -2, -2), pos,
                              index.data(DuplicateGroupModel::SizeRole).toInt());
}

QRect DuplicateGroupView::memberRect(int row, int member) const
{
    const QModelIndex index = model() ? model()->index(row, 0) : QModelIndex();
    auto *delegate = qobject_cast<DuplicateGroupDelegate *>(itemDelegate());
    if (!index.isValid() || !delegate)
        return {};
    return delegate->memberRect(visualRect(index).adjusted(2, 2, -2, -2), member,
                                index.data(DuplicateGroupModel::SizeRole).toInt());
}

void DuplicateGroupView::mousePressEvent(QMouseEvent *event)
{
    QListView::mousePressEvent(event);
    const QModelIndex index = indexAt(event->position().toPoint());
    if (index.isValid() && event->button() == Qt::LeftButton)
        Q_EMIT memberClicked(index.row(), memberAt(event->position().toPoint()));
}

void DuplicateGroupView::mouseDoubleClickEvent(QMouseEvent *event)
{
    const QModelIndex index = indexAt(event->position().toPoint());
    if (index.isValid())
        Q_EMIT memberDoubleClicked(index.row(), memberAt(event->position().toPoint()));
}

void DuplicateGroupView::mouseMoveEvent(QMouseEvent *event)
{
    QListView::mouseMoveEvent(event);
    const QModelIndex index = indexAt(event->position().toPoint());
    Q_EMIT memberHovered(index.row(), index.isValid() ? memberAt(event->position().toPoint()) : -1);
}

void DuplicateGroupView::leaveEvent(QEvent *event)
{
    QListView::leaveEvent(event);
    Q_EMIT memberHovered(-1, -1);
}

void DuplicateGroupView::keyPressEvent(QKeyEvent *event)
{
    // Holding the reveal key uncovers the pictures, as in the Label tab.
    if (m_revealKey != 0 && (event->keyCombination().toCombined() == m_revealKey ||
                             (event->key() == m_revealKey && event->modifiers() == Qt::NoModifier))) {
        if (!event->isAutoRepeat() && !m_revealed) {
            m_revealed = true;
            Q_EMIT revealChanged(true);
        }
        return;
    }
    if (event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) {
        if (currentIndex().isValid())
            Q_EMIT memberDoubleClicked(currentIndex().row(), -1);
        return;
    }
    QListView::keyPressEvent(event);
}

void DuplicateGroupView::keyReleaseEvent(QKeyEvent *event)
{
    if (m_revealKey != 0 && (event->keyCombination().toCombined() == m_revealKey || event->key() == m_revealKey)) {
        if (!event->isAutoRepeat() && m_revealed) {
            m_revealed = false;
            Q_EMIT revealChanged(false);
        }
        return;
    }
    QListView::keyReleaseEvent(event);
}

void DuplicateGroupView::focusOutEvent(QFocusEvent *event)
{
    QListView::focusOutEvent(event);
    if (m_revealed) { // a key released elsewhere never reaches us: cover again
        m_revealed = false;
        Q_EMIT revealChanged(false);
    }
}

} // namespace nsfw::ui
