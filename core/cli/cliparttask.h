#pragma once

#include <QStringList>

namespace nsfw::cli {

/// The PNG files of Debian's openclipart-png under the given categories, in a fixed, content-independent shuffle
/// (the same files on every machine), for the benchmarks' proxy tasks.
QStringList shuffledClipArt(const QStringList &categories);

} // namespace nsfw::cli
