// Ensembles (TrainSettings::ensemble, issue 14): the model written for several fine-tuned members keeps the layers they
// share once and averages their outputs, so predict and OpenCV's DNN (through the ONNX export) both give the mean of
// the members' probabilities; members that are not one model, or that do not differ, are refused; and an ensemble run
// trains its members, scores every item with their mean and writes the ensemble as its model.
#include "model/classifier.h"
#include "model/kerasgraph.h"
#include "model/modelprofile.h"
#include "model/preprocess.h"
#include "model/tfjsmodel.h"
#include "store/itemstore.h"
#include "store/projectdatabase.h"
#include "store/runstore.h"
#include "testsupport.h"
#include "tfjsbuilder.h"
#include "train/modelensemble.h"
#include "train/modelexport_p.h"
#include "train/onnxexport.h"
#include "train/trainer.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <opencv2/core.hpp>
#include <opencv2/dnn.hpp>

#include <cmath>
#include <functional>

using namespace nsfw;

class TestEnsemble : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_model;
    std::vector<cv::Mat> m_pictures;

    /// A member: the made-up model with `edit` applied to its weights, written as a run's checkpoint is.
    QString member(const QString &name, const std::function<void(KerasGraph &)> &edit)
    {
        ModelError error;
        ModelProfile profile;
        const std::optional<TfjsModel> base = readTfjsModel(m_model + "/model.json", &error);
        std::optional<KerasGraph> graph = loadKerasGraph(m_model, &error, &profile);
        if (!base || !graph)
            qFatal("%s", qPrintable(error.toString()));
        {
            torch::NoGradGuard noGrad;
            edit(*graph);
        }
        const QString dir = m_dir.filePath(name);
        QString message;
        if (!writeTfjsModel(*base, *graph, profile, dir, &message))
            qFatal("%s", qPrintable(message));
        return dir;
    }

    /// Adds `delta` to every weight of the layers named.
    static std::function<void(KerasGraph &)> shift(const QStringList &layers, float delta)
    {
        return [layers, delta](KerasGraph &graph) {
            for (const auto &[name, tensor] : graph->kerasWeights()) {
                if (layers.contains(QString::fromStdString(name).section('/', 0, 0)))
                    graph->setKerasWeight(name, tensor + delta);
            }
        };
    }

    std::vector<std::vector<float>> probabilities(const QString &dir)
    {
        QString error;
        const auto classifier = Classifier::load(dir, &error);
        if (!classifier) {
            qWarning("%s", qPrintable(error));
            return {};
        }
        std::vector<std::vector<float>> out;
        for (const ImageScore &s : classifier->classifyPixels(m_pictures))
            out.push_back(s.probabilities);
        return out;
    }

    static QSet<QString> layerNames(const QString &dir)
    {
        ModelError error;
        const std::optional<TfjsModel> m = readTfjsModel(dir + "/model.json", &error);
        QSet<QString> names;
        for (const KerasLayerSpec &layer : m ? m->layers : std::vector<KerasLayerSpec>{})
            names.insert(layer.name);
        return names;
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_model = m_dir.filePath("model");
        QVERIFY(test::writeTwoClassModel(m_model));
        for (int i = 0; i < 4; ++i) {
            cv::Mat picture(16, 16, CV_8UC3);
            for (int r = 0; r < 16; ++r) {
                for (int c = 0; c < 16; ++c)
                    picture.at<cv::Vec3b>(r, c) =
                        cv::Vec3b(uchar((c * 16 + i * 40) % 256), uchar(255 - r * 12), uchar((r * c * (i + 1)) % 256));
            }
            m_pictures.push_back(picture);
        }
    }

    // Three members: the first as made up, the second with its last block and head changed, the third with only its
    // head changed. conv_a (and the input) are kept once; conv_b, gap and the dense head once per member (the third's
    // conv_b equals the first's, but the second's differs, so each member keeps its own). The ensemble's
    // probabilities are the members' mean, in the tool's classifier and in OpenCV's DNN through the ONNX export.
    void theEnsembleAveragesItsMembers()
    {
        const QString a = member("a", [](KerasGraph &) {});
        const QString b = member("b", shift({"conv_b", "dense"}, 0.2f));
        const QString c = member("c", shift({"dense"}, -0.3f));
        const QString ensemble = m_dir.filePath("ensemble");
        QString error;
        QVERIFY2(writeEnsembleModel({a, b, c}, ensemble, &error), qPrintable(error));

        QCOMPARE(layerNames(ensemble),
                 (QSet<QString>{"input", "conv_a", "conv_b", "gap", "dense", "conv_b_m2", "gap_m2", "dense_m2",
                                "conv_b_m3", "gap_m3", "dense_m3", kEnsembleAverageLayer}));
        ModelError modelError;
        const std::optional<TfjsModel> written = readTfjsModel(ensemble + "/model.json", &modelError);
        QVERIFY2(written, qPrintable(modelError.toString()));
        QCOMPARE(written->outputs.front().layer, QString(kEnsembleAverageLayer));
        QCOMPARE(int(written->weights.size()), 2 + 3 * 4); // conv_a once; conv_b and dense thrice
        QVERIFY(QFile::exists(ensemble + "/profile.json"));

        const auto pa = probabilities(a), pb = probabilities(b), pc = probabilities(c), pe = probabilities(ensemble);
        QCOMPARE(pe.size(), m_pictures.size());
        double spread = 0;
        for (size_t i = 0; i < pe.size(); ++i) {
            QCOMPARE(pe[i].size(), size_t(2));
            for (size_t k = 0; k < 2; ++k) {
                const float mean = (pa[i][k] + pb[i][k] + pc[i][k]) / 3;
                QVERIFY2(
                    std::abs(pe[i][k] - mean) < 1e-5,
                    qPrintable(QStringLiteral("picture %1, class %2: %3 vs %4").arg(i).arg(k).arg(pe[i][k]).arg(mean)));
                spread = std::max(spread, double(std::abs(pa[i][k] - pb[i][k])) + std::abs(pa[i][k] - pc[i][k]));
            }
        }
        QVERIFY2(spread > 1e-2, "the members should score differently");

        // The ONNX export of the ensemble scores the same in OpenCV's DNN.
        const QString onnx = m_dir.filePath("ensemble.onnx");
        QVERIFY2(exportOnnx(ensemble, onnx, false, &error), qPrintable(error));
        cv::dnn::Net net = cv::dnn::readNetFromONNX(onnx.toStdString());
        QString noName;
        auto classifier = Classifier::load(ensemble, &noName);
        QVERIFY(classifier);
        for (size_t i = 0; i < m_pictures.size(); ++i) {
            const PreparedImage image = prepareBgr(m_pictures[i], classifier->profile().input);
            QVERIFY(image.ok());
            const int dims[] = {1, 3, 16, 16};
            cv::Mat blob(4, dims, CV_32F);
            for (size_t p = 0; p < 256; ++p) {
                for (size_t ch = 0; ch < 3; ++ch)
                    blob.ptr<float>()[ch * 256 + p] = image.hwc[p * 3 + ch];
            }
            net.setInput(blob, "input");
            const cv::Mat out = net.forward("probabilities");
            QCOMPARE(int(out.total()), 2);
            for (int k = 0; k < 2; ++k)
                QVERIFY(std::abs(out.ptr<float>()[k] - pe[i][size_t(k)]) < 1e-5);
        }
    }

    // Members that are all the same, or that are not one model, are refused with a reason; so is a single member.
    void whatCannotBeAnEnsembleIsRefused()
    {
        const QString a = member("same1", [](KerasGraph &) {});
        const QString b = member("same2", [](KerasGraph &) {});
        QString error;
        QVERIFY(!writeEnsembleModel({a, b}, m_dir.filePath("none1"), &error));
        QVERIFY2(error.contains("nothing to average"), qPrintable(error));
        QVERIFY(!writeEnsembleModel({a}, m_dir.filePath("none2"), &error));
        QVERIFY(!error.isEmpty());
        const QString other = m_dir.filePath("three");
        QVERIFY(QDir().mkpath(other));
        QVERIFY(test::twoBlockClassifier(3).write(other));
        QVERIFY(!writeEnsembleModel({a, other}, m_dir.filePath("none3"), &error));
        QVERIFY2(error.contains("not the same model"), qPrintable(error));
        QVERIFY(!QFile::exists(m_dir.filePath("none1")) && !QFile::exists(m_dir.filePath("none3")));
    }

    void settingsCheckTheEnsemble()
    {
        TrainSettings s;
        QCOMPARE(s.ensemble, 1);
        s.mode = TrainSettings::Mode::Partial;
        s.ensemble = 3;
        QVERIFY(s.validate().isEmpty());
        QCOMPARE(TrainSettings::fromJson(s.toJson()).ensemble, 3);
        s.refit = false; // the members train on every label: the refit, or cross-validation's final model
        QVERIFY(!s.validate().isEmpty());
        s.folds = 3;
        QVERIFY(s.validate().isEmpty());
        s.mode = TrainSettings::Mode::Head;
        QVERIFY(!s.validate().isEmpty());
        s.mode = TrainSettings::Mode::Full;
        s.ensemble = TrainSettings::kMaxEnsemble + 1;
        QVERIFY(!s.validate().isEmpty());
        QCOMPARE(TrainSettings::fromJson(QJsonObject{}).ensemble, 1); // runs from before ensembles: one model
    }

    // A partial run with an ensemble of three: it trains the two further members after the refit, its model is the
    // ensemble (predict gives every stored score that is not a validation item's out-of-sample one), and the
    // members' folders are gone.
    void anEnsembleRunScoresWithItsModel()
    {
        if (test::clipArt(1).isEmpty())
            NSFW_REQUIRE_SETUP("openclipart-png is not installed (packaging/setup.sh)");
        const QString dir = m_dir.filePath("run");
        QVERIFY(QDir().mkpath(dir));
        const QString project = test::makeTrainingProject(dir, 8);
        TrainSettings s;
        s.mode = TrainSettings::Mode::Partial;
        s.blocks = 1;
        s.epochs = 2;
        s.headEpochs = 1;
        s.patience = 0;
        s.batchSize = 4;
        s.folds = 1;
        s.validationFraction = 0.25;
        s.learningRate = 1e-3;
        s.modelDir = m_model;
        s.ensemble = 3;
        Trainer trainer(project, s);
        QStringList phases;
        QObject::connect(&trainer, &Trainer::progress, &trainer,
                         [&phases](const TrainProgress &p) { phases.append(p.phase); });
        const TrainResult r = trainer.run();
        QVERIFY2(r.status == QStringLiteral("finished"), qPrintable(r.error));
        QVERIFY2(r.bestEpoch > 0, "the fixture should learn something in two epochs");
        QVERIFY(phases.contains("training · model 2 of 3 of the ensemble"));
        QVERIFY(phases.contains("training · model 3 of 3 of the ensemble"));

        QString error;
        auto db = ProjectDatabase::open(project, ProjectDatabase::OpenMode::OpenExisting, "test", &error);
        QVERIFY2(db, qPrintable(error));
        RunStore runs(*db);
        const RunRecord run = *runs.run(r.runId);
        QCOMPARE(run.settings.value("ensemble").toInt(), 3);
        const QString folder = db->cacheDir() + QLatin1Char('/') + run.checkpoint;
        QVERIFY(layerNames(folder).contains(kEnsembleAverageLayer));
        QVERIFY(layerNames(folder).contains("dense_m3"));
        QVERIFY(!QFile::exists(db->cacheDir() + QStringLiteral("/runs/%1/members").arg(r.runId)));
        QSet<qint64> judged;
        for (const RunItem &item : runs.items(r.runId)) {
            if (item.split == 1)
                judged.insert(item.itemId);
        }
        auto classifier = Classifier::load(folder, &error);
        QVERIFY2(classifier, qPrintable(error));
        ItemStore items(*db);
        int compared = 0;
        for (const ItemScore &score : runs.itemScores(r.runId)) {
            const auto item = items.item(score.itemId);
            QVERIFY(item);
            if (judged.contains(score.itemId))
                continue;
            const float ours = classifier->classifyFiles({db->absolutePath(item->path)}).front().nsfw;
            QVERIFY2(std::abs(ours - score.score) < 1e-4,
                     qPrintable(QStringLiteral("%1: %2 vs %3").arg(item->path).arg(ours).arg(score.score)));
            ++compared;
        }
        QVERIFY(compared >= 10);
    }
};

QTEST_GUILESS_MAIN(TestEnsemble)
#include "tst_ensemble.moc"
