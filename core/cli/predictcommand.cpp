// `nsfw-workbench predict`: scores images with the pretrained (or a given) model.
#include "commands.h"
#include "console.h"

#include "model/classifier.h"
#include "model/modellocator.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDirIterator>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>

namespace nsfw::cli {

namespace {

const QStringList &imagePatterns()
{
    static const QStringList kPatterns = {
        QStringLiteral("*.jpg"),  QStringLiteral("*.jpeg"), QStringLiteral("*.png"), QStringLiteral("*.bmp"),
        QStringLiteral("*.webp"), QStringLiteral("*.tif"),  QStringLiteral("*.tiff"), QStringLiteral("*.ppm"),
        QStringLiteral("*.pgm"),  QStringLiteral("*.JPG"),  QStringLiteral("*.JPEG"), QStringLiteral("*.PNG")};
    return kPatterns;
}

/// Files given directly are kept (so an unreadable one is reported); folders are walked for image files.
QStringList expandPaths(const QStringList &args)
{
    QStringList files;
    for (const QString &arg : args) {
        if (QFileInfo(arg).isDir()) {
            QStringList found;
            QDirIterator it(arg, imagePatterns(), QDir::Files, QDirIterator::Subdirectories | QDirIterator::FollowSymlinks);
            while (it.hasNext())
                found << it.next();
            found.sort();
            files << found;
        } else {
            files << arg;
        }
    }
    return files;
}

QString jsonString(const QString &s)
{
    const QByteArray a = QJsonDocument(QJsonArray{s}).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(a.mid(1, a.size() - 2));
}

QString csvField(const QString &s)
{
    if (!s.contains(QLatin1Char(',')) && !s.contains(QLatin1Char('"')) && !s.contains(QLatin1Char('\n')))
        return s;
    return QLatin1Char('"') + QString(s).replace(QLatin1Char('"'), QLatin1String("\"\"")) + QLatin1Char('"');
}

QString num(float v)
{
    return QString::number(static_cast<double>(v), 'g', 8);
}

} // namespace

int predictCommand(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Scores images with the NSFW model: one record per image with path, nsfw (Hentai + Porn + Sexy) and each "
           "class probability, or an error. Folders are walked recursively."));
    parser.addPositionalArgument(QStringLiteral("paths"), tr("Image files or folders."), QStringLiteral("PATH..."));
    const QCommandLineOption modelOption(QStringLiteral("model"),
                                         tr("Model folder (model.json + shards). Default: $NSFW_WORKBENCH_MODEL_DIR, "
                                            "else the mobilenet_v2 installed by packaging/setup.sh."),
                                         QStringLiteral("DIR"));
    const QCommandLineOption formatOption(QStringLiteral("format"), tr("Output format: jsonl (default) or csv."),
                                          QStringLiteral("FORMAT"), QStringLiteral("jsonl"));
    const QCommandLineOption batchOption(QStringLiteral("batch"), tr("Images per network pass (default 32)."),
                                         QStringLiteral("N"), QStringLiteral("32"));
    const QCommandLineOption projectOption(QStringLiteral("project"),
                                           tr("Use the model fine-tuned in this project (see: train)."),
                                           QStringLiteral("PROJECT"));
    const QCommandLineOption runOption(QStringLiteral("run"), tr("With --project: the run (default: the latest "
                                                                 "finished one)."),
                                       QStringLiteral("N"));
    parser.addOptions({modelOption, formatOption, batchOption, projectOption, runOption});
    int status = 0;
    if (!parseArguments(parser, arguments, &status))
        return status;
    const QString format = parser.value(formatOption);
    bool batchOk = false;
    const int batch = parser.value(batchOption).toInt(&batchOk);
    if (format != QLatin1String("jsonl") && format != QLatin1String("csv")) {
        err() << tr("--format must be jsonl or csv") << '\n';
        return 2;
    }
    if (!batchOk || batch < 1 || batch > 4096) {
        err() << tr("--batch must be a number from 1 to 4096") << '\n';
        return 2;
    }
    if (parser.positionalArguments().isEmpty()) {
        err() << tr("No images given. Usage: predict [--model DIR] PATH...") << '\n';
        return 2;
    }
    const QStringList files = expandPaths(parser.positionalArguments());
    if (files.isEmpty()) {
        err() << tr("No image files found.") << '\n';
        return 1;
    }

    QString error;
    if (parser.isSet(projectOption) && parser.isSet(modelOption)) {
        err() << tr("Give either --model or --project, not both.") << '\n';
        return 2;
    }
    const QString dir = parser.isSet(projectOption)
        ? runModelFolder(parser.value(projectOption), parser.value(runOption), &error)
        : locateModel(parser.value(modelOption), &error);
    if (dir.isEmpty()) {
        err() << error << '\n';
        return 1;
    }
    InferenceOptions options;
    options.batchSize = batch;
    const std::unique_ptr<Classifier> classifier = Classifier::load(dir, &error, options);
    if (!classifier) {
        err() << tr("Cannot load the model: %1").arg(error) << '\n';
        return 1;
    }
    const QStringList classes = classifier->classNames();
    if (format == QLatin1String("csv"))
        out() << "path,nsfw," << classes.join(QLatin1Char(',')) << ",error\n";

    int readable = 0, done = 0;
    const bool progress = errIsTerminal();
    classifier->classifyFiles(files, [&](const ImageScore &s) {
        ++done;
        if (s.ok())
            ++readable;
        if (format == QLatin1String("csv")) {
            out() << csvField(s.path);
            if (s.ok()) {
                out() << ',' << num(s.nsfw);
                for (float p : s.probabilities)
                    out() << ',' << num(p);
                out() << ",\n";
            } else {
                out() << QString(QLatin1Char(',')).repeated(classes.size() + 1) << ',' << csvField(s.error) << '\n';
            }
        } else {
            out() << "{\"path\":" << jsonString(s.path);
            if (s.ok()) {
                out() << ",\"nsfw\":" << num(s.nsfw);
                for (int c = 0; c < classes.size() && c < static_cast<int>(s.probabilities.size()); ++c)
                    out() << ",\"" << classes.at(c) << "\":" << num(s.probabilities[static_cast<size_t>(c)]);
            } else {
                out() << ",\"error\":" << jsonString(s.error);
            }
            out() << "}\n";
        }
        if (progress && (done % 32 == 0 || done == files.size()))
            err() << '\r' << tr("%1 of %2 images").arg(done).arg(files.size()) << (done == files.size() ? "\n" : "")
                  << Qt::flush;
    });
    out().flush();
    if (readable == 0) {
        err() << QCoreApplication::translate("nsfw::cli::predict", "None of the %n file(s) could be read as an image.",
                                             nullptr, static_cast<int>(files.size()))
              << '\n';
        return 1;
    }
    return 0;
}

} // namespace nsfw::cli
