#include "csvlabels.h"

#include "itemstore.h"
#include "labelstore.h"
#include "projectdatabase.h"

#include <QFile>
#include <QHash>
#include <QSaveFile>
#include <QSqlError>
#include <QSqlQuery>

namespace nsfw {

QVector<QStringList> csv::parse(const QString &text)
{
    QVector<QStringList> rows;
    QStringList row;
    QString field;
    bool quoted = false;
    bool fieldStarted = false;
    const qsizetype n = text.size();
    for (qsizetype i = 0; i < n; ++i) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c == QLatin1Char('"')) {
                if (i + 1 < n && text.at(i + 1) == QLatin1Char('"')) {
                    field += QLatin1Char('"');
                    ++i;
                } else {
                    quoted = false;
                }
            } else {
                field += c;
            }
            continue;
        }
        if (c == QLatin1Char('"') && field.isEmpty()) {
            quoted = true;
            fieldStarted = true;
        } else if (c == QLatin1Char(',')) {
            row << field;
            field.clear();
            fieldStarted = true;
        } else if (c == QLatin1Char('\n') || c == QLatin1Char('\r')) {
            if (c == QLatin1Char('\r') && i + 1 < n && text.at(i + 1) == QLatin1Char('\n'))
                ++i;
            if (fieldStarted || !field.isEmpty() || !row.isEmpty()) {
                row << field;
                rows << row;
            } else {
                rows << QStringList(); // keep line numbers right for blank lines
            }
            row.clear();
            field.clear();
            fieldStarted = false;
        } else {
            field += c;
            fieldStarted = true;
        }
    }
    if (fieldStarted || !field.isEmpty() || !row.isEmpty()) {
        row << field;
        rows << row;
    }
    return rows;
}

QString csv::line(const QStringList &fields)
{
    QStringList out;
    out.reserve(fields.size());
    for (const QString &f : fields) {
        const bool needsQuotes = f.contains(QLatin1Char(',')) || f.contains(QLatin1Char('"'))
            || f.contains(QLatin1Char('\n')) || f.contains(QLatin1Char('\r')) || f != f.trimmed();
        if (needsQuotes) {
            QString escaped = f;
            escaped.replace(QLatin1String("\""), QLatin1String("\"\""));
            out << QLatin1Char('"') + escaped + QLatin1Char('"');
        } else {
            out << f;
        }
    }
    return out.join(QLatin1Char(','));
}

int CsvLabels::exportLabels(ProjectDatabase &db, const QString &csvPath, QString *error)
{
    QSqlQuery q(db.db());
    q.setForwardOnly(true);
    // The annotator of the entry that set the current label.
    const bool ok = q.exec(QStringLiteral(
        "SELECT i.kind, coalesce(i.path, p.path), i.frame_index, i.label,"
        " (SELECT h.annotator FROM label_history h WHERE h.item_id = i.id ORDER BY h.id DESC LIMIT 1)"
        " FROM items i LEFT JOIN items p ON p.id = i.parent_id"
        " WHERE i.label IS NOT NULL ORDER BY coalesce(i.parent_id, i.id), i.id"));
    if (!ok) {
        if (error)
            *error = q.lastError().text();
        return -1;
    }
    QSaveFile file(csvPath);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Text)) {
        if (error)
            *error = tr("Cannot write %1: %2").arg(csvPath, file.errorString());
        return -1;
    }
    QByteArray text = csv::line({QStringLiteral("path"), QStringLiteral("label"), QStringLiteral("annotator")}).toUtf8()
        + '\n';
    int rows = 0;
    while (q.next()) {
        QString path = q.value(1).toString();
        if (q.value(0).toInt() == int(ItemKind::Frame))
            path += QStringLiteral("#frame=") + QString::number(q.value(2).toLongLong());
        text += csv::line({path, labelName(labelFromColumn(q.value(3))), q.value(4).toString()}).toUtf8() + '\n';
        ++rows;
    }
    file.write(text);
    if (!file.commit()) {
        if (error)
            *error = tr("Cannot write %1: %2").arg(csvPath, file.errorString());
        return -1;
    }
    return rows;
}

CsvLabels::ImportResult CsvLabels::importLabels(ProjectDatabase &db, const QString &csvPath,
                                                const QString &defaultAnnotator)
{
    ImportResult result;
    QFile file(csvPath);
    if (!file.open(QIODevice::ReadOnly)) {
        result.error = tr("Cannot read %1: %2").arg(csvPath, file.errorString());
        return result;
    }
    const QVector<QStringList> rows = csv::parse(QString::fromUtf8(file.readAll()));
    ItemStore items(db);
    LabelStore labels(db);
    struct Wanted {
        Label label;
        QString annotator;
        int row;
    };
    QHash<qint64, Wanted> last; // item -> its last row in the file
    QVector<qint64> itemOrder;
    for (int i = 0; i < rows.size(); ++i) {
        const QStringList &row = rows.at(i);
        const int lineNo = i + 1;
        if (row.isEmpty() || (row.size() == 1 && row.first().trimmed().isEmpty()))
            continue;
        if (i == 0 && row.first().trimmed().compare(QLatin1String("path"), Qt::CaseInsensitive) == 0)
            continue; // header
        ++result.rows;
        if (row.size() < 2) {
            result.errors.append({lineNo, tr("expected path,label[,annotator]")});
            continue;
        }
        if (row.at(1).trimmed().isEmpty()) {
            result.errors.append({lineNo, tr("empty label (write none to clear a label)")});
            continue;
        }
        const auto label = parseLabel(row.at(1));
        if (!label) {
            result.errors.append({lineNo, tr("unknown label \"%1\" (safe, nsfw, unsure or none)").arg(row.at(1))});
            continue;
        }
        QString path = row.at(0).trimmed();
        qint64 frameIndex = -1;
        const qsizetype hash = path.lastIndexOf(QLatin1String("#frame="));
        if (hash >= 0) {
            bool ok = false;
            frameIndex = path.mid(hash + 7).toLongLong(&ok);
            if (!ok) {
                result.errors.append({lineNo, tr("bad frame number in \"%1\"").arg(path)});
                continue;
            }
            path.truncate(hash);
        }
        auto item = items.findByPath(path);
        if (!item)
            item = items.findByPath(db.storedPath(path));
        if (item && frameIndex >= 0)
            item = items.findFrame(item->id, frameIndex);
        if (!item) {
            result.errors.append({lineNo, tr("no item with the path \"%1\" in this project").arg(row.at(0))});
            continue;
        }
        const QString annotator = row.size() > 2 && !row.at(2).trimmed().isEmpty() ? row.at(2).trimmed()
                                                                                   : defaultAnnotator;
        if (last.contains(item->id))
            ++result.superseded;
        else
            itemOrder << item->id;
        last.insert(item->id, {*label, annotator, lineNo});
    }
    // One change per item (its last row), applied per annotator.
    QHash<QString, QVector<LabelChange>> byAnnotator;
    QStringList annotatorOrder;
    for (qint64 id : itemOrder) {
        const Wanted &w = last.value(id);
        if (!byAnnotator.contains(w.annotator))
            annotatorOrder << w.annotator;
        byAnnotator[w.annotator].append({id, w.label});
    }

    Transaction tx(db);
    if (!tx.isActive()) {
        result.error = tx.error();
        return result;
    }
    int total = 0;
    for (const QString &annotator : annotatorOrder) {
        const QVector<LabelChange> &changes = byAnnotator.value(annotator);
        QString error;
        const int changed = labels.apply(changes, annotator, QStringLiteral("csv"), &error);
        if (changed < 0) {
            result.error = error;
            return result;
        }
        result.changed += changed;
        total += static_cast<int>(changes.size());
    }
    if (!tx.commit()) {
        result.error = tx.error();
        result.changed = 0;
        return result;
    }
    result.unchanged = total - result.changed;
    return result;
}

} // namespace nsfw
