#include "mainwindow.h"

#include "store/itemstore.h"
#include "store/projectdatabase.h"

#include <QDir>
#include <QLabel>
#include <QMessageBox>
#include <QSettings>
#include <QStandardPaths>

namespace nsfw::ui {

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_summary(new QLabel(this))
{
    m_summary->setAlignment(Qt::AlignCenter);
    setCentralWidget(m_summary);
    resize(1200, 800);
}

MainWindow::~MainWindow() = default;

bool MainWindow::openProject(const QString &path, bool create)
{
    QString error;
    auto db = ProjectDatabase::open(path, create ? ProjectDatabase::OpenMode::CreateIfMissing
                                                 : ProjectDatabase::OpenMode::OpenExisting,
                                    QStringLiteral("gui"), &error);
    if (!db) {
        QMessageBox::warning(this, tr("Cannot open project"), error);
        return false;
    }
    m_db = std::move(db);
    QSettings().setValue(QStringLiteral("project/last"), m_db->filePath());
    setWindowTitle(tr("%1 - NSFW Workbench").arg(QFileInfo(m_db->filePath()).fileName()));
    refreshStatus();
    return true;
}

void MainWindow::openLastProject()
{
    const QString last = QSettings().value(QStringLiteral("project/last")).toString();
    if (!last.isEmpty() && QFileInfo::exists(last) && openProject(last, false))
        return;
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    QDir().mkpath(dir);
    openProject(dir + QStringLiteral("/default.nwproj"), true);
}

void MainWindow::refreshStatus()
{
    if (!m_db)
        return;
    const ItemStore::Stats stats = ItemStore(*m_db).stats();
    m_summary->setText(tr("%n item(s)", nullptr, static_cast<int>(stats.total())));
}

} // namespace nsfw::ui
