#include "model/modelfiles.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>

#include <cerrno>
#include <cstring>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace nsfw {

QString shardNameProblem(const QString &name)
{
    if (name.isEmpty() || name == QLatin1String(".") || name == QLatin1String(".."))
        return QCoreApplication::translate("nsfw::TfjsReader", "'%1' is not a file name").arg(name);
    for (const QChar ch : name) {
        if (ch == QLatin1Char('/') || ch == QLatin1Char('\\'))
            return QCoreApplication::translate(
                       "nsfw::TfjsReader", "'%1' is a path; only plain file names inside the model folder are allowed")
                .arg(name);
        if (ch.unicode() < 0x20 || ch.unicode() == 0x7f)
            return QCoreApplication::translate("nsfw::TfjsReader",
                                               "the file name contains a control character (code %1)")
                .arg(ch.unicode());
    }
    if (QFile::encodeName(name).size() > 255)
        return QCoreApplication::translate("nsfw::TfjsReader", "the file name is longer than 255 bytes");
    return {};
}

ShardData readRegularFile(const QString &path, qint64 maxBytes, const QString &folder)
{
    ShardData r;
    const QFileInfo info(path);
    if (!info.exists()) {
        if (info.isSymLink())
            r.problem =
                QCoreApplication::translate("nsfw::TfjsReader", "a symbolic link to a file that does not exist");
        return r;
    }
    const QString target = info.canonicalFilePath();
    if (!folder.isEmpty() && !target.startsWith(folder + QLatin1Char('/'))) {
        r.problem = QCoreApplication::translate("nsfw::TfjsReader", "a symbolic link to '%1', outside the model folder")
                        .arg(target);
        return r;
    }
    const QByteArray native = QFile::encodeName(target);
    struct stat st {
    };
    if (::stat(native.constData(), &st) != 0) {
        r.problem = QCoreApplication::translate("nsfw::TfjsReader", "cannot open: %1")
                        .arg(QString::fromLocal8Bit(std::strerror(errno)));
        return r;
    }
    if (!S_ISREG(st.st_mode)) {
        r.problem = S_ISDIR(st.st_mode) ? QCoreApplication::translate("nsfw::TfjsReader", "a folder, not a file")
                                        : QCoreApplication::translate("nsfw::TfjsReader",
                                                                      "not a regular file (a device, pipe or socket)");
        return r;
    }
    // Should the file be swapped after the checks: O_NONBLOCK, open() does not wait for a FIFO's writer; O_NOFOLLOW,
    // the resolved path does not become a link to elsewhere. fstat() then checks what was opened.
    const int fd = ::open(native.constData(), O_RDONLY | O_NONBLOCK | O_NOFOLLOW | O_CLOEXEC | O_NOCTTY);
    if (fd < 0) {
        r.problem = QCoreApplication::translate("nsfw::TfjsReader", "cannot open: %1")
                        .arg(QString::fromLocal8Bit(std::strerror(errno)));
        return r;
    }
    QFile file;
    file.open(fd, QIODevice::ReadOnly, QFileDevice::AutoCloseHandle);
    if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        r.problem = QCoreApplication::translate("nsfw::TfjsReader", "not a regular file (a device, pipe or socket)");
        return r;
    }
    r.size = st.st_size;
    if (r.size > maxBytes)
        return r;
    r.bytes = file.read(r.size);
    if (r.bytes->size() != r.size) {
        r.problem = QCoreApplication::translate("nsfw::TfjsReader", "the file changed while it was read");
        r.bytes.reset();
    }
    return r;
}

} // namespace nsfw
