// Labels given while another writer holds the project's write lock (a CLI import, a second window): the
// window keeps turning its event loop, shows the labels as pending, and commits every one of them once the
// lock is released; closing the window with labels pending waits for them.
#include "gallery/gallerymodel.h"
#include "gallery/labelsession.h"
#include "gallerypanel.h"
#include "labelingpage.h"
#include "mainwindow.h"
#include "statuspanel.h"
#include "store/itemstore.h"
#include "store/projectdatabase.h"
#include "testsupport.h"

#include <QAbstractButton>
#include <QApplication>
#include <QElapsedTimer>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <atomic>
#include <thread>

using namespace nsfw;
using namespace nsfw::ui;

namespace {

// A stall the annotator would notice; far below the lock's hold time, which the window used to wait out. Generous,
// so a busy CI machine's scheduling does not fail the test.
constexpr double kStallMs = 250;

// Another writer: a connection of its own, in a thread of its own, that holds BEGIN IMMEDIATE for a while.
class WriteLockHolder
{
public:
    WriteLockHolder(const QString &path, int holdMs)
        : m_thread([this, path, holdMs] {
            const QString name = QStringLiteral("holder-%1").arg(quintptr(this));
            {
                QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
                db.setDatabaseName(path);
                if (db.open() && QSqlQuery(db).exec(QStringLiteral("BEGIN IMMEDIATE"))) {
                    m_locked = true;
                    std::this_thread::sleep_for(std::chrono::milliseconds(holdMs));
                    QSqlQuery(db).exec(QStringLiteral("COMMIT"));
                }
                m_locked = false;
                m_done = true;
                db.close();
            }
            QSqlDatabase::removeDatabase(name);
        })
    {
    }
    ~WriteLockHolder() { m_thread.join(); }
    bool locked() const { return m_locked; }
    bool done() const { return m_done; }

private:
    std::atomic<bool> m_locked{false};
    std::atomic<bool> m_done{false};
    std::thread m_thread;
};

using test::LatenessProbe;

using test::FileView;

} // namespace

class TestLabelContention : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_project;
    std::unique_ptr<MainWindow> m_window;

    LabelingPage *page() const { return m_window->labelingPage(); }
    QWidget *view() const { return page()->gallery()->view(); }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
        QSettings().setValue(QStringLiteral("annotator/name"), QStringLiteral("tester"));
        m_project = m_dir.filePath(QStringLiteral("contention.nwproj"));
        QStringList pictures = test::clipArt(30);
        {
            auto db = ProjectDatabase::open(m_project, ProjectDatabase::OpenMode::CreateNew, QStringLiteral("setup"),
                                            nullptr);
            QVERIFY(db);
            Transaction tx(*db);
            for (int i = 0; i < 30; ++i) {
                Item it;
                it.path = i < pictures.size() ? pictures.at(i) : m_dir.filePath(QStringLiteral("%1.png").arg(i));
                it.contentHash = QStringLiteral("%1").arg(i, 40, 16, QLatin1Char('0'));
                it.width = it.height = 64;
                QString error;
                QVERIFY2(ItemStore(*db).insert(it, &error) > 0, qPrintable(error));
            }
            QVERIFY(tx.commit());
        }
        m_window = std::make_unique<MainWindow>();
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        QVERIFY(m_window->openProject(m_project, false));
    }

    void labelsWhileAnotherWriterHoldsTheLock()
    {
        view()->setFocus();
        page()->gallery()->view()->setCurrentIndex(page()->model()->index(0));
        FileView file(m_project);
        WriteLockHolder holder(m_project, 2500);
        QTRY_VERIFY(holder.locked());
        LatenessProbe probe;
        probe.start();
        QElapsedTimer clock;
        clock.start();
        for (int i = 0; i < 5; ++i) {
            QTest::keyClick(view(), Qt::Key_S);
            QTest::qWait(50);
        }
        QVERIFY2(holder.locked(), "the keys took as long as the lock was held: the window was frozen");
        // The window moved on with every key and shows the labels, though none is in the file yet.
        QCOMPARE(page()->gallery()->view()->currentIndex().row(), 5);
        for (int r = 0; r < 5; ++r)
            QCOMPARE(page()->model()->index(r).data(GalleryModel::LabelRole).toInt(), int(Label::Safe));
        QCOMPARE(file.scalar(QStringLiteral("SELECT count(*) FROM label_history")).toInt(), 0);
        QVERIFY(probe.worstMs() < kStallMs);
        // Marked pending in the cells and the status bar until they are written.
        for (int r = 0; r < 5; ++r)
            QVERIFY(page()->model()->index(r).data(GalleryModel::PendingRole).toBool());
        QVERIFY(!page()->model()->index(5).data(GalleryModel::PendingRole).toBool());
        QCOMPARE(page()->session()->pendingCount(), 5);
        QVERIFY(m_window->statusPanel()->pendingText().contains(QLatin1String("5")));
        // The session's count in the status bar counts them (given is given, written or not yet).
        bool counted = false;
        for (QLabel *l : m_window->statusPanel()->findChildren<QLabel *>())
            counted = counted || l->text().startsWith(QLatin1String("Session: 5 label"));
        QVERIFY(counted);

        // Who gave them is who gave them, even if the name changes before they are written.
        page()->session()->setAnnotator(QStringLiteral("later"));

        // Released: every label is committed, in order, none lost, none twice.
        QTRY_VERIFY_WITH_TIMEOUT(holder.done(), 10000);
        QTRY_COMPARE_WITH_TIMEOUT(file.scalar(QStringLiteral("SELECT count(*) FROM items WHERE label = 0")).toInt(), 5, 3000);
        QCOMPARE(file.scalar(QStringLiteral("SELECT count(*) FROM label_history WHERE source = 'manual'")).toInt(), 5);
        QCOMPARE(file.scalar(QStringLiteral("SELECT count(*) FROM label_history WHERE annotator = 'tester'")).toInt(), 5);
        page()->session()->setAnnotator(QStringLiteral("tester"));
        QVERIFY2(probe.worstMs() < kStallMs,
                 qPrintable(QStringLiteral("the event loop stalled for %1 ms").arg(probe.worstMs())));
        QCOMPARE(m_window->statusPanel()->counts()[int(Label::Safe) + 1], 5);
        QCOMPARE(page()->session()->pendingCount(), 0);
        QVERIFY(m_window->statusPanel()->pendingText().isEmpty());
        QVERIFY(!page()->model()->index(0).data(GalleryModel::PendingRole).toBool());
        qInfo("worst event-loop lateness while the lock was held: %.1f ms over %d ticks", probe.worstMs(),
              probe.ticks());
    }

    void closingWithPendingLabelsWaitsForThem()
    {
        FileView file(m_project);
        const qint64 fifth = page()->model()->idAt(4);
        WriteLockHolder holder(m_project, 1500);
        QTRY_VERIFY(holder.locked());
        QTest::keyClick(view(), Qt::Key_Z, Qt::ControlModifier); // undoes the fifth label: pending
        QCOMPARE(page()->model()->index(4).data(GalleryModel::LabelRole).toInt(), int(Label::None));
        QCOMPARE(page()->session()->pendingCount(), 1);
        // Closing asks; "wait" keeps the window until the label is written, the event loop turning.
        QString asked;
        QTimer::singleShot(0, [&asked] {
            auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
            if (!box)
                return;
            asked = box->text();
            for (QAbstractButton *b : box->buttons()) {
                if (box->buttonRole(b) == QMessageBox::AcceptRole)
                    b->click();
            }
        });
        LatenessProbe probe;
        probe.start();
        m_window->close();
        QVERIFY(!asked.isEmpty());
        QVERIFY(holder.done());
        QVERIFY(!m_window->isVisible());
        QCOMPARE(file.scalar(QStringLiteral("SELECT count(*) FROM items WHERE label = 0")).toInt(), 4);
        QCOMPARE(
            file.scalar(
                QStringLiteral("SELECT count(*) FROM label_history WHERE item_id = %1 AND source = 'undo'").arg(fifth))
                .toInt(),
            1);
        QVERIFY2(probe.worstMs() < kStallMs,
                 qPrintable(QStringLiteral("the event loop stalled for %1 ms").arg(probe.worstMs())));
    }

    void cleanupTestCase() { m_window.reset(); }
};

QTEST_MAIN(TestLabelContention)
#include "tst_labelcontention.moc"
