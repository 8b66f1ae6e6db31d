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

/// The viewer: one item large (ImageCanvas), a line about it, and for a video the timeline strip of its
/// sampled frames with their labels, plus buttons that label the whole video.
class ViewerPanel : public QWidget
{
    Q_OBJECT

public:
    ViewerPanel(ThumbnailProvider *thumbnails, QWidget *parent = nullptr);

    void setDatabase(ProjectDatabase *db);
    ImageCanvas *canvas() const { return m_canvas; }
    GalleryView *timeline() const { return m_timeline; }
    GalleryModel *timelineModel() const { return m_timelineModel; }
    GalleryDelegate *timelineDelegate() const { return m_timelineDelegate; }
    /// The video whose frames the strip shows, or 0.
    qint64 timelineVideo() const { return m_video; }

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
    ImageCanvas *m_canvas;
    QLabel *m_title;
    QLabel *m_label;
    QLabel *m_position;
    QWidget *m_strip;
    QLabel *m_videoLabel;
    GalleryModel *m_timelineModel;
    GalleryDelegate *m_timelineDelegate;
    GalleryView *m_timeline;
    qint64 m_video = 0;
};

} // namespace nsfw::ui
