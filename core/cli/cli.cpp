#include "cli.h"

#include "commands.h"
#include "console.h"

#include <QCoreApplication>

#include <functional>

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
        {"init", QT_TRANSLATE_NOOP("nsfw::cli", "Create a new project file."), initCommand},
        {"import", QT_TRANSLATE_NOOP("nsfw::cli", "Import images and videos (folders are walked)."), importCommand},
        {"stats", QT_TRANSLATE_NOOP("nsfw::cli", "Count items by kind and by current label."), statsCommand},
        {"label", QT_TRANSLATE_NOOP("nsfw::cli", "Set the label of items given by path or id."), labelCommand},
        {"labels", QT_TRANSLATE_NOOP("nsfw::cli", "Export or import labels as CSV."), labelsCommand},
        {"check", QT_TRANSLATE_NOOP("nsfw::cli", "Find files that were moved or deleted since import."), checkCommand},
        {"predict", QT_TRANSLATE_NOOP("nsfw::cli", "Score images with the NSFW model."), predictCommand},
        {"train", QT_TRANSLATE_NOOP("nsfw::cli", "Fine-tune the model on the project's labels."), trainCommand},
        {"evaluate", QT_TRANSLATE_NOOP("nsfw::cli", "Metrics of a run: AP, ROC AUC, confusion matrix."),
         evaluateCommand},
        {"export-model", QT_TRANSLATE_NOOP("nsfw::cli", "Write a run's model as TF.js (nsfwjs) or LibTorch files."),
         exportModelCommand},
        {"benchmark", QT_TRANSLATE_NOOP("nsfw::cli", "Measure inference speed (or: benchmark store, benchmark train)."),
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
    err() << QCoreApplication::translate("nsfw::cli", "Unknown command: %1").arg(arguments.first()) << '\n';
    return 2;
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
    err() << QCoreApplication::translate("nsfw::cli", "Unknown benchmark suite: %1 (inference, store, train)").arg(suite)
          << '\n';
    return 2;
}

} // namespace nsfw::cli
