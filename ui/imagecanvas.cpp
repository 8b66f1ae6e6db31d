#include "imagecanvas.h"

#include <QMouseEvent>
#include <QPainter>
#include <QWheelEvent>

namespace nsfw::ui {

ImageCanvas::ImageCanvas(QWidget *parent)
    : QWidget(parent)
{
    setMinimumSize(200, 150);
    setAttribute(Qt::WA_OpaquePaintEvent);
    setFocusPolicy(Qt::ClickFocus);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
}

QSize ImageCanvas::fitSize() const
{
    return (QSizeF(size()) * devicePixelRatioF()).toSize();
}

void ImageCanvas::setPicture(qint64 itemId, const QImage &full, const QImage &fitted)
{
    if (itemId != m_itemId) {
        m_zoom = 0;
        m_offset = {};
    }
    m_itemId = itemId;
    m_full = full;
    m_fitted = fitted;
    m_cover = QImage();
    m_placeholder = QImage();
    m_message.clear();
    update();
}

void ImageCanvas::setPlaceholder(qint64 itemId, const QImage &thumbnail, const QString &message)
{
    if (itemId != m_itemId) {
        m_zoom = 0;
        m_offset = {};
    }
    m_itemId = itemId;
    m_full = m_fitted = m_cover = QImage();
    m_placeholder = thumbnail;
    m_message = message;
    update();
}

void ImageCanvas::setCover(const QImage &cover)
{
    m_cover = cover;
    update();
}

void ImageCanvas::setRevealed(bool revealed)
{
    if (revealed == m_revealed)
        return;
    m_revealed = revealed;
    update();
}

void ImageCanvas::zoomIn()
{
    setZoom((m_zoom > 0 ? m_zoom : 1.0) * 1.25, rect().center());
}

void ImageCanvas::zoomOut()
{
    if (m_zoom > 0)
        setZoom(m_zoom / 1.25, rect().center());
}

void ImageCanvas::fit()
{
    m_zoom = 0;
    m_offset = {};
    update();
}

void ImageCanvas::setZoom(double zoom, QPointF anchor)
{
    if (m_full.isNull())
        return;
    const double dpr = devicePixelRatioF();
    const double fitZoom = double(m_fitted.width()) / std::max(1, m_full.width()) / dpr;
    const double old = m_zoom > 0 ? m_zoom : fitZoom;
    zoom = std::clamp(zoom, 0.05, 16.0);
    if (zoom <= fitZoom * 1.001) {
        fit();
        return;
    }
    // Keep the point under the anchor where it is.
    const QPointF center = QPointF(rect().center()) + m_offset;
    m_offset = (center - anchor) * (zoom / old) + anchor - QPointF(rect().center());
    m_zoom = zoom;
    update();
}

void ImageCanvas::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.fillRect(rect(), QColor(0x20, 0x20, 0x24));
    const bool covered = !m_cover.isNull() && !m_revealed;
    if (!m_fitted.isNull()) {
        if (m_zoom <= 0) {
            const QImage &img = covered ? m_cover : m_fitted;
            // Normally the loader fitted it to this size and this is a blit; after a resize, until the
            // re-fitted copy arrives, it is scaled here.
            QSizeF logical = QSizeF(img.size()) / devicePixelRatioF();
            if (logical.width() > width() + 0.5 || logical.height() > height() + 0.5)
                logical = logical.scaled(QSizeF(size()), Qt::KeepAspectRatio);
            const QRectF target(QPointF((width() - logical.width()) / 2, (height() - logical.height()) / 2), logical);
            p.drawImage(target, img);
        } else {
            const QSizeF s = QSizeF(m_full.size()) * m_zoom;
            const QRectF target(QPointF(rect().center()) + m_offset - QPointF(s.width() / 2, s.height() / 2), s);
            p.setRenderHint(QPainter::SmoothPixmapTransform, m_zoom < 1);
            if (covered) // zoomed in but covered: the cover, stretched
                p.drawImage(target, m_cover);
            else
                p.drawImage(target, m_full);
        }
        p.end();
        Q_EMIT picturePainted(m_itemId);
        return;
    }
    if (!m_placeholder.isNull()) {
        const QSize s = m_placeholder.size().scaled(size(), Qt::KeepAspectRatio);
        const QRect target((width() - s.width()) / 2, (height() - s.height()) / 2, s.width(), s.height());
        p.setOpacity(0.6);
        p.drawImage(target, covered ? m_cover : m_placeholder);
        p.setOpacity(1);
    }
    if (!m_message.isEmpty()) {
        p.setPen(Qt::white);
        p.drawText(rect().adjusted(20, 20, -20, -20), Qt::AlignCenter | Qt::TextWordWrap, m_message);
    }
}

void ImageCanvas::resizeEvent(QResizeEvent *)
{
    Q_EMIT fitSizeChanged(fitSize());
}

void ImageCanvas::wheelEvent(QWheelEvent *event)
{
    if (m_full.isNull())
        return;
    const double dpr = devicePixelRatioF();
    const double current = m_zoom > 0 ? m_zoom : double(m_fitted.width()) / std::max(1, m_full.width()) / dpr;
    const double factor = event->angleDelta().y() > 0 ? 1.2 : 1 / 1.2;
    setZoom(current * factor, event->position());
    event->accept();
}

void ImageCanvas::mousePressEvent(QMouseEvent *event)
{
    m_dragStart = event->pos();
    m_offsetAtDrag = m_offset;
}

void ImageCanvas::mouseMoveEvent(QMouseEvent *event)
{
    if ((event->buttons() & Qt::LeftButton) && m_zoom > 0) {
        m_offset = m_offsetAtDrag + QPointF(event->pos() - m_dragStart);
        update();
    }
}

void ImageCanvas::mouseDoubleClickEvent(QMouseEvent *event)
{
    if (m_zoom > 0)
        fit();
    else
        setZoom(1.0, event->position());
}

} // namespace nsfw::ui
