// Numbered migrations of the project schema. Migration N brings a file from user_version N-1 to N.
// Never edit a migration that has shipped: add the next one.
#include "schema.h"

namespace nsfw::schema {

const QList<QStringList> &migrations()
{
    static const QList<QStringList> kMigrations = {
        // 1: items, label history (the current label is the latest entry), project settings.
        {
            QStringLiteral("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT) WITHOUT ROWID"),
            QStringLiteral(
                "CREATE TABLE items ("
                " id INTEGER PRIMARY KEY,"
                " kind INTEGER NOT NULL CHECK (kind IN (0, 1, 2)),"
                " path TEXT,"
                " parent_id INTEGER REFERENCES items(id) ON DELETE CASCADE,"
                " frame_index INTEGER,"
                " timestamp_ms INTEGER,"
                " content_hash TEXT,"
                " width INTEGER NOT NULL DEFAULT 0,"
                " height INTEGER NOT NULL DEFAULT 0,"
                " fps REAL,"
                " frame_count INTEGER,"
                " duration_ms INTEGER,"
                " file_size INTEGER,"
                " imported_at INTEGER NOT NULL,"
                " label INTEGER CHECK (label IS NULL OR label IN (0, 1, 2)),"
                " missing INTEGER NOT NULL DEFAULT 0,"
                " CHECK ((kind = 2) = (parent_id IS NOT NULL))"
                ")"),
            QStringLiteral("CREATE UNIQUE INDEX items_by_hash ON items(content_hash) WHERE kind <> 2"),
            QStringLiteral("CREATE UNIQUE INDEX frames_by_parent ON items(parent_id, frame_index) WHERE kind = 2"),
            QStringLiteral("CREATE INDEX items_by_kind_label ON items(kind, label)"),
            QStringLiteral("CREATE INDEX items_by_label ON items(label)"),
            QStringLiteral("CREATE INDEX items_by_path ON items(path)"),
            QStringLiteral(
                "CREATE TABLE label_history ("
                " id INTEGER PRIMARY KEY,"
                " item_id INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,"
                " label INTEGER CHECK (label IS NULL OR label IN (0, 1, 2)),"
                " previous INTEGER,"
                " annotator TEXT NOT NULL,"
                " at_ms INTEGER NOT NULL,"
                " source TEXT NOT NULL"
                ")"),
            QStringLiteral("CREATE INDEX label_history_by_item ON label_history(item_id, id)"),
            // The items.label column is a cache of the latest history entry, kept by SQLite itself so
            // that no code path can write one without the other.
            QStringLiteral("CREATE TRIGGER label_history_sets_current AFTER INSERT ON label_history "
                           "BEGIN UPDATE items SET label = NEW.label WHERE id = NEW.item_id; END"),
        },
        // 2: training runs, their per-epoch metrics, the best epoch's validation scores, and model scores of
        // every item (for the gallery's filters and sorts). A run of mode "pretrained" holds the scores of
        // the model as shipped.
        {
            QStringLiteral(
                "CREATE TABLE runs ("
                " id INTEGER PRIMARY KEY,"
                " created_ms INTEGER NOT NULL,"
                " finished_ms INTEGER,"
                " status TEXT NOT NULL CHECK (status IN ('running', 'finished', 'cancelled', 'failed')),"
                " error TEXT,"
                " settings TEXT NOT NULL,"
                " model TEXT NOT NULL,"
                " threshold REAL,"
                " best_epoch INTEGER,"
                " best_metrics TEXT,"
                " checkpoint TEXT,"
                " pid INTEGER,"
                " host TEXT"
                ")"),
            QStringLiteral(
                "CREATE TABLE run_epochs ("
                " run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,"
                " epoch INTEGER NOT NULL,"
                " metrics TEXT NOT NULL,"
                " PRIMARY KEY (run_id, epoch)"
                ") WITHOUT ROWID"),
            QStringLiteral(
                "CREATE TABLE run_items ("
                " run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,"
                " item_id INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,"
                " split INTEGER NOT NULL CHECK (split IN (0, 1)),"
                " label INTEGER NOT NULL CHECK (label IN (0, 1)),"
                " score REAL,"
                " PRIMARY KEY (run_id, item_id)"
                ") WITHOUT ROWID"),
            QStringLiteral(
                "CREATE TABLE item_scores ("
                " run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,"
                " item_id INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,"
                " score REAL NOT NULL,"
                " PRIMARY KEY (run_id, item_id)"
                ") WITHOUT ROWID"),
            QStringLiteral("CREATE INDEX item_scores_by_score ON item_scores(run_id, score)"),
            QStringLiteral("CREATE INDEX item_scores_by_item ON item_scores(item_id)"),
            QStringLiteral("CREATE INDEX run_items_by_item ON run_items(item_id)"),
        },
        // 3: the items a run could not read (JSON array of {item, path, reason}), so a run never leaves out
        // pictures silently.
        {
            QStringLiteral("ALTER TABLE runs ADD COLUMN unreadable TEXT"),
        },
    };
    return kMigrations;
}

} // namespace nsfw::schema
