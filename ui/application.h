#pragma once

#include <QByteArray>

namespace nsfw::ui {

/// Starts the window: opens the project named on the command line, else the last one, else the default.
int runGui(int argc, char **argv);

/// Why the window cannot open (no X11 or Wayland display for the platform Qt would use), in one line of English;
/// empty when it can. Looked at before QApplication exists, so no translation is loaded yet.
QByteArray displayProblem(int argc, char **argv);

} // namespace nsfw::ui
