#include "gallerypanel.h"

#include "gallery/gallerymodel.h"
#include "gallery/thumbnailprovider.h"
#include "gallerydelegate.h"
#include "messagelabel.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QSettings>
#include <QSlider>
#include <QStandardItemModel>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

namespace nsfw::ui {

GalleryView::GalleryView(QWidget *parent)
    : QListView(parent)
    , m_repaint(new QTimer(this))
{
    setViewMode(QListView::IconMode);
    setMovement(QListView::Static);
    setResizeMode(QListView::Adjust);
    setUniformItemSizes(true); // the view never asks every row for its size
    setLayoutMode(QListView::Batched);
    setBatchSize(2000);
    setSelectionMode(QAbstractItemView::ExtendedSelection);
    setSelectionRectVisible(true);
    setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    setSpacing(0);
    setMouseTracking(true);
    viewport()->setAttribute(Qt::WA_Hover);
    setFocusPolicy(Qt::StrongFocus);
    m_repaint->setSingleShot(true);
    m_repaint->setInterval(15);
    connect(m_repaint, &QTimer::timeout, viewport(), qOverload<>(&QWidget::update));
}

void GalleryView::scheduleRepaint()
{
    if (!m_repaint->isActive())
        m_repaint->start();
}

GalleryPanel::GalleryPanel(GalleryModel *model, ThumbnailProvider *thumbnails, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_view(new GalleryView(this))
    , m_delegate(new GalleryDelegate(thumbnails, this))
    , m_kind(new QComboBox(this))
    , m_sort(new QComboBox(this))
    , m_minScore(new QDoubleSpinBox(this))
    , m_maxScore(new QDoubleSpinBox(this))
    , m_size(new QSlider(Qt::Horizontal, this))
    , m_count(new QLabel(this))
    , m_banner(new QWidget(this))
    , m_bannerText(new MessageLabel(m_banner))
    , m_bannerAction(new QToolButton(m_banner))
    , m_team(new QComboBox(this))
{
    auto *bar = new QHBoxLayout;
    bar->setContentsMargins(4, 4, 4, 0);
    bar->addWidget(new QLabel(tr("Show:"), this));
    const QList<std::pair<Label, QString>> labels = {{Label::None, tr("Unlabeled")},
                                                     {Label::Safe, tr("Safe")},
                                                     {Label::Nsfw, tr("NSFW")},
                                                     {Label::Unsure, tr("Unsure")}};
    for (const auto &[label, text] : labels) {
        auto *b = new QToolButton(this);
        b->setText(text);
        b->setCheckable(true);
        b->setChecked(true);
        b->setProperty("label", int(label));
        b->setToolTip(tr("Show items labeled %1").arg(text));
        b->setStyleSheet(QStringLiteral("QToolButton:checked { border-bottom: 3px solid %1; }")
                             .arg(GalleryDelegate::labelColor(int(label)).name()));
        connect(b, &QToolButton::toggled, this, &GalleryPanel::applyFilter);
        bar->addWidget(b);
        m_labelButtons << b;
    }
    m_kind->addItem(tr("Images and videos"), QStringLiteral("image,video"));
    m_kind->addItem(tr("All kinds"), QString());
    m_kind->addItem(tr("Images"), QStringLiteral("image"));
    m_kind->addItem(tr("Videos"), QStringLiteral("video"));
    m_kind->addItem(tr("Video frames"), QStringLiteral("frame"));
    m_kind->setToolTip(
        tr("Video frames are listed in the viewer's timeline; show them here to label them in the grid."));
    connect(m_kind, &QComboBox::currentIndexChanged, this, &GalleryPanel::applyFilter);
    bar->addWidget(m_kind);

    m_team->addItem(tr("All items"), int(TeamView::AllItems));
    m_team->addItem(tr("My queue"), int(TeamView::MyQueue));
    m_team->addItem(tr("Disagreements"), int(TeamView::Disagreements));
    m_team->setItemData(1, tr("The items assigned to you (team PROJECT assign)"), Qt::ToolTipRole);
    m_team->setItemData(2,
                        tr("Items whose annotators disagree and that nobody adjudicated: each annotator's label is "
                           "in the history; a label given here is an adjudication"),
                        Qt::ToolTipRole);
    m_team->hide();
    connect(m_team, &QComboBox::currentIndexChanged, this, [this] {
        applyFilter();
        Q_EMIT teamViewChanged(teamView());
    });
    bar->addWidget(m_team);

    bar->addStretch();
    bar->addWidget(m_count);
    // Second row: model scores, order, cell size (one row would make the window too wide for a laptop).
    auto *bar2 = new QHBoxLayout;
    bar2->setContentsMargins(4, 0, 4, 0);
    bar2->addWidget(new QLabel(tr("Score:"), this));
    for (QDoubleSpinBox *s : {m_minScore, m_maxScore}) {
        s->setRange(0, 1);
        s->setDecimals(2);
        s->setSingleStep(0.05);
        s->setEnabled(false);
        s->setToolTip(tr("Model score range (needs a run that scored the items)"));
        connect(s, &QDoubleSpinBox::valueChanged, this, &GalleryPanel::applyFilter);
    }
    m_maxScore->setValue(1);
    bar2->addWidget(m_minScore);
    bar2->addWidget(new QLabel(QStringLiteral("–"), this));
    bar2->addWidget(m_maxScore);

    m_sort->addItem(tr("Import order"), int(ItemSort::ImportOrder));
    m_sort->addItem(tr("Name"), int(ItemSort::Name));
    m_sort->addItem(tr("Score, highest first"), int(ItemSort::ScoreDescending));
    m_sort->addItem(tr("Score, lowest first"), int(ItemSort::ScoreAscending));
    m_sort->addItem(tr("Uncertain first (score near threshold)"), int(ItemSort::Uncertainty));
    connect(m_sort, &QComboBox::currentIndexChanged, this,
            [this] { m_model->setSort(ItemSort(m_sort->currentData().toInt())); });
    bar2->addWidget(new QLabel(tr("Order:"), this));
    bar2->addWidget(m_sort);
    bar2->addStretch();
    m_size->setRange(64, 256);
    m_size->setValue(QSettings().value(QStringLiteral("gallery/cellSize"), 144).toInt());
    m_size->setFixedWidth(90);
    m_size->setToolTip(tr("Thumbnail size"));
    connect(m_size, &QSlider::valueChanged, this, [this](int v) {
        m_delegate->setCellSize(v);
        QSettings().setValue(QStringLiteral("gallery/cellSize"), v);
        m_view->doItemsLayout();
    });
    bar2->addWidget(new QLabel(tr("Size:"), this));
    bar2->addWidget(m_size);

    auto *bannerLayout = new QHBoxLayout(m_banner);
    bannerLayout->setContentsMargins(6, 2, 6, 2);
    bannerLayout->addWidget(m_bannerText, 1);
    m_bannerAction->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_bannerAction->hide();
    bannerLayout->addWidget(m_bannerAction);
    auto *back = new QToolButton(m_banner);
    back->setText(tr("Back to all items"));
    connect(back, &QToolButton::clicked, this, [this] {
        m_model->clearExplicitIds();
        m_banner->hide();
        setBannerAction(nullptr);
        Q_EMIT explicitListClosed();
    });
    bannerLayout->addWidget(back);
    m_banner->setStyleSheet(QStringLiteral("background: palette(highlight); color: palette(highlighted-text);"));
    m_banner->hide();

    m_delegate->setCellSize(m_size->value());
    m_view->setItemDelegate(m_delegate);
    m_view->setModel(m_model);
    connect(thumbnails, &ThumbnailProvider::thumbnailReady, m_view, &GalleryView::scheduleRepaint);
    connect(m_model, &GalleryModel::refreshed, this, &GalleryPanel::updateCount);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &GalleryPanel::updateCount);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addLayout(bar);
    layout->addLayout(bar2);
    layout->addWidget(m_banner);
    layout->addWidget(m_view, 1);
    applyFilter();
}

QToolButton *GalleryPanel::labelButton(Label label) const
{
    for (QToolButton *b : m_labelButtons) {
        if (b->property("label").toInt() == int(label))
            return b;
    }
    return nullptr;
}

void GalleryPanel::setScoreRun(qint64 runId)
{
    m_scoreRun = runId;
    m_minScore->setEnabled(runId > 0);
    m_maxScore->setEnabled(runId > 0);
    applyFilter();
}

void GalleryPanel::showExplicitTitle(const QString &title)
{
    m_bannerText->setMessage(title);
    m_banner->setVisible(!title.isEmpty());
}

void GalleryPanel::setBannerAction(QAction *action)
{
    if (action)
        m_bannerAction->setDefaultAction(action);
    m_bannerAction->setVisible(action != nullptr);
}

void GalleryPanel::setTeam(const QString &annotator, bool ownLabels, bool shown)
{
    if (annotator == m_annotator && ownLabels == m_ownLabels && shown == !m_team->isHidden())
        return;
    m_annotator = annotator;
    m_ownLabels = ownLabels;
    m_team->setVisible(shown);
    if (!shown && m_team->currentIndex() != 0)
        m_team->setCurrentIndex(0); // filters and tells the page
    else
        applyFilter();
}

void GalleryPanel::setReviewAllowed(bool allowed)
{
    const int index = m_team->findData(int(TeamView::Disagreements));
    if (auto *items = qobject_cast<QStandardItemModel *>(m_team->model()))
        items->item(index)->setEnabled(allowed);
    if (!allowed && m_team->currentIndex() == index)
        m_team->setCurrentIndex(0);
}

GalleryPanel::TeamView GalleryPanel::teamView() const
{
    return m_team->isHidden() ? TeamView::AllItems : TeamView(m_team->currentData().toInt());
}

void GalleryPanel::applyFilter()
{
    ItemFilter f;
    const TeamView team = teamView();
    // A reviewer sees the items' labels; an annotator under the consensus rule their own.
    if (m_ownLabels && team != TeamView::Disagreements)
        f.labelsOf = m_annotator;
    if (team == TeamView::MyQueue)
        f.queueOf = m_annotator;
    f.disputed = team == TeamView::Disagreements;
    for (QToolButton *b : m_labelButtons) {
        if (b->isChecked())
            f.labels << Label(b->property("label").toInt());
    }
    if (f.labels.size() == m_labelButtons.size())
        f.labels.clear(); // all: no condition at all, the query can use the plainest plan
    else if (f.labels.isEmpty())
        f.labels << Label(-2); // none checked: show nothing (no label has this value)
    for (const QString &k : m_kind->currentData().toString().split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        if (const auto kind = parseKind(k))
            f.kinds << *kind;
    }
    f.scoreRunId = m_scoreRun;
    if (m_scoreRun > 0 && (m_minScore->value() > 0 || m_maxScore->value() < 1)) {
        f.minScore = m_minScore->value();
        f.maxScore = m_maxScore->value();
    }
    m_model->setFilter(f);
    const bool wasExplicit = !m_banner->isHidden();
    m_banner->hide();
    setBannerAction(nullptr);
    if (wasExplicit)
        Q_EMIT explicitListClosed();
    Q_EMIT filterEdited();
}

void GalleryPanel::updateCount()
{
    m_count->setText(tr("%n item(s)", nullptr, m_model->rowCount()));
}

} // namespace nsfw::ui
