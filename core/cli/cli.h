#pragma once

#include <QStringList>

namespace nsfw::cli {

/// True when name is a headless subcommand ("init", "import", ...).
bool isCommand(const QString &name);
/// Runs a subcommand: arguments[0] is its name, the rest its arguments. Returns the exit status.
int run(const QStringList &arguments);
/// The list of subcommands with one line each, for `nsfw-workbench --help`.
QString commandSummary();
/// The subcommand closest to a mistyped name ("" when none is close).
QString nearestCommand(const QString &name);
/// True when the first argument names what the window opens (an existing file, or a path) rather than a
/// mistyped subcommand: a word with no '/' or '.' that names no file is taken as a command.
bool looksLikeProject(const QString &argument);
/// Says that name is no subcommand, suggests the nearest one, lists them all; returns the exit status (2).
int unknownCommand(const QString &name);
/// `nsfw-workbench --help`: the window's usage and every subcommand.
int printUsage();

} // namespace nsfw::cli
