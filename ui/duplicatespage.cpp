// The "Duplicates" page: building it, the project it shows, and the duplicate pass on the page's own thread. The actions
// on the current group are in duplicatespageactions.cpp.
#include "duplicatespage.h"

#include "common/logging.h"
#include "duplicatedelegate.h"
#include "duplicategroupview.h"
#include "gallery/duplicategroupmodel.h"
#include "gallery/gallerymodel.h"
#include "gallery/labelsession.h"
#include "gallery/thumbnailprovider.h"
#include "gallerydelegate.h"
#include "labelingpage.h"
#include "messagelabel.h"
#include "shortcuts.h"
#include "store/duplicatedecisionstore.h"
#include "store/itemquery.h"
#include "store/projectdatabase.h"
#include "store/projectwatcher.h"

#include <QAction>
#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QTimer>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace nsfw::ui {

namespace {
/// New items are grouped again once the window has been quiet this long (an import commits every batch).
constexpr int kRescanDelayMs = 1500;
} // namespace

DuplicatesPage::DuplicatesPage(LabelingPage *labeling, QWidget *parent)
    : QWidget(parent)
    , m_labeling(labeling)
    , m_model(new DuplicateGroupModel(this))
    , m_view(new DuplicateGroupView(this))
    , m_delegate(new DuplicateGroupDelegate(labeling->thumbnails(), this))
    , m_refresh(new QPushButton(tr("Refresh"), this))
    , m_progress(new QProgressBar(this))
    , m_status(new MessageLabel(this))
    , m_keepOne(new QPushButton(tr("Keep one, hide the rest from training"), this))
    , m_include(new QPushButton(tr("Include again"), this))
    , m_notDuplicates(new QPushButton(tr("Not duplicates"), this))
    , m_open(new QPushButton(tr("Open in the Label tab"), this))
    , m_rescan(new QTimer(this))
{
    m_pool.setMaxThreadCount(1);
    m_pool.setThreadPriority(QThread::LowPriority);
    m_view->setModel(m_model);
    m_view->setItemDelegate(m_delegate);

    auto *top = new QHBoxLayout;
    top->setContentsMargins(6, 6, 6, 0);
    m_refresh->setToolTip(tr("Look for near-copies again: hashes what older imports lack, then groups"));
    top->addWidget(m_refresh);
    m_progress->setMaximumWidth(220);
    m_progress->setTextVisible(true);
    m_progress->hide();
    top->addWidget(m_progress);
    top->addWidget(m_status, 1);
    m_status->setMaximumLines(2);

    auto *actions = new QHBoxLayout;
    actions->setContentsMargins(6, 0, 6, 6);
    actions->addWidget(new QLabel(tr("Label the group as:"), this));
    for (Label label : {Label::Safe, Label::Nsfw, Label::Unsure}) {
        auto *b = new QPushButton(this);
        b->setProperty("label", int(label));
        b->setStyleSheet(QStringLiteral("QPushButton { border-bottom: 3px solid %1; padding: 3px 10px; }")
                             .arg(GalleryDelegate::labelColor(int(label)).name()));
        connect(b, &QPushButton::clicked, this, [this, label] { labelGroup(label); });
        actions->addWidget(b);
        m_labelButtons << b;
    }
    actions->addSpacing(16);
    m_keepOne->setToolTip(
        tr("Training keeps the chosen picture (click one; else the largest) and leaves the other "
           "copies out, so a copy cannot sit on both sides of a split or count twice. They keep their "
           "labels and are still scored."));
    m_include->setToolTip(tr("Every member of the group takes part in training again"));
    m_notDuplicates->setToolTip(tr("These pictures are not copies of each other: the group is never shown again"));
    m_open->setToolTip(tr("Shows the group in the Label tab's gallery and viewer (Enter, or a double click)"));
    for (QPushButton *b : {m_keepOne, m_include, m_notDuplicates, m_open})
        actions->addWidget(b);
    actions->addStretch();

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addLayout(top);
    layout->addWidget(m_view, 1);
    layout->addLayout(actions);

    connect(m_refresh, &QPushButton::clicked, this, &DuplicatesPage::refresh);
    connect(m_keepOne, &QPushButton::clicked, this, &DuplicatesPage::keepOne);
    connect(m_include, &QPushButton::clicked, this, &DuplicatesPage::includeAgain);
    connect(m_notDuplicates, &QPushButton::clicked, this, &DuplicatesPage::markNotDuplicates);
    connect(m_open, &QPushButton::clicked, this, &DuplicatesPage::openInGallery);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this, [this] {
        m_delegate->setChosen(0);
        updateActions();
    });
    connect(m_view, &DuplicateGroupView::memberClicked, this, [this](int row, int member) {
        const DuplicateGroup *g = m_model->group(row);
        if (g && member >= 0 && member < g->members.size())
            chooseMember(g->members.at(member).id);
    });
    connect(m_view, &DuplicateGroupView::memberDoubleClicked, this, [this](int row, int member) {
        selectRow(row);
        const DuplicateGroup *g = m_model->group(row);
        if (g && member >= 0 && member < g->members.size())
            m_delegate->setChosen(g->members.at(member).id);
        openInGallery();
    });
    connect(m_view, &DuplicateGroupView::memberHovered, this, [this](int row, int member) {
        const DuplicateGroup *g = m_model->group(row);
        m_delegate->setHovered(g && member >= 0 && member < g->members.size() ? g->members.at(member).id : 0);
        m_view->viewport()->update();
    });
    connect(m_view, &DuplicateGroupView::revealChanged, this, &DuplicatesPage::setRevealed);
    connect(labeling->thumbnails(), &ThumbnailProvider::thumbnailReady, m_view, &DuplicateGroupView::scheduleRepaint);
    connect(labeling->session(), &LabelSession::labelsChanged, this,
            [this](const QVector<qint64> &ids, const QVector<Label> &labels) { onLabelsChanged(ids, labels); });

    auto make = [this](const QString &id, auto slot) {
        auto *a = new QAction(this);
        a->setProperty("shortcutId", id);
        a->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        connect(a, &QAction::triggered, this, slot);
        addAction(a);
        return a;
    };
    make(QStringLiteral("label.safe"), [this] { labelGroup(Label::Safe); });
    make(QStringLiteral("label.nsfw"), [this] { labelGroup(Label::Nsfw); });
    make(QStringLiteral("label.unsure"), [this] { labelGroup(Label::Unsure); });
    make(QStringLiteral("label.clear"), [this] { labelGroup(Label::None); });
    make(QStringLiteral("edit.undo"), [this] { m_labeling->session()->undo(); });
    make(QStringLiteral("edit.redo"), [this] { m_labeling->session()->redo(); });

    m_rescan->setSingleShot(true);
    m_rescan->setInterval(kRescanDelayMs);
    connect(m_rescan, &QTimer::timeout, this, &DuplicatesPage::refresh);
    connect(&m_watcher, &QFutureWatcher<DuplicateScan>::progressRangeChanged, this, [this](int min, int max) {
        m_progress->setRange(min, max);
        m_progress->setFormat(max > 0 ? tr("hashing %v of %m") : QString());
        updateSummary();
    });
    connect(&m_watcher, &QFutureWatcher<DuplicateScan>::progressValueChanged, m_progress, &QProgressBar::setValue);
    connect(&m_watcher, &QFutureWatcher<DuplicateScan>::finished, this, &DuplicatesPage::onScanFinished);
    reloadSettings();
    updateActions();
    updateSummary();
}

DuplicatesPage::~DuplicatesPage()
{
    // The pass has a connection of its own and captures nothing of the page; it stops at its next step.
    m_watcher.disconnect(this);
    m_watcher.future().cancel();
    m_pool.waitForDone();
}

QPushButton *DuplicatesPage::labelButton(Label label) const
{
    for (QPushButton *b : m_labelButtons) {
        if (b->property("label").toInt() == int(label))
            return b;
    }
    return nullptr;
}

void DuplicatesPage::reloadSettings()
{
    for (QAction *a : actions()) {
        const QString id = a->property("shortcutId").toString();
        if (!id.isEmpty())
            a->setShortcuts(Shortcuts::keys(id));
    }
    for (QPushButton *b : std::as_const(m_labelButtons)) {
        const Label label = Label(b->property("label").toInt());
        const QString id = label == Label::Safe   ? QStringLiteral("label.safe")
                           : label == Label::Nsfw ? QStringLiteral("label.nsfw")
                                                  : QStringLiteral("label.unsure");
        const QList<QKeySequence> keys = Shortcuts::keys(id);
        b->setText(keys.isEmpty()
                       ? labelDisplayName(label)
                       : tr("%1 (%2)").arg(labelDisplayName(label), keys.first().toString(QKeySequence::NativeText)));
    }
    const QKeySequence reveal = Shortcuts::revealKey();
    m_view->setRevealKey(reveal.isEmpty() ? 0 : reveal[0].toCombined());
    // Covered exactly as the gallery covers: the same settings, the same run's scores and threshold.
    m_wellbeing = WellbeingSettings::load();
    if (m_db) {
        if (const qint64 run = ItemQuery(*m_db).latestScoredRun(); run > 0) {
            if (const auto t = ItemQuery(*m_db).runThreshold(run))
                m_wellbeing.predictedThreshold = *t;
        }
    }
    m_delegate->setWellbeing(m_wellbeing);
    m_view->viewport()->update();
}

void DuplicatesPage::setDatabase(ProjectDatabase *db)
{
    m_db = db;
    ++m_generation;
    m_rescan->stop();
    m_delegate->setDatabase(db);
    m_delegate->setChosen(0);
    m_model->clear();
    m_model->setExclusions({});
    m_model->setScores({});
    m_hashed = 0;
    m_unreadable.clear();
    m_error.clear();
    m_notice.clear();
    m_scanned = false;
    if (m_scanning)
        m_watcher.future().cancel(); // its answer is dropped; the new project's pass follows it
    reloadSettings();
    if (db)
        refresh();
    updateActions();
    updateSummary();
}

void DuplicatesPage::refresh()
{
    if (!m_db)
        return;
    m_rescan->stop();
    if (m_scanning) {
        m_again = true;
        return;
    }
    startScan();
}

void DuplicatesPage::startScan()
{
    m_again = false;
    m_scanning = true;
    m_scanGeneration = m_generation;
    const QString location = m_db->connectionText();
    m_progress->setRange(0, 0);
    m_progress->setFormat(QString());
    m_progress->show();
    m_refresh->setEnabled(false);
    updateSummary();
    m_watcher.setFuture(QtConcurrent::run(&m_pool, [location](QPromise<DuplicateScan> &promise) {
        QString error;
        DuplicateScan scan;
        // A connection of this thread's own: a QSqlDatabase belongs to the thread that opened it.
        if (auto db = ProjectDatabase::open(location, ProjectDatabase::OpenMode::OpenExisting,
                                            QStringLiteral("duplicates"), &error)) {
            scan = scanDuplicates(
                *db,
                [&promise](qint64 done, qint64 total) {
                    promise.setProgressRange(0, int(std::min<qint64>(total, INT_MAX)));
                    promise.setProgressValue(int(std::min<qint64>(done, INT_MAX)));
                    if (done >= total)
                        promise.setProgressRange(0, 0); // hashing done: grouping, of unknown length
                },
                [&promise] { return promise.isCanceled(); });
        } else {
            scan.error = error;
        }
        promise.addResult(scan);
    }));
}

void DuplicatesPage::onScanFinished()
{
    m_scanning = false;
    m_progress->hide();
    m_refresh->setEnabled(true);
    const QFuture<DuplicateScan> future = m_watcher.future();
    const bool current = m_scanGeneration == m_generation && future.resultCount() > 0;
    if (current && !future.result().cancelled)
        applyScan(future.result());
    if (m_db && (m_again || !current))
        startScan();
    else
        updateSummary();
}

void DuplicatesPage::applyScan(const DuplicateScan &scan)
{
    m_scanned = true;
    m_error = scan.error;
    if (!scan.error.isEmpty()) {
        qCWarning(lcStore) << "duplicate pass failed:" << scan.error;
        Q_EMIT scanFinished(0, scan.error);
        return;
    }
    // The same group stays current (by its smallest id) with the same member chosen, when it is still there.
    const int row = currentRow();
    const qint64 key = row >= 0 ? m_model->group(row)->key() : 0;
    const qint64 chosen = m_delegate->chosen();
    m_hashed = scan.hashedItems;
    m_unreadable = scan.unreadable;
    m_model->setGroups(scan.groups);
    reloadMembers();
    const int again = key > 0 ? m_model->rowOfKey(key) : -1;
    if (again >= 0) {
        selectRow(again);
        if (m_model->rowOfItem(chosen) == again)
            m_delegate->setChosen(chosen);
    } else if (m_model->rowCount() > 0) {
        selectRow(0);
    }
    publishBadges();
    updateActions();
    updateSummary();
    Q_EMIT scanFinished(m_model->rowCount(), QString());
}

void DuplicatesPage::reloadMembers()
{
    if (!m_db)
        return;
    QVector<qint64> ids;
    for (int row = 0; row < m_model->rowCount(); ++row)
        ids += m_model->group(row)->ids();
    // The labels as the window shows them now: the pass read them on its own connection a moment ago, and labels
    // given since (or still waiting to be written) win.
    ItemQuery query(*m_db);
    const qint64 scoreRun = query.latestScoredRun();
    QVector<qint64> labelIds;
    QVector<Label> labels;
    QHash<qint64, double> scores;
    const QHash<qint64, Label> &pending = m_labeling->session()->pendingLabels();
    for (const ItemRow &r : query.rows(ids, scoreRun)) {
        labelIds << r.id;
        labels << pending.value(r.id, r.label);
        if (r.score)
            scores.insert(r.id, *r.score);
    }
    m_model->updateLabels(labelIds, labels);
    m_model->setScores(scores);
    reloadExclusions();
}

void DuplicatesPage::reloadExclusions()
{
    if (!m_db)
        return;
    QString error;
    const QHash<qint64, QString> excluded = DuplicateDecisionStore(*m_db).exclusions(&error);
    if (error.isEmpty())
        m_model->setExclusions(excluded);
}

void DuplicatesPage::publishBadges()
{
    m_labeling->model()->setDuplicateBadges(m_model->badges());
}

void DuplicatesPage::onLabelsChanged(const QVector<qint64> &ids, const QVector<Label> &labels)
{
    bool grouped = false;
    for (qint64 id : ids)
        grouped = grouped || m_model->rowOfItem(id) >= 0;
    if (!grouped)
        return;
    m_model->updateLabels(ids, labels);
    publishBadges(); // a conflict may have come or gone
    updateSummary();
}

void DuplicatesPage::onProjectChanged(const ProjectChanges &changes)
{
    if (!m_db)
        return;
    if (!changes.labelItems.isEmpty()) {
        // Labels waiting to be written in this window stay as shown: they are written after theirs.
        QVector<qint64> ids;
        QVector<Label> labels;
        for (int i = 0; i < changes.labelItems.size() && i < changes.labels.size(); ++i) {
            if (!m_labeling->session()->pendingLabels().contains(changes.labelItems.at(i))) {
                ids << changes.labelItems.at(i);
                labels << changes.labels.at(i);
            }
        }
        onLabelsChanged(ids, labels);
    }
    if (changes.items)
        m_rescan->start();
    if (changes.runs) {
        reloadSettings(); // a newer scored run: its threshold decides what is predicted nsfw
        reloadMembers();
    }
}

int DuplicatesPage::currentRow() const
{
    const QModelIndex index = m_view->currentIndex();
    return index.isValid() ? index.row() : -1;
}

void DuplicatesPage::selectRow(int row)
{
    if (row < 0 || row >= m_model->rowCount())
        return;
    m_view->selectionModel()->setCurrentIndex(m_model->index(row), QItemSelectionModel::ClearAndSelect);
    m_view->scrollTo(m_model->index(row));
}

bool DuplicatesPage::selectGroupOf(qint64 itemId)
{
    const int row = m_model->rowOfItem(itemId);
    selectRow(row);
    return row >= 0;
}

void DuplicatesPage::chooseMember(qint64 id)
{
    const int row = m_model->rowOfItem(id);
    if (row >= 0 && row != currentRow())
        selectRow(row);
    m_delegate->setChosen(row >= 0 ? id : 0);
    m_view->viewport()->update();
    updateActions();
}

qint64 DuplicatesPage::chosenMember() const
{
    return m_delegate->chosen();
}

void DuplicatesPage::setRevealed(bool revealed)
{
    m_delegate->setRevealed(revealed);
    m_view->viewport()->update();
}

void DuplicatesPage::updateActions()
{
    const DuplicateGroup *g = m_model->group(currentRow());
    for (QPushButton *b : std::as_const(m_labelButtons))
        b->setEnabled(g);
    int excluded = 0;
    if (g) {
        for (const Item &item : g->members)
            excluded += !m_model->exclusion(item.id).isEmpty();
    }
    m_keepOne->setEnabled(g);
    m_keepOne->setText(g && m_delegate->chosen() > 0
                           ? tr("Keep #%1, hide the rest from training").arg(m_delegate->chosen())
                           : tr("Keep one, hide the rest from training"));
    m_include->setEnabled(g && excluded > 0);
    m_notDuplicates->setEnabled(g);
    m_open->setEnabled(g);
}

QString DuplicatesPage::summary() const
{
    return m_status->message();
}

void DuplicatesPage::updateSummary()
{
    QString text;
    if (!m_db) {
        text = tr("No project open.");
    } else if (m_scanning && !m_scanned) {
        text = m_progress->maximum() > 0 ? tr("Hashing pictures imported before near-copies were looked for…")
                                         : tr("Looking for near-copies…");
    } else if (!m_error.isEmpty()) {
        text = tr("Near-copies could not be looked for: %1").arg(m_error);
    } else if (m_scanned) {
        int conflicts = 0, members = 0;
        for (int row = 0; row < m_model->rowCount(); ++row) {
            conflicts += m_model->group(row)->conflict;
            members += int(m_model->group(row)->members.size());
        }
        text = m_model->rowCount() == 0
                   ? tr("No near-copies among %n hashed picture(s) and video(s).", nullptr, int(m_hashed))
                   : tr("%n group(s) of near-copies", nullptr, m_model->rowCount()) + QLatin1Char(' ') +
                         tr("(%n items) among %1 hashed; ", nullptr, members).arg(m_hashed) +
                         tr("%n with conflicting labels, first. Click a picture to choose the one to keep.", nullptr,
                            conflicts);
        if (!m_unreadable.isEmpty())
            text += QLatin1Char(' ') +
                    tr("%n file(s) could not be read and are left out.", nullptr, int(m_unreadable.size()));
        if (m_scanning)
            text += QLatin1Char(' ') + tr("Looking again…");
    }
    if (!m_notice.isEmpty())
        text = m_notice + QLatin1Char(' ') + text;
    m_status->setMessage(text);
    m_status->setToolTip(m_unreadable.isEmpty() ? text
                                                : text + QLatin1Char('\n') + m_unreadable.join(QLatin1Char('\n')));
}

} // namespace nsfw::ui
