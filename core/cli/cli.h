#pragma once

#include <QStringList>

namespace nsfw::cli {

/// True when name is a headless subcommand ("init", "import", ...).
bool isCommand(const QString &name);
/// Runs a subcommand: arguments[0] is its name, the rest its arguments. Returns the exit status.
int run(const QStringList &arguments);
/// The list of subcommands with one line each, for `nsfw-workbench --help`.
QString commandSummary();

} // namespace nsfw::cli
