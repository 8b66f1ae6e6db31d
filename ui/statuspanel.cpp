#include "statuspanel.h"

#include "gallery/labelsession.h"
#include "gallerydelegate.h"
#include "store/itemstore.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QTimer>

namespace nsfw::ui {

StatusPanel::StatusPanel(LabelSession *session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_pending(new QLabel(this))
    , m_countsLabel(new QLabel(this))
    , m_rate(new QLabel(this))
    , m_annotator(new QLabel(this))
    , m_tick(new QTimer(this))
{
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(16);
    layout->addWidget(m_pending);
    layout->addWidget(m_countsLabel);
    m_pending->setStyleSheet(QStringLiteral("color: #e09a1e; font-weight: bold;"));
    m_pending->hide();
    connect(session, &LabelSession::pendingChanged, this, &StatusPanel::onPendingChanged);
    layout->addWidget(m_rate);
    layout->addWidget(m_annotator);
    m_rate->setToolTip(tr("Labels given in this session, per minute since the first one"));
    m_annotator->setToolTip(tr("Labels are recorded under this name (Settings)"));
    // Counts follow each label without a query: the session says what each item had before.
    connect(session, &LabelSession::labelsChanged, this, &StatusPanel::onLabelsChanged);
    m_tick->setInterval(5000); // the rate decays while the annotator pauses
    connect(m_tick, &QTimer::timeout, this, &StatusPanel::updateText);
    m_tick->start();
    updateText();
}

void StatusPanel::onPendingChanged(int count)
{
    m_pending->setText(pendingText());
    m_pending->setToolTip(
        m_session->waitReason() == LabelSession::WaitReason::ServerAway
            ? tr("The connection to the project's server is lost. These labels are shown already and are written the "
                 "moment it is back.")
            : tr("Another program (an import, the command line, a second window) is writing to the project. These "
                 "labels are shown already and are saved the moment it lets go."));
    m_pending->setVisible(count > 0);
    // A recount while labels waited read the file without them: count again now that they are in it.
    if (count == 0 && m_db)
        recount(m_db);
}

QString StatusPanel::pendingText() const
{
    const int n = m_session->pendingCount();
    if (n == 0)
        return {};
    if (m_session->waitReason() == LabelSession::WaitReason::ServerAway)
        return tr("Server unreachable: %n label(s) waiting; they are written when it is back", nullptr, n);
    return tr("%n label(s) waiting to be saved", nullptr, n);
}

void StatusPanel::recount(ProjectDatabase *db)
{
    m_db = db;
    m_counts = {};
    if (db) {
        const ItemStore::Stats stats = ItemStore(*db).stats();
        for (Label l : {Label::None, Label::Safe, Label::Nsfw, Label::Unsure})
            m_counts[int(l) + 1] = stats.count(l);
    }
    updateText();
}

void StatusPanel::setAnnotator(const QString &name)
{
    m_annotator->setText(tr("Annotator: <b>%1</b>").arg(name.toHtmlEscaped()));
}

void StatusPanel::onLabelsChanged(const QVector<qint64> &ids, const QVector<Label> &labels,
                                  const QVector<Label> &previous)
{
    for (int i = 0; i < ids.size() && i < labels.size() && i < previous.size(); ++i) {
        --m_counts[int(previous.at(i)) + 1];
        ++m_counts[int(labels.at(i)) + 1];
    }
    updateText();
}

QString StatusPanel::countsText() const
{
    QStringList parts;
    for (Label l : {Label::Safe, Label::Nsfw, Label::Unsure, Label::None})
        parts << QStringLiteral("<span style='color:%1'>■</span> %2 %3")
                     .arg(GalleryDelegate::labelColor(int(l)).name(), labelDisplayName(l).toHtmlEscaped())
                     .arg(m_counts[int(l) + 1]);
    return parts.join(QStringLiteral("&nbsp;&nbsp;"));
}

void StatusPanel::updateText()
{
    m_countsLabel->setText(countsText());
    m_rate->setText(tr("Session: %n label(s), %1/min", nullptr, m_session->sessionLabels())
                        .arg(m_session->labelsPerMinute(), 0, 'f', 1));
}

} // namespace nsfw::ui
