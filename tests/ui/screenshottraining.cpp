// Not a test: the README's screenshots of the training page, of a false-positive drill-down and of the suspected
// label errors, made from a real cross-validated run on clip art. Run under Xvfb so fonts and styles are those of a desktop:
//   xvfb-run -s "-screen 0 1600x1000x24" build/tests/nsfw-workbench-screenshot-training OUT_DIR
#include "confusionpanel.h"
#include "curveplot.h"
#include "labelingpage.h"
#include "metricsplot.h"
#include "mainwindow.h"
#include "model/modellocator.h"
#include "testsupport.h"
#include "trainingpage.h"
#include "trainsettingspanel.h"

#include <QApplication>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

#include <cstdio>

using namespace nsfw;

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    const QString out = app.arguments().value(1, QStringLiteral("."));
    const QString model = locateModel(QString(), nullptr);
    if (model.isEmpty())
        return 1;
    qputenv("NSFW_WORKBENCH_MODEL_DIR", model.toUtf8());
    QStandardPaths::setTestModeEnabled(true);
    QSettings().clear();
    QTemporaryDir dir;
    const QString project = test::makeTrainingProject(dir.path(), 60);
    ui::MainWindow window;
    window.resize(1500, 920);
    window.show();
    if (!QTest::qWaitForWindowExposed(&window) || !window.openProject(project, false))
        return 1;
    ui::TrainingPage *page = window.trainingPage();
    window.pages()->setCurrentWidget(page);

    TrainSettings s;
    s.mode = TrainSettings::Mode::Head;
    s.epochs = 20;
    s.batchSize = 16;
    s.patience = 0;
    s.folds = 5; // every label judged out-of-sample: the figures carry their intervals, the audit has suspects
    page->settingsPanel()->setSettings(s);
    bool done = false;
    QObject::connect(page, &ui::TrainingPage::runEnded, [&] { done = true; });
    if (!page->startTraining(s))
        return 1;
    // One screenshot mid-run (live plots, progress), then the finished run.
    QTest::qWait(100);
    while (!done && page->metricsPlot()->epochPoints() < 3)
        QTest::qWait(50);
    QTest::qWait(300);
    window.grab().save(out + QStringLiteral("/training-live.png"));
    while (!done)
        QTest::qWait(100);

    // An operating point with a few false positives to review.
    const PrCurve &curve = page->prPlot()->curve(ui::CurvePlot::Series::Best);
    double t = 0.5;
    for (const CurvePoint &p : curve.points) {
        if (p.fp >= 2) {
            t = p.threshold;
            break;
        }
    }
    page->setThreshold(t);
    QTest::qWait(400);
    window.grab().save(out + QStringLiteral("/training.png"));

    page->reviewCell(ui::ConfusionPanel::Cell::FalsePositive);
    QTest::qWait(1500); // thumbnails and the picture load
    window.grab().save(out + QStringLiteral("/review.png"));

    window.pages()->setCurrentWidget(page);
    page->reviewSuspects();
    QTest::qWait(1500);
    window.grab().save(out + QStringLiteral("/suspects.png"));
    std::printf("threshold %.3f\n", t);
    return 0;
}
