#include "labelingpage.h"

#include "common/appinfo.h"
#include "gallery/gallerymodel.h"
#include "gallery/labelsession.h"
#include "gallery/pictureloader.h"
#include "gallery/thumbnailprovider.h"
#include "gallerydelegate.h"
#include "gallerypanel.h"
#include "historypanel.h"
#include "imagecanvas.h"
#include "shortcuts.h"
#include "store/itemquery.h"
#include "store/projectdatabase.h"
#include "store/projectteam.h"
#include "store/teamlabels.h"
#include "viewerpanel.h"

#include <QAction>
#include <QApplication>
#include <QFileInfo>
#include <QKeyEvent>
#include <QMessageBox>
#include <QSettings>
#include <QSplitter>
#include <QTimer>
#include <QVBoxLayout>

namespace nsfw::ui {

namespace {
constexpr int kPrefetchAhead = 3;

/// Notes the label a cell shows (a row whose page could not be read shows none and is left out).
void noteShownLabel(const QModelIndex &index, QHash<qint64, Label> *shown)
{
    const QVariant label = index.data(GalleryModel::LabelRole);
    if (label.isValid())
        shown->insert(index.data(GalleryModel::IdRole).toLongLong(), Label(label.toInt()));
}
} // namespace

LabelingPage::LabelingPage(QWidget *parent)
    : QWidget(parent)
    , m_model(new GalleryModel(this))
    , m_thumbnails(new ThumbnailProvider(this))
    , m_pictures(new PictureLoader(this))
    , m_session(new LabelSession(this))
    , m_gallery(new GalleryPanel(m_model, m_thumbnails, this))
    , m_viewer(new ViewerPanel(m_thumbnails, this))
    , m_history(new HistoryPanel(this))
    , m_splitter(new QSplitter(Qt::Horizontal, this))
    , m_refit(new QTimer(this))
{
    m_splitter->addWidget(m_gallery);
    m_splitter->addWidget(m_viewer);
    m_splitter->addWidget(m_history);
    m_splitter->setStretchFactor(0, 5);
    m_splitter->setStretchFactor(1, 6);
    m_splitter->setStretchFactor(2, 2);
    m_splitter->setSizes({560, 680, 240});
    m_splitter->restoreState(QSettings().value(QStringLiteral("labeling/splitter")).toByteArray());
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_splitter);

    connect(m_gallery->view()->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex &current) { onGalleryCurrent(current.row()); });
    connect(m_viewer->timeline()->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex &current) { onTimelineCurrent(current.row()); });
    // After a refresh or a filter change the view has no current item: show the first one.
    connect(m_model, &GalleryModel::refreshed, this, [this](int rows) {
        if (rows > 0 && !m_gallery->view()->currentIndex().isValid())
            m_gallery->view()->setCurrentIndex(m_model->index(0));
        else if (rows == 0)
            showRow(m_model, -1, false);
    });
    connect(m_pictures, &PictureLoader::pictureReady, this, [this](quint64, qint64 itemId) {
        if (itemId == m_shown.id)
            showPicture();
    });
    // Re-fitting the prefetched pictures costs a few ms each: wait until a resize (window drag, splitter)
    // has settled; meanwhile the canvas scales the old copy as it paints.
    m_refit->setSingleShot(true);
    m_refit->setInterval(150);
    connect(m_viewer->canvas(), &ImageCanvas::fitSizeChanged, m_refit, qOverload<>(&QTimer::start));
    connect(m_refit, &QTimer::timeout, this, [this] {
        m_pictures->setFitSize(m_viewer->canvas()->fitSize());
        if (m_shown.id > 0)
            showPicture();
    });
    connect(m_viewer, &ViewerPanel::labelWholeVideo, this, &LabelingPage::labelWholeVideo);
    connect(m_session, &LabelSession::labelsChanged, this,
            [this](const QVector<qint64> &ids, const QVector<Label> &labels) { onLabelsChanged(ids, labels); });
    connect(m_session, &LabelSession::pendingChanged, this, [this] {
        m_model->setPending(m_session->pendingLabels());
        m_viewer->timelineModel()->setPending(m_session->pendingLabels());
    });
    connect(m_session, &LabelSession::skipped, this, &LabelingPage::onSkipped);
    connect(m_gallery, &GalleryPanel::teamViewChanged, this, &LabelingPage::updateVoice);
    connect(m_session, &LabelSession::writeFailed, this, [this](const QString &message) {
        QMessageBox::warning(this, tr("Label not saved"),
                             tr("The label could not be written to the project:\n%1").arg(message));
    });
    connect(qApp, &QApplication::focusChanged, this, [this](QWidget *, QWidget *now) {
        if (now == m_gallery->view() || now == m_viewer->timeline())
            m_lastList = static_cast<QAbstractItemView *>(now);
    });
    qApp->installEventFilter(this);
    createActions();
    connect(m_gallery, &GalleryPanel::explicitListClosed, this, [this] { setConfirmEnabled(false); });
    reloadSettings();
}

LabelingPage::~LabelingPage()
{
    qApp->removeEventFilter(this);
    QSettings().setValue(QStringLiteral("labeling/splitter"), m_splitter->saveState());
}

void LabelingPage::createActions()
{
    auto make = [this](const QString &id, auto slot) {
        auto *a = new QAction(this);
        a->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        connect(a, &QAction::triggered, this, slot);
        addAction(a);
        m_actions.insert(id, a);
        return a;
    };
    make(QStringLiteral("label.safe"), [this] { applyLabel(Label::Safe); });
    make(QStringLiteral("label.nsfw"), [this] { applyLabel(Label::Nsfw); });
    make(QStringLiteral("label.unsure"), [this] { applyLabel(Label::Unsure); });
    make(QStringLiteral("label.clear"), [this] { applyLabel(Label::None); });
    make(QStringLiteral("nav.next"), [this] { next(); });
    make(QStringLiteral("nav.previous"), [this] { previous(); });
    make(QStringLiteral("edit.undo"), [this] { undo(); })->setEnabled(false);
    make(QStringLiteral("edit.redo"), [this] { redo(); })->setEnabled(false);
    make(QStringLiteral("view.zoomIn"), [this] { m_viewer->canvas()->zoomIn(); });
    make(QStringLiteral("view.zoomOut"), [this] { m_viewer->canvas()->zoomOut(); });
    make(QStringLiteral("view.fit"), [this] { m_viewer->canvas()->fit(); });
    make(QStringLiteral("label.confirm"), [this] { confirmLabels(); })->setEnabled(false);
    make(QStringLiteral("label.video"), [this] {
        if (m_shown.videoId > 0)
            labelWholeVideo(m_shown.label);
    });
    connect(m_session, &LabelSession::undoStateChanged, this, [this](bool canUndo, bool canRedo) {
        m_actions.value(QStringLiteral("edit.undo"))->setEnabled(canUndo);
        m_actions.value(QStringLiteral("edit.redo"))->setEnabled(canRedo);
    });
}

QList<QAction *> LabelingPage::labelActions() const
{
    QList<QAction *> list;
    for (const ShortcutDef &d : Shortcuts::definitions()) {
        if (QAction *a = m_actions.value(d.id))
            list << a;
    }
    return list;
}

void LabelingPage::reloadSettings()
{
    for (const ShortcutDef &d : Shortcuts::definitions()) {
        if (QAction *a = m_actions.value(d.id)) {
            a->setText(d.text);
            a->setShortcuts(Shortcuts::keys(d.id));
        }
    }
    const QKeySequence reveal = Shortcuts::revealKey();
    m_revealKey = reveal.isEmpty() ? 0 : reveal[0].toCombined();
    m_wellbeing = WellbeingSettings::load();
    if (m_db && m_model->filter().scoreRunId > 0) {
        if (const auto t = ItemQuery(*m_db).runThreshold(m_model->filter().scoreRunId))
            m_wellbeing.predictedThreshold = *t;
    }
    m_gallery->delegate()->setWellbeing(m_wellbeing);
    m_viewer->timelineDelegate()->setWellbeing(m_wellbeing);
    setAutoAdvance(QSettings().value(QStringLiteral("labeling/autoAdvance"), true).toBool());
    // A member of a server project with roles labels under their login, whatever the settings say.
    m_session->setAnnotator(m_db ? m_db->annotator() : defaultAnnotator());
    updateTeam();
    m_coverFor = 0;
    updateCover();
    m_gallery->view()->viewport()->update();
    m_viewer->timeline()->viewport()->update();
}

void LabelingPage::updateTeam()
{
    bool queues = false;
    if (m_db) {
        TeamLabels team(*m_db);
        const auto rule = team.rule();
        if (!rule)
            return; // unreadable (a server that is away): what the page shows stays as it is
        m_consensus = *rule == LabelRule::Consensus;
        queues = team.hasQueues();
    } else {
        m_consensus = false;
    }
    m_gallery->setTeam(m_session->annotator(), m_consensus, m_consensus || queues);
    m_gallery->setReviewAllowed(!m_db || m_db->team().role != TeamRole::Annotator);
    updateVoice();
}

void LabelingPage::updateVoice()
{
    const bool reviewing = m_gallery->teamView() == GalleryPanel::TeamView::Disagreements;
    m_session->setVoice(reviewing     ? LabelSession::Voice::Adjudication
                        : m_consensus ? LabelSession::Voice::Own
                                      : LabelSession::Voice::Item);
    // What the annotator sees is theirs alone until they gave it; a reviewer sees everything.
    const bool own = m_session->voice() == LabelSession::Voice::Own;
    m_history->setWithheldUntilLabelledBy(own ? m_session->annotator() : QString());
    m_viewer->setLabelsOf(own ? m_session->annotator() : QString());
    m_history->refresh();
}

void LabelingPage::setAutoAdvance(bool on)
{
    if (on == m_autoAdvance)
        return;
    m_autoAdvance = on;
    QSettings().setValue(QStringLiteral("labeling/autoAdvance"), on);
    Q_EMIT autoAdvanceChanged(on);
}

void LabelingPage::setDatabase(ProjectDatabase *db)
{
    m_db = db;
    m_shown = Shown();
    const QString cacheDir = db ? db->cacheDir() : QString();
    m_thumbnails->setCacheDir(cacheDir);
    m_pictures->setCacheDir(cacheDir);
    m_session->setDatabase(db);
    m_history->setDatabase(db);
    m_viewer->setDatabase(db);
    m_model->setDatabase(db);
    m_gallery->setScoreRun(db ? ItemQuery(*db).latestScoredRun() : 0);
    reloadSettings();
    if (m_model->rowCount() > 0)
        m_gallery->view()->setCurrentIndex(m_model->index(0));
    else
        showRow(m_model, -1, false);
    m_gallery->view()->setFocus();
}

void LabelingPage::refresh()
{
    const qint64 current = m_shown.id;
    updateTeam(); // another client may have changed the label rule or dealt queues
    // A drill-down shows the scores of the run it came from; only the full gallery follows the newest run.
    if (!m_model->hasExplicitIds())
        m_gallery->setScoreRun(m_db ? ItemQuery(*m_db).latestScoredRun() : 0);
    m_model->refresh();
    m_viewer->timelineModel()->refresh();
    if (current > 0 && m_model->rowOf(current) >= 0 && !m_gallery->view()->currentIndex().isValid())
        m_gallery->view()->setCurrentIndex(m_model->index(m_model->rowOf(current)));
}

void LabelingPage::showItems(const QVector<qint64> &ids, const QString &title)
{
    setConfirmEnabled(false);
    m_model->setExplicitIds(ids);
    m_gallery->showExplicitTitle(title);
    if (!ids.isEmpty())
        m_gallery->view()->setCurrentIndex(m_model->index(0));
    m_gallery->view()->setFocus();
}

QAbstractItemView *LabelingPage::activeList() const
{
    if (m_lastList == m_viewer->timeline() && m_viewer->timelineVideo() > 0)
        return m_viewer->timeline();
    return m_gallery->view();
}

GalleryModel *LabelingPage::modelOf(QAbstractItemView *view) const
{
    return view == m_viewer->timeline() ? m_viewer->timelineModel() : m_model;
}

void LabelingPage::onGalleryCurrent(int row)
{
    showRow(m_model, row, false);
}

void LabelingPage::onTimelineCurrent(int row)
{
    if (row >= 0)
        showRow(m_viewer->timelineModel(), row, true);
}

void LabelingPage::showRow(GalleryModel *model, int row, bool fromTimeline)
{
    const ItemRow *r = model->rowData(row);
    if (!r) {
        m_shown = Shown();
        m_viewer->canvas()->setPlaceholder(0, QImage(),
                                           m_db && m_model->rowCount() == 0
                                               ? tr("No items here. Import images or videos with "
                                                    "File ▸ Import, or drop them on the window.")
                                               : QString());
        m_viewer->setInfo(QString(), Label::None, std::nullopt, QString());
        m_viewer->showTimeline(0, Label::None);
        m_history->showItem(0, QString());
        return;
    }
    m_shown.id = r->id;
    m_shown.kind = r->kind;
    m_shown.label = r->label;
    m_shown.score = r->score;
    const QModelIndex index = model->index(row);
    m_shown.label = Label(index.data(GalleryModel::LabelRole).toInt()); // includes labels given this session
    if (r->kind == ItemKind::Video)
        m_shown.videoId = r->id;
    else if (r->kind == ItemKind::Frame)
        m_shown.videoId = r->parentId;
    else
        m_shown.videoId = 0;
    if (!fromTimeline) {
        Label videoLabel = m_shown.label;
        if (r->kind == ItemKind::Frame) {
            const int parentRow = m_model->rowOf(r->parentId);
            videoLabel =
                parentRow >= 0 ? Label(m_model->index(parentRow).data(GalleryModel::LabelRole).toInt()) : Label::None;
        }
        m_viewer->showTimeline(m_shown.videoId, videoLabel);
        if (r->kind == ItemKind::Frame) {
            const int frameRow = m_viewer->timelineModel()->rowOf(r->id);
            QSignalBlocker block(m_viewer->timeline()->selectionModel());
            m_viewer->timeline()->setCurrentIndex(m_viewer->timelineModel()->index(frameRow));
            m_viewer->timeline()->scrollTo(m_viewer->timelineModel()->index(frameRow));
        }
    }
    const QString name = QFileInfo(r->path).fileName();
    const QString title =
        r->kind == ItemKind::Frame ? tr("%1 — frame at %2 s").arg(name).arg(r->timestampMs / 1000.0, 0, 'f', 1) : name;
    m_viewer->setInfo(title, m_shown.label, m_shown.score, tr("%1 / %2").arg(row + 1).arg(model->rowCount()));
    m_history->showItem(r->id, title);
    const MediaRef ref = model->mediaRef(row);
    if (m_pictures->cached(r->id)) {
        m_pictures->load(r->id, ref);
        showPicture(); // prefetched: shown in this very event, no placeholder
    } else {
        m_viewer->canvas()->setPlaceholder(r->id, m_thumbnails->thumbnail(ref), tr("Loading…"));
        m_coverFor = 0;
        updateCover(); // the enlarged thumbnail shows as much as the picture: covered alike
        m_pictures->load(r->id, ref);
    }
    prefetchAround(model, row);
}

void LabelingPage::showPicture()
{
    const LoadedPicture *p = m_pictures->cached(m_shown.id);
    if (!p)
        return;
    if (p->fitted.isNull())
        m_viewer->canvas()->setPlaceholder(m_shown.id, QImage(), p->error);
    else
        m_viewer->canvas()->setPicture(m_shown.id, p->full, p->fitted);
    m_coverFor = 0;
    updateCover();
}

void LabelingPage::updateCover()
{
    ImageCanvas *canvas = m_viewer->canvas();
    const bool cover = m_wellbeing.inViewer && m_wellbeing.covers(m_shown.label, m_shown.score);
    if (!cover) {
        canvas->setCover(QImage());
        m_coverFor = 0;
        return;
    }
    if (m_coverFor == m_shown.id)
        return;
    const LoadedPicture *p = m_pictures->cached(m_shown.id);
    if (p && !p->fitted.isNull()) {
        canvas->setCover(applyWellbeing(p->fitted, m_wellbeing.mode, m_wellbeing.strength));
        m_coverFor = m_shown.id;
    } else if (!canvas->hasPicture() && !canvas->placeholder().isNull()) {
        // Not m_coverFor: the picture, when it arrives, gets a cover of its own.
        canvas->setCover(applyWellbeing(canvas->placeholder(), m_wellbeing.mode, m_wellbeing.strength));
    }
}

void LabelingPage::prefetchAround(GalleryModel *model, int row)
{
    for (int r = row + 1; r <= row + kPrefetchAhead && r < model->rowCount(); ++r)
        m_pictures->prefetch(model->idAt(r), model->mediaRef(r));
    if (row > 0)
        m_pictures->prefetch(model->idAt(row - 1), model->mediaRef(row - 1));
}

QVector<qint64> LabelingPage::targetIds(QHash<qint64, Label> *shown) const
{
    QHash<qint64, Label> ignored;
    QHash<qint64, Label> *labels = shown ? shown : &ignored;
    QAbstractItemView *view = activeList();
    GalleryModel *model = modelOf(view);
    const QModelIndexList selected = view->selectionModel()->selectedIndexes();
    QVector<qint64> ids;
    if (selected.size() > 1) {
        for (const QModelIndex &i : selected) {
            ids << model->idAt(i.row());
            noteShownLabel(i, labels);
        }
        std::sort(ids.begin(), ids.end());
    } else if (view->currentIndex().isValid()) {
        ids << model->idAt(view->currentIndex().row());
        noteShownLabel(view->currentIndex(), labels);
    } else if (m_shown.id > 0) {
        ids << m_shown.id;
        labels->insert(m_shown.id, m_shown.label);
    }
    return ids;
}

void LabelingPage::applyLabel(Label label)
{
    if (!m_db)
        return;
    QHash<qint64, Label> shown; // what the cells show: the labels before, should the project not answer
    const QVector<qint64> ids = targetIds(&shown);
    if (ids.isEmpty() || !m_session->label(ids, label, shown))
        return;
    // One item labeled: move on. A selection stays selected, so the annotator sees what was labeled.
    if (ids.size() == 1 && m_autoAdvance)
        step(+1);
}

void LabelingPage::setConfirmEnabled(bool enabled)
{
    m_confirmEnabled = enabled;
    QAction *a = m_actions.value(QStringLiteral("label.confirm"));
    if (!a)
        return;
    a->setEnabled(enabled);
    m_gallery->setBannerAction(enabled ? a : nullptr);
}

void LabelingPage::confirmLabels()
{
    if (!m_db || !m_confirmEnabled)
        return;
    const QVector<qint64> ids = targetIds();
    if (ids.isEmpty())
        return;
    Q_EMIT confirmRequested(ids);
    if (ids.size() == 1 && m_autoAdvance)
        step(+1);
}

void LabelingPage::labelWholeVideo(Label label)
{
    if (m_shown.videoId <= 0)
        return;
    QVector<qint64> ids{m_shown.videoId};
    ids += m_viewer->timelineModel()->ids();
    QHash<qint64, Label> shown;
    if (const int row = m_model->rowOf(m_shown.videoId); row >= 0)
        noteShownLabel(m_model->index(row), &shown);
    GalleryModel *frames = m_viewer->timelineModel();
    for (int row = 0; row < frames->rowCount(); ++row)
        noteShownLabel(frames->index(row), &shown);
    m_session->label(ids, label, shown);
}

void LabelingPage::onLabelsChanged(const QVector<qint64> &ids, const QVector<Label> &labels)
{
    m_model->updateLabels(ids, labels);
    m_viewer->timelineModel()->updateLabels(ids, labels);
    const qsizetype shownAt = ids.indexOf(m_shown.id);
    if (shownAt >= 0) {
        m_shown.label = labels.at(shownAt);
        m_viewer->setLabelInfo(m_shown.label, m_shown.score);
        m_coverFor = 0;
        updateCover();
    }
    if (m_shown.videoId > 0) {
        const qsizetype videoAt = ids.indexOf(m_shown.videoId);
        if (videoAt >= 0)
            m_viewer->setVideoLabel(labels.at(videoAt));
    }
    m_history->refresh();
}

void LabelingPage::showLabelsFromElsewhere(const QVector<qint64> &ids, const QVector<Label> &labels)
{
    QVector<qint64> shownIds;
    QVector<Label> shown;
    for (int i = 0; i < ids.size() && i < labels.size(); ++i) {
        if (!m_session->pendingLabels().contains(ids.at(i))) {
            shownIds << ids.at(i);
            shown << labels.at(i);
        }
    }
    if (!shownIds.isEmpty())
        onLabelsChanged(shownIds, shown);
    Q_EMIT labelsChangedElsewhere(ids);
}

void LabelingPage::followLatestScores()
{
    if (!m_db || m_model->hasExplicitIds())
        return;
    if (ItemQuery(*m_db).latestScoredRun() != m_model->filter().scoreRunId)
        refresh();
}

QString LabelingPage::itemName(qint64 id) const
{
    const int row = m_model->rowOf(id);
    const ItemRow *r = row >= 0 ? m_model->rowData(row) : nullptr;
    if (!r) {
        const int frameRow = m_viewer->timelineModel()->rowOf(id);
        r = frameRow >= 0 ? m_viewer->timelineModel()->rowData(frameRow) : nullptr;
    }
    if (!r)
        return tr("item %1").arg(id);
    const QString name = QFileInfo(r->path).fileName();
    return r->kind == ItemKind::Frame ? tr("%1, frame at %2 s").arg(name).arg(r->timestampMs / 1000.0, 0, 'f', 1)
                                      : name;
}

void LabelingPage::onSkipped(const QVector<qint64> &ids, const QVector<Label> &current, const QString &source)
{
    if (ids.isEmpty())
        return;
    const bool undo = source == QLatin1String("undo");
    QString text;
    if (ids.size() == 1) {
        text = undo ? tr("Not undone: %1 was labeled %2 by someone else after your label; it keeps theirs.")
                    : tr("Not redone: %1 was labeled %2 by someone else after the undo; it keeps theirs.");
        text = text.arg(itemName(ids.first()), labelDisplayName(current.value(0)));
    } else {
        text = undo ? tr("Not undone for %n item(s): someone else labeled them after your label; they keep theirs.",
                         nullptr, int(ids.size()))
                    : tr("Not redone for %n item(s): someone else labeled them after the undo; they keep theirs.",
                         nullptr, int(ids.size()));
    }
    Q_EMIT message(text);
}

void LabelingPage::step(int delta)
{
    QAbstractItemView *view = activeList();
    GalleryModel *model = modelOf(view);
    const int row = view->currentIndex().isValid() ? view->currentIndex().row() + delta : 0;
    if (row < 0 || row >= model->rowCount())
        return;
    const QModelIndex next = model->index(row);
    view->selectionModel()->setCurrentIndex(next, QItemSelectionModel::ClearAndSelect);
    view->scrollTo(next);
}

void LabelingPage::next()
{
    step(+1);
}

void LabelingPage::previous()
{
    step(-1);
}

void LabelingPage::goToItem(qint64 id)
{
    // Undo and redo go back to the item they changed: that is what the annotator wants to see.
    const int timelineRow = m_viewer->timelineModel()->rowOf(id);
    if (activeList() == m_viewer->timeline() && timelineRow >= 0) {
        m_viewer->timeline()->selectionModel()->setCurrentIndex(m_viewer->timelineModel()->index(timelineRow),
                                                                QItemSelectionModel::ClearAndSelect);
        return;
    }
    const int row = m_model->rowOf(id);
    if (row >= 0) {
        m_gallery->view()->selectionModel()->setCurrentIndex(m_model->index(row), QItemSelectionModel::ClearAndSelect);
        m_gallery->view()->scrollTo(m_model->index(row));
    }
}

void LabelingPage::undo()
{
    LabelEdit edit;
    if (m_session->undo(&edit) && !edit.ids.isEmpty() && edit.ids.size() == 1)
        goToItem(edit.ids.first());
}

void LabelingPage::redo()
{
    LabelEdit edit;
    if (m_session->redo(&edit) && !edit.ids.isEmpty() && edit.ids.size() == 1)
        goToItem(edit.ids.first());
}

void LabelingPage::setRevealed(bool revealed)
{
    if (revealed == m_revealed)
        return;
    m_revealed = revealed;
    m_gallery->delegate()->setRevealed(revealed);
    m_viewer->timelineDelegate()->setRevealed(revealed);
    m_viewer->canvas()->setRevealed(revealed);
    m_gallery->view()->viewport()->update();
    m_viewer->timeline()->viewport()->update();
}

bool LabelingPage::eventFilter(QObject *watched, QEvent *event)
{
    // Holding the reveal key uncovers everything; letting go covers it again.
    if ((event->type() == QEvent::KeyPress || event->type() == QEvent::KeyRelease) && m_revealKey != 0) {
        auto *key = static_cast<QKeyEvent *>(event);
        if (key->keyCombination().toCombined() == m_revealKey || (key->key() == m_revealKey && key->modifiers() == 0)) {
            QWidget *focus = QApplication::focusWidget();
            if (focus && isAncestorOf(focus) && watched == focus) {
                if (!key->isAutoRepeat())
                    setRevealed(event->type() == QEvent::KeyPress);
                return true;
            }
        }
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace nsfw::ui
