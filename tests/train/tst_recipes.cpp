// The fine-tuning recipes (issue 14) do what they claim: the schedule's rate at every step, each block's rate under
// layer decay, label smoothing's loss, a run that follows the schedule step by step, the head trained first, and auto
// mode's candidates, choice and record.
#include "model/kerasgraph.h"
#include "model/modelprofile.h"
#include "testsupport.h"
#include "tfjsbuilder.h"
#include "store/projectdatabase.h"
#include "store/runstore.h"
#include "train/automode.h"
#include "train/learner.h"
#include "train/recipe.h"
#include "train/trainer.h"
#include "train/trainingdata.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace nsfw;

class TestRecipes : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_model;

    Learner learner(const TrainSettings &s)
    {
        ModelError error;
        ModelProfile profile;
        std::optional<KerasGraph> graph = loadKerasGraph(m_model, &error, &profile);
        if (!graph)
            qFatal("%s", qPrintable(error.toString()));
        return Learner(*graph, s, profile, false);
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_model = m_dir.filePath("model");
        QVERIFY(test::writeTwoClassModel(m_model));
    }

    void constantScheduleKeepsTheRate()
    {
        const recipe::Schedule constant;
        for (int step = 0; step < 10; ++step)
            QCOMPARE(constant.factor(step, 10), 1.0);
    }

    // Cosine over 10 steps with 20 % warm-up: 1/2 and 1 while warming up, then 1/2 (1 + cos(pi (step - 2) / 8)).
    void cosineWarmsUpThenDecays()
    {
        const recipe::Schedule cosine{QStringLiteral("cosine"), 0.2};
        QCOMPARE(cosine.factor(0, 10), 0.5);
        QCOMPARE(cosine.factor(1, 10), 1.0);
        for (int step = 2; step < 10; ++step)
            QVERIFY(std::abs(cosine.factor(step, 10) - 0.5 * (1 + std::cos(M_PI * (step - 2) / 8.0))) < 1e-12);
        QVERIFY(cosine.factor(9, 10) > 0);
        QVERIFY(cosine.factor(9, 10) < 0.05);
        // No warm-up: the first step at the full rate.
        QCOMPARE((recipe::Schedule{QStringLiteral("cosine"), 0.0}.factor(0, 10)), 1.0);
        QVERIFY(!recipe::Schedule::isKnown(QStringLiteral("step")));
        TrainSettings s;
        s.schedule = QStringLiteral("step");
        QVERIFY(!s.validate().isEmpty());
    }

    // Partial mode over both blocks: the head at ten times the rate, the top block (conv_b) at the rate, conv_a
    // below it at rate x decay; the schedule scales them all.
    void layerDecayGivesEachBlockItsRate()
    {
        TrainSettings s;
        s.mode = TrainSettings::Mode::Partial;
        s.blocks = 2;
        s.learningRate = 1e-3;
        s.freezeBatchNorm = false;
        Learner plain = learner(s);
        plain.start();
        QCOMPARE(plain.learningRates(), (std::vector<double>{1e-2, 1e-3}));

        s.layerDecay = 0.5;
        Learner decayed = learner(s);
        decayed.start();
        QCOMPARE(decayed.learningRates(), (std::vector<double>{1e-2, 1e-3, 5e-4}));
        decayed.setScheduleFactor(0.25);
        QCOMPARE(decayed.learningRates(), (std::vector<double>{2.5e-3, 2.5e-4, 1.25e-4}));
    }

    // The loss of a step is the weighted cross-entropy against y (1 - e) + e / 2, computed here by hand from the
    // probabilities the model gave before the step.
    void labelSmoothingMovesTheTargets()
    {
        TrainSettings s;
        s.mode = TrainSettings::Mode::Full;
        s.labelSmoothing = 0.2;
        s.freezeBatchNorm = false;
        Learner l = learner(s);
        l.start();
        torch::manual_seed(3);
        const torch::Tensor x = torch::rand({4, 3, 16, 16});
        const torch::Tensor y = torch::tensor({1.0f, 0.0f, 1.0f, 0.0f});
        const torch::Tensor p = l.probability(x).detach();
        double expected = 0;
        for (int i = 0; i < 4; ++i) {
            const double label = y[i].item<double>();
            const double target = recipe::smoothedTarget(label, 0.2);
            const double q = std::clamp(p[i].item<double>(), 1e-7, 1 - 1e-7);
            const double w = label > 0.5 ? 2.0 : 0.5; // positives and negatives weighted as given below
            expected += -w * (target * std::log(q) + (1 - target) * std::log(1 - q));
        }
        expected /= 4;
        l.trainMode();
        const double loss = l.step(x, y, 2.0, 0.5);
        QVERIFY2(std::abs(loss - expected) < 1e-5, qPrintable(QStringLiteral("%1 vs %2").arg(loss).arg(expected)));
        QCOMPARE(recipe::smoothedTarget(1, 0.2), 0.9);
        QCOMPARE(recipe::smoothedTarget(0, 0.2), 0.1);
    }

    // A run with the cosine schedule reports every step's rate: warming up, then decaying, over all its steps.
    void aRunFollowsTheSchedule()
    {
        if (test::clipArt(1).isEmpty())
            NSFW_REQUIRE_SETUP("openclipart-png is not installed (packaging/setup.sh)");
        const QString project = test::makeTrainingProject(m_dir.path(), 8);
        TrainSettings s;
        s.mode = TrainSettings::Mode::Head;
        s.epochs = 3;
        s.patience = 0;
        s.batchSize = 4;
        s.folds = 1;
        s.validationFraction = 0.25;
        s.scoreAll = false;
        s.schedule = QStringLiteral("cosine");
        s.warmup = 0.25;
        s.learningRate = 1e-3;
        s.modelDir = m_model;
        Trainer trainer(project, s);
        QSignalSpy steps(&trainer, &Trainer::stepLoss);
        const TrainResult r = trainer.run();
        QVERIFY2(r.status == QStringLiteral("finished"), qPrintable(r.error));
        const int total = steps.count();
        QVERIFY(total >= 6);
        const recipe::Schedule cosine{QStringLiteral("cosine"), 0.25};
        for (int i = 0; i < total; ++i) {
            const StepLoss step = steps.at(i).at(0).value<StepLoss>();
            QVERIFY(std::abs(step.learningRate - 1e-3 * cosine.factor(i, total)) < 1e-12);
        }
        QVERIFY(steps.at(0).at(0).value<StepLoss>().learningRate < 1e-3);
        QVERIFY(steps.at(total - 1).at(0).value<StepLoss>().learningRate < 1e-4);
    }

    // Head first (gradual unfreezing): a partial run trains the head alone for the epochs asked, on each fold's own
    // items and again before the final model, and the blocks' first step then starts from a head that fits: its loss
    // is below that of the same run without the head-first stage. Head mode has no such stage.
    void headFirstTrainsTheHeadBeforeTheBlocks()
    {
        if (test::clipArt(1).isEmpty())
            NSFW_REQUIRE_SETUP("openclipart-png is not installed (packaging/setup.sh)");
        const QString dir = m_dir.filePath("headfirst");
        QVERIFY(QDir().mkpath(dir));
        const QString project = test::makeTrainingProject(dir, 8);
        TrainSettings s;
        s.mode = TrainSettings::Mode::Partial;
        s.blocks = 1;
        s.epochs = 1;
        s.patience = 0;
        s.batchSize = 4;
        s.folds = 1;
        s.validationFraction = 0.25;
        s.scoreAll = false;
        s.augment = false;
        s.learningRate = 1e-3;
        s.modelDir = m_model;
        int bestEpoch = -1;
        auto firstStepLoss = [&](int headEpochs, int folds, QStringList *phases) {
            TrainSettings t = s;
            t.headEpochs = headEpochs;
            t.folds = folds;
            Trainer trainer(project, t);
            QSignalSpy steps(&trainer, &Trainer::stepLoss);
            QObject::connect(&trainer, &Trainer::progress, &trainer, [phases](const TrainProgress &p) {
                if (p.phase.startsWith(QLatin1String("head first")))
                    phases->append(QStringLiteral("%1 %2/%3").arg(p.phase).arg(p.done).arg(p.total));
            });
            const TrainResult r = trainer.run();
            if (r.status != QLatin1String("finished"))
                qWarning() << r.error;
            bestEpoch = r.bestEpoch;
            return steps.isEmpty() ? qQNaN() : steps.at(0).at(0).value<StepLoss>().loss;
        };
        QStringList phases;
        const double without = firstStepLoss(0, 1, &phases);
        QVERIFY(phases.isEmpty());
        const double with = firstStepLoss(20, 1, &phases);
        // One split: the head first before the blocks, and again before the refitted model (the default) when the
        // split chose an epoch to train it for.
        const QStringList refitted = phases.filter(QStringLiteral("final model on all labels"));
        QCOMPARE(refitted.size(), bestEpoch > 0 ? 20 : 0);
        QCOMPARE(phases.size(), 20 + refitted.size());
        QCOMPARE(phases.first(), QStringLiteral("head first 1/20"));
        QCOMPARE(phases.at(19), QStringLiteral("head first 20/20"));
        QVERIFY2(with < without, qPrintable(QStringLiteral("first step's loss %1 with, %2 without").arg(with).arg(without)));

        // Two folds: each fold's head first, then the final model's when the folds chose an epoch to train it for.
        phases.clear();
        firstStepLoss(3, 2, &phases);
        QVERIFY(bestEpoch >= 0);
        QCOMPARE(phases.size(), bestEpoch > 0 ? 9 : 6);
        QVERIFY2(phases.filter(QStringLiteral("fold 1 of 2")).size() == 3, qPrintable(phases.join(", ")));
        QVERIFY2(phases.filter(QStringLiteral("fold 2 of 2")).size() == 3, qPrintable(phases.join(", ")));
        QVERIFY2(phases.filter(QStringLiteral("final model")).size() == (bestEpoch > 0 ? 3 : 0),
                 qPrintable(phases.join(", ")));

        TrainSettings d;
        QCOMPARE(d.effectiveHeadEpochs(), 0); // head mode
        d.mode = TrainSettings::Mode::Full;
        QCOMPARE(d.effectiveHeadEpochs(), TrainSettings::kDefaultHeadEpochs);
        QCOMPARE(TrainSettings::fromJson(d.toJson()).effectiveHeadEpochs(), TrainSettings::kDefaultHeadEpochs);
        QCOMPARE(TrainSettings::fromJson(QJsonObject{{"mode", "full"}}).effectiveHeadEpochs(), 0); // older runs
        d.headEpochs = -2;
        QVERIFY(!d.validate().isEmpty());
    }

    // The candidates, cheapest first, keep the user's split and recipes; each block count once.
    void autoModeCandidates()
    {
        TrainSettings user;
        user.mode = TrainSettings::Mode::Auto;
        user.labelSmoothing = 0.1;
        user.seed = 7;
        QStringList names;
        for (const automode::Candidate &c : automode::candidates(user, 16, 1)) {
            names << c.name;
            QCOMPARE(c.settings.folds, 1);
            QCOMPARE(c.settings.labelSmoothing, 0.1);
            QCOMPARE(c.settings.seed, quint64(7));
            QVERIFY(c.settings.validate().isEmpty());
        }
        QCOMPARE(names, (QStringList{"head", "partial, 2 block(s)", "partial, 6 block(s)", "full"}));
        names.clear();
        for (const automode::Candidate &c : automode::candidates(user, 2, 5))
            names << c.name;
        QCOMPARE(names, (QStringList{"head", "partial, 2 block(s)", "full"}));

        // The choice: the best completed trial; a stopped one only when none completed; ties to the cheaper.
        automode::Report r;
        r.trials = {{"head", {}, "tried", 0.80, 12, 1},
                    {"partial", {}, "tried", 0.85, 4, 10},
                    {"full", {}, "stopped", 0.90, 1, 30}};
        r.decide();
        QCOMPARE(r.chosen, 1);
        QVERIFY2(r.reason.startsWith("partial: validation AP 0.850, the highest"), qPrintable(r.reason));
        QVERIFY2(r.reason.contains("full 0.900 (stopped early)"), qPrintable(r.reason));
        r.trials[1].averagePrecision = 0.80;
        r.decide();
        QCOMPARE(r.chosen, 0);
        r.trials[0].status = r.trials[1].status = "skipped";
        r.decide();
        QCOMPARE(r.chosen, 2);
        const automode::Report back = automode::Report::fromJson(r.toJson());
        QCOMPARE(back.chosen, 2);
        QCOMPARE(back.trials.size(), 3);
        QCOMPARE(back.trials[2].status, QStringLiteral("stopped"));
        QCOMPARE(back.reason, r.reason);
    }

    // A real auto run tries every candidate within a generous budget, trains the best by validation AP, and the
    // run records the chosen settings with what it tried; with a budget of a few milliseconds only the first is tried.
    void autoModeTriesChoosesAndRecords()
    {
        if (test::clipArt(1).isEmpty())
            NSFW_REQUIRE_SETUP("openclipart-png is not installed (packaging/setup.sh)");
        const QString dir = m_dir.filePath("auto");
        QVERIFY(QDir().mkpath(dir));
        const QString project = test::makeTrainingProject(dir, 8);
        TrainSettings s;
        s.mode = TrainSettings::Mode::Auto;
        s.epochs = 2;
        s.headEpochs = 2;
        s.batchSize = 4;
        s.validationFraction = 0.25;
        s.scoreAll = false;
        s.augment = false;
        s.budgetMinutes = 30;
        s.modelDir = m_model;
        Trainer trainer(project, s);
        QStringList phases;
        QObject::connect(&trainer, &Trainer::progress, &trainer,
                         [&phases](const TrainProgress &p) { phases.append(p.phase); });
        QSignalSpy epochs(&trainer, &Trainer::epochFinished);
        const TrainResult r = trainer.run();
        QVERIFY2(r.status == QStringLiteral("finished"), qPrintable(r.error));
        const automode::Report report = automode::Report::fromJson(r.autoReport);
        QCOMPARE(report.trials.size(), 3);
        double bestAp = -1;
        for (const automode::Trial &t : report.trials) {
            QCOMPARE(t.status, QStringLiteral("tried"));
            QVERIFY(!std::isnan(t.averagePrecision));
            bestAp = std::max(bestAp, t.averagePrecision);
        }
        QVERIFY(report.chosen >= 0);
        QCOMPARE(report.trials[report.chosen].averagePrecision, bestAp);
        QVERIFY(!phases.filter("auto: partial, 2 block(s) (2 of 3)").isEmpty());
        // Only the chosen one's training is recorded: its epochs, the same best AP as its trial.
        QVERIFY(std::abs(r.best.averagePrecision - bestAp) < 1e-9);
        QCOMPARE(r.bestEpoch, report.trials[report.chosen].bestEpoch);
        QString error;
        auto db = ProjectDatabase::open(project, ProjectDatabase::OpenMode::OpenExisting, "test", &error);
        QVERIFY2(db, qPrintable(error));
        const QJsonObject settings = RunStore(*db).run(r.runId)->settings;
        QCOMPARE(settings.value("mode").toString(),
                 report.trials[report.chosen].settings.value("mode").toString());
        QCOMPARE(settings.value("auto").toObject().value("candidates").toArray().size(), 3);
        QCOMPARE(epochs.count(), RunStore(*db).epochs(r.runId).size());

        // A run of the pretrained model records that mode, not head mode's, by which it scores.
        TrainSettings pretrained = s;
        pretrained.mode = TrainSettings::Mode::Pretrained;
        const TrainResult p = Trainer(project, pretrained).run();
        QVERIFY2(p.status == QStringLiteral("finished"), qPrintable(p.error));
        QCOMPARE(RunStore(*db).run(p.runId)->settings.value("mode").toString(), QStringLiteral("pretrained"));
        QVERIFY(p.autoReport.isEmpty());

        s.budgetMinutes = 0.0001; // 6 ms
        Trainer hurried(project, s);
        const TrainResult h = hurried.run();
        QVERIFY2(h.status == QStringLiteral("finished"), qPrintable(h.error));
        const automode::Report quick = automode::Report::fromJson(h.autoReport);
        QCOMPARE(quick.chosen, 0);
        QCOMPARE(quick.trials[1].status, QStringLiteral("skipped"));
        QCOMPARE(quick.trials[2].status, QStringLiteral("skipped"));
    }
};

QTEST_GUILESS_MAIN(TestRecipes)
#include "tst_recipes.moc"
