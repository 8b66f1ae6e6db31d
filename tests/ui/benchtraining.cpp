// Not a test: how responsive the window stays while a run trains (README "Training and review").
// Opens the real window on a clip-art project, starts a run from the training page (full mode by default),
// switches to the Label tab and steps through the gallery every 300 ms as an annotator would, while a
// precise 10 ms timer records how late the event loop runs it. Run offscreen:
//   QT_QPA_PLATFORM=offscreen build/tests/nsfw-workbench-bench-training [full|partial|head] [epochs] [perClass]
#include "labelingpage.h"
#include "lossplot.h"
#include "mainwindow.h"
#include "model/modellocator.h"
#include "testsupport.h"
#include "train/trainingsession.h"
#include "trainingpage.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QSettings>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <algorithm>
#include <cstdio>

using namespace nsfw;

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    const QStringList args = app.arguments();
    const QString model = locateModel(QString(), nullptr);
    if (model.isEmpty()) {
        std::fprintf(stderr, "the pretrained model is not installed\n");
        return 1;
    }
    qputenv("NSFW_WORKBENCH_MODEL_DIR", model.toUtf8());
    QStandardPaths::setTestModeEnabled(true);
    QSettings().clear();
    TrainSettings settings;
    if (args.size() > 1 && !TrainSettings::parseMode(args.at(1), &settings.mode))
        return 2;
    if (args.size() == 1)
        settings.mode = TrainSettings::Mode::Full;
    settings.epochs = args.size() > 2 ? args.at(2).toInt() : 2;
    const int perClass = args.size() > 3 ? args.at(3).toInt() : 40;
    settings.batchSize = 16;
    settings.patience = 0;

    QTemporaryDir dir;
    const QString project = test::makeTrainingProject(dir.path(), perClass);
    ui::MainWindow window;
    window.show();
    if (!QTest::qWaitForWindowExposed(&window) || !window.openProject(project, false))
        return 1;
    ui::TrainingPage *page = window.trainingPage();

    QVector<double> late;
    QElapsedTimer clock;
    qint64 last = 0;
    QTimer probe;
    probe.setTimerType(Qt::PreciseTimer);
    probe.setInterval(10);
    QObject::connect(&probe, &QTimer::timeout, [&] {
        const qint64 now = clock.nsecsElapsed();
        if (last > 0)
            late << std::max(0.0, (now - last) / 1e6 - 10.0);
        last = now;
    });
    // The annotator keeps going in the Label tab: one step every 300 ms.
    QTimer keys;
    keys.setInterval(300);
    int steps = 0;
    QObject::connect(&keys, &QTimer::timeout, [&] {
        window.labelingPage()->next();
        ++steps;
    });
    bool done = false;
    TrainResult result;
    QObject::connect(page, &ui::TrainingPage::runEnded, [&](const TrainResult &r) {
        result = r;
        done = true;
    });
    clock.start();
    if (!page->startTraining(settings))
        return 1;
    window.pages()->setCurrentWidget(window.labelingPage());
    probe.start();
    keys.start();
    while (!done)
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
    probe.stop();
    keys.stop();

    std::sort(late.begin(), late.end());
    auto pct = [&](double p) {
        return late.isEmpty() ? 0.0 : late.at(std::min<qsizetype>(late.size() - 1, qsizetype(p * late.size())));
    };
    std::printf("run %lld (%s, %d epochs, %lld train / %lld validation items): %s in %.1f s\n", result.runId,
                qPrintable(TrainSettings::modeName(settings.mode)), settings.epochs, result.trainItems,
                result.validationItems, qPrintable(result.status), result.seconds);
    std::printf("event-loop lateness of a 10 ms timer over %lld ticks: median %.2f ms, p99 %.2f ms, max %.2f ms;"
                " %d gallery steps; %d loss-plot replots\n",
                qlonglong(late.size()), pct(0.5), pct(0.99), late.isEmpty() ? 0.0 : late.last(), steps,
                page->lossPlot()->replotCount());
    return result.status == QLatin1String("finished") ? 0 : 1;
}
