// Entry point: a headless subcommand when the first argument names one, the window otherwise.
#include "cli/cli.h"
#include "common/appinfo.h"
#include "application.h"

#include <QCoreApplication>

#include <cstring>

int main(int argc, char **argv)
{
    if (argc > 1 && nsfw::cli::isCommand(QString::fromLocal8Bit(argv[1]))) {
        QCoreApplication app(argc, argv);
        nsfw::setupApplicationIdentity();
        nsfw::installTranslators(app);
        QStringList arguments = app.arguments();
        arguments.removeFirst();
        return nsfw::cli::run(arguments);
    }
    return nsfw::ui::runGui(argc, argv);
}
