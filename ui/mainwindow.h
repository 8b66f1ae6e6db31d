#pragma once

#include <QMainWindow>

#include <memory>

class QLabel;

namespace nsfw {
class ProjectDatabase;
}

namespace nsfw::ui {

/// The project window.
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

private:
    void refreshStatus();

    std::unique_ptr<ProjectDatabase> m_db;
    QLabel *m_summary = nullptr;
};

} // namespace nsfw::ui
