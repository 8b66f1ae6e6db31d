#pragma once

#include "media/importer.h"

#include <QMainWindow>

#include <functional>
#include <memory>

class QMenu;
class QTabWidget;

namespace nsfw {
class ProjectDatabase;
class ProjectWatcher;
struct ProjectChanges;
} // namespace nsfw

namespace nsfw::ui {

class DuplicatesPage;
class ImportController;
class LabelingPage;
class StatusPanel;
class TrainingPage;

/// The project window: menus, the pages (labeling now; training and review join as tabs), the status
/// bar, and the project's life cycle (new, open, recent, import, drag-and-drop).
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    /// Opens (or, with create, creates) a project; shows a message and returns false when refused.
    bool openProject(const QString &path, bool create);
    /// Reopens the last project, or creates the default one.
    void openLastProject();
    /// Imports files and folders into the open project in the background; false when busy or no project.
    bool importPaths(const QStringList &paths);

    ProjectDatabase *database() const { return m_db.get(); }
    LabelingPage *labelingPage() const { return m_labeling; }
    ImportController *importController() const { return m_import; }
    StatusPanel *statusPanel() const { return m_status; }
    TrainingPage *trainingPage() const { return m_training; }
    DuplicatesPage *duplicatesPage() const { return m_duplicates; }
    ProjectWatcher *watcher() const { return m_watcher; }
    /// Adds a page as a tab (the training and review pages of issue 7).
    int addPage(QWidget *page, const QString &title);
    QTabWidget *pages() const { return m_pages; }
    static QStringList recentProjects();

Q_SIGNALS:
    /// A project was opened (or closed: db is nullptr). Pages that need the file connect here.
    void projectOpened(nsfw::ProjectDatabase *db);

protected:
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;
    void closeEvent(QCloseEvent *event) override;

private:
    void createMenus();
    void newProject();
    void chooseProject();
    /// File > Open server project: a postgresql:// URL; an empty database is made a project when the user agrees.
    void chooseServerProject();
    /// A server project whose media root is not on this machine: asks for the folder (false when the user declined).
    bool askMediaRoot();
    void importFilesDialog();
    void importFolderDialog();
    void showSettings();
    void rememberRecent(const QString &path);
    void fillRecentMenu();
    void onImportFinished(const ImportSummary &summary);
    void onChangedElsewhere(const ProjectChanges &changes);
    /// Before the project is closed (quitting or opening another): asks to stop a training run and waits for
    /// labels still waiting for the write lock, the event loop turning. False when the user chose to stay.
    bool settleProject(bool quitting);
    /// Turns the event loop, with a cancellable progress dialog, until done() is true; false when cancelled.
    bool waitFor(const QString &text, const std::function<bool()> &done);

    std::unique_ptr<ProjectDatabase> m_db;
    QTabWidget *m_pages;
    LabelingPage *m_labeling;
    TrainingPage *m_training;
    DuplicatesPage *m_duplicates = nullptr;
    StatusPanel *m_status;
    ImportController *m_import;
    QMenu *m_recentMenu = nullptr;
    QTimer *m_importRefresh;
    ProjectWatcher *m_watcher;
};

} // namespace nsfw::ui
