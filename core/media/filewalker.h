#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <functional>
#include <set>
#include <utility>

#include <sys/types.h>

namespace nsfw {

/// A file found by the walk, or a path that could not be taken, with the reason.
struct WalkEntry {
    QString path;       ///< absolute, clean
    QString root;       ///< the argument it was found under (for labels from folder names)
    QString skipReason; ///< empty when the file is to be imported
};

/// Walks files and folders recursively. Follows symbolic links but never enters a folder twice, so a
/// link loop is reported, not followed forever. Names that are not valid UTF-8 are reported and skipped,
/// since they cannot be stored or opened again faithfully. Within a folder, entries come sorted by name.
class FileWalker
{
    Q_DECLARE_TR_FUNCTIONS(nsfw::FileWalker)

public:
    /// accept decides which files are wanted (by name); the others are reported as unsupported.
    explicit FileWalker(std::function<bool(const QString &path)> accept);
    /// Calls visit for each wanted file and each skipped path, in walk order; stops early when visit
    /// returns false.
    void walk(const QStringList &paths, const std::function<bool(const WalkEntry &)> &visit);
    /// Leaves out a file or folder (and all below it) however the walk reaches it: by name, through a symbolic
    /// link or a second hard link. Used for the project's own files. A path that does not exist is ignored.
    void exclude(const QString &path);

private:
    std::function<bool(const QString &)> m_accept;
    std::set<std::pair<dev_t, ino_t>> m_excluded;
};

} // namespace nsfw
