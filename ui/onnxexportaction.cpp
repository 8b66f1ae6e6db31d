#include "onnxexportaction.h"

#include "mainwindow.h"
#include "model/modellocator.h"
#include "store/projectdatabase.h"
#include "store/runstore.h"
#include "train/onnxexport.h"
#include "trainingpage.h"

#include <QAction>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QMessageBox>
#include <QStandardPaths>
#include <QStatusBar>
#include <QtConcurrent/QtConcurrentRun>

namespace nsfw::ui {

OnnxExportAction::OnnxExportAction(MainWindow *window)
    : QObject(window)
    , m_window(window)
    , m_action(new QAction(tr("Export model as &ONNX…"), this))
{
    m_action->setObjectName(QStringLiteral("file.exportOnnx"));
    m_action->setStatusTip(tr("Write the run shown in Train and review (else the latest finished run, else the "
                              "pretrained model) as an ONNX file for ONNX Runtime, OpenCV and other runtimes"));
    connect(m_action, &QAction::triggered, this, &OnnxExportAction::chooseFile);
    connect(&m_watcher, &QFutureWatcher<QString>::finished, this, &OnnxExportAction::onDone);
}

QString OnnxExportAction::modelToExport(QString *what, qint64 *runId,
                                        std::vector<std::pair<QString, QString>> *metadata, QString *error) const
{
    *runId = 0;
    if (ProjectDatabase *db = m_window->database()) {
        RunStore runs(*db);
        qint64 id = m_window->trainingPage()->reviewedRun();
        std::optional<RunRecord> run = id > 0 ? runs.run(id) : std::nullopt;
        if (!run || run->checkpoint.isEmpty()) {
            id = runs.latestFinished();
            run = id > 0 ? runs.run(id) : std::nullopt;
        }
        const QString dir =
            run && !run->checkpoint.isEmpty() ? db->cacheDir() + QLatin1Char('/') + run->checkpoint : QString();
        if (!dir.isEmpty() && QFileInfo::exists(dir + QStringLiteral("/model.json"))) {
            *what = tr("run %1").arg(id);
            *runId = id;
            metadata->emplace_back(QStringLiteral("source"),
                                   QStringLiteral("fine-tuned: run %1 (from %2)").arg(id).arg(run->model));
            metadata->emplace_back(QStringLiteral("nsfw_threshold"), QString::number(run->threshold, 'g', 6));
            return dir;
        }
    }
    const QString dir = locateModel(QString(), error);
    if (!dir.isEmpty()) {
        *what = tr("the pretrained model");
        metadata->emplace_back(QStringLiteral("source"),
                               QStringLiteral("pretrained model %1").arg(QFileInfo(dir).fileName()));
    }
    return dir;
}

void OnnxExportAction::chooseFile()
{
    if (isRunning())
        return;
    QString what, error;
    qint64 runId = 0;
    std::vector<std::pair<QString, QString>> metadata;
    if (modelToExport(&what, &runId, &metadata, &error).isEmpty()) {
        QMessageBox::warning(m_window, tr("Export model as ONNX"), error);
        return;
    }
    const QString suggested = QDir(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation))
                                  .filePath(runId > 0 ? QStringLiteral("nsfw-run-%1.onnx").arg(runId)
                                                      : QStringLiteral("nsfw-pretrained.onnx"));
    // The dialog asks before it names an existing file; exportOnnx still replaces only a file this tool wrote.
    const QString file = QFileDialog::getSaveFileName(m_window, tr("Export %1 as ONNX").arg(what), suggested,
                                                      tr("ONNX models (*.onnx)"));
    if (!file.isEmpty())
        exportTo(file);
}

bool OnnxExportAction::exportTo(const QString &file)
{
    if (isRunning())
        return false;
    QString error;
    qint64 runId = 0;
    std::vector<std::pair<QString, QString>> metadata;
    const QString dir = modelToExport(&m_what, &runId, &metadata, &error);
    if (dir.isEmpty()) {
        Q_EMIT finished(false, error);
        return false;
    }
    m_file = file;
    m_action->setEnabled(false);
    m_window->statusBar()->showMessage(tr("Exporting %1 as ONNX…").arg(m_what));
    m_watcher.setFuture(QtConcurrent::run([dir, file, metadata] {
        QString message;
        return exportOnnx(dir, file, true, &message, metadata) ? QString() : message;
    }));
    return true;
}

void OnnxExportAction::onDone()
{
    m_action->setEnabled(true);
    const QString error = m_watcher.result();
    if (error.isEmpty()) {
        const QString message = tr("Wrote %1 as ONNX: %2").arg(m_what, QDir::toNativeSeparators(m_file));
        m_window->statusBar()->showMessage(message, 15000);
        Q_EMIT finished(true, message);
        return;
    }
    m_window->statusBar()->clearMessage();
    if (m_window->isVisible())
        QMessageBox::warning(m_window, tr("Export model as ONNX"), error);
    Q_EMIT finished(false, error);
}

} // namespace nsfw::ui
