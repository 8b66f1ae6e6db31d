#include "teampage.h"

#include "messagelabel.h"

#include "store/projectdatabase.h"
#include "store/teamlabels.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSplitter>
#include <QThread>
#include <QTimer>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace nsfw::ui {

namespace {

QString figure(const std::optional<double> &v)
{
    return v ? QString::number(*v, 'f', 3) : TeamPage::tr("undefined");
}

QString percent(const std::optional<double> &v)
{
    return v ? QStringLiteral("%1 %").arg(100.0 * *v, 0, 'f', 1) : QStringLiteral("–");
}

void alignRight(QTreeWidgetItem *item, int from)
{
    for (int column = from; column < item->columnCount(); ++column)
        item->setTextAlignment(column, Qt::AlignRight | Qt::AlignVCenter);
}

QTreeWidget *table(const QStringList &headers, QWidget *parent)
{
    auto *view = new QTreeWidget(parent);
    view->setColumnCount(int(headers.size()));
    view->setHeaderLabels(headers);
    view->setRootIsDecorated(false);
    view->header()->setStretchLastSection(false);
    view->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    for (int column = 1; column < headers.size(); ++column)
        view->header()->setSectionResizeMode(column, QHeaderView::ResizeToContents);
    return view;
}

} // namespace

TeamPage::TeamPage(QWidget *parent)
    : QWidget(parent)
    , m_debounce(new QTimer(this))
    , m_status(new MessageLabel(this))
    , m_refresh(new QPushButton(tr("&Refresh"), this))
    , m_summary(new QLabel(this))
    , m_labelling(new QLabel(this))
{
    m_pairs = table({tr("Pair of annotators"), tr("Items both labeled"), tr("Agreement"), tr("Cohen's kappa")}, this);
    m_annotators = table({tr("Annotator"), tr("Items labeled"), tr("In the overlap"), tr("Agrees with reference"),
                          tr("Labels per hour"), tr("Active hours")},
                         this);
    m_annotators->setToolTip(tr("Labels per hour: a pause of more than %1 minutes ends a session; labels taken from "
                                "folder names or CSV files are not counted.")
                                 .arg(agreement::kSessionGapMs / 60000));
    m_confusion = table({tr("Annotator said"), tr("Reference: %1").arg(labelDisplayName(Label::Safe)),
                         tr("Reference: %1").arg(labelDisplayName(Label::Nsfw)),
                         tr("Reference: %1").arg(labelDisplayName(Label::Unsure))},
                        this);
    m_confusion->setRootIsDecorated(true);
    m_confusion->setToolTip(tr("Each annotator's labels on the overlap (rows) against the item's current label, the "
                               "one training uses (columns)."));
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_labelling->setWordWrap(true);
    m_labelling->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_labelling->setToolTip(tr("nsfw-workbench team PROJECT rule consensus, then assign --annotators ... --overlap "
                               "0.1: each annotator labels their queue (Labeling: My queue), a reviewer settles the "
                               "disagreements (Labeling: Disagreements)"));

    m_debounce->setSingleShot(true);
    m_debounce->setInterval(1000);
    connect(m_debounce, &QTimer::timeout, this, [this] {
        if (isVisible())
            refresh();
        else
            m_stale = true;
    });

    auto *top = new QHBoxLayout;
    top->addWidget(m_status, 1);
    top->addWidget(m_refresh);
    connect(m_refresh, &QPushButton::clicked, this, &TeamPage::refresh);
    auto *right = new QSplitter(Qt::Vertical, this);
    right->addWidget(m_annotators);
    right->addWidget(m_confusion);
    right->setStretchFactor(0, 1);
    right->setStretchFactor(1, 2);
    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(m_pairs);
    splitter->addWidget(right);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_summary);
    layout->addWidget(m_labelling);
    layout->addWidget(splitter, 1);
    setDatabase(nullptr);
}

TeamPage::~TeamPage()
{
    ++m_generation;
    if (m_thread)
        m_thread->wait();
}

void TeamPage::setDatabase(ProjectDatabase *db)
{
    m_location = db ? db->connectionText() : QString();
    m_report = {};
    m_pairs->clear();
    m_annotators->clear();
    m_confusion->clear();
    m_summary->clear();
    m_refresh->setEnabled(db != nullptr);
    ++m_generation;
    if (!db) {
        m_status->setMessage(tr("No project open."));
        return;
    }
    m_stale = true;
    if (isVisible())
        refresh();
    else
        m_status->setMessage(tr("The agreement figures are computed when this tab is shown."));
}

void TeamPage::labelsChanged()
{
    if (!m_location.isEmpty())
        m_debounce->start();
}

void TeamPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_stale)
        refresh();
}

void TeamPage::refresh()
{
    if (m_location.isEmpty())
        return;
    if (m_thread) {
        m_again = true;
        return;
    }
    m_stale = false;
    const int generation = ++m_generation;
    if (m_report.annotators.isEmpty())
        m_status->setMessage(tr("Reading the label history…"));
    const QString location = m_location;
    TeamPage *self = this;
    // A connection belongs to the thread that opened it: the thread opens its own. The destructor waits for it.
    m_thread = QThread::create([self, location, generation] {
        QString error;
        agreement::Report report;
        Labelling labelling;
        auto db =
            ProjectDatabase::open(location, ProjectDatabase::OpenMode::OpenExisting, QStringLiteral("team"), &error);
        if (db)
            report = agreement::compute(*db, &error);
        if (db && error.isEmpty()) {
            TeamLabels team(*db);
            labelling.consensus = team.rule(&error).value_or(LabelRule::Latest) == LabelRule::Consensus;
            labelling.queues = team.queues(&error);
            labelling.disputed = int(team.reviewQueue(&error).size());
        }
        QMetaObject::invokeMethod(
            self, [self, report, labelling, error, generation] { self->show(report, labelling, error, generation); },
            Qt::QueuedConnection);
    });
    m_thread->setObjectName(QStringLiteral("team"));
    m_thread->start(QThread::LowPriority);
}

void TeamPage::finishThread()
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

void TeamPage::show(const agreement::Report &report, const Labelling &labelling, const QString &error, int generation)
{
    const bool current = generation == m_generation;
    finishThread();
    if (!current) {
        if (!m_location.isEmpty() && !m_thread && isVisible())
            refresh();
        return;
    }
    if (!error.isEmpty()) {
        m_status->setMessage(tr("Cannot compute the agreement: %1").arg(error));
        return;
    }
    m_report = report;
    m_status->setMessage(tr("%n annotator(s); %1 items labeled, %2 of them by two annotators or more (the overlap).",
                            nullptr, int(report.annotators.size()))
                             .arg(report.labeledItems)
                             .arg(report.overlapItems));
    if (report.overlapItems == 0) {
        m_summary->setText(tr("No item has labels of two annotators: there is no agreement to measure yet."));
    } else {
        m_summary->setText(
            tr("Percent agreement %1 (all annotators of an item agree on %2 of the items) · Fleiss' kappa %3 (the %4 "
               "items with %5 annotators each) · Krippendorff's alpha %6")
                .arg(percent(report.percentAgreement), percent(report.unanimous), figure(report.fleissKappa))
                .arg(report.fleissItems)
                .arg(report.fleissRaters)
                .arg(figure(report.krippendorffAlpha)));
    }
    QStringList queues;
    for (const auto &q : labelling.queues)
        queues << tr("%1 %2 of %3").arg(q.first).arg(q.second.second).arg(q.second.first);
    m_labelling->setText(
        (labelling.consensus ? tr("Label rule: consensus (training uses the adjudicated label, else the one all "
                                  "annotators give)")
                             : tr("Label rule: latest (training uses each item's latest label)"))
        + QStringLiteral(" · ")
        + (queues.isEmpty() ? tr("no queues") : tr("queues, labelled of assigned: %1").arg(queues.join(QStringLiteral(", "))))
        + QStringLiteral(" · ") + tr("%n item(s) wait for a reviewer", nullptr, labelling.disputed));
    m_pairs->clear();
    for (const agreement::PairAgreement &p : report.pairs) {
        auto *item = new QTreeWidgetItem({tr("%1 and %2").arg(p.first, p.second), QString::number(p.items),
                                          percent(p.observed), p.items == 0 ? QStringLiteral("–") : figure(p.kappa)});
        alignRight(item, 1);
        m_pairs->addTopLevelItem(item);
    }
    m_annotators->clear();
    m_confusion->clear();
    const Label categories[] = {Label::Safe, Label::Nsfw, Label::Unsure};
    for (const agreement::AnnotatorAgreement &a : report.perAnnotator) {
        auto *row =
            new QTreeWidgetItem({a.name, QString::number(a.labeled), QString::number(a.overlap), percent(a.accuracy),
                                 a.labelsPerHour ? QString::number(*a.labelsPerHour, 'f', 0) : QStringLiteral("–"),
                                 QString::number(a.activeHours, 'f', 2)});
        alignRight(row, 1);
        m_annotators->addTopLevelItem(row);
        auto *matrix = new QTreeWidgetItem({a.name});
        for (int r = 0; r < agreement::kCategories; ++r) {
            QStringList cells = {labelDisplayName(categories[r])};
            for (int c = 0; c < agreement::kCategories; ++c)
                cells << QString::number(a.confusion[size_t(r)][size_t(c)]);
            auto *line = new QTreeWidgetItem(cells);
            alignRight(line, 1);
            matrix->addChild(line);
        }
        m_confusion->addTopLevelItem(matrix);
        matrix->setExpanded(true);
    }
    Q_EMIT reportShown();
}

} // namespace nsfw::ui
