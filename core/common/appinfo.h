#pragma once

#include <QString>

class QCoreApplication;

namespace nsfw {

/// Application name and version; data and settings then live under "nsfw-workbench".
void setupApplicationIdentity();
/// Installs the translators for the language in the settings ("" = the system's).
void installTranslators(QCoreApplication &app);
/// The language chosen in the settings, or "" to follow the system.
QString configuredLanguage();
/// The annotator name: the setting, else the OS user name.
QString defaultAnnotator();

} // namespace nsfw
