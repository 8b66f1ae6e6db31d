// Parity with nsfwjs: the class probabilities we compute for the PNGs in tests/data/parity must be within 1e-4
// of those nsfwjs itself gave in Node (reference-<model>.json, made by packaging/model/make-parity-reference.js).
#include "model/classifier.h"
#include "model/modellocator.h"
#include "testsupport.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

using namespace nsfw;

class TestParity : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void parity_data()
    {
        QTest::addColumn<QString>("model");
        QTest::addColumn<int>("batch");
        QTest::newRow("mobilenet_v2 batch 32") << "mobilenet_v2" << 32;
        QTest::newRow("mobilenet_v2 batch 5") << "mobilenet_v2" << 5;
        QTest::newRow("inception_v3 batch 8") << "inception_v3" << 8;
    }

    void parity()
    {
        QFETCH(QString, model);
        QFETCH(int, batch);
        const QString dataDir = qEnvironmentVariable("NSFW_TEST_DATA") + "/parity";
        QFile refFile(dataDir + "/reference-" + model + ".json");
        // The reference probabilities are in the repository: without them the test is broken, not skipped.
        QVERIFY2(refFile.open(QIODevice::ReadOnly), qPrintable("no reference file " + refFile.fileName()));
        const QJsonObject ref = QJsonDocument::fromJson(refFile.readAll()).object();
        const QJsonArray images = ref["images"].toArray();
        QVERIFY(images.size() >= 20);

        // The weights are not in git: NSFW_WORKBENCH_MODEL_DIR (its parent folder holds both models) or the data dir.
        QString dir;
        const QString env = qEnvironmentVariable("NSFW_WORKBENCH_MODEL_DIR");
        if (!env.isEmpty() && QDir(env).dirName() == model)
            dir = locateModel(env, nullptr);
        else if (!env.isEmpty() && QFile::exists(QDir(env).filePath("../" + model + "/model.json")))
            dir = locateModel(QDir(env).filePath("../" + model), nullptr);
        else
            dir = locateModel(QString(), nullptr, model);
        if (dir.isEmpty())
            NSFW_REQUIRE_SETUP(QStringLiteral("model %1 is not installed (run packaging/setup.sh, or set "
                                              "NSFW_WORKBENCH_MODEL_DIR): parity not checked")
                                   .arg(model));
        InferenceOptions options;
        options.batchSize = batch;
        QString error;
        const auto classifier = Classifier::load(dir, &error, options);
        QVERIFY2(classifier, qPrintable(error));
        QCOMPARE(classifier->inputWidth(), ref["size"].toInt());

        QStringList paths;
        for (const QJsonValue &im : images)
            paths << dataDir + "/" + im["file"].toString();
        const std::vector<ImageScore> scores = classifier->classifyFiles(paths);
        QCOMPARE(scores.size(), static_cast<size_t>(images.size()));
        const QStringList classes = classifier->classNames();
        double worst = 0;
        for (int i = 0; i < images.size(); ++i) {
            const ImageScore &s = scores[static_cast<size_t>(i)];
            QVERIFY2(s.ok(), qPrintable(s.path + ": " + s.error));
            const QJsonObject expected = images[i]["probabilities"].toObject();
            for (int c = 0; c < classes.size(); ++c) {
                const double want = expected[classes[c]].toDouble(-1);
                const double got = s.probabilities[static_cast<size_t>(c)];
                worst = std::max(worst, std::abs(got - want));
                QVERIFY2(std::abs(got - want) <= 1e-4, qPrintable(QString("%1 %2: ours %3, nsfwjs %4")
                                                                      .arg(images[i]["file"].toString(), classes[c])
                                                                      .arg(got, 0, 'g', 9)
                                                                      .arg(want, 0, 'g', 9)));
            }
            const double nsfw =
                expected["Hentai"].toDouble() + expected["Porn"].toDouble() + expected["Sexy"].toDouble();
            QVERIFY(std::abs(s.nsfw - nsfw) <= 2e-4);
        }
        qInfo("%s: %d images, largest difference from nsfwjs %.3g", qPrintable(model), int(images.size()), worst);
    }

    void unreadableFile()
    {
        const QString dir = locateModel(QString(), nullptr);
        if (dir.isEmpty())
            NSFW_REQUIRE_SETUP("mobilenet_v2 is not installed (run packaging/setup.sh)");
        QString error;
        const auto classifier = Classifier::load(dir, &error);
        QVERIFY2(classifier, qPrintable(error));
        const ImageScore garbage = classifier->classifyEncoded("not an image at all", "garbage.jpg");
        QVERIFY(!garbage.ok());
        QVERIFY(garbage.probabilities.empty());
        const auto scores = classifier->classifyFiles({"/nonexistent/file.png"});
        QVERIFY(!scores[0].ok());
        QVERIFY2(scores[0].error.contains("cannot open"), qPrintable(scores[0].error));
    }
};

QTEST_GUILESS_MAIN(TestParity)
#include "tst_parity.moc"
