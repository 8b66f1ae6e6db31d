#include "shortcuts.h"

#include <QSettings>

namespace nsfw::ui {

QList<ShortcutDef> Shortcuts::definitions()
{
    return {
        {QStringLiteral("label.safe"), tr("Label safe"), {QKeySequence(Qt::Key_S)}},
        {QStringLiteral("label.nsfw"), tr("Label NSFW"), {QKeySequence(Qt::Key_N)}},
        {QStringLiteral("label.unsure"), tr("Label unsure"), {QKeySequence(Qt::Key_U)}},
        {QStringLiteral("label.clear"), tr("Clear label"), {QKeySequence(Qt::Key_0), QKeySequence(Qt::Key_Backspace)}},
        {QStringLiteral("nav.next"), tr("Next item"), {QKeySequence(Qt::Key_Right), QKeySequence(Qt::Key_D)}},
        {QStringLiteral("nav.previous"), tr("Previous item"), {QKeySequence(Qt::Key_Left), QKeySequence(Qt::Key_A)}},
        {QStringLiteral("edit.undo"), tr("Undo label"), {QKeySequence(Qt::CTRL | Qt::Key_Z)}},
        {QStringLiteral("edit.redo"),
         tr("Redo label"),
         {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z), QKeySequence(Qt::CTRL | Qt::Key_Y)}},
        {QStringLiteral("view.zoomIn"), tr("Zoom in"), {QKeySequence(Qt::Key_Plus), QKeySequence(Qt::Key_Equal)}},
        {QStringLiteral("view.zoomOut"), tr("Zoom out"), {QKeySequence(Qt::Key_Minus)}},
        {QStringLiteral("view.fit"), tr("Fit to window"), {QKeySequence(Qt::Key_F)}},
        {QStringLiteral("label.video"),
         tr("Give the whole video the label of the item shown"),
         {QKeySequence(Qt::SHIFT | Qt::Key_V)}},
        {QStringLiteral("label.confirm"),
         tr("Label is right (keep it)"),
         {QKeySequence(Qt::Key_K)}},
    };
}

QList<QKeySequence> Shortcuts::keys(const QString &id)
{
    QSettings s;
    const QString key = QStringLiteral("shortcuts/") + id;
    if (s.contains(key))
        return fromText(s.value(key).toString());
    for (const ShortcutDef &d : definitions()) {
        if (d.id == id)
            return d.defaults;
    }
    return {};
}

void Shortcuts::setKeys(const QString &id, const QList<QKeySequence> &keys)
{
    QSettings().setValue(QStringLiteral("shortcuts/") + id, toText(keys));
}

QString Shortcuts::toText(const QList<QKeySequence> &keys)
{
    QStringList parts;
    for (const QKeySequence &k : keys)
        parts << k.toString(QKeySequence::PortableText);
    return parts.join(QStringLiteral("; "));
}

QList<QKeySequence> Shortcuts::fromText(const QString &text)
{
    QList<QKeySequence> keys;
    for (const QString &part : text.split(QLatin1Char(';'), Qt::SkipEmptyParts)) {
        const QKeySequence k = QKeySequence::fromString(part.trimmed(), QKeySequence::PortableText);
        if (!k.isEmpty())
            keys << k;
    }
    return keys;
}

QKeySequence Shortcuts::revealKey()
{
    return QKeySequence::fromString(
        QSettings().value(QStringLiteral("shortcuts/reveal"), QStringLiteral("Space")).toString(),
        QKeySequence::PortableText);
}

void Shortcuts::setRevealKey(const QKeySequence &key)
{
    QSettings().setValue(QStringLiteral("shortcuts/reveal"), key.toString(QKeySequence::PortableText));
}

} // namespace nsfw::ui
