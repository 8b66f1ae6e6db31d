#pragma once

#include <QMetaType>
#include <QString>

#include <optional>

namespace nsfw {

/// The label an annotator gives an item; None means unlabeled (or a cleared label).
enum class Label : int { None = -1, Safe = 0, Nsfw = 1, Unsure = 2 };

/// What an item is: a still image, a whole video, or one sampled frame of a video.
enum class ItemKind : int { Image = 0, Video = 1, Frame = 2 };

/// "safe", "nsfw", "unsure", or "" for None: the spelling used in the CLI, CSV and JSON.
QString labelName(Label label);
/// Parses "safe"/"sfw"/"nsfw"/"unsure" (any case; "" or "none" is None); nullopt when unknown.
std::optional<Label> parseLabel(const QString &text);
/// Translated, human-readable label name for the GUI.
QString labelDisplayName(Label label);

QString kindName(ItemKind kind);
std::optional<ItemKind> parseKind(const QString &text);

/// Converts a nullable integer column to a Label.
Label labelFromColumn(const QVariant &value);
/// Converts a Label to a nullable integer column value.
QVariant labelToColumn(Label label);

/// One row of the items table, as the rest of the program sees it.
struct Item {
    qint64 id = 0;
    ItemKind kind = ItemKind::Image;
    QString path;          ///< as stored: relative to the project folder when under it; empty for frames
    qint64 parentId = 0;   ///< the video of a frame
    qint64 frameIndex = -1;
    qint64 timestampMs = -1;
    QString contentHash;   ///< hex; empty for frames
    int width = 0;
    int height = 0;
    double fps = 0;
    qint64 frameCount = 0;
    qint64 durationMs = 0;
    qint64 fileSize = 0;
    Label label = Label::None;
    bool missing = false;
};

/// An item a run or a scoring pass could not read, and why.
struct UnreadableItem {
    qint64 itemId = 0;
    QString path;
    QString reason;
};

} // namespace nsfw

Q_DECLARE_METATYPE(nsfw::Label)
Q_DECLARE_METATYPE(nsfw::ItemKind)
