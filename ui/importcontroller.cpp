#include "importcontroller.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QTableWidget>
#include <QThread>
#include <QVBoxLayout>

namespace nsfw::ui {

ImportController::ImportController(QWidget *statusArea, QObject *parent)
    : QObject(parent)
    , m_box(new QWidget(statusArea))
    , m_bar(new QProgressBar(m_box))
    , m_text(new QLabel(m_box))
    , m_cancel(new QPushButton(tr("Cancel"), m_box))
{
    qRegisterMetaType<ImportProgress>();
    qRegisterMetaType<ImportSummary>();
    auto *layout = new QHBoxLayout(m_box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_text);
    layout->addWidget(m_bar);
    layout->addWidget(m_cancel);
    m_bar->setMaximumWidth(220);
    m_cancel->setToolTip(tr("Stop after the current batch; what was imported stays"));
    connect(m_cancel, &QPushButton::clicked, this, &ImportController::cancel);
    m_box->hide();
}

ImportController::~ImportController()
{
    if (m_thread) {
        m_importer->cancel();
        m_thread->quit();
        m_thread->wait();
    }
}

bool ImportController::start(const QString &projectPath, const QStringList &paths, const QString &annotator)
{
    if (m_thread || paths.isEmpty())
        return false;
    ImportOptions options;
    options.paths = paths;
    options.annotator = annotator;
    m_importer = new Importer(projectPath, options);
    m_thread = new QThread(this);
    m_thread->setObjectName(QStringLiteral("import"));
    m_importer->moveToThread(m_thread);
    connect(m_thread, &QThread::started, m_importer, [importer = m_importer] { importer->run(); });
    connect(m_importer, &Importer::progress, this, &ImportController::onProgress, Qt::QueuedConnection);
    connect(
        m_importer, &Importer::committed, this, [this] { Q_EMIT committed(); }, Qt::QueuedConnection);
    connect(m_importer, &Importer::finished, this, &ImportController::onFinished, Qt::QueuedConnection);
    connect(m_thread, &QThread::finished, m_importer, &QObject::deleteLater);
    m_bar->setRange(0, 0); // busy until the walk has counted the files
    m_text->setText(tr("Importing…"));
    m_cancel->setEnabled(true);
    m_box->show();
    m_thread->start(QThread::LowPriority);
    return true;
}

void ImportController::cancel()
{
    if (m_importer) {
        m_importer->cancel();
        m_cancel->setEnabled(false);
        m_text->setText(tr("Cancelling…"));
    }
}

void ImportController::onProgress(const ImportProgress &p)
{
    if (p.walkDone) {
        m_bar->setRange(0, std::max(1, p.found));
        m_bar->setValue(p.processed);
    }
    if (m_cancel->isEnabled())
        m_text->setText(tr("Importing: %1 of %2 files, %3 new, %4 skipped")
                            .arg(p.processed)
                            .arg(p.found)
                            .arg(p.imported)
                            .arg(p.skipped));
}

void ImportController::onFinished(const ImportSummary &summary)
{
    m_last = summary;
    m_thread->quit();
    m_thread->wait();
    m_thread->deleteLater();
    m_thread = nullptr;
    m_importer = nullptr;
    m_box->hide();
    Q_EMIT message(ImportReportDialog::summaryText(summary));
    Q_EMIT finished(summary);
    if (m_showReport && (!summary.skipped.isEmpty() || !summary.error.isEmpty())) {
        auto *dialog = new ImportReportDialog(summary, m_box->window());
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->show();
    }
}

QString ImportReportDialog::summaryText(const ImportSummary &s)
{
    if (!s.error.isEmpty())
        return tr("Import failed: %1").arg(s.error);
    QString text = s.cancelled ? tr("Import cancelled: ") : tr("Import finished: ");
    text += tr("%n new item(s)", nullptr, s.imported);
    if (s.frames)
        text += tr(", %n video frame(s)", nullptr, s.frames);
    if (s.duplicates)
        text += tr(", %n duplicate(s)", nullptr, s.duplicates);
    if (s.relocated)
        text += tr(", %n moved file(s) found again", nullptr, s.relocated);
    if (!s.skipped.isEmpty())
        text += tr(", %n skipped", nullptr, int(s.skipped.size()));
    return text + tr(" (%1 s)").arg(s.seconds, 0, 'f', 1);
}

ImportReportDialog::ImportReportDialog(const ImportSummary &summary, QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Import report"));
    auto *layout = new QVBoxLayout(this);
    auto *text = new QLabel(summaryText(summary), this);
    text->setWordWrap(true);
    layout->addWidget(text);
    if (!summary.skipped.isEmpty()) {
        layout->addWidget(new QLabel(tr("These files were not imported:"), this));
        auto *table = new QTableWidget(int(summary.skipped.size()), 2, this);
        table->setObjectName(QStringLiteral("skippedTable"));
        table->setHorizontalHeaderLabels({tr("File"), tr("Reason")});
        table->verticalHeader()->hide();
        table->setEditTriggers(QAbstractItemView::NoEditTriggers);
        for (int i = 0; i < summary.skipped.size(); ++i) {
            table->setItem(i, 0, new QTableWidgetItem(QDir::toNativeSeparators(summary.skipped.at(i).path)));
            table->setItem(i, 1, new QTableWidgetItem(summary.skipped.at(i).reason));
        }
        table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Interactive);
        table->horizontalHeader()->setStretchLastSection(true);
        table->resizeColumnToContents(0);
        layout->addWidget(table, 1);
    }
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    resize(760, 420);
}

} // namespace nsfw::ui
