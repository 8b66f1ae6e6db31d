// Model profiles (issue 14): profile.json drives preprocessing, the class mapping and partial mode's blocks; a
// made-up model whose classes are not nsfwjs's trains and predicts with the same p(nsfw).
#include "model/classifier.h"
#include "model/kerasgraph.h"
#include "model/modelprofile.h"
#include "model/preprocess.h"
#include "store/itemstore.h"
#include "store/projectdatabase.h"
#include "store/runstore.h"
#include "testsupport.h"
#include "tfjsbuilder.h"
#include "train/trainer.h"
#include "train/trainingdata.h"

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
using nsfw::test::TfjsBuilder;

namespace {

/// A profile unlike nsfwjs's in every respect.
QJsonObject otherProfile()
{
    return QJsonObject{
        {"name", "made-up three-class model"},
        {"input", QJsonObject{{"scaling", "symmetric"}, {"channels", "bgr"}, {"resize", "bilinear"}}},
        {"classes", QJsonArray{"ok", "risky", "bad"}},
        {"nsfw_classes", QJsonArray{"risky", "bad"}},
        {"blocks", QJsonArray{"conv_a", "conv_b"}},
    };
}

bool writeJson(const QString &path, const QJsonObject &o)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(QJsonDocument(o).toJson()) > 0;
}

} // namespace

class TestModelProfile : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

private Q_SLOTS:
    void jsonRoundTripsAndBadProfilesNameTheirKey()
    {
        QString error;
        const std::optional<ModelProfile> p = ModelProfile::fromJson(otherProfile(), &error);
        QVERIFY2(p, qPrintable(error));
        QCOMPARE(p->classes, (QStringList{"ok", "risky", "bad"}));
        QCOMPARE(p->nsfwIndices(), (std::vector<int>{1, 2}));
        QCOMPARE(p->input.scaling, Preprocessing::Scaling::Symmetric);
        QVERIFY(p->input.bgr);
        QVERIFY(!p->input.alignCorners);
        const std::optional<ModelProfile> again = ModelProfile::fromJson(p->toJson(), &error);
        QVERIFY(again);
        QCOMPARE(again->toJson(), p->toJson());
        QCOMPARE(p->nsfwScore({0.5f, 0.25f, 0.125f}), 0.375f);

        QJsonObject bad = otherProfile();
        bad["input"] = QJsonObject{{"scaling", "imagenet"}};
        QVERIFY(!ModelProfile::fromJson(bad, &error));
        QVERIFY2(error.contains("input.scaling"), qPrintable(error));
        bad = otherProfile();
        bad["classes"] = QJsonArray{"ok", 3};
        QVERIFY(!ModelProfile::fromJson(bad, &error));
        QVERIFY2(error.contains("classes"), qPrintable(error));
    }

    // Without profile.json: "class0".. with the last class as p(nsfw); five outputs are nsfwjs's (run folders
    // written before profiles); a profile that does not fit the model is refused, naming what does not fit.
    void defaultsAndContradictions()
    {
        QString error;
        const ModelProfile three = ModelProfile().completed(16, 16, 3, {"input", "conv_a"}, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(three.classes, (QStringList{"class0", "class1", "class2"}));
        QCOMPARE(three.nsfwClasses, QStringList{"class2"});
        QCOMPARE(three.input.height, 16);
        QVERIFY(three.input.alignCorners);
        QVERIFY(three.input.scaling == Preprocessing::Scaling::Unit);

        const ModelProfile five =
            ModelProfile().completed(224, 224, 5, {"input", "block_1_expand", "block_2_expand", "out"}, &error);
        QCOMPARE(five.nsfwIndices(), (std::vector<int>{1, 3, 4}));
        QCOMPARE(five.blocks, (QStringList{"block_1_expand", "block_2_expand"}));

        ModelProfile p = *ModelProfile::fromJson(otherProfile(), &error);
        p.origin = QStringLiteral("profile.json");
        error.clear();
        p.completed(16, 16, 5, {"conv_a", "conv_b"}, &error);
        QVERIFY2(error.contains("3 classes"), qPrintable(error));
        error.clear();
        p.completed(16, 16, 3, {"conv_a"}, &error);
        QVERIFY2(error.contains("conv_b"), qPrintable(error));
        error.clear();
        p.nsfwClasses << QStringLiteral("worst");
        p.completed(16, 16, 3, {"conv_a", "conv_b"}, &error);
        QVERIFY2(error.contains("worst"), qPrintable(error));
    }

    // The profile's scaling, channel order and resize rule are what the prepared input holds.
    void preprocessingFollowsTheProfile()
    {
        // 2x2 BGR pixels: blue, green / red, white.
        cv::Mat bgr(2, 2, CV_8UC3);
        bgr.at<cv::Vec3b>(0, 0) = {255, 0, 0};
        bgr.at<cv::Vec3b>(0, 1) = {0, 255, 0};
        bgr.at<cv::Vec3b>(1, 0) = {0, 0, 255};
        bgr.at<cv::Vec3b>(1, 1) = {255, 255, 255};
        const PreparedImage nsfwjs = prepareBgr(bgr, Preprocessing{2, 2});
        QVERIFY(nsfwjs.ok());
        // First pixel, RGB in [0, 1]: blue is (0, 0, 1).
        QCOMPARE(nsfwjs.hwc[0], 0.0f);
        QCOMPARE(nsfwjs.hwc[2], 1.0f);
        Preprocessing other{2, 2, Preprocessing::Scaling::Symmetric, true, true};
        const PreparedImage symmetric = prepareBgr(bgr, other);
        // BGR in [-1, 1]: blue is (1, -1, -1).
        QCOMPARE(symmetric.hwc[0], 1.0f);
        QCOMPARE(symmetric.hwc[1], -1.0f);
        QCOMPARE(symmetric.hwc[2], -1.0f);
        // Enlarged to 4x4: align-corners keeps the corner pixels at the corners; half-pixel centres put them a
        // quarter pixel in, where the value is still the corner's but the next one differs.
        const PreparedImage corners = prepareBgr(bgr, Preprocessing{4, 4});
        other = Preprocessing{4, 4};
        other.alignCorners = false;
        const PreparedImage halfPixel = prepareBgr(bgr, other);
        QCOMPARE(corners.hwc[2], 1.0f);
        QCOMPARE(halfPixel.hwc[2], 1.0f);
        // Pixel (0, 1), blue channel: align-corners puts it a third of the way to green (2/3 blue), half-pixel
        // a quarter of the way (3/4 blue).
        QVERIFY(std::abs(corners.hwc[3 + 2] - 2.0f / 3.0f) < 1e-6f);
        QVERIFY(std::abs(halfPixel.hwc[3 + 2] - 0.75f) < 1e-6f);
    }

    // The classifier reads the profile: class names, p(nsfw) as the sum of the nsfw classes, and the input the
    // profile prescribes (the same picture, prepared another way, scores otherwise).
    void classifierUsesTheProfile()
    {
        const QString dir = m_dir.filePath("three");
        QVERIFY(QDir().mkpath(dir));
        QVERIFY(test::twoBlockClassifier(3).write(dir));
        QVERIFY(writeJson(dir + "/profile.json", otherProfile()));
        QString error;
        auto classifier = Classifier::load(dir, &error);
        QVERIFY2(classifier, qPrintable(error));
        QCOMPARE(classifier->classNames(), (QStringList{"ok", "risky", "bad"}));
        cv::Mat picture(40, 30, CV_8UC3);
        cv::randu(picture, 0, 255);
        const ImageScore s = classifier->classifyPixels({picture}).front();
        QVERIFY2(s.ok(), qPrintable(s.error));
        QCOMPARE(s.nsfw, s.probabilities[1] + s.probabilities[2]);

        // The same model without its profile: default preprocessing and the last class alone.
        const QString bare = m_dir.filePath("bare");
        QVERIFY(QDir().mkpath(bare));
        QVERIFY(test::twoBlockClassifier(3).write(bare));
        auto plain = Classifier::load(bare, &error);
        QVERIFY2(plain, qPrintable(error));
        const ImageScore t = plain->classifyPixels({picture}).front();
        QCOMPARE(t.nsfw, t.probabilities[2]);
        QVERIFY2(std::abs(t.probabilities[0] - s.probabilities[0]) > 1e-4,
                 "the profile's preprocessing made no difference");

        // A profile that contradicts the model is refused with a message.
        QJsonObject wrong = otherProfile();
        wrong["classes"] = QJsonArray{"a", "b"};
        wrong["nsfw_classes"] = QJsonArray{"b"};
        QVERIFY(writeJson(bare + "/profile.json", wrong));
        QVERIFY(!Classifier::load(bare, &error));
        QVERIFY2(error.contains("2 classes"), qPrintable(error));
    }

    // Partial mode trains from the first layer of the last k blocks the profile names; more blocks than there
    // are: all of them.
    void partialModeCountsTheProfilesBlocks()
    {
        const QString dir = m_dir.filePath("three");
        ModelError error;
        ModelProfile profile;
        std::optional<KerasGraph> graph = loadKerasGraph(dir, &error, &profile);
        QVERIFY2(graph, qPrintable(error.toString()));
        QCOMPARE(profile.blocks, (QStringList{"conv_a", "conv_b"}));
        QCOMPARE(firstTrainableLayer(*graph, TrainSettings::Mode::Partial, 1, profile.blocks), std::string("conv_b"));
        QCOMPARE(firstTrainableLayer(*graph, TrainSettings::Mode::Partial, 2, profile.blocks), std::string("conv_a"));
        QCOMPARE(firstTrainableLayer(*graph, TrainSettings::Mode::Partial, 9, profile.blocks), std::string("conv_a"));
        setTrainable(*graph, TrainSettings::Mode::Partial, 1, profile.blocks, false);
        for (const auto &p : (*graph)->layer("conv_a")->parameters())
            QVERIFY(!p.requires_grad());
        for (const auto &p : (*graph)->layer("conv_b")->parameters())
            QVERIFY(p.requires_grad());
    }

    // Training on the made-up model writes its profile into the run's model folder, and `predict` on that folder
    // gives every validation item the score the trainer recorded for it.
    void trainAndPredictAgreeOnPNsfw()
    {
        if (test::clipArt(1).isEmpty())
            NSFW_REQUIRE_SETUP("openclipart-png is not installed (packaging/setup.sh)");
        const QString project = test::makeTrainingProject(m_dir.path(), 12);
        TrainSettings s;
        s.mode = TrainSettings::Mode::Partial;
        s.blocks = 1;
        s.epochs = 2;
        s.patience = 0;
        s.batchSize = 8;
        s.folds = 1;
        s.validationFraction = 0.4;
        s.scoreAll = false;
        s.refit = false; // the model that judged the validation items is the run's (refit: tst_recipeswitches)
        s.modelDir = m_dir.filePath("three");
        Trainer trainer(project, s);
        const TrainResult r = trainer.run();
        QVERIFY2(r.status == QStringLiteral("finished"), qPrintable(r.error));

        QString error;
        auto db = ProjectDatabase::open(project, ProjectDatabase::OpenMode::OpenExisting, QStringLiteral("t"), &error);
        QVERIFY2(db, qPrintable(error));
        RunStore runs(*db);
        const RunRecord run = *runs.run(r.runId);
        const QString modelDir = db->cacheDir() + QLatin1Char('/') + run.checkpoint;
        const std::optional<ModelProfile> written = ModelProfile::read(modelDir, &error);
        QVERIFY2(written && written->origin.endsWith("profile.json"), qPrintable(error));
        QCOMPARE(written->classes, (QStringList{"ok", "risky", "bad"}));
        QCOMPARE(written->input.scaling, Preprocessing::Scaling::Symmetric);

        ItemStore items(*db);
        QHash<QString, float> trained;
        QStringList paths;
        for (const RunItem &i : runs.items(r.runId)) {
            if (i.split != 1)
                continue;
            const QString path = db->absolutePath(items.item(i.itemId)->path);
            trained.insert(QFileInfo(path).fileName(), i.score);
            paths << path;
        }
        QVERIFY(paths.size() >= 4);
        const test::WorkbenchRun predicted =
            test::runWorkbench(QStringList{"predict", "--model", modelDir, "--format", "jsonl"} + paths);
        QVERIFY2(predicted.code == 0, qPrintable(predicted.err));
        int compared = 0;
        for (const QString &line : predicted.out.split('\n', Qt::SkipEmptyParts)) {
            const QJsonObject o = QJsonDocument::fromJson(line.toUtf8()).object();
            const QString name = QFileInfo(o["path"].toString()).fileName();
            QVERIFY2(trained.contains(name), qPrintable(line));
            QVERIFY2(o.contains("risky") && o.contains("bad") && !o.contains("Porn"), qPrintable(line));
            const double predicted = o["nsfw"].toDouble();
            QVERIFY2(std::abs(predicted - trained.value(name)) < 1e-4,
                     qPrintable(QStringLiteral("%1: predict %2, trainer %3").arg(name).arg(predicted)
                                    .arg(trained.value(name))));
            ++compared;
        }
        QCOMPARE(compared, paths.size());
    }
};

QTEST_GUILESS_MAIN(TestModelProfile)
#include "tst_modelprofile.moc"
