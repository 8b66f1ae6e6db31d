#include "videoscorestrip.h"

#include <QHelpEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>

#include <algorithm>

namespace nsfw::ui {

namespace {
constexpr int kTickHeight = 5;
constexpr int kCellHeight = 14;
constexpr int kGap = 2;
constexpr int kSegmentHeight = 10;
constexpr int kMargin = 1;

QString seconds(qint64 ms)
{
    return QStringLiteral("%1 s").arg(ms / 1000.0, 0, 'f', 1);
}
} // namespace

VideoScoreStrip::VideoScoreStrip(QWidget *parent)
    : QWidget(parent)
{
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
}

QSize VideoScoreStrip::sizeHint() const
{
    return {400, kMargin + kTickHeight + kCellHeight + kGap + kSegmentHeight + kMargin};
}

QSize VideoScoreStrip::minimumSizeHint() const
{
    return {60, sizeHint().height()};
}

void VideoScoreStrip::setTrack(const VideoScoreTrack &track)
{
    m_track = track;
    update();
}

void VideoScoreStrip::setSelection(const QSet<qint64> &selected, qint64 current)
{
    m_selected = selected;
    m_current = current;
    update();
}

QColor VideoScoreStrip::scoreColor(double score)
{
    // Green (safe) through yellow to red (nsfw): hue 120° down to 0°.
    const double s = std::clamp(score, 0.0, 1.0);
    return QColor::fromHsvF(float((1.0 - s) / 3.0), 0.85f, 0.9f);
}

int VideoScoreStrip::xOf(qint64 ms) const
{
    const int width = std::max(1, this->width() - 2 * kMargin);
    return kMargin + int(double(ms) * width / double(m_track.endMs()) + 0.5);
}

qint64 VideoScoreStrip::msAt(int x) const
{
    const int width = std::max(1, this->width() - 2 * kMargin);
    return qint64(double(x - kMargin) * double(m_track.endMs()) / width);
}

QRect VideoScoreStrip::cellBand() const
{
    return {kMargin, kMargin + kTickHeight, width() - 2 * kMargin, kCellHeight};
}

QRect VideoScoreStrip::segmentBand() const
{
    return {kMargin, kMargin + kTickHeight + kCellHeight + kGap, width() - 2 * kMargin, kSegmentHeight};
}

QRect VideoScoreStrip::frameRect(int frame) const
{
    const QVector<TrackFrame> &frames = m_track.frames();
    if (frame < 0 || frame >= frames.size())
        return {};
    const qint64 end = frame + 1 < frames.size() ? frames.at(frame + 1).ms : m_track.endMs();
    const int left = xOf(frames.at(frame).ms);
    return {left, cellBand().top(), std::max(1, xOf(end) - left), kCellHeight};
}

QRect VideoScoreStrip::segmentRect(int segment) const
{
    if (segment < 0 || segment >= m_track.segments().size())
        return {};
    const VideoSegment &s = m_track.segments().at(segment);
    const int left = xOf(s.startMs);
    return {left, segmentBand().top(), std::max(3, xOf(s.endMs) - left), kSegmentHeight};
}

int VideoScoreStrip::cutX(int cut) const
{
    return cut >= 0 && cut < m_track.cuts().size() ? xOf(m_track.cuts().at(cut).ms) : -1;
}

int VideoScoreStrip::frameAt(int x) const
{
    const qint64 ms = msAt(x);
    const QVector<TrackFrame> &frames = m_track.frames();
    int found = -1;
    for (int i = 0; i < frames.size() && frames.at(i).ms <= ms; ++i)
        found = i;
    return found;
}

void VideoScoreStrip::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.fillRect(rect(), palette().window());
    p.fillRect(cellBand(), palette().mid());
    const QVector<TrackFrame> &frames = m_track.frames();
    for (int i = 0; i < frames.size(); ++i) {
        const QRect r = frameRect(i);
        const TrackFrame &f = frames.at(i);
        p.fillRect(r, f.score ? scoreColor(*f.score) : palette().mid().color());
        if (r.width() > 2) // each frame's cell apart from the next
            p.fillRect(QRect(r.right(), r.top(), 1, r.height()), palette().window());
        if (m_selected.contains(f.id)) {
            p.setPen(QPen(palette().highlight().color(), 2));
            p.drawRect(r.adjusted(1, 1, -1, -1));
        }
    }
    // Segments: a bar each, darker at its peak.
    for (int i = 0; i < m_track.segments().size(); ++i) {
        const QRect r = segmentRect(i);
        p.fillRect(r, QColor(200, 30, 40));
        const int peak = xOf(m_track.segments().at(i).peakMs);
        p.fillRect(QRect(peak, r.top(), 2, r.height()), QColor(110, 0, 10));
    }
    // Cuts: ticks above the cells, down into them.
    p.setPen(QPen(palette().text().color(), 1));
    for (int i = 0; i < m_track.cuts().size(); ++i) {
        const int x = cutX(i);
        p.drawLine(x, kMargin, x, kMargin + kTickHeight + kCellHeight / 2);
    }
    // The frame shown.
    for (int i = 0; i < frames.size(); ++i) {
        if (frames.at(i).id == m_current) {
            const QRect r = frameRect(i);
            p.setPen(QPen(palette().text().color(), 2));
            p.drawLine(r.left() + 1, cellBand().top(), r.left() + 1, cellBand().bottom());
        }
    }
}

void VideoScoreStrip::mousePressEvent(QMouseEvent *event)
{
    const QPoint pos = event->position().toPoint();
    if (event->button() != Qt::LeftButton)
        return QWidget::mousePressEvent(event);
    for (int i = 0; i < m_track.segments().size(); ++i) {
        if (segmentRect(i).adjusted(0, -kGap, 0, kMargin).contains(pos)) {
            Q_EMIT segmentClicked(i, m_track.framesOf(i));
            return;
        }
    }
    const int frame = frameAt(pos.x());
    if (frame >= 0 && pos.y() < segmentBand().top())
        Q_EMIT frameClicked(m_track.frames().at(frame).id);
}

bool VideoScoreStrip::event(QEvent *event)
{
    if (event->type() != QEvent::ToolTip)
        return QWidget::event(event);
    auto *help = static_cast<QHelpEvent *>(event);
    QString text;
    for (int i = 0; i < m_track.segments().size() && text.isEmpty(); ++i) {
        if (segmentRect(i).contains(help->pos())) {
            const VideoSegment &s = m_track.segments().at(i);
            text = tr("Segment %1: %2 – %3, %n flagged frame(s), peak %4 at %5. Click to select its frames.", nullptr,
                      s.frames)
                       .arg(i + 1)
                       .arg(seconds(s.startMs), seconds(s.endMs))
                       .arg(s.peak, 0, 'f', 3)
                       .arg(seconds(s.peakMs));
        }
    }
    const int frame = frameAt(help->pos().x());
    if (text.isEmpty() && frame >= 0) {
        const TrackFrame &f = m_track.frames().at(frame);
        text = f.score ? tr("Frame at %1: score %2").arg(seconds(f.ms)).arg(*f.score, 0, 'f', 3)
                       : tr("Frame at %1: not scored").arg(seconds(f.ms));
    }
    if (text.isEmpty())
        QToolTip::hideText();
    else
        QToolTip::showText(help->globalPos(), text, this);
    return true;
}

} // namespace nsfw::ui
