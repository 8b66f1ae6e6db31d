#include "projectcopy.h"

#include "common/logging.h"
#include "common/ownedfolder.h"
#include "projectdatabase.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>

namespace nsfw {

namespace {

constexpr const char *kProjectIdKey = "project_id";

bool copyCheckpoint(const QString &from, const QString &to, QString *error)
{
    OwnedFolder folder(to, OwnedFolder::Existing::Refuse);
    if (!folder.begin(error))
        return false;
    const QDir source(from);
    for (const QFileInfo &f : source.entryInfoList(QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot)) {
        if (f.fileName() == QLatin1String(OwnedFolder::kMarkerName))
            continue;
        if (!QFile::copy(f.absoluteFilePath(), folder.stagingPath() + QLatin1Char('/') + f.fileName())) {
            if (error)
                *error = ProjectCopy::tr("Cannot copy %1.").arg(f.absoluteFilePath());
            return false;
        }
    }
    return folder.commit(error);
}

} // namespace

const QVector<ProjectTable> &projectTables()
{
    // Videos before their frames (a frame's parent must exist), history in the order it was written (the trigger
    // leaves each item with its latest label, as in the source). Not copied: work_chunks (workers' work under way)
    // and item_features (workers' features, computed again where they are needed).
    static const QVector<ProjectTable> kTables = {
        {QStringLiteral("meta"), QStringLiteral("key")},
        {QStringLiteral("items"), QStringLiteral("kind = 2, id")},
        {QStringLiteral("label_history"), QStringLiteral("id")},
        {QStringLiteral("runs"), QStringLiteral("id")},
        {QStringLiteral("run_epochs"), QStringLiteral("run_id, epoch")},
        {QStringLiteral("run_items"), QStringLiteral("run_id, item_id")},
        {QStringLiteral("item_scores"), QStringLiteral("run_id, item_id")},
        {QStringLiteral("media_hashes"), QStringLiteral("item_id")},
        {QStringLiteral("near_pairs"), QStringLiteral("item_a, item_b")},
        {QStringLiteral("not_duplicates"), QStringLiteral("item_a, item_b")},
        {QStringLiteral("training_exclusions"), QStringLiteral("item_id")},
        {QStringLiteral("media_stats"), QStringLiteral("item_id")},
        {QStringLiteral("video_cuts"), QStringLiteral("item_id, frame_index")},
        {QStringLiteral("assignments"), QStringLiteral("item_id, annotator")},
    };
    return kTables;
}

ProjectCopy::Result ProjectCopy::run(ProjectDatabase &src, ProjectDatabase &dst,
                                     const std::function<void(const QString &, qint64)> &progress)
{
    Result result;
    result.rows.fill(0, projectTables().size());
    auto fail = [&result](const QString &message) {
        result.error = message;
        return result;
    };
    if (src.schemaVersion() != dst.schemaVersion())
        return fail(tr("The two projects have different formats (%1 and %2).")
                        .arg(src.schemaVersion())
                        .arg(dst.schemaVersion()));
    {
        QSqlQuery q(dst.db());
        if (!q.exec(QStringLiteral("SELECT (SELECT count(*) FROM items) + (SELECT count(*) FROM runs)"
                                   " + (SELECT count(*) FROM label_history)"))
            || !q.next())
            return fail(q.lastError().text());
        if (q.value(0).toLongLong() != 0)
            return fail(tr("%1 is not empty: a project is copied into a new one only.").arg(dst.displayName()));
    }
    // Relative media paths name files under the media root; when the roots differ they are rewritten to name the
    // same files (and stay absolute where they were).
    const bool rewritePaths = !src.mediaRoot().isEmpty() && !dst.mediaRoot().isEmpty()
                              && QDir::cleanPath(src.mediaRoot()) != QDir::cleanPath(dst.mediaRoot());

    Transaction tx(dst);
    if (!tx.isActive())
        return fail(tx.error());
    const auto &tables = projectTables();
    for (qsizetype t = 0; t < tables.size(); ++t) {
        const ProjectTable &table = tables[t];
        QSqlQuery read(src.db());
        read.setForwardOnly(true);
        if (!read.exec(QStringLiteral("SELECT * FROM %1 ORDER BY %2").arg(table.name, table.orderBy)))
            return fail(tr("Cannot read %1 of %2: %3").arg(table.name, src.displayName(), read.lastError().text()));
        const QSqlRecord record = read.record();
        QStringList columns;
        QStringList marks;
        for (int c = 0; c < record.count(); ++c) {
            columns << record.fieldName(c);
            marks << QStringLiteral("?");
        }
        const int pathColumn = table.name == QLatin1String("items") ? record.indexOf(QStringLiteral("path")) : -1;
        const int keyColumn = table.name == QLatin1String("meta") ? record.indexOf(QStringLiteral("key")) : -1;
        QString sql = QStringLiteral("INSERT INTO %1 (%2) VALUES (%3)")
                          .arg(table.name, columns.join(QStringLiteral(", ")), marks.join(QStringLiteral(", ")));
        if (table.name == QLatin1String("meta"))
            sql += QStringLiteral(" ON CONFLICT (key) DO UPDATE SET value = excluded.value");
        QSqlQuery write(dst.db());
        if (!write.prepare(sql))
            return fail(tr("Cannot write %1 of %2: %3").arg(table.name, dst.displayName(), write.lastError().text()));
        qint64 rows = 0;
        while (read.next()) {
            if (keyColumn >= 0 && read.value(keyColumn).toString() == QLatin1String(kProjectIdKey))
                continue; // the copy keeps its own identity
            for (int c = 0; c < record.count(); ++c) {
                QVariant value = read.value(c);
                if (c == pathColumn && rewritePaths && !value.isNull()
                    && !QDir::isAbsolutePath(value.toString()))
                    value = dst.storedPath(src.absolutePath(value.toString()));
                write.bindValue(c, value);
            }
            if (!write.exec())
                return fail(tr("Cannot write %1 of %2: %3").arg(table.name, dst.displayName(),
                                                                 write.lastError().text()));
            ++rows;
            if (progress && rows % 10000 == 0)
                progress(table.name, rows);
        }
        result.rows[t] = rows;
        if (progress)
            progress(table.name, rows);
        if (record.contains(QStringLiteral("id"))) {
            for (const QString &statement : dst.backend().afterExplicitIds(table.name)) {
                QString error;
                if (!dst.exec(statement, &error))
                    return fail(error);
            }
        }
    }
    if (!tx.commit())
        return fail(tx.error());

    // Checkpoints live in the caches on this machine: the source's come along when they are here.
    QSqlQuery q(src.db());
    if (q.exec(QStringLiteral("SELECT id, checkpoint FROM runs WHERE checkpoint IS NOT NULL ORDER BY id"))) {
        while (q.next()) {
            const QString relative = q.value(1).toString();
            const QString from = src.cacheDir() + QLatin1Char('/') + relative;
            const QString to = dst.cacheDir() + QLatin1Char('/') + relative;
            if (!QFileInfo(from).isDir()) {
                result.warnings << tr("Run %1: its checkpoint is not on this machine (%2); train again or copy it "
                                      "from the machine that trained it.")
                                       .arg(q.value(0).toLongLong())
                                       .arg(from);
                continue;
            }
            QDir().mkpath(QFileInfo(to).absolutePath());
            QString error;
            if (!copyCheckpoint(from, to, &error))
                result.warnings << tr("Run %1: %2").arg(q.value(0).toLongLong()).arg(error);
            else
                ++result.checkpoints;
        }
    }
    qCDebug(lcStore) << "copied" << src.displayName() << "to" << dst.displayName() << result.rows;
    return result;
}

} // namespace nsfw
