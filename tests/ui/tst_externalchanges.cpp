// The window sees what other writers (the CLI, a second window) put in the project: labels, imported items
// and runs appear within about a second in the counts, the gallery's badges, the history panel and the run
// list. Undo never overwrites a label someone else set after the one being undone.
#include "gallery/gallerymodel.h"
#include "gallerypanel.h"
#include "historypanel.h"
#include "labelingpage.h"
#include "mainwindow.h"
#include "runhistorypanel.h"
#include "statuspanel.h"
#include "store/itemstore.h"
#include "store/labelstore.h"
#include "store/projectdatabase.h"
#include "store/runlock.h"
#include "store/runstore.h"
#include "testsupport.h"
#include "trainingpage.h"

#include <QJsonObject>
#include <QSettings>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

using namespace nsfw;
using namespace nsfw::ui;

class TestExternalChanges : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_project;
    std::unique_ptr<MainWindow> m_window;
    std::unique_ptr<ProjectDatabase> m_other; // the other writer: a connection of its own
    QStringList m_pictures;
    int m_inserted = 0;

    LabelingPage *page() const { return m_window->labelingPage(); }
    GalleryModel *model() const { return page()->model(); }
    qint64 count(Label l) const { return m_window->statusPanel()->counts()[int(l) + 1]; }
    int labelShown(qint64 id) const
    {
        const int row = model()->rowOf(id);
        return row < 0 ? -2 : model()->index(row).data(GalleryModel::LabelRole).toInt();
    }

    qint64 insertItem(ProjectDatabase &db)
    {
        Item it;
        const int i = m_inserted++;
        it.path = i < m_pictures.size() ? m_pictures.at(i) : m_dir.filePath(QStringLiteral("%1.png").arg(i));
        it.contentHash = QStringLiteral("%1").arg(i, 40, 16, QLatin1Char('0'));
        it.width = it.height = 64;
        return ItemStore(db).insert(it, nullptr);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
        QSettings().setValue(QStringLiteral("annotator/name"), QStringLiteral("tester"));
        m_pictures = test::clipArt(20);
        m_project = m_dir.filePath(QStringLiteral("shared.nwproj"));
        m_other =
            ProjectDatabase::open(m_project, ProjectDatabase::OpenMode::CreateNew, QStringLiteral("other"), nullptr);
        QVERIFY(m_other);
        for (int i = 0; i < 10; ++i)
            QVERIFY(insertItem(*m_other) > 0);
        m_window = std::make_unique<MainWindow>();
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        QVERIFY(m_window->openProject(m_project, false));
        QCOMPARE(model()->rowCount(), 10);
        QCOMPARE(count(Label::None), 10);
    }

    void labelsFromAnotherWriterAppear()
    {
        const qint64 shown = page()->shownItem();
        QVERIFY(shown > 0);
        QCOMPARE(page()->history()->tree()->topLevelItemCount(), 1); // "Never labeled"
        QCOMPARE(LabelStore(*m_other).setLabel({shown, model()->idAt(3)}, Label::Nsfw, QStringLiteral("someone"),
                                               QStringLiteral("cli")),
                 2);
        QTRY_COMPARE_WITH_TIMEOUT(count(Label::Nsfw), 2, 1500);
        QCOMPARE(count(Label::None), 8);
        QCOMPARE(labelShown(shown), int(Label::Nsfw));
        QCOMPARE(labelShown(model()->idAt(3)), int(Label::Nsfw));
        QTreeWidget *history = page()->history()->tree();
        QTRY_COMPARE_WITH_TIMEOUT(history->topLevelItem(0)->text(3), QStringLiteral("someone"), 1500);
    }

    void importsFromAnotherWriterAppear()
    {
        {
            Transaction tx(*m_other);
            for (int i = 0; i < 3; ++i)
                QVERIFY(insertItem(*m_other) > 0);
            QVERIFY(tx.commit());
        }
        QTRY_COMPARE_WITH_TIMEOUT(model()->rowCount(), 13, 1500);
        QTRY_COMPARE_WITH_TIMEOUT(count(Label::None), 11, 1500);
    }

    void runsFromAnotherWriterAppear()
    {
        RunHistoryPanel *runs = m_window->trainingPage()->historyPanel();
        QCOMPARE(runs->runCount(), 0);
        QString error;
        RunLock lock(m_other->runLockPath());
        QVERIFY(lock.tryAcquire(&error));
        const qint64 run = RunStore(*m_other).create(QJsonObject{{QStringLiteral("mode"), QStringLiteral("head")}},
                                                     QStringLiteral("test"), lock, &error);
        QVERIFY2(run > 0, qPrintable(error));
        QTRY_COMPARE_WITH_TIMEOUT(runs->runCount(), 1, 1500);
        QVERIFY(RunStore(*m_other).finish(run, QStringLiteral("cancelled")));
    }

    void undoLeavesAnotherWritersLabel()
    {
        QWidget *view = page()->gallery()->view();
        view->setFocus();
        const int row = 5;
        const qint64 id = model()->idAt(row);
        page()->gallery()->view()->setCurrentIndex(model()->index(row));
        QTest::keyClick(view, Qt::Key_S); // A labels it safe
        QCOMPARE(LabelStore(*m_other).current(id), Label::Safe);
        // Someone else sets nsfw after it.
        QCOMPARE(LabelStore(*m_other).setLabel({id}, Label::Nsfw, QStringLiteral("someone"), QStringLiteral("cli")), 1);
        m_window->statusBar()->clearMessage();
        QTest::keyClick(view, Qt::Key_Z, Qt::ControlModifier);
        // Their label stays, in the file and in the window, and the window says why nothing was undone.
        QCOMPARE(LabelStore(*m_other).current(id), Label::Nsfw);
        const QVector<HistoryEntry> history = LabelStore(*m_other).history(id);
        QCOMPARE(history.size(), 2);
        QCOMPARE(history.last().annotator, QStringLiteral("someone"));
        QTRY_COMPARE_WITH_TIMEOUT(labelShown(id), int(Label::Nsfw), 1500);
        QVERIFY(!m_window->statusBar()->currentMessage().isEmpty());
    }

    void cleanupTestCase()
    {
        m_window.reset();
        m_other.reset();
    }
};

QTEST_MAIN(TestExternalChanges)
#include "tst_externalchanges.moc"
