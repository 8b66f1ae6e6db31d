// nsfw-workbench-bench-gui: the labeling window's two speed figures, measured on the real widgets.
//
//  1. Key press to next picture painted: press S in the gallery (label committed, auto-advance) and time
//     until the viewer has painted the next item's real picture (not the placeholder). Keys come at an
//     annotator's pace (--pace ms, default 300) so prefetching can work, and then as fast as possible.
//  2. Gallery scrolling over 100,000 items: one synchronous repaint of the grid per scroll step.
//
// Run offscreen: QT_QPA_PLATFORM=offscreen build/tests/nsfw-workbench-bench-gui [--items 100000] [--json]
#include "gallery/gallerymodel.h"
#include "gallery/labelsession.h"
#include "gallery/thumbnailprovider.h"
#include "gallerypanel.h"
#include "imagecanvas.h"
#include "labelingpage.h"
#include "mainwindow.h"
#include "media/importer.h"
#include "store/itemstore.h"
#include "store/projectdatabase.h"
#include "testsupport.h"
#include "viewerpanel.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QScrollBar>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <cstdio>

using namespace nsfw;

namespace {

using test::latencySummary;
using test::percentile;

// Key press to painted, for `presses` presses with `paceMs` between them.
std::vector<double> keyToPaint(ui::MainWindow &window, int presses, int paceMs, int *placeholders,
                               std::vector<double> *prefetchedMs = nullptr)
{
    ui::LabelingPage *page = window.labelingPage();
    auto *view = page->gallery()->view();
    view->setFocus();
    std::vector<double> ms;
    qint64 paintedId = 0;
    QElapsedTimer clock;
    double paintedAt = 0;
    auto conn = QObject::connect(page->viewer()->canvas(), &ui::ImageCanvas::picturePainted, [&](qint64 id) {
        paintedId = id;
        paintedAt = clock.nsecsElapsed() / 1e6;
    });
    *placeholders = 0;
    for (int i = 0; i < presses; ++i) {
        const int row = view->currentIndex().row();
        if (row + 1 >= page->model()->rowCount())
            break;
        const qint64 next = page->model()->idAt(row + 1);
        if (paceMs > 0)
            QTest::qWait(paceMs);
        QCoreApplication::processEvents();
        paintedId = 0;
        clock.start();
        QTest::keyClick(view, Qt::Key_S);
        const bool prefetched = page->viewer()->canvas()->hasPicture();
        const double handled = clock.nsecsElapsed() / 1e6;
        if (!prefetched)
            ++*placeholders;
        // Painting happens in the event loop after the key event, as for a real key press.
        QElapsedTimer guard;
        guard.start();
        while (paintedId != next && guard.elapsed() < 5000)
            QCoreApplication::processEvents(QEventLoop::AllEvents, 1);
        ms.push_back(paintedId == next ? paintedAt : 5000.0);
        if (qEnvironmentVariableIsSet("BENCH_TRACE"))
            std::fprintf(stderr, "press %d: handled %.2f ms (write %.2f), painted %.2f ms, prefetched %d\n", i, handled,
                         page->session()->lastWriteMs(), ms.back(), int(prefetched));
        if (prefetched && prefetchedMs)
            prefetchedMs->push_back(ms.back());
    }
    QObject::disconnect(conn);
    return ms;
}

// A project of n items pointing at a pool of real images (synthetic hashes, so thumbnails are made on
// demand as the grid shows them).
bool makeLargeProject(const QString &path, int n, const QStringList &pool)
{
    QString error;
    auto db = ProjectDatabase::open(path, ProjectDatabase::OpenMode::CreateNew, QStringLiteral("bench"), &error);
    if (!db) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return false;
    }
    Transaction tx(*db);
    ItemStore store(*db);
    for (int i = 0; i < n; ++i) {
        Item it;
        it.kind = ItemKind::Image;
        it.path = pool.at(i % pool.size());
        it.contentHash = QStringLiteral("%1").arg(i, 40, 16, QLatin1Char('0'));
        it.width = it.height = 256;
        if (!store.insert(it, &error)) {
            std::fprintf(stderr, "%s\n", qPrintable(error));
            return false;
        }
    }
    return tx.commit();
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setApplicationName(QStringLiteral("nsfw-workbench-bench-gui"));
    QCommandLineParser parser;
    parser.addHelpOption();
    QCommandLineOption itemsOption(QStringLiteral("items"), QStringLiteral("Items for the scroll test."),
                                   QStringLiteral("n"), QStringLiteral("100000"));
    QCommandLineOption pressesOption(QStringLiteral("presses"), QStringLiteral("Key presses per run."),
                                     QStringLiteral("n"), QStringLiteral("150"));
    QCommandLineOption paceOption(QStringLiteral("pace"), QStringLiteral("Milliseconds between key presses."),
                                  QStringLiteral("ms"), QStringLiteral("300"));
    QCommandLineOption jsonOption(QStringLiteral("json"), QStringLiteral("Print JSON."));
    QCommandLineOption plainOption(QStringLiteral("no-wellbeing"), QStringLiteral("Turn the wellbeing cover off."));
    parser.addOptions({itemsOption, pressesOption, paceOption, jsonOption, plainOption});
    parser.process(app);
    const int items = parser.value(itemsOption).toInt();
    const int presses = parser.value(pressesOption).toInt();
    const int pace = parser.value(paceOption).toInt();
    QSettings().clear();
    if (parser.isSet(plainOption))
        QSettings().setValue(QStringLiteral("wellbeing/mode"), 0);

    QTemporaryDir dir;
    QJsonObject result;

    // 1. Key press to painted, over real pictures: clip art and the big JPEG wallpapers mixed.
    {
        const QString path = dir.filePath(QStringLiteral("labeling.nwproj"));
        ImportOptions options;
        QStringList wallpapers = test::wallpapers(60);
        options.paths = test::clipArt(presses + 40, QStringLiteral("animals")) + wallpapers;
        std::stable_sort(options.paths.begin(), options.paths.end(), [](const QString &a, const QString &b) {
            return qHash(a) < qHash(b); // interleave photos and clip art
        });
        ProjectDatabase::open(path, ProjectDatabase::OpenMode::CreateNew, QStringLiteral("bench"), nullptr);
        const ImportSummary s = Importer(path, options).run();
        ui::MainWindow window;
        window.resize(1500, 920);
        window.show();
        if (!QTest::qWaitForWindowExposed(&window))
            return 1;
        window.openProject(path, false);
        QTest::qWait(500);
        int placeholders = 0;
        std::vector<double> prefetched;
        const std::vector<double> paced = keyToPaint(window, presses, pace, &placeholders, &prefetched);
        QJsonObject p = latencySummary(paced);
        result.insert(QStringLiteral("keyToPaintPrefetched"), latencySummary(prefetched));
        p.insert(QStringLiteral("paceMs"), pace);
        p.insert(QStringLiteral("placeholdersShown"), placeholders);
        result.insert(QStringLiteral("keyToPaint"), p);
        int burstPlaceholders = 0;
        const std::vector<double> burst = keyToPaint(window, std::min(60, presses), 0, &burstPlaceholders);
        QJsonObject b = latencySummary(burst);
        b.insert(QStringLiteral("placeholdersShown"), burstPlaceholders);
        result.insert(QStringLiteral("keyToPaintNoPause"), b);
        result.insert(QStringLiteral("imported"), s.imported);
        result.insert(QStringLiteral("lastLabelWriteMs"), window.labelingPage()->session()->lastWriteMs());
    }

    // 2. Scrolling the grid over a large project.
    {
        const QString path = dir.filePath(QStringLiteral("large.nwproj"));
        QElapsedTimer t;
        t.start();
        if (!makeLargeProject(path, items, test::clipArt(2000)))
            return 1;
        const double createS = t.elapsed() / 1000.0;
        ui::MainWindow window;
        window.resize(1500, 920);
        window.show();
        if (!QTest::qWaitForWindowExposed(&window))
            return 1;
        t.restart();
        window.openProject(path, false);
        const double openMs = t.nsecsElapsed() / 1e6;
        auto *view = window.labelingPage()->gallery()->view();
        QTest::qWait(200);
        QScrollBar *bar = view->verticalScrollBar();
        std::vector<double> frame;
        // Steady scrolling: three wheel notches (~1 row) per frame, with events between frames so thumbnails
        // arrive as they would; then jumps (dragging the scroll bar) across the whole range.
        for (int i = 0; i < 300; ++i) {
            bar->setValue(bar->value() + bar->singleStep() * 3);
            QElapsedTimer f;
            f.start();
            view->viewport()->repaint();
            frame.push_back(f.nsecsElapsed() / 1e6);
            QCoreApplication::processEvents(QEventLoop::AllEvents, 2);
        }
        std::vector<double> jumps;
        for (int i = 1; i <= 100; ++i) {
            bar->setValue(int(qint64(bar->maximum()) * i / 100));
            QElapsedTimer f;
            f.start();
            view->viewport()->repaint();
            jumps.push_back(f.nsecsElapsed() / 1e6);
            QCoreApplication::processEvents(QEventLoop::AllEvents, 2);
        }
        QJsonObject s = latencySummary(frame);
        s.insert(QStringLiteral("items"), window.labelingPage()->model()->rowCount());
        s.insert(QStringLiteral("openProjectMs"), openMs);
        s.insert(QStringLiteral("createProjectS"), createS);
        result.insert(QStringLiteral("scrollFrame"), s);
        result.insert(QStringLiteral("scrollJumpFrame"), latencySummary(jumps));
    }

    if (parser.isSet(jsonOption)) {
        std::printf("%s\n", QJsonDocument(result).toJson().constData());
        return 0;
    }
    const auto line = [&](const char *name, const QJsonObject &o) {
        std::printf("%-44s median %7.2f ms   p99 %7.2f ms   max %7.2f ms   (n=%d)\n", name,
                    o.value(QStringLiteral("medianMs")).toDouble(), o.value(QStringLiteral("p99Ms")).toDouble(),
                    o.value(QStringLiteral("maxMs")).toDouble(), o.value(QStringLiteral("count")).toInt());
    };
    line("key press -> next picture painted (paced)", result.value(QStringLiteral("keyToPaint")).toObject());
    std::printf(
        "    pace %d ms, placeholder shown %d times; %d items imported\n", pace,
        result.value(QStringLiteral("keyToPaint")).toObject().value(QStringLiteral("placeholdersShown")).toInt(),
        result.value(QStringLiteral("imported")).toInt());
    line("  of which the picture was prefetched", result.value(QStringLiteral("keyToPaintPrefetched")).toObject());
    line("key press -> next picture painted (no pause)", result.value(QStringLiteral("keyToPaintNoPause")).toObject());
    std::printf("    placeholder shown %d times\n", result.value(QStringLiteral("keyToPaintNoPause"))
                                                        .toObject()
                                                        .value(QStringLiteral("placeholdersShown"))
                                                        .toInt());
    const QJsonObject scroll = result.value(QStringLiteral("scrollFrame")).toObject();
    line("gallery scroll frame (1 row per frame)", scroll);
    line("gallery scroll frame (jumps across range)", result.value(QStringLiteral("scrollJumpFrame")).toObject());
    std::printf("    %d items; opening the project and listing them: %.1f ms\n",
                scroll.value(QStringLiteral("items")).toInt(),
                scroll.value(QStringLiteral("openProjectMs")).toDouble());
    return 0;
}
