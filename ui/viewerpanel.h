#pragma once

#include "common/types.h"

#include <QWidget>

#include <optional>

class QLabel;
class QPushButton;

namespace nsfw {
class GalleryModel;
class ProjectDatabase;
class ThumbnailProvider;
} // namespace nsfw

namespace nsfw::ui {

class GalleryDelegate;
class GalleryView;
class ImageCanvas;
class VideoScoreStrip;

/// The viewer: one item large (ImageCanvas), a line about it, and for a video the timeline strip of its
/// sampled frames with their labels, plus buttons that label the whole video.
class ViewerPanel : public QWidget
{
    Q_OBJECT

public:
    ViewerPanel(ThumbnailProvider *thumbnails, QWidget *parent = nullptr);

    void setDatabase(ProjectDatabase *db);
    /// Whose labels the timeline shows: this annotator's own (the consensus rule), or the frames' ("").
    void setLabelsOf(const QString &annotator);
    ImageCanvas *canvas() const { return m_canvas; }
    GalleryView *timeline() const { return m_timeline; }
    GalleryModel *timelineModel() const { return m_timelineModel; }
    GalleryDelegate *timelineDelegate() const { return m_timelineDelegate; }
    /// The video whose frames the strip shows, or 0.
    qint64 timelineVideo() const { return m_video; }
    /// The score strip under the frames (the latest scored run's frame scores, segments and cuts).
    VideoScoreStrip *scoreStrip() const { return m_scoreStrip; }
    /// The verdict under the video's label: "Run 3: verdict 0.87 (topk-mean k=3) · 2 segment(s)".
    QString verdictText() const;
    /// Selects these frames in the timeline (a segment's), shows the first and gives the timeline the focus, so
    /// the label keys label them all.
    void selectFrames(const QVector<qint64> &frameIds);

    /// Shows the strip of this video's frames (0 hides it). Keeps it when it is the same video.
    void showTimeline(qint64 videoId, Label videoLabel);
    /// The line above the picture: name, label, score, position.
    void setInfo(const QString &title, Label label, std::optional<double> score, const QString &position);
    /// Updates only the label and score of the line above the picture.
    void setLabelInfo(Label label, std::optional<double> score);
    void setVideoLabel(Label label);

Q_SIGNALS:
    /// A "whole video" button: the video and every sampled frame get the label.
    void labelWholeVideo(nsfw::Label label);

private:
    /// Reads the strip's scores again (a new video, or the timeline refreshed after a run or an import).
    void loadScores();
    void showTimelineSelection();

    ProjectDatabase *m_db = nullptr;
    ImageCanvas *m_canvas;
    QLabel *m_title;
    QLabel *m_label;
    QLabel *m_position;
    QWidget *m_strip;
    QLabel *m_videoLabel;
    GalleryModel *m_timelineModel;
    GalleryDelegate *m_timelineDelegate;
    GalleryView *m_timeline;
    VideoScoreStrip *m_scoreStrip;
    QLabel *m_verdict;
    qint64 m_video = 0;
    QString m_labelsOf;
};

} // namespace nsfw::ui
