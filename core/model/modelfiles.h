#pragma once
// The files of a model folder are untrusted: shard names from model.json are checked to be plain file names, and
// a file is read only when it is a regular file inside the folder no larger than what the manifest needs.

#include <QByteArray>
#include <QString>

#include <optional>

namespace nsfw {

/// What a shard source found for one shard: its size, and its bytes unless it was larger than allowed.
struct ShardData {
    std::optional<QByteArray> bytes; ///< nullopt when missing, refused, or larger than allowed (then not read)
    qint64 size = -1;                ///< size in bytes; -1 when the shard is missing
    QString problem;                 ///< why the shard was refused (translated); empty when it was not
};

/// Why `name` (a shard path from model.json) is not a plain file name inside the model folder; empty when it is.
QString shardNameProblem(const QString &name);

/// Reads a regular file of at most maxBytes without blocking on FIFOs or reading devices: the size is checked on
/// the open file before a byte is read, so a huge file or /dev/zero costs nothing. `folder` (canonical), when
/// given, is where the file must resolve to, symlinks included.
ShardData readRegularFile(const QString &path, qint64 maxBytes, const QString &folder = QString());

} // namespace nsfw
