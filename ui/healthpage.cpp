#include "healthpage.h"

#include "labelingpage.h"
#include "messagelabel.h"

#include "store/projectdatabase.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSplitter>
#include <QThread>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace nsfw::ui {

namespace {

constexpr int kIdRole = Qt::UserRole + 1;

QTreeWidgetItem *balanceItem(const QString &name, const LabelCounts &c)
{
    auto *item = new QTreeWidgetItem(
        {name, QString::number(c.safe), QString::number(c.nsfw), QString::number(c.unsure),
         QString::number(c.unlabeled),
         c.safe + c.nsfw > 0 ? QStringLiteral("%1 %").arg(100.0 * double(c.nsfw) / double(c.safe + c.nsfw), 0, 'f', 1)
                             : QStringLiteral("–")});
    for (int column = 1; column < 6; ++column)
        item->setTextAlignment(column, Qt::AlignRight | Qt::AlignVCenter);
    return item;
}

} // namespace

HealthPage::HealthPage(LabelingPage *labeling, QWidget *parent)
    : QWidget(parent)
    , m_labeling(labeling)
    , m_status(new MessageLabel(this))
    , m_refresh(new QPushButton(tr("&Refresh"), this))
    , m_checks(new QTreeWidget(this))
    , m_balance(new QTreeWidget(this))
{
    m_checks->setColumnCount(3);
    m_checks->setHeaderLabels({tr("Check"), tr("Items"), tr("What it looks for")});
    m_checks->setRootIsDecorated(false);
    m_checks->setWordWrap(true);
    m_checks->setUniformRowHeights(false);
    m_checks->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_checks->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_checks->header()->setStretchLastSection(true);
    m_checks->setToolTip(tr("Click a check to see its items in the Label tab, worst first."));
    connect(m_checks, &QTreeWidget::itemClicked, this,
            [this](QTreeWidgetItem *item) { openCheck(item->data(0, kIdRole).toString()); });
    connect(m_checks, &QTreeWidget::itemActivated, this,
            [this](QTreeWidgetItem *item) { openCheck(item->data(0, kIdRole).toString()); });

    m_balance->setColumnCount(6);
    m_balance->setHeaderLabels(
        {tr("Class balance"), tr("safe"), tr("nsfw"), tr("unsure"), tr("unlabeled"), tr("nsfw share")});
    m_balance->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    for (int column = 1; column < 6; ++column)
        m_balance->header()->setSectionResizeMode(column, QHeaderView::ResizeToContents);

    auto *top = new QHBoxLayout;
    top->addWidget(m_status, 1);
    top->addWidget(m_refresh);
    connect(m_refresh, &QPushButton::clicked, this, &HealthPage::refresh);
    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(m_checks);
    splitter->addWidget(m_balance);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(splitter, 1);
    setDatabase(nullptr);
}

HealthPage::~HealthPage()
{
    ++m_generation;
    if (m_thread)
        m_thread->wait();
}

void HealthPage::setDatabase(ProjectDatabase *db)
{
    m_location = db ? db->connectionText() : QString();
    m_report = {};
    m_checks->clear();
    m_balance->clear();
    m_refresh->setEnabled(db != nullptr);
    ++m_generation;
    if (!db) {
        m_status->setMessage(tr("No project open."));
        return;
    }
    // Checked when the tab is shown: decoding older projects' pictures and the grouping are not free, and nobody
    // reads the answer before.
    m_stale = true;
    if (isVisible())
        refresh();
    else
        m_status->setMessage(tr("The data set is checked when this tab is shown."));
}

void HealthPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_stale)
        refresh();
}

void HealthPage::refresh()
{
    if (m_location.isEmpty())
        return;
    if (m_thread) { // once the running one ends
        m_again = true;
        return;
    }
    m_stale = false;
    const int generation = ++m_generation;
    m_status->setMessage(tr("Checking the data set…"));
    const QString location = m_location;
    HealthPage *self = this;
    // A thread of its own, with a connection of its own (a connection belongs to the thread that opened it). The
    // destructor waits for it; answers are posted to this page's thread and dropped when stale.
    m_thread = QThread::create([self, location, generation] {
        QString error;
        HealthReport report;
        auto db =
            ProjectDatabase::open(location, ProjectDatabase::OpenMode::OpenExisting, QStringLiteral("health"), &error);
        if (db) {
            DatasetHealth::measureMissing(
                *db,
                [self, generation](qint64 done, qint64 total) {
                    QMetaObject::invokeMethod(
                        self, [self, done, total, generation] { self->showProgress(done, total, generation); },
                        Qt::QueuedConnection);
                },
                nullptr, &error);
            if (error.isEmpty())
                report = DatasetHealth::compute(*db, {}, &error);
        }
        QMetaObject::invokeMethod(
            self, [self, report, error, generation] { self->show(report, error, generation); }, Qt::QueuedConnection);
    });
    m_thread->setObjectName(QStringLiteral("health"));
    m_thread->start(QThread::LowPriority);
}

void HealthPage::finishThread()
{
    if (!m_thread)
        return;
    m_thread->wait();
    delete m_thread;
    m_thread = nullptr;
    if (m_again) {
        m_again = false;
        refresh();
    }
}

void HealthPage::showProgress(qint64 done, qint64 total, int generation)
{
    if (generation == m_generation)
        m_status->setMessage(tr("Measuring pictures imported by an older version: %1 of %2…").arg(done).arg(total));
}

void HealthPage::show(const HealthReport &report, const QString &error, int generation)
{
    const bool current = generation == m_generation;
    finishThread();
    if (!current) {
        if (!m_location.isEmpty() && !m_thread)
            refresh(); // the project changed while the old one was checked
        return;
    }
    if (!error.isEmpty()) {
        m_status->setMessage(tr("Cannot check the data set: %1").arg(error));
        return;
    }
    m_report = report;
    m_checks->clear();
    qsizetype flagged = 0;
    for (const HealthCheck &check : report.checks) {
        auto *item = new QTreeWidgetItem({check.name, QString::number(check.items.size()), check.description});
        item->setData(0, kIdRole, check.id);
        item->setTextAlignment(1, Qt::AlignRight | Qt::AlignVCenter);
        item->setToolTip(2, check.description);
        if (check.items.isEmpty())
            item->setDisabled(true);
        m_checks->addTopLevelItem(item);
        flagged += check.items.size();
    }
    m_balance->clear();
    m_balance->addTopLevelItem(balanceItem(tr("All (images and video frames)"), report.overall));
    auto *kinds = new QTreeWidgetItem({tr("By kind")});
    for (const BalanceRow &row : report.byKind)
        kinds->addChild(balanceItem(row.name, row.counts));
    auto *folders = new QTreeWidgetItem({tr("By source folder")});
    for (const BalanceRow &row : report.byFolder)
        folders->addChild(balanceItem(row.name, row.counts));
    m_balance->addTopLevelItems({kinds, folders});
    kinds->setExpanded(true);
    folders->setExpanded(true);
    m_status->setMessage(tr("%1 images and videos checked; click a check to see its items in the Label tab, worst "
                            "first.")
                             .arg(report.measured));
    Q_EMIT reportShown();
}

void HealthPage::openCheck(const QString &id)
{
    for (const HealthCheck &check : m_report.checks) {
        if (check.id != id || check.items.isEmpty())
            continue;
        m_labeling->showItems(check.items, tr("%1 · %n item(s), worst first · %2", nullptr, int(check.items.size()))
                                               .arg(check.name, check.description));
        Q_EMIT labelingRequested();
        return;
    }
}

} // namespace nsfw::ui
