#include "application.h"

#include "common/appinfo.h"
#include "mainwindow.h"
#include "store/projectlocation.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>

#include <cstring>

namespace nsfw::ui {

QByteArray displayProblem(int argc, char **argv)
{
    QByteArray platforms = qgetenv("QT_QPA_PLATFORM");
    for (int i = 1; i + 1 < argc; ++i) {
        if (std::strcmp(argv[i], "-platform") == 0 || std::strcmp(argv[i], "--platform") == 0)
            platforms = argv[i + 1];
    }
    QList<QByteArray> candidates;
    for (const QByteArray &p : platforms.split(';')) {
        if (!p.trimmed().isEmpty())
            candidates << p.trimmed().split(':').first(); // "xcb:option=..." names xcb
    }
    if (candidates.isEmpty()) {
        candidates << "xcb";
        if (qgetenv("XDG_SESSION_TYPE") == "wayland")
            candidates << "wayland";
    }
    for (const QByteArray &c : candidates) {
        if (c == "xcb" ? qEnvironmentVariableIsEmpty("DISPLAY")
                       : c.startsWith("wayland") && qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY"))
            continue;
        return {}; // a platform that needs no display (offscreen, vnc, eglfs, ...) or has one
    }
    return "cannot open the window: no display (neither DISPLAY nor WAYLAND_DISPLAY is set). Run it in a desktop "
           "session, or use a command: nsfw-workbench --help";
}

int runGui(int argc, char **argv)
{
    QApplication app(argc, argv);
    setupApplicationIdentity();
    installTranslators(app);
    // The menu entry and the icon the Debian package installs (packaging/deb/package.cmake's NSFW_APP_ID): Wayland
    // compositors match the window to its entry by this name; from a build tree the theme has no such icon.
    const QString appId = QStringLiteral("io.github.nsfw_workbench.NsfwWorkbench");
    QGuiApplication::setDesktopFileName(appId);
    QApplication::setWindowIcon(QIcon::fromTheme(appId));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QApplication::translate("nsfw::ui", "Label images and videos, fine-tune an NSFW classifier."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("project"),
                                 QApplication::translate("nsfw::ui", "Project file or postgresql:// URL to open."));
    parser.process(app);

    MainWindow window;
    const QStringList positional = parser.positionalArguments();
    // A file named on the command line is made when missing; a server database becomes a project only by
    // `nsfw-workbench init` or File > Open server project, where the user agrees (a mistyped name makes no tables).
    if (!positional.isEmpty())
        window.openProject(positional.first(), /*create=*/!ProjectLocation::isServerUrl(positional.first()));
    else
        window.openLastProject();
    window.show();
    return app.exec();
}

} // namespace nsfw::ui
