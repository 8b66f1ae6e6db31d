// `nsfw-workbench predict`: scores images with the pretrained (or a given) model.
#include "commands.h"
#include "console.h"
#include "predictvideo.h"

#include "media/importer.h"
#include "media/mediadecoder.h"

#include "model/classifier.h"
#include "model/modellocator.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFileInfo>

#include <algorithm>

namespace nsfw::cli {

int predictCommand(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Scores images, videos and animated GIFs with the NSFW model. An image gets one record with path, nsfw "
           "(Hentai + Porn + Sexy) and each class probability, or an error. A video or animated GIF gets one record "
           "with its sampled frames' times and scores, the segments (runs of frames at or above the threshold, merged "
           "across short gaps: start, end, peak) and a verdict for the whole video with the rule that made it "
           "(records of videos follow those of images). Folders are walked recursively."));
    parser.addPositionalArgument(QStringLiteral("paths"), tr("Image or video files, or folders."),
                                 QStringLiteral("PATH..."));
    const QCommandLineOption modelOption(QStringLiteral("model"),
                                         tr("Model folder (model.json + shards). Default: $NSFW_WORKBENCH_MODEL_DIR, "
                                            "else the mobilenet_v2 installed by packaging/setup.sh."),
                                         QStringLiteral("DIR"));
    const QCommandLineOption formatOption(QStringLiteral("format"),
                                          tr("Output format: jsonl (default) or csv (a video: one row per segment, "
                                             "or one row with empty start, end and peak when it has none)."),
                                          QStringLiteral("FORMAT"), QStringLiteral("jsonl"));
    const QCommandLineOption batchOption(QStringLiteral("batch"), tr("Images per network pass (default 32)."),
                                         QStringLiteral("N"), QStringLiteral("32"));
    const QCommandLineOption projectOption(QStringLiteral("project"),
                                           tr("Use the model fine-tuned in this project (see: train)."),
                                           QStringLiteral("PROJECT"));
    const QCommandLineOption runOption(QStringLiteral("run"), tr("With --project: the run (default: the latest "
                                                                 "finished one)."),
                                       QStringLiteral("N"));
    const QCommandLineOption thresholdOption(QStringLiteral("threshold"),
                                             tr("Video frames scored at or above this form segments, and a verdict at "
                                                "or above it flags the video (default 0.5)."),
                                             QStringLiteral("T"), QStringLiteral("0.5"));
    const QCommandLineOption verdictOption(QStringLiteral("verdict"),
                                           tr("How a video's frame scores become its score: topk-mean (default: the "
                                              "mean score over the k highest-scoring sampling intervals, each frame "
                                              "standing for the time until the next one), max or mean."),
                                           QStringLiteral("RULE"), QStringLiteral("topk-mean"));
    const QCommandLineOption topKOption(QStringLiteral("top-k"), tr("k of topk-mean (default 3)."), QStringLiteral("K"),
                                        QStringLiteral("3"));
    const QCommandLineOption gapOption(QStringLiteral("merge-gap"),
                                       tr("Flagged runs of a video at most this many seconds apart are one segment "
                                          "(default 2)."),
                                       QStringLiteral("SECONDS"), QStringLiteral("2"));
    const QCommandLineOption samplingOption(QStringLiteral("sampling"),
                                            tr("Video frames scored: scenes (default: at most one every --frame-every "
                                               "seconds, plus the first frame after every cut, near-repeats skipped) "
                                               "or fixed (one every --frame-every seconds)."),
                                            QStringLiteral("MODE"), QStringLiteral("scenes"));
    const QCommandLineOption frameEveryOption(QStringLiteral("frame-every"),
                                              tr("The sampling interval in seconds, from 0.04 to 3600 (default 1)."),
                                              QStringLiteral("SECONDS"), QStringLiteral("1"));
    const QCommandLineOption maxFramesOption(QStringLiteral("max-frames"),
                                             tr("At most N frames per video, spread over all of it (default 10000)."),
                                             QStringLiteral("N"),
                                             QString::number(ImportOptions::kDefaultMaxFramesPerVideo));
    const QCommandLineOption fastDecodeOption(
        QStringLiteral("fast-decode"),
        tr("Decode big JPEGs at 1/2, 1/4 or 1/8 scale (never below the model's input size): faster, but the scores "
           "move slightly from nsfwjs's. A run trained with --fast-decode uses it with --project by itself."));
    parser.addOptions({modelOption, formatOption, batchOption, projectOption, runOption, thresholdOption, verdictOption,
                       topKOption, gapOption, samplingOption, frameEveryOption, maxFramesOption, fastDecodeOption});
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
    VerdictOptions verdictOptions;
    SamplingOptions sampling;
    {
        bool ok = false;
        verdictOptions.threshold = parser.value(thresholdOption).toDouble(&ok);
        if (!ok || verdictOptions.threshold < 0 || verdictOptions.threshold > 1) {
            err() << tr("--threshold must be a number from 0 to 1") << '\n';
            return 2;
        }
        const auto rule = VideoJudge::parseRule(parser.value(verdictOption));
        if (!rule) {
            err() << tr("--verdict must be topk-mean, max or mean") << '\n';
            return 2;
        }
        verdictOptions.rule = *rule;
        verdictOptions.k = parser.value(topKOption).toInt(&ok);
        if (!ok || verdictOptions.k < 1 || verdictOptions.k > 10'000) {
            err() << tr("--top-k must be a whole number from 1 to 10000") << '\n';
            return 2;
        }
        const double gap = parser.value(gapOption).toDouble(&ok);
        if (!ok || gap < 0 || gap > 24 * 3600) {
            err() << tr("--merge-gap must be a number of seconds from 0 to 86400") << '\n';
            return 2;
        }
        verdictOptions.mergeGapMs = qint64(gap * 1000 + 0.5);
        const auto mode = VideoSampler::parseMode(parser.value(samplingOption));
        if (!mode) {
            err() << tr("--sampling must be scenes or fixed") << '\n';
            return 2;
        }
        sampling.mode = *mode;
        sampling.everySeconds = parser.value(frameEveryOption).toDouble(&ok);
        if (!ok || sampling.everySeconds < ImportOptions::kMinFrameEverySeconds ||
            sampling.everySeconds > ImportOptions::kMaxFrameEverySeconds) {
            err() << tr("--frame-every needs a number of seconds, from 0.04 to 3600.") << '\n';
            return 2;
        }
        verdictOptions.unitMs = qint64(sampling.everySeconds * 1000 + 0.5);
        sampling.maxFrames = parser.value(maxFramesOption).toInt(&ok);
        if (!ok || sampling.maxFrames < 1 || sampling.maxFrames > ImportOptions::kMaxMaxFramesPerVideo) {
            err() << tr("--max-frames must be a whole number from 1 to %1").arg(ImportOptions::kMaxMaxFramesPerVideo)
                  << '\n';
            return 2;
        }
    }
    if (parser.positionalArguments().isEmpty()) {
        err() << tr("No images given. Usage: predict [--model DIR] PATH...") << '\n';
        return 2;
    }
    const QStringList files = predictFiles(parser.positionalArguments());
    if (files.isEmpty()) {
        err() << tr("No image files found.") << '\n';
        return 1;
    }
    // Videos and GIFs are sampled and judged (OpenCV cannot decode GIF, so a still one goes that way too, as one
    // frame); everything else is scored as an image.
    QStringList images, videos;
    for (const QString &file : files) {
        const bool gif = QFileInfo(file).suffix().compare(QLatin1String("gif"), Qt::CaseInsensitive) == 0;
        if (gif || MediaDecoder::mediaType(file) == MediaType::Video)
            videos << file;
        else
            images << file;
    }

    QString error;
    if (parser.isSet(projectOption) && parser.isSet(modelOption)) {
        err() << tr("Give either --model or --project, not both.") << '\n';
        return 2;
    }
    std::vector<std::pair<QString, QString>> about;
    const QString dir = parser.isSet(projectOption)
                            ? runModelFolder(parser.value(projectOption), parser.value(runOption), &error, &about)
                            : locateModel(parser.value(modelOption), &error);
    if (dir.isEmpty()) {
        err() << error << '\n';
        return 1;
    }
    InferenceOptions options;
    options.batchSize = batch;
    // A run's model scores its pictures as it was trained on them (TrainSettings::fastDecode).
    options.fastDecode = parser.isSet(fastDecodeOption) ||
                         std::find(about.begin(), about.end(),
                                   std::pair(QStringLiteral("fast_decode"), QStringLiteral("true"))) != about.end();
    setOpenCvThreads(1); // the decode workers and the network share the cores
    const std::unique_ptr<Classifier> classifier = Classifier::load(dir, &error, options);
    if (!classifier) {
        err() << tr("Cannot load the model: %1").arg(error) << '\n';
        return 1;
    }
    const QStringList classes = classifier->classNames();
    const bool csv = format == QLatin1String("csv");
    if (csv) {
        QStringList header;
        for (const QString &c : classes)
            header << csvField(c);
        out() << "path,nsfw," << header.join(QLatin1Char(',')) << ",error,kind,start_ms,end_ms,peak,rule\n";
    }

    int readable = 0, done = 0;
    const bool progress = errIsTerminal();
    classifier->classifyFiles(images, [&](const ImageScore &s) {
        ++done;
        if (s.ok())
            ++readable;
        out() << imageRecord(s, classes, csv);
        if (progress && (done % 32 == 0 || done == images.size()))
            err() << '\r' << tr("%1 of %2 images").arg(done).arg(images.size())
                  << (done == images.size() ? "\n" : "") << Qt::flush;
    });
    for (const QString &path : videos) {
        if (progress)
            err() << tr("sampling and scoring %1").arg(path) << '\n' << Qt::flush;
        const VideoScores video = VideoScorer::score(*classifier, path, sampling);
        const VideoVerdict verdict = VideoJudge::judge(video.frames, video.sampling.info.durationMs, verdictOptions);
        const QString kind = MediaDecoder::mediaType(path) == MediaType::Video ? QStringLiteral("video")
            : video.sampling.animated                                         ? QStringLiteral("animation")
                                                                              : QStringLiteral("image");
        if (video.ok())
            ++readable;
        if (csv)
            out() << videoCsvRows(video, verdict, int(classes.size()), kind);
        else
            out() << videoJsonLine(video, verdict, verdictOptions, kind, VideoSampler::modeName(sampling.mode)) << '\n';
        out().flush();
    }
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
