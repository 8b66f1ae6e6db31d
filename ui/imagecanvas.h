#pragma once

#include <QImage>
#include <QWidget>

namespace nsfw::ui {

/// Shows one picture fitted to the widget, or zoomed and panned (wheel, +/-, drag). Painting a fitted
/// picture is one blit of a copy the loader scaled off the GUI thread.
class ImageCanvas : public QWidget
{
    Q_OBJECT

public:
    explicit ImageCanvas(QWidget *parent = nullptr);

    /// The picture of an item: full (for zoom) and fitted (already scaled to fitSize()), or a placeholder
    /// (a thumbnail, shown enlarged until the picture arrives), or a message.
    void setPicture(qint64 itemId, const QImage &full, const QImage &fitted);
    void setPlaceholder(qint64 itemId, const QImage &thumbnail, const QString &message = QString());
    /// A covered copy of what is shown (the fitted picture, or the placeholder's thumbnail) to show instead
    /// (wellbeing), or a null image. setPicture() and setPlaceholder() clear it.
    void setCover(const QImage &cover);
    /// The thumbnail shown while the picture loads, or a null image.
    const QImage &placeholder() const { return m_placeholder; }
    void setRevealed(bool revealed);
    qint64 itemId() const { return m_itemId; }
    bool hasPicture() const { return !m_fitted.isNull(); }
    /// The size pictures should be fitted to, in device pixels.
    QSize fitSize() const;

    void zoomIn();
    void zoomOut();
    void fit();
    double zoom() const { return m_zoom; }

Q_SIGNALS:
    /// After a paint that showed the real picture of the item (not a placeholder): the benchmark's clock.
    void picturePainted(qint64 itemId);
    void fitSizeChanged(QSize size);

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;

private:
    void setZoom(double zoom, QPointF anchor);

    qint64 m_itemId = 0;
    QImage m_full;
    QImage m_fitted;
    QImage m_cover;
    QImage m_placeholder;
    QString m_message;
    bool m_revealed = false;
    double m_zoom = 0; // 0 = fit
    QPointF m_offset;  // pan, in widget pixels
    QPoint m_dragStart;
    QPointF m_offsetAtDrag;
};

} // namespace nsfw::ui
