#include "filewalker.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include <dirent.h>
#include <sys/stat.h>

namespace nsfw {

namespace {

bool isValidUtf8(const std::string &s)
{
    size_t i = 0;
    const size_t n = s.size();
    while (i < n) {
        const auto c = static_cast<unsigned char>(s[i]);
        int extra = 0;
        if (c < 0x80)
            extra = 0;
        else if ((c & 0xE0) == 0xC0 && c >= 0xC2)
            extra = 1;
        else if ((c & 0xF0) == 0xE0)
            extra = 2;
        else if ((c & 0xF8) == 0xF0 && c <= 0xF4)
            extra = 3;
        else
            return false;
        for (int k = 1; k <= extra; ++k) {
            if (i + k >= n || (static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80)
                return false;
        }
        i += extra + 1;
    }
    return true;
}

struct Walk {
    const std::function<bool(const QString &)> &accept;
    const std::function<bool(const WalkEntry &)> &visit;
    const std::set<std::pair<dev_t, ino_t>> &excluded;
    std::set<std::pair<dev_t, ino_t>> visitedDirs;
    QString root;
    bool stopped = false;

    bool report(const QString &path, const QString &reason)
    {
        if (!visit({path, root, reason}))
            stopped = true;
        return !stopped;
    }

    void take(const std::string &nativePath)
    {
        if (stopped)
            return;
        const QString path = QString::fromStdString(nativePath);
        if (!isValidUtf8(nativePath)) {
            report(path, FileWalker::tr("the file name is not valid UTF-8; rename it to import it"));
            return;
        }
        struct stat st {};
        if (::stat(nativePath.c_str(), &st) != 0) {
            const int e = errno;
            struct stat lst {};
            if (e == ELOOP)
                report(path, FileWalker::tr("symbolic link loop"));
            else if (::lstat(nativePath.c_str(), &lst) == 0 && S_ISLNK(lst.st_mode))
                report(path, FileWalker::tr("broken symbolic link"));
            else
                report(path, FileWalker::tr("cannot access: %1").arg(QString::fromLocal8Bit(std::strerror(e))));
            return;
        }
        if (excluded.count({st.st_dev, st.st_ino}) > 0)
            return; // the project's own file or cache folder: not the user's media
        if (S_ISDIR(st.st_mode)) {
            if (!visitedDirs.insert({st.st_dev, st.st_ino}).second) {
                report(path, FileWalker::tr("folder already visited (symbolic link loop or second link to it)"));
                return;
            }
            DIR *dir = ::opendir(nativePath.c_str());
            if (!dir) {
                report(path, FileWalker::tr("cannot open folder: %1").arg(QString::fromLocal8Bit(std::strerror(errno))));
                return;
            }
            std::vector<std::string> names;
            while (dirent *entry = ::readdir(dir)) {
                if (std::strcmp(entry->d_name, ".") == 0 || std::strcmp(entry->d_name, "..") == 0)
                    continue;
                names.emplace_back(entry->d_name);
            }
            ::closedir(dir);
            std::sort(names.begin(), names.end());
            const std::string prefix = nativePath.back() == '/' ? nativePath : nativePath + '/';
            for (const std::string &name : names) {
                if (stopped)
                    return;
                take(prefix + name);
            }
            return;
        }
        if (!S_ISREG(st.st_mode)) {
            report(path, FileWalker::tr("not a regular file"));
            return;
        }
        if (!accept(path)) {
            report(path, FileWalker::tr("not a supported image or video type"));
            return;
        }
        if (!visit({path, root, QString()}))
            stopped = true;
    }
};

} // namespace

FileWalker::FileWalker(std::function<bool(const QString &)> accept)
    : m_accept(std::move(accept))
{
}

void FileWalker::exclude(const QString &path)
{
    struct stat st {};
    if (::stat(QFile::encodeName(path).constData(), &st) == 0)
        m_excluded.insert({st.st_dev, st.st_ino});
}

void FileWalker::walk(const QStringList &paths, const std::function<bool(const WalkEntry &)> &visit)
{
    Walk walk{m_accept, visit, m_excluded, {}, {}, false};
    for (const QString &p : paths) {
        if (walk.stopped)
            break;
        walk.root = QDir::cleanPath(QFileInfo(p).absoluteFilePath());
        walk.take(walk.root.toStdString());
    }
}

} // namespace nsfw
