// The Health tab in the real window: the report arrives off the GUI thread, a planted dark picture and a planted
// greyscale one are counted under their checks among clip art, and a click on a check's row shows exactly its items
// in the Label tab's gallery; Refresh computes again after more pictures arrive.
#include "healthpage.h"
#include "labelingpage.h"
#include "mainwindow.h"

#include "gallery/gallerymodel.h"
#include "media/importer.h"
#include "store/itemstore.h"
#include "store/projectdatabase.h"

#include "testsupport.h"

#include <QDir>
#include <QFile>
#include <QImage>
#include <QPainter>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

using namespace nsfw;
using namespace nsfw::ui;

namespace {

QTreeWidgetItem *rowOf(QTreeWidget *view, const QString &name)
{
    for (int i = 0; i < view->topLevelItemCount(); ++i) {
        if (view->topLevelItem(i)->text(0) == name)
            return view->topLevelItem(i);
    }
    return nullptr;
}

/// A colour picture of `side` pixels with shapes, at `brightness` (1: as drawn).
QImage drawing(int side, double brightness, bool grey)
{
    QImage image(side, side * 3 / 4, QImage::Format_RGB32);
    image.fill(grey ? QColor::fromRgbF(0.8 * brightness, 0.8 * brightness, 0.8 * brightness)
                    : QColor::fromRgbF(0.9 * brightness, 0.85 * brightness, 0.6 * brightness));
    QPainter p(&image);
    p.setRenderHint(QPainter::Antialiasing);
    for (int i = 0; i < 12; ++i) {
        const QColor c = QColor::fromHsvF((i % 6) / 6.0, 0.8, brightness);
        p.setBrush(grey ? QColor(qGray(c.rgb()), qGray(c.rgb()), qGray(c.rgb())) : c);
        p.drawEllipse(QPoint(side * (i + 1) / 14, side * 3 / 8 + (i % 3 - 1) * side / 6), side / 10, side / 12);
    }
    p.end();
    return image;
}

} // namespace

class TestHealthPage : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_project;
    QString m_media;
    std::unique_ptr<MainWindow> m_window;

    HealthPage *page() const { return m_window->findChild<HealthPage *>(); }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
        const QStringList art = test::clipArt(12, QStringLiteral("food"));
        NSFW_REQUIRE_SETUP(art.size() < 12 ? QStringLiteral("openclipart-png is not installed") : QString());
        m_media = m_dir.filePath(QStringLiteral("media"));
        QVERIFY(QDir().mkpath(m_media));
        for (int i = 0; i < art.size(); ++i)
            QVERIFY(QFile::copy(art[i], m_media + QStringLiteral("/food%1.png").arg(i)));
        QVERIFY(drawing(480, 1.0, false).save(m_media + QStringLiteral("/shapes.png")));
        QVERIFY(drawing(480, 0.1, false).save(m_media + QStringLiteral("/dark.png")));
        QVERIFY(drawing(480, 1.0, true).save(m_media + QStringLiteral("/grey.png")));
        m_project = m_dir.filePath(QStringLiteral("health.nwproj"));
        QString error;
        QVERIFY2(ProjectDatabase::open(m_project, ProjectDatabase::OpenMode::CreateNew, QStringLiteral("t"), &error),
                 qPrintable(error));
        ImportOptions options;
        options.paths = {m_media};
        QVERIFY(Importer(m_project, options).run().error.isEmpty());

        m_window = std::make_unique<MainWindow>();
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        QVERIFY(page());
        m_window->pages()->setCurrentWidget(page());
        QSignalSpy shown(page(), &HealthPage::reportShown);
        QVERIFY(m_window->openProject(m_project, false));
        QVERIFY(shown.wait(30000) || shown.count() > 0);
    }

    void cleanupTestCase() { m_window.reset(); }

    void checksAreListedWithTheirCounts()
    {
        QTreeWidget *checks = page()->checksView();
        QCOMPARE(checks->topLevelItemCount(), page()->report().checks.size());
        QTreeWidgetItem *dark = rowOf(checks, DatasetHealth::tr("Very dark"));
        QVERIFY(dark);
        QCOMPARE(dark->text(1), QStringLiteral("1"));
        QVERIFY(dark->text(2).contains(QStringLiteral("32 %")));
        QTreeWidgetItem *grey = rowOf(checks, DatasetHealth::tr("Greyscale"));
        QVERIFY(grey);
        QVERIFY(grey->text(1).toInt() >= 1);
        // The balance: every image unlabeled, in one folder.
        QTreeWidget *balance = page()->balanceView();
        QCOMPARE(balance->topLevelItem(0)->text(4), QString::number(page()->report().overall.unlabeled));
        QCOMPARE(page()->report().overall.unlabeled, page()->report().media);
        QVERIFY(page()->report().media >= 10);
    }

    void aClickOnACheckShowsItsItemsInTheGallery()
    {
        QTreeWidget *checks = page()->checksView();
        QTreeWidgetItem *dark = rowOf(checks, DatasetHealth::tr("Very dark"));
        QSignalSpy requested(page(), &HealthPage::labelingRequested);
        QTest::mouseClick(checks->viewport(), Qt::LeftButton, {}, checks->visualItemRect(dark).center());
        QCOMPARE(requested.count(), 1);
        QCOMPARE(m_window->pages()->currentWidget(), m_window->labelingPage());
        GalleryModel *gallery = m_window->labelingPage()->model();
        QTRY_COMPARE(gallery->rowCount(), 1);
        QString error;
        auto db = ProjectDatabase::open(m_project, ProjectDatabase::OpenMode::OpenExisting, QStringLiteral("r"), &error);
        const auto item = ItemStore(*db).item(gallery->idAt(0));
        QVERIFY(item);
        QCOMPARE(QFileInfo(item->path).fileName(), QStringLiteral("dark.png"));
    }

    void refreshCountsNewPictures()
    {
        m_window->pages()->setCurrentWidget(page());
        QVERIFY(drawing(480, 0.05, false).save(m_media + QStringLiteral("/darker.png")));
        ImportOptions options;
        options.paths = {m_media + QStringLiteral("/darker.png")};
        QVERIFY(Importer(m_project, options).run().error.isEmpty());
        QSignalSpy shown(page(), &HealthPage::reportShown);
        page()->refresh();
        QVERIFY(page()->isComputing());
        QVERIFY(shown.wait(30000));
        QCOMPARE(rowOf(page()->checksView(), DatasetHealth::tr("Very dark"))->text(1), QStringLiteral("2"));
        // Worst first: the darker one leads.
        const HealthReport &r = page()->report();
        for (const HealthCheck &c : r.checks) {
            if (c.id == QLatin1String("dark"))
                QCOMPARE(QFileInfo(r.items.value(c.items.first()).path).fileName(), QStringLiteral("darker.png"));
        }
    }
};

QTEST_MAIN(TestHealthPage)
#include "tst_healthpage.moc"
