#pragma once

#include <QStringList>

#include <utility>
#include <vector>

// One function per subcommand; each parses its own arguments (arguments[0] is the command name)
// with QCommandLineParser, answers --help, and returns the process exit status.
namespace nsfw::cli {

int initCommand(const QStringList &arguments);
int importCommand(const QStringList &arguments);
int statsCommand(const QStringList &arguments);
int labelsCommand(const QStringList &arguments);
int labelCommand(const QStringList &arguments);
int checkCommand(const QStringList &arguments);
int mediaRootCommand(const QStringList &arguments);
int copyProjectCommand(const QStringList &arguments);
int predictCommand(const QStringList &arguments);
int trainCommand(const QStringList &arguments);
int evaluateCommand(const QStringList &arguments);
int auditCommand(const QStringList &arguments);
int duplicatesCommand(const QStringList &arguments);
int healthCommand(const QStringList &arguments);
int agreementCommand(const QStringList &arguments);
int exportModelCommand(const QStringList &arguments);
int exportDatasetCommand(const QStringList &arguments);
int workerCommand(const QStringList &arguments);
int teamCommand(const QStringList &arguments);

/// The model folder of a project's run (runText empty: the latest finished run); "" and *error when none. *about
/// gets what an export should say about it (the run, its threshold).
QString runModelFolder(const QString &projectPath, const QString &runText, QString *error,
                       std::vector<std::pair<QString, QString>> *about = nullptr);
int benchmarkCommand(const QStringList &arguments);

} // namespace nsfw::cli

namespace nsfw::cli {

// Benchmark suites, reached through `nsfw-workbench benchmark [SUITE] ...`.
int benchmarkInference(const QStringList &arguments);
int benchmarkStore(const QStringList &arguments);
int benchmarkTrain(const QStringList &arguments);
int benchmarkMemory(const QStringList &arguments);
int benchmarkLoad(const QStringList &arguments);
int benchmarkAudit(const QStringList &arguments);
int benchmarkDuplicates(const QStringList &arguments);
int benchmarkGrouping(const QStringList &arguments);
int benchmarkPredict(const QStringList &arguments);
/// One labelling process of `benchmark load` (not listed: benchmarkLoad starts it as `benchmark load-worker`).
int benchmarkLoadWorker(const QStringList &arguments);

} // namespace nsfw::cli
