// Every class of defect in a model folder comes back as a message naming the file, the layer and the field.
#include "model/classifier.h"
#include "model/tfjsmodel.h"
#include "tfjsbuilder.h"

#include <QFile>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QtTest>

using namespace nsfw;
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

// Edits layer `index` of the model.json document with `edit`.
QJsonObject editLayer(QJsonObject doc, int index, const std::function<void(QJsonObject &)> &edit)
{
    QJsonObject topo = doc["modelTopology"].toObject();
    QJsonObject mc = topo["model_config"].toObject();
    QJsonObject cfg = mc["config"].toObject();
    QJsonArray layers = cfg["layers"].toArray();
    QJsonObject layer = layers[index].toObject();
    edit(layer);
    layers[index] = layer;
    cfg["layers"] = layers;
    mc["config"] = cfg;
    topo["model_config"] = mc;
    doc["modelTopology"] = topo;
    return doc;
}

} // namespace

class TestTfjsErrors : public QObject
{
    Q_OBJECT
private Q_SLOTS:
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
};

QTEST_GUILESS_MAIN(TestTfjsErrors)
#include "tst_tfjserrors.moc"
