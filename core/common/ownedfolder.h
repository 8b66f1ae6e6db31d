#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <memory>

class QTemporaryDir;

namespace nsfw {

/// A folder the tool writes whole (an exported model, a run's checkpoint, a dataset): filled in a staging folder
/// beside the target and moved into place in one rename. An existing target is never deleted unless the tool wrote
/// it: its marker file (`.nsfw-workbench-folder`, listing the files, symbolic links and subfolders written) or the
/// tool's own model.json names every entry in it, each as what it was written as. Anything else, a folder of the user's above all, is refused with a message and left untouched.
class OwnedFolder
{
    Q_DECLARE_TR_FUNCTIONS(nsfw::OwnedFolder)

public:
    /// What to do with a target that already holds a folder the tool wrote.
    enum class Existing { Refuse, Replace };

    static constexpr const char *kMarkerName = ".nsfw-workbench-folder";

    explicit OwnedFolder(const QString &target, Existing existing);
    ~OwnedFolder();
    OwnedFolder(const OwnedFolder &) = delete;
    OwnedFolder &operator=(const OwnedFolder &) = delete;

    /// Checks the target and makes the staging folder; false and *error when the target may not be written.
    bool begin(QString *error);
    /// Where to write the files (valid after begin()).
    QString stagingPath() const;
    /// Writes the marker, moves the staging folder into place and removes the files of the folder it replaces.
    bool commit(QString *error);

    /// True when dir is a folder the tool wrote; *files gets the files (and links) it holds, as paths relative to dir,
    /// *why what makes it foreign.
    static bool isOwned(const QString &dir, QStringList *files = nullptr, QString *why = nullptr);

private:
    static bool ownedTree(const QString &dir, QStringList *files, QStringList *folders, QString *why);

    QString m_target;
    Existing m_existing;
    bool m_targetExists = false;
    std::unique_ptr<QTemporaryDir> m_staging;
};

} // namespace nsfw
