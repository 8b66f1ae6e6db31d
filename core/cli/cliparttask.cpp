#include "cliparttask.h"

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>

#include <algorithm>

namespace nsfw::cli {

QStringList shuffledClipArt(const QStringList &categories)
{
    QStringList files;
    for (const QString &c : categories) {
        QDirIterator it(QStringLiteral("/usr/share/openclipart/png/") + c, {QStringLiteral("*.png")}, QDir::Files,
                        QDirIterator::Subdirectories);
        while (it.hasNext())
            files << it.next();
    }
    std::sort(files.begin(), files.end(), [](const QString &a, const QString &b) {
        return QCryptographicHash::hash(a.toUtf8(), QCryptographicHash::Md5)
            < QCryptographicHash::hash(b.toUtf8(), QCryptographicHash::Md5);
    });
    return files;
}

} // namespace nsfw::cli
