#pragma once

#include <QListView>

class QTimer;

namespace nsfw::ui {

/// The list of groups: one row per group, members side by side. Tells which member was clicked or hovered, and
/// when the reveal key is held.
class DuplicateGroupView : public QListView
{
    Q_OBJECT

public:
    explicit DuplicateGroupView(QWidget *parent = nullptr);
    /// The member (index in its group) at a point of the viewport, or -1.
    int memberAt(const QPoint &pos) const;
    /// Where a member of a row's group is shown in the viewport (empty when it is not).
    QRect memberRect(int row, int member) const;
    void setRevealKey(int key) { m_revealKey = key; }
    /// Repaints soon (coalesced): thumbnails arrive many per frame.
    void scheduleRepaint();

Q_SIGNALS:
    void memberClicked(int row, int member);
    void memberDoubleClicked(int row, int member);
    void memberHovered(int row, int member);
    void revealChanged(bool revealed);

protected:
    void mousePressEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void leaveEvent(QEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void keyReleaseEvent(QKeyEvent *event) override;
    void focusOutEvent(QFocusEvent *event) override;

private:
    QTimer *m_repaint;
    int m_revealKey = Qt::Key_Space;
    bool m_revealed = false;
};

} // namespace nsfw::ui
