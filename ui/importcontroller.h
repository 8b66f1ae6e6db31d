#pragma once

#include "media/importer.h"

#include <QDialog>
#include <QObject>
#include <QPointer>

class QLabel;
class QProgressBar;
class QPushButton;
class QThread;
class QWidget;

namespace nsfw::ui {

/// Runs an import on a worker thread (the Importer opens its own connection there) and shows its
/// progress in the status bar with a Cancel button. The window stays responsive throughout.
class ImportController : public QObject
{
    Q_OBJECT

public:
    /// The progress widgets are made children of statusArea (hidden while no import runs).
    explicit ImportController(QWidget *statusArea, QObject *parent = nullptr);
    ~ImportController() override;

    /// Starts importing paths into the project file; false when one is already running.
    bool start(const QString &projectPath, const QStringList &paths, const QString &annotator);
    bool isRunning() const { return m_thread != nullptr; }
    void cancel();
    /// Shows the report of skipped files after an import (default on; tests turn it off).
    void setShowReport(bool show) { m_showReport = show; }
    QWidget *progressWidget() const { return m_box; }
    ImportSummary lastSummary() const { return m_last; }

Q_SIGNALS:
    /// A batch was committed: new items are in the project.
    void committed();
    void finished(const nsfw::ImportSummary &summary);
    void message(const QString &text);

private:
    void onProgress(const ImportProgress &progress);
    void onFinished(const ImportSummary &summary);

    QWidget *m_box;
    QProgressBar *m_bar;
    QLabel *m_text;
    QPushButton *m_cancel;
    QThread *m_thread = nullptr;
    Importer *m_importer = nullptr;
    bool m_showReport = true;
    ImportSummary m_last;
};

/// The list of files an import skipped, with the reason for each.
class ImportReportDialog : public QDialog
{
    Q_OBJECT

public:
    ImportReportDialog(const ImportSummary &summary, QWidget *parent = nullptr);
    static QString summaryText(const ImportSummary &summary);
};

} // namespace nsfw::ui
