// export-model: a run's or a pretrained model as TF.js, LibTorch or ONNX.
#include "commands.h"
#include "console.h"
#include "runoutput.h"

#include "media/nearduplicates.h"
#include "model/modellocator.h"
#include "store/csvlabels.h"
#include "store/itemstore.h"
#include "store/projectdatabase.h"
#include "store/runstore.h"
#include "train/metrics.h"
#include "train/modelexport.h"
#include "train/onnxexport.h"
#include "train/runreview.h"
#include "train/trainer.h"

#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QCoreApplication>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QSaveFile>

#include <atomic>
#include <cmath>
#include <csignal>


namespace nsfw::cli {

int exportModelCommand(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Write a run's fine-tuned model, or with --model a pretrained one: tfjs gives a TF.js Layers model "
           "(model.json + weights) that tf.loadLayersModel and nsfwjs load; native gives a LibTorch archive; onnx "
           "gives one ONNX file (opset 10, input NCHW RGB 0-1, preprocessing and class names in its metadata) that "
           "ONNX Runtime and OpenCV's DNN module load."));
    parser.addPositionalArgument(QStringLiteral("PROJECT"), tr("The project: a file or a postgresql:// URL."));
    const QCommandLineOption run(QStringLiteral("run"), tr("The run (default: the latest finished one)."),
                                 QStringLiteral("N"));
    const QCommandLineOption model(QStringLiteral("model"),
                                   tr("Export this model folder (model.json + shards; \"pretrained\": the installed "
                                      "mobilenet_v2) instead of a project's run."),
                                   QStringLiteral("DIR"));
    const QCommandLineOption format(QStringLiteral("format"), tr("tfjs (default), native or onnx."),
                                    QStringLiteral("FORMAT"), QStringLiteral("tfjs"));
    const QCommandLineOption outDir(QStringLiteral("out"),
                                    tr("Output folder (tfjs, native): new, empty, or one this tool exported before "
                                       "(with --force). Output file (onnx): new, or one this tool exported before "
                                       "(with --force)."),
                                    QStringLiteral("PATH"));
    const QCommandLineOption force(QStringLiteral("force"),
                                   tr("Replace a model this tool wrote before (never any other folder or file)."));
    parser.addOptions({run, model, format, outDir, force});
    int status = 0;
    if (!parseArguments(parser, arguments, &status))
        return status;
    const qsizetype projects = parser.positionalArguments().size();
    if (!parser.isSet(outDir) || (parser.isSet(model) ? projects != 0 : projects != 1)) {
        err() << tr("export-model takes one project (or --model DIR) and --out PATH.") << '\n';
        return 2;
    }
    if (parser.isSet(model) && parser.isSet(run)) {
        err() << tr("--run picks a project's run; it does not go with --model.") << '\n';
        return 2;
    }
    const QString fmtName = parser.value(format);
    if (fmtName != QLatin1String("tfjs") && fmtName != QLatin1String("native") && fmtName != QLatin1String("onnx")) {
        err() << tr("--format must be tfjs, native or onnx.") << '\n';
        return 2;
    }
    QString error;
    std::vector<std::pair<QString, QString>> metadata;
    QString from;
    if (parser.isSet(model)) {
        const bool pretrained = parser.value(model) == QLatin1String("pretrained");
        from = locateModel(pretrained ? QString() : parser.value(model), &error);
        metadata.emplace_back(QStringLiteral("source"),
                              (pretrained ? QStringLiteral("pretrained model %1") : QStringLiteral("model folder %1"))
                                  .arg(QFileInfo(from).fileName()));
    } else {
        from = runModelFolder(parser.positionalArguments().first(), parser.value(run), &error, &metadata);
    }
    if (from.isEmpty()) {
        err() << error << '\n';
        return 1;
    }
    const QString out = QFileInfo(parser.value(outDir)).absoluteFilePath();
    bool ok = false;
    if (fmtName == QLatin1String("tfjs")) {
        ok = copyModelFolder(from, out, parser.isSet(force), &error);
    } else if (fmtName == QLatin1String("native")) {
        ok = exportNative(from, out, parser.isSet(force), &error);
    } else {
        ok = exportOnnx(from, out, parser.isSet(force), &error, metadata);
    }
    if (!ok) {
        err() << error << '\n';
        return 1;
    }
    cli::out() << tr("Wrote %1").arg(out) << '\n';
    return 0;
}

} // namespace nsfw::cli
