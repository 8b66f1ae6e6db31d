#pragma once

#include "gallery/videoscoretrack.h"

#include <QSet>
#include <QWidget>

namespace nsfw::ui {

/// The score strip under a video's timeline, on the video's time axis: one cell per sampled frame coloured by the
/// run's score (green safe, through yellow, to red; grey unscored) for as long as the frame stands for, the segments
/// of flagged frames as bars below, and the cuts as tick marks above. Clicking a bar asks for its frames, clicking a
/// cell for that frame.
class VideoScoreStrip : public QWidget
{
    Q_OBJECT

public:
    explicit VideoScoreStrip(QWidget *parent = nullptr);

    void setTrack(const VideoScoreTrack &track);
    const VideoScoreTrack &track() const { return m_track; }
    /// The frames the timeline has selected (outlined) and its current one (marked).
    void setSelection(const QSet<qint64> &selected, qint64 current);

    /// Where things are drawn, for tests and screenshots: a segment's bar, a frame's cell, a cut's tick (x).
    QRect segmentRect(int segment) const;
    QRect frameRect(int frame) const;
    int cutX(int cut) const;
    /// The colour of a score (what the cells are painted with).
    static QColor scoreColor(double score);

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

Q_SIGNALS:
    /// A segment's bar was clicked: its frames (VideoScoreTrack::framesOf).
    void segmentClicked(int segment, const QVector<qint64> &frames);
    /// A frame's cell was clicked.
    void frameClicked(qint64 frameId);

protected:
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    bool event(QEvent *event) override;

private:
    int xOf(qint64 ms) const;
    qint64 msAt(int x) const;
    int frameAt(int x) const;
    QRect cellBand() const;
    QRect segmentBand() const;

    VideoScoreTrack m_track;
    QSet<qint64> m_selected;
    qint64 m_current = 0;
};

} // namespace nsfw::ui
