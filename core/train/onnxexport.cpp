// ONNX export: the Keras layer graph of a TF.js Layers model written as ONNX nodes and initializers with Debian's
// generated onnx protobuf classes (libonnx-dev) by the GraphWriter (onnxgraph.cpp), checked with onnx::checker, the
// preprocessing in the model's metadata, the file written atomically.
#include "onnxexport.h"
#include "onnxgraph_p.h"

#include "common/logging.h"
#include "model/classifier.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>

#include <onnx/checker.h>

namespace nsfw {

using onnxexport::GraphWriter;
using onnxexport::kInputName;
using onnxexport::kOutputName;
using onnxexport::Refusal;

namespace {

// OpenCV 4.6's ONNX importer reads Clip (ReLU6) and Pad only with attributes, the forms of opset <= 10 (TECH-NOTES);
// every other operator used here has the same meaning at 10 as at 13. IR version 5 is the one of opset 10.
constexpr int64_t kOpset = 10;
constexpr int64_t kIrVersion = 5;

QString tr(const char *text)
{
    return QCoreApplication::translate("nsfw::OnnxExport", text);
}

/// True when `path` is an ONNX model this tool wrote (its producer is ours).
bool isOwnOnnxFile(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return false;
    const QByteArray bytes = f.readAll();
    onnx::ModelProto model;
    return model.ParseFromArray(bytes.constData(), int(bytes.size())) && model.producer_name() == kOnnxProducer;
}

QString jsonList(const QStringList &items)
{
    return QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(items)).toJson(QJsonDocument::Compact));
}

} // namespace

bool exportOnnx(const QString &modelDir, const QString &outFile, bool replace, QString *error,
                const std::vector<std::pair<QString, QString>> &metadata, OnnxExportSummary *summary)
{
    auto fail = [error](const QString &message) {
        if (error)
            *error = message;
        return false;
    };
    const QFileInfo target(outFile);
    if (target.isDir())
        return fail(tr("%1 is a folder; give the name of the .onnx file to write").arg(outFile));
    if (target.exists() && !replace)
        return fail(
            tr("%1 exists; --force replaces a model file this tool exported, never any other file").arg(outFile));
    if (target.exists() && !isOwnOnnxFile(outFile))
        return fail(tr("%1 exists and is no ONNX model this tool exported: left untouched").arg(outFile));

    ModelError modelError;
    const std::optional<TfjsModel> tfjs =
        readTfjsModel(QDir(modelDir).filePath(QStringLiteral("model.json")), &modelError);
    if (!tfjs)
        return fail(tr("Cannot export %1 as ONNX: %2").arg(modelDir, modelError.toString()));
    std::optional<KerasGraph> graph = buildKerasGraph(*tfjs, &modelError);
    if (!graph)
        return fail(tr("Cannot export %1 as ONNX: %2").arg(modelDir, modelError.toString()));

    onnx::ModelProto model;
    model.set_ir_version(kIrVersion);
    model.set_producer_name(kOnnxProducer);
    model.set_producer_version(QCoreApplication::applicationVersion().toStdString());
    model.set_model_version(1);
    onnx::OperatorSetIdProto *opset = model.add_opset_import();
    opset->set_domain("");
    opset->set_version(kOpset);
    onnx::GraphProto *g = model.mutable_graph();
    g->set_name(tfjs->modelName.isEmpty() ? std::string("model") : tfjs->modelName.toStdString());
    GraphWriter writer(*tfjs, *graph, g);
    try {
        writer.write();
    } catch (const Refusal &r) {
        return fail(tr("Cannot export %1 as ONNX: %2").arg(modelDir, r.message));
    } catch (const LayerError &e) {
        return fail(tr("Cannot export %1 as ONNX: %2").arg(modelDir, QString::fromStdString(e.message)));
    } catch (const c10::Error &e) {
        return fail(tr("Cannot export %1 as ONNX: %2").arg(modelDir, QString::fromUtf8(e.what_without_backtrace())));
    } catch (const std::exception &e) {
        return fail(tr("Cannot export %1 as ONNX: %2").arg(modelDir, QString::fromUtf8(e.what())));
    }

    // What a consumer must do before the network, and what the outputs mean: the model's profile.
    const int height = int((*graph)->inputHeight()), width = int((*graph)->inputWidth());
    QString profileError;
    const ModelProfile profile = tfjs->profile.completed(height, width, writer.outputClasses(), layerNamesOf(*tfjs),
                                                         &profileError);
    if (!profileError.isEmpty())
        return fail(tr("Cannot export %1 as ONNX: %2").arg(modelDir, profileError));
    const QStringList &classes = profile.classes;
    const Preprocessing &input = profile.input;
    const bool symmetric = input.scaling == Preprocessing::Scaling::Symmetric;
    std::vector<std::pair<QString, QString>> props{
        {QStringLiteral("input_name"), QString::fromStdString(kInputName)},
        {QStringLiteral("input_layout"), QStringLiteral("NCHW")},
        {QStringLiteral("input_shape"),
         QStringLiteral("[batch, %1, %2, %3]").arg((*graph)->inputChannels()).arg(height).arg(width)},
        {QStringLiteral("input_size"), QStringLiteral("%1x%2").arg(width).arg(height)},
        {QStringLiteral("input_channels"), input.bgr ? QStringLiteral("BGR") : QStringLiteral("RGB")},
        {QStringLiteral("input_scaling"), symmetric ? QStringLiteral("pixel / 127.5 - 1: float -1 to 1, no mean or std")
                                                    : QStringLiteral("pixel / 255: float 0-1, no mean or std")},
        {QStringLiteral("input_resize"),
         (input.alignCorners ? QStringLiteral("bilinear with align_corners=true to %1x%2 (nsfwjs: "
                                              "tf.image.resizeBilinear(img, [%2, %1], true))")
                             : QStringLiteral("bilinear with half-pixel centres (align_corners=false) to %1x%2"))
                 .arg(width)
                 .arg(height)
             + QStringLiteral("; alpha dropped, EXIF orientation applied")},
        {QStringLiteral("output_name"), QString::fromStdString(kOutputName)},
        {QStringLiteral("class_names"), jsonList(classes)},
    };
    if (!profile.nsfwClasses.isEmpty()) {
        QStringList terms, names;
        for (int c : profile.nsfwIndices()) {
            terms << QStringLiteral("probabilities[%1]").arg(c);
            names << classes.at(c);
        }
        props.emplace_back(QStringLiteral("nsfw_classes"), jsonList(names));
        props.emplace_back(QStringLiteral("nsfw_score"), QStringLiteral("p(nsfw) = %1 (%2)")
                                                             .arg(terms.join(QStringLiteral(" + ")),
                                                                  names.join(QStringLiteral(" + "))));
    }
    if (profile.flipAverage)
        props.emplace_back(QStringLiteral("test_time_flip"),
                           QStringLiteral("true: the model was trained and judged with test-time flip averaging; its "
                                          "scores are the mean of probabilities of the input and of the input mirrored "
                                          "left to right (two runs of this graph)"));
    props.insert(props.end(), metadata.begin(), metadata.end());
    for (const auto &[key, value] : props) {
        onnx::StringStringEntryProto *p = model.add_metadata_props();
        p->set_key(key.toStdString());
        p->set_value(value.toStdString());
    }
    model.set_doc_string(QStringLiteral("Image classifier exported by NSFW Workbench from %1. Input "
                                        "'%2': [batch, 3, %3, %4] float %8 in %9 (NCHW). Output '%5': %6 "
                                        "softmax probabilities (%7).")
                             .arg(QFileInfo(modelDir).fileName(), QString::fromStdString(kInputName))
                             .arg(height)
                             .arg(width)
                             .arg(QString::fromStdString(kOutputName))
                             .arg(classes.size())
                             .arg(classes.join(QStringLiteral(", ")))
                             .arg(input.bgr ? QStringLiteral("BGR") : QStringLiteral("RGB"))
                             .arg(symmetric ? QStringLiteral("[-1, 1]") : QStringLiteral("[0, 1]"))
                             .toStdString());

    try {
        onnx::checker::check_model(model);
    } catch (const std::exception &e) {
        return fail(
            tr("The ONNX graph written from %1 fails onnx's checker: %2").arg(modelDir, QString::fromUtf8(e.what())));
    }
    std::string bytes;
    if (!model.SerializeToString(&bytes))
        return fail(tr("Cannot serialize the ONNX model (%1 MB)").arg(double(model.ByteSizeLong()) / 1e6, 0, 'f', 1));
    if (!QDir().mkpath(target.absolutePath()))
        return fail(tr("Cannot create the folder %1").arg(target.absolutePath()));
    QSaveFile file(target.absoluteFilePath());
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes.data(), qint64(bytes.size())) != qint64(bytes.size()) ||
        !file.commit())
        return fail(tr("Cannot write %1: %2").arg(outFile, file.errorString()));
    qCInfo(lcModel) << "ONNX export" << outFile << g->node_size() << "nodes" << g->initializer_size() << "initializers";
    if (summary)
        *summary = {g->node_size(), g->initializer_size(), int(kOpset), height, width};
    return true;
}

} // namespace nsfw
