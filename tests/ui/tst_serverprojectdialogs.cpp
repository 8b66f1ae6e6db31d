// Opening a server project from the window, with the real dialogs answered as a user would: a project whose media
// folder is not mapped on this machine asks for it (and works once answered, says what is missing when declined);
// File > Open server project takes a postgresql:// URL, makes an empty database a project only when the user agrees,
// refuses what is no server URL, and never shows or stores a password (title, recent projects, last project).
#include "gallery/gallerymodel.h"
#include "imagecanvas.h"
#include "labelingpage.h"
#include "mainwindow.h"
#include "media/importer.h"
#include "modaldialogs.h"
#include "store/projectdatabase.h"
#include "testsupport.h"
#include "viewerpanel.h"

#include <QDir>
#include <QFile>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QSettings>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

using namespace nsfw;
using namespace nsfw::ui;

namespace {

const QString kPassword = QStringLiteral("hunter2");

int tablesOn(const QString &url)
{
    static int n = 0;
    const QString name = QStringLiteral("dialogs-count-%1").arg(++n);
    int count = -1;
    {
        if (test::addPostgresConnection(url, name)) {
            QSqlQuery q(QSqlDatabase::database(name, false));
            if (q.exec(QStringLiteral("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")) && q.next())
                count = q.value(0).toInt();
        }
        QSqlDatabase::database(name, false).close();
    }
    QSqlDatabase::removeDatabase(name);
    return count;
}

QAction *findAction(QWidget *menuOwner, const QString &text)
{
    for (QAction *a : menuOwner->actions()) {
        if (a->text() == text)
            return a;
        if (a->menu()) {
            if (QAction *inner = findAction(a->menu(), text))
                return inner;
        }
    }
    return nullptr;
}

} // namespace

class TestServerProjectDialogs : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_media;
    QString m_url;
    QString m_key;  ///< this user's media root of the project (QSettings)
    QString m_file; ///< a project file, to open something else in between
    int m_items = 0;
    std::unique_ptr<MainWindow> m_window;
    test::ModalDialogs m_dialogs;

    /// The answer to "where are the media": the Open button, then the folder in the file dialog.
    void expectMediaRootChosen(const QString &folder)
    {
        m_dialogs.expect([](QDialog *box) { test::ModalDialogs::click(box, QMessageBox::Open); });
        m_dialogs.expect([folder](QDialog *dialog) {
            auto *files = qobject_cast<QFileDialog *>(dialog);
            if (!files) {
                dialog->reject();
                return;
            }
            // As a user does: goes to the folder and types its path in the name box (a selection in the view would
            // race with the file system model, which fills in the background).
            files->setDirectory(folder);
            if (auto *name = files->findChild<QLineEdit *>(QStringLiteral("fileNameEdit")))
                name->setText(folder);
            static_cast<QDialog *>(files)->accept(); // QFileDialog::accept, as its Choose button
        });
    }
    void expectUrlTyped(const QString &url)
    {
        m_dialogs.expect([url](QDialog *dialog) {
            auto *input = qobject_cast<QInputDialog *>(dialog);
            if (!input) {
                dialog->reject();
                return;
            }
            input->setTextValue(url);
            input->accept();
        });
    }
    QString urlWithPassword(const QString &url) const
    {
        QUrl u(url);
        u.setPassword(kPassword); // the test server trusts every local connection: any password is accepted
        return u.toString();
    }
    QAction *openServerAction() const
    {
        return findAction(m_window->menuBar(), MainWindow::tr("Open &server project…"));
    }
    bool canvasShowsPicture() const { return m_window->labelingPage()->viewer()->canvas()->hasPicture(); }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
        QSettings().setValue(QStringLiteral("annotator/name"), QStringLiteral("tester"));
        qunsetenv("NSFW_WORKBENCH_MEDIA_ROOT"); // the mapping comes from the user here
        NSFW_REQUIRE_BACKEND(QStringLiteral("postgresql"));
        const QStringList clips = test::clipArt(4, QStringLiteral("animals"));
        if (clips.size() < 4)
            NSFW_REQUIRE_SETUP("openclipart-png is not installed");
        m_media = m_dir.filePath(QStringLiteral("media"));
        QVERIFY(QDir().mkpath(m_media));
        for (int i = 0; i < clips.size(); ++i)
            QVERIFY(
                QFile::copy(clips.at(i), m_media + QStringLiteral("/%1-").arg(i) + QFileInfo(clips.at(i)).fileName()));
        QString error;
        m_url = test::freshPostgresDatabase(&error);
        QVERIFY2(!m_url.isEmpty(), qPrintable(error));
        {
            auto db =
                ProjectDatabase::open(m_url, ProjectDatabase::OpenMode::CreateNew, QStringLiteral("setup"), &error);
            QVERIFY2(db, qPrintable(error));
            QVERIFY(db->setMediaRoot(m_media, &error));
            m_key = QStringLiteral("mediaRoots/") + db->projectId();
        }
        ImportOptions options;
        options.paths = {m_media};
        const ImportSummary summary = Importer(m_url, options).run();
        QVERIFY2(summary.error.isEmpty(), qPrintable(summary.error));
        m_items = summary.imported;
        QVERIFY(m_items >= 3);
        // Another machine: it knows nothing of where the media are.
        QSettings().remove(m_key);
        m_file = m_dir.filePath(QStringLiteral("local.nwproj"));
        m_window = std::make_unique<MainWindow>();
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        QVERIFY(openServerAction());
    }

    void init() { m_dialogs.clear(); }
    void cleanup()
    {
        QVERIFY2(m_dialogs.unexpected().isEmpty(), qPrintable(m_dialogs.unexpected().join(u'\n')));
        QCOMPARE(m_dialogs.stepsLeft(), 0);
    }

    void decliningTheMediaFolderSaysWhatIsMissing()
    {
        QVERIFY(QSettings().value(m_key).isNull());
        m_dialogs.expect([](QDialog *box) { test::ModalDialogs::click(box, QMessageBox::Cancel); });
        QVERIFY(m_window->openProject(m_url, false));
        QCOMPARE(m_dialogs.seen().size(), 1);
        QVERIFY2(m_dialogs.seen().first().startsWith(QStringLiteral("Where are the media of ") + m_url),
                 qPrintable(m_dialogs.seen().first()));
        // The project is open, its items listed; what cannot work is said in the status bar, nothing is remembered.
        QCOMPARE(m_window->labelingPage()->model()->rowCount(), m_items);
        QVERIFY(!m_window->database()->hasMediaRoot());
        QVERIFY(QSettings().value(m_key).isNull());
        QVERIFY2(m_window->statusBar()->currentMessage().contains(QLatin1String("Media folder not mapped")),
                 qPrintable(m_window->statusBar()->currentMessage()));
        QTest::qWait(500);
        QVERIFY(!canvasShowsPicture()); // the picture is not found without its folder
    }

    void openingWithoutAMediaFolderAsksForIt()
    {
        expectMediaRootChosen(m_media);
        QVERIFY(m_window->openProject(m_url, false));
        QCOMPARE(m_dialogs.seen().size(), 2);
        QVERIFY(m_dialogs.seen().first().startsWith(QStringLiteral("Where are the media of ")));
        QCOMPARE(m_window->database()->mediaRoot(), m_media);
        QCOMPARE(QSettings().value(m_key).toString(), m_media); // remembered for this user
        // The pictures are found under it now.
        const QString path = m_window->labelingPage()->model()->index(0).data(GalleryModel::PathRole).toString();
        QVERIFY2(path.startsWith(m_media + QLatin1Char('/')) && QFileInfo::exists(path), qPrintable(path));
        QTRY_VERIFY_WITH_TIMEOUT(canvasShowsPicture(), 10000);
        // Opened again: no question.
        QVERIFY(m_window->openProject(m_url, false));
        QCOMPARE(m_dialogs.seen().size(), 2);
    }

    void aMediaFolderThatIsGoneIsAskedForAgain()
    {
        const QString gone = m_dir.filePath(QStringLiteral("moved-away"));
        QSettings().setValue(m_key, gone);
        expectMediaRootChosen(m_media);
        QVERIFY(m_window->openProject(m_url, false));
        QCOMPARE(m_dialogs.seen().size(), 2);
        QVERIFY2(m_dialogs.seen().first().contains(gone) &&
                     m_dialogs.seen().first().contains(QLatin1String("not on this machine")),
                 qPrintable(m_dialogs.seen().first()));
        QCOMPARE(QSettings().value(m_key).toString(), m_media);
    }

    void openServerProjectFromTheFileMenu()
    {
        QVERIFY(m_window->openProject(m_file, true));
        QVERIFY(!m_window->database()->isServer());
        // The password typed in the URL is used to connect, and shown or stored nowhere.
        expectUrlTyped(urlWithPassword(m_url));
        openServerAction()->trigger();
        QCOMPARE(m_dialogs.seen().size(), 1);
        QVERIFY(m_window->database()->isServer());
        QCOMPARE(m_window->database()->displayName(), m_url);
        const QString name = QUrl(m_url).path().mid(1);
        QVERIFY2(m_window->windowTitle().startsWith(name + QStringLiteral("@127.0.0.1:")),
                 qPrintable(m_window->windowTitle()));
        QCOMPARE(MainWindow::recentProjects().value(0), m_url);
        QCOMPARE(QSettings().value(QStringLiteral("project/last")).toString(), m_url);
        QCOMPARE(QSettings().value(QStringLiteral("project/lastServer")).toString(), m_url);
        QVERIFY(!m_window->windowTitle().contains(kPassword));
        for (const QString &recent : MainWindow::recentProjects())
            QVERIFY(!recent.contains(kPassword));
        QSettings().sync();
        QFile settingsFile(QSettings().fileName());
        QVERIFY(settingsFile.open(QIODevice::ReadOnly));
        QVERIFY(!settingsFile.readAll().contains(kPassword.toUtf8()));

        // The dialog offers the last server again (without the password).
        QString offered;
        m_dialogs.expect([&offered](QDialog *dialog) {
            if (auto *input = qobject_cast<QInputDialog *>(dialog))
                offered = input->textValue();
            dialog->reject();
        });
        openServerAction()->trigger();
        QCOMPARE(offered, m_url);
    }

    void theRecentMenuOpensServerProjects()
    {
        // Options in the URL: a "&" in it is shown as typed, not taken for a shortcut mark.
        const QString withOptions = m_url + QStringLiteral("?connect_timeout=5&application_name=nsfw_test");
        QVERIFY(m_window->openProject(withOptions, false));
        const QString remembered = m_window->database()->displayName();
        QVERIFY(remembered.contains(QLatin1Char('&')));
        QVERIFY(m_window->openProject(m_file, false));
        QCOMPARE(m_dialogs.seen().size(), 0);
        auto *recent = findAction(m_window->menuBar(), MainWindow::tr("Open &recent"));
        QVERIFY(recent && recent->menu());
        Q_EMIT recent->menu()->aboutToShow();
        QAction *entry = nullptr;
        QStringList shown;
        for (QAction *a : recent->menu()->actions()) {
            shown << a->iconText(); // the text without shortcut marks: what the menu shows
            if (a->iconText() == remembered)
                entry = a;
        }
        QVERIFY2(entry, qPrintable(shown.join(u'\n')));
        QVERIFY(entry->isEnabled());
        entry->trigger();
        QCOMPARE(m_window->database()->displayName(), remembered);
    }

    void anEmptyDatabaseBecomesAProjectOnlyWhenTheUserAgrees()
    {
        QString error;
        const QString empty = test::freshPostgresDatabase(&error);
        QVERIFY2(!empty.isEmpty(), qPrintable(error));
        const QString before = m_window->database()->displayName();
        expectUrlTyped(empty);
        m_dialogs.expect([](QDialog *box) { test::ModalDialogs::click(box, QMessageBox::No); });
        openServerAction()->trigger();
        QCOMPARE(m_dialogs.seen().size(), 2);
        QVERIFY2(m_dialogs.seen().at(1).contains(QLatin1String("is empty")), qPrintable(m_dialogs.seen().at(1)));
        QCOMPARE(tablesOn(empty), 0); // untouched
        QCOMPARE(m_window->database()->displayName(), before);

        m_dialogs.clear();
        expectUrlTyped(empty);
        m_dialogs.expect([](QDialog *box) { test::ModalDialogs::click(box, QMessageBox::Yes); });
        expectMediaRootChosen(m_media); // a new server project has no media folder anywhere yet
        openServerAction()->trigger();
        QCOMPARE(m_dialogs.seen().size(), 4);
        QCOMPARE(m_window->database()->displayName(), empty);
        QVERIFY(tablesOn(empty) > 0);
        QCOMPARE(m_window->database()->mediaRoot(), m_media);
        QCOMPARE(m_window->labelingPage()->model()->rowCount(), 0);
    }

    void whatIsNoServerUrlIsRefused()
    {
        const QString before = m_window->database()->displayName();
        expectUrlTyped(QStringLiteral("http://example.org/labels"));
        QString warning;
        m_dialogs.expect([&warning](QDialog *box) {
            warning = test::ModalDialogs::textOf(box);
            test::ModalDialogs::click(box, QMessageBox::Ok);
        });
        openServerAction()->trigger();
        QCOMPARE(m_dialogs.seen().size(), 2);
        QVERIFY2(warning.contains(QLatin1String("postgresql://")), qPrintable(warning));
        QCOMPARE(m_window->database()->displayName(), before);
    }

    void cleanupTestCase() { m_window.reset(); }
};

QTEST_MAIN(TestServerProjectDialogs)
#include "tst_serverprojectdialogs.moc"
