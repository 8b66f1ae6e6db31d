#pragma once

#include <QString>
#include <QTextStream>

#include <memory>

namespace nsfw::cli {

/// Standard output (results) and standard error (progress, messages), UTF-8.
QTextStream &out();
QTextStream &err();
/// True when standard error is a terminal, so progress may redraw one line.
bool errIsTerminal();

} // namespace nsfw::cli

class QCommandLineParser;

namespace nsfw {
class ProjectDatabase;
}

namespace nsfw::cli {

/// Parses arguments; on --help prints the help and sets *status 0, on an error prints it and sets
/// *status 2. Returns true when the command should go on.
bool parseArguments(QCommandLineParser &parser, const QStringList &arguments, int *status);
/// Opens an existing project for a command; prints the reason and returns nullptr when refused.
/// needsMedia: the command reads or resolves media files, so a server project must have its media root mapped here.
std::unique_ptr<ProjectDatabase> openProject(const QString &path, bool needsMedia = false);
/// The annotator name a command records labels under (ProjectDatabase::annotator): on a server project with roles a
/// member's own login, and an --annotator naming someone else is refused (false, the reason printed); else given, else
/// the name in the settings.
bool chooseAnnotator(const ProjectDatabase &db, const QString &given, QString *name);
/// A translated string in the CLI's context.
QString tr(const char *text);

} // namespace nsfw::cli
