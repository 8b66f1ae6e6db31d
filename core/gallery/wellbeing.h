#pragma once

#include "common/types.h"

#include <QImage>
#include <QString>

#include <optional>

namespace nsfw {

/// Protection from seeing more than the task needs: how unlabeled and (predicted) nsfw content is shown.
/// Stored per user in QSettings under "wellbeing/".
struct WellbeingSettings {
    enum class Mode { Off = 0, Blur = 1, Pixelate = 2, Greyscale = 3 };
    Mode mode = Mode::Blur;
    int strength = 60; ///< 1..100
    bool inGallery = true;
    bool inViewer = false;
    bool revealOnHover = true;
    bool coverUnlabeled = true;      ///< unlabeled items are covered; else only when predicted nsfw
    bool coverUnsure = true;         ///< unsure items are covered; else only when predicted nsfw
    double predictedThreshold = 0.5; ///< score at or above which an item counts as predicted nsfw

    static WellbeingSettings load();
    void save() const;

    /// Whether an item with this label and score is covered (the mode is not Off).
    bool covers(Label label, std::optional<double> score) const;
    static QString modeName(Mode mode);
};

/// The picture as the wellbeing mode shows it. Cheap enough for the GUI thread on thumbnails and on
/// fitted viewer pictures: blur and pixelate work on a downscaled copy.
QImage applyWellbeing(const QImage &image, WellbeingSettings::Mode mode, int strength);

} // namespace nsfw
