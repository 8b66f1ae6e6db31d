// The "Train and review" page with real widgets (offscreen): train a small head-only run from the panel and
// watch the plots receive points, cancel one; pick a threshold on the precision-recall curve; open the
// false-positive cell, relabel its worst item with the usual key and find the label in the SQLite file;
// retrain on the corrected labels.
#include "confusionpanel.h"
#include "curveplot.h"
#include "gallery/gallerymodel.h"
#include "gallerydelegate.h"
#include "gallerypanel.h"
#include "viewerpanel.h"
#include "labelingpage.h"
#include "lossplot.h"
#include "media/importer.h"
#include "messagelabel.h"
#include "mainwindow.h"
#include "metricsplot.h"
#include "model/modellocator.h"
#include "runhistorypanel.h"
#include "store/itemquery.h"
#include "store/itemstore.h"
#include "store/labelstore.h"
#include "store/projectdatabase.h"
#include "store/runstore.h"
#include "testsupport.h"
#include "train/trainingsession.h"
#include "trainingpage.h"
#include "trainsettingspanel.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QElapsedTimer>
#include <QFile>
#include <QMessageBox>
#include <QPushButton>
#include <QDoubleSpinBox>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <QToolButton>
#include <QTreeWidget>
#include <atomic>
#include <thread>

using namespace nsfw;
using namespace nsfw::ui;

class TestTrainingPage : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_project;
    std::unique_ptr<MainWindow> m_window;
    qint64 m_firstRun = 0;
    qint64 m_relabelledItem = 0;

    TrainingPage *page() const { return m_window->trainingPage(); }
    TrainSettingsPanel *panel() const { return page()->settingsPanel(); }

    // A fresh database connection per check, as another program would read the file.
    std::unique_ptr<ProjectDatabase> reader() const
    {
        static int n = 0;
        return ProjectDatabase::open(m_project, ProjectDatabase::OpenMode::OpenExisting,
                                     QStringLiteral("check%1").arg(++n), nullptr);
    }

    void chooseHead(int epochs)
    {
        panel()->modeCombo()->setCurrentIndex(panel()->modeCombo()->findData(int(TrainSettings::Mode::Head)));
        panel()->epochsSpin()->setValue(epochs);
    }

private Q_SLOTS:
    void initTestCase()
    {
        // The model is found where the user installed it; test mode then keeps settings away from theirs.
        QString error;
        const QString model = locateModel(QString(), &error);
        if (model.isEmpty())
            NSFW_REQUIRE_SETUP("the pretrained model is not installed (packaging/setup.sh)");
        qputenv("NSFW_WORKBENCH_MODEL_DIR", model.toUtf8());
        // The other installed models (InceptionV3 beside MobileNetV2) are offered in the panel.
        qputenv("NSFW_WORKBENCH_MODELS", QFileInfo(model).absolutePath().toUtf8());
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
        if (test::clipArt(1).isEmpty())
            NSFW_REQUIRE_SETUP("openclipart-png is not installed");
        m_project = test::makeTrainingProject(m_dir.path(), 20);
        QVERIFY(QFileInfo::exists(m_project));
        m_window = std::make_unique<MainWindow>();
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        QVERIFY(m_window->openProject(m_project, false));
        m_window->pages()->setCurrentWidget(page());
    }

    // The panel offers every installed model; the blocks partial mode can retrain are the chosen model's (its
    // profile's), and the run is asked for on that model.
    void theModelChoiceGivesItsBlocks()
    {
        QComboBox *models = panel()->modelCombo();
        int inception = -1;
        for (int i = 0; i < models->count(); ++i) {
            if (models->itemData(i, Qt::ToolTipRole).toString().endsWith(QStringLiteral("inception_v3")))
                inception = i;
        }
        if (inception < 0)
            NSFW_REQUIRE_SETUP("InceptionV3 is not installed (packaging/setup.sh)");
        models->setCurrentIndex(inception);
        QCOMPARE(panel()->blocksSpin()->maximum(), 10);
        QVERIFY(panel()->settings().modelDir.endsWith(QStringLiteral("inception_v3")));
        models->setCurrentIndex(models->findData(QString()));
        QCOMPARE(panel()->blocksSpin()->maximum(), 16);
        QVERIFY(panel()->settings().modelDir.isEmpty());
    }

    // A fresh window proposes auto mode within its budget: the learning rate and the blocks are the candidates' own;
    // the head-first epochs and the budget can be set. The budget belongs to auto mode only.
    void autoIsTheWindowsDefault()
    {
        QCOMPARE(TrainSettings::Mode(panel()->modeCombo()->currentData().toInt()), TrainSettings::Mode::Auto);
        const TrainSettings s = panel()->settings();
        QCOMPARE(s.mode, TrainSettings::Mode::Auto);
        QCOMPARE(s.budgetMinutes, 10.0);
        QCOMPARE(s.headEpochs, -1);
        QVERIFY(!panel()->blocksSpin()->isEnabled());
        QVERIFY(panel()->budgetSpin()->isEnabled());
        QVERIFY(!panel()->learningRateSpin()->isEnabled());
        panel()->modeCombo()->setCurrentIndex(panel()->modeCombo()->findData(int(TrainSettings::Mode::Partial)));
        QVERIFY(!panel()->budgetSpin()->isEnabled());
        QVERIFY(panel()->learningRateSpin()->isEnabled());
        panel()->modeCombo()->setCurrentIndex(panel()->modeCombo()->findData(int(TrainSettings::Mode::Auto)));
        panel()->budgetSpin()->setValue(25);
        QCOMPARE(panel()->settings().budgetMinutes, 25.0);
        TrainSettings back = panel()->settings();
        back.budgetMinutes = 10;
        panel()->setSettings(back);
        QCOMPARE(panel()->budgetSpin()->value(), 10);
    }

    // Fast decoding is a choice of speed over nsfwjs's pictures: off unless chosen, and the run gets what is shown.
    void fastDecodeIsOffUnlessChosen()
    {
        auto *box = panel()->findChild<QCheckBox *>(QStringLiteral("fastDecode"));
        QVERIFY(box);
        QVERIFY(!box->isChecked());
        QVERIFY(!panel()->settings().fastDecode);
        box->click();
        QVERIFY(panel()->settings().fastDecode);
        TrainSettings s = panel()->settings();
        s.fastDecode = false;
        panel()->setSettings(s);
        QVERIFY(!box->isChecked());
    }

    void trainFromThePanelAndCancel()
    {
        chooseHead(400); // far more than it gets to do
        QSignalSpy ended(page(), &TrainingPage::runEnded);
        QTest::mouseClick(panel()->trainButton(), Qt::LeftButton);
        QVERIFY(page()->isTraining());
        QVERIFY(!panel()->trainButton()->isEnabled());
        QVERIFY(panel()->cancelButton()->isEnabled());
        // Epoch 0 (the pretrained model), then steps and epochs arrive in the plots while it runs.
        QTRY_VERIFY_WITH_TIMEOUT(page()->metricsPlot()->epochPoints() >= 3, 120000);
        QVERIFY(page()->lossPlot()->stepPoints() >= 2);
        QVERIFY(page()->lossPlot()->epochPoints() >= 3);
        QVERIFY(page()->prPlot()->curvePoints(CurvePlot::Series::Pretrained) > 0);
        QVERIFY(page()->prPlot()->curvePoints(CurvePlot::Series::Best) > 0);
        QTRY_VERIFY(page()->lossPlot()->replotCount() > 0);
        QVERIFY(!panel()->progressText().isEmpty());
        const qint64 run = page()->liveRun();
        QVERIFY(run > 0);

        QTest::mouseClick(panel()->cancelButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(ended.count(), 1, 60000);
        QCOMPARE(ended.first().first().value<TrainResult>().status, QStringLiteral("cancelled"));
        QVERIFY(panel()->trainButton()->isEnabled());
        QCOMPARE(RunStore(*reader()).run(run)->status, QStringLiteral("cancelled"));
        QCOMPARE(page()->historyPanel()->runCount(), 1);
    }

    void trainAndPickThresholdOnTheCurve()
    {
        chooseHead(4);
        QSignalSpy ended(page(), &TrainingPage::runEnded);
        QTest::mouseClick(panel()->trainButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(ended.count(), 1, 180000);
        const TrainResult result = ended.first().first().value<TrainResult>();
        QCOMPARE(result.status, QStringLiteral("finished"));
        m_firstRun = result.runId;
        QCOMPARE(page()->reviewedRun(), m_firstRun);
        QCOMPARE(page()->historyPanel()->runCount(), 2);

        // The threshold at which the first false positive appears: its cell is then not empty.
        const PrCurve &curve = page()->prPlot()->curve(CurvePlot::Series::Best);
        QVERIFY(curve.points.size() >= 2);
        double t = -1;
        for (const CurvePoint &p : curve.points) {
            if (p.fp > 0) {
                t = p.threshold;
                break;
            }
        }
        QVERIFY(t >= 0);
        CurvePlot *pr = page()->prPlot();
        QSignalSpy picked(pr, &CurvePlot::thresholdPicked);
        const QPoint at = pr->pixelFor(t);
        QWidget *target = pr->childAt(at);
        QVERIFY(target);
        QTest::mouseClick(target, Qt::LeftButton, {}, target->mapFrom(pr, at));
        QCOMPARE(picked.count(), 1);
        QCOMPARE(picked.first().first().toDouble(), t);
        QCOMPARE(page()->confusionPanel()->threshold(), t);
        const ConfusionMatrix m = page()->confusionPanel()->matrix();
        QCOMPARE(m.fp, curve.confusionAt(t).fp);
        QVERIFY(page()
                    ->confusionPanel()
                    ->cellButton(ConfusionPanel::Cell::FalsePositive)
                    ->text()
                    .startsWith(QString::number(m.fp)));
        // Saved with the run once the marker rests.
        QTRY_COMPARE_WITH_TIMEOUT(RunStore(*reader()).run(m_firstRun)->threshold, t, 5000);

        // A target picks the threshold too.
        QVERIFY(page()->confusionPanel()->applyTarget(ConfusionPanel::Target::Recall, 0.99));
        QVERIFY(page()->confusionPanel()->matrix().recall() >= 0.99);
        page()->setThreshold(t);
    }

    void reviewFalsePositivesAndRelabel()
    {
        QVERIFY(m_firstRun > 0);
        const double t = page()->confusionPanel()->threshold();
        const qint64 fp = page()->confusionPanel()->matrix().fp;
        QTest::mouseClick(page()->confusionPanel()->cellButton(ConfusionPanel::Cell::FalsePositive), Qt::LeftButton);
        LabelingPage *labeling = m_window->labelingPage();
        QCOMPARE(m_window->pages()->currentWidget(), labeling);
        QVERIFY(labeling->model()->hasExplicitIds());
        QCOMPARE(labeling->model()->rowCount(), int(fp));

        // Exactly the validation items labeled safe with a score at or above the threshold, highest first.
        QVector<RunItem> expected;
        for (const RunItem &i : RunStore(*reader()).items(m_firstRun)) {
            if (i.split == 1 && i.label == 0 && i.score >= t)
                expected << i;
        }
        std::sort(expected.begin(), expected.end(),
                  [](const RunItem &a, const RunItem &b) { return a.score > b.score; });
        QCOMPARE(labeling->model()->ids().size(), expected.size());
        for (int i = 0; i < expected.size(); ++i)
            QCOMPARE(labeling->model()->ids().at(i), expected.at(i).itemId);

        // The viewer shows the worst one; N relabels it as the usual key does, and the file has it.
        m_relabelledItem = expected.first().itemId;
        QTRY_COMPARE(labeling->shownItem(), m_relabelledItem);
        labeling->gallery()->view()->setFocus();
        QTest::keyClick(labeling->gallery()->view(), Qt::Key_N);
        auto db = reader();
        QCOMPARE(ItemQuery(*db).rows({m_relabelledItem}).first().label, Label::Nsfw);
        QVERIFY(page()->relabelled().contains(m_relabelledItem));
        QVERIFY(labeling->gallery()->delegate()->marked().contains(m_relabelledItem));

        // A newer run's scores arriving (or an import) refreshes the gallery; the drill-down keeps its run's scores.
        {
            auto writer = reader();
            QVERIFY(writer->exec(QStringLiteral("INSERT INTO runs (id, created_ms, status, settings, model) "
                                                "VALUES (9999, 0, 'finished', '{}', 'x')")));
            QVERIFY(writer->exec(QStringLiteral("INSERT INTO item_scores VALUES (9999, %1, 0.5)").arg(m_relabelledItem)));
        }
        labeling->refresh();
        QCOMPARE(labeling->model()->filter().scoreRunId, m_firstRun);
        QVERIFY(reader()->exec(QStringLiteral("DELETE FROM runs WHERE id = 9999")));
    }

    void retrainOnTheCorrectedLabels()
    {
        QVERIFY(m_relabelledItem > 0);
        m_window->pages()->setCurrentWidget(page());
        QSignalSpy ended(page(), &TrainingPage::runEnded);
        QTest::mouseClick(page()->confusionPanel()->retrainButton(), Qt::LeftButton);
        QVERIFY(page()->isTraining());
        QTRY_COMPARE_WITH_TIMEOUT(ended.count(), 1, 180000);
        const TrainResult result = ended.first().first().value<TrainResult>();
        QCOMPARE(result.status, QStringLiteral("finished"));
        QVERIFY(result.runId > m_firstRun);
        auto db = reader();
        RunStore runs(*db);
        // Same settings, the corrected label.
        QCOMPARE(runs.run(result.runId)->settings.value(QStringLiteral("mode")).toString(), QStringLiteral("head"));
        QCOMPARE(runs.run(result.runId)->settings.value(QStringLiteral("epochs")).toInt(), 4);
        bool found = false;
        for (const RunItem &i : runs.items(result.runId)) {
            if (i.itemId == m_relabelledItem) {
                QCOMPARE(i.label, 1);
                found = true;
            }
        }
        QVERIFY(found);
        QCOMPARE(page()->reviewedRun(), result.runId);
        QVERIFY(page()->relabelled().isEmpty());
    }

    void compareTwoRunsAndExport()
    {
        QVERIFY(page()->compareRuns(page()->reviewedRun(), m_firstRun));
        QVERIFY(page()->prPlot()->curvePoints(CurvePlot::Series::Compare) > 0);
        const QString png = m_dir.filePath(QStringLiteral("pr.png"));
        const QString pdf = m_dir.filePath(QStringLiteral("pr.pdf"));
        QVERIFY(page()->prPlot()->exportTo(png, 600, 400));
        QVERIFY(page()->prPlot()->exportTo(pdf, 600, 400));
        QVERIFY(QImage(png).width() == 600);
        QVERIFY(QFileInfo(pdf).size() > 1000);
    }

    void thresholdSaveNeverWaitsForAnotherWriter()
    {
        const qint64 run = page()->reviewedRun();
        QVERIFY(run > 0);
        // Another writer (a CLI import, say) holds the write lock for 1.5 s.
        std::atomic<bool> locked{false}, released{false};
        std::thread holder([&] {
            {
                QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("holder"));
                db.setDatabaseName(m_project);
                if (db.open() && QSqlQuery(db).exec(QStringLiteral("BEGIN IMMEDIATE"))) {
                    locked = true;
                    std::this_thread::sleep_for(std::chrono::milliseconds(1500));
                    QSqlQuery(db).exec(QStringLiteral("COMMIT"));
                }
                db.close();
            }
            QSqlDatabase::removeDatabase(QStringLiteral("holder"));
            released = true;
        });
        QTRY_VERIFY(locked);
        QElapsedTimer clock;
        clock.start();
        page()->setThreshold(0.333);
        QVERIFY2(clock.elapsed() < 500, qPrintable(QStringLiteral("the window waited %1 ms").arg(clock.elapsed())));
        QVERIFY(!released);
        QCOMPARE(page()->confusionPanel()->threshold(), 0.333);
        // Opening another run meanwhile does not lose the pick; it is saved once the lock is free.
        QVERIFY(page()->openRun(m_firstRun));
        QVERIFY(page()->openRun(run));
        QCOMPARE(page()->confusionPanel()->threshold(), 0.333);
        QTRY_VERIFY_WITH_TIMEOUT(released, 5000);
        holder.join();
        QTRY_COMPARE_WITH_TIMEOUT(RunStore(*reader()).run(run)->threshold, 0.333, 3000);
    }

    void thresholdPickedWhileTrainingSurvivesTheEnd()
    {
        TrainSettings s = panel()->settings();
        s.mode = TrainSettings::Mode::Head;
        s.epochs = 5;
        s.patience = 0;
        s.threshold = 0.5;
        panel()->setSettings(s);
        QSignalSpy ended(page(), &TrainingPage::runEnded);
        QTest::mouseClick(panel()->trainButton(), Qt::LeftButton);
        // The annotator picks a threshold on the live curve while the run still trains.
        QTRY_VERIFY_WITH_TIMEOUT(page()->metricsPlot()->epochPoints() >= 1, 120000);
        QVERIFY(page()->isTraining());
        const double picked = 0.271;
        page()->setThreshold(picked);
        QCOMPARE(page()->confusionPanel()->threshold(), picked);
        QTRY_COMPARE_WITH_TIMEOUT(ended.count(), 1, 180000);
        const TrainResult result = ended.first().first().value<TrainResult>();
        QCOMPARE(result.status, QStringLiteral("finished"));
        // The end of the run shows it for review with the threshold picked, and saves that with the run.
        QCOMPARE(page()->reviewedRun(), result.runId);
        QCOMPARE(page()->confusionPanel()->threshold(), picked);
        QCOMPARE(RunStore(*reader()).run(result.runId)->threshold, picked);
    }

    void closingWhileTrainingAsksFirst()
    {
        chooseHead(400); // far more than it gets to do
        QSignalSpy ended(page(), &TrainingPage::runEnded);
        QTest::mouseClick(panel()->trainButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(page()->metricsPlot()->epochPoints() >= 2, 120000);
        const qint64 run = page()->liveRun();
        QVERIFY(run > 0);
        // First the annotator changes their mind: the window stays and the run goes on.
        QString asked;
        auto answer = [&asked](QMessageBox::StandardButton button) {
            QTimer::singleShot(0, [&asked, button] {
                auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
                if (!box)
                    return;
                asked = box->text();
                box->button(button)->click();
            });
        };
        answer(QMessageBox::Cancel);
        QVERIFY(!m_window->close());
        QVERIFY(!asked.isEmpty());
        QVERIFY(m_window->isVisible());
        QVERIFY(page()->isTraining());
        // Opening another project asks too; staying keeps this one and its run.
        asked.clear();
        answer(QMessageBox::Cancel);
        QVERIFY(!m_window->openProject(m_dir.filePath(QStringLiteral("other.nwproj")), /*create=*/true));
        QVERIFY(!asked.isEmpty());
        QCOMPARE(m_window->database()->displayName(), QFileInfo(m_project).absoluteFilePath());
        QVERIFY(page()->isTraining());
        // Then they confirm: the run is cancelled while the event loop keeps turning, then the window closes.
        asked.clear();
        int ticks = 0;
        QTimer tick;
        tick.setInterval(10);
        connect(&tick, &QTimer::timeout, [&ticks] { ++ticks; });
        tick.start();
        answer(QMessageBox::Yes);
        QElapsedTimer clock;
        clock.start();
        m_window->close();
        QVERIFY(!asked.isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(!m_window->isVisible(), 60000);
        QCOMPARE(ended.count(), 1);
        QCOMPARE(ended.first().first().value<TrainResult>().status, QStringLiteral("cancelled"));
        QCOMPARE(RunStore(*reader()).run(run)->status, QStringLiteral("cancelled"));
        // The wait for the batch in flight did not stop the 10 ms timer (a blocking wait would: no tick at all until
        // the batch ends). A tick every 40 ms at least, on average; the sanitizers slow the main thread's turns as
        // much as everything else (an ASan run on a busy machine saw 45 ms).
        if (clock.elapsed() > 200 * test::timeFactor())
            QVERIFY2(ticks * 40 * test::timeFactor() >= clock.elapsed(),
                     qPrintable(QStringLiteral("%1 ticks in %2 ms").arg(ticks).arg(clock.elapsed())));
    }

    void unreadableItemsAreShownWithTheRun()
    {
        // A picture imported, then damaged: the run leaves it out and the page says which, not only the log.
        const QString victim = m_dir.filePath(QStringLiteral("damaged.png"));
        QVERIFY(QFile::copy(test::clipArt(1, QStringLiteral("animals")).value(0), victim));
        ImportOptions options;
        options.paths = {victim};
        QCOMPARE(Importer(m_project, options).run().imported, 1);
        QFile f(victim);
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write("no longer a picture");
        f.close();
        chooseHead(1);
        QSignalSpy ended(page(), &TrainingPage::runEnded);
        QTest::mouseClick(panel()->trainButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(ended.count(), 1, 180000);
        QCOMPARE(ended.first().first().value<TrainResult>().unreadable.size(), 1);
        const auto labels = panel()->findChildren<MessageLabel *>();
        QString shown;
        for (const MessageLabel *l : labels)
            shown += l->message();
        QVERIFY2(shown.contains(QStringLiteral("1 item(s) could not be read and were left out:")),
                 qPrintable(shown));
        QVERIFY2(shown.contains(victim), qPrintable(shown));
    }

    // Cross-validated head run on planted label errors: whiskers in the metrics plot, a confusion cell opens every
    // labeled item it counts, the suspects open most suspect first; one is relabelled with the usual key, another
    // kept with K; both are in the history, and neither is suggested again.
    void reviewSuspectedLabelErrors()
    {
        // closingWhileTrainingAsksFirst closed the window: the label keys need it shown and active again.
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        m_window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
        {
            auto db = reader();
            QSqlQuery q(db->db());
            QVERIFY(q.exec(QStringLiteral("SELECT id FROM items WHERE label = 1 ORDER BY id DESC LIMIT 3")));
            QVector<qint64> planted;
            while (q.next())
                planted << q.value(0).toLongLong();
            QCOMPARE(LabelStore(*db).setLabel(planted, Label::Safe, QStringLiteral("test"), QStringLiteral("test")), 3);
        }
        m_window->pages()->setCurrentWidget(page());
        chooseHead(8);
        panel()->foldsSpin()->setValue(5);
        QSignalSpy ended(page(), &TrainingPage::runEnded);
        QTest::mouseClick(panel()->trainButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(ended.count(), 1, 300000);
        const TrainResult result = ended.first().first().value<TrainResult>();
        QCOMPARE(result.status, QStringLiteral("finished"));
        QCOMPARE(result.folds, 5);
        QCOMPARE(page()->reviewedRun(), result.runId);
        // Every epoch's AP carries its 95 % interval; precision and recall at the threshold carry theirs.
        QCOMPARE(page()->metricsPlot()->intervalPoints(), page()->metricsPlot()->epochPoints());
        QVERIFY2(page()->confusionPanel()->summaryText().contains(QStringLiteral("95 % intervals")),
                 qPrintable(page()->confusionPanel()->summaryText()));

        // The four cells hold every labeled item; a cell opens all of its items.
        auto db = reader();
        const qint64 labeled = ItemStore(*db).stats().count(Label::Safe) + ItemStore(*db).stats().count(Label::Nsfw);
        QCOMPARE(page()->confusionPanel()->matrix().total(), labeled);
        const qint64 tn = page()->confusionPanel()->matrix().tn;
        QTest::mouseClick(page()->confusionPanel()->cellButton(ConfusionPanel::Cell::TrueNegative), Qt::LeftButton);
        LabelingPage *labeling = m_window->labelingPage();
        QCOMPARE(labeling->model()->rowCount(), int(tn));
        QVERIFY(!labeling->isConfirmEnabled());

        // The suspects, most suspect first.
        m_window->pages()->setCurrentWidget(page());
        QVERIFY2(page()->suspectsButton()->isEnabled(), qPrintable(page()->suspectsButton()->text()));
        QTest::mouseClick(page()->suspectsButton(), Qt::LeftButton);
        QCOMPARE(m_window->pages()->currentWidget(), labeling);
        const QVector<qint64> suspects = labeling->model()->ids();
        QVERIFY2(suspects.size() >= 2, qPrintable(QString::number(suspects.size())));
        QVERIFY(labeling->isConfirmEnabled());
        QVERIFY(labeling->gallery()->bannerActionButton()->isVisibleTo(labeling->gallery()));
        // Each carries the suspect badge, in the gallery and on a video's timeline strip.
        for (qint64 id : suspects) {
            QVERIFY(labeling->gallery()->delegate()->suspects().contains(id));
            QVERIFY(labeling->viewer()->timelineDelegate()->suspects().contains(id));
        }

        // The first: relabelled with the usual key to what the audit suggests.
        const qint64 first = suspects.at(0);
        const qint64 second = suspects.at(1);
        const Label before = ItemQuery(*db).rows({first}).first().label;
        QTRY_COMPARE(labeling->shownItem(), first);
        labeling->gallery()->view()->setFocus();
        QTest::keyClick(labeling->gallery()->view(), before == Label::Safe ? Qt::Key_N : Qt::Key_S);
        QCOMPARE(ItemQuery(*db).rows({first}).first().label, before == Label::Safe ? Label::Nsfw : Label::Safe);
        // Auto-advance shows the second; K keeps its label.
        QTRY_COMPARE(labeling->shownItem(), second);
        const Label kept = ItemQuery(*db).rows({second}).first().label;
        QTest::keyClick(labeling->gallery()->view(), Qt::Key_K);

        const QVector<HistoryEntry> firstHistory = LabelStore(*db).history(first);
        QCOMPARE(firstHistory.last().label, before == Label::Safe ? Label::Nsfw : Label::Safe);
        QCOMPARE(firstHistory.last().previous, before);
        const QVector<HistoryEntry> secondHistory = LabelStore(*db).history(second);
        QCOMPARE(secondHistory.last().label, kept);
        QCOMPARE(secondHistory.last().previous, kept);
        QVERIFY2(secondHistory.last().source.startsWith(QStringLiteral("confirmed:")),
                 qPrintable(secondHistory.last().source));
        QCOMPARE(ItemQuery(*db).rows({second}).first().label, kept);

        // Neither is suggested again.
        m_window->pages()->setCurrentWidget(page());
        QTest::mouseClick(page()->suspectsButton(), Qt::LeftButton);
        const QVector<qint64> again = labeling->model()->ids();
        QVERIFY(!again.contains(first));
        QVERIFY(!again.contains(second));
        QVERIFY(!labeling->gallery()->delegate()->suspects().contains(first));
        QVERIFY(!labeling->gallery()->delegate()->suspects().contains(second));
        QCOMPARE(again.size(), suspects.size() - 2);
    }

    void cleanupTestCase() { m_window.reset(); }
};

QTEST_MAIN(TestTrainingPage)
#include "tst_trainingpage.moc"
