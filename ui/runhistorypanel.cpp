#include "runhistorypanel.h"

#include "store/projectdatabase.h"
#include "train/automode.h"
#include "train/trainsettings.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace nsfw::ui {

namespace {
enum Column { Id, Started, Mode, Status, Epochs, Ap, Auc, Threshold, Settings, ColumnCount };

QString number(const QJsonValue &v, int decimals = 3)
{
    return v.isDouble() ? QString::number(v.toDouble(), 'f', decimals) : QStringLiteral("–");
}

QString statusText(const QString &status)
{
    if (status == QLatin1String("finished"))
        return RunHistoryPanel::tr("finished");
    if (status == QLatin1String("running"))
        return RunHistoryPanel::tr("running");
    if (status == QLatin1String("cancelled"))
        return RunHistoryPanel::tr("cancelled");
    if (status == QLatin1String("failed"))
        return RunHistoryPanel::tr("failed");
    return status;
}

QString modeText(const QJsonObject &settings)
{
    // Auto mode records the mode it chose, with what it tried under "auto".
    if (settings.contains(QStringLiteral("auto"))) {
        QJsonObject chosen = settings;
        chosen.remove(QStringLiteral("auto"));
        return RunHistoryPanel::tr("auto: %1").arg(modeText(chosen));
    }
    const QString mode = settings.value(QStringLiteral("mode")).toString();
    if (mode == QLatin1String("pretrained"))
        return RunHistoryPanel::tr("pretrained");
    if (mode == QLatin1String("head"))
        return RunHistoryPanel::tr("head");
    if (mode == QLatin1String("partial"))
        return RunHistoryPanel::tr("partial, %1 blocks").arg(settings.value(QStringLiteral("blocks")).toInt());
    if (mode == QLatin1String("full"))
        return RunHistoryPanel::tr("full");
    return mode;
}
} // namespace

RunHistoryPanel::RunHistoryPanel(QWidget *parent)
    : QWidget(parent)
    , m_tree(new QTreeWidget(this))
    , m_open(new QPushButton(tr("Open"), this))
    , m_compare(new QPushButton(tr("Compare two"), this))
{
    m_tree->setColumnCount(ColumnCount);
    m_tree->setHeaderLabels({tr("Run"), tr("Started"), tr("Retrained"), tr("Status"), tr("Best epoch"), tr("AP"),
                             tr("ROC AUC"), tr("Threshold"), tr("Settings")});
    m_tree->setRootIsDecorated(false);
    m_tree->setUniformRowHeights(true);
    m_tree->setAlternatingRowColors(true);
    m_tree->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_tree->header()->setStretchLastSection(true);
    m_tree->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    connect(m_tree, &QTreeWidget::itemSelectionChanged, this, &RunHistoryPanel::updateButtons);
    connect(m_tree, &QTreeWidget::itemActivated, this,
            [this](QTreeWidgetItem *item) { Q_EMIT openRequested(item->data(Id, Qt::UserRole).toLongLong()); });
    connect(m_open, &QPushButton::clicked, this, [this] {
        const QVector<qint64> runs = selectedRuns();
        if (!runs.isEmpty())
            Q_EMIT openRequested(runs.first());
    });
    connect(m_compare, &QPushButton::clicked, this, [this] {
        const QVector<qint64> runs = selectedRuns();
        if (runs.size() == 2)
            Q_EMIT compareRequested(runs.at(0), runs.at(1));
    });
    m_compare->setToolTip(tr("Select two runs (Ctrl+click) to draw the second one's precision-recall curve "
                             "beside the first one's"));

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(new QLabel(tr("Runs"), this), 1);
    buttons->addWidget(m_open);
    buttons->addWidget(m_compare);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(buttons);
    layout->addWidget(m_tree, 1);
    updateButtons();
}

void RunHistoryPanel::setDatabase(ProjectDatabase *db)
{
    m_db = db;
    m_shown = 0;
    reload();
}

QString RunHistoryPanel::describe(const RunRecord &run)
{
    QString text = tr("Run %1 · %2").arg(run.id).arg(modeText(run.settings));
    const QJsonValue ap = run.bestMetrics.value(QStringLiteral("ap"));
    if (ap.isDouble())
        text += QStringLiteral(" · ") + tr("AP %1").arg(ap.toDouble(), 0, 'f', 3);
    return text;
}

void RunHistoryPanel::reload()
{
    const QVector<qint64> selected = selectedRuns();
    m_tree->clear();
    if (!m_db)
        return;
    const QVector<RunRecord> runs = RunStore(*m_db).runs();
    QList<QTreeWidgetItem *> items;
    for (auto it = runs.crbegin(); it != runs.crend(); ++it) {
        const RunRecord &r = *it;
        auto *item = new QTreeWidgetItem;
        item->setData(Id, Qt::UserRole, r.id);
        item->setText(Id, QString::number(r.id));
        item->setText(Started, QLocale().toString(r.created.toLocalTime(), QLocale::ShortFormat));
        item->setText(Mode, modeText(r.settings));
        item->setText(Status, statusText(r.status));
        if (!r.error.isEmpty())
            item->setToolTip(Status, r.error);
        item->setText(Epochs, r.bestEpoch >= 0 ? QString::number(r.bestEpoch) : QStringLiteral("–"));
        item->setText(Ap, number(r.bestMetrics.value(QStringLiteral("ap"))));
        item->setText(Auc, number(r.bestMetrics.value(QStringLiteral("auc"))));
        item->setText(Threshold, QString::number(r.threshold, 'f', 3));
        const TrainSettings s = TrainSettings::fromJson(r.settings);
        const QString settings = s.mode == TrainSettings::Mode::Pretrained
                                     ? tr("validation %1").arg(s.validationFraction)
                                     : tr("%1 epochs, lr %2, batch %3, %4, validation %5")
                                           .arg(s.epochs)
                                           .arg(s.learningRate)
                                           .arg(s.batchSize)
                                           .arg(s.optimizer)
                                           .arg(s.validationFraction);
        item->setText(Settings, settings);
        item->setToolTip(Settings, QString::fromUtf8(QJsonDocument(r.settings).toJson(QJsonDocument::Indented)));
        if (const automode::Report report = automode::Report::fromJson(r.settings.value(QStringLiteral("auto")).toObject());
            !report.reason.isEmpty())
            item->setToolTip(Mode, tr("Auto mode chose %1").arg(report.reason));
        for (int c : {Id, Epochs, Ap, Auc, Threshold})
            item->setTextAlignment(c, Qt::AlignRight | Qt::AlignVCenter);
        items << item;
    }
    m_tree->addTopLevelItems(items);
    for (QTreeWidgetItem *item : items) {
        const qint64 id = item->data(Id, Qt::UserRole).toLongLong();
        if (selected.contains(id))
            item->setSelected(true);
    }
    setShownRun(m_shown);
    updateButtons();
}

void RunHistoryPanel::setShownRun(qint64 runId)
{
    m_shown = runId;
    for (int i = 0; i < m_tree->topLevelItemCount(); ++i) {
        QTreeWidgetItem *item = m_tree->topLevelItem(i);
        QFont f = item->font(Id);
        f.setBold(item->data(Id, Qt::UserRole).toLongLong() == runId);
        for (int c = 0; c < ColumnCount; ++c)
            item->setFont(c, f);
    }
}

int RunHistoryPanel::runCount() const
{
    return m_tree->topLevelItemCount();
}

QVector<qint64> RunHistoryPanel::selectedRuns() const
{
    QVector<qint64> runs;
    // In the list's order (newest first), so "compare" puts the newer run first.
    for (int i = 0; i < m_tree->topLevelItemCount(); ++i) {
        if (m_tree->topLevelItem(i)->isSelected())
            runs << m_tree->topLevelItem(i)->data(Id, Qt::UserRole).toLongLong();
    }
    return runs;
}

void RunHistoryPanel::updateButtons()
{
    const int n = int(selectedRuns().size());
    m_open->setEnabled(n == 1);
    m_compare->setEnabled(n == 2);
}

} // namespace nsfw::ui
