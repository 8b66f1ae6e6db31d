// The labeling window end to end, with real widgets (offscreen): create a project, import real clip art and
// a test-written video through the window's import path, label by key presses, and check every result in
// the SQLite file.
#include "gallery/gallerymodel.h"
#include "gallery/labelsession.h"
#include "gallery/pictureloader.h"
#include "gallery/thumbnailprovider.h"
#include "gallerypanel.h"
#include "imagecanvas.h"
#include "importcontroller.h"
#include "labelingpage.h"
#include "mainwindow.h"
#include "settingsdialog.h"
#include "statuspanel.h"
#include "store/projectdatabase.h"
#include "testsupport.h"
#include "train/trainingsession.h"
#include "trainingpage.h"
#include "trainsettingspanel.h"
#include "viewerpanel.h"

#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QMimeData>
#include <QSettings>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

using namespace nsfw;
using namespace nsfw::ui;

namespace {

using test::FileView;

} // namespace

class TestWorkbench : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_project;
    std::unique_ptr<MainWindow> m_window;
    QStringList m_clips;

    LabelingPage *page() const { return m_window->labelingPage(); }
    GalleryModel *model() const { return page()->model(); }
    QWidget *galleryView() const { return page()->gallery()->view(); }
    qint64 currentId() const { return model()->idAt(page()->gallery()->view()->currentIndex().row()); }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
        QSettings().setValue(QStringLiteral("annotator/name"), QStringLiteral("tester"));
        m_clips = test::clipArt(12, QStringLiteral("animals"));
        if (m_clips.size() < 12)
            NSFW_REQUIRE_SETUP("openclipart-png is not installed");
        m_project = m_dir.filePath(QStringLiteral("workbench.nwproj"));
    }

    void createProjectAndImport()
    {
        m_window = std::make_unique<MainWindow>();
        m_window->importController()->setShowReport(false);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        QVERIFY(m_window->openProject(m_project, /*create=*/true));
        QVERIFY(QFileInfo::exists(m_project));
        QCOMPARE(model()->rowCount(), 0);

        const QString video = m_dir.filePath(QStringLiteral("clip.mp4"));
        QVERIFY(test::writeTestVideo(video, 50, 10)); // 5 s: 5 sampled frames
        // A broken file under an image name: reported as skipped, with a reason.
        QFile broken(m_dir.filePath(QStringLiteral("broken.png")));
        QVERIFY(broken.open(QIODevice::WriteOnly));
        broken.write("not a picture");
        broken.close();

        QSignalSpy finished(m_window->importController(), &ImportController::finished);
        QVERIFY(m_window->importPaths(m_clips + QStringList{video, broken.fileName()}));
        QVERIFY(m_window->importController()->isRunning());
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 60000);
        const ImportSummary summary = m_window->importController()->lastSummary();
        QCOMPARE(summary.skipped.size(), 1);
        QVERIFY(!summary.skipped.first().reason.isEmpty());

        FileView file(m_project);
        const int images = file.count(QStringLiteral("kind = 0"));
        QVERIFY(images >= 10);
        QCOMPARE(file.count(QStringLiteral("kind = 1")), 1);
        QCOMPARE(file.count(QStringLiteral("kind = 2")), 5);
        // The gallery shows images and videos (frames live in the video's timeline).
        QCOMPARE(model()->rowCount(), images + 1);
        QVERIFY(page()->shownItem() > 0);
    }

    void labelByKeysWithAutoAdvance()
    {
        galleryView()->setFocus();
        QVERIFY(page()->autoAdvance());
        page()->gallery()->view()->setCurrentIndex(model()->index(0));
        const qint64 first = model()->idAt(0), second = model()->idAt(1), third = model()->idAt(2);
        QCOMPARE(page()->shownItem(), first);
        QTest::keyClick(galleryView(), Qt::Key_S);
        QCOMPARE(currentId(), second); // advanced
        QCOMPARE(page()->shownItem(), second);
        QTest::keyClick(galleryView(), Qt::Key_N);
        QTest::keyClick(galleryView(), Qt::Key_U);
        QCOMPARE(currentId(), model()->idAt(3));
        FileView file(m_project);
        QCOMPARE(file.label(first), QStringLiteral("safe"));
        QCOMPARE(file.label(second), QStringLiteral("nsfw"));
        QCOMPARE(file.label(third), QStringLiteral("unsure"));
        QCOMPARE(
            file.scalar(QStringLiteral("SELECT annotator FROM label_history WHERE item_id = ?"), {first}).toString(),
            QStringLiteral("tester"));
        // Navigation keys, then clearing with Backspace.
        QTest::keyClick(galleryView(), Qt::Key_A);
        QTest::keyClick(galleryView(), Qt::Key_Left);
        QCOMPARE(currentId(), second);
        QTest::keyClick(galleryView(), Qt::Key_Backspace);
        QCOMPARE(file.label(second), QString());
        QCOMPARE(currentId(), third);
        QCOMPARE(page()->gallery()->view()->currentIndex().data(GalleryModel::LabelRole).toInt(), int(Label::Unsure));
        // The status bar counts follow.
        QCOMPARE(m_window->statusPanel()->counts()[int(Label::Safe) + 1], 1);
        QCOMPARE(m_window->statusPanel()->counts()[int(Label::Unsure) + 1], 1);
    }

    void undoAndRedo()
    {
        const qint64 second = model()->idAt(1);
        FileView file(m_project);
        QTest::keyClick(galleryView(), Qt::Key_Z, Qt::ControlModifier); // undoes the clear of the second
        QCOMPARE(file.label(second), QStringLiteral("nsfw"));
        QCOMPARE(currentId(), second); // undo shows the item it changed
        QTest::keyClick(galleryView(), Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
        QCOMPARE(file.label(second), QString());
        // Both are entries of the history: nothing is erased.
        QCOMPARE(file.scalar(QStringLiteral("SELECT group_concat(source) FROM (SELECT source FROM label_history "
                                            "WHERE item_id = ? ORDER BY id)"),
                             {second})
                     .toString(),
                 QStringLiteral("manual,manual,undo,redo"));
    }

    void filterByLabel()
    {
        page()->gallery()->labelButton(Label::None)->click();
        page()->gallery()->labelButton(Label::Unsure)->click();
        page()->gallery()->labelButton(Label::Nsfw)->click();
        QCOMPARE(model()->rowCount(), 1); // safe only
        QCOMPARE(model()->index(0).data(GalleryModel::LabelRole).toInt(), int(Label::Safe));
        for (Label l : {Label::None, Label::Unsure, Label::Nsfw})
            page()->gallery()->labelButton(l)->click();
        page()->gallery()->labelButton(Label::Safe)->click();
        FileView file(m_project);
        QCOMPARE(model()->rowCount(), file.count(QStringLiteral("kind <> 2 AND (label IS NULL OR label <> 0)")));
        page()->gallery()->labelButton(Label::Safe)->click();
        // By kind: videos only.
        page()->gallery()->kindCombo()->setCurrentIndex(
            page()->gallery()->kindCombo()->findData(QStringLiteral("video")));
        QCOMPARE(model()->rowCount(), 1);
        page()->gallery()->kindCombo()->setCurrentIndex(0);
    }

    void multiSelectAndLabel()
    {
        auto *view = page()->gallery()->view();
        view->setFocus();
        const int a = 4, b = 7;
        // Click one cell, Shift+click another, Ctrl+click a third.
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->visualRect(model()->index(a)).center());
        QTest::mouseClick(view->viewport(), Qt::LeftButton, Qt::ShiftModifier,
                          view->visualRect(model()->index(b)).center());
        QTest::mouseClick(view->viewport(), Qt::LeftButton, Qt::ControlModifier,
                          view->visualRect(model()->index(9)).center());
        QCOMPARE(view->selectionModel()->selectedIndexes().size(), 5);
        QTest::keyClick(view, Qt::Key_N);
        FileView file(m_project);
        for (int r : {4, 5, 6, 7, 9})
            QCOMPARE(file.label(model()->idAt(r)), QStringLiteral("nsfw"));
        QCOMPARE(file.label(model()->idAt(8)), QString());
        QCOMPARE(view->selectionModel()->selectedIndexes().size(), 5); // no advance for a selection
        // Select all, undo restores each item's own previous label.
        QTest::keyClick(view, Qt::Key_A, Qt::ControlModifier);
        QCOMPARE(view->selectionModel()->selectedIndexes().size(), model()->rowCount());
        QTest::keyClick(view, Qt::Key_S);
        QCOMPARE(file.count(QStringLiteral("kind <> 2 AND label = 0")), model()->rowCount());
        QTest::keyClick(view, Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(file.label(model()->idAt(5)), QStringLiteral("nsfw"));
        QCOMPARE(file.label(model()->idAt(8)), QString());
    }

    void labelVideoFrameRange()
    {
        const int videoRow = [this] {
            for (int r = 0; r < model()->rowCount(); ++r) {
                if (model()->index(r).data(GalleryModel::KindRole).toInt() == int(ItemKind::Video))
                    return r;
            }
            return -1;
        }();
        QVERIFY(videoRow >= 0);
        const qint64 videoId = model()->idAt(videoRow);
        auto *view = page()->gallery()->view();
        view->setCurrentIndex(model()->index(videoRow));
        QCOMPARE(page()->viewer()->timelineVideo(), videoId);
        GalleryModel *frames = page()->viewer()->timelineModel();
        QCOMPARE(frames->rowCount(), 5);
        auto *strip = page()->viewer()->timeline();
        QTRY_VERIFY(strip->isVisible());
        // Click frame 1, Shift+click frame 3, press N: frames 1-3 nsfw.
        QTest::mouseClick(strip->viewport(), Qt::LeftButton, {}, strip->visualRect(frames->index(1)).center());
        QTest::mouseClick(strip->viewport(), Qt::LeftButton, Qt::ShiftModifier,
                          strip->visualRect(frames->index(3)).center());
        QTest::keyClick(strip, Qt::Key_N);
        FileView file(m_project);
        QCOMPARE(file.label(frames->idAt(0)), QString());
        for (int r = 1; r <= 3; ++r)
            QCOMPARE(file.label(frames->idAt(r)), QStringLiteral("nsfw"));
        QCOMPARE(file.label(frames->idAt(4)), QString());
        // One frame by key with auto-advance inside the strip.
        QTest::mouseClick(strip->viewport(), Qt::LeftButton, {}, strip->visualRect(frames->index(0)).center());
        QTest::keyClick(strip, Qt::Key_S);
        QCOMPARE(file.label(frames->idAt(0)), QStringLiteral("safe"));
        QCOMPARE(strip->currentIndex().row(), 1);
        QCOMPARE(page()->shownItem(), frames->idAt(1));
        // The whole video: the video and all its frames.
        page()->labelWholeVideo(Label::Unsure);
        QCOMPARE(file.label(videoId), QStringLiteral("unsure"));
        QCOMPARE(file.count(QStringLiteral("kind = 2 AND label = 2")), 5);
    }

    void dropImportsAndSettingsApply()
    {
        // Files dropped on the window are imported.
        const QStringList more = test::clipArt(3, QStringLiteral("food"));
        QVERIFY(!more.isEmpty());
        auto *mime = new QMimeData;
        QList<QUrl> urls;
        for (const QString &f : more)
            urls << QUrl::fromLocalFile(f);
        mime->setUrls(urls);
        QSignalSpy finished(m_window->importController(), &ImportController::finished);
        const int before = model()->rowCount();
        // Qt delivers a drop to the widget that accepted the drag's entry.
        QDragEnterEvent enter(QPoint(50, 50), Qt::CopyAction, mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(m_window.get(), &enter);
        QVERIFY(enter.isAccepted());
        QDropEvent drop(QPointF(50, 50), Qt::CopyAction, mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(m_window.get(), &drop);
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 30000);
        QTRY_VERIFY(model()->rowCount() > before);
        delete mime;

        // A new annotator name from the settings is what the next label records.
        SettingsDialog dialog(m_window.get());
        dialog.annotatorEdit()->setText(QStringLiteral("Erika"));
        dialog.save();
        page()->reloadSettings();
        auto *view = page()->gallery()->view();
        view->setFocus();
        view->setCurrentIndex(model()->index(model()->rowCount() - 1));
        const qint64 last = currentId();
        QTest::keyClick(view, Qt::Key_U);
        FileView file(m_project);
        QCOMPARE(file.scalar(QStringLiteral("SELECT annotator FROM label_history WHERE item_id = ? ORDER BY id DESC"),
                             {last})
                     .toString(),
                 QStringLiteral("Erika"));
    }

    void wellbeingCoversAndRevealKeyUncovers()
    {
        auto *view = page()->gallery()->view();
        view->setFocus();
        // An unlabeled image: covered by default.
        int row = -1;
        for (int r = 0; r < model()->rowCount(); ++r) {
            if (model()->index(r).data(GalleryModel::LabelRole).toInt() == int(Label::None) &&
                model()->index(r).data(GalleryModel::KindRole).toInt() == int(ItemKind::Image)) {
                row = r;
                break;
            }
        }
        QVERIFY(row >= 0);
        view->scrollTo(model()->index(row));
        const QRect cell = view->visualRect(model()->index(row));
        // Wait until the thumbnail is in memory (the cell shows more than the placeholder).
        QTRY_VERIFY_WITH_TIMEOUT(
            page()->thumbnails()->contains(model()->index(row).data(GalleryModel::CacheKeyRole).toString()), 10000);
        QCursor::setPos(m_window->mapToGlobal(QPoint(0, 0))); // not hovering the cell
        const QImage covered = view->viewport()->grab(cell).toImage();
        QTest::keyPress(view, Qt::Key_Space);
        const QImage revealed = view->viewport()->grab(cell).toImage();
        QTest::keyRelease(view, Qt::Key_Space);
        const QImage again = view->viewport()->grab(cell).toImage();
        QVERIFY(covered != revealed);
        QCOMPARE(again, covered);
        // Space held must not have labeled or moved anything.
        QCOMPARE(view->currentIndex().isValid(), true);
    }

    void viewerPlaceholderIsCovered()
    {
        // With the viewer covered, the enlarged thumbnail shown until the picture has loaded is covered too.
        QSettings().setValue(QStringLiteral("wellbeing/inViewer"), true);
        page()->reloadSettings();
        auto *view = page()->gallery()->view();
        view->setCurrentIndex(model()->index(0));
        // An unlabeled image far from the current one whose picture is not in memory (earlier steps may have
        // prefetched some, and on a loaded machine a prefetch may still land while its thumbnail loads: then the
        // next candidate), and whose thumbnail is.
        int row = -1;
        for (int r = model()->rowCount() - 1; r > 4 && row < 0; --r) {
            const QModelIndex i = model()->index(r);
            if (i.data(GalleryModel::LabelRole).toInt() != int(Label::None)
                || i.data(GalleryModel::KindRole).toInt() != int(ItemKind::Image)
                || page()->pictures()->cached(model()->idAt(r)))
                continue;
            page()->thumbnails()->thumbnail(model()->mediaRef(r));
            QTRY_VERIFY_WITH_TIMEOUT(
                page()->thumbnails()->contains(i.data(GalleryModel::CacheKeyRole).toString()), 10000);
            if (!page()->pictures()->cached(model()->idAt(r)))
                row = r;
        }
        QVERIFY(row >= 0);
        // Show it and look before the event loop can deliver the decoded picture: the placeholder is up.
        view->setCurrentIndex(model()->index(row));
        ImageCanvas *canvas = page()->viewer()->canvas();
        QCOMPARE(canvas->itemId(), model()->idAt(row));
        QVERIFY(!canvas->hasPicture());
        const QImage shown = canvas->grab().toImage();
        canvas->setRevealed(true);
        const QImage uncovered = canvas->grab().toImage();
        canvas->setRevealed(false);
        // Covered: not the thumbnail as it is, and without its edges (a blur leaves no steep steps between
        // neighbouring pixels).
        auto sharpness = [](const QImage &image) {
            const QImage g = image.convertToFormat(QImage::Format_Grayscale8);
            qint64 edges = 0;
            for (int y = 0; y < g.height(); ++y) {
                const uchar *line = g.constScanLine(y);
                for (int x = 1; x < g.width(); ++x)
                    edges += std::abs(int(line[x]) - int(line[x - 1])) > 24;
            }
            return edges;
        };
        QVERIFY(shown != uncovered);
        QVERIFY2(sharpness(shown) * 3 < sharpness(uncovered),
                 qPrintable(QStringLiteral("%1 vs %2").arg(sharpness(shown)).arg(sharpness(uncovered))));
        // Once the picture arrives it is covered as before.
        QTRY_VERIFY_WITH_TIMEOUT(canvas->hasPicture(), 10000);
        const QImage picture = canvas->grab().toImage();
        canvas->setRevealed(true);
        QVERIFY(canvas->grab().toImage() != picture);
        canvas->setRevealed(false);
        QSettings().setValue(QStringLiteral("wellbeing/inViewer"), false);
        page()->reloadSettings();
    }

    void longMessagesNeverWidenTheWindow()
    {
        QTest::qWait(50);
        const int width = m_window->width();
        QVERIFY(m_window->minimumSizeHint().width() <= width);
        // An error naming a deep path (no place to wrap), and a long sentence.
        const QString path =
            QStringLiteral("/data/") + QString(60, QLatin1Char('x')).repeated(8) + QStringLiteral("/model.json");
        const QString sentence = QStringLiteral("the disk is full and nothing more can be written there ").repeated(12);
        TrainResult failed;
        failed.status = QStringLiteral("failed");
        failed.error = QStringLiteral("cannot write %1: %2").arg(path, sentence);
        Q_EMIT m_window->trainingPage()->session()->finished(failed); // as a run that failed reports it
        page()->showItems({model()->idAt(0)}, QStringLiteral("Run 1 · ") + path);
        m_window->statusBar()->showMessage(failed.error);
        QApplication::processEvents();
        QTest::qWait(50);
        QCOMPARE(m_window->width(), width);
        QVERIFY2(
            m_window->minimumSizeHint().width() <= width,
            qPrintable(QStringLiteral("minimum width %1 > %2").arg(m_window->minimumSizeHint().width()).arg(width)));
        // The whole text is still there to read.
        bool found = false;
        for (QLabel *label : m_window->trainingPage()->settingsPanel()->findChildren<QLabel *>()) {
            if (label->text().contains(QLatin1String("failed")))
                found = label->toolTip().contains(path);
        }
        QVERIFY(found);
        page()->model()->clearExplicitIds();
        page()->gallery()->showExplicitTitle(QString());
        m_window->statusBar()->clearMessage();
    }

    void reopensLastProject()
    {
        m_window.reset();
        m_window = std::make_unique<MainWindow>();
        m_window->openLastProject();
        QCOMPARE(m_window->database()->displayName(), QFileInfo(m_project).absoluteFilePath());
        QVERIFY(MainWindow::recentProjects().contains(m_window->database()->displayName()));
        QVERIFY(model()->rowCount() > 0);
    }

    void cleanupTestCase() { m_window.reset(); }
};

QTEST_MAIN(TestWorkbench)
#include "tst_workbench.moc"
