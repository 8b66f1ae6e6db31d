#pragma once

#include "common/types.h"

#include <QCoreApplication>
#include <QSet>
#include <QVector>

#include <array>
#include <optional>

namespace nsfw {

class ProjectDatabase;

/// Reads and writes the items table of one connection. All SQL about items lives here.
class ItemStore
{
    Q_DECLARE_TR_FUNCTIONS(nsfw::ItemStore)

public:
    explicit ItemStore(ProjectDatabase &db);

    /// Item counts by kind and by current label.
    struct Stats {
        // [kind][label + 1]: label index 0 is unlabeled, then safe, nsfw, unsure.
        std::array<std::array<qint64, 4>, 3> counts{};
        qint64 missing = 0;
        qint64 count(ItemKind kind) const;
        qint64 count(Label label) const;
        qint64 count(ItemKind kind, Label label) const { return counts[int(kind)][int(label) + 1]; }
        qint64 total() const;
    };
    Stats stats(QString *error = nullptr) const;

    std::optional<Item> item(qint64 id) const;
    /// The image or video with this content hash.
    std::optional<Item> findByHash(const QString &hash) const;
    /// The image or video stored under this path (as stored, see ProjectDatabase::storedPath).
    std::optional<Item> findByPath(const QString &storedPath) const;
    std::optional<Item> findFrame(qint64 videoId, qint64 frameIndex) const;
    /// The sampled frames of a video, by frame index.
    QVector<Item> frames(qint64 videoId) const;
    /// Every item in import order (frames right after their video); for exports and checks.
    QVector<Item> all() const;

    /// An image or frame with what is needed to read its pixels and judge its label.
    struct MediaRow {
        Item item;
        QString parentHash;           ///< the video's content hash, for frames
        QString parentPath;           ///< the video's stored path, for frames
        Label parentLabel = Label::None; ///< the video's own label, for frames
    };
    /// Every image and frame (not whole videos), in id order.
    QVector<MediaRow> mediaRows() const;
    /// The content hashes of every image and video (frames share their video's).
    QSet<QString> contentHashes() const;

    /// Inserts an item (id ignored); returns its id, or 0 with *error.
    qint64 insert(const Item &item, QString *error);
    /// As insert(), but an image or video whose content another writer added meanwhile (a second import on a server
    /// project, committed after this one looked) is no error: 0, and *duplicate set.
    qint64 insert(const Item &item, bool *duplicate, QString *error);
    bool setPath(qint64 id, const QString &storedPath, QString *error = nullptr);
    bool setMissing(qint64 id, bool missing, QString *error = nullptr);

    /// The file to read for an item: its own for images and videos, its video's for frames.
    QString absoluteFilePath(const Item &item) const;

private:
    ProjectDatabase &m_db;
};

} // namespace nsfw
