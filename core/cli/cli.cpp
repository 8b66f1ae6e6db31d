#include "cli.h"

#include "commands.h"
#include "console.h"

#include <QCoreApplication>
#include <QFileInfo>

#include <algorithm>
#include <functional>
#include <vector>

namespace nsfw::cli {

namespace {

struct Entry {
    const char *name;
    const char *summary;
    std::function<int(const QStringList &)> run;
};

const QList<Entry> &entries()
{
    static const QList<Entry> kEntries = {
        {"init", QT_TRANSLATE_NOOP("nsfw::cli", "Create a new project (a file or a PostgreSQL database)."), initCommand},
        {"import", QT_TRANSLATE_NOOP("nsfw::cli", "Import images and videos (folders are walked)."), importCommand},
        {"stats", QT_TRANSLATE_NOOP("nsfw::cli", "Count items by kind and by current label."), statsCommand},
        {"label", QT_TRANSLATE_NOOP("nsfw::cli", "Set the label of items given by path or id."), labelCommand},
        {"labels", QT_TRANSLATE_NOOP("nsfw::cli", "Export or import labels as CSV."), labelsCommand},
        {"check", QT_TRANSLATE_NOOP("nsfw::cli", "Find files that were moved or deleted since import."), checkCommand},
        {"media-root", QT_TRANSLATE_NOOP("nsfw::cli", "Show or map a server project's media folder on this machine."),
         mediaRootCommand},
        {"copy-project", QT_TRANSLATE_NOOP("nsfw::cli", "Copy a project between files and PostgreSQL databases."),
         copyProjectCommand},
        {"predict", QT_TRANSLATE_NOOP("nsfw::cli", "Score images with the NSFW model."), predictCommand},
        {"train", QT_TRANSLATE_NOOP("nsfw::cli", "Fine-tune the model on the project's labels."), trainCommand},
        {"evaluate", QT_TRANSLATE_NOOP("nsfw::cli", "Metrics of a run: AP, ROC AUC, confusion matrix."),
         evaluateCommand},
        {"audit",
         QT_TRANSLATE_NOOP("nsfw::cli", "Find labels that are probably wrong (confident learning over a cross-validated "
                                        "run)."),
         auditCommand},
        {"duplicates",
         QT_TRANSLATE_NOOP("nsfw::cli", "List the groups of near-copies (resized, recompressed, cropped, captioned "
                                        "copies of one picture), conflicting labels first."),
         duplicatesCommand},
        {"health",
         QT_TRANSLATE_NOOP("nsfw::cli", "Check the data set: class balance, copies, label conflicts, dark, bright, "
                                        "blank, blurry, tiny, stretched and greyscale images."),
         healthCommand},
        {"agreement",
         QT_TRANSLATE_NOOP("nsfw::cli", "How well the annotators agree: percent agreement, Cohen's and Fleiss' kappa, "
                                        "Krippendorff's alpha, each against the reference label, labels per hour."),
         agreementCommand},
        {"export-model",
         QT_TRANSLATE_NOOP("nsfw::cli", "Write a run's (or the pretrained) model as TF.js (nsfwjs), LibTorch or ONNX "
                                        "files."),
         exportModelCommand},
        {"export-dataset",
         QT_TRANSLATE_NOOP("nsfw::cli", "Write the labeled pictures as folders per label or a CSV manifest, split as "
                                        "training splits."),
         exportDatasetCommand},
        {"worker",
         QT_TRANSLATE_NOOP("nsfw::cli", "Score a project's images with a run's model, sharing the work with workers on "
                                        "other machines; stops when nothing is left."),
         workerCommand},
        {"team",
         QT_TRANSLATE_NOOP("nsfw::cli", "The members of a server project and their roles (annotator, reviewer, admin): "
                                        "list, add-member, remove-member."),
         teamCommand},
        {"benchmark",
         QT_TRANSLATE_NOOP("nsfw::cli", "Measure inference speed (or: benchmark store, train, memory, load, audit, duplicates, grouping, predict)."),
         benchmarkCommand},
    };
    return kEntries;
}

} // namespace

bool isCommand(const QString &name)
{
    for (const Entry &e : entries()) {
        if (name == QLatin1String(e.name))
            return true;
    }
    return false;
}

QString commandSummary()
{
    QString text;
    for (const Entry &e : entries())
        text += QStringLiteral("  %1 %2\n").arg(QLatin1String(e.name), -10).arg(QCoreApplication::translate("nsfw::cli", e.summary));
    return text;
}

namespace {

/// Edit distance (insertions, deletions, substitutions, and swaps of neighbours count one each).
int editDistance(const QString &a, const QString &b)
{
    const qsizetype n = a.size(), m = b.size();
    std::vector<std::vector<int>> d(size_t(n + 1), std::vector<int>(size_t(m + 1)));
    for (qsizetype i = 0; i <= n; ++i)
        d[size_t(i)][0] = int(i);
    for (qsizetype j = 0; j <= m; ++j)
        d[0][size_t(j)] = int(j);
    for (qsizetype i = 1; i <= n; ++i) {
        for (qsizetype j = 1; j <= m; ++j) {
            const int cost = a.at(i - 1) == b.at(j - 1) ? 0 : 1;
            int best = std::min({d[size_t(i - 1)][size_t(j)] + 1, d[size_t(i)][size_t(j - 1)] + 1,
                                 d[size_t(i - 1)][size_t(j - 1)] + cost});
            if (i > 1 && j > 1 && a.at(i - 1) == b.at(j - 2) && a.at(i - 2) == b.at(j - 1))
                best = std::min(best, d[size_t(i - 2)][size_t(j - 2)] + 1);
            d[size_t(i)][size_t(j)] = best;
        }
    }
    return d[size_t(n)][size_t(m)];
}

} // namespace

QString nearestCommand(const QString &name)
{
    QString best;
    int bestDistance = 0;
    const QString lower = name.toLower();
    for (const Entry &e : entries()) {
        const QString candidate = QLatin1String(e.name);
        int distance = editDistance(lower, candidate);
        // A prefix ("exp" for export-model) is as good as a near miss.
        if (lower.size() >= 3 && candidate.startsWith(lower))
            distance = std::min(distance, 1);
        if (best.isEmpty() || distance < bestDistance) {
            best = candidate;
            bestDistance = distance;
        }
    }
    return bestDistance <= std::max<int>(2, int(name.size()) / 3) ? best : QString();
}

bool looksLikeProject(const QString &argument)
{
    return QFileInfo::exists(argument) || argument.contains(QLatin1Char('/')) || argument.contains(QLatin1Char('.'))
        || argument.contains(QLatin1String("://"));
}

int unknownCommand(const QString &name)
{
    err() << QCoreApplication::translate("nsfw::cli", "nsfw-workbench: unknown command \"%1\".").arg(name) << '\n';
    if (const QString near = nearestCommand(name); !near.isEmpty())
        err() << QCoreApplication::translate("nsfw::cli", "Did you mean \"%1\"?").arg(near) << '\n';
    err() << QCoreApplication::translate("nsfw::cli", "Commands:") << '\n' << commandSummary();
    err() << QCoreApplication::translate("nsfw::cli", "To open a project in the window: nsfw-workbench PROJECT.nwproj")
          << '\n';
    err().flush();
    return 2;
}

int printUsage()
{
    out() << QCoreApplication::translate("nsfw::cli",
                                         "Usage: nsfw-workbench [PROJECT]          open the window (on PROJECT, else "
                                         "the last project)\n"
                                         "       nsfw-workbench COMMAND [ARGS...]  run a command without the window "
                                         "(COMMAND --help for its options)")
          << '\n'
          << QCoreApplication::translate("nsfw::cli", "Commands:") << '\n'
          << commandSummary();
    out().flush();
    return 0;
}

int run(const QStringList &arguments)
{
    if (arguments.isEmpty())
        return 2;
    for (const Entry &e : entries()) {
        if (arguments.first() == QLatin1String(e.name)) {
            const int status = e.run(arguments);
            out().flush();
            err().flush();
            return status;
        }
    }
    return unknownCommand(arguments.first());
}

int benchmarkCommand(const QStringList &arguments)
{
    // `benchmark [SUITE] ...`: the suite defaults to inference, the figure users ask for first.
    QStringList rest = arguments;
    QString suite = QStringLiteral("inference");
    if (rest.size() > 1 && !rest.at(1).startsWith(QLatin1Char('-'))) {
        suite = rest.at(1);
        rest.removeAt(1);
    }
    rest[0] = QStringLiteral("benchmark ") + suite;
    if (suite == QLatin1String("inference"))
        return benchmarkInference(rest);
    if (suite == QLatin1String("store"))
        return benchmarkStore(rest);
    if (suite == QLatin1String("train"))
        return benchmarkTrain(rest);
    if (suite == QLatin1String("memory"))
        return benchmarkMemory(rest);
    if (suite == QLatin1String("load"))
        return benchmarkLoad(rest);
    if (suite == QLatin1String("audit"))
        return benchmarkAudit(rest);
    if (suite == QLatin1String("duplicates"))
        return benchmarkDuplicates(rest);
    if (suite == QLatin1String("grouping"))
        return benchmarkGrouping(rest);
    if (suite == QLatin1String("predict"))
        return benchmarkPredict(rest);
    if (suite == QLatin1String("load-worker"))
        return benchmarkLoadWorker(rest);
    err() << QCoreApplication::translate("nsfw::cli",
                                         "Unknown benchmark suite: %1 (inference, store, train, memory, load, audit, duplicates, grouping, predict)")
                 .arg(suite)
          << '\n';
    return 2;
}

} // namespace nsfw::cli
