#include "commands.h"
#include "console.h"

#include "common/appinfo.h"
#include "media/importer.h"
#include "store/projectdatabase.h"

#include <QCommandLineParser>
#include <QElapsedTimer>

namespace nsfw::cli {

int importCommand(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Import images and videos into a project. Folders are walked recursively; files that cannot be "
           "imported are reported with the reason and skipped. Exit status 0 when the run completed, even if "
           "some files were skipped."));
    parser.addPositionalArgument(QStringLiteral("PROJECT"), tr("The project file (see: init)."));
    parser.addPositionalArgument(QStringLiteral("PATH"), tr("Files or folders to import."), QStringLiteral("PATH..."));
    const QCommandLineOption fromFolders(QStringLiteral("labels-from-folders"),
                                         tr("Label files under folders named safe, nsfw or unsure."));
    const QCommandLineOption sampling(QStringLiteral("sampling"),
                                      tr("How video frames are chosen: scenes (default: at most one every "
                                         "--frame-every seconds, plus the first frame after every cut, frames nearly "
                                         "identical to the last one kept skipped) or fixed (one every --frame-every "
                                         "seconds)."),
                                      QStringLiteral("MODE"), QStringLiteral("scenes"));
    const QCommandLineOption frameEvery(QStringLiteral("frame-every"),
                                        tr("The video sampling interval in SECONDS, from 0.04 to 3600 (default 1)."),
                                        QStringLiteral("SECONDS"), QStringLiteral("1"));
    const QCommandLineOption maxFrames(QStringLiteral("max-frames"),
                                       tr("At most N frames per video; a longer video is sampled more sparsely "
                                          "(default 10000)."),
                                       QStringLiteral("N"), QString::number(ImportOptions::kDefaultMaxFramesPerVideo));
    const QCommandLineOption annotator(QStringLiteral("annotator"),
                                       tr("Name recorded with labels from folders (default: the user name)."),
                                       QStringLiteral("NAME"));
    const QCommandLineOption maxPixels(QStringLiteral("max-megapixels"),
                                       tr("Refuse images larger than this (default 150)."), QStringLiteral("N"),
                                       QStringLiteral("150"));
    const QCommandLineOption verbose(QStringLiteral("verbose"), tr("Also list duplicates."));
    // For the crash tests: one line on stdout per item as soon as its batch is committed.
    QCommandLineOption logCommits(QStringLiteral("log-commits"), QStringLiteral("internal"));
    logCommits.setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOptions({fromFolders, sampling, frameEvery, maxFrames, annotator, maxPixels, verbose, logCommits});
    int status = 0;
    if (!parseArguments(parser, arguments, &status))
        return status;
    const QStringList positional = parser.positionalArguments();
    if (positional.size() < 2) {
        err() << tr("import takes a project file and at least one path.") << '\n';
        return 2;
    }
    bool ok = false;
    ImportOptions options;
    options.paths = positional.mid(1);
    options.labelsFromFolders = parser.isSet(fromFolders);
    options.frameEverySeconds = parser.value(frameEvery).toDouble(&ok);
    if (!ok) {
        err() << tr("--frame-every needs a number of seconds, from 0.04 to 3600.") << '\n';
        return 2;
    }
    const auto mode = VideoSampler::parseMode(parser.value(sampling));
    if (!mode) {
        err() << tr("--sampling must be scenes or fixed.") << '\n';
        return 2;
    }
    options.sampling = *mode;
    options.maxFramesPerVideo = parser.value(maxFrames).toInt(&ok);
    if (!ok) {
        err() << tr("--max-frames needs a whole number.") << '\n';
        return 2;
    }
    const double megapixels = parser.value(maxPixels).toDouble(&ok);
    if (!ok || !(megapixels > 0) || megapixels > 10'000) {
        err() << tr("--max-megapixels needs a number from 0 to 10000.") << '\n';
        return 2;
    }
    options.maxPixels = static_cast<qint64>(megapixels * 1e6);
    if (const QString bad = options.validate(); !bad.isEmpty()) {
        err() << bad << '\n';
        return 2;
    }
    options.annotator = parser.isSet(annotator) ? parser.value(annotator) : defaultAnnotator();

    Importer importer(positional.first(), options);
    const bool tty = errIsTerminal();
    QElapsedTimer sinceLine;
    sinceLine.start();
    QObject::connect(&importer, &Importer::progress, [&](const ImportProgress &p) {
        if (!p.walkDone)
            return;
        const QString line = tr("%1/%2 files: %3 imported, %4 duplicates, %5 skipped")
                                 .arg(p.processed)
                                 .arg(p.found)
                                 .arg(p.imported)
                                 .arg(p.duplicates)
                                 .arg(p.skipped);
        if (tty) {
            err() << '\r' << line << "\x1b[K";
            err().flush();
        } else if (sinceLine.elapsed() > 2000 || p.processed == p.found) {
            err() << line << '\n';
            err().flush();
            sinceLine.restart();
        }
    });
    if (parser.isSet(logCommits)) {
        QObject::connect(&importer, &Importer::committed, [](const QVector<qint64> &ids, const QStringList &paths) {
            for (int i = 0; i < ids.size(); ++i)
                out() << "committed " << ids.at(i) << ' ' << paths.at(i) << '\n';
            out().flush();
        });
    }
    const ImportSummary s = importer.run();
    if (tty)
        err() << '\n';
    if (!s.error.isEmpty()) {
        err() << tr("Import failed: %1").arg(s.error) << '\n';
        return 1;
    }
    for (const SkippedFile &f : s.skipped)
        out() << tr("skipped: %1: %2").arg(f.path, f.reason) << '\n';
    out() << tr("Imported %1 files (%2 video frames), %3 duplicates, %4 skipped, %5 found again after a move, "
                "%6 labels from folders, in %7 s.")
                 .arg(s.imported)
                 .arg(s.frames)
                 .arg(s.duplicates)
                 .arg(s.skipped.size())
                 .arg(s.relocated)
                 .arg(s.labeled)
                 .arg(s.seconds, 0, 'f', 1)
          << '\n';
    if (parser.isSet(verbose) && s.duplicates > 0)
        out() << tr("Duplicates are files whose content is already in the project; they were not imported again.")
              << '\n';
    return s.cancelled ? 1 : 0;
}

} // namespace nsfw::cli
