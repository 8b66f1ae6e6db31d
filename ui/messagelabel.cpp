#include "messagelabel.h"

#include <QFontMetrics>

#include <algorithm>

namespace nsfw::ui {

namespace {

// A zero-width space after separators lets a path wrap where a person would break it.
QString breakable(const QString &text)
{
    QString out;
    out.reserve(text.size() + text.size() / 8);
    int sinceBreak = 0;
    for (const QChar c : text) {
        out += c;
        ++sinceBreak;
        if (c.isSpace()) {
            sinceBreak = 0;
        } else if (c == QLatin1Char('/') || c == QLatin1Char('\\') || c == QLatin1Char('_') || c == QLatin1Char('-') ||
                   c == QLatin1Char('.') || c == QLatin1Char(',') || sinceBreak >= 24) {
            out += QChar(0x200B);
            sinceBreak = 0;
        }
    }
    return out;
}

} // namespace

MessageLabel::MessageLabel(QWidget *parent)
    : QLabel(parent)
{
    setTextFormat(Qt::PlainText);
    setWordWrap(true);
    setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    setAlignment(Qt::AlignLeft | Qt::AlignTop);
    setMaximumLines(m_maxLines);
}

void MessageLabel::setMaximumLines(int lines)
{
    m_maxLines = std::max(1, lines);
    const int margins = contentsMargins().top() + contentsMargins().bottom() + 2 * margin();
    setMaximumHeight(fontMetrics().lineSpacing() * m_maxLines + margins + 1);
    updateShown();
}

void MessageLabel::setMessage(const QString &text)
{
    m_message = text;
    setToolTip(text);
    updateShown();
}

void MessageLabel::resizeEvent(QResizeEvent *event)
{
    QLabel::resizeEvent(event);
    updateShown();
}

void MessageLabel::updateShown()
{
    // Cut what would need more than the allowed lines at this width, with an ellipsis.
    const QString full = breakable(m_message);
    const int width = std::max(1, contentsRect().width() - 2 * margin());
    const QFontMetrics fm(font());
    const int maxHeight = fm.lineSpacing() * m_maxLines;
    auto fits = [&](const QString &t) {
        return fm.boundingRect(QRect(0, 0, width, 1 << 20), Qt::TextWordWrap, t).height() <= maxHeight;
    };
    QString shown = full;
    if (!fits(full)) {
        int lo = 0, hi = int(full.size());
        while (lo < hi) { // the longest prefix that fits with the ellipsis
            const int mid = (lo + hi + 1) / 2;
            if (fits(full.left(mid) + QChar(0x2026)))
                lo = mid;
            else
                hi = mid - 1;
        }
        shown = full.left(lo) + QChar(0x2026);
    }
    if (shown != text())
        setText(shown);
}

QSize MessageLabel::minimumSizeHint() const
{
    // Any width will do: the text wraps, and what does not fit is cut (the tooltip holds it all).
    return QSize(0, QLabel::minimumSizeHint().height());
}

} // namespace nsfw::ui
