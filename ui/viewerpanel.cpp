#include "viewerpanel.h"

#include "gallery/gallerymodel.h"
#include "gallery/thumbnailprovider.h"
#include "gallerydelegate.h"
#include "gallerypanel.h"
#include "imagecanvas.h"
#include "store/itemquery.h"
#include "videoscorestrip.h"

#include <QHBoxLayout>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

#include <algorithm>

namespace nsfw::ui {

namespace {

QString chip(Label label)
{
    return QStringLiteral("<span style='background:%1;color:white;padding:2px 6px;'>&nbsp;%2&nbsp;</span>")
        .arg(GalleryDelegate::labelColor(int(label)).name(), labelDisplayName(label).toHtmlEscaped());
}

} // namespace

ViewerPanel::ViewerPanel(ThumbnailProvider *thumbnails, QWidget *parent)
    : QWidget(parent)
    , m_canvas(new ImageCanvas(this))
    , m_title(new QLabel(this))
    , m_label(new QLabel(this))
    , m_position(new QLabel(this))
    , m_strip(new QWidget(this))
    , m_videoLabel(new QLabel(m_strip))
    , m_timelineModel(new GalleryModel(this))
    , m_timelineDelegate(new GalleryDelegate(thumbnails, this))
    , m_timeline(new GalleryView(m_strip))
    , m_scoreStrip(new VideoScoreStrip(m_strip))
    , m_verdict(new QLabel(m_strip))
{
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    // The line's widgets never change the canvas size: a new size means re-fitting the prefetched pictures.
    m_title->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_position->setMinimumWidth(m_position->fontMetrics().horizontalAdvance(QStringLiteral("000000 / 000000")));
    m_position->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    auto *info = new QHBoxLayout;
    info->setContentsMargins(6, 4, 6, 0);
    info->addWidget(m_label);
    info->addWidget(m_title, 1);
    info->addWidget(m_position);

    m_timelineDelegate->setCompact(true);
    m_timelineDelegate->setCellSize(84);
    m_timeline->setViewMode(QListView::ListMode);
    m_timeline->setFlow(QListView::LeftToRight);
    m_timeline->setWrapping(false);
    m_timeline->setHorizontalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_timeline->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_timeline->setFixedHeight(84 + 8 + 2 * m_timeline->frameWidth() + 16);
    m_timeline->setItemDelegate(m_timelineDelegate);
    m_timeline->setModel(m_timelineModel);
    m_timeline->setToolTip(tr("Frames of the video: click one, Shift+click a range, then press a label key"));
    connect(thumbnails, &ThumbnailProvider::thumbnailReady, m_timeline, &GalleryView::scheduleRepaint);

    m_scoreStrip->setToolTip(tr("Scores of the sampled frames (green safe, red NSFW), segments of flagged frames "
                                "(bars: click one to select its frames) and cuts (ticks)"));
    connect(m_scoreStrip, &VideoScoreStrip::segmentClicked, this,
            [this](int, const QVector<qint64> &frames) { selectFrames(frames); });
    connect(m_scoreStrip, &VideoScoreStrip::frameClicked, this, [this](qint64 id) { selectFrames({id}); });
    connect(m_timeline->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &ViewerPanel::showTimelineSelection);
    connect(m_timeline->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &ViewerPanel::showTimelineSelection);
    connect(m_timelineModel, &GalleryModel::refreshed, this, &ViewerPanel::loadScores);

    m_videoLabel->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_verdict->setObjectName(QStringLiteral("videoVerdict"));
    m_verdict->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_verdict->setToolTip(tr("The video's verdict from the latest scored run: its frames' scores by the rule shown, "
                             "and the segments of frames at or above the run's threshold"));
    auto *stripTop = new QHBoxLayout;
    stripTop->setContentsMargins(0, 0, 0, 0);
    stripTop->addWidget(m_videoLabel, 1);
    stripTop->addWidget(new QLabel(tr("Whole video:"), m_strip));
    for (Label l : {Label::Safe, Label::Nsfw, Label::Unsure}) {
        auto *b = new QPushButton(labelDisplayName(l), m_strip);
        b->setObjectName(QStringLiteral("wholeVideo_") + labelName(l));
        b->setFocusPolicy(Qt::NoFocus);
        b->setToolTip(tr("Give the video and all its sampled frames this label"));
        connect(b, &QPushButton::clicked, this, [this, l] { Q_EMIT labelWholeVideo(l); });
        stripTop->addWidget(b);
    }
    auto *stripLayout = new QVBoxLayout(m_strip);
    stripLayout->setContentsMargins(6, 0, 6, 4);
    stripLayout->setSpacing(2);
    stripLayout->addLayout(stripTop);
    stripLayout->addWidget(m_verdict); // right under the video's label: the label and what the model says of it
    stripLayout->addWidget(m_timeline);
    stripLayout->addWidget(m_scoreStrip);
    m_strip->hide();

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addLayout(info);
    layout->addWidget(m_canvas, 1);
    layout->addWidget(m_strip);
}

void ViewerPanel::setDatabase(ProjectDatabase *db)
{
    m_db = db;
    m_video = 0;
    m_strip->hide();
    ItemFilter none;
    none.parentId = -1;
    m_timelineModel->setFilter(none);
    m_timelineModel->setDatabase(db);
}

void ViewerPanel::setLabelsOf(const QString &annotator)
{
    if (annotator == m_labelsOf)
        return;
    m_labelsOf = annotator;
    ItemFilter f = m_timelineModel->filter();
    f.labelsOf = annotator;
    m_timelineModel->setFilter(f);
}

void ViewerPanel::showTimeline(qint64 videoId, Label videoLabel)
{
    if (videoId != m_video) {
        m_video = videoId;
        ItemFilter f;
        f.parentId = videoId > 0 ? videoId : -1;
        f.kinds = {ItemKind::Frame};
        f.labelsOf = m_labelsOf;
        m_timelineModel->setFilter(f);
        m_strip->setVisible(videoId > 0);
    }
    setVideoLabel(videoLabel);
}

void ViewerPanel::loadScores()
{
    // The run the gallery's scores come from when it follows the newest one; the verdict's default rule.
    const qint64 run = m_db && m_video > 0 ? ItemQuery(*m_db).latestScoredRun() : 0;
    m_scoreStrip->setTrack(m_db && m_video > 0 ? VideoScoreTrack::load(*m_db, m_video, run) : VideoScoreTrack());
    const QString summary = m_scoreStrip->track().summary();
    m_verdict->setText(m_video <= 0 ? QString() : run > 0 ? tr("Run %1: %2").arg(run).arg(summary) : summary);
    showTimelineSelection();
}

QString ViewerPanel::verdictText() const
{
    return m_verdict->text();
}

void ViewerPanel::showTimelineSelection()
{
    QSet<qint64> selected;
    for (const QModelIndex &i : m_timeline->selectionModel()->selectedIndexes())
        selected.insert(m_timelineModel->idAt(i.row()));
    m_scoreStrip->setSelection(selected, m_timelineModel->idAt(m_timeline->currentIndex().row()));
}

void ViewerPanel::selectFrames(const QVector<qint64> &frameIds)
{
    QItemSelection selection;
    int first = -1;
    for (qint64 id : frameIds) {
        const int row = m_timelineModel->rowOf(id);
        if (row < 0)
            continue;
        selection.select(m_timelineModel->index(row), m_timelineModel->index(row));
        first = first < 0 ? row : std::min(first, row);
    }
    if (first < 0)
        return;
    QItemSelectionModel *model = m_timeline->selectionModel();
    // The first frame becomes current (and is shown), then the whole segment is the selection the keys act on.
    model->setCurrentIndex(m_timelineModel->index(first), QItemSelectionModel::ClearAndSelect);
    model->select(selection, QItemSelectionModel::ClearAndSelect);
    m_timeline->scrollTo(m_timelineModel->index(first));
    m_timeline->setFocus(Qt::MouseFocusReason);
}

void ViewerPanel::setVideoLabel(Label label)
{
    m_videoLabel->setText(
        tr("Video label: %1 · %n sampled frame(s)", nullptr, m_timelineModel->rowCount()).arg(chip(label)));
}

void ViewerPanel::setInfo(const QString &title, Label label, std::optional<double> score, const QString &position)
{
    m_title->setText(title);
    setLabelInfo(label, score);
    m_position->setText(position);
}

void ViewerPanel::setLabelInfo(Label label, std::optional<double> score)
{
    QString text = chip(label);
    if (score)
        text += QStringLiteral("&nbsp;&nbsp;") + tr("score %1").arg(*score, 0, 'f', 3);
    m_label->setText(text);
}

} // namespace nsfw::ui
