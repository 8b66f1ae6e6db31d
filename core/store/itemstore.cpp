#include "itemstore.h"

#include "common/logging.h"
#include "projectdatabase.h"

#include <QDateTime>
#include <QSqlError>
#include <QSqlQuery>

namespace nsfw {

namespace {

const QString kColumns = QStringLiteral(
    "id, kind, path, parent_id, frame_index, timestamp_ms, content_hash, width, height, fps, frame_count,"
    " duration_ms, file_size, label, missing");

Item itemFromQuery(const QSqlQuery &q)
{
    Item it;
    it.id = q.value(0).toLongLong();
    it.kind = static_cast<ItemKind>(q.value(1).toInt());
    it.path = q.value(2).toString();
    it.parentId = q.value(3).toLongLong();
    it.frameIndex = q.value(4).isNull() ? -1 : q.value(4).toLongLong();
    it.timestampMs = q.value(5).isNull() ? -1 : q.value(5).toLongLong();
    it.contentHash = q.value(6).toString();
    it.width = q.value(7).toInt();
    it.height = q.value(8).toInt();
    it.fps = q.value(9).toDouble();
    it.frameCount = q.value(10).toLongLong();
    it.durationMs = q.value(11).toLongLong();
    it.fileSize = q.value(12).toLongLong();
    it.label = labelFromColumn(q.value(13));
    it.missing = q.value(14).toBool();
    return it;
}

QVariant nullIfEmpty(const QString &s)
{
    return s.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(s);
}

QVariant nullIfNegative(qint64 v)
{
    return v < 0 ? QVariant(QMetaType::fromType<qint64>()) : QVariant(v);
}

} // namespace

qint64 ItemStore::Stats::count(ItemKind kind) const
{
    qint64 n = 0;
    for (qint64 c : counts[int(kind)])
        n += c;
    return n;
}

qint64 ItemStore::Stats::count(Label label) const
{
    qint64 n = 0;
    for (const auto &byLabel : counts)
        n += byLabel[int(label) + 1];
    return n;
}

qint64 ItemStore::Stats::total() const
{
    return count(ItemKind::Image) + count(ItemKind::Video) + count(ItemKind::Frame);
}

ItemStore::ItemStore(ProjectDatabase &db)
    : m_db(db)
{
}

ItemStore::Stats ItemStore::stats(QString *error) const
{
    Stats s;
    QSqlQuery q(m_db.db());
    q.setForwardOnly(true);
    // Covered by the (kind, label) index: no table rows are read.
    if (!q.exec(QStringLiteral("SELECT kind, label, count(*) FROM items GROUP BY kind, label"))) {
        if (error)
            *error = q.lastError().text();
        return s;
    }
    while (q.next()) {
        const int kind = q.value(0).toInt();
        const Label label = labelFromColumn(q.value(1));
        if (kind >= 0 && kind < 3)
            s.counts[kind][int(label) + 1] += q.value(2).toLongLong();
    }
    if (q.exec(QStringLiteral("SELECT count(*) FROM items WHERE missing <> 0")) && q.next())
        s.missing = q.value(0).toLongLong();
    return s;
}

std::optional<Item> ItemStore::item(qint64 id) const
{
    QSqlQuery q(m_db.db());
    q.prepare(QStringLiteral("SELECT ") + kColumns + QStringLiteral(" FROM items WHERE id = ?"));
    q.addBindValue(id);
    if (q.exec() && q.next())
        return itemFromQuery(q);
    return std::nullopt;
}

std::optional<Item> ItemStore::findByHash(const QString &hash) const
{
    QSqlQuery q(m_db.db());
    q.prepare(QStringLiteral("SELECT ") + kColumns + QStringLiteral(" FROM items WHERE content_hash = ? AND kind <> 2"));
    q.addBindValue(hash);
    if (q.exec() && q.next())
        return itemFromQuery(q);
    return std::nullopt;
}

std::optional<Item> ItemStore::findByPath(const QString &storedPath) const
{
    QSqlQuery q(m_db.db());
    q.prepare(QStringLiteral("SELECT ") + kColumns + QStringLiteral(" FROM items WHERE path = ? AND kind <> 2"));
    q.addBindValue(storedPath);
    if (q.exec() && q.next())
        return itemFromQuery(q);
    return std::nullopt;
}

std::optional<Item> ItemStore::findFrame(qint64 videoId, qint64 frameIndex) const
{
    QSqlQuery q(m_db.db());
    q.prepare(QStringLiteral("SELECT ") + kColumns
              + QStringLiteral(" FROM items WHERE kind = 2 AND parent_id = ? AND frame_index = ?"));
    q.addBindValue(videoId);
    q.addBindValue(frameIndex);
    if (q.exec() && q.next())
        return itemFromQuery(q);
    return std::nullopt;
}

QVector<Item> ItemStore::frames(qint64 videoId) const
{
    QVector<Item> result;
    QSqlQuery q(m_db.db());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT ") + kColumns
              + QStringLiteral(" FROM items WHERE kind = 2 AND parent_id = ? ORDER BY frame_index"));
    q.addBindValue(videoId);
    if (q.exec()) {
        while (q.next())
            result.append(itemFromQuery(q));
    }
    return result;
}

QVector<Item> ItemStore::all() const
{
    QVector<Item> result;
    QSqlQuery q(m_db.db());
    q.setForwardOnly(true);
    if (q.exec(QStringLiteral("SELECT ") + kColumns + QStringLiteral(" FROM items ORDER BY coalesce(parent_id, id), id"))) {
        while (q.next())
            result.append(itemFromQuery(q));
    }
    return result;
}

QVector<ItemStore::MediaRow> ItemStore::mediaRows() const
{
    QVector<MediaRow> result;
    QSqlQuery q(m_db.db());
    q.setForwardOnly(true);
    QString columns;
    for (const QString &c : kColumns.split(QLatin1Char(',')))
        columns += (columns.isEmpty() ? QStringLiteral("i.") : QStringLiteral(", i.")) + c.trimmed();
    if (!q.exec(QStringLiteral("SELECT ") + columns
                + QStringLiteral(", p.content_hash, p.path, p.label FROM items i LEFT JOIN items p ON p.id = i.parent_id"
                                 " WHERE i.kind <> 1 ORDER BY i.id"))) {
        qCWarning(lcStore) << q.lastError().text();
        return result;
    }
    while (q.next()) {
        MediaRow row;
        row.item = itemFromQuery(q);
        row.parentHash = q.value(15).toString();
        row.parentPath = q.value(16).toString();
        row.parentLabel = labelFromColumn(q.value(17));
        result.append(row);
    }
    return result;
}

QSet<QString> ItemStore::contentHashes() const
{
    QSet<QString> result;
    QSqlQuery q(m_db.db());
    q.setForwardOnly(true);
    if (q.exec(QStringLiteral("SELECT content_hash FROM items WHERE kind <> 2"))) {
        while (q.next())
            result.insert(q.value(0).toString());
    }
    return result;
}

qint64 ItemStore::insert(const Item &item, QString *error)
{
    return insert(item, nullptr, error);
}

qint64 ItemStore::insert(const Item &item, bool *duplicate, QString *error)
{
    if (duplicate)
        *duplicate = false;
    QSqlQuery q(m_db.db());
    q.prepare(QStringLiteral(
        "INSERT INTO items (kind, path, parent_id, frame_index, timestamp_ms, content_hash, width, height, fps,"
        " frame_count, duration_ms, file_size, imported_at, label, missing)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, 0)")
              + (duplicate ? QStringLiteral(" ON CONFLICT DO NOTHING") : QString()) + QStringLiteral(" RETURNING id"));
    q.addBindValue(int(item.kind));
    q.addBindValue(nullIfEmpty(item.path));
    q.addBindValue(item.parentId > 0 ? QVariant(item.parentId) : QVariant(QMetaType::fromType<qint64>()));
    q.addBindValue(nullIfNegative(item.frameIndex));
    q.addBindValue(nullIfNegative(item.timestampMs));
    q.addBindValue(nullIfEmpty(item.contentHash));
    q.addBindValue(item.width);
    q.addBindValue(item.height);
    q.addBindValue(item.kind == ItemKind::Image ? QVariant(QMetaType::fromType<double>()) : QVariant(item.fps));
    q.addBindValue(item.kind == ItemKind::Video ? QVariant(item.frameCount) : QVariant(QMetaType::fromType<qint64>()));
    q.addBindValue(item.kind == ItemKind::Video ? QVariant(item.durationMs) : QVariant(QMetaType::fromType<qint64>()));
    q.addBindValue(item.kind == ItemKind::Frame ? QVariant(QMetaType::fromType<qint64>()) : QVariant(item.fileSize));
    q.addBindValue(QDateTime::currentMSecsSinceEpoch());
    if (!q.exec()) {
        if (error)
            *error = q.lastError().text();
        return 0;
    }
    if (!q.next()) {
        if (duplicate)
            *duplicate = true; // the unique content index said so: nothing written
        else if (error)
            *error = tr("The item was not added.");
        return 0;
    }
    const qint64 id = q.value(0).toLongLong();
    q.finish();
    return id;
}

bool ItemStore::setPath(qint64 id, const QString &storedPath, QString *error)
{
    QSqlQuery q(m_db.db());
    q.prepare(QStringLiteral("UPDATE items SET path = ?, missing = 0 WHERE id = ?"));
    q.addBindValue(storedPath);
    q.addBindValue(id);
    if (!q.exec()) {
        if (error)
            *error = q.lastError().text();
        return false;
    }
    return true;
}

bool ItemStore::setMissing(qint64 id, bool missing, QString *error)
{
    QSqlQuery q(m_db.db());
    // Frames share their video's file, so they follow it.
    q.prepare(QStringLiteral("UPDATE items SET missing = ? WHERE id = ? OR parent_id = ?"));
    q.addBindValue(missing ? 1 : 0);
    q.addBindValue(id);
    q.addBindValue(id);
    if (!q.exec()) {
        if (error)
            *error = q.lastError().text();
        return false;
    }
    return true;
}

QString ItemStore::absoluteFilePath(const Item &item) const
{
    if (item.kind != ItemKind::Frame)
        return m_db.absolutePath(item.path);
    const auto parent = this->item(item.parentId);
    return parent ? m_db.absolutePath(parent->path) : QString();
}

} // namespace nsfw
