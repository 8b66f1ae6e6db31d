#pragma once

#include <QCoreApplication>
#include <QKeySequence>
#include <QList>
#include <QString>

namespace nsfw::ui {

/// The labeling keys, configurable per user (QSettings "shortcuts/<id>", sequences separated by ";").
struct ShortcutDef {
    QString id;
    QString text; ///< translated description
    QList<QKeySequence> defaults;
};

class Shortcuts
{
    Q_DECLARE_TR_FUNCTIONS(nsfw::ui::Shortcuts)

public:
    static QList<ShortcutDef> definitions();
    /// The user's keys for an action, or its defaults.
    static QList<QKeySequence> keys(const QString &id);
    static void setKeys(const QString &id, const QList<QKeySequence> &keys);
    static QString toText(const QList<QKeySequence> &keys);
    static QList<QKeySequence> fromText(const QString &text);
    /// The key held to reveal covered content (not an action: it acts while held).
    static QKeySequence revealKey();
    static void setRevealKey(const QKeySequence &key);
};

} // namespace nsfw::ui
