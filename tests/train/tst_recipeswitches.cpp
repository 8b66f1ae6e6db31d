// The fine-tuning recipes of issue 14 that change the weights or the scores, each doing what it claims: the linear
// head of LP-FT (its probe equal to scikit-learn's, the model it makes, a run with it that predict agrees with),
// weight averaging (the moving average, hand-computed), mixup (what blending changes and what it does not) and
// test-time flip averaging (the mean of the picture's and its mirror image's, in the classifier and in a run), and
// refitting a one-split run's model on every label.
#include "model/classifier.h"
#include "model/kerasgraph.h"
#include "model/linearhead.h"
#include "model/modelprofile.h"
#include "store/itemstore.h"
#include "store/projectdatabase.h"
#include "store/runstore.h"
#include "testsupport.h"
#include "tfjsbuilder.h"
#include "train/learner.h"
#include "train/linearprobe.h"
#include "train/trainer.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <opencv2/core.hpp>

#include <cmath>

using namespace nsfw;

class TestRecipeSwitches : public QObject
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

    static std::vector<torch::Tensor> trainable(Learner &l)
    {
        std::vector<torch::Tensor> out;
        for (const auto &p : l.graph()->parameters()) {
            if (p.requires_grad())
                out.push_back(p.detach().clone());
        }
        return out;
    }

    static double maxDifference(const std::vector<torch::Tensor> &a, const std::vector<torch::Tensor> &b)
    {
        double m = 0;
        for (size_t i = 0; i < a.size() && i < b.size(); ++i)
            m = std::max(m, (a[i] - b[i]).abs().max().item<double>());
        return a.size() == b.size() ? m : qInf();
    }

    // 40 items of 3 features, made up by formula; the labels depend on them, not perfectly.
    static std::pair<torch::Tensor, torch::Tensor> probeData()
    {
        torch::Tensor x = torch::empty({40, 3});
        torch::Tensor y = torch::empty({40});
        for (int i = 0; i < 40; ++i) {
            for (int j = 0; j < 3; ++j)
                x[i][j] = std::sin(1.3 * i + 0.7 * j) * (j + 1) + 0.1 * j;
            const double v = x[i][0].item<double>() + 0.5 * x[i][1].item<double>() - 0.2 * x[i][2].item<double>()
                             + 0.3 * std::sin(5.0 * i);
            y[i] = v > 0 ? 1.0f : 0.0f;
        }
        return {x, y};
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_model = m_dir.filePath("model");
        QVERIFY(test::writeTwoClassModel(m_model));
    }

    // The probe's weights and bias on the raw features equal scikit-learn's LogisticRegression(C, tol 1e-12) on
    // StandardScaler'd features, mapped back (the values below were computed so), with and without class weights.
    void probeMatchesScikitLearn()
    {
        const auto [x, y] = probeData();
        struct Case {
            double c, wPos, wNeg;
            std::vector<double> weight;
            double bias;
        };
        const std::vector<Case> cases{
            {1.0, 1, 1, {3.05522853, 0.81302712, -0.15735727}, 0.3983219887297884},
            {1.0, 2, 0.5, {3.01332819, 0.80996988, -0.14709205}, 1.320780146363722},
            {0.05, 1, 1, {0.75243245, 0.25851298, 0.01963277}, 0.185449819039288},
            {0.05, 2, 0.5, {0.67734238, 0.23655111, 0.02151709}, 1.294604221918985},
        };
        for (const Case &c : cases) {
            const linearprobe::Fit fit = linearprobe::fit(x, y, c.wPos, c.wNeg, 1, 5, c.c);
            QCOMPARE(fit.c, c.c);
            QVERIFY(std::isnan(fit.cvAp));
            for (int j = 0; j < 3; ++j)
                QVERIFY2(std::abs(fit.weight[j].item<double>() - c.weight[size_t(j)]) < 2e-4,
                         qPrintable(QStringLiteral("C %1, w%2: %3 vs %4")
                                        .arg(c.c)
                                        .arg(j)
                                        .arg(fit.weight[j].item<double>())
                                        .arg(c.weight[size_t(j)])));
            QVERIFY2(std::abs(fit.bias - c.bias) < 2e-4, qPrintable(QStringLiteral("%1 vs %2").arg(fit.bias).arg(c.bias)));
        }
        // Without a fixed C: one of the grid's, chosen by the folds' AP.
        const linearprobe::Fit chosen = linearprobe::fit(x, y, 1, 1, 1);
        const std::vector<double> grid = linearprobe::cGrid();
        QCOMPARE(grid.size(), size_t(13));
        QVERIFY(std::find(grid.begin(), grid.end(), chosen.c) != grid.end());
        QVERIFY(chosen.cvAp > 0.8 && chosen.cvAp <= 1.0);
    }

    // The head after the features ("gap") becomes one Dense layer onto Safe and NSFW, with zero weights; the other
    // layers and their weights stay; a feature layer that is not there is refused with its name.
    void linearHeadReplacesTheHead()
    {
        ModelError error;
        const auto model = readTfjsModel(m_model + "/model.json", &error);
        QVERIFY2(model, qPrintable(error.toString()));
        QString why;
        const auto cut = linearhead::replaceHead(*model, "gap", 4, &why);
        QVERIFY2(cut, qPrintable(why));
        QCOMPARE(cut->layers.back().name, QString(linearhead::kLayer));
        QCOMPARE(cut->layers.back().className, QStringLiteral("Dense"));
        QCOMPARE(cut->layers.size(), model->layers.size()); // "dense" gone, "linear_head" in its place
        QCOMPARE(cut->profile.classes, (QStringList{"Safe", "NSFW"}));
        QCOMPARE(cut->profile.nsfwClasses, QStringList{"NSFW"});
        QCOMPARE(cut->profile.blocks, (QStringList{"conv_a", "conv_b"}));
        QVERIFY(!cut->weight("dense/kernel"));
        QVERIFY(cut->weight("conv_a/kernel"));
        QCOMPARE(cut->weight(QStringLiteral("%1/kernel").arg(linearhead::kLayer))->shape, (std::vector<int64_t>{4, 2}));
        auto graph = buildKerasGraph(*cut, &error);
        QVERIFY2(graph, qPrintable(error.toString()));
        QCOMPARE((*graph)->outputClasses(), int64_t(2));
        const torch::Tensor p = (*graph)->forward(torch::rand({3, 3, 16, 16}));
        QVERIFY(torch::allclose(p, torch::full({3, 2}, 0.5)));
        // The document model.json is written from names the new head as the output.
        const QJsonObject config =
            cut->document["modelTopology"].toObject()["model_config"].toObject()["config"].toObject();
        QCOMPARE(config["output_layers"].toArray()[0].toArray()[0].toString(), QString(linearhead::kLayer));
        QCOMPARE(config["layers"].toArray().last().toObject()["name"].toString(), QString(linearhead::kLayer));

        QVERIFY(!linearhead::replaceHead(*model, "nowhere", 4, &why));
        QVERIFY2(why.contains("nowhere"), qPrintable(why));
    }

    // A partial run with the linear head: epoch 0 is the probe's judgement (not the pretrained model's), the run's
    // model folder has the head and a profile naming Safe and NSFW, and the classifier on that folder gives the
    // scores the run recorded (predict and train agree).
    void aLinearHeadRunTrainsAndPredictsConsistently()
    {
        if (test::clipArt(1).isEmpty())
            NSFW_REQUIRE_SETUP("openclipart-png is not installed (packaging/setup.sh)");
        const QString dir = m_dir.filePath("linear");
        QVERIFY(QDir().mkpath(dir));
        const QString project = test::makeTrainingProject(dir, 8);
        TrainSettings s;
        s.mode = TrainSettings::Mode::Partial;
        s.head = QStringLiteral("linear");
        s.blocks = 1;
        s.epochs = 2;
        s.patience = 0;
        s.batchSize = 4;
        s.folds = 1;
        s.validationFraction = 0.25;
        s.augment = false;
        s.learningRate = 1e-3;
        s.modelDir = m_model;
        s.refit = false; // every stored score is then the run's model's (refitting: aRefitRunTrainsOnEveryLabel)
        QVERIFY(s.validate().isEmpty());
        QCOMPARE(s.effectiveHeadEpochs(), 0); // its first stage is the probe, fitted
        Trainer trainer(project, s);
        QStringList phases;
        QObject::connect(&trainer, &Trainer::progress, &trainer,
                         [&phases](const TrainProgress &p) { phases.append(p.phase); });
        const TrainResult r = trainer.run();
        QVERIFY2(r.status == QStringLiteral("finished"), qPrintable(r.error));
        QVERIFY(phases.contains("fitting the linear head"));
        QVERIFY(phases.filter("head first").isEmpty());

        QString error;
        auto db = ProjectDatabase::open(project, ProjectDatabase::OpenMode::OpenExisting, "test", &error);
        QVERIFY2(db, qPrintable(error));
        RunStore runs(*db);
        const RunRecord run = *runs.run(r.runId);
        QCOMPARE(run.settings.value("head").toString(), QStringLiteral("linear"));
        const QString folder = db->cacheDir() + QLatin1Char('/') + run.checkpoint;
        auto classifier = Classifier::load(folder, &error);
        QVERIFY2(classifier, qPrintable(error));
        QCOMPARE(classifier->classNames(), (QStringList{"Safe", "NSFW"}));
        ItemStore items(*db);
        const QVector<ItemScore> scores = runs.itemScores(r.runId);
        QVERIFY(scores.size() >= 16);
        // The epoch-0 record is the probe's: not the 0.5 everywhere of the new head's zero weights (whose validation
        // loss is ln 2).
        const QVector<QJsonObject> epochs = runs.epochs(r.runId);
        QVERIFY(!epochs.isEmpty());
        QCOMPARE(epochs.first().value("epoch").toInt(), 0);
        QVERIFY(std::abs(epochs.first().value("validationLoss").toDouble() - std::log(2.0)) > 1e-3);
        int compared = 0;
        for (const ItemScore &score : scores) {
            const auto item = items.item(score.itemId);
            if (!item || item->path.contains('#'))
                continue;
            const ImageScore ours = classifier->classifyFiles({db->absolutePath(item->path)}).front();
            QVERIFY2(std::abs(ours.nsfw - score.score) < 1e-4,
                     qPrintable(QStringLiteral("%1: %2 vs %3").arg(item->path).arg(ours.nsfw).arg(score.score)));
            ++compared;
        }
        QVERIFY(compared >= 16);
    }

    // A one-split partial run with refit (the default) trains its model again on every label for the epochs the split
    // chose: it reports all labeled items trained on and a final phase; its validation items keep the split's
    // out-of-sample scores (the record and the gallery), while every other item's score is the run's model's, as
    // predict gives it. Without refit the model is the split's best epoch, trained on the training items only.
    void aRefitRunTrainsOnEveryLabel_data()
    {
        QTest::addColumn<bool>("refit");
        QTest::newRow("refit") << true;
        QTest::newRow("no refit") << false;
    }
    void aRefitRunTrainsOnEveryLabel()
    {
        QFETCH(bool, refit);
        if (test::clipArt(1).isEmpty())
            NSFW_REQUIRE_SETUP("openclipart-png is not installed (packaging/setup.sh)");
        const QString dir = m_dir.filePath(refit ? "refit" : "norefit");
        QVERIFY(QDir().mkpath(dir));
        const QString project = test::makeTrainingProject(dir, 8);
        TrainSettings s;
        QVERIFY(s.refit); // the default
        s.refit = refit;
        s.mode = TrainSettings::Mode::Partial;
        s.blocks = 1;
        s.epochs = 3;
        s.headEpochs = 0;
        s.patience = 0;
        s.batchSize = 4;
        s.folds = 1;
        s.validationFraction = 0.25;
        s.augment = false;
        s.learningRate = 1e-3;
        s.modelDir = m_model;
        Trainer trainer(project, s);
        QStringList phases;
        QObject::connect(&trainer, &Trainer::progress, &trainer,
                         [&phases](const TrainProgress &p) { phases.append(p.phase); });
        const TrainResult r = trainer.run();
        QVERIFY2(r.status == QStringLiteral("finished"), qPrintable(r.error));
        QVERIFY2(r.bestEpoch > 0, "the fixture should learn something in three epochs");

        QString error;
        auto db = ProjectDatabase::open(project, ProjectDatabase::OpenMode::OpenExisting, "test", &error);
        QVERIFY2(db, qPrintable(error));
        RunStore runs(*db);
        QHash<qint64, float> judged;
        qint64 trained = 0;
        for (const RunItem &item : runs.items(r.runId)) {
            if (item.split == 1)
                judged.insert(item.itemId, item.score);
            else
                ++trained;
        }
        QVERIFY(judged.size() >= 3);
        QCOMPARE(r.trainItems, refit ? trained + judged.size() : trained);
        QCOMPARE(phases.contains("training · final model on all labels"), refit);
        QCOMPARE(runs.run(r.runId)->settings.value("refit").toBool(), refit);

        const RunRecord run = *runs.run(r.runId);
        auto classifier = Classifier::load(db->cacheDir() + QLatin1Char('/') + run.checkpoint, &error);
        QVERIFY2(classifier, qPrintable(error));
        ItemStore items(*db);
        int compared = 0;
        double judgedMoved = 0; // how far the run's model moved from the split's on the validation items
        for (const ItemScore &score : runs.itemScores(r.runId)) {
            const auto item = items.item(score.itemId);
            QVERIFY(item);
            const float ours = classifier->classifyFiles({db->absolutePath(item->path)}).front().nsfw;
            if (judged.contains(score.itemId)) {
                // Out-of-sample, as the record has it.
                QVERIFY(std::abs(score.score - judged.value(score.itemId)) < 1e-5);
                judgedMoved = std::max(judgedMoved, double(std::abs(ours - score.score)));
            } else {
                QVERIFY2(std::abs(ours - score.score) < 1e-4,
                         qPrintable(QStringLiteral("%1: %2 vs %3").arg(item->path).arg(ours).arg(score.score)));
                ++compared;
            }
        }
        QVERIFY(compared >= 10);
        if (refit)
            QVERIFY2(judgedMoved > 1e-3, "the refitted model should score its former validation items differently");
        else
            QVERIFY2(judgedMoved < 1e-4, "without refit the run's model is the one that judged the validation items");
    }

    // The averaged weights after three steps with decay 0.5 are the hand-computed average: the first step's weights,
    // then decays min(0.5, 2/11) and min(0.5, 3/12) as it warms up. Swapping twice puts the trained weights back.
    void weightAveragingKeepsTheMovingAverage()
    {
        TrainSettings s;
        s.mode = TrainSettings::Mode::Full;
        s.freezeBatchNorm = false;
        s.learningRate = 1e-2;
        s.emaDecay = 0.5;
        Learner l = learner(s);
        l.start();
        torch::manual_seed(5);
        const torch::Tensor x = torch::rand({4, 3, 16, 16});
        const torch::Tensor y = torch::tensor({1.0f, 0.0f, 1.0f, 0.0f});
        std::vector<std::vector<torch::Tensor>> after;
        l.trainMode();
        for (int i = 0; i < 3; ++i) {
            l.step(x, y, 1, 1);
            after.push_back(trainable(l));
        }
        QCOMPARE(l.averagedSteps(), int64_t(3));
        const double d1 = 2.0 / 11.0, d2 = 0.25;
        std::vector<torch::Tensor> expected;
        for (size_t i = 0; i < after[0].size(); ++i)
            expected.push_back((after[0][i] * d1 + after[1][i] * (1 - d1)) * d2 + after[2][i] * (1 - d2));
        QVERIFY(maxDifference(after[2], expected) > 1e-4); // the average is not the last step's weights
        l.swapAverage();
        QVERIFY2(maxDifference(trainable(l), expected) < 1e-6, qPrintable(QString::number(maxDifference(trainable(l), expected))));
        {
            // Judging an epoch by the average leaves the trained weights in place afterwards.
            l.swapAverage();
            Learner::Averaged averaged(l);
            QVERIFY(maxDifference(trainable(l), expected) < 1e-6);
        }
        QVERIFY(maxDifference(trainable(l), after[2]) < 1e-7);

        // Off: nothing is averaged, and swapping changes nothing.
        s.emaDecay = 0;
        Learner plain = learner(s);
        plain.start();
        plain.trainMode();
        plain.step(x, y, 1, 1);
        const std::vector<torch::Tensor> trained = trainable(plain);
        plain.swapAverage();
        QCOMPARE(plain.averagedSteps(), int64_t(0));
        QCOMPARE(maxDifference(trainable(plain), trained), 0.0);
        s.emaDecay = 1.0;
        QVERIFY(!s.validate().isEmpty());
    }

    // Mixup blends a batch with a shuffled copy of itself, inputs and labels alike: on a batch of one picture and
    // one label it changes nothing (the step's loss is the plain loss), on a mixed batch it does.
    void mixupBlendsPicturesAndLabels()
    {
        TrainSettings s;
        s.mode = TrainSettings::Mode::Full;
        s.freezeBatchNorm = false;
        torch::manual_seed(9);
        const torch::Tensor one = torch::rand({1, 3, 16, 16});
        const torch::Tensor same = one.repeat({4, 1, 1, 1});
        const torch::Tensor ones = torch::ones({4});
        const torch::Tensor mixed = torch::rand({4, 3, 16, 16});
        const torch::Tensor labels = torch::tensor({1.0f, 0.0f, 1.0f, 0.0f});
        auto firstLoss = [&](double alpha, const torch::Tensor &x, const torch::Tensor &y) {
            TrainSettings t = s;
            t.mixup = alpha;
            Learner l = learner(t);
            l.start();
            l.trainMode();
            torch::manual_seed(11);
            return l.step(x, y, 1.5, 0.5);
        };
        QVERIFY(std::abs(firstLoss(0.4, same, ones) - firstLoss(0, same, ones)) < 1e-6);
        QVERIFY(std::abs(firstLoss(0.4, mixed, labels) - firstLoss(0, mixed, labels)) > 1e-5);
        s.mixup = -1;
        QVERIFY(!s.validate().isEmpty());
    }

    // A model whose profile says test_time_flip scores a picture as the mean of the plain model's scores of it and
    // of its mirror image; a partial run with flip averaging writes that into its model's profile, and its learner
    // scores so too. Head mode refuses it.
    void flipAveragingScoresTheMirrorToo()
    {
        const QString flipped = m_dir.filePath("flipped");
        QVERIFY(test::writeTwoClassModel(flipped, {{"test_time_flip", true}}));
        QString error;
        auto plain = Classifier::load(m_model, &error);
        auto averaging = Classifier::load(flipped, &error);
        QVERIFY2(plain && averaging, qPrintable(error));
        QVERIFY(averaging->profile().flipAverage);
        QVERIFY(!plain->profile().flipAverage);
        // A picture unlike its mirror image: a ramp from left to right, and a bright square on the left.
        cv::Mat picture(16, 16, CV_8UC3);
        for (int r = 0; r < 16; ++r) {
            for (int c = 0; c < 16; ++c)
                picture.at<cv::Vec3b>(r, c) = cv::Vec3b(uchar(c * 16), uchar(255 - c * 12), uchar(r * 10));
        }
        picture(cv::Rect(1, 4, 5, 5)).setTo(cv::Scalar(255, 255, 255));
        cv::Mat mirror;
        cv::flip(picture, mirror, 1);
        const std::vector<ImageScore> p = plain->classifyPixels({picture, mirror});
        const ImageScore a = averaging->classifyPixels({picture}).front();
        QVERIFY(std::abs(p[0].nsfw - p[1].nsfw) > 1e-4); // the mirror image scores otherwise
        QVERIFY2(std::abs(a.nsfw - (p[0].nsfw + p[1].nsfw) / 2) < 1e-5,
                 qPrintable(QStringLiteral("%1 vs %2, %3").arg(a.nsfw).arg(p[0].nsfw).arg(p[1].nsfw)));

        // The learner of a flip-averaging run scores the same way.
        TrainSettings s;
        s.mode = TrainSettings::Mode::Partial;
        s.flipAverage = true;
        QVERIFY(s.validate().isEmpty());
        ModelError modelError;
        ModelProfile withFlip;
        std::optional<KerasGraph> graph = loadKerasGraph(flipped, &modelError, &withFlip);
        QVERIFY(graph);
        Learner l(*graph, s, withFlip, false);
        torch::manual_seed(2);
        const torch::Tensor x = torch::rand({2, 3, 16, 16});
        Learner unflipped = learner(TrainSettings{});
        const torch::Tensor both = (unflipped.graph()->forward(x) + unflipped.graph()->forward(x.flip({3}))) * 0.5;
        QVERIFY(torch::allclose(l.probability(x), both.select(1, 1), 1e-5, 1e-6));

        s.mode = TrainSettings::Mode::Head;
        QVERIFY(!s.validate().isEmpty());
        QVERIFY(ModelProfile::fromJson(QJsonObject{{"test_time_flip", "yes"}}, &error) == std::nullopt);
    }
};

QTEST_GUILESS_MAIN(TestRecipeSwitches)
#include "tst_recipeswitches.moc"
