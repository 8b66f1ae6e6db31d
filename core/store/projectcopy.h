#pragma once

#include <QCoreApplication>
#include <QStringList>
#include <QVector>

#include <functional>

namespace nsfw {

class ProjectDatabase;

/// The tables of a project in the order a copy writes them (parents before children), with the columns that order
/// their rows.
struct ProjectTable {
    QString name;
    QString orderBy;
};
const QVector<ProjectTable> &projectTables();

/// Copies a whole project into a new one: every row of every table (items, the whole label history, runs, their
/// epochs, validation scores and item scores, settings), ids kept, in one transaction on the destination. Only the
/// project's identity is new (a copy is another project: its caches are its own), and relative media paths are
/// rewritten when the two projects' media roots differ, so they name the same files. Training runs' checkpoints are
/// copied from the source's cache on this machine, when it has them.
class ProjectCopy
{
    Q_DECLARE_TR_FUNCTIONS(nsfw::ProjectCopy)

public:
    struct Result {
        QString error;            ///< empty when everything was copied
        QVector<qint64> rows;     ///< rows copied, by index of projectTables()
        int checkpoints = 0;      ///< checkpoint folders copied
        QStringList warnings;     ///< what the copy could not carry (a checkpoint missing on this machine)
    };

    /// Copies src into dst, which must be a project without items, runs or history (just created).
    static Result run(ProjectDatabase &src, ProjectDatabase &dst,
                      const std::function<void(const QString &table, qint64 rows)> &progress = {});
};

} // namespace nsfw
