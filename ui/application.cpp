#include "application.h"

#include "common/appinfo.h"
#include "mainwindow.h"

#include <QApplication>
#include <QCommandLineParser>

namespace nsfw::ui {

int runGui(int argc, char **argv)
{
    QApplication app(argc, argv);
    setupApplicationIdentity();
    installTranslators(app);

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QApplication::translate("nsfw::ui", "Label images and videos, fine-tune an NSFW classifier."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("project"),
                                 QApplication::translate("nsfw::ui", "Project file to open."));
    parser.process(app);

    MainWindow window;
    const QStringList positional = parser.positionalArguments();
    if (!positional.isEmpty())
        window.openProject(positional.first(), /*create=*/true);
    else
        window.openLastProject();
    window.show();
    return app.exec();
}

} // namespace nsfw::ui
