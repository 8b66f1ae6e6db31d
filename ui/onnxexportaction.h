#pragma once

#include <QFutureWatcher>
#include <QObject>
#include <QString>

#include <utility>
#include <vector>

class QAction;

namespace nsfw::ui {

class MainWindow;

/// File > Export model as ONNX…: the run shown in the Train and review tab, else the project's latest finished run,
/// else the pretrained model, written as one ONNX file (core's exportOnnx) on a worker thread while the window stays
/// responsive. A file this tool did not write is never replaced.
class OnnxExportAction : public QObject
{
    Q_OBJECT

public:
    explicit OnnxExportAction(MainWindow *window);

    QAction *action() const { return m_action; }
    /// The model folder that would be exported now, how the window names it ("run 3", "the pretrained model") and
    /// the run (0: the pretrained model); an empty folder and *error when there is none.
    QString modelToExport(QString *what, qint64 *runId, std::vector<std::pair<QString, QString>> *metadata,
                          QString *error) const;
    /// Exports to `file` without asking (replacing a file this tool exported); false when one is running already or
    /// there is no model. finished() follows.
    bool exportTo(const QString &file);
    bool isRunning() const { return m_watcher.isRunning(); }

Q_SIGNALS:
    /// The export ended: ok, and the message shown (what was written, or why not).
    void finished(bool ok, const QString &message);

private:
    void chooseFile();
    void onDone();

    MainWindow *m_window;
    QAction *m_action;
    QFutureWatcher<QString> m_watcher; ///< the error, empty on success
    QString m_file;
    QString m_what;
};

} // namespace nsfw::ui
