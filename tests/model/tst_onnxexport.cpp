// `export-model --format onnx` checked in a second runtime: OpenCV's DNN module loads the file and its probabilities
// match the tool's own classifier (what predict uses) on real pictures, for the pretrained models and a fine-tuned
// run; onnx.checker (python3-onnx) passes; the metadata tells the preprocessing; bad input is refused with a reason.
#include "model/classifier.h"
#include "model/modellocator.h"
#include "model/preprocess.h"
#include "testsupport.h"
#include "tfjsbuilder.h"

#include <QDir>
#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <opencv2/dnn.hpp>

#include <cmath>

using namespace nsfw;
using nsfw::test::TfjsBuilder;

namespace {

const char *const kPython = "/usr/bin/python3";

/// Probabilities per picture, in picture order.
using Scores = std::vector<std::vector<float>>;

} // namespace

class TestOnnxExport : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QStringList m_pictures;
    Scores m_pretrainedOnnx; ///< mobilenet_v2's ONNX scores, to tell a fine-tuned export from the pretrained one

    int run(const QStringList &args, QByteArray *out = nullptr, QByteArray *err = nullptr)
    {
        QProcess p;
        p.start(test::workbenchBinary(), args);
        if (!p.waitForFinished(300000))
            return -1;
        if (out)
            *out = p.readAllStandardOutput();
        if (err)
            *err = p.readAllStandardError();
        return p.exitCode();
    }

    /// The ONNX file's scores of m_pictures through OpenCV's DNN module, fed as the metadata says: NCHW RGB 0-1 at
    /// the input size, from the same preprocessing (prepareImageFile) the classifier uses.
    Scores openCvScores(const QString &onnxFile, int size)
    {
        cv::dnn::Net net;
        try {
            net = cv::dnn::readNetFromONNX(onnxFile.toStdString());
        } catch (const cv::Exception &e) {
            qWarning("OpenCV refused %s: %s", qPrintable(onnxFile), e.what());
            return {};
        }
        Scores scores;
        for (const QString &path : m_pictures) {
            const PreparedImage image = prepareImageFile(path, Preprocessing{size, size});
            if (!image.ok())
                return {};
            const int dims[] = {1, 3, size, size};
            cv::Mat blob(4, dims, CV_32F);
            float *nchw = blob.ptr<float>();
            const size_t plane = size_t(size) * size_t(size);
            for (size_t p = 0; p < plane; ++p) {
                for (size_t c = 0; c < 3; ++c)
                    nchw[c * plane + p] = image.hwc[p * 3 + c];
            }
            net.setInput(blob, "input");
            const cv::Mat out = net.forward("probabilities");
            scores.emplace_back(out.ptr<float>(), out.ptr<float>() + out.total());
        }
        return scores;
    }

    /// The tool's own scores of m_pictures with the model folder `dir`.
    Scores classifierScores(const QString &dir)
    {
        QString error;
        const auto classifier = Classifier::load(dir, &error);
        if (!classifier) {
            qWarning("%s", qPrintable(error));
            return {};
        }
        Scores scores;
        for (const ImageScore &s : classifier->classifyFiles(m_pictures))
            scores.push_back(s.probabilities);
        return scores;
    }

    static double maxDifference(const Scores &a, const Scores &b)
    {
        if (a.size() != b.size() || a.empty())
            return INFINITY;
        double worst = 0;
        for (size_t i = 0; i < a.size(); ++i) {
            if (a[i].size() != b[i].size() || a[i].empty())
                return INFINITY;
            for (size_t c = 0; c < a[i].size(); ++c)
                worst = std::max(worst, double(std::abs(a[i][c] - b[i][c])));
        }
        return worst;
    }

    /// Starts onnx.checker.check_model on the file in python3-onnx; checked() reads its answer.
    static void startPythonCheck(QProcess &p, const QString &onnxFile)
    {
        p.start(kPython, {"-c",
                          "import json, sys, onnx\n"
                          "m = onnx.load(sys.argv[1])\n"
                          "onnx.checker.check_model(m)\n"
                          "print(json.dumps({'metadata': {p.key: p.value for p in m.metadata_props},\n"
                          "                  'opset': m.opset_import[0].version,\n"
                          "                  'producer': m.producer_name,\n"
                          "                  'inputs': [i.name for i in m.graph.input],\n"
                          "                  'outputs': [o.name for o in m.graph.output]}))\n",
                          onnxFile});
    }

    /// The checked file's metadata_props, opset, producer, inputs and outputs as JSON; empty when the check failed.
    static QJsonObject checked(QProcess &p)
    {
        if (!p.waitForFinished(120000) || p.exitCode() != 0) {
            qWarning("onnx.checker: %s", p.readAllStandardError().constData());
            return {};
        }
        return QJsonDocument::fromJson(p.readAllStandardOutput()).object();
    }

    /// Exports `modelDir` with the CLI, checks it in OpenCV and onnx.checker; returns OpenCV's scores.
    Scores exportAndCompare(const QStringList &exportArgs, const QString &onnxFile, const QString &referenceDir,
                            int size, const QString &what, QJsonObject *metadata = nullptr)
    {
        QByteArray out, err;
        const int status = run(exportArgs, &out, &err);
        [&] { QVERIFY2(status == 0, err.constData()); }();
        if (status != 0)
            return {};
        QProcess python; // onnx.checker runs meanwhile
        startPythonCheck(python, onnxFile);
        const Scores onnx = openCvScores(onnxFile, size);
        const Scores ours = classifierScores(referenceDir);
        const double worst = maxDifference(onnx, ours);
        qInfo("%s: %d pictures, largest difference between OpenCV DNN on the ONNX file and the classifier: %.3g",
              qPrintable(what), int(m_pictures.size()), worst);
        [&] { QVERIFY2(worst <= 1e-4, qPrintable(QStringLiteral("%1: max difference %2").arg(what).arg(worst))); }();

        const QJsonObject answer = checked(python);
        [&] {
            QVERIFY2(!answer.isEmpty(), "onnx.checker.check_model failed");
            QCOMPARE(answer["producer"].toString(), QStringLiteral("NSFW Workbench"));
            QCOMPARE(answer["opset"].toInt(), 10);
            QCOMPARE(answer["inputs"].toArray(), QJsonArray{"input"});
            QCOMPARE(answer["outputs"].toArray(), QJsonArray{"probabilities"});
        }();
        if (metadata)
            *metadata = answer["metadata"].toObject();
        return worst <= 1e-4 ? onnx : Scores{};
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(!test::workbenchBinary().isEmpty());
        // Drawings of every kind (every 15th of the first 240 clip-art files) and the wallpapers' photo previews.
        const QStringList clipArt = test::clipArt(240);
        for (int i = 0; i < clipArt.size() && m_pictures.size() < 16; i += 15)
            m_pictures << clipArt[i];
        for (const QString &w : test::wallpapers(400)) {
            if (w.endsWith(QLatin1String("/screenshot.png")) && m_pictures.size() < 22)
                m_pictures << w;
        }
    }

    void pretrained_data()
    {
        QTest::addColumn<QString>("model");
        QTest::addColumn<int>("size");
        QTest::newRow("mobilenet_v2") << "mobilenet_v2" << 224;
        // InceptionV3 (299 px, 6 times the work) in release builds; sanitized builds check the same code on the
        // smaller network.
        if (test::timeFactor() == 1)
            QTest::newRow("inception_v3") << "inception_v3" << 299;
    }

    void pretrained()
    {
        QFETCH(QString, model);
        QFETCH(int, size);
        NSFW_REQUIRE_SETUP(m_pictures.size() < 20 ? QStringLiteral("fewer than 20 pictures from openclipart-png and "
                                                                   "plasma-workspace-wallpapers")
                                                  : QString());
        NSFW_REQUIRE_SETUP(QFile::exists(kPython) && QProcess::execute(kPython, {"-c", "import onnx"}) == 0
                               ? QString()
                               : QStringLiteral("python3-onnx is not installed: onnx.checker cannot run"));
        const QString dir = locateModel(QString(), nullptr, model);
        NSFW_REQUIRE_SETUP(dir.isEmpty() ? model + " is not installed (run packaging/setup.sh)" : QString());
        const QString file = m_dir.filePath(model + ".onnx");
        QJsonObject metadata;
        const Scores scores = exportAndCompare({"export-model", "--model", dir, "--format", "onnx", "--out", file},
                                               file, dir, size, model + " (pretrained)", &metadata);
        QVERIFY(!scores.empty());
        // What a consumer needs before the network and after it.
        QCOMPARE(metadata["input_layout"].toString(), QStringLiteral("NCHW"));
        QCOMPARE(metadata["input_size"].toString(), QStringLiteral("%1x%1").arg(size));
        QCOMPARE(metadata["input_channels"].toString(), QStringLiteral("RGB"));
        QVERIFY(metadata["input_scaling"].toString().contains("255"));
        QVERIFY(metadata["input_resize"].toString().contains("align_corners=true"));
        QCOMPARE(QJsonDocument::fromJson(metadata["class_names"].toString().toUtf8()).array(),
                 (QJsonArray{"Drawing", "Hentai", "Neutral", "Porn", "Sexy"}));
        QCOMPARE(QJsonDocument::fromJson(metadata["nsfw_classes"].toString().toUtf8()).array(),
                 (QJsonArray{"Hentai", "Porn", "Sexy"}));
        QVERIFY(metadata["source"].toString().contains(model));
        if (model == QLatin1String("mobilenet_v2"))
            m_pretrainedOnnx = scores;
    }

    void fineTuned()
    {
        NSFW_REQUIRE_SETUP(test::trainingSkipReason());
        if (m_pretrainedOnnx.empty())
            QSKIP("the pretrained export failed or was skipped (see above)");
        QTemporaryDir dir;
        const QString project = test::makeTrainingProject(dir.path(), 10);
        QByteArray out, err;
        QCOMPARE(run({"train", project, "--mode", "head", "--epochs", "5", "--folds", "1", "--lr", "0.01"}, &out, &err),
                 0);
        // The classifier's reference: the same run written as TF.js files.
        const QString tfjs = dir.filePath("run-tfjs");
        QCOMPARE(run({"export-model", project, "--format", "tfjs", "--out", tfjs}, &out, &err), 0);
        const QString file = dir.filePath("run.onnx");
        QJsonObject metadata;
        const Scores scores = exportAndCompare({"export-model", project, "--format", "onnx", "--out", file}, file, tfjs,
                                               224, "mobilenet_v2 (fine-tuned, head)", &metadata);
        QVERIFY(!scores.empty());
        QVERIFY2(metadata["source"].toString().contains("run 1"), qPrintable(metadata["source"].toString()));
        QVERIFY(metadata.contains("nsfw_threshold"));
        // The fine-tuned weights are in the file, not the pretrained ones.
        QVERIFY2(maxDifference(scores, m_pretrainedOnnx) > 1e-3, "the exported run scores as the pretrained model");
    }

    void layersOfEveryKind()
    {
        // A small model through every layer the export writes that the nsfwjs models do not all use, with the odd
        // 'same' padding (bottom/right only) of a stride-2 convolution and pooling: OpenCV agrees with the classifier.
        const QString model = m_dir.filePath("every-kind");
        QVERIFY(QDir().mkpath(model));
        TfjsBuilder b(9, 9, 3);
        b.add("Conv2D", "conv", {"input"},
              {{"filters", 4},
               {"kernel_size", QJsonArray{3, 3}},
               {"strides", QJsonArray{2, 2}},
               {"padding", "same"},
               {"activation", "linear"},
               {"use_bias", true}});
        b.weight("conv/kernel", {3, 3, 3, 4});
        b.weight("conv/bias", {4});
        b.add("BatchNormalization", "bn", {"conv"}, {{"axis", -1}, {"epsilon", 0.001}, {"scale", false}});
        b.weight("bn/beta", {4});
        b.weight("bn/moving_mean", {4});
        b.weight("bn/moving_variance", {4}, 0.5, 2);
        b.add("ReLU", "relu6", {"bn"}, {{"max_value", 6}});
        b.add("ZeroPadding2D", "pad", {"relu6"}, {{"padding", QJsonArray{QJsonArray{0, 1}, QJsonArray{1, 0}}}});
        b.add("DepthwiseConv2D", "dw", {"pad"},
              {{"kernel_size", QJsonArray{3, 3}},
               {"padding", "valid"},
               {"depth_multiplier", 2},
               {"activation", "relu"},
               {"use_bias", false}});
        b.weight("dw/depthwise_kernel", {3, 3, 4, 2});
        b.add("MaxPooling2D", "maxpool", {"dw"},
              {{"pool_size", QJsonArray{3, 3}}, {"strides", QJsonArray{2, 2}}, {"padding", "same"}});
        b.add("AveragePooling2D", "avgpool", {"dw"},
              {{"pool_size", QJsonArray{3, 3}}, {"strides", QJsonArray{2, 2}}, {"padding", "same"}});
        b.add("Concatenate", "concat", {"maxpool", "avgpool"}, {{"axis", -1}});
        b.add(
            "Conv2D", "mix", {"concat"},
            {{"filters", 16}, {"kernel_size", 1}, {"padding", "valid"}, {"activation", "swish"}, {"use_bias", false}});
        b.weight("mix/kernel", {1, 1, 16, 16});
        b.add("Add", "add", {"concat", "mix"});
        b.add("LeakyReLU", "leaky", {"add"}, {{"alpha", 0.2}});
        b.add("Flatten", "flatten", {"leaky"});
        b.add("Dense", "hidden", {"flatten"}, {{"units", 6}, {"activation", "tanh"}, {"use_bias", true}});
        b.weight("hidden/kernel", {64, 6});
        b.weight("hidden/bias", {6});
        b.add("Dropout", "drop", {"hidden"}, {{"rate", 0.5}});
        b.add("Dense", "out", {"drop"}, {{"units", 5}, {"activation", "softmax"}, {"use_bias", true}});
        b.weight("out/kernel", {6, 5}, -3, 3);
        b.weight("out/bias", {5});
        QVERIFY(b.write(model));

        // Pictures at the input size, so the preprocessing is exact and only the network is compared.
        const QStringList saved = m_pictures;
        m_pictures.clear();
        for (int k = 0; k < 6; ++k) {
            QImage image(9, 9, QImage::Format_RGB32);
            for (int y = 0; y < 9; ++y) {
                for (int x = 0; x < 9; ++x)
                    image.setPixel(x, y, qRgb((x * 29 + k * 50) % 256, (y * 31 + k * 17) % 256, (x * y * 7 + k) % 256));
            }
            m_pictures << m_dir.filePath(QStringLiteral("synthetic%1.png").arg(k));
            QVERIFY(image.save(m_pictures.last()));
        }
        const QString file = m_dir.filePath("every-kind.onnx");
        const Scores scores = exportAndCompare({"export-model", "--model", model, "--format", "onnx", "--out", file},
                                               file, model, 9, "synthetic model of every layer kind");
        m_pictures = saved;
        QVERIFY(!scores.empty());
    }

    void refusals()
    {
        // A file that is not ours is never replaced, not even with --force.
        const QString tiny = m_dir.filePath("tiny");
        QVERIFY(QDir().mkpath(tiny));
        TfjsBuilder b(4, 4, 3);
        b.add("GlobalAveragePooling2D", "gap", {"input"});
        b.add("Dense", "dense", {"gap"}, {{"units", 5}, {"activation", "softmax"}});
        b.weight("dense/kernel", {3, 5});
        b.weight("dense/bias", {5});
        QVERIFY(b.write(tiny));
        const QString foreign = m_dir.filePath("notes.onnx");
        {
            QFile f(foreign);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("my notes, not a model");
        }
        QByteArray out, err;
        QCOMPARE(run({"export-model", "--model", tiny, "--format", "onnx", "--out", foreign}, &out, &err), 1);
        QVERIFY2(err.contains("--force"), err.constData());
        QCOMPARE(run({"export-model", "--model", tiny, "--format", "onnx", "--out", foreign, "--force"}, &out, &err),
                 1);
        QVERIFY2(err.contains("untouched"), err.constData());
        qInfo("refused: %s", err.trimmed().constData());
        QFile f(foreign);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), QByteArray("my notes, not a model"));

        // Our own export: refused again without --force, replaced with it.
        const QString own = m_dir.filePath("own.onnx");
        QCOMPARE(run({"export-model", "--model", tiny, "--format", "onnx", "--out", own}, &out, &err), 0);
        QCOMPARE(run({"export-model", "--model", tiny, "--format", "onnx", "--out", own}, &out, &err), 1);
        QCOMPARE(run({"export-model", "--model", tiny, "--format", "onnx", "--out", own, "--force"}, &out, &err), 0);

        // A folder is no file name.
        QCOMPARE(run({"export-model", "--model", tiny, "--format", "onnx", "--out", tiny, "--force"}, &out, &err), 1);
        QVERIFY2(err.contains("folder"), err.constData());
        QVERIFY(QFile::exists(tiny + "/model.json"));

        // A layer type nobody knows is named, and so is an activation ONNX (as OpenCV reads it) cannot express.
        const QString lambda = m_dir.filePath("lambda");
        QVERIFY(QDir().mkpath(lambda));
        TfjsBuilder l(4, 4, 3);
        l.add("Lambda", "my_lambda", {"input"});
        l.add("GlobalAveragePooling2D", "gap", {"my_lambda"});
        QVERIFY(l.write(lambda));
        QCOMPARE(
            run({"export-model", "--model", lambda, "--format", "onnx", "--out", m_dir.filePath("l.onnx")}, &out, &err),
            1);
        QVERIFY2(err.contains("Lambda") && err.contains("my_lambda"), err.constData());
        qInfo("refused: %s", err.trimmed().constData());
        QVERIFY(!QFile::exists(m_dir.filePath("l.onnx")));

        const QString gelu = m_dir.filePath("gelu");
        QVERIFY(QDir().mkpath(gelu));
        TfjsBuilder g(4, 4, 3);
        g.add("GlobalAveragePooling2D", "gap", {"input"});
        g.add("Dense", "odd_dense", {"gap"}, {{"units", 5}, {"activation", "gelu"}});
        g.weight("odd_dense/kernel", {3, 5});
        g.weight("odd_dense/bias", {5});
        QVERIFY(g.write(gelu));
        QCOMPARE(
            run({"export-model", "--model", gelu, "--format", "onnx", "--out", m_dir.filePath("g.onnx")}, &out, &err),
            1);
        QVERIFY2(err.contains("odd_dense") && err.contains("gelu"), err.constData());
        qInfo("refused: %s", err.trimmed().constData());
        QVERIFY(!QFile::exists(m_dir.filePath("g.onnx")));

        // --run belongs to a project.
        QCOMPARE(run({"export-model", "--model", tiny, "--run", "2", "--format", "onnx", "--out", own}, &out, &err), 2);
    }
};

QTEST_GUILESS_MAIN(TestOnnxExport)
#include "tst_onnxexport.moc"
