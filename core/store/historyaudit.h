#pragma once

#include "labelstore.h"

#include <QCoreApplication>
#include <QHash>
#include <QVector>

namespace nsfw {

class ProjectDatabase;

/// The whole label history of a project read at once and checked against itself: each entry's "previous" is the
/// label of the item's entry before it (none for the first), and each item's current label is its latest entry's.
/// For benchmarks and checks after many writers ran at once; the window never needs it.
class HistoryAudit
{
    Q_DECLARE_TR_FUNCTIONS(nsfw::HistoryAudit)

public:
    /// Reads every history entry (by id) and every item's current label; false and *error when it cannot.
    bool read(ProjectDatabase &db, QString *error = nullptr);

    /// Every entry, oldest (lowest id) first.
    const QVector<HistoryEntry> &entries() const { return m_entries; }
    /// How many items the project has.
    int itemCount() const { return int(m_current.size()); }
    /// The items whose history breaks the chain or whose current label is not their latest entry's, by id.
    QVector<qint64> inconsistentItems() const;

private:
    QVector<HistoryEntry> m_entries;
    QHash<qint64, Label> m_current;
};

} // namespace nsfw
