#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>
#include <QVector>

namespace nsfw {

class ProjectDatabase;

/// RFC 4180 reading and writing of small tables.
namespace csv {
/// Parses CSV text into rows of fields (quoted fields may hold commas, quotes and newlines).
QVector<QStringList> parse(const QString &text);
/// One CSV line (without the newline), quoting where needed.
QString line(const QStringList &fields);
} // namespace csv

/// Labels to and from CSV files: `path,label,annotator`, one item a row. A frame is written as
/// `<video path>#frame=<index>`. Paths are as stored (relative to the project folder when under it).
class CsvLabels
{
    Q_DECLARE_TR_FUNCTIONS(nsfw::CsvLabels)

public:
    struct RowError {
        int line = 0;
        QString message;
    };
    struct ImportResult {
        int rows = 0;
        int changed = 0;
        int unchanged = 0;
        int superseded = 0; ///< rows for an item that a later row of the file labels again
        QVector<RowError> errors;
        QString error; ///< the file could not be read or written at all
    };

    /// Writes every labeled item; returns the number of rows, or -1 with *error.
    static int exportLabels(ProjectDatabase &db, const QString &csvPath, QString *error);
    /// Applies the labels of a CSV file in one transaction; bad rows are reported and skipped. An empty label is
    /// an error (`none` clears a label). When a file labels an item twice, its last row wins, whoever the
    /// annotators.
    static ImportResult importLabels(ProjectDatabase &db, const QString &csvPath, const QString &defaultAnnotator);
};

} // namespace nsfw
