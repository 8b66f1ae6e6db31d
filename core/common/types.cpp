#include "types.h"

#include <QCoreApplication>
#include <QVariant>

namespace nsfw {

QString labelName(Label label)
{
    switch (label) {
    case Label::Safe: return QStringLiteral("safe");
    case Label::Nsfw: return QStringLiteral("nsfw");
    case Label::Unsure: return QStringLiteral("unsure");
    case Label::None: break;
    }
    return QString();
}

std::optional<Label> parseLabel(const QString &text)
{
    const QString t = text.trimmed().toLower();
    if (t.isEmpty() || t == QLatin1String("none") || t == QLatin1String("unlabeled"))
        return Label::None;
    if (t == QLatin1String("safe") || t == QLatin1String("sfw"))
        return Label::Safe;
    if (t == QLatin1String("nsfw"))
        return Label::Nsfw;
    if (t == QLatin1String("unsure"))
        return Label::Unsure;
    return std::nullopt;
}

QString labelDisplayName(Label label)
{
    switch (label) {
    case Label::Safe: return QCoreApplication::translate("nsfw::Label", "Safe");
    case Label::Nsfw: return QCoreApplication::translate("nsfw::Label", "NSFW");
    case Label::Unsure: return QCoreApplication::translate("nsfw::Label", "Unsure");
    case Label::None: break;
    }
    return QCoreApplication::translate("nsfw::Label", "Unlabeled");
}

QString kindName(ItemKind kind)
{
    switch (kind) {
    case ItemKind::Image: return QStringLiteral("image");
    case ItemKind::Video: return QStringLiteral("video");
    case ItemKind::Frame: return QStringLiteral("frame");
    }
    return QString();
}

std::optional<ItemKind> parseKind(const QString &text)
{
    const QString t = text.trimmed().toLower();
    if (t == QLatin1String("image")) return ItemKind::Image;
    if (t == QLatin1String("video")) return ItemKind::Video;
    if (t == QLatin1String("frame")) return ItemKind::Frame;
    return std::nullopt;
}

Label labelFromColumn(const QVariant &value)
{
    if (value.isNull())
        return Label::None;
    const int v = value.toInt();
    if (v >= 0 && v <= 2)
        return static_cast<Label>(v);
    return Label::None;
}

QVariant labelToColumn(Label label)
{
    if (label == Label::None)
        return QVariant(QMetaType::fromType<int>());
    return static_cast<int>(label);
}

} // namespace nsfw
