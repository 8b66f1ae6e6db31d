// Entry point: a headless subcommand when the first argument names one, the window otherwise. A word that is
// neither a subcommand nor a project path is a mistyped command: it is reported, never taken to the window.
#include "cli/cli.h"
#include "common/appinfo.h"
#include "application.h"

#include <QCoreApplication>

#include <cstdio>
#include <cstring>

int main(int argc, char **argv)
{
    const QString first = argc > 1 ? QString::fromLocal8Bit(argv[1]) : QString();
    const bool help = first == QLatin1String("--help") || first == QLatin1String("-h") || first == QLatin1String("help");
    const bool headless = nsfw::cli::isCommand(first) || help
        || (!first.isEmpty() && !first.startsWith(QLatin1Char('-')) && !nsfw::cli::looksLikeProject(first));
    if (headless) {
        QCoreApplication app(argc, argv);
        nsfw::setupApplicationIdentity();
        nsfw::installTranslators(app);
        if (help)
            return nsfw::cli::printUsage();
        QStringList arguments = app.arguments();
        arguments.removeFirst();
        return nsfw::cli::run(arguments);
    }
    // Without a display Qt would abort with a core dump: say why in one line instead.
    if (const QByteArray problem = nsfw::ui::displayProblem(argc, argv); !problem.isEmpty()) {
        std::fprintf(stderr, "nsfw-workbench: %s\n", problem.constData());
        return 1;
    }
    return nsfw::ui::runGui(argc, argv);
}
