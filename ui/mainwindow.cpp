#include "mainwindow.h"

#include "common/appinfo.h"
#include "duplicatespage.h"
#include "healthpage.h"
#include "gallery/labelsession.h"
#include "importcontroller.h"
#include "labelingpage.h"
#include "onnxexportaction.h"
#include "settingsdialog.h"
#include "statuspanel.h"
#include "store/projectdatabase.h"
#include "store/projectwatcher.h"
#include "teampage.h"
#include "trainingpage.h"

#include <QAction>
#include <QCloseEvent>
#include <QDir>
#include <QDragEnterEvent>
#include <QEventLoop>
#include <QFileDialog>
#include <QInputDialog>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QProgressDialog>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabWidget>
#include <QTimer>

namespace nsfw::ui {

namespace {
constexpr int kMaxRecent = 8;
const QString kFileFilter = QStringLiteral("*.nwproj");

/// The project as the title bar names it: the file's name, or database@host:port (never the password).
QString titleOf(const ProjectLocation &where)
{
    if (!where.isServer())
        return QFileInfo(where.filePath()).fileName();
    // No host: libpq's default (a local socket, or PGHOST).
    QString text = where.databaseName() + QLatin1Char('@') +
                   (where.host().isEmpty() ? MainWindow::tr("local server") : where.host());
    if (where.port() > 0)
        text += QLatin1Char(':') + QString::number(where.port());
    return text;
}
} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_pages(new QTabWidget(this))
    , m_labeling(new LabelingPage(this))
    , m_training(new TrainingPage(m_labeling, this))
    , m_status(new StatusPanel(m_labeling->session(), this))
    , m_import(new ImportController(statusBar(), this))
    , m_importRefresh(new QTimer(this))
    , m_watcher(new ProjectWatcher(this))
{
    m_pages->setDocumentMode(true);
    m_pages->addTab(m_labeling, tr("Label"));
    addPage(m_training, tr("Train and review"));
    connect(this, &MainWindow::projectOpened, m_training, &TrainingPage::setDatabase);
    connect(m_training, &TrainingPage::labelingRequested, this, [this] { m_pages->setCurrentWidget(m_labeling); });
    connect(m_training, &TrainingPage::runEnded, this, [this] { m_status->recount(m_db.get()); });
    m_duplicates = new DuplicatesPage(m_labeling, this);
    addPage(m_duplicates, tr("Duplicates"));
    connect(this, &MainWindow::projectOpened, m_duplicates, &DuplicatesPage::setDatabase);
    connect(m_duplicates, &DuplicatesPage::labelingRequested, this, [this] { m_pages->setCurrentWidget(m_labeling); });
    connect(m_watcher, &ProjectWatcher::changed, m_duplicates, &DuplicatesPage::onProjectChanged);
    auto *health = new HealthPage(m_labeling, this);
    addPage(health, tr("Health"));
    connect(this, &MainWindow::projectOpened, health, &HealthPage::setDatabase);
    connect(health, &HealthPage::labelingRequested, this, [this] { m_pages->setCurrentWidget(m_labeling); });
    auto *team = new TeamPage(this);
    addPage(team, tr("Team"));
    connect(this, &MainWindow::projectOpened, team, &TeamPage::setDatabase);
    connect(m_labeling->session(), &LabelSession::labelsChanged, team, &TeamPage::labelsChanged);
    connect(m_watcher, &ProjectWatcher::changed, team, [team](const ProjectChanges &changes) {
        if (!changes.labelItems.isEmpty() || changes.items)
            team->labelsChanged();
    });
    setCentralWidget(m_pages);
    statusBar()->addWidget(m_import->progressWidget());
    statusBar()->addPermanentWidget(m_status);
    m_status->setAnnotator(defaultAnnotator());
    setAcceptDrops(true);
    createMenus();

    // New items show up while an import runs, at most twice a second.
    m_importRefresh->setSingleShot(true);
    m_importRefresh->setInterval(500);
    connect(m_importRefresh, &QTimer::timeout, this, [this] {
        m_labeling->refresh();
        m_status->recount(m_db.get());
    });
    connect(m_import, &ImportController::committed, this, [this] {
        if (!m_importRefresh->isActive())
            m_importRefresh->start();
    });
    connect(m_import, &ImportController::finished, this, &MainWindow::onImportFinished);
    // What the command line, a second window or this window's own worker threads commit shows up here.
    connect(m_watcher, &ProjectWatcher::changed, this, &MainWindow::onChangedElsewhere);
    connect(m_labeling, &LabelingPage::message, this,
            [this](const QString &text) { statusBar()->showMessage(text, 15000); });
    connect(m_import, &ImportController::message, this,
            [this](const QString &text) { statusBar()->showMessage(text, 15000); });
    resize(1500, 920);
    restoreGeometry(QSettings().value(QStringLiteral("window/geometry")).toByteArray());
}

MainWindow::~MainWindow()
{
    // Pages hold pointers to the connection: detach them before it closes.
    m_watcher->setDatabase(nullptr);
    m_training->setDatabase(nullptr);
    m_duplicates->setDatabase(nullptr);
    m_labeling->setDatabase(nullptr);
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(tr("&New project…"), QKeySequence::New, this, &MainWindow::newProject);
    file->addAction(tr("&Open project…"), QKeySequence::Open, this, &MainWindow::chooseProject);
    file->addAction(tr("Open &server project…"), this, &MainWindow::chooseServerProject);
    m_recentMenu = file->addMenu(tr("Open &recent"));
    connect(m_recentMenu, &QMenu::aboutToShow, this, &MainWindow::fillRecentMenu);
    file->addSeparator();
    file->addAction(tr("&Import files…"), QKeySequence(Qt::CTRL | Qt::Key_I), this, &MainWindow::importFilesDialog);
    file->addAction(tr("Import &folder…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_I), this,
                    &MainWindow::importFolderDialog);
    file->addSeparator();
    file->addAction((new OnnxExportAction(this))->action());
    file->addSeparator();
    file->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    edit->addAction(m_labeling->action(QStringLiteral("edit.undo")));
    edit->addAction(m_labeling->action(QStringLiteral("edit.redo")));
    edit->addSeparator();
    edit->addAction(tr("&Settings…"), QKeySequence::Preferences, this, &MainWindow::showSettings);

    QMenu *label = menuBar()->addMenu(tr("&Label"));
    for (const char *id : {"label.safe", "label.nsfw", "label.unsure", "label.clear", "label.video"})
        label->addAction(m_labeling->action(QString::fromLatin1(id)));
    label->addSeparator();
    auto *advance = label->addAction(tr("&Auto-advance"));
    advance->setCheckable(true);
    advance->setChecked(m_labeling->autoAdvance());
    connect(advance, &QAction::toggled, m_labeling, &LabelingPage::setAutoAdvance);
    connect(m_labeling, &LabelingPage::autoAdvanceChanged, advance, &QAction::setChecked);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    for (const char *id : {"nav.next", "nav.previous", "view.zoomIn", "view.zoomOut", "view.fit"})
        view->addAction(m_labeling->action(QString::fromLatin1(id)));
}

int MainWindow::addPage(QWidget *page, const QString &title)
{
    return m_pages->addTab(page, title);
}

bool MainWindow::openProject(const QString &path, bool create)
{
    if (m_import->isRunning()) {
        QMessageBox::information(this, tr("Import running"), tr("Wait for the import to finish, or cancel it."));
        return false;
    }
    if (m_db && !settleProject(false))
        return false;
    QString error;
    auto db = ProjectDatabase::open(
        path, create ? ProjectDatabase::OpenMode::CreateIfMissing : ProjectDatabase::OpenMode::OpenExisting,
        QStringLiteral("gui"), &error);
    if (!db) {
        QMessageBox::warning(this, tr("Cannot open project"), error);
        return false;
    }
    m_watcher->setDatabase(nullptr);
    m_labeling->setDatabase(nullptr);
    Q_EMIT projectOpened(nullptr);
    m_db = std::move(db);
    rememberRecent(m_db->displayName());
    setWindowTitle(tr("%1 - NSFW Workbench").arg(titleOf(m_db->location())));
    m_labeling->setDatabase(m_db.get());
    m_status->setAnnotator(m_labeling->session()->annotator());
    m_status->recount(m_db.get());
    Q_EMIT projectOpened(m_db.get());
    m_watcher->setDatabase(m_db.get());
    if (m_db->isServer() && !m_db->hasMediaRoot())
        askMediaRoot();
    return true;
}

void MainWindow::onChangedElsewhere(const ProjectChanges &changes)
{
    if (!m_db)
        return;
    if (!changes.labelItems.isEmpty())
        m_labeling->showLabelsFromElsewhere(changes.labelItems, changes.labels);
    if (changes.items)
        m_labeling->refresh();
    if (changes.runs) {
        m_training->reloadRuns();
        m_labeling->followLatestScores();
    }
    if (changes.items || !changes.labelItems.isEmpty())
        m_status->recount(m_db.get());
}

bool MainWindow::settleProject(bool quitting)
{
    if (m_training->isTraining()) {
        const auto answer = QMessageBox::question(
            this, tr("A run is training"),
            quitting ? tr("A training run is still in progress. Stop it and close the window?")
                     : tr("A training run is still in progress. Stop it and open the other project?"),
            QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel);
        if (answer != QMessageBox::Yes)
            return false;
        m_training->cancelTraining();
        if (!waitFor(tr("Stopping the run after the current batch…"), [this] { return !m_training->isTraining(); }))
            return false;
    }
    LabelSession *session = m_labeling->session();
    if (session->hasPending()) {
        session->flush(0);
        if (session->hasPending()) {
            const bool server = session->waitReason() == LabelSession::WaitReason::ServerAway;
            const int n = session->pendingCount();
            QMessageBox box(QMessageBox::Question, tr("Labels not saved yet"),
                            server ? tr("%n label(s) are not saved yet: the server of %1 cannot be reached. They are "
                                        "saved the moment it is back.",
                                        nullptr, n)
                                         .arg(m_db->displayName())
                                   : tr("%n label(s) are not saved yet: another program is writing to the project. "
                                        "They are saved the moment it lets go.",
                                        nullptr, n),
                            QMessageBox::NoButton, this);
            box.setInformativeText(quitting ? tr("Closing without them loses them.")
                                            : tr("Opening the other project without them loses them."));
            QPushButton *wait = box.addButton(tr("Wait for them"), QMessageBox::AcceptRole);
            // A server may stay away for hours: the user can leave, knowing what is lost.
            QPushButton *discard = box.addButton(quitting ? tr("Close and lose %n label(s)", nullptr, n)
                                                          : tr("Open and lose %n label(s)", nullptr, n),
                                                 QMessageBox::DestructiveRole);
            box.addButton(QMessageBox::Cancel);
            box.setDefaultButton(wait);
            box.exec();
            if (box.clickedButton() == discard) {
                session->discardPending();
                return true;
            }
            if (box.clickedButton() != wait)
                return false;
            if (!waitFor(server ? tr("Waiting for the server to come back and save the labels…")
                                : tr("Waiting for the project to save the labels…"),
                         [session] { return !session->hasPending(); }))
                return false;
        }
    }
    return true;
}

bool MainWindow::waitFor(const QString &text, const std::function<bool()> &done)
{
    if (done())
        return true;
    QProgressDialog progress(text, tr("Cancel"), 0, 0, this);
    progress.setWindowModality(Qt::WindowModal);
    progress.setMinimumDuration(300);
    QEventLoop loop;
    QTimer poll;
    poll.setInterval(20);
    connect(&poll, &QTimer::timeout, &loop, [&] {
        if (done())
            loop.quit();
    });
    connect(&progress, &QProgressDialog::canceled, &loop, &QEventLoop::quit);
    poll.start();
    loop.exec();
    return done();
}

void MainWindow::openLastProject()
{
    const QString last = QSettings().value(QStringLiteral("project/last")).toString();
    if (!last.isEmpty() && (ProjectLocation::isServerUrl(last) || QFileInfo::exists(last)) && openProject(last, false))
        return;
    // Beside the models: ~/.local/share/nsfw-workbench/default.nwproj.
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation)
        + QStringLiteral("/nsfw-workbench");
    QDir().mkpath(dir);
    openProject(dir + QStringLiteral("/default.nwproj"), true);
    // A server that was away at start-up stays the last project: the next start tries it again.
    if (ProjectLocation::isServerUrl(last))
        QSettings().setValue(QStringLiteral("project/last"), last);
}

void MainWindow::newProject()
{
    QString path = QFileDialog::getSaveFileName(this, tr("New project"), QDir::homePath(),
                                                tr("NSFW Workbench projects (%1)").arg(kFileFilter));
    if (path.isEmpty())
        return;
    if (!path.endsWith(QStringLiteral(".nwproj")))
        path += QStringLiteral(".nwproj");
    if (QFileInfo::exists(path)) {
        QMessageBox::warning(this, tr("Cannot create project"),
                             tr("%1 already exists. Open it, or choose another name.").arg(path));
        return;
    }
    openProject(path, true);
}

void MainWindow::chooseProject()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Open project"), QDir::homePath(),
                                                      tr("NSFW Workbench projects (%1)").arg(kFileFilter));
    if (!path.isEmpty())
        openProject(path, false);
}

void MainWindow::chooseServerProject()
{
    QSettings settings;
    bool ok = false;
    const QString url = QInputDialog::getText(
        this, tr("Open server project"),
        tr("PostgreSQL database (postgresql://user@host:port/dbname).\nThe password comes from ~/.pgpass or "
           "PGPASSFILE and is never stored by NSFW Workbench."),
        QLineEdit::Normal, settings.value(QStringLiteral("project/lastServer")).toString(), &ok).trimmed();
    if (!ok || url.isEmpty())
        return;
    QString error;
    const ProjectLocation location = ProjectLocation::parse(url, &error);
    if (!location.isValid() || !location.isServer()) {
        QMessageBox::warning(this, tr("Cannot open project"),
                             error.isEmpty() ? tr("%1 is not a postgresql:// URL.").arg(url) : error);
        return;
    }
    settings.setValue(QStringLiteral("project/lastServer"), location.text());
    // An empty database becomes a project only when the user says so (a mistyped name must not create tables).
    auto refusal = ProjectDatabase::Refusal::None;
    if (auto probe = ProjectDatabase::open(location, ProjectDatabase::OpenMode::OpenExisting, QStringLiteral("probe"),
                                           &error, &refusal);
        !probe && refusal == ProjectDatabase::Refusal::EmptyDatabase) {
        if (QMessageBox::question(this, tr("New server project"),
                                  tr("The database %1 is empty. Make it a new NSFW Workbench project?")
                                      .arg(location.text()))
            != QMessageBox::Yes)
            return;
        openProject(location.connectionText(), true);
        return;
    }
    openProject(location.connectionText(), false);
}

bool MainWindow::askMediaRoot()
{
    const QString current = m_db->mediaRoot();
    const QString why = current.isEmpty()
                            ? tr("Where are the media of %1 on this machine?\n\nThe project stores media paths "
                                 "relative to one folder; choose the folder that holds them here.")
                                  .arg(m_db->displayName())
                            : tr("The media folder of %1, %2, is not on this machine.\n\nChoose the folder that holds "
                                 "the project's media here.")
                                  .arg(m_db->displayName(), current);
    if (QMessageBox::question(this, tr("Media folder"), why, QMessageBox::Open | QMessageBox::Cancel)
        != QMessageBox::Open) {
        statusBar()->showMessage(tr("Media folder not mapped: pictures cannot be shown or imported."));
        return false;
    }
    const QString dir = QFileDialog::getExistingDirectory(this, tr("Media folder of %1").arg(m_db->displayName()),
                                                          QDir::homePath());
    QString error;
    if (dir.isEmpty() || !m_db->setMediaRoot(dir, &error)) {
        if (!error.isEmpty())
            QMessageBox::warning(this, tr("Media folder"), error);
        return false;
    }
    // Pictures and thumbnails are found from here on: show the project again with its paths resolved.
    m_labeling->setDatabase(nullptr);
    m_labeling->setDatabase(m_db.get());
    return true;
}

QStringList MainWindow::recentProjects()
{
    return QSettings().value(QStringLiteral("project/recent")).toStringList();
}

void MainWindow::rememberRecent(const QString &path)
{
    QSettings s;
    s.setValue(QStringLiteral("project/last"), path);
    QStringList recent = recentProjects();
    recent.removeAll(path);
    recent.prepend(path);
    while (recent.size() > kMaxRecent)
        recent.removeLast();
    s.setValue(QStringLiteral("project/recent"), recent);
}

void MainWindow::fillRecentMenu()
{
    m_recentMenu->clear();
    for (const QString &path : recentProjects()) {
        // "&" would be taken for a shortcut mark (a URL's "?sslmode=require&connect_timeout=5", a folder name).
        QString text = QDir::toNativeSeparators(path);
        text.replace(QLatin1Char('&'), QStringLiteral("&&"));
        QAction *a = m_recentMenu->addAction(text, this, [this, path] { openProject(path, false); });
        a->setEnabled(ProjectLocation::isServerUrl(path) || QFileInfo::exists(path));
    }
    if (m_recentMenu->isEmpty())
        m_recentMenu->addAction(tr("No recent projects"))->setEnabled(false);
}

bool MainWindow::importPaths(const QStringList &paths)
{
    if (!m_db || paths.isEmpty())
        return false;
    if (m_import->isRunning()) {
        statusBar()->showMessage(tr("An import is already running."), 5000);
        return false;
    }
    return m_import->start(m_db->connectionText(), paths, m_labeling->session()->annotator());
}

void MainWindow::importFilesDialog()
{
    const QString last = QSettings().value(QStringLiteral("import/lastDir"), QDir::homePath()).toString();
    const QStringList files = QFileDialog::getOpenFileNames(
        this, tr("Import images and videos"), last,
        tr("Images and videos (*.jpg *.jpeg *.png *.webp *.bmp *.tif *.tiff *.gif *.mp4 *.webm *.mkv *.avi *.mov);;"
           "All files (*)"));
    if (files.isEmpty())
        return;
    QSettings().setValue(QStringLiteral("import/lastDir"), QFileInfo(files.first()).absolutePath());
    importPaths(files);
}

void MainWindow::importFolderDialog()
{
    const QString last = QSettings().value(QStringLiteral("import/lastDir"), QDir::homePath()).toString();
    const QString dir = QFileDialog::getExistingDirectory(this, tr("Import a folder (with its subfolders)"), last);
    if (dir.isEmpty())
        return;
    QSettings().setValue(QStringLiteral("import/lastDir"), dir);
    importPaths({dir});
}

void MainWindow::onImportFinished(const ImportSummary &)
{
    m_importRefresh->stop();
    m_labeling->refresh();
    m_status->recount(m_db.get());
}

void MainWindow::showSettings()
{
    SettingsDialog dialog(this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const bool languageChanged = dialog.save();
    m_labeling->reloadSettings();
    m_duplicates->reloadSettings();
    m_status->setAnnotator(m_labeling->session()->annotator());
    if (languageChanged)
        QMessageBox::information(this, tr("Language"),
                                 tr("The new language applies when NSFW Workbench starts again."));
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    if (event->mimeData()->hasUrls() && m_db)
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent *event)
{
    QStringList paths;
    for (const QUrl &url : event->mimeData()->urls()) {
        if (url.isLocalFile())
            paths << url.toLocalFile();
    }
    // A dropped project file opens it; anything else is imported.
    if (paths.size() == 1 && paths.first().endsWith(QStringLiteral(".nwproj"))) {
        openProject(paths.first(), false);
    } else if (!paths.isEmpty()) {
        importPaths(paths);
    }
    event->acceptProposedAction();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (!settleProject(true)) {
        event->ignore();
        return;
    }
    if (m_import->isRunning())
        m_import->cancel(); // the destructor waits for the batch in flight
    QSettings().setValue(QStringLiteral("window/geometry"), saveGeometry());
    event->accept();
}

} // namespace nsfw::ui
