#pragma once

#include <QLabel>

namespace nsfw::ui {

/// A label for messages of any length (an error naming a deep path, a long sentence): it never asks its
/// layout for more width than it gets, so a message can never widen the window, and it shows at most a few
/// lines, so it cannot crowd out what is around it either. It wraps at spaces and after path separators;
/// what does not fit is cut with an ellipsis, and the full text is its tooltip.
class MessageLabel : public QLabel
{
    Q_OBJECT

public:
    explicit MessageLabel(QWidget *parent = nullptr);

    void setMessage(const QString &text);
    QString message() const { return m_message; }
    /// At most this many lines are shown (3 by default).
    void setMaximumLines(int lines);

    QSize minimumSizeHint() const override;

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    void updateShown();

    QString m_message;
    int m_maxLines = 3;
};

} // namespace nsfw::ui
