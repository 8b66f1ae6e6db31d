#include "wellbeing.h"

#include <QCoreApplication>
#include <QPainter>
#include <QSettings>

#include <cmath>

namespace nsfw {

WellbeingSettings WellbeingSettings::load()
{
    QSettings s;
    WellbeingSettings w;
    const int mode = s.value(QStringLiteral("wellbeing/mode"), int(w.mode)).toInt();
    w.mode = mode >= 0 && mode <= 3 ? Mode(mode) : Mode::Blur;
    w.strength = std::clamp(s.value(QStringLiteral("wellbeing/strength"), w.strength).toInt(), 1, 100);
    w.inGallery = s.value(QStringLiteral("wellbeing/inGallery"), w.inGallery).toBool();
    w.inViewer = s.value(QStringLiteral("wellbeing/inViewer"), w.inViewer).toBool();
    w.revealOnHover = s.value(QStringLiteral("wellbeing/revealOnHover"), w.revealOnHover).toBool();
    w.coverUnsure = s.value(QStringLiteral("wellbeing/coverUnsure"), w.coverUnsure).toBool();
    w.coverUnlabeled = s.value(QStringLiteral("wellbeing/coverUnlabeled"), w.coverUnlabeled).toBool();
    return w;
}

void WellbeingSettings::save() const
{
    QSettings s;
    s.setValue(QStringLiteral("wellbeing/mode"), int(mode));
    s.setValue(QStringLiteral("wellbeing/strength"), strength);
    s.setValue(QStringLiteral("wellbeing/inGallery"), inGallery);
    s.setValue(QStringLiteral("wellbeing/inViewer"), inViewer);
    s.setValue(QStringLiteral("wellbeing/revealOnHover"), revealOnHover);
    s.setValue(QStringLiteral("wellbeing/coverUnsure"), coverUnsure);
    s.setValue(QStringLiteral("wellbeing/coverUnlabeled"), coverUnlabeled);
}

bool WellbeingSettings::covers(Label label, std::optional<double> score) const
{
    if (mode == Mode::Off)
        return false;
    const bool predictedNsfw = score && *score >= predictedThreshold;
    switch (label) {
    case Label::Nsfw:
        return true;
    case Label::None:
        return coverUnlabeled || predictedNsfw;
    case Label::Unsure:
        return coverUnsure || predictedNsfw;
    case Label::Safe:
        // A person's "safe" outranks the model's guess.
        return false;
    }
    return predictedNsfw;
}

QString WellbeingSettings::modeName(Mode mode)
{
    switch (mode) {
    case Mode::Off:
        return QCoreApplication::translate("nsfw::Wellbeing", "Off");
    case Mode::Blur:
        return QCoreApplication::translate("nsfw::Wellbeing", "Blur");
    case Mode::Pixelate:
        return QCoreApplication::translate("nsfw::Wellbeing", "Pixelate");
    case Mode::Greyscale:
        return QCoreApplication::translate("nsfw::Wellbeing", "Greyscale");
    }
    return QString();
}

QImage applyWellbeing(const QImage &image, WellbeingSettings::Mode mode, int strength)
{
    if (image.isNull() || mode == WellbeingSettings::Mode::Off)
        return image;
    strength = std::clamp(strength, 1, 100);
    const QSize size = image.size();
    switch (mode) {
    case WellbeingSettings::Mode::Off:
        return image;
    case WellbeingSettings::Mode::Blur: {
        // Downscale smoothly, then upscale smoothly twice: a cheap, wide blur with no blocks. Strength
        // 100 leaves 3 pixels across the short side, 60 about 15 (shapes, no detail), 1 about 50.
        const int shortSide = std::max(1, std::min(size.width(), size.height()));
        const int target = 3 + int(48 * std::pow(1.0 - strength / 100.0, 1.5));
        const double f = std::min(1.0, double(target) / shortSide);
        const QSize small(std::max(1, int(size.width() * f)), std::max(1, int(size.height() * f)));
        QImage tiny = image.scaled(small, Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
        QImage mid = tiny.scaled(small * 4, Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
        return mid.scaled(size, Qt::IgnoreAspectRatio, Qt::SmoothTransformation).convertToFormat(image.format());
    }
    case WellbeingSettings::Mode::Pixelate: {
        const int blocks = std::max(2, int(48 - 0.44 * strength)); // blocks across the long side
        const int longSide = std::max(size.width(), size.height());
        const double f = double(blocks) / std::max(1, longSide);
        const QSize small(std::max(1, int(size.width() * f)), std::max(1, int(size.height() * f)));
        return image.scaled(small, Qt::IgnoreAspectRatio, Qt::SmoothTransformation)
            .scaled(size, Qt::IgnoreAspectRatio, Qt::FastTransformation)
            .convertToFormat(image.format());
    }
    case WellbeingSettings::Mode::Greyscale: {
        // Colour carries much of the impact; strength also fades towards a flat grey.
        QImage grey = image.convertToFormat(QImage::Format_Grayscale8).convertToFormat(QImage::Format_RGB32);
        QPainter p(&grey);
        p.setOpacity(strength / 100.0 * 0.6);
        p.fillRect(grey.rect(), QColor(128, 128, 128));
        p.end();
        return grey;
    }
    }
    return image;
}

} // namespace nsfw
