#pragma once

#include <QString>
#include <QStringList>

namespace nsfw::test {

/// Real clip-art PNGs from Debian's openclipart-png, sorted; at most n of them (empty when absent).
QStringList clipArt(int n, const QString &category = QString());
/// Real photos from Debian's plasma-workspace-wallpapers (JPEG and PNG), sorted.
QStringList wallpapers(int n);
/// The nsfw-workbench executable under test (for child-process tests).
QString workbenchBinary();
/// Writes a video of frames solid-coloured by index, with OpenCV; returns false when no codec could.
bool writeTestVideo(const QString &path, int frames, double fps, int width = 160, int height = 120);

/// Why training cannot be tested here ("" when it can): the pretrained model or the clip art is missing.
QString trainingSkipReason();

/// A labeled project of real clip art in dir: "nsfw" stand-ins from the people category, "safe" from tools and
/// buildings (never explicit material), imported with labels from folder names. Returns the project path.
QString makeTrainingProject(const QString &dir, int perClass);

} // namespace nsfw::test
