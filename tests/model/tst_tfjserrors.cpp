// Every class of defect in a model folder comes back as a message naming the file, the layer and the field.
#include "model/classifier.h"
#include "model/tfjsmodel.h"
#include "testsupport.h"
#include "tfjsbuilder.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QLocale>
#include <QTemporaryDir>
#include <QtTest>

#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

using namespace nsfw;
using nsfw::test::addWeight;
using nsfw::test::editLayer;
using nsfw::test::setConfig;
using nsfw::test::setPaths;
using nsfw::test::TfjsBuilder;

namespace {

TfjsBuilder smallModel()
{
    TfjsBuilder b(4, 4, 3);
    b.add("Conv2D", "conv", {"input"},
          {{"filters", 2},
           {"kernel_size", QJsonArray{3, 3}},
           {"strides", QJsonArray{1, 1}},
           {"padding", "same"},
           {"use_bias", true},
           {"activation", "relu"}});
    b.weight("conv/kernel", {3, 3, 3, 2});
    b.weight("conv/bias", {2});
    b.add("GlobalAveragePooling2D", "gap", {"conv"});
    b.add("Dense", "dense", {"gap"}, {{"units", 5}, {"activation", "softmax"}});
    b.weight("dense/kernel", {2, 5});
    b.weight("dense/bias", {5});
    return b;
}

void writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(bytes);
}

// input -> LAYER -> global average pooling -> Dense 5, for the layers whose config is under test.
TfjsBuilder around(const QString &className, const QJsonObject &config, int h = 4, int w = 4)
{
    TfjsBuilder b(h, w, 3);
    b.add(className, "layer", {"input"}, config);
    b.add("GlobalAveragePooling2D", "gap", {"layer"});
    b.add("Dense", "dense", {"gap"}, {{"units", 5}, {"use_bias", false}});
    b.weight("dense/kernel", {3, 5});
    return b;
}

} // namespace

class TestTfjsErrors : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QLocale::setDefault(QLocale::c()); // numbers in messages without group separators
    }

    void valid()
    {
        QTemporaryDir dir;
        QVERIFY(smallModel().write(dir.path()));
        QString error;
        const auto c = Classifier::load(dir.path(), &error);
        QVERIFY2(c, qPrintable(error));
        QCOMPARE(c->classNames().size(), 5);
    }

    void defects_data()
    {
        QTest::addColumn<QString>("defect");
        QTest::addColumn<QString>("file");  // expected file name in the message
        QTest::addColumn<QString>("layer"); // expected layer ('' = none)
        QTest::addColumn<QString>("field"); // expected field ('' = none)
        QTest::newRow("malformed json") << "malformed"
                                        << "model.json"
                                        << ""
                                        << "";
        QTest::newRow("not an object") << "array"
                                       << "model.json"
                                       << ""
                                       << "";
        QTest::newRow("no topology") << "no-topology"
                                     << "model.json"
                                     << ""
                                     << "modelTopology";
        QTest::newRow("missing shard") << "missing-shard"
                                       << "group1-shard1of1"
                                       << ""
                                       << "weightsManifest[0].paths";
        QTest::newRow("truncated shard") << "truncated"
                                         << "group1-shard1of1"
                                         << "dense/bias"
                                         << "paths";
        QTest::newRow("unknown layer class") << "unknown-class"
                                             << "model.json"
                                             << "conv"
                                             << "class_name";
        QTest::newRow("missing field") << "missing-kernel-size"
                                       << "model.json"
                                       << "conv"
                                       << "kernel_size";
        QTest::newRow("bad field") << "bad-strides"
                                   << "model.json"
                                   << "conv"
                                   << "strides";
        QTest::newRow("bad activation") << "bad-activation"
                                        << "model.json"
                                        << "dense"
                                        << "activation";
        QTest::newRow("weight missing") << "no-weight"
                                        << "model.json"
                                        << "dense"
                                        << "weightsManifest";
        QTest::newRow("weight shape") << "bad-shape"
                                      << "model.json"
                                      << "dense"
                                      << "kernel";
        QTest::newRow("unknown inbound") << "bad-inbound"
                                         << "model.json"
                                         << "gap"
                                         << "inbound_nodes";
        QTest::newRow("channel mismatch") << "channels"
                                          << "model.json"
                                          << "dense"
                                          << "";
    }

    void defects()
    {
        QFETCH(QString, defect);
        QFETCH(QString, file);
        QFETCH(QString, layer);
        QFETCH(QString, field);
        QTemporaryDir dir;
        TfjsBuilder b = smallModel();
        QVERIFY(b.write(dir.path()));
        const QString json = dir.filePath("model.json"), shard = dir.filePath("group1-shard1of1");
        QJsonObject doc = b.json();
        auto rewrite = [&](const QJsonObject &d) { writeFile(json, QJsonDocument(d).toJson()); };
        if (defect == "malformed") {
            writeFile(json, QJsonDocument(doc).toJson().left(300));
        } else if (defect == "array") {
            writeFile(json, "[1, 2]");
        } else if (defect == "no-topology") {
            doc.remove("modelTopology");
            rewrite(doc);
        } else if (defect == "missing-shard") {
            QFile::remove(shard);
        } else if (defect == "truncated") {
            writeFile(shard, b.shard().left(b.shard().size() - 3));
        } else if (defect == "unknown-class") {
            rewrite(editLayer(doc, 1, [](QJsonObject &l) { l["class_name"] = "Conv3DTranspose"; }));
        } else if (defect == "missing-kernel-size") {
            rewrite(editLayer(doc, 1, [](QJsonObject &l) {
                QJsonObject c = l["config"].toObject();
                c.remove("kernel_size");
                l["config"] = c;
            }));
        } else if (defect == "bad-strides") {
            rewrite(editLayer(doc, 1, [](QJsonObject &l) {
                QJsonObject c = l["config"].toObject();
                c["strides"] = "two";
                l["config"] = c;
            }));
        } else if (defect == "bad-activation") {
            rewrite(editLayer(doc, 3, [](QJsonObject &l) {
                QJsonObject c = l["config"].toObject();
                c["activation"] = "mish-mash";
                l["config"] = c;
            }));
        } else if (defect == "no-weight") {
            QJsonArray manifest = doc["weightsManifest"].toArray();
            QJsonObject group = manifest[0].toObject();
            QJsonArray weights = group["weights"].toArray();
            QJsonObject w = weights[2].toObject(); // dense/kernel
            w["name"] = "other/kernel";
            weights[2] = w;
            group["weights"] = weights;
            manifest[0] = group;
            doc["weightsManifest"] = manifest;
            rewrite(doc);
        } else if (defect == "bad-shape") {
            rewrite(editLayer(doc, 3, [](QJsonObject &l) {
                QJsonObject c = l["config"].toObject();
                c["units"] = 4;
                l["config"] = c;
            }));
        } else if (defect == "bad-inbound") {
            rewrite(editLayer(doc, 2, [](QJsonObject &l) {
                l["inbound_nodes"] = QJsonArray{QJsonArray{QJsonArray{"nowhere", 0, 0, QJsonObject{}}}};
            }));
        } else if (defect == "channels") {
            // dense/kernel claims 3 inputs while the pooled features have 2: found by the dry run.
            TfjsBuilder c(4, 4, 3);
            c.add("Conv2D", "conv", {"input"},
                  {{"filters", 2}, {"kernel_size", QJsonArray{1, 1}}, {"padding", "same"}, {"use_bias", false}});
            c.weight("conv/kernel", {1, 1, 3, 2});
            c.add("GlobalAveragePooling2D", "gap", {"conv"});
            c.add("Dense", "dense", {"gap"}, {{"units", 5}});
            c.weight("dense/kernel", {3, 5});
            c.weight("dense/bias", {5});
            QVERIFY(c.write(dir.path()));
        }
        QString error;
        const auto classifier = Classifier::load(dir.path(), &error);
        QVERIFY(!classifier);
        qInfo().noquote() << error;
        QVERIFY2(error.contains(file), qPrintable(error));
        if (!layer.isEmpty())
            QVERIFY2(error.contains(QStringLiteral("layer '%1'").arg(layer)), qPrintable(error));
        if (!field.isEmpty())
            QVERIFY2(error.contains(QStringLiteral("field '%1").arg(field)), qPrintable(error));
    }

    // Item 6 of the hardening issue: nothing in model.json is trusted. Each row is refused quickly, before
    // anything large is read or allocated, with a message naming the file, layer and field.
    void untrusted_data()
    {
        QTest::addColumn<QString>("defect");
        QTest::addColumn<QString>("file");    // expected file name in the message
        QTest::addColumn<QString>("layer");   // expected layer or weight ('' = none)
        QTest::addColumn<QString>("field");   // expected field ('' = none)
        QTest::addColumn<QString>("message"); // what the user reads
        const QString paths = "weightsManifest[0].paths", shard = "group1-shard1of1";
        const QString notPlain = "only plain file names inside the model folder are allowed";
        const QString notRegular = "not a regular file (a device, pipe or socket)";
        const QString tooLong = "bytes the manifest's weights still need";
        // shard paths
        QTest::newRow("path ../x") << "dotdot"
                                   << "model.json"
                                   << "" << paths << notPlain;
        QTest::newRow("absolute path") << "absolute"
                                       << "model.json"
                                       << "" << paths << notPlain;
        QTest::newRow("path a/b") << "subfolder"
                                  << "model.json"
                                  << "" << paths << notPlain;
        QTest::newRow("empty path") << "empty"
                                    << "model.json"
                                    << "" << paths << "'' is not a file name";
        QTest::newRow("path .") << "dot"
                                << "model.json"
                                << "" << paths << "'.' is not a file name";
        QTest::newRow("NUL in path") << "nul"
                                     << "model.json"
                                     << "" << paths << "control character (code 0)";
        QTest::newRow("device file") << "device" << shard << "" << paths << notRegular;
        QTest::newRow("FIFO") << "fifo" << shard << "" << paths << notRegular;
        QTest::newRow("symlink out of the folder")
            << "symlink-out" << shard << "" << paths << "outside the model folder";
        QTest::newRow("symlink to /dev/zero")
            << "symlink-zero" << shard << "" << paths << "a symbolic link to '/dev/zero', outside the model folder";
        QTest::newRow("directory") << "directory" << shard << "" << paths << "a folder, not a file";
        // shard sizes
        QTest::newRow("shard longer than needed") << "long-shard" << shard << "" << paths << tooLong;
        QTest::newRow("10 GB shard") << "huge-shard" << shard << "" << paths << tooLong;
        QTest::newRow("model.json FIFO") << "json-fifo"
                                         << "model.json"
                                         << ""
                                         << "" << notRegular;
        QTest::newRow("model.json 100 MB") << "json-huge"
                                           << "model.json"
                                           << ""
                                           << ""
                                           << "a model.json may have at most";
        // sizes in the topology
        QTest::newRow("input side") << "input-side"
                                    << "model.json"
                                    << "input"
                                    << "batch_input_shape"
                                    << "5000 is out of range: expected 1 to 4096";
        QTest::newRow("input channels") << "input-channels"
                                        << "model.json"
                                        << "input"
                                        << "batch_input_shape"
                                        << "17 is out of range: expected 1 to 16";
        QTest::newRow("input values") << "input-values"
                                      << "model.json"
                                      << "input"
                                      << "batch_input_shape"
                                      << "a 4096 x 4096 x 16 input holds more than";
        QTest::newRow("units") << "units"
                               << "model.json"
                               << "dense"
                               << "units"
                               << "70000 is out of range: expected 1 to 65536";
        QTest::newRow("filters") << "filters"
                                 << "model.json"
                                 << "conv"
                                 << "filters"
                                 << "100000 is out of range: expected 1 to 65536";
        QTest::newRow("kernel size") << "kernel-size"
                                     << "model.json"
                                     << "conv"
                                     << "kernel_size"
                                     << "65 is out of range: expected 1 to 64";
        QTest::newRow("strides") << "strides"
                                 << "model.json"
                                 << "conv"
                                 << "strides"
                                 << "65 is out of range: expected 1 to 64";
        QTest::newRow("dilation") << "dilation"
                                  << "model.json"
                                  << "conv"
                                  << "dilation_rate"
                                  << "65 is out of range: expected 1 to 64";
        QTest::newRow("groups") << "groups"
                                << "model.json"
                                << "conv"
                                << "groups"
                                << "70000 is out of range: expected 1 to 65536";
        QTest::newRow("depth multiplier") << "depth-multiplier"
                                          << "model.json"
                                          << "layer"
                                          << "depth_multiplier"
                                          << "300 is out of range: expected 1 to 256";
        QTest::newRow("pool size") << "pool-size"
                                   << "model.json"
                                   << "layer"
                                   << "pool_size"
                                   << "65 is out of range: expected 1 to 64";
        QTest::newRow("pool strides") << "pool-strides"
                                      << "model.json"
                                      << "layer"
                                      << "strides"
                                      << "100 is out of range: expected 1 to 64";
        QTest::newRow("zero padding") << "zero-padding"
                                      << "model.json"
                                      << "layer"
                                      << "padding"
                                      << "5000 is out of range: expected 0 to 1024";
        QTest::newRow("huge axis") << "axis"
                                   << "model.json"
                                   << "softmax"
                                   << "axis"
                                   << "1e+300 is out of range: expected -8 to 8";
        QTest::newRow("layer count") << "layers"
                                     << "model.json"
                                     << ""
                                     << "layers"
                                     << "4101 layers; at most 4096";
        // weights
        QTest::newRow("tensor too large") << "parameters"
                                          << "model.json"
                                          << "extra/kernel"
                                          << "shape"
                                          << "the most a model may have";
        QTest::newRow("parameters in total") << "parameters-total"
                                             << "model.json"
                                             << "extra2/kernel"
                                             << "shape"
                                             << "the most a model may have";
        QTest::newRow("tensor rank") << "rank"
                                     << "model.json"
                                     << "extra/kernel"
                                     << "shape"
                                     << "9 dimensions; at most 8";
        // what the layers would compute
        QTest::newRow("activation too large") << "activation"
                                              << "model.json"
                                              << "layer"
                                              << ""
                                              << "its output would hold 268435456 values per picture";
        QTest::newRow("doubling concatenations") << "concat"
                                                 << "model.json"
                                                 << "c20"
                                                 << ""
                                                 << "its output would hold 100663296 values per picture";
        QTest::newRow("concatenations on the batch axis") << "concat-batch"
                                                          << "model.json"
                                                          << "c20"
                                                          << ""
                                                          << "its output would hold 100663296 values per picture";
        QTest::newRow("pooling work")
            << "pool-work"
            << "model.json"
            << "layer"
            << ""
            << "the model needs more work per picture than the 34359738368 multiply-adds allowed";
        QTest::newRow("slow pooling") << "slow-pool"
                                      << "model.json"
                                      << "layer"
                                      << ""
                                      << "the model needs more work per picture";
        QTest::newRow("element-wise layers") << "relus"
                                             << "model.json"
                                             << "relu21"
                                             << ""
                                             << "the model needs more work per picture";
        QTest::newRow("multiply-adds")
            << "work"
            << "model.json"
            << "b"
            << ""
            << "the model needs more work per picture than the 34359738368 multiply-adds allowed";
    }

    void untrusted()
    {
        QFETCH(QString, defect);
        QFETCH(QString, file);
        QFETCH(QString, layer);
        QFETCH(QString, field);
        QFETCH(QString, message);
        // The model lives in DIR/model, so DIR is "outside the folder".
        QTemporaryDir tmp;
        const QDir outside(tmp.path());
        QVERIFY(outside.mkdir("model"));
        const QDir dir(outside.filePath("model"));
        TfjsBuilder b = smallModel();
        QVERIFY(b.write(dir.path()));
        const QString json = dir.filePath("model.json"), shard = dir.filePath("group1-shard1of1");
        const QByteArray shardBytes = b.shard();
        QJsonObject doc = b.json();
        auto rewrite = [&](const QJsonObject &d) { writeFile(json, QJsonDocument(d).toJson()); };
        auto rewriteWith = [&](const TfjsBuilder &other) { QVERIFY(other.write(dir.path())); };
        if (defect == "dotdot") {
            writeFile(outside.filePath("group1-shard1of1"), shardBytes);
            rewrite(setPaths(doc, {"../group1-shard1of1"}));
        } else if (defect == "absolute") {
            QVERIFY(outside.mkdir("elsewhere"));
            writeFile(outside.filePath("elsewhere/group1-shard1of1"), shardBytes);
            rewrite(setPaths(doc, {outside.filePath("elsewhere/group1-shard1of1")}));
        } else if (defect == "subfolder") {
            QVERIFY(dir.mkdir("sub"));
            writeFile(dir.filePath("sub/group1-shard1of1"), shardBytes);
            rewrite(setPaths(doc, {"sub/group1-shard1of1"}));
        } else if (defect == "empty" || defect == "dot") {
            rewrite(setPaths(doc, QJsonArray{defect == "dot" ? "." : ""}));
        } else if (defect == "nul") {
            // Without the check the C library would stop at the NUL and open group1-shard1of1.
            rewrite(setPaths(doc, QJsonArray{QString("group1-shard1of1" + QString(QChar(0)) + "../../x")}));
        } else if (defect == "device") {
            QVERIFY(QFile::remove(shard));
            if (::mknod(QFile::encodeName(shard).constData(), S_IFCHR | 0600, makedev(1, 5)) != 0)
                QSKIP("making a device file (/dev/zero's numbers) needs root");
        } else if (defect == "fifo") {
            QVERIFY(QFile::remove(shard));
            QCOMPARE(::mkfifo(QFile::encodeName(shard).constData(), 0600), 0);
        } else if (defect == "symlink-out") {
            writeFile(outside.filePath("real-shard"), shardBytes);
            QVERIFY(QFile::remove(shard));
            QVERIFY(QFile::link("../real-shard", shard));
        } else if (defect == "symlink-zero") {
            QVERIFY(QFile::remove(shard));
            QVERIFY(QFile::link("/dev/zero", shard));
        } else if (defect == "directory") {
            QVERIFY(QFile::remove(shard));
            QVERIFY(dir.mkdir("group1-shard1of1"));
        } else if (defect == "long-shard") {
            writeFile(shard, shardBytes + QByteArray(100, '\0'));
        } else if (defect == "huge-shard") {
            QFile f(shard); // sparse: no disk space, but reading it would take minutes and 10 GB of memory
            QVERIFY(f.open(QIODevice::ReadWrite));
            QVERIFY(f.resize(qint64(10) << 30));
        } else if (defect == "json-fifo") {
            QVERIFY(QFile::remove(json));
            QCOMPARE(::mkfifo(QFile::encodeName(json).constData(), 0600), 0);
        } else if (defect == "json-huge") {
            QFile f(json);
            QVERIFY(f.open(QIODevice::ReadWrite));
            QVERIFY(f.resize(qint64(100) << 20));
        } else if (defect == "input-side") {
            rewrite(setConfig(doc, 0, "batch_input_shape", QJsonArray{QJsonValue(), 5000, 4, 3}));
        } else if (defect == "input-channels") {
            rewrite(setConfig(doc, 0, "batch_input_shape", QJsonArray{QJsonValue(), 4, 4, 17}));
        } else if (defect == "input-values") {
            rewrite(setConfig(doc, 0, "batch_input_shape", QJsonArray{QJsonValue(), 4096, 4096, 16}));
        } else if (defect == "units") {
            rewrite(setConfig(doc, 3, "units", 70000));
        } else if (defect == "filters") {
            rewrite(setConfig(doc, 1, "filters", 100000));
        } else if (defect == "kernel-size") {
            rewrite(setConfig(doc, 1, "kernel_size", QJsonArray{65, 65}));
        } else if (defect == "strides") {
            rewrite(setConfig(doc, 1, "strides", QJsonArray{1, 65}));
        } else if (defect == "dilation") {
            rewrite(setConfig(doc, 1, "dilation_rate", 65));
        } else if (defect == "groups") {
            rewrite(setConfig(doc, 1, "groups", 70000));
        } else if (defect == "depth-multiplier") {
            TfjsBuilder m = around("DepthwiseConv2D", {{"kernel_size", 3}, {"depth_multiplier", 300}});
            m.weight("layer/depthwise_kernel", {3, 3, 3, 1});
            m.weight("layer/bias", {3});
            rewriteWith(m);
        } else if (defect == "pool-size") {
            rewriteWith(around("MaxPooling2D", {{"pool_size", QJsonArray{2, 65}}}));
        } else if (defect == "pool-strides") {
            rewriteWith(around("AveragePooling2D", {{"pool_size", 2}, {"strides", 100}}));
        } else if (defect == "zero-padding") {
            rewriteWith(around("ZeroPadding2D", {{"padding", QJsonArray{QJsonArray{0, 5000}, QJsonArray{0, 1}}}}));
        } else if (defect == "axis") {
            b.add("Softmax", "softmax", {"dense"}, {{"axis", 1e300}});
            rewriteWith(b);
        } else if (defect == "layers") {
            for (int i = 0; i < 4097; ++i)
                b.add("Dropout", QStringLiteral("drop%1").arg(i), {i ? QStringLiteral("drop%1").arg(i - 1) : "dense"},
                      {{"rate", 0.5}});
            rewriteWith(b);
        } else if (defect == "parameters") {
            rewrite(addWeight(doc, "extra/kernel", {20000, 20000}));
        } else if (defect == "parameters-total") {
            for (const char *name : {"extra0/kernel", "extra1/kernel", "extra2/kernel"})
                doc = addWeight(doc, name, {10000, 10000});
            rewrite(doc);
        } else if (defect == "rank") {
            rewrite(addWeight(doc, "extra/kernel", {1, 1, 1, 1, 1, 1, 1, 1, 1}));
        } else if (defect == "activation") {
            // 4096 x 4096 pixels x 16 filters: a 1 GiB activation from a 192-byte kernel.
            TfjsBuilder m = around("Conv2D", {{"filters", 16}, {"kernel_size", 1}, {"use_bias", false}}, 4096, 4096);
            m.weight("layer/kernel", {1, 1, 3, 16});
            rewriteWith(m);
        } else if (defect == "concat" || defect == "concat-batch") {
            // Each Concatenate doubles the channels (or the batch: found by the fuzzer, the layer's dim 0 is no
            // count of pictures): 48 values of one picture become 48 << 21 at c20.
            TfjsBuilder m(4, 4, 3);
            QString previous = "input";
            const int axis = defect == "concat" ? -1 : 0;
            for (int i = 0; i < 30; ++i)
                previous = m.add("Concatenate", QStringLiteral("c%1").arg(i), {previous, previous}, {{"axis", axis}});
            rewriteWith(m);
        } else if (defect == "pool-work") {
            // No weights at all: 50 M input values, each output the maximum of a 64 x 64 window.
            rewriteWith(around("MaxPooling2D", {{"pool_size", 64}, {"strides", 1}, {"padding", "same"}}, 4096, 4096));
        } else if (defect == "slow-pool") {
            // 16 G window steps: within a count of multiply-adds, but LibTorch's pooling takes ~25 s for it.
            rewriteWith(around("MaxPooling2D", {{"pool_size", 18}, {"strides", 1}, {"padding", "same"}}, 4096, 4096));
        } else if (defect == "relus") {
            // ReLUs over 50 M values, ~25 ms each: the limit counts them, else 4096 such layers would take minutes.
            TfjsBuilder m(4096, 4096, 3);
            QString previous = "input";
            for (int i = 0; i < 30; ++i)
                previous = m.add("ReLU", QStringLiteral("relu%1").arg(i), {previous});
            rewriteWith(m);
        } else if (defect == "work") {
            // Small weights (37k values), 38 G multiply-adds for one 1024 x 1024 picture.
            TfjsBuilder m(1024, 1024, 3);
            m.add("Conv2D", "a", {"input"}, {{"filters", 64}, {"kernel_size", 1}, {"use_bias", false}});
            m.weight("a/kernel", {1, 1, 3, 64});
            m.add("Conv2D", "b", {"a"},
                  {{"filters", 64}, {"kernel_size", 3}, {"padding", "same"}, {"use_bias", false}});
            m.weight("b/kernel", {3, 3, 64, 64});
            m.add("GlobalAveragePooling2D", "gap", {"b"});
            rewriteWith(m);
        }
        QElapsedTimer timer;
        timer.start();
        QString error;
        const auto classifier = Classifier::load(dir.path(), &error);
        QVERIFY2(!classifier, "the model was accepted");
        qInfo().noquote() << error.section(QLatin1Char('/'), -1) << timer.elapsed() << "ms";
        QVERIFY2(error.contains(file), qPrintable(error));
        if (!layer.isEmpty())
            QVERIFY2(error.contains(QStringLiteral("layer '%1'").arg(layer)), qPrintable(error));
        if (!field.isEmpty())
            QVERIFY2(error.contains(QStringLiteral("field '%1'").arg(field)), qPrintable(error));
        QVERIFY2(error.contains(message), qPrintable(error));
        // Refused before reading or computing anything large. Timed in the release build only: a sanitizer's
        // allocator maps and fills every large block (the dry run's 200 MB activations take ~0.5 s each under
        // AddressSanitizer, 25 times release), so its time says nothing about the loader.
        if (nsfw::test::timeFactor() == 1)
            QVERIFY2(timer.elapsed() < 3000, qPrintable(QStringLiteral("took %1 ms").arg(timer.elapsed())));
    }

    // What the checks must still let through: a shard linked inside the folder, a model folder reached by a link.
    void linksInsideTheFolder()
    {
        QTemporaryDir tmp;
        const QDir outside(tmp.path());
        QVERIFY(outside.mkdir("model"));
        const QDir dir(outside.filePath("model"));
        QVERIFY(smallModel().write(dir.path()));
        QVERIFY(QFile::rename(dir.filePath("group1-shard1of1"), dir.filePath("weights.bin")));
        QVERIFY(QFile::link("weights.bin", dir.filePath("group1-shard1of1")));
        QVERIFY(QFile::link(dir.path(), outside.filePath("linked-model")));
        for (const QString &path : {dir.path(), outside.filePath("linked-model")}) {
            QString error;
            QVERIFY2(Classifier::load(path, &error), qPrintable(error));
        }
    }
};

QTEST_GUILESS_MAIN(TestTfjsErrors)
#include "tst_tfjserrors.moc"
