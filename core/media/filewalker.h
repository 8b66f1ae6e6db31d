#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <functional>

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

private:
    std::function<bool(const QString &)> m_accept;
};

} // namespace nsfw
