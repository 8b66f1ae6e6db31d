#pragma once

namespace nsfw::ui {

/// Starts the window: opens the project named on the command line, else the last one, else the default.
int runGui(int argc, char **argv);

} // namespace nsfw::ui
