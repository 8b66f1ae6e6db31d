// export-dataset: the labeled pictures as folders per label or a CSV manifest, for other trainers.
#include "commands.h"
#include "console.h"

#include "store/projectdatabase.h"
#include "train/datasetexport.h"

#include <QCommandLineParser>
#include <QFileInfo>
#include <QMap>

namespace nsfw::cli {

int exportDatasetCommand(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Write the project's labeled images and video frames as a dataset: folders safe/ and nsfw/ (train/ and val/ "
           "with --split), or a CSV manifest (path, label, split, annotators, agreement, item_id, source) beside the "
           "pictures in media/. Frames are written as JPEG files. Unsure and unlabeled items, and copies a person kept "
           "out of training, are left out. Exit status 0 when every file was written, 3 when some could not be read "
           "(listed, the rest written), 1 when nothing was."));
    parser.addPositionalArgument(QStringLiteral("PROJECT"), tr("The project: a file or a postgresql:// URL."));
    const QCommandLineOption outDir(
        QStringLiteral("out"),
        tr("Output folder: new, empty, or one this tool exported before (with --replace); never any other."),
        QStringLiteral("DIR"));
    const QCommandLineOption format(QStringLiteral("format"),
                                    tr("folders (default): a folder per label; csv: DIR/manifest.csv and DIR/media/."),
                                    QStringLiteral("FORMAT"), QStringLiteral("folders"));
    const QCommandLineOption split(
        QStringLiteral("split"),
        tr("Split into train/ and val/ as training does (train --folds 1): a video's frames and a group of near-copies "
           "always on one side."));
    const QCommandLineOption fraction(QStringLiteral("val-fraction"),
                                      tr("With --split: the share of labeled items in val/ (default 0.2)."),
                                      QStringLiteral("F"), QStringLiteral("0.2"));
    const QCommandLineOption seed(QStringLiteral("seed"), tr("With --split: the split's seed (default 1, as train)."),
                                  QStringLiteral("S"), QStringLiteral("1"));
    const QCommandLineOption copy(QStringLiteral("copy"), tr("Copy the images' bytes (a folder that stands alone)."));
    const QCommandLineOption link(
        QStringLiteral("link"),
        tr("Symbolic links to the project's images (the default: fast, and no second copy of a large data set; the "
           "links break when the media move). Frames are always written as JPEG files."));
    const QCommandLineOption unsure(QStringLiteral("include-unsure"), tr("Export unsure items too (in unsure/)."));
    const QCommandLineOption unlabeled(
        QStringList{QStringLiteral("include-unlabelled"), QStringLiteral("include-unlabeled")},
        tr("Export unlabeled items too (in unlabeled/)."));
    const QCommandLineOption replace(QStringList{QStringLiteral("replace"), QStringLiteral("force")},
                                     tr("Replace a folder this tool exported before (never any other folder)."));
    parser.addOptions({outDir, format, split, fraction, seed, copy, link, unsure, unlabeled, replace});
    int status = 0;
    if (!parseArguments(parser, arguments, &status))
        return status;
    if (parser.positionalArguments().size() != 1 || !parser.isSet(outDir)) {
        err() << tr("export-dataset takes one project and --out DIR.") << '\n';
        return 2;
    }
    DatasetExportOptions options;
    const QString formatName = parser.value(format);
    if (formatName == QLatin1String("folders")) {
        options.format = DatasetExportOptions::Format::Folders;
    } else if (formatName == QLatin1String("csv")) {
        options.format = DatasetExportOptions::Format::Csv;
    } else {
        err() << tr("--format must be folders or csv.") << '\n';
        return 2;
    }
    if (parser.isSet(copy) && parser.isSet(link)) {
        err() << tr("--copy and --link exclude each other.") << '\n';
        return 2;
    }
    if (QFileInfo(parser.value(outDir)).suffix().compare(QLatin1String("csv"), Qt::CaseInsensitive) == 0) {
        // The manifest names files that must exist (frames are decoded into it): it always comes with its folder.
        err() << tr("--out is a folder: the manifest is written as DIR/manifest.csv beside the pictures it names.")
              << '\n';
        return 2;
    }
    bool ok = false;
    options.validationFraction = parser.value(fraction).toDouble(&ok);
    if (!ok || !(options.validationFraction > 0) || !(options.validationFraction < 1)) {
        err() << tr("--val-fraction takes a share between 0 and 1.") << '\n';
        return 2;
    }
    options.seed = parser.value(seed).toULongLong(&ok);
    if (!ok) {
        err() << tr("--seed takes a whole number, 0 or more.") << '\n';
        return 2;
    }
    options.split = parser.isSet(split);
    options.copy = parser.isSet(copy);
    options.includeUnsure = parser.isSet(unsure);
    options.includeUnlabeled = parser.isSet(unlabeled);
    options.replace = parser.isSet(replace);

    auto db = openProject(parser.positionalArguments().first(), true);
    if (!db)
        return 1;
    const QString target = QFileInfo(parser.value(outDir)).absoluteFilePath();
    const DatasetExportResult result = DatasetExport::run(*db, target, options, [](qint64 done, qint64 total) {
        if (errIsTerminal())
            err() << '\r' << tr("writing %1 of %2 ...").arg(done).arg(total) << Qt::flush;
    });
    if (errIsTerminal() && (result.ok || !result.unreadable.isEmpty()))
        err() << '\n';
    for (const UnreadableItem &u : result.unreadable)
        err() << tr("skipped %1 (item %2): %3").arg(u.path).arg(u.itemId).arg(u.reason) << '\n';
    if (!result.ok) {
        err() << result.error << '\n';
        return 1;
    }
    QMap<QString, qint64> perFolder;
    for (const DatasetEntry &e : result.entries)
        ++perFolder[QFileInfo(e.file).path()];
    QStringList counts;
    for (auto it = perFolder.cbegin(); it != perFolder.cend(); ++it)
        counts << QStringLiteral("%1/ %2").arg(it.key()).arg(it.value());
    out() << tr("Wrote %1 files to %2 (%3).").arg(result.entries.size()).arg(target, counts.join(QStringLiteral(", ")))
          << '\n';
    if (options.format == DatasetExportOptions::Format::Csv)
        out() << tr("Manifest: %1/%2").arg(target, QLatin1String(DatasetExport::kManifestName)) << '\n';
    if (result.hidden > 0)
        out() << tr("Left out: %1 items kept out of training (near-copies).").arg(result.hidden) << '\n';
    if (!result.unreadable.isEmpty()) {
        err() << tr("%1 files could not be read and were skipped.").arg(result.unreadable.size()) << '\n';
        return 3;
    }
    return 0;
}

} // namespace nsfw::cli
